import LaoganModel
import LaoganStore
import LaoganText

/// A course of the 老年大学 (SPEC §17), named by its 学期 and 课程 together, so importing a term's courses again
/// updates them. A capacity below the places already taken is refused, and so is a change of term, of fee or
/// of age limit that the course's enrolments were not checked and charged against.
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
    if let id = cells.replacing, let stored = try lookup.db.record(Course.self, id: id) {
      let taken = try SeniorUniversity.count(in: id, waiting: false, lookup.db)
      if capacity < taken { cells.fail(.capacity, "已有 \(taken) 人报名，容量不能小于 \(taken)") }
      // What each enrolment was checked and charged against stays as it was.
      let enrolments = try SeniorUniversity.count(in: id, lookup.db)
      if enrolments > 0, stored.termID != termID {
        cells.fail(.term, "已有 \(enrolments) 条报名，不能改到另一学期")
      }
      if enrolments > 0, stored.fee != fee {
        cells.fail(.fee, "已有 \(enrolments) 条报名按原学费收费，不能修改；学费不同请另开课程")
      }
      if let maxAge, stored.maxAge.map({ maxAge < $0 }) ?? true,
        let oldest = try SeniorUniversity.birthDates(in: id, lookup.db).map({ $0.age(on: term.startsOn) }).max(),
        oldest > maxAge
      {
        cells.fail(.maxAge, "已报名的学员中有开学时 \(oldest) 岁的")
      }
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(
      Course(
        id: nil, termID: termID, name: name, courseKey: Course.key(termID: termID, name: name), className: className,
        teacher: teacher, place: place, capacity: capacity, fee: fee, maxAge: maxAge, voidedReason: nil))
  }

  /// A course by id, by its stored key (`term id|课程`), or by its 课程 when one course in force has it (a
  /// term each year may repeat it).
  public static func find(_ reference: String, in db: any SQLSession) throws -> Course? {
    let text = CellText.key(reference.trimmed)
    if let id = Int64(text) { return try db.record(Course.self, id: id) }
    if let keyed = try db.record(Course.self, sql: "SELECT * FROM course WHERE course_key = ?", arguments: [text]) {
      return keyed
    }
    let named = try db.records(
      Course.self, sql: "SELECT * FROM course WHERE name = ? AND \(RecordSQL.inForce()) LIMIT 2", arguments: [text])
    return named.count == 1 ? named.first : nil
  }

  /// A course with students is not voided: they would be left in a course that is gone.
  public static func refuseVoid(of record: Record, _ db: any SQLSession) throws {
    let enrolments = try SeniorUniversity.count(in: record.id, db)
    guard enrolments > 0 else { return }
    throw LaoganError.invalidValue(
      field: label, value: record.name, reason: "还有 \(enrolments) 条报名；先作废这些报名（enrolment void）")
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .term: try lookup.db.value(String.self, sql: "SELECT name FROM term WHERE id = ?", arguments: [record.termID])
        ?? "",
      .name: record.name, .className: record.className ?? "", .teacher: record.teacher ?? "",
      .place: record.place ?? "", .capacity: "\(record.capacity)", .fee: record.fee?.description ?? "",
      .maxAge: record.maxAge.map { "\($0)" } ?? "",
    ]
  }
}
