import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore

/// A yearly table: computed as a document by the core — over one database or the files merged, broken down
/// when asked — and rendered in the chosen format.
protocol CompanionReport: ParsableCommand {
  var database: DatabaseOptions { get }
  var options: ReportOptions { get }
  var rollUp: RollUpOptions { get }
  /// The report over one database for one region, with what it needs from the command line taken now, so
  /// that it can be computed for each merged file and each region.
  func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument
  /// The table the audit log names when the report shows personal information in full; nil when it does not.
  var revealedTable: String? { get }
  /// Whether `--by-region` applies: not to a report whose rows are already regions or records that name
  /// their region or organization.
  static var breaksDownByRegion: Bool { get }
}

extension CompanionReport {
  /// The word in the JSON's `report` key: the command's own name.
  static var reportName: String { configuration.commandName ?? "" }

  var revealedTable: String? { nil }
  static var breaksDownByRegion: Bool { true }

  func validate() throws { try validateReport() }

  /// What every companion report refuses; a report with options of its own calls it from its `validate`.
  func validateReport() throws {
    try rollUp.validate(database, reveal: revealedTable != nil)
    if rollUp.byRegion && !Self.breaksDownByRegion {
      throw ValidationError("report \(Self.reportName) 的行已是各地区或各条记录，不再按地区分列；看一个地区请用 --region")
    }
  }

  func run() throws {
    let source = try rollUp.source(database)
    let period = options.resolvedPeriod()
    let scope = try options.scope(of: source)
    let document = try source.report(scope: scope, by: rollUp.axis, maker(period))
    let data: Data
    if let format = options.chosenFormat.documentFormat {
      data = try document.rendered(as: format)
    } else {
      data = Data(
        try document.json(report: Self.reportName, region: scope, period: period, generatedAt: options.stamp)
          .utf8)
    }
    guard let revealedTable, case .database(let opened) = source else { return try options.emit(data) }
    try options.emit(revealed: data) { try opened.logReveal(table: revealedTable, database.context()) }
  }
}

