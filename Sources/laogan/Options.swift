import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore
import LaoganText

/// `--db` and `--operator`, which every command takes (SPEC §9).
struct DatabaseOptions: ParsableArguments {
  @Option(help: "数据库文件，或共享数据库的地址 postgresql://用户@主机/库名（默认 $LAOGAN_DB，或 ~/.local/share/laogan/laogan.db）。")
  var db: String?

  @Option(name: .customLong("operator"), help: "写入审计日志的操作人（默认 $LAOGAN_OPERATOR，或登录名）。")
  var operatorName: String?

  var path: String {
    let environment = ProcessInfo.processInfo.environment
    if let db { return db }
    if let fromEnvironment = environment["LAOGAN_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
    return LaoganDatabase.defaultPath(environment: environment)
  }

  /// The engine of the database a parsed command reads: SQLite for a command that names none, and for one
  /// that reads counties' files (`--merge`) — `LAOGAN_DB` may name a shared database it does not open.
  static func engine(of command: any ParsableCommand) -> SQLEngine {
    let children = Mirror(reflecting: command).children
    let merges = children.contains {
      ($0.value as? OptionGroup<RollUpOptions>).map { !$0.wrappedValue.merge.isEmpty }
        ?? ($0.label == "_merge" ? ($0.value as? Option<[String]>).map { !$0.wrappedValue.isEmpty } : nil) ?? false
    }
    let options = children.lazy.compactMap { ($0.value as? OptionGroup<DatabaseOptions>)?.wrappedValue }.first
    guard !merges, let options else { return .sqlite }
    return PostgresAddress.isAddress(options.path) ? .postgresql : .sqlite
  }

  func open(_ mode: LaoganDatabase.OpenMode = .existing) throws -> LaoganDatabase {
    try LaoganDatabase(path: path, mode: mode)
  }

  /// Who and what goes into the audit log: the operator, and the command line as typed.
  func context() -> AuditContext {
    let environment = ProcessInfo.processInfo.environment
    let name =
      operatorName ?? environment["LAOGAN_OPERATOR"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["USER"] ?? getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
      ?? "unknown"
    // Who is written in the log as text a terminal shows as it is: one line, NFC, control characters as code
    // points; a blank name is written as unknown.
    let shown = CellText.printable(CellText.admitted(name).text, lineBreaks: false).trimmed
    return AuditContext(
      operatorName: shown.isEmpty ? "unknown" : shown,
      command: Masking.password(in: CommandLine.arguments.dropFirst().joined(separator: " "))
    )
  }
}

/// How a list is printed.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case text, csv, json
}

/// `--format` and `--reveal` for commands that list cadres.
struct ListOptions: ParsableArguments {
  @Option(help: "输出格式：text（终端表格）、csv（UTF-8 BOM）、json。")
  var format: ListFormat = .text

  @Flag(help: "显示完整的身份证号与电话（记入审计日志）。")
  var reveal = false

  /// Prints the cadres, logging the reveal first when asked to show personal information.
  func print(_ cadres: [Cadre], database: LaoganDatabase, options: DatabaseOptions) throws {
    if reveal { try database.logReveal(of: CadreKind.self, cadres, options.context()) }
    switch format {
    case .text: Terminal.output(try database.listTable(CadreKind.self, cadres, reveal: reveal).text())
    case .csv: Terminal.output(try database.exportTable(CadreKind.self, cadres, reveal: reveal).csv())
    case .json: Terminal.output(try database.exportJSON(CadreKind.self, cadres, reveal: reveal))
    }
  }
}
