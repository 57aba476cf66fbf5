import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel

extension Laogan.ReportCommand {
  /// `laogan report pack`: the period's tables as one workbook (SPEC §12), the monthly cron job's one line.
  struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pack",
      abstract: "把一个月（或一年）要报送的报表写进一个 Excel 工作簿，每张表一个工作表。",
      discussion: """
        按月：“323”统计表（含环比、同比）、按地区的生活待遇发放汇总、其后三个月的走访慰问提示（生日看望名单，
        未走访的按地区计数、其中 90 岁以上列名）、下月逢五逢十生日（公历或农历）、数据检查结果。
        按年：“323”统计表与各年度统计表（基本情况、两年数字变化、党组织设置、干部构成、生活待遇），以及数据检查结果。
        每个工作表都按 A4 排好打印格式，每页都有表头；身份证号与电话打码。
        逐人明细另用 laogan benefit statement 与 laogan report visits-due。

        示例：
          laogan report pack --month 2026-11 --output 2026年11月报表.xlsx
          laogan report pack last-month --output 上月报表.xlsx
          laogan report pack --year 2025 --region 兴义 --output 兴义2025年报表.xlsx
        """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions

    func validate() throws {
      guard options.output != nil, options.chosenFormat == .xlsx else {
        throw ValidationError("report pack 写的是 Excel 工作簿：请用 --output 文件名.xlsx")
      }
      let words = [options.period, options.month, options.year].compactMap { $0 }
      guard options.quarter == nil, options.from == nil, let word = words.first, word.shape != .quarter else {
        throw ValidationError("report pack 按月或按年：请用 --month 2026-11、--year 2026，或 last-month、last-year 等简写")
      }
    }

    func run() throws {
      let period = options.resolvedPeriod()
      let month = period.shape == .month ? Month(period.from) : nil
      let opened = try database.open()
      let pack = try opened.reportPack(
        region: try options.scope(of: .database(opened)), month: month, year: month == nil ? period.from.year : nil,
        generatedAt: options.stamp, today: options.today)
      try options.emit(pack.xlsx())
    }
  }
}