extension Laogan.ReportCommand {
  struct Changes: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "changes",
      abstract: "两年数字变化情况统计表（离休、退休）：差额不为 0 时指出数据问题。",
      discussion: """
        示例：
          laogan report changes --year 2025
          laogan report changes --year 2025 --output 两年数字变化.xlsx
          laogan report changes --year 2025 --merge 兴义.db 普安.db --by-region
        """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.changesReport(region: $1, period: period, generatedAt: stamp) }
    }
  }

  struct Basic: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "basic",
      abstract: "基本情况统计表：离休干部按单位性质、年龄、参加革命工作时间；退休干部按职级与单位性质。",
      discussion: "示例：\n  laogan report basic --year 2025")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.basicReport(region: $1, period: period, generatedAt: stamp) }
    }
  }

  struct Orgs: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "orgs",
      abstract: "离退休干部党组织设置情况统计表：党委、党总支、党支部，异地与示范支部，党员人数。",
      discussion: "示例：\n  laogan report orgs --year 2025")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.organizationsReport(region: $1, period: period, generatedAt: stamp) }
    }
  }

  struct Roster: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "roster",
      abstract: "花名册统计：按地区、年龄段、民族、职级、类别。", discussion: "示例：\n  laogan report roster --month 2026-11")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.rosterReport(region: $1, period: period, generatedAt: stamp) }
    }
  }

  struct Benefits: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "benefits",
      abstract: "生活待遇发放统计：期内逐月各项目金额（每人明细见 benefit statement）。",
      discussion: "示例：\n  laogan report benefits --year 2026 --output 2026年生活待遇.xlsx")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.benefitsReport(region: $1, period: period, generatedAt: stamp) }
    }
  }

  struct ElectionsDue: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "elections-due",
      abstract: "党组织换届提示：任期已满或若干个月内届满的党组织（党委 5 年，党总支、党支部 3 年），附现任书记。",
      discussion: """
        示例：
          laogan report elections-due --on 2026-11-30 --months 6
          laogan report elections-due --region 兴义
        """)
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "以该日为准（默认今天；给了统计期则为其最后一天）。") var on: CalendarDate?
    @Option(help: "多少个月内届满即列出。") var months = 6

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (day, months, stamp) = (options.day(on, of: period), months, options.stamp)
      return { try $0.electionsDueReport(region: $1, on: day, months: months, generatedAt: stamp) }
    }
  }

  struct PartyLife: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "party-life",
      abstract: "党支部组织生活：各类会议开了几次、按支部工作条例应开几次、缺哪几期，以及每名党员的出勤率。",
      discussion: """
        示例：
          laogan report party-life --year 2026
          laogan report party-life --quarter 2026Q3 --organization 兴义离退休干部第1党支部
          laogan report party-life --year 2026 --members --output 党员出勤.xlsx
        """)
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "只看一个党支部（名称）；逐人列出出勤。") var organization: String?
    @Flag(help: "逐人列出全部党员的出勤（不加时只在 --organization 下逐人列出）。") var members = false
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_party_life" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (organization, members, stamp, reveal, today) = (organization, members, options.stamp, reveal, options.today)
      return {
        try $0.partyLifeReport(
          region: $1, period: period, organization: organization, members: members, today: today, generatedAt: stamp,
          reveal: reveal)
      }
    }
  }

  struct Absent: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "absent",
      abstract: "连续若干个月（默认 6 个月）所在党组织开过会、本人既未出席也未请假的党员，附最近出席日期与书记；流动、失联党员另列。",
      discussion: """
        示例：
          laogan report absent --on 2026-11-30
          laogan report absent --on 2026-11-30 --months 3 --region 兴义
        """)
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "以该日为准（默认今天；给了统计期则为其最后一天）。") var on: CalendarDate?
    @Option(help: "多少个月未参加组织生活即列出。") var months = 6
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_absent" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (day, months, stamp, reveal) = (
        options.day(on, of: period), months, options.stamp, reveal
      )
      return { try $0.absentReport(region: $1, on: day, months: months, generatedAt: stamp, reveal: reveal) }
    }
  }

  struct Dues: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "dues",
      abstract: "党费：按党组织的应缴、实缴、欠缴（精确到分）；--owed 列出欠缴的党员、欠缴月份与缴至。",
      discussion: """
        示例：
          laogan report dues --year 2023
          laogan report dues --owed --on 2023-06 --region 兴义
        """)
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "列出欠缴的党员（截至 --on 的月份）。") var owed = false
    @Option(help: "--owed 截至的月份（默认统计期的最后一个月）。") var on: Month?
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal && owed ? "report_dues" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal, through) = (options.stamp, reveal, on ?? Month(period.to))
      guard owed else { return { try $0.duesReport(region: $1, period: period, generatedAt: stamp) } }
      return { try $0.duesOwedReport(region: $1, through: through, generatedAt: stamp, reveal: reveal) }
    }
  }

  struct VisitsDue: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "visits-due", abstract: "走访慰问提示：期内满 80、90、100 岁的干部，以及若干个月未走访的干部。",
      discussion: "示例：\n  laogan report visits-due --month 2026-12 --months 6")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "多少个月内未走访慰问即列出。") var months = 6
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_visits_due" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal, months) = (options.stamp, reveal, months)
      return { try $0.visitsDueReport(region: $1, period: period, months: months, generatedAt: stamp, reveal: reveal) }
    }
  }
}

extension Laogan.ReportCommand {
  struct Chongyang: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "chongyang",
      abstract: "重阳节慰问名单：农历九月初九当天在册、70 岁及以上的干部，按年龄段，标出逢五逢十。",
      discussion:
        "示例：\n  laogan report chongyang --year 2026\n  laogan report chongyang --year 2026 --output 重阳节名单.xlsx")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_chongyang" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal, year) = (options.stamp, reveal, period.to.year)
      return { try $0.chongyangReport(region: $1, year: year, generatedAt: stamp, reveal: reveal) }
    }
  }

  struct PartyFifty: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "party-50",
      abstract: "“光荣在党50年”名单：当年 7 月 1 日在册、入党满 50 年的党员；--not-awarded 不列已颁发的。",
      discussion: "示例：\n  laogan report party-50 --year 2026\n  laogan report party-50 --year 2026 --not-awarded")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "不列已有“光荣在党50年”荣誉的党员。") var notAwarded = false
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_party_50" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal, year, notAwarded) = (options.stamp, reveal, period.to.year, notAwarded)
      return {
        try $0.partyFiftyReport(region: $1, year: year, notAwarded: notAwarded, generatedAt: stamp, reveal: reveal)
      }
    }
  }
}

