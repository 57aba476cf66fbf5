import GRDB

/// What a course and an enrolment of the 老年大学 read of the others (SPEC §17), for the import and the
/// commands alike.
enum SeniorUniversity {
  /// The term in force of that name.
  static func term(named name: String, _ db: Database) throws -> Term? {
    try Term.fetchOne(
      db.cachedStatement(sql: "SELECT * FROM term WHERE name = ? AND \(RecordSQL.inForce())"), arguments: [name])
  }

  /// The course in force of the term with that 课程.
  static func course(termID: Int64, named name: String, _ db: Database) throws -> Course? {
    try Course.fetchOne(
      db.cachedStatement(sql: "SELECT * FROM course WHERE course_key = ? AND \(RecordSQL.inForce())"),
      arguments: [Course.key(termID: termID, name: name)])
  }

  /// The students holding a place in the course (not waiting), other than record `id`.
  static func enrolled(in courseID: Int64, excluding id: Int64?, _ db: Database) throws -> Int {
    try Int.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT COUNT(*) FROM enrolment WHERE course_id = ? AND waiting = 0 AND id IS NOT ? AND \(RecordSQL.inForce())
          """), arguments: [courseID, id]) ?? 0
  }

  /// The students waiting for the course, other than record `id`.
  static func waiting(for courseID: Int64, excluding id: Int64?, _ db: Database) throws -> Int {
    try Int.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT COUNT(*) FROM enrolment WHERE course_id = ? AND waiting = 1 AND id IS NOT ? AND \(RecordSQL.inForce())
          """), arguments: [courseID, id]) ?? 0
  }

  /// The enrolment in force, other than record `id`, of the same student in the course: the same cadre; a
  /// 社会学员 by their 身份证号, or without one by 姓名 and 电话 together.
  static func sameStudent(_ enrolment: Enrolment, excluding id: Int64?, _ db: Database) throws -> Int64? {
    let who: String
    let arguments: StatementArguments
    if let cadreID = enrolment.cadreID {
      (who, arguments) = ("cadre_id = ?", [cadreID])
    } else if let residentID = enrolment.residentID {
      (who, arguments) = ("resident_id = ?", [residentID])
    } else {
      (who, arguments) = ("cadre_id IS NULL AND name = ? AND phone IS ?", [enrolment.name, enrolment.phone])
    }
    return try Int64.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT id FROM enrolment WHERE course_id = ? AND id IS NOT ? AND \(RecordSQL.inForce()) AND \(who) LIMIT 1
          """), arguments: [enrolment.courseID, id] + arguments)
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
