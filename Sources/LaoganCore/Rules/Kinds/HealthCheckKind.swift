import LaoganModel
import LaoganStore

/// 健康体检: facts — a cadre and a day, nothing medical.
public enum HealthCheckKind: RecordKind {
  public typealias Field = HealthCheckField
  public typealias Record = HealthCheck

  public static let name = "health-checks"
  public static let label = "健康体检"
  public static let dateSQL: String? = "health_check.checked_on"
  public static let typeColumn: String? = nil
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [HealthCheckField] = [.residentID, .checkedOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let checkedOn = cells.date(.checkedOn)
    guard cells.problems.isEmpty, let cadre, let checkedOn else { return nil }
    return Parsed(HealthCheck(id: nil, cadreID: cadre.id, checkedOn: checkedOn, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [.residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .checkedOn: record.checkedOn.description]
  }
}
