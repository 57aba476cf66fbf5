import ArgumentParser
import Foundation
import LaoganCore

/// The options every report shares: the period grammar, the region, the format and where it goes (SPEC §5).
struct ReportOptions: ParsableArguments {
  @Argument(help: "统计期的简写：2026-11、2026Q3、2026、last-month、this-month、this-year、last-year。")
  var period: String?
  @Option(help: "月份，如 2026-11。") var month: String?
  @Option(help: "季度，如 2026Q3。") var quarter: String?
  @Option(help: "年度，如 2026。") var year: String?
  @Option(help: "起始日期（含），与 --to 同用。") var from: CalendarDate?
  @Option(help: "截止日期（含）。") var to: CalendarDate?
  @Option(help: "地区（代码或名称）；默认全州。") var region: Region?
  @Option(help: "格式：text、md、csv、json、html、xlsx；默认取自 --output 的扩展名，否则 text。") var format: String?
  @Option(help: "写入的文件（默认标准输出）。") var output: String?
  @Option(help: "报表上的生成时间（如 2026-11-30T08:00:00Z），使输出可重复；相对的统计期也以它为“今天”。")
  var generatedAt: String?

  func validate() throws {
    let given = [period, month, quarter, year].compactMap { $0 }.count + (from != nil || to != nil ? 1 : 0)
    if given > 1 { throw ValidationError("统计期只能指定一种（--month、--quarter、--year、--from/--to 或简写）") }
    if (from == nil) != (to == nil) { throw ValidationError("--from 与 --to 须同时给出") }
    if let from, let to, to < from { throw ValidationError("--to \(to) 早于 --from \(from)") }
    if let format, ReportFormat(rawValue: format) == nil {
      throw ValidationError("不支持的格式 \(format)（可用 text、md、csv、json、html、xlsx）")
    }
    if format == nil, let output, ReportFormat(fileName: output) == nil {
      throw ValidationError("无法从文件名 \(output) 判断格式，请用 --format")
    }
  }

  var chosenFormat: ReportFormat {
    format.flatMap(ReportFormat.init(rawValue:)) ?? output.flatMap(ReportFormat.init(fileName:)) ?? .text
  }

  var scope: Region { region ?? .prefecture }

  /// The moment printed on the report: `--generated-at` verbatim, else now.
  var stamp: String {
    generatedAt ?? Date().formatted(.iso8601)
  }

  /// "Today" for `last-month` and friends: the day of `--generated-at` when given.
  var today: CalendarDate {
    if let generatedAt, let date = try? Date.ISO8601FormatStyle().parse(generatedAt) { return CalendarDate(date) }
    if let generatedAt, let day = CalendarDate(parsing: String(generatedAt.prefix(10))) { return day }
    return CalendarDate(Date())
  }

  /// The period asked for; the current month when none is.
  func resolvedPeriod() throws -> Period {
    if let from, let to { return Period(from: from, to: to) }
    if let month {
      guard let period = Period(word: month, today: today), period.shape == .month else {
        throw ValidationError("--month \(month) 不是月份（如 2026-11、last-month）")
      }
      return period
    }
    if let quarter {
      guard let period = Period.parseQuarter(quarter) else {
        throw ValidationError("--quarter \(quarter) 不是季度（如 2026Q3）")
      }
      return period
    }
    if let year {
      guard let period = Period(word: year, today: today), period.shape == .year else {
        throw ValidationError("--year \(year) 不是年度（如 2026、this-year）")
      }
      return period
    }
    guard let period else { return .month(Month(today)) }
    guard let resolved = Period(word: period, today: today) else {
      throw ValidationError("不认识的统计期 \(period)（如 2026-11、2026Q3、2026、last-month、this-year）")
    }
    return resolved
  }

  /// Writes the rendered report to `--output` or stdout: nothing else goes to stdout.
  func emit(_ data: Data) throws {
    if let output {
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      Terminal.error("已写入 \(output)")
    } else {
      FileHandle.standardOutput.write(data)
    }
  }
}
