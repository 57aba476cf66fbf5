import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan.OrgCommand {
  struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "join",
      abstract: "干部转入党组织（原组织关系在该日结束，历史保留）。",
      discussion: "示例：\n  laogan org join 张三丰 兴义市桔山街道离退休干部党支部 --on 2024-03-01")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "干部（编号、身份证号或姓名）") var cadre: String
    @Argument(help: "党组织（编号或名称）") var organization: String
    @Option(help: "转入日期（默认今天）") var on: CalendarDate?

    func run() throws {
      try database.open().joinOrganization(cadre: cadre, organization: organization, on: on, database.context())
    }
  }

  struct Leave: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "leave",
      abstract: "干部转出党组织（不转入其他组织时用）。",
      discussion: "示例：\n  laogan org leave 张三丰 --on 2025-01-01")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "干部（编号、身份证号或姓名）") var cadre: String
    @Option(help: "转出日期（默认今天）") var on: CalendarDate?

    func run() throws {
      try database.open().leaveOrganization(cadre: cadre, on: on, database.context())
    }
  }

  struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "members",
      abstract: "列出党组织在某日的党员。",
      discussion: "示例：\n  laogan org members 兴义市桔山街道离退休干部党支部 --on 2024-06-30")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "党组织（编号或名称）") var organization: String
    @Option(help: "日期（默认今天）") var on: CalendarDate?
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    func run() throws {
      let opened = try database.open()
      let periods = try opened.members(ofOrganization: organization, on: on ?? CalendarDate(.now))
      if reveal {
        try opened.logReveal(
          of: CadreKind.self, try periods.map { try opened.cadre("\($0.cadre.id)") }, database.context())
      }
      Terminal.output(PeriodTable.text(periods, reveal: reveal, statuses: true))
      let counts = PartyStatus.allCases.dropFirst().map { status in
        "\(status.rawValue) \(periods.filter { $0.partyStatus == status }.count) 人"
      }
      Terminal.error("党员 \(periods.count) 人，其中" + counts.joined(separator: "，"))
    }
  }
}

extension Laogan.AssociationCommand {
  struct JoinAssociation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "join", abstract: "干部加入涉老社团。",
      discussion: "示例：\n  laogan association join 张三丰 兴义市老干部合唱团 --on 2024-03-01")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "干部（编号、身份证号或姓名）") var cadre: String
    @Argument(help: "社团（编号或名称）") var association: String
    @Option(help: "加入日期（默认今天）") var on: CalendarDate?

    func run() throws {
      try database.open().joinAssociation(cadre: cadre, association: association, on: on, database.context())
    }
  }

  struct LeaveAssociation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "leave", abstract: "干部退出涉老社团。",
      discussion: "示例：\n  laogan association leave 张三丰 兴义市老干部合唱团 --on 2025-01-01")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "干部（编号、身份证号或姓名）") var cadre: String
    @Argument(help: "社团（编号或名称）") var association: String
    @Option(help: "退出日期（默认今天）") var on: CalendarDate?

    func run() throws {
      try database.open().leaveAssociation(cadre: cadre, association: association, on: on, database.context())
    }
  }
}

/// Membership periods as a terminal table.
enum PeriodTable {
  /// With `statuses`, a 党员状态 column (a Party organization's members).
  static func text(_ periods: [MembershipPeriod], reveal: Bool, statuses: Bool = false) -> String {
    Table(
      headers: ["编号", "姓名", "身份证号", "组织", "加入日期", "离开日期"] + (statuses ? ["党员状态"] : []),
      rows: periods.map {
        [
          "\($0.cadre.id)", $0.cadre.name, reveal ? $0.cadre.residentID : Masking.residentID($0.cadre.residentID),
          $0.group, $0.joinedOn?.description ?? "", $0.leftOn?.description ?? "",
        ] + (statuses ? [($0.partyStatus ?? .normal).rawValue] : [])
      }
    ).text()
  }
}
