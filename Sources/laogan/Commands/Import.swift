import ArgumentParser
import Foundation
import LaoganCore

extension Laogan {
  /// `laogan import KIND FILE`: a clerk's spreadsheet, all or nothing.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "从 CSV 导入记录：全部成功才写入，任何一行有错则一行也不写，并列出每个错误的行、列与原因。",
      discussion: """
        编码自动识别（UTF-8、带 BOM 的 UTF-8、GB18030/GBK），也可用 --encoding 指定。表头可用中文或英文别名，顺序不限。
        干部、党组织、社团、阵地按身份证号或名称更新：内容相同则跳过，不同则需 --update。
        活动、待遇、作用、荣誉是事实：每行都是新记录；同一文件（字节完全相同）再次导入会被拒绝，除非 --again。
        参考顺序：organizations、cadres、associations、venues、activities、treatments、contributions、honors。

        示例：
          laogan import cadres 花名册.csv --dry-run
          laogan import cadres 花名册.csv --update
          laogan import activities 2023年6月活动.csv
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "导入的种类") var kind: RecordKindName
    @Argument(help: "CSV 文件", completion: .file(extensions: ["csv"])) var file: String
    @Flag(help: "只检查，不写入。") var dryRun = false
    @Flag(help: "已登记的记录以文件为准更新。") var update = false
    @Flag(help: "同一文件再导入一次（事实类记录）。") var again = false
    @Flag(help: "忽略不认识的列。") var ignoreUnknown = false
    @Option(help: "文件编码；默认自动识别。") var encoding: TextEncoding?

    func run() throws {
      guard FileManager.default.isReadableFile(atPath: file) else { throw LaoganError.fileUnreadable(path: file) }
      let opened = try database.open()
      let options = ImportOptions(
        dryRun: dryRun, update: update, ignoreUnknown: ignoreUnknown, again: again, encoding: encoding)
      let summary: ImportSummary
      do {
        defer { Terminal.endProgress() }
        summary = try opened.importRecords(
          kind.kind, from: URL(fileURLWithPath: file), options: options, database.context(),
          progress: { Terminal.progress("已读取 \($0) 行…") })
      }
      // A long file can carry thousands of warnings; the first few say what kind they are.
      for warning in summary.warnings.prefix(20) { Terminal.error("提示：\(warning)") }
      if summary.warningCount > 20 {
        Terminal.error("提示：另有 \(summary.warningCount - 20) 条提示未列出（共 \(summary.warningCount) 条）")
      }
      let verb = summary.dryRun ? "检查通过（未写入）" : "导入完成"
      Terminal.output(
        "\(verb)：\(summary.rows) 行，新增 \(summary.added)，更新 \(summary.updated)，未变 \(summary.unchanged)"
          + "（编码 \(summary.encoding.rawValue)）\n")
    }
  }
}
