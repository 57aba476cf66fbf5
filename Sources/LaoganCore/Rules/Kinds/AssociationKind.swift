import LaoganModel
import LaoganStore

/// 涉老社团, keyed by 名称.
public enum AssociationKind: RecordKind {
  public typealias Field = AssociationField
  public typealias Record = Association

  public static let name = "associations"
  public static let label = "涉老社团"
  public static let keyField: AssociationField? = .name
  public static let typeColumn: String? = "category"
  public static let listFields: [AssociationField] = [.name, .category, .region, .establishedOn, .dissolvedOn, .leader]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let name = cells.line(.name)
    let category = cells.choice(.category, AssociationCategory.self)
    let region = cells.region(.region)
    let establishedOn = cells.date(.establishedOn)
    let dissolvedOn = cells.date(.dissolvedOn)
    cells.noteIfBefore(dissolvedOn, establishedOn, "撤销日期", "成立日期")
    guard cells.problems.isEmpty, let name, let category, let region else { return nil }
    return Parsed(
      Association(
        id: nil, name: name, category: category, regionCode: region.code, establishedOn: establishedOn,
        dissolvedOn: dissolvedOn, leader: cells.line(.leader), voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .name: record.name, .category: record.category.rawValue, .region: record.regionCode,
      .establishedOn: record.establishedOn?.description ?? "", .dissolvedOn: record.dissolvedOn?.description ?? "",
      .leader: record.leader ?? "",
    ]
  }

  public static let hasMembers = true

  public static func closeMembers(of record: Record, on day: CalendarDate?, _ writer: AuditedWriter) throws {
    try OpenMemberships.close(AssociationMember.self, in: record.id, named: record.name, on: day, writer)
  }
}
