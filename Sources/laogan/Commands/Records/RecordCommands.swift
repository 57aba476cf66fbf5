import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore
import LaoganText

/// The commands every record kind shares — add, list, show, edit, void — written once for all kinds.
/// Each takes its help and examples from the kind.
protocol KindCommands: ParsableCommand {
  associatedtype Kind: RecordKind
  /// An example `字段=值` list for `add`.
  static var addExample: String { get }
  /// Example `edit` lines for this kind, each a real field of it (dissolving, for the kinds that close).
  static var editExamples: [String] { get }
  /// What `show` prints under the record's own fields (an organization's officers); none by default.
  static func sections(of record: Kind.Record, _ opened: LaoganDatabase, reveal: Bool) throws -> [(String, Table)]
  /// The `--from … --to …` of the `list` example, for kinds with a date: the demo's report period by default.
  static var examplePeriod: String { get }
  /// The record the `show` and `void` examples name: record 12 by default; a kind the demo has fewer of, or
  /// whose twelfth has what a void refuses to leave behind, names one of its own examples'.
  static var exampleRecord: String { get }
}

extension KindCommands {
  static var examplePeriod: String { "--from 2022-01-01 --to 2023-06-12" }
  static var exampleRecord: String { "12" }

  static func sections(of record: Kind.Record, _ opened: LaoganDatabase, reveal: Bool) throws -> [(String, Table)] {
    []
  }
}

struct AddRecord<Commands: KindCommands>: ParsableCommand {
  typealias Kind = Commands.Kind

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "add", abstract: "登记一条\(Kind.label)。",
      discussion: """
        字段用导入时的表头（中文或英文别名）：\(Kind.Field.allCases.map(\.rawValue).joined(separator: "、"))。
        必填：\(Kind.Field.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: "、"))。干部用身份证号指定。

        示例：
          \(Commands.addExample)
        """)
  }

  @OptionGroup var database: DatabaseOptions
  @Argument(help: "字段=值 …") var assignments: [String] = []

  func run() throws {
    var cells = try Assignments.cells(assignments, as: Kind.Field.self)
    // At a terminal, ask for what is missing; a script gets every missing field named instead.
    if Terminal.standardInputIsTerminal {
      for field in Kind.Field.allCases where field.isRequired && (cells[field] ?? "").trimmed.isEmpty {
        cells[field] = Terminal.ask("\(field.rawValue)：")
      }
    }
    let (record, notes) = try database.open().addRecord(Kind.self, cells: cells, database.context())
    for note in notes { Terminal.error("提示：\(note)") }
    Terminal.output("\(record.id ?? 0)\n")
  }
}

struct ListRecords<Commands: KindCommands>: ParsableCommand {
  typealias Kind = Commands.Kind

  static var configuration: CommandConfiguration {
    let region = Kind.region == .none ? "" : " --region 兴义"
    let dates = Kind.isDated ? " " + Commands.examplePeriod : ""
    return CommandConfiguration(
      commandName: "list", abstract: "列出\(Kind.label)（不含已作废的）。",
      discussion: """
        示例：
          laogan \(Commands.commandName) list\(region)\(dates)
          laogan \(Commands.commandName) list --format csv > \(Kind.label)清单.csv
        """)
  }

  @OptionGroup var database: DatabaseOptions
  @Option(help: Region.scopeHelp) var region: Region?
  @Option(help: "起始日期（含）。") var from: CalendarDate?
  @Option(help: "截止日期（含）。") var to: CalendarDate?
  @Option(help: "类型（如 主题宣讲、党支部、书画）。") var type: String?
  @Option(help: "只列出该干部参与或获得的（编号、身份证号或姓名）。") var cadre: String?
  @Option(help: "最多列出多少条。") var limit: Int?
  @Option(help: "输出格式：text、csv、json。") var format: ListFormat = .text
  @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

  func run() throws {
    let opened = try database.open()
    let filter = RecordFilter(region: region, from: from, to: to, cadre: cadre, type: type, limit: limit)
    let records = try opened.records(Kind.self, filter)
    if reveal { try opened.logReveal(of: Kind.self, records, database.context()) }
    switch format {
    case .text: Terminal.output(try opened.listTable(Kind.self, records, reveal: reveal).text())
    case .csv: Terminal.output(try opened.exportTable(Kind.self, records, reveal: reveal).csv())
    case .json: Terminal.output(try opened.exportJSON(Kind.self, records, reveal: reveal))
    }
  }
}

