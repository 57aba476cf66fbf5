import Foundation

/// `report pack` (SPEC §12): the period's tables a clerk sends upward, as the sheets of one workbook — the one
/// file a monthly cron job writes. For a month: the 323 (with 环比 and 同比), the benefit statement, the
/// visits due in the three months after it, and what `check` finds. For a year: the 323 and the yearly tables
/// (basic, changes, orgs, roster, benefits), and what `check` finds. Personal information stays masked.
public struct ReportPack: Sendable {
  public let sheets: [(name: String, document: ReportDocument)]

  /// The workbook: a sheet a table, each printed as every laogan workbook is.
  public func xlsx() throws -> Data {
    try XLSXReport.render(sheets)
  }
}

extension LaoganDatabase {
  /// The pack for `month`, or for the year of `year` when it is given instead.
  public func reportPack(region: Region, month: Month?, year: Int?, generatedAt: String, today: CalendarDate)
    throws -> ReportPack
  {
    var sheets: [(String, ReportDocument)] = []
    if let month {
      let period = Period.month(month)
      sheets.append(
        ("323统计表", try report323(region: region, period: period, compare: true, generatedAt: generatedAt).document))
      sheets.append(("生活待遇发放表", try statementDocument(month: month, region: region, generatedAt: generatedAt)))
      let ahead = Period(from: month.next.firstDay, to: month.next.next.next.lastDay)
      sheets.append(
        (
          "走访慰问提示",
          try visitsDueReport(region: region, period: ahead, months: 6, generatedAt: generatedAt, reveal: false)
        )
      )
    } else if let year, let period = Period.year(year) {
      sheets.append(
        ("323统计表", try report323(region: region, period: period, compare: true, generatedAt: generatedAt).document))
      sheets.append(("基本情况", try basicReport(region: region, period: period, generatedAt: generatedAt)))
      sheets.append(("两年数字变化", try changesReport(region: region, period: period, generatedAt: generatedAt)))
      sheets.append(("党组织设置", try organizationsReport(region: region, period: period, generatedAt: generatedAt)))
      sheets.append(("干部构成", try rosterReport(region: region, period: period, generatedAt: generatedAt)))
      sheets.append(("生活待遇", try benefitsReport(region: region, period: period, generatedAt: generatedAt)))
    }
    sheets.append(("数据检查", checkDocument(try check(full: false, today: today), generatedAt: generatedAt)))
    return ReportPack(sheets: sheets)
  }

  /// The month's benefit statement as a document: a row a cadre, 合计 last.
  private func statementDocument(month: Month, region: Region, generatedAt: String) throws -> ReportDocument {
    let statement = try benefitStatement(month: month, region: region == .prefecture ? nil : region)
    return ReportDocument(
      title: "生活待遇发放表（\(month)）",
      subtitle: ReportHeading.lines(region: region, period: .month(month), generatedAt: generatedAt),
      sections: [
        .init(
          title: "按人发放", headers: BenefitStatement.headers, rows: statement.rows(reveal: false),
          combination: .list(total: false))
      ])
  }

  /// What `check` found, counted by kind and then each finding, as a document.
  private func checkDocument(_ findings: [Finding], generatedAt: String) -> ReportDocument {
    let counts = Dictionary(grouping: findings, by: \.kind)
    let summary = Finding.kinds.compactMap { kind in
      counts[kind].map { [ReportDocument.Cell.text(kind), .number(Int64($0.count)), .text($0[0].hint)] }
    }
    return ReportDocument(
      title: "数据检查结果",
      subtitle: ["生成时间：\(generatedAt)", findings.isEmpty ? "未发现问题" : "共 \(findings.count) 条问题"],
      sections: [
        .init(title: "汇总", headers: ["代号", "条数", "处理办法"], rows: summary),
        .init(
          title: "明细", headers: ["代号", "记录", "说明"],
          rows: findings.map { [.text($0.kind), .text($0.record), .text($0.detail)] }, combination: .list(total: false)),
      ])
  }
}
