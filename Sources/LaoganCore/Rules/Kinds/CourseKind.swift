import GRDB

/// A course of the 老年大学 (SPEC §17), named by its 学期 and 课程 together, so importing a term's courses again
/// updates them. A capacity below the places already taken is refused.
public enum CourseKind: RecordKind {
  public typealias Field = CourseField
  public typealias Record = Course

  public static let name = "courses"
  public static let label = "课程"
  public static let keyField: CourseField? = .name
  public static let keyColumn = "course_key"
  public static let typeColumn: String? = nil
  public static let region = RecordRegion.none
  public static let listFields: [CourseField] = [.term, .name, .className, .teacher, .capacity, .fee, .maxAge]

  /// `term id|课程`, as the table's `course_key` spells it.
  public static func key(of row: FieldReader<Field>, _ lookup: Lookup) throws -> String? {
    guard let termName = row.text(.term), let name = row.text(.name),
      let term = try SeniorUniversity.term(named: termName, lookup.db), let termID = term.id
    else { return nil }
    return Course.key(termID: termID, name: name)
  }

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let term = try cells.term(.term, lookup)
    let name = cells.line(.name, maxLength: 60)
    let className = cells.line(.className, maxLength: 60)
    let teacher = cells.line(.teacher, maxLength: 40)
    let place = cells.line(.place, maxLength: 100)
    let capacity = cells.count(.capacity)
    let fee = cells.money(.fee)
    let maxAge = cells.count(.maxAge)
    if capacity == 0 { cells.fail(.capacity, "容量须大于 0") }
    if let maxAge, !(40...150).contains(maxAge) { cells.fail(.maxAge, "年龄上限应在 40 到 150 岁之间") }
    guard cells.problems.isEmpty, let term, let termID = term.id, let name, let capacity else { return nil }
    if let id = cells.replacing {
      let taken = try SeniorUniversity.enrolled(in: id, excluding: nil, lookup.db)
      if capacity < taken { cells.fail(.capacity, "已有 \(taken) 人报名，容量不能小于 \(taken)") }
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(
      Course(
        id: nil, termID: termID, name: name, courseKey: Course.key(termID: termID, name: name), className: className,
        teacher: teacher, place: place, capacity: capacity, fee: fee, maxAge: maxAge, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .term: try String.fetchOne(lookup.db, sql: "SELECT name FROM term WHERE id = ?", arguments: [record.termID])
        ?? "",
      .name: record.name, .className: record.className ?? "", .teacher: record.teacher ?? "",
      .place: record.place ?? "", .capacity: "\(record.capacity)", .fee: record.fee?.description ?? "",
      .maxAge: record.maxAge.map { "\($0)" } ?? "",
    ]
  }
}
