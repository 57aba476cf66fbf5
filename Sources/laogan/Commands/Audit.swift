import ArgumentParser
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan audit`: who changed what, newest first.
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: "查看审计日志：谁、何时、哪条命令、哪条记录、改前改后。",
      discussion: """
        示例：
          laogan audit --by 王芳 --since 2026-11-01
          laogan audit --table cadre --record 12
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("by"), help: "只看该操作人。") var operatorFilter: String?
    @Option(help: "只看该表（如 cadre）。") var table: String?
    @Option(help: "只看该记录编号。") var record: Int64?
    @Option(help: "只看该时间之后（如 2026-11-01）。") var since: String?
    @Option(help: "最多列出多少条。") var limit = 200
    @Option(help: "输出格式：text、csv、json。") var format: ListFormat = .text
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

    func run() throws {
      let opened = try database.open()
      let filter = AuditFilter(
        operatorName: operatorFilter, table: table, recordID: record, since: since, limit: limit)
      let lines = try opened.auditLines(filter, reveal: reveal)
      if reveal { try opened.logReveal(table: "audit_entry", database.context()) }
      let table = AuditOutput.table(lines)
      switch format {
      case .text: Terminal.output(table.text())
      case .csv: Terminal.output(table.csv())
      case .json: Terminal.output(try AuditOutput.json(lines))
      }
    }
  }
}
