import LaoganModel
import LaoganStore

/// 学期 of the 老年大学 (SPEC §17), named by its 学期: importing the terms again updates their days.
public enum TermKind: RecordKind {
  public typealias Field = TermField
  public typealias Record = Term

  public static let name = "terms"
  public static let label = "学期"
  public static let keyField: TermField? = .name
  public static let typeColumn: String? = nil
  public static let region = RecordRegion.none
  public static let listFields: [TermField] = [.name, .startsOn, .endsOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let name = cells.line(.name, maxLength: 40)
    let startsOn = cells.date(.startsOn)
    let endsOn = cells.date(.endsOn)
    if let startsOn, let endsOn, endsOn < startsOn { cells.fail(.endsOn, "早于开学日期 \(startsOn)") }
    guard cells.problems.isEmpty, let name, let startsOn, let endsOn else { return nil }
    return Parsed(Term(id: nil, name: name, startsOn: startsOn, endsOn: endsOn, voidedReason: nil))
  }

  /// A term with courses in force is not voided.
  public static func refuseVoid(of record: Record, _ db: any SQLSession) throws {
    let courses =
      try db.value(
        Int.self, sql: "SELECT COUNT(*) FROM course WHERE term_id = ? AND \(RecordSQL.inForce())",
        arguments: [record.id])
      ?? 0
    guard courses > 0 else { return }
    throw LaoganError.invalidValue(field: label, value: record.name, reason: "还有 \(courses) 门课程；先作废这些课程")
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [.name: record.name, .startsOn: record.startsOn.description, .endsOn: record.endsOn.description]
  }
}
