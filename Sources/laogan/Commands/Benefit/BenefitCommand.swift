import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan {
  /// `laogan benefit …`: living treatment — rules, the monthly run, grants, lists and statements.
  struct BenefitCommand: KindCommands {
    typealias Kind = PaymentKind
    static let addExample = "laogan benefit add 身份证号=522301194603150011 项目=医疗补助费 日期=2026-11-20 金额=800.00"
    static let editExamples = [
      "laogan benefit edit 12 备注=补发"
    ]
    static let configuration = CommandConfiguration(
      commandName: "benefit", abstract: "生活待遇：发放规则、按月发放、一次性发放、发放明细。",
      discussion: "示例：\n  \(addExample)",
      subcommands: [Rule.self, Run.self, Grant.self, Statement.self] + recordCommands)
  }
}

extension Laogan.BenefitCommand {
  struct Rule: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rule",
      abstract: "按月发放项目的规则：金额、适用月份、年龄段、类别、职级。",
      discussion: """
        标准调整时，先结束旧规则（rule end），再从下个月起加新规则；已发放的月份不受影响。

        示例：
          laogan benefit rule list
          laogan benefit rule end 2 --to 2026-12
          laogan benefit rule add --item 高龄补贴 --monthly 150.00 --from 2027-01 \\
            --min-age 80 --max-age 89
        """,
      subcommands: [AddRule.self, ListRules.self, EndRule.self])
  }

  struct AddRule: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "新增一条发放规则；与已有规则重叠（同一人同一月两条）时拒绝。",
      discussion: """
        标准调整：先 benefit rule end 旧规则 --to 某月，再从下个月起加新规则。

        示例：
          laogan benefit rule add --item 生活费 --monthly 800.00 --from 2027-01 \\
            --category 退休 --rank 正厅级
          laogan benefit rule add --item 特需费 --monthly 200.00 --from 2027-01 \\
            --to 2027-12 --category 退休 --rank 正厅级
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "项目：特需费、生活费、高龄补贴。") var item: BenefitItem
    @Option(parsing: .unconditional, help: "每月金额（元，大于 0），如 100 或 100.50。") var monthly: Fen
    @Option(help: "起始月份（含），如 2022-01。") var from: Month
    @Option(help: "截止月份（含）；不填则一直有效。") var to: Month?
    @Option(help: "最低年龄（含，按当月最后一天计）。") var minAge: Int?
    @Option(help: "最高年龄（含）。") var maxAge: Int?
    @Option(help: "类别：离休或退休；不填则都适用。") var category: CadreCategory?
    @Option(help: "职级；不填则都适用。") var rank: Rank?

    func run() throws {
      let rule = try database.open().addBenefitRule(
        BenefitRule(
          item: item, monthly: monthly, fromMonth: from, toMonth: to, minAge: minAge, maxAge: maxAge,
          category: category, rank: rank), database.context())
      Terminal.output("\(rule.id ?? 0)\n")
    }
  }

  struct EndRule: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end", abstract: "结束一条发放规则：--to 月份之后不再按它发放（已发放的不变）。",
      discussion: "示例：\n  laogan benefit rule end 2 --to 2026-12")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "规则编号（见 benefit rule list）") var rule: Int64
    @Option(help: "最后一个按它发放的月份，如 2026-12。") var to: Month

    func run() throws {
      let ended = try database.open().endBenefitRule(rule, to: to, database.context())
      Terminal.error("已结束规则 \(rule)：\(ended.summary)")
    }
  }

  struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "列出发放规则。", discussion: "示例：\n  laogan benefit rule list")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let rules = try database.open().benefitRules()
      Terminal.output(
        Table(
          headers: ["编号", "项目", "每月金额", "起始月份", "截止月份", "年龄", "类别", "职级"],
          rows: rules.map { rule in
            [
              "\(rule.id ?? 0)", rule.item.rawValue, rule.monthly.description, rule.fromMonth.description,
              rule.toMonth?.description ?? "", rule.ages ?? "", rule.category?.rawValue ?? "",
              rule.rank?.rawValue ?? "",
            ]
          }
        ).text())
    }
  }

  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "按规则写入某月的按月发放（重复运行不会重复发放）。",
      discussion: """
        示例：
          laogan benefit run --month 2026-11 --dry-run
          laogan benefit run --month 2026-11
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "月份，如 2026-11。") var month: Month
    @Flag(help: "只显示将发放的合计，不写入。") var dryRun = false

    func run() throws {
      let summary = try database.open().runBenefits(month: month, dryRun: dryRun, database.context())
      let rows = summary.lines.map { [$0.item.rawValue, "\($0.persons)", $0.amount.description] }
      let title =
        "\(summary.month) 按月发放\(summary.dryRun ? "（试算，未写入）" : "")：\(summary.persons) 人，\(summary.payments) 笔\n"
      Terminal.output(
        title
          + Table(headers: ["项目", "人数", "金额"], rows: rows + [["合计", "\(summary.persons)", summary.total.description]])
          .text())
    }
  }

  struct Grant: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "grant",
      abstract: "一次性发放（医疗补助费、困难帮扶等）；困难帮扶从帮扶基金支出，超过余额会被拒绝。",
      discussion: """
        示例：
          laogan benefit grant 张三丰 --item 医疗补助费 --amount 800.00 --on 2026-11-20
          laogan benefit grant 522301194603150011 --item 困难帮扶 --amount 2000 \\
            --month 2026-11 --note 住院
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "干部（编号、身份证号或姓名）") var cadre: String
    @Option(help: "项目：特需费、医疗补助费、生活费、高龄补贴、困难帮扶。") var item: BenefitItem
    @Option(parsing: .unconditional, help: "金额（元，大于 0），如 800 或 800.50；更正请作废原记录。") var amount: Fen
    @Option(help: "所属月份，如 2026-11。") var month: Month?
    @Option(help: "发放日期，如 2026-11-20。") var on: CalendarDate?
    @Option(help: "备注") var note: String?

    func validate() throws {
      if month == nil && on == nil { throw ValidationError("--month 与 --on 须给其一") }
    }

    func run() throws {
      let opened = try database.open()
      let person = try opened.record(CadreKind.self, cadre)
      var cells: [PaymentField: String] = [
        .residentID: person.residentID, .item: item.rawValue, .amount: amount.description,
      ]
      cells[.month] = month?.description
      cells[.paidOn] = on?.description
      cells[.note] = note
      let (payment, notes) = try opened.addRecord(PaymentKind.self, cells: cells, database.context())
      for line in notes { Terminal.error("提示：\(line)") }
      Terminal.output("\(payment.id ?? 0)\n")
    }
  }

  struct Statement: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "statement",
      abstract: "某月发放明细：每人每项与合计（合计等于各行之和，精确到分）。",
      discussion: """
        示例：
          laogan benefit statement --month 2026-11 --region 兴义
          laogan benefit statement --month 2026-11 --format csv > 2026年11月发放明细.csv
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "月份，如 2026-11。") var month: Month
    @Option(help: Region.scopeHelp) var region: Region?
    @Option(help: "输出格式：text 或 csv。") var format: StatementFormat = .text
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    enum StatementFormat: String, ExpressibleByArgument, CaseIterable {
      case text, csv
    }

    func run() throws {
      let target = month
      let opened = try database.open()
      let statement = try opened.benefitStatement(month: target, region: region)
      if statement.lines.isEmpty { Terminal.error("提示：\(target) 没有发放记录") }
      if reveal {
        try opened.logReveal(
          of: CadreKind.self, try statement.lines.map { try opened.record(CadreKind.self, "\($0.cadreID)") },
          database.context())
      }
      let table = statement.table(reveal: reveal)
      Terminal.output(format == .csv ? table.csv() : table.text())
    }
  }
}
