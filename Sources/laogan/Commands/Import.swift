import ArgumentParser
import Foundation
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan import KIND FILE`: a clerk's spreadsheet, all or nothing.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "从 CSV 或 Excel 工作簿（.xlsx）导入记录：全部成功才写入，任何一行有错则一行也不写，并列出每个错误的行、列与原因。",
      discussion: """
        CSV 编码自动识别（UTF-8、带 BOM 的 UTF-8、GB18030/GBK），也可用 --encoding 指定。.xlsx 读第一个工作表，或用 --sheet 指定；
        表头上方的标题行自动跳过，错误按 Excel 的行号和列字母指出（第 12 行 E 列）。表头可用中文或英文别名，顺序不限。
        干部、党组织、社团、阵地按身份证号或名称更新：内容相同则跳过，不同则需 --update。
        活动、待遇、作用、荣誉是事实：每行都是新记录；同一文件（字节完全相同）再次导入会被拒绝，除非 --again。
        参考顺序：organizations、cadres、associations、venues、activities、treatments、contributions、honors，
        党建与待遇在其后（officers、dues-standards、dues、pensions、meetings 等）；老年大学为 terms、courses、enrolments。

        示例：
          laogan import cadres 花名册.csv --dry-run
          laogan import cadres 花名册.csv --update
          laogan import activities 2023年6月活动.xlsx --sheet 活动
          laogan import activities 2023年6月活动.csv
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "导入的种类") var kind: RecordKindName
    @Argument(help: "CSV 文件或 Excel 工作簿（.xlsx）", completion: .file(extensions: ["csv", "xlsx"])) var file: String
    @Flag(help: "只检查，不写入。") var dryRun = false
    @Flag(help: "已登记的记录以文件为准更新。") var update = false
    @Flag(help: "同一文件再导入一次（事实类记录）。") var again = false
    @Flag(help: "忽略不认识的列。") var ignoreUnknown = false
    @Option(help: "CSV 的编码；默认自动识别。") var encoding: TextEncoding?
    @Option(help: "工作簿中要导入的工作表名称；默认第一个。") var sheet: String?
    @Flag(help: "报名（enrolments）超过课程容量时按报名先后排入候补，而不是拒绝。") var wait = false

    func run() throws {
      guard FileManager.default.isReadableFile(atPath: file) else { throw LaoganError.fileUnreadable(path: file) }
      let opened = try database.open()
      let options = ImportOptions(
        dryRun: dryRun, update: update, ignoreUnknown: ignoreUnknown, again: again, encoding: encoding, sheet: sheet,
        wait: wait)
      let summary: ImportSummary
      do {
        defer { Terminal.endProgress() }
        let line = Terminal.ProgressLine()
        summary = try opened.importRecords(
          kind.kind, from: URL(fileURLWithPath: file), options: options, database.context(),
          progress: { progress in
            switch progress {
            case .waiting: Terminal.progress("正在等待另一位同志的导入完成（共享数据库上的导入依次进行）……")
            case .read(let rows, let fraction): Terminal.progress(line.text("已读取 \(rows) 行", fraction: fraction))
            }
          })
      }
      // A long file can carry thousands of warnings; the first few say what kind they are.
      for warning in summary.warnings.prefix(20) { Terminal.error("提示：\(warning)") }
      if summary.warningCount > 20 {
        Terminal.error("提示：另有 \(summary.warningCount - 20) 条提示未列出（共 \(summary.warningCount) 条）")
      }
      let verb = summary.dryRun ? "检查通过（未写入）" : "导入完成"
      var source = summary.sheet.map { "工作表 \($0)" } ?? summary.encoding.map { "编码 \($0.rawValue)" } ?? ""
      if summary.headerLine > 1 { source += "，表头在第 \(summary.headerLine) 行" }
      Terminal.output(
        "\(verb)：\(summary.rows) 行，新增 \(summary.added)，更新 \(summary.updated)，未变 \(summary.unchanged)"
          + "（\(source)）\n")
    }
  }
}
