import LaoganModel
import LaoganStore

/// What a course and an enrolment of the 老年大学 read of the others (SPEC §17), for the import and the
/// commands alike.
enum SeniorUniversity {
  /// The term in force of that name.
  static func term(named name: String, _ db: any SQLSession) throws -> Term? {
    try db.record(Term.self, sql: "SELECT * FROM term WHERE name = ? AND \(RecordSQL.inForce())", arguments: [name])
  }

  /// The course in force of the term with that 课程.
  static func course(termID: Int64, named name: String, _ db: any SQLSession) throws -> Course? {
    try db.record(
      Course.self, sql: "SELECT * FROM course WHERE course_key = ? AND \(RecordSQL.inForce())",
      arguments: [Course.key(termID: termID, name: name)])
  }

  /// The enrolments in force of the course, other than record `id`: those holding a place (`waiting` false),
  /// those waiting (true), or all (nil).
  static func count(in courseID: Int64?, waiting: Bool? = nil, excluding id: Int64? = nil, _ db: any SQLSession) throws
    -> Int
  {
    try db.value(
      Int.self,
      sql: """
        SELECT COUNT(*) FROM enrolment WHERE course_id = ? AND \(SQLDialect.same("waiting", "COALESCE(?, waiting)"))
          AND \(SQLDialect.differs("id", "?"))
          AND \(RecordSQL.inForce())
        """, arguments: [courseID, waiting, id]) ?? 0
  }

  /// The enrolment in force, other than record `id`, of the same student in the course: the same cadre (or a
  /// 社会学员 entered with that cadre's 身份证号 before the cadre was on the roster); a 社会学员 by their
  /// 身份证号, or without one by 姓名 and 电话 (its digits, without +86) together — or by 姓名 alone when that is
  /// the name of a cadre already in the course, who is asked for by 身份证号.
  static func sameStudent(
    _ enrolment: Enrolment, cadre: Lookup.CadreRef?, excluding id: Int64?, _ db: any SQLSession
  ) throws -> Int64? {
    let others = """
      SELECT e.id, e.cadre_id, e.resident_id, COALESCE(k.name, e.name) AS name, e.phone FROM enrolment e
      LEFT JOIN cadre k ON k.id = e.cadre_id
      WHERE e.course_id = ? AND \(SQLDialect.differs("e.id", "?")) AND \(RecordSQL.inForce("e")) ORDER BY e.id
      """
    let rows = try db.rows(sql: others, arguments: [enrolment.courseID, id])
    return rows.first { row in
      let (cadreID, residentID, name): (Int64?, String?, String?) = (row["cadre_id"], row["resident_id"], row["name"])
      if let cadre { return cadreID == cadre.id || residentID == cadre.residentID }
      if let own = enrolment.residentID { return residentID == own }
      guard name == enrolment.name, residentID == nil else { return false }
      return cadreID != nil || phoneDigits(row["phone"]) == phoneDigits(enrolment.phone)
    }?["id"]
  }

  /// A phone as a number to compare: its digits, without the country's 86 before a mobile number.
  private static func phoneDigits(_ phone: String?) -> String? {
    guard let digits = phone?.filter(\.isASCIIDigit) else { return nil }
    return digits.count == 13 && digits.hasPrefix("86") ? String(digits.dropFirst(2)) : digits
  }

  /// The first in line for a place: the waiting enrolment in force enrolled first, other than record `id`.
  static func firstWaiting(for courseID: Int64, excluding id: Int64?, _ db: any SQLSession) throws -> Enrolment? {
    try db.record(
      Enrolment.self,
      sql: """
        SELECT * FROM enrolment WHERE course_id = ? AND waiting = 1 AND \(SQLDialect.differs("id", "?")) AND \(RecordSQL.inForce())
        ORDER BY enrolled_on, id LIMIT 1
        """, arguments: [courseID, id])
  }

  /// The student holding a place who enrolled last, other than record `id`.
  static func lastPlaced(in courseID: Int64, excluding id: Int64?, _ db: any SQLSession) throws -> Enrolment? {
    try db.record(
      Enrolment.self,
      sql: """
        SELECT * FROM enrolment WHERE course_id = ? AND waiting = 0 AND \(SQLDialect.differs("id", "?")) AND \(RecordSQL.inForce())
        ORDER BY enrolled_on DESC, id DESC LIMIT 1
        """, arguments: [courseID, id])
  }

  /// The students in force of the course, with the birth dates that are known (a cadre's; a 社会学员's from
  /// their 身份证号).
  static func birthDates(in courseID: Int64?, _ db: any SQLSession) throws -> [CalendarDate] {
    try db.rows(
      sql: """
        SELECT k.born_on, e.resident_id FROM enrolment e LEFT JOIN cadre k ON k.id = e.cadre_id
        WHERE e.course_id = ? AND \(RecordSQL.inForce("e"))
        """, arguments: [courseID]
    ).compactMap { row in
      (row["born_on"] as String?).flatMap(CalendarDate.init(iso:))
        ?? (row["resident_id"] as String?).flatMap { try? ResidentID($0) }?.birthDate
    }
  }
}

extension FieldReader {
  /// A term named by its 学期.
  mutating func term(_ field: Field, _ lookup: Lookup) throws -> Term? {
    guard let name = text(field) else { return nil }
    guard let term = try SeniorUniversity.term(named: name, lookup.db) else {
      fail(field, "没有这个学期（先 import terms 或 term add）")
      return nil
    }
    return term
  }
}
