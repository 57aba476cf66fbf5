import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `course roster COURSE --term T` (SPEC §17): the class list a teacher takes to the first lesson — the
  /// students holding a place, in the order they enrolled, with a column to sign in. Ages are on the term's
  /// first day; a 社会学员's sex and age come from their 身份证号 when it is known; the phone is the one given
  /// at enrolment, else the cadre's, masked unless `reveal`.
  public func courseRoster(course name: String, term termName: String, reveal: Bool) throws
    -> ReportDocument
  {
    try read { db in
      guard let term = try SeniorUniversity.term(named: termName, db), let termID = term.id else {
        throw LaoganError.recordNotFound(label: TermKind.label, reference: termName)
      }
      guard let course = try SeniorUniversity.course(termID: termID, named: name, db) else {
        throw LaoganError.recordNotFound(label: CourseKind.label, reference: "\(termName) \(name)")
      }
      let students = try db.rows(
        sql: """
          SELECT COALESCE(k.name, e.name) AS name, k.sex, COALESCE(k.born_on, '') AS born_on, e.resident_id,
                 COALESCE(e.phone, k.phone) AS phone, e.cadre_id IS NOT NULL AS cadre
          FROM enrolment e LEFT JOIN cadre k ON k.id = e.cadre_id
          WHERE e.course_id = ? AND e.waiting = 0 AND \(RecordSQL.inForce("e"))
          ORDER BY e.enrolled_on, e.id
          """, arguments: [course.id])
      let rows = students.enumerated().map { index, row -> [ReportDocument.Cell] in
        let own = (row["resident_id"] as String?).flatMap { try? ResidentID($0) }
        let born = CalendarDate(iso: row["born_on"]) ?? own?.birthDate
        let phone: String? = row["phone"]
        return [
          .number(Int64(index + 1)), .text(row["name"]), .text(row["sex"] ?? own?.sex.rawValue ?? ""),
          born.map { .number(Int64($0.age(on: term.startsOn))) } ?? .empty,
          .text(row["cadre"] ? "离退休干部" : "社会学员"), .text(phone.map { reveal ? $0 : Masking.phone($0) } ?? ""),
          .empty,
        ]
      }
      // One line above the table, so that a class of thirty signs on one A4 page; a class list needs no time
      // it was made (its JSON still says it).
      let details = [
        course.className, course.teacher.map { "教师 \($0)" }, course.place.map { "地点 \($0)" },
        "开学 \(term.startsOn)，结业 \(term.endsOn)",
      ]
      return ReportDocument(
        title: "老年大学\(term.name)《\(course.name)》学员名册",
        subtitle: [details.compactMap { $0 }.joined(separator: "　")],
        sections: [
          .init(
            title: "学员（共 \(rows.count) 人，容量 \(course.capacity) 人）",
            headers: ["序号", "姓名", "性别", "年龄", "类别", "电话", "签到"], rows: rows, combination: .list(total: false))
        ], span: Period(from: term.startsOn, to: term.endsOn))
    }
  }
}
