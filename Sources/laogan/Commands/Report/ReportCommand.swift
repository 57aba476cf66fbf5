import ArgumentParser
import Foundation
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan report …`: the 323 report and the yearly tables.
  struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report", abstract: "统计报表：“323”工作法统计表与年度统计表。",
      discussion: """
        统计期：--month 2026-11、--quarter 2026Q3、--year 2026、--from 2022-01-01 --to 2023-06-12，或简写
        last-month、this-year 等；存量指标取统计期最后一天，流量指标为期内合计。
        """,
      subcommands: [
        Report323Command.self, Changes.self, Basic.self, Orgs.self, Roster.self, Benefits.self, VisitsDue.self,
        ElectionsDue.self, PartyLife.self, Absent.self, Dues.self, Chongyang.self, PartyFifty.self, InHospital.self,
        Visits.self, Deaths.self, Birthdays.self, Abroad.self, University.self,
        Pack.self,
      ])
  }
}

extension Laogan.ReportCommand {
  struct Report323Command: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "323", abstract: "“323”工作法统计表（三项建设·两项待遇·三大优势）。",
      discussion: """
        示例：
          laogan report 323 --from 2022-01-01 --to 2023-06-12
          laogan report 323 last-month --region 兴义 --compare
          laogan report 323 --year 2026 --output 2026年323统计表.xlsx
          laogan report 323 --quarter 2026Q3 --format json \\
            --generated-at 2026-10-01T08:00:00+08:00
          laogan report 323 --year 2023 --explain construction.ideological.lectures
          laogan report 323 --year 2023 --by-region
          laogan report 323 --year 2023 --merge 兴义.db 普安.db --by-source
        """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "加上环比（上一个同长度统计期）与同比（上年同期）。") var compare = false
    @Option(help: "列出某个指标背后的记录（指标键见 --format json）。") var explain: String?
    @Flag(help: "--explain 时显示完整的身份证号（记入审计日志）。") var reveal = false
    @Flag(help: "打印各指标的 SQL（带统计期），供核对口径。") var printSQL = false

    func validate() throws {
      try rollUp.validate(database, reveal: reveal)
    }

    func run() throws {
      let period = options.resolvedPeriod()
      if printSQL {
        Terminal.output(LaoganDatabase.report323SQL(region: options.region ?? .prefecture, period: period) + "\n")
        return
      }
      let source = try rollUp.source(database)
      let scope = try options.scope(of: source)
      if let explain {
        let tables: [(title: String, table: Table)]
        if case .database(let opened) = source, reveal {
          tables = try opened.explain323(key: explain, region: scope, period: period, reveal: true)
          try opened.logReveal(table: "report_323", database.context())
        } else {
          tables = try source.explain323(key: explain, region: scope, period: period)
        }
        for (title, table) in tables {
          Terminal.output("\(title)：\(table.rows.count) 条\n" + table.text())
        }
        return
      }
      let (compare, stamp) = (compare, options.stamp)
      let report = try source.report(scope: scope, by: rollUp.axis) { opened, region in
        try opened.report323(region: region, period: period, compare: compare, generatedAt: stamp)
      }
      for warning in try source.reportWarnings(region: scope, period: period) {
        Terminal.error("提示：\(warning)")
      }
      try options.emit(report.rendered(as: options.chosenFormat))
    }
  }
}
