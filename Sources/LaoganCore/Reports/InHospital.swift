import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report in-hospital --on D`: the cadres on the roll on D who are in hospital that day (admitted on or
  /// before it, not discharged before it: the day of discharge counts), with the nights so far and the stay's
  /// last 住院看望 — a 走访慰问 of that occasion listing the cadre, dated within the stay up to D — or 未看望.
  public func inHospitalReport(region: Region, on day: CalendarDate, generatedAt: String, reveal: Bool) throws
    -> ReportDocument
  {
    let scope = ReportScope(region: region)
    let rows = try read { db in
      try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.region_code, s.hospital, s.admitted_on, s.long_term,
                 \(SQLDialect.days(from: "s.admitted_on", to: ":day")) AS nights,
                 (SELECT MAX(t.held_on) FROM participant p JOIN treatment_event t ON t.id = p.event_id
                  WHERE p.event_table = 'treatment_event' AND p.cadre_id = c.id AND t.kind = '走访慰问'
                    AND t.occasion = '住院看望' AND \(RecordSQL.inForce("t"))
                    AND t.held_on BETWEEN s.admitted_on AND :day) AS last_visit
          FROM hospital_stay s JOIN cadre c ON c.id = s.cadre_id
          WHERE \(RecordSQL.inForce("s")) AND s.admitted_on <= :day
            AND (s.discharged_on IS NULL OR s.discharged_on >= :day)
            AND \(CadreSQL.onRoll("c", on: ":day")) AND \(scope.region("c.region_code"))
          ORDER BY s.admitted_on, c.id
          """, arguments: ["day": day])
    }.map { row -> [ReportDocument.Cell] in
      let id: String = row["resident_id"]
      return [
        .number(row["id"]), .text(row["name"]), .text(reveal ? id : Masking.residentID(id)),
        .text(Region.displayName(of: row["region_code"])), .text(row["hospital"]),
        .text(row["admitted_on"]), .number(row["nights"]), .text(row["long_term"] ? "是" : ""),
        .text(row["last_visit"] ?? "未看望"),
      ]
    }
    let unvisited = rows.filter { $0.last == .text("未看望") }.count
    return ReportDocument(
      title: "住院干部名单（\(day)）",
      subtitle: ReportHeading.lines(region: region, period: Period(from: day, to: day), generatedAt: generatedAt)
        + ["住院天数为入院至该日的天数；看望指住院期间、场合为“住院看望”的走访慰问"],
      sections: [
        .init(
          title: "在院干部", headers: ["编号", "姓名", "身份证号", "管理地区", "医院", "入院日期", "住院天数", "长期住院", "最近住院看望"],
          rows: rows, notes: ["共 \(rows.count) 人，其中未看望 \(unvisited) 人"], combination: .list(total: false))
      ])
  }
}
