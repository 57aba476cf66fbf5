import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report university --term T` (SPEC §17): each course's places taken against its capacity, cadres and
  /// 社会老年人 apart, who waits, and the term's fees — due (学费 × places taken), reduced and charged, of the
  /// students holding a place; then the cadres enrolled by region, and the waiting lists in order. Courses are
  /// the university's, not a region's: `region` narrows the cadres by region alone.
  public func universityReport(term name: String, region: Region, generatedAt: String) throws -> ReportDocument {
    let scope = ReportScope(region: region)
    return try read { db in
      guard let term = try SeniorUniversity.term(named: name, db), let termID = term.id else {
        throw LaoganError.recordNotFound(label: TermKind.label, reference: name)
      }
      let courses = try db.rows(
        sql: """
          SELECT c.name, c.class_name, c.teacher, c.capacity, COALESCE(c.fee_fen, 0) AS fee,
                 COUNT(e.id) FILTER (WHERE e.waiting = 0) AS taken,
                 COUNT(e.id) FILTER (WHERE e.waiting = 0 AND e.cadre_id IS NOT NULL) AS cadres,
                 COUNT(e.id) FILTER (WHERE e.waiting = 1) AS waiting,
                 COALESCE(SUM(e.charged_fen) FILTER (WHERE e.waiting = 0), 0) AS charged
          FROM course c LEFT JOIN enrolment e ON e.course_id = c.id AND \(RecordSQL.inForce("e"))
          WHERE c.term_id = ? AND \(RecordSQL.inForce("c"))
          GROUP BY c.id ORDER BY c.id
          """, arguments: [termID])
      var totals = [Int64](repeating: 0, count: 8)
      var rows: [[ReportDocument.Cell]] = courses.map { row in
        let (taken, cadres, fee, charged): (Int64, Int64, Int64, Int64) =
          (row["taken"], row["cadres"], row["fee"], row["charged"])
        let figures: [Int64] = [
          row["capacity"], taken, cadres, taken - cadres, row["waiting"], fee * taken, fee * taken - charged, charged,
        ]
        for (index, figure) in figures.enumerated() { totals[index] += figure }
        return [.text(row["name"]), .text(row["class_name"] ?? ""), .text(row["teacher"] ?? "")]
          + figures.enumerated().map { index, figure in index >= 5 ? .money(figure) : .number(figure) }
      }
      rows.append(
        [.text("合计"), .empty, .empty]
          + totals.enumerated().map { index, figure in index >= 5 ? .money(figure) : .number(figure) })
      let regions = try db.rows(
        sql: """
          SELECT k.region_code, COUNT(DISTINCT k.id) AS people, COUNT(*) AS places
          FROM enrolment e JOIN course c ON c.id = e.course_id JOIN cadre k ON k.id = e.cadre_id
          WHERE c.term_id = ? AND \(RecordSQL.inForce("c")) AND \(RecordSQL.inForce("e")) AND e.waiting = 0
            AND \(scope.region("k.region_code"))
          GROUP BY k.region_code ORDER BY k.region_code
          """, arguments: [termID]
      ).map { row -> [ReportDocument.Cell] in
        [
          .text(Region.displayName(of: row["region_code"])), .number(row["people"]),
          .number(row["places"]),
        ]
      }
      let waiting = try db.rows(
        sql: """
          SELECT c.name AS course, COALESCE(k.name, e.name) AS name, e.cadre_id IS NOT NULL AS cadre, e.enrolled_on,
                 ROW_NUMBER() OVER (PARTITION BY e.course_id ORDER BY e.enrolled_on, e.id) AS place
          FROM enrolment e JOIN course c ON c.id = e.course_id LEFT JOIN cadre k ON k.id = e.cadre_id
          WHERE c.term_id = ? AND \(RecordSQL.inForce("c")) AND \(RecordSQL.inForce("e")) AND e.waiting = 1
          ORDER BY c.id, place
          """, arguments: [termID]
      ).map { row -> [ReportDocument.Cell] in
        [
          .text(row["course"]), .number(row["place"]), .text(row["name"]), .text(row["cadre"] ? "离退休干部" : "社会学员"),
          .text(row["enrolled_on"]),
        ]
      }
      return ReportDocument(
        title: "老年大学\(term.name)报名与学费统计",
        subtitle: ReportHeading.lines(
          region: region, period: Period(from: term.startsOn, to: term.endsOn), generatedAt: generatedAt)
          + ["应收学费为学费乘已报名人数（不含候补）；减免为应收与实收之差；地区只用于离退休干部学员一表"],
        sections: [
          .init(
            title: "各课程",
            headers: ["课程", "班级", "教师", "容量", "已报名", "离退休干部", "社会老年人", "候补", "应收学费", "减免", "实收学费"],
            rows: rows, combination: .list(total: true)),
          .init(title: "离退休干部学员（按管理地区）", headers: ["管理地区", "人数", "人次"], rows: regions),
          .init(
            title: "候补名单", headers: ["课程", "候补顺序", "姓名", "类别", "报名日期"], rows: waiting,
            notes: ["共 \(waiting.count) 人次"], combination: .list(total: false)),
        ], span: Period(from: term.startsOn, to: term.endsOn))
    }
  }
}
