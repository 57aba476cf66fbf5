import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore
import LaoganText

/// The options every report shares: the period grammar, the region, the format and where it goes (SPEC §5).
struct ReportOptions: ParsableArguments {
  @Argument(help: "统计期的简写：2026-11、2026Q3、2026、last-month、this-month、this-year、last-year。")
  var period: PeriodWord?
  @Option(help: "月份：2026-11、2026/11、2026年11月，或 last-month、this-month。") var month: PeriodWord?
  @Option(help: "季度：2026Q3。") var quarter: PeriodWord?
  @Option(help: "年度：2026，或 this-year、last-year。") var year: PeriodWord?
  @Option(help: "起始日期（含），与 --to 同用：2022-01-01、2022/1/1、2022年1月1日。") var from: CalendarDate?
  @Option(help: "截止日期（含）。") var to: CalendarDate?
  @Option(help: Region.scopeHelp) var region: Region?
  @Option(help: "格式；默认取自 --output 的扩展名，否则 text。") var format: ReportFormat?
  @Option(help: "写入的文件（默认标准输出）。", completion: .file()) var output: String?
  @Option(help: "报表上的生成时间（如 2026-11-30T08:00:00+08:00），使输出可重复；相对的统计期也以它为“今天”。")
  var generatedAt: String?

  func validate() throws {
    let given = [period, month, quarter, year].compactMap { $0 }.count + (from != nil || to != nil ? 1 : 0)
    if given > 1 { throw ValidationError("统计期只能指定一种（--month、--quarter、--year、--from/--to 或简写）") }
    if (from == nil) != (to == nil) { throw ValidationError("--from 与 --to 须同时给出") }
    if let from, let to, to < from { throw ValidationError("--to \(to) 早于 --from \(from)") }
    if let month, month.shape != .month { throw ValidationError("--month \(month.text) 不是月份（如 2026-11、last-month）") }
    if let quarter, quarter.shape != .quarter { throw ValidationError("--quarter \(quarter.text) 不是季度（如 2026Q3）") }
    if let year, year.shape != .year { throw ValidationError("--year \(year.text) 不是年度（如 2026、this-year）") }
    if format == nil, let output, ReportFormat(fileName: output) == nil {
      throw ValidationError("无法从文件名 \(output) 判断格式，请用 --format（\(ReportFormat.allValueStrings.joined(separator: "、"))）")
    }
    try OutputTarget(path: output).refuseBinaryOnTerminal(chosenFormat == .xlsx)
  }

  var chosenFormat: ReportFormat {
    format ?? output.flatMap(ReportFormat.init(fileName:)) ?? .text
  }

  /// The region a report covers: the one asked for; else, on a shared database, the one region a county
  /// clerk's role is granted (`laogan access`), whose records are all it can see; else the whole prefecture.
  func scope(of source: ReportSource) throws -> Region {
    if let region { return region }
    guard case .database(let database) = source, let codes = try database.grantedRegionCodes(), codes.count == 1
    else { return .prefecture }
    return codes == [Region.prefecture.code] ? .prefectureOwn : Region(named: codes[0]) ?? .prefecture
  }

  /// Whether a period was asked for, rather than the current month by default.
  var namesPeriod: Bool { period != nil || month != nil || quarter != nil || year != nil || from != nil }

  /// The day a report of one day is about: `--on` when given, else the last day of a period asked for, else
  /// today.
  func day(_ on: CalendarDate?, of period: Period) -> CalendarDate {
    on ?? (namesPeriod ? period.to : today)
  }

  /// The moment printed on the report: `--generated-at` verbatim, else now.
  var stamp: String {
    generatedAt ?? LocalTime.stamp(Date())
  }

  /// "Today" for `last-month` and friends: the day of `--generated-at` when given.
  var today: CalendarDate {
    if let generatedAt, let date = try? Date.ISO8601FormatStyle().parse(generatedAt) { return CalendarDate(date) }
    if let generatedAt, let day = CalendarDate(parsing: String(generatedAt.prefix(10))) { return day }
    return CalendarDate(Date())
  }

  /// The period asked for; the current month when none is. The words were checked when parsed.
  func resolvedPeriod() -> Period {
    if let from, let to { return Period(from: from, to: to) }
    return (month ?? quarter ?? year ?? period)?.resolved(today: today) ?? .month(Month(today))
  }

  /// Writes the rendered report to `--output` or stdout: nothing else goes to stdout. A report showing personal
  /// information whole (`--reveal`) is a private file, as a revealed export is.
  func emit(_ data: Data, personal: Bool = false) throws {
    try OutputTarget(path: output).write(data, existing: .replace, personal: personal)
    if let output { Terminal.error("已写入 \(output)") }
  }

  /// Writes a report showing personal information whole, the showing logged by `logReveal` as it is written.
  func emit(revealed data: Data, logReveal: () throws -> Void) throws {
    try OutputTarget(path: output).write(revealed: data, existing: .replace, logReveal: logReveal)
    if let output { Terminal.error("已写入 \(output)") }
  }
}
