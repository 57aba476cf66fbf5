import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report abroad --on D [--grace N]` (SPEC §17), of the cadres on the roll on D: who is abroad that day and
  /// who of them is overdue, and the permits that expire within six months of D; and, of every cadre in force
  /// (a permit is recovered from a cadre who died too), the permits still out more than `grace` days after
  /// their trip came back.
  public func abroadReport(region: Region, on day: CalendarDate, grace: Int, generatedAt: String, reveal: Bool)
    throws -> ReportDocument
  {
    let scope = ReportScope(region: region)
    let cadres = "\(CadreSQL.onRoll("c", on: ":day")) AND \(scope.region("c.region_code"))"
    func person(_ row: SQLRow) -> [ReportDocument.Cell] {
      let id: String = row["resident_id"]
      return [
        .text(row["name"]), .text(reveal ? id : Masking.residentID(id)),
        .text(Region.displayName(of: row["region_code"])),
      ]
    }
    let (abroad, overdue, unreturned, expiring) = try read { db in
      let trips = try db.rows(
        sql: """
          SELECT t.id, c.name, c.resident_id, c.region_code, t.destination, t.purpose, t.departed_on,
                 t.planned_return_on, p.number,
                 \(SQLDialect.larger("0", SQLDialect.days(from: "t.planned_return_on", to: ":day"))) AS late
          FROM trip t JOIN cadre c ON c.id = t.cadre_id JOIN permit p ON p.id = t.permit_id
          WHERE \(AbroadSQL.abroad("t", on: ":day")) AND \(cadres)
          ORDER BY t.departed_on, t.id
          """, arguments: ["day": day])
      let unreturned = try db.rows(
        sql: """
          SELECT p.id, p.number, p.kind, c.name, c.resident_id, c.region_code, l.lent_on, t.id AS trip,
                 t.destination, t.returned_on, \(SQLDialect.days(from: "t.returned_on", to: ":day")) AS days
          \(AbroadSQL.unreturned(on: ":day", grace: grace)) AND \(scope.region("c.region_code"))
          ORDER BY t.returned_on, p.id
          """, arguments: ["day": day])
      let expiring = try db.rows(
        sql: """
          SELECT p.id, p.number, p.kind, c.name, c.resident_id, c.region_code, p.valid_until,
                 \(SQLDialect.days(from: ":day", to: "p.valid_until")) AS days,
                 EXISTS (SELECT 1 FROM permit_loan l WHERE l.permit_id = p.id AND l.lent_on <= :day
                         AND (l.returned_on IS NULL OR l.returned_on > :day)) AS lent
          FROM permit p JOIN cadre c ON c.id = p.cadre_id
          WHERE \(RecordSQL.inForce("p")) AND p.valid_until >= :day AND p.valid_until < \(SQLDialect.shifted(":day", by: 6, .months))
            AND \(cadres)
          ORDER BY p.valid_until, p.id
          """, arguments: ["day": day])
      return (trips, trips.filter { $0["late"] as Int64 > 0 }, unreturned, expiring)
    }
    func trip(_ row: SQLRow) -> [ReportDocument.Cell] {
      [.number(row["id"])] + person(row) + [
        .text(Masking.inText(row["destination"])), .text(Masking.inText(row["purpose"] ?? "")),
        .text(row["departed_on"]),
        .text(row["planned_return_on"]), .text(row["number"]),
      ]
    }
    let tripHeaders = ["编号", "姓名", "身份证号", "管理地区", "目的地", "事由", "出发日期", "计划返回日期", "证照号码"]
    return ReportDocument(
      title: "出国(境)情况（\(day)）",
      subtitle: ReportHeading.lines(region: region, period: Period(from: day, to: day), generatedAt: generatedAt)
        + ["在境外：已出发、未在该日前返回（返回当日不计）；证照应在返回后 \(grace) 天内交回"],
      sections: [
        .init(
          title: "在境外", headers: tripHeaders, rows: abroad.map(trip), notes: ["共 \(abroad.count) 人次"],
          combination: .list(total: false)),
        .init(
          title: "逾期未归", headers: tripHeaders + ["逾期天数"],
          rows: overdue.map { trip($0) + [.number($0["late"])] }, notes: ["共 \(overdue.count) 人次"],
          combination: .list(total: false)),
        .init(
          title: "证照逾期未交回",
          headers: ["编号", "证照号码", "证照类型", "姓名", "身份证号", "管理地区", "领用日期", "出行编号", "目的地", "返回日期", "返回后天数"],
          rows: unreturned.map { row in
            [.number(row["id"]), .text(row["number"]), .text(row["kind"])] + person(row) + [
              .text(row["lent_on"]), .number(row["trip"]), .text(Masking.inText(row["destination"])),
              .text(row["returned_on"]),
              .number(row["days"]),
            ]
          }, notes: ["共 \(unreturned.count) 本"], combination: .list(total: false)),
        .init(
          title: "六个月内到期的证照",
          headers: ["编号", "证照号码", "证照类型", "姓名", "身份证号", "管理地区", "有效期至", "剩余天数", "保管"],
          rows: expiring.map { row in
            [.number(row["id"]), .text(row["number"]), .text(row["kind"])] + person(row) + [
              .text(row["valid_until"]), .number(row["days"]), .text(row["lent"] ? "领用" : "在柜"),
            ]
          }, notes: ["共 \(expiring.count) 本"], combination: .list(total: false)),
      ], span: Period(from: day, to: day))
  }
}