extension Laogan.ReportCommand {
  struct InHospital: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "in-hospital",
      abstract: "住院干部名单：某日在院的干部、住院天数，以及住院期间最近一次“住院看望”或“未看望”。",
      discussion: "示例：\n  laogan report in-hospital --on 2023-06-12\n  laogan report in-hospital --region 兴义")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "以该日为准（默认今天；给了统计期则为其最后一天）。") var on: CalendarDate?
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_in_hospital" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (day, stamp, reveal) = (options.day(on, of: period), options.stamp, reveal)
      return { try $0.inHospitalReport(region: $1, on: day, generatedAt: stamp, reveal: reveal) }
    }
  }
}

extension Laogan.ReportCommand {
  struct Abroad: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "abroad",
      abstract: "出国(境)情况：某日在境外与逾期未归的干部、返回后逾期未交回的证照、六个月内到期的证照。",
      discussion: "示例：\n  laogan report abroad --on 2023-06-12\n  laogan report abroad --grace 14 --region 兴义")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "以该日为准（默认今天；给了统计期则为其最后一天）。") var on: CalendarDate?
    @Option(help: "证照在返回后几天内应交回（默认 7）。") var grace = PermitLoan.graceDays
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_abroad" : nil }

    func validate() throws {
      try validateReport()
      guard (0...365).contains(grace) else { throw ValidationError("--grace 应为 0 到 365 天") }
    }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (day, stamp, reveal, grace) = (
        options.day(on, of: period), options.stamp, reveal, grace
      )
      return { try $0.abroadReport(region: $1, on: day, grace: grace, generatedAt: stamp, reveal: reveal) }
    }
  }
}

extension Laogan.ReportCommand {
  struct University: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "university",
      abstract: "老年大学报名与学费统计：各课程容量、报名（离退休干部与社会老年人分列）、候补、应收、减免与实收学费。",
      discussion:
        "示例：\n  laogan report university --term 2023年春季\n  laogan report university --term 2023年春季 --output 报名统计.xlsx")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "学期名称") var term: String

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (term, stamp) = (term, options.stamp)
      return { try $0.universityReport(term: term, region: $1, generatedAt: stamp) }
    }
  }
}

extension Laogan.ReportCommand {
  struct Visits: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "visits", abstract: "走访慰问统计：期内按场合与地区的次数、慰问人数与慰问金额。",
      discussion: "示例：\n  laogan report visits --year 2023\n  laogan report visits --year 2023 --by-region")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let stamp = options.stamp
      return { try $0.visitsReport(region: $1, period: period, generatedAt: stamp) }
    }
  }
}

extension Laogan.ReportCommand {
  struct Deaths: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "deaths", abstract: "去世干部名单：去世原因、送别方式，丧葬费与一次性抚恤金的发放（金额、日期、领取人）或未发放，配偶是否健在。",
      discussion: "示例：\n  laogan report deaths --year 2023\n  laogan report deaths --year 2023 --output 去世干部.xlsx")
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "显示完整的身份证号（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_deaths" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal) = (options.stamp, reveal)
      return { try $0.deathsReport(region: $1, period: period, generatedAt: stamp, reveal: reveal) }
    }
  }

  struct Birthdays: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "birthdays",
      abstract: "干部生日名单：统计期内过生日、当天在册健在的干部，公历或农历（农历生日为“是”的），满几岁，逢五逢十。",
      discussion: """
        农历生日按当年农历同月同日；小月没有三十的按二十九，闰月出生的按同数的正月份。公历 2 月 29 日生日在平年按 3 月 1 日（与年龄的算法一致）。

        示例：
          laogan report birthdays --month 2023-06
          laogan report birthdays --month 2023-07 --round --output 逢五逢十生日.xlsx
        """)
    static let breaksDownByRegion = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Flag(help: "只列逢五逢十的生日。") var round = false
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "report_birthdays" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (stamp, reveal, round) = (options.stamp, reveal, round)
      return {
        try $0.birthdaysReport(region: $1, period: period, roundOnly: round, generatedAt: stamp, reveal: reveal)
      }
    }
  }
}
