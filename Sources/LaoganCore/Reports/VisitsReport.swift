import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report visits --year Y` (any period): the 走访慰问 of the period by 场合 and region — events, the
  /// distinct cadres they reached, and 慰问金额 — and 合计, whose cadres are counted once however many visits
  /// reached them.
  public func visitsReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let scope = ReportScope(region: region)
    let unset = "未填"
    /// The period's visits in the region, as the event `t`.
    func visits(_ t: String) -> String {
      """
      \(RecordSQL.inForce(t)) AND \(t).kind = '\(TreatmentType.visits.rawValue)' \
      AND \(t).held_on BETWEEN :from AND :to AND \(scope.region("\(t).region_code"))
      """
    }
    let reached = """
      SELECT COUNT(DISTINCT p.cadre_id) FROM participant p JOIN treatment_event v ON v.id = p.event_id
      WHERE p.event_table = 'treatment_event' AND \(visits("v"))
      """
    let arguments: SQLArguments = ["from": period.from, "to": period.to]
    let (rows, total) = try read { db in
      let rows = try db.rows(
        sql: """
          SELECT COALESCE(t.occasion, '\(unset)') AS occasion, t.region_code, COUNT(*) AS events,
                 COALESCE(SUM(t.gift_amount_fen), 0) AS amount,
                 (\(reached) AND COALESCE(v.occasion, '\(unset)') = COALESCE(t.occasion, '\(unset)')
                  AND v.region_code = t.region_code) AS cadres
          FROM treatment_event t WHERE \(visits("t")) GROUP BY t.occasion, t.region_code
          """, arguments: arguments)
      let total = try db.row(
        sql:
          "SELECT COUNT(*), COALESCE(SUM(t.gift_amount_fen), 0), (\(reached)) FROM treatment_event t WHERE \(visits("t"))",
        arguments: arguments)
      return (rows, total)
    }
    let order = (VisitOccasion.allCases.map(\.rawValue) + [unset]).flatMap { occasion in
      Region.all.map { "\(occasion)|\($0.displayName)" }
    }
    let cells = rows.map { row -> [ReportDocument.Cell] in
      [
        .text(row["occasion"]), .text(Region.displayName(of: row["region_code"])),
        .number(row["events"]), .number(row["cadres"]), .money(row["amount"]),
      ]
    }.sorted {
      (order.firstIndex(of: ReportDocument.label(of: $0)) ?? order.count)
        < (order.firstIndex(of: ReportDocument.label(of: $1)) ?? order.count)
    }
    let totalRow: [ReportDocument.Cell] = [
      .text(ReportDocument.totalLabel), .text(""), .number(total?[0] ?? 0), .number(total?[2] ?? 0),
      .money(total?[1] ?? 0),
    ]
    return ReportDocument(
      title: "走访慰问统计",
      subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt),
      sections: [
        .init(
          title: "按场合与地区", headers: ["场合", "地区", "次数", "慰问人数", "慰问金额（元）"], rows: cells + [totalRow],
          combination: .tally(order: .labels(order)))
      ])
  }
}