struct ShowRecord<Commands: KindCommands>: ParsableCommand {
  typealias Kind = Commands.Kind

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "show", abstract: "显示一条\(Kind.label)的全部信息。",
      discussion: """
        示例：
          laogan \(Commands.commandName) show \(Commands.exampleRecord)
          laogan \(Commands.commandName) show \(Commands.exampleRecord) --reveal
        """)
  }

  @OptionGroup var database: DatabaseOptions
  @Argument(help: "记录编号或名称") var record: String
  @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

  func run() throws {
    let opened = try database.open()
    let found = try opened.record(Kind.self, record)
    if reveal { try opened.logReveal(of: Kind.self, [found], database.context()) }
    Terminal.output(Card.text(try opened.details(Kind.self, found, reveal: reveal)))
    for (title, table) in try Commands.sections(of: found, opened, reveal: reveal) where !table.rows.isEmpty {
      Terminal.output("\n\(title)\n" + table.text())
    }
  }
}

struct EditRecord<Commands: KindCommands>: ParsableCommand {
  typealias Kind = Commands.Kind

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "edit", abstract: "修改一条\(Kind.label)：只改给出的字段，空值清空该字段。",
      discussion: """
        撤销、关闭也用它。

        示例：
        \(Commands.editExamples.map { "  " + $0 }.joined(separator: "\n"))
        """)
  }

  @OptionGroup var database: DatabaseOptions
  @Argument(help: "记录编号或名称") var record: String
  @Argument(help: "字段=值 …") var assignments: [String] = []

  func validate() throws {
    if assignments.isEmpty { throw ValidationError("没有要修改的字段（字段=值）") }
  }

  func run() throws {
    let cells = try Assignments.cells(assignments, as: Kind.Field.self)
    let edited = try database.open().editRecord(Kind.self, record, changes: cells, database.context())
    Terminal.error("已修改：\(Kind.label) 编号 \(edited.id ?? 0)")
  }
}

struct VoidRecord<Commands: KindCommands>: ParsableCommand {
  typealias Kind = Commands.Kind

  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "void", abstract: "作废误登记的\(Kind.label)（记录保留，不再出现在列表与统计中）。",
      discussion: Kind.hasMembers
        ? """
        仍有成员时拒绝作废：先把成员转出，或加 --close-memberships-on 日期 在作废时一并结束其组织关系。

        示例：
          laogan \(Commands.commandName) void \(Commands.exampleRecord) --reason "重复登记" --close-memberships-on 2023-06-30
        """
        : "示例：\n  laogan \(Commands.commandName) void \(Commands.exampleRecord) --reason \"重复登记\"")
  }

  @OptionGroup var database: DatabaseOptions
  @Argument(help: "记录编号或名称") var record: String
  @Option(help: "作废原因") var reason: String
  @Option(help: "作废党组织或社团时，在这一天结束其成员仍未结束的组织关系（否则有成员时拒绝作废）。")
  var closeMembershipsOn: CalendarDate?

  func validate() throws {
    if closeMembershipsOn != nil, !Kind.hasMembers {
      throw ValidationError("--close-memberships-on 只用于作废党组织或社团：\(Kind.label)没有成员")
    }
  }

  func run() throws {
    let voided = try database.open().voidRecord(
      Kind.self, record, reason: reason, closingMembershipsOn: closeMembershipsOn, database.context())
    Terminal.error("已作废：\(Kind.label) 编号 \(voided.id ?? 0)")
  }
}

extension KindCommands {
  static var commandName: String { configuration.commandName ?? Kind.name }

  /// The subcommands every kind has; a kind adds its own after them.
  static var recordCommands: [any ParsableCommand.Type] {
    [AddRecord<Self>.self, ListRecords<Self>.self, ShowRecord<Self>.self, EditRecord<Self>.self, VoidRecord<Self>.self]
  }
}

/// Label-value lines aligned for a terminal.
enum Card {
  static func text(_ lines: [(label: String, value: String)]) -> String {
    let width = lines.map(\.label.displayWidth).max() ?? 0
    return lines.map {
      $0.label + String(repeating: " ", count: width - $0.label.displayWidth) + "  " + $0.value + "\n"
    }
    .joined()
  }
}
