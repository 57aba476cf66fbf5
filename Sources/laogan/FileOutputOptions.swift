import ArgumentParser
import Foundation
import LaoganStore

/// A format a command writes a clerk's file in: CSV unless asked otherwise, and an Excel workbook among them.
protocol FileFormat: ExpressibleByArgument, RawRepresentable<String>, CaseIterable, Equatable {
  static var csv: Self { get }
  static var xlsx: Self { get }
}

/// `--format`, `--output` and `--force` of a command that writes a clerk's file (`export`, `template`): the
/// format named, else the one `--output`'s extension names, else CSV; an existing file is kept unless
/// `--force`; a workbook never lands on a terminal.
struct FileOutputOptions<Format: FileFormat>: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "格式：\(Format.allCases.map(\.rawValue).joined(separator: "、"))；默认取自 --output 的扩展名，否则 csv。"))
  var format: Format?
  @Option(help: "写入的文件（默认标准输出）；已存在时拒绝，除非 --force。", completion: .file()) var output: String?
  @Flag(help: "覆盖 --output 指向的已有文件。") var force = false

  var chosenFormat: Format {
    format ?? named ?? .csv
  }

  /// The format `--output`'s extension names (`花名册.xlsx` → `xlsx`).
  private var named: Format? {
    output.flatMap { Format(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) }
  }

  func validate() throws {
    if format == nil, let output, named == nil {
      let formats = Format.allCases.map(\.rawValue).joined(separator: "|")
      throw ValidationError("无法从文件名 \(output) 判断格式，请用 --format \(formats)")
    }
    try OutputTarget(path: output).refuseBinaryOnTerminal(chosenFormat == .xlsx)
  }

  /// Writes `data` to `--output` or stdout.
  func write(_ data: Data, personal: Bool = false) throws {
    try OutputTarget(path: output).write(data, existing: force ? .replace : .refuse, personal: personal)
  }

  /// Writes personal information shown whole, the showing logged by `logReveal` as it is written.
  func write(revealed data: Data, logReveal: () throws -> Void) throws {
    try OutputTarget(path: output).write(revealed: data, existing: force ? .replace : .refuse, logReveal: logReveal)
  }
}
