import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore
import LaoganText

extension Laogan {
  /// `laogan backup FILE`.
  struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "backup",
      abstract: "在线备份数据库（他人写入时也一致）；共享数据库备份成一个 laogan 数据库文件。",
      discussion: """
        共享数据库（--db postgresql://…）备份成的文件与 laogan copy 复制出的一样，可以带走单独使用。

        示例：
          laogan backup /mnt/u盘/laogan-2026-11-30.db
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "备份文件（不覆盖已有文件）", completion: .file()) var file: String

    func run() throws {
      try database.open().backup(to: file)
      Terminal.error("已备份到 \(file)")
    }
  }

  /// `laogan restore FILE`.
  struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "restore",
      abstract: "从备份恢复：先检查备份（完整性、是 laogan 数据库、版本），再把现有数据库移到一旁。",
      discussion: """
        现有数据库会被替换（移到一旁保留），所以在终端会先询问；脚本中须加 --yes。
        恢复进共享数据库时，已有的记录先另存为当前文件夹中的 库名.before-restore-时间 文件，数据库授权不变。

        示例：
          laogan restore /mnt/u盘/laogan-2026-11-30.db
          laogan restore /mnt/u盘/laogan-2026-11-30.db --yes    # 脚本中不询问
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "备份文件", completion: .file()) var file: String
    @Flag(help: "不询问，直接恢复。") var yes = false

    func run() throws {
      let stamp = Date().formatted(.iso8601).replacingOccurrences(of: ":", with: "")
      guard !PostgresAddress.isAddress(database.path) else { return try restoreShared(stamp: stamp) }
      if !yes, FileManager.default.fileExists(atPath: database.path) {
        Terminal.confirm(
          "用 \(file) 替换现有数据库 \(database.path)（原库移到一旁保留）？[y/N] ",
          inScript: "在脚本中请加 --yes 确认用 \(file) 替换 \(database.path)", declined: "未恢复")
      }
      let aside = try LaoganDatabase.restore(from: file, into: database.path, stamp: stamp)
      Terminal.error("已从 \(file) 恢复到 \(database.path)" + (aside.map { "；原数据库已另存为 \($0)" } ?? ""))
    }

    /// Into a shared database: one already written to is replaced only with the clerk's yes.
    private func restoreShared(stamp: String) throws {
      let shared = try database.open()
      if !yes, try shared.holdsRecords() {
        Terminal.confirm(
          "用 \(file) 替换 \(shared.path) 中的全部记录（原有记录先另存为文件）？[y/N] ",
          inScript: "在脚本中请加 --yes 确认用 \(file) 替换 \(shared.path) 中的全部记录", declined: "未恢复")
      }
      let aside = try shared.restoreShared(from: file, stamp: stamp)
      Terminal.error("已从 \(file) 恢复到 \(shared.path)" + (aside.map { "；原有记录已另存为 \($0)" } ?? ""))
    }
  }

  /// `laogan check`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "审核数据：身份证号、重复、去世后发放、重复发放、高龄补贴低于标准、党员无组织、组织无党员、基金透支、数据库完整性。",
      discussion: """
        一切正常时不输出、退出码 0；发现问题（含数据库文件损坏）时逐条列出，退出码 2；无法检查（如数据库不存在）时退出码 1。

        示例：
          laogan check
          laogan check --full --format json
          laogan check --merge 兴义.db 普安.db    # 各县报送的文件，只读
        """)

    /// Findings are not a failure: a script tells "the data has problems" (2) from "check could not run" (1).
    static let findingsExitCode: Int32 = 2

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "做完整的 integrity_check（再逐条核对每个索引与其表是否一致，约慢十倍），而不是默认的 quick_check。")
    var full = false
    @Option(help: "输出格式：text 或 json。") var format: ListFormat = .text
    @Option(
      parsing: .upToNextOption, help: "审核这些 laogan 数据库文件（只读），并找出在多个文件中都登记的干部。",
      completion: .file(extensions: ["db"]))
    var merge: [String] = []

    func validate() throws {
      if !merge.isEmpty && database.db != nil {
        throw ValidationError("--merge 与 --db 不能同用：合并时只读 --merge 给出的文件")
      }
    }

    func run() throws {
      let findings: [Finding]
      do {
        // On a terminal, the step running and how far the check has come: a province's file takes seconds.
        let line = Terminal.ProgressLine()
        findings =
          try merge.isEmpty
          ? database.open().check(full: full) { step, fraction in
            Terminal.progress(line.text("正在检查 \(step)", fraction: fraction))
          } : MergedFiles.watched(paths: merge).check(full: full)
        Terminal.endProgress()
      } catch LaoganError.databaseDamaged(_, let detail) {
        // A file too damaged to open is a finding like any other damage, with the same exit code.
        findings = [.damaged(detail)]
      }
      guard !findings.isEmpty else { return }
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        Terminal.output(String(decoding: try encoder.encode(findings), as: UTF8.self) + "\n")
      case .csv:
        let rows = findings.map { [$0.kind.rawValue, $0.file ?? "", $0.record, $0.detail, $0.hint] }
        Terminal.output(Table(headers: ["kind", "file", "record", "detail", "hint"], rows: rows).csv())
      case .text:
        for finding in findings {
          let record = finding.file.map { "\($0) \(finding.record)" } ?? finding.record
          Terminal.output("\(finding.kind.rawValue)  \(record)  \(finding.detail) — \(finding.hint)\n")
        }
      }
      throw ExitCode(Check.findingsExitCode)
    }
  }

  /// `laogan undo`.
  struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "undo",
      abstract: "撤销上一条写入命令：先列出将撤销的改动；后来的命令改过同一记录时拒绝。撤销本身记入审计日志。",
      discussion: "示例：\n  laogan undo\n  laogan undo --yes    # 脚本中不询问")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "不询问，直接撤销。") var yes = false

    func run() throws {
      let opened = try database.open()
      guard let plan = try opened.undoPlan() else { Terminal.fail("没有可以撤销的命令") }
      Terminal.error(
        "将撤销审计组 \(plan.runID)：\(plan.operatorName) 于 \(LocalTime.display(plan.ranAt)) 运行的 laogan \(plan.command)")
      Terminal.error(AuditOutput.table(Array(plan.lines.prefix(20))).text(), terminator: "")
      if plan.lines.count > 20 { Terminal.error("……共 \(plan.lines.count) 项改动") }
      if !yes { Terminal.confirm("确认撤销？[y/N] ", inScript: "在脚本中请加 --yes 确认撤销", declined: "未撤销") }
      try opened.undo(plan, database.context())
      Terminal.error("已撤销审计组 \(plan.runID)")
    }
  }
}
