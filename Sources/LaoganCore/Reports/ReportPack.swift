import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// `report pack` (SPEC §12): the period's tables a clerk sends upward, as the sheets of one workbook — the one
/// file a monthly cron job writes, and what a leader reads and files. For a month: the 323 (with 环比 and 同比),
/// the benefits paid by region, the visits due in the three months after it (birthdays, and the unvisited
/// counted by region with those 90 and over by name), next month's 逢五逢十 birthdays by either calendar, and
/// what `check` finds. For a year: the 323 and the
/// yearly tables (basic, changes, orgs, roster, benefits), and what `check` finds. The lists by person a clerk
/// works from are their own reports (`benefit statement`, `report visits-due`). Personal information stays
/// masked.
public struct ReportPack: Sendable {
  package let sheets: [(name: String, document: ReportDocument)]

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
      sheets.append(("生活待遇发放汇总", try statementDocument(month: month, region: region, generatedAt: generatedAt)))
      let ahead = Period(from: month.next.firstDay, to: month.next.next.next.lastDay)
      sheets.append(
        (
          "走访慰问提示",
          try visitsDueReport(
            region: region, period: ahead, months: 6, generatedAt: generatedAt, reveal: false, listing: .filing)
        )
      )
      let next = Period.month(month.next)
      sheets.append(
        (
          "下月逢五逢十生日",
          try birthdaysReport(region: region, period: next, roundOnly: true, generatedAt: generatedAt, reveal: false)
        ))
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

  /// The month's benefits as a leader files them: a row a region, 合计 last.
  private func statementDocument(month: Month, region: Region, generatedAt: String) throws -> ReportDocument {
    let statement = try benefitStatement(month: month, region: region == .prefecture ? nil : region)
    return ReportDocument(
      title: "生活待遇发放汇总（\(month)）",
      subtitle: ReportHeading.lines(region: region, period: .month(month), generatedAt: generatedAt),
      sections: [
        .init(
          title: "按管理地区（元）", headers: BenefitStatement.regionHeaders, rows: statement.regionRows(scope: region),
          notes: ["逐人明细：laogan benefit statement --month \(month)"])
      ])
  }

  /// What `check` found, counted by kind and then each finding, as a document, every kind by its Chinese name.
  private func checkDocument(_ findings: [Finding], generatedAt: String) -> ReportDocument {
    let counts = Dictionary(grouping: findings, by: \.kind)
    let summary = FindingKind.allCases.compactMap { kind in
      counts[kind].map {
        [ReportDocument.Cell.text(kind.label), .number(Int64($0.count)), .text($0[0].hint), .text(kind.rawValue)]
      }
    }
    return ReportDocument(
      title: "数据检查结果",
      subtitle: [
        "生成时间：\(LocalTime.wallClock(generatedAt))", findings.isEmpty ? "未发现问题" : "共 \(findings.count) 条问题",
      ],
      sections: [
        .init(title: "汇总", headers: ["问题", "条数", "处理办法", "代号"], rows: summary),
        .init(
          title: "明细", headers: ["问题", "记录", "说明"],
          rows: findings.map { [.text($0.kind.label), .text($0.recordLabel), .text($0.detail)] },
          combination: .list(total: false)),
      ])
  }
}
