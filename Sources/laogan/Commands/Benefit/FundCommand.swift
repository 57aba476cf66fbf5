import ArgumentParser
import LaoganCore
import LaoganModel

extension Laogan {
  /// `laogan fund …`: the 帮扶基金 hardship fund ledger.
  struct FundCommand: KindCommands {
    typealias Kind = FundKind
    static let addExample = "laogan fund add 日期=2026-01-05 类型=拨入 金额=50000 事由=年度预算"
    static let editExamples = [
      "laogan fund edit 12 事由=年度预算追加"
    ]
    static let configuration = CommandConfiguration(
      commandName: "fund", abstract: "帮扶基金：拨入、支出、余额。困难帮扶发放从中支出。",
      discussion: "示例：\n  \(addExample)",
      subcommands: [Allocate.self, Balance.self] + recordCommands)
  }
}

extension Laogan.FundCommand {
  struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "allocate",
      abstract: "拨入资金。", discussion: "示例：\n  laogan fund allocate --amount 50000 --on 2026-01-05 --reason 年度预算")

    @OptionGroup var database: DatabaseOptions
    @Option(parsing: .unconditional, help: "金额（元，大于 0），如 50000 或 50,000.00。") var amount: Fen
    @Option(help: "日期，如 2026-01-05。") var on: CalendarDate
    @Option(help: "事由") var reason: String?

    func run() throws {
      var cells: [FundField: String] = [
        .enteredOn: on.description, .kind: FundEntryType.allocation.rawValue, .amount: amount.description,
      ]
      cells[.reason] = reason
      let opened = try database.open()
      let (entry, _) = try opened.addRecord(FundKind.self, cells: cells, database.context())
      Terminal.output("\(entry.id ?? 0)\n")
      Terminal.error("帮扶基金余额：\(try opened.fundBalance(on: nil)) 元（拨入 − 支出 − 困难帮扶发放）")
    }
  }

  struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "balance",
      abstract: "帮扶基金余额（拨入 − 支出 − 困难帮扶发放）。",
      discussion: "示例：\n  laogan fund balance\n  laogan fund balance --on 2023-06-12")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "截至该日（含）；默认全部账目。") var on: CalendarDate?

    func run() throws {
      let balance = try database.open().fundBalance(on: on)
      Terminal.error("帮扶基金余额（元，拨入 − 支出 − 困难帮扶发放），截至\(on.map { " \($0)" } ?? "全部账目")：")
      Terminal.output("\(balance)\n")
    }
  }
}

extension Laogan {
  struct HealthCommand: KindCommands {
    typealias Kind = HealthCheckKind
    static let addExample = "laogan health add 身份证号=522301194603150011 体检日期=2026-05-10"
    static let editExamples = [
      "laogan health edit 12 体检日期=2026-05-12"
    ]
    static let configuration = CommandConfiguration(
      commandName: "health", abstract: "健康体检（只记日期，不记医疗信息）。", subcommands: recordCommands)
  }

  struct CardCommand: KindCommands {
    typealias Kind = GreenCardKind
    static let addExample =
      "laogan card add 身份证号=522301194603150011 卡号=LG2026001 \\\n    "
      + "发卡日期=2026-01-01 有效期至=2028-12-31"
    static let editExamples = [
      "laogan card edit LG2026001 有效期至=2029-12-31"
    ]
    static let configuration = CommandConfiguration(
      commandName: "card", abstract: "就医绿色通道卡。", subcommands: recordCommands)
  }
}
