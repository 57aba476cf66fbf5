import LaoganModel
import LaoganStore

/// 先进典型: facts; each names a cadre (身份证号) or a collective, never both.
public enum HonorKind: RecordKind {
  public typealias Field = HonorField
  public typealias Record = Honor

  public static let name = "honors"
  public static let label = "先进典型"
  public static let dateSQL: String? = "honor.awarded_on"
  public static let typeColumn: String? = "level"
  public static let cadreColumn: String? = "cadre_id"
  public static let listFields: [HonorField] = [.awardedOn, .title, .level, .region, .residentID, .collectiveName]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let awardedOn = cells.date(.awardedOn)
    let title = cells.line(.title)
    let level = cells.choice(.level, HonorLevel.self)
    let region = cells.region(.region)
    let cadre = try cells.cadre(.residentID, lookup)
    let collective = cells.line(.collectiveName)
    if cells.text(.residentID) == nil && collective == nil {
      cells.fail(.collectiveName, "身份证号与集体名称须填其一")
    } else if cells.text(.residentID) != nil && collective != nil {
      cells.fail(.collectiveName, "身份证号与集体名称只能填其一")
    }
    guard cells.problems.isEmpty, let awardedOn, let title, let level, let region else { return nil }
    return Parsed(
      Honor(
        id: nil, awardedOn: awardedOn, title: title, level: level, regionCode: region.code, cadreID: cadre?.id,
        collectiveName: collective, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .awardedOn: record.awardedOn.description, .title: record.title, .level: record.level.rawValue,
      .region: record.regionCode,
      .residentID: try record.cadreID.flatMap { try lookup.cadre(id: $0)?.residentID } ?? "",
      .collectiveName: record.collectiveName ?? "",
    ]
  }
}
