import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// `report dues --year Y`: by organization (on the period's last day), the members with dues in the period,
  /// what was due, what was paid and what is owed, in exact 分; the members of no organization on a row of
  /// their own, and 合计.
  public func duesReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    try read { db in
      let accounts = try mapDuesAccounts(
        region: region, from: Month(period.from), to: Month(period.to), on: period.to, db
      ) { member, account in
        account.hasDue || account.paid > .zero ? (member.organization ?? "（未编入党组织）", account) : nil
      }
      var byOrganization: [String: DuesTotals] = [:]
      var total = DuesTotals()
      for (organization, account) in accounts {
        byOrganization[organization, default: DuesTotals()].add(account)
        total.add(account)
      }
      let rows =
        byOrganization.keys.sorted().map { byOrganization[$0, default: DuesTotals()].row($0) } + [total.row("合计")]
      return ReportDocument(
        title: "党费收缴统计",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt)
          + ["党组织按 \(period.to) 计；欠缴按月计，多缴的月份不抵其他月份"],
        sections: [
          .init(
            title: "按党组织", headers: ["党组织", "党员", "应缴（元）", "实缴（元）", "欠缴（元）", "欠缴人数"], rows: rows,
            combination: .list(total: true))
        ])
    }
  }

  /// `report dues --owed --on M`: each member short for any month up to M, with the months, the amount owed
  /// and 缴至 (the last month up to which every due month is fully paid).
  public func duesOwedReport(region: Region, through month: Month, generatedAt: String, reveal: Bool) throws
    -> ReportDocument
  {
    try read { db in
      let first =
        try db.value(Month.self, sql: "SELECT MIN(from_month) FROM dues_standard WHERE \(RecordSQL.inForce())") ?? month
      let rows = try mapDuesAccounts(region: region, from: first, to: month, on: month.lastDay, db) {
        member, account -> [ReportDocument.Cell]? in
        guard account.owed > .zero else { return nil }
        let months =
          account.shortMonths.prefix(6).map(\.description).joined(separator: "、")
          + (account.shortCount > 6 ? " 等" : "")
        return [
          .text(member.name), .text(reveal ? member.residentID : Masking.residentID(member.residentID)),
          .text(member.organization ?? "（未编入党组织）"), .number(Int64(account.shortCount)), .text(months),
          .money(account.owed.value), .text(account.paidThrough?.description ?? "（未缴足过）"),
        ]
      }
      let period = Period.month(month)
      return ReportDocument(
        title: "党费欠缴名单",
        subtitle: ReportHeading.lines(
          region: region, period: Period(from: first.firstDay, to: period.to),
          generatedAt: generatedAt) + ["截至 \(month)，按月计；多缴的月份不抵其他月份"],
        sections: [
          .init(
            title: "欠缴党员", headers: ["姓名", "身份证号", "党组织", "欠缴月数", "欠缴月份", "欠缴（元）", "缴至"], rows: rows,
            notes: rows.isEmpty ? ["没有欠缴"] : [], combination: .list(total: false))
        ])
    }
  }
}

/// One row of `report dues --year`: the members with dues, and what was due, paid and owed.
private struct DuesTotals {
  var members = 0
  var due = Fen.zero
  var paid = Fen.zero
  var owed = Fen.zero
  var owing = 0

  mutating func add(_ account: DuesAccount) {
    members += 1
    due = due + account.due
    paid = paid + account.paid
    owed = owed + account.owed
    if account.owed > .zero { owing += 1 }
  }

  func row(_ label: String) -> [ReportDocument.Cell] {
    [
      .text(label), .number(Int64(members)), .money(due.value), .money(paid.value), .money(owed.value),
      .number(Int64(owing)),
    ]
  }
}
