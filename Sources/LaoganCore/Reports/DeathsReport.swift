import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report deaths --year Y`: each cadre who died in the year while the bureau managed them, with the cause,
  /// the farewell, the 丧葬费 and the 一次性抚恤金 (amount, date and 领取人, or 未发放), and whether a spouse
  /// survives (未登记 when none is on file).
  public func deathsReport(region: Region, period: Period, generatedAt: String, reveal: Bool) throws
    -> ReportDocument
  {
    let scope = ReportScope(region: region)
    /// The item's payments for the cadre as `金额（日期，领取人）`, `；` between several.
    func settled(_ item: BenefitItem) -> String {
      """
      (SELECT \(SQLDialect.joined(
        "\(SQLDialect.yuan("p.amount_fen")) || '（' || COALESCE(CAST(p.paid_on AS TEXT), p.month) || '，' || COALESCE(f.name, '') || '）'",
        separator: "；", order: "p.id")) FROM payment p LEFT JOIN family_member f ON f.id = p.recipient_id
      WHERE p.cadre_id = c.id AND p.item = '\(item.rawValue)' AND \(RecordSQL.inForce("p")))
      """
    }
    let rows = try read { db in
      try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.region_code, c.died_on, c.death_cause, c.farewell,
                 \(settled(.funeralGrant)) AS funeral, \(settled(.lumpSumPension)) AS pension,
                 (SELECT MAX(\(SQLDialect.number(of: "f.died_on IS NULL OR f.died_on > c.died_on"))) FROM family_member f
                  WHERE f.cadre_id = c.id AND f.relation = '\(FamilyRelation.spouse.rawValue)'
                    AND \(RecordSQL.inForce("f"))) AS spouse
          FROM cadre c
          WHERE \(RecordSQL.inForce("c")) AND c.died_on BETWEEN :from AND :to AND \(scope.region("c.region_code"))
            AND \(ManagedRule.sql("c", onEach: "c.died_on"))
          ORDER BY c.died_on, c.id
          """, arguments: ["from": period.from, "to": period.to])
    }.map { row -> [ReportDocument.Cell] in
      let id: String = row["resident_id"]
      let spouse: Bool? = row["spouse"]
      return [
        .number(row["id"]), .text(row["name"]), .text(reveal ? id : Masking.residentID(id)),
        .text(Region.displayName(of: row["region_code"])), .text(row["died_on"]),
        .text(row["death_cause"] ?? ""), .text(row["farewell"] ?? ""), .text(row["funeral"] ?? "未发放"),
        .text(row["pension"] ?? "未发放"), .text(spouse.map { $0 ? "是" : "否" } ?? "未登记"),
      ]
    }
    let unsettled = rows.filter { $0[7] == .text("未发放") || $0[8] == .text("未发放") }.count
    return ReportDocument(
      title: "去世干部名单与抚恤情况",
      subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt),
      sections: [
        .init(
          title: "去世干部",
          headers: ["编号", "姓名", "身份证号", "管理地区", "去世日期", "去世原因", "送别方式", "丧葬费（元）", "一次性抚恤金（元）", "配偶健在"],
          rows: rows, notes: ["共 \(rows.count) 人，其中丧葬费或抚恤金未发放 \(unsettled) 人"], combination: .list(total: false))
      ])
  }
}
