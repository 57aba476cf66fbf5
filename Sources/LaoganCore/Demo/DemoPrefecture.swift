import Foundation
import LaoganModel
import LaoganStore

/// How big and which demo prefecture to build.
public struct DemoOptions: Sendable {
  public var seed: UInt64
  /// 1 builds ~25,000 cadres; 10 builds ~250,000 (organizations and events stay at their published counts).
  public var scale: Int

  public init(seed: UInt64 = 2023, scale: Int = 1) {
    self.seed = seed
    self.scale = scale
  }
}

/// What the demo wrote.
public struct DemoSummary: Sendable {
  public var cadres = 0
  public var organizations = 0
  public var events = 0
  public var payments = 0
}

/// A demo 黔西南州 built through the same write paths as real data — every record goes through `RecordSaver`,
/// the monthly payments through the benefit run — whose 323 report for 2022-01-01 … 2023-06-12 shows the
/// figures the 2023 article published (SPEC §1): 2.5万余 cadres, 206 organizations, 24 off-site and 11 + 20
/// model branches, 1.28万余 Party members, 13 associations, 14 training classes, 44 surveys, 300余 home
/// deliveries, 330余 lectures. Records on the far side of each boundary (died, dissolved, named, retired
/// after the report's last day) are there too, so the counting rules are visible in the demo.
struct DemoPrefecture {
  /// The article's day: the last day of the demo report.
  static let reportDay = CalendarDate(valid: 2023, 6, 12)
  static let reportStart = CalendarDate(valid: 2022, 1, 1)
  /// Events and payments run to the end of this month.
  static let lastMonth = Month(valid: 2023, 6)

  /// Published counts (SPEC §1) the report must show, per scale 1.
  static let countedCadres = 25_318
  static let partyMembers = 12_836
  static let trainingClasses = 14
  static let surveys = 44
  static let homeDeliveries = 312
  static let lectures = 336

  let writer: AuditedWriter
  let options: DemoOptions
  var random: SeededRandom
  var summary = DemoSummary()
  let progress: (String) -> Void

  /// 身份证号 of the cadres counted on the report day, by region code, for participants and grants.
  var rosterByRegion: [String: [String]] = [:]
  private var everyone: [(id: String, region: String, born: CalendarDate)] = []
  private var usedIDs = Set<String>()

  init(writer: AuditedWriter, options: DemoOptions, progress: @escaping (String) -> Void) {
    self.writer = writer
    self.options = options
    self.random = SeededRandom(seed: options.seed)
    self.progress = progress
  }

  mutating func build() throws -> DemoSummary {
    let organizations = try buildOrganizations()
    try buildCadres(organizations: organizations)
    try buildAssociationsAndVenues()
    try buildActivities()
    try buildTreatments()
    try buildLivingTreatment()
    try buildContributionsAndHonours()
    try buildPartyWork()
    try buildTransfers()
    try buildCasework()
    // Last, so that every record before them draws what it drew before they were added.
    try buildPensions()
    try buildPartyLife()
    try buildNotices()
    try buildLunarBirthdays()
    try buildPermitsAndTrips()
    try buildUniversity()
    return summary
  }

  // MARK: - Organizations

  /// 206 organizations active on the report day (24 off-site, 11 州级 and 20 县级 model branches), plus three
  /// dissolved before it, two founded after it, and one branch named a model only after it.
  private mutating func buildOrganizations() throws -> [String: [String]] {
    progress("党组织…")
    let saver = try RecordSaver<OrganizationKind>(writer, update: false)
    var active: [String: [String]] = [:]
    var line = 0
    func save(_ cells: [OrganizationField: String]) throws {
      line += 1
      _ = try saver.save(cells, line: line)
      summary.organizations += 1
    }
    let cities = ["贵阳", "昆明", "南宁", "广州"]
    for (index, region) in Region.all.enumerated() {
      let short = region == .prefecture ? "州直" : region.shortName
      // Per region: a 党委, two 党总支, the off-site branches (24 in all) and the rest as branches (206 in all).
      let offSite = index == 0 ? 4 : (index <= 4 ? 3 : 2)
      let branches = index == 0 ? 15 : (index <= 4 ? 18 : 17)
      var names = ["\(short)离退休干部党委"]
      try save([.name: names[0], .kind: "党委", .region: region.code, .establishedOn: "2012-07-01"])
      for number in 1...2 {
        names.append("\(short)离退休干部第\(number)党总支")
        try save([.name: names.last ?? "", .kind: "党总支", .region: region.code, .establishedOn: "2015-03-01"])
      }
      for number in 1...branches {
        let name = "\(short)离退休干部第\(number)党支部"
        var cells: [OrganizationField: String] = [
          .name: name, .kind: "党支部", .region: region.code,
          .establishedOn: random.day(from: CalendarDate(valid: 1995, 1, 1), to: CalendarDate(valid: 2021, 12, 31))
            .description,
        ]
        // 11 州级 model branches (branch 1 everywhere, branch 2 in the first two regions) and 20 县级 ones
        // (branches 3 and 4 everywhere, branch 5 in the first two regions), all named before the report day.
        let level: String? =
          number == 1 || (number == 2 && index < 2)
          ? "州级" : number == 3 || number == 4 || (number == 5 && index < 2) ? "县级" : nil
        if let level {
          cells[.modelLevel] = level
          cells[.namedOn] =
            random.day(from: CalendarDate(valid: 2019, 1, 1), to: CalendarDate(valid: 2023, 5, 31)).description
        }
        try save(cells)
        names.append(name)
      }
      for city in cities.prefix(offSite) {
        let name = "\(short)驻\(city)异地党支部"
        try save([
          .name: name, .kind: "党支部", .region: region.code, .offSite: "是", .locatedIn: city,
          .establishedOn: "2018-09-01",
        ])
        names.append(name)
      }
      active[region.code] = names
    }
    // Across the boundaries of the report day.
    try save([
      .name: "州直原机关离退休干部支部", .kind: "党支部", .region: "522300", .establishedOn: "1998-01-01", .dissolvedOn: "2021-06-30",
    ])
    try save([
      .name: "兴义原供销社离退休干部支部", .kind: "党支部", .region: "522301", .establishedOn: "2000-01-01", .dissolvedOn: "2022-12-31",
    ])
    try save([
      .name: "普安原煤矿离退休干部支部", .kind: "党支部", .region: "522323", .establishedOn: "2001-01-01", .dissolvedOn: "2023-06-12",
    ])
    try save([.name: "兴义新区离退休干部党支部", .kind: "党支部", .region: "522301", .establishedOn: "2023-06-13"])
    try save([.name: "安龙新城离退休干部党支部", .kind: "党支部", .region: "522328", .establishedOn: "2024-01-01"])
    _ = try saver.save(
      [.modelLevel: "州级", .namedOn: "2023-07-01"], over: try OrganizationKind.find("册亨离退休干部第10党支部", in: writer.db),
      allowUpdate: true)
    return active
  }

  // MARK: - Cadres

  enum Fate {
    /// On the roster on the report day; `member` says whether a Party member by then.
    case counted(member: Bool, diesLater: Bool)
    case diedBefore
    case retiresAfter
  }

  /// The roster: exactly the published counts on the report day, plus those who died before it and those who
  /// retire after it.
  private mutating func buildCadres(organizations: [String: [String]]) throws {
    let scale = max(options.scale, 1)
    let counted = DemoPrefecture.countedCadres * scale
    let members = DemoPrefecture.partyMembers * scale
    var fates: [Fate] = []
    let memberSlots = Set(random.sample(members, below: counted))
    let laterDeaths = Set(random.sample(420 * scale, below: counted))
    for index in 0..<counted {
      fates.append(.counted(member: memberSlots.contains(index), diesLater: laterDeaths.contains(index)))
    }
    fates += Array(repeating: .diedBefore, count: 880 * scale) + Array(repeating: .retiresAfter, count: 260 * scale)
    fates.shuffle(using: &random)

    let saver = try RecordSaver<CadreKind>(writer, update: false)
    for (index, fate) in fates.enumerated() {
      if index % 2000 == 0 { progress("干部 \(index)/\(fates.count)…") }
      let cells = cadreCells(fate, organizations: organizations)
      _ = try saver.save(cells, line: index + 2)
      summary.cadres += 1
    }
  }

  mutating func cadreCells(_ fate: Fate, organizations: [String: [String]]) -> [CadreField: String] {
    let region = random.weighted(Region.all.map { ($0, $0 == .prefecture ? 8 : 11) })
    let ethnicity = random.weighted(DemoNames.ethnicities)
    let surnames =
      ethnicity == "布依族" ? DemoNames.buyiSurnames : ethnicity == "苗族" ? DemoNames.miaoSurnames : DemoNames.hanSurnames
    var veteran = random.weighted([(true, 15), (false, 985)])
    if case .retiresAfter = fate { veteran = false }
    let isMale = random.weighted([(true, 62), (false, 38)])
    let born: CalendarDate
    switch fate {
    case .retiresAfter:
      born = random.day(from: CalendarDate(valid: 1963, 7, 1), to: CalendarDate(valid: 1966, 6, 30))
    case .counted, .diedBefore:
      born =
        veteran
        ? random.day(from: CalendarDate(valid: 1922, 1, 1), to: CalendarDate(valid: 1933, 12, 31))
        : random.day(from: CalendarDate(valid: 1936, 1, 1), to: CalendarDate(valid: 1963, 6, 1))
    }
    let retireAge = veteran ? 60 : (isMale ? 60 : 55)
    var retired = CalendarDate(valid: born.year + retireAge, born.month, 1).adding(days: 0)
    if case .retiresAfter = fate, retired <= DemoPrefecture.reportDay {
      retired = random.day(from: DemoPrefecture.reportDay.adding(days: 1), to: CalendarDate(valid: 2026, 10, 31))
    }
    if case .counted = fate, retired > DemoPrefecture.reportDay { retired = DemoPrefecture.reportDay }
    let id = residentID(region: region, born: born, male: isMale)
    var cells: [CadreField: String] = [
      .name: String(surnames[Int.random(in: 0..<surnames.count, using: &random)])
        + String(
          (0..<random.weighted([(1, 30), (2, 70)])).map { _ in
            DemoNames.givenCharacters[Int.random(in: 0..<DemoNames.givenCharacters.count, using: &random)]
          }),
      .residentID: id, .ethnicity: ethnicity, .category: veteran ? "离休" : "退休", .retiredOn: retired.description,
      .region: region.code, .unitType: random.weighted([("机关", 45), ("事业", 40), ("企业", 15)]),
      .formerUnit: DemoNames.units[Int.random(in: 0..<DemoNames.units.count, using: &random)],
      .formerPost: DemoNames.posts[Int.random(in: 0..<DemoNames.posts.count, using: &random)],
      .rank: veteran
        ? random.weighted([("正厅级", 10), ("副厅级", 20), ("正县处级", 40), ("副县处级", 30)])
        : random.weighted(Rank.allCases.dropFirst(2).map { ($0.rawValue, $0 == .clerk ? 30 : 10) }),
      .phone:
        "1" + random.weighted([("3", 4), ("5", 3), ("8", 3)])
        + String(Int.random(in: 100_000_000..<1_000_000_000, using: &random)),
      .residence: region.displayName, .needsCare: random.weighted([("是", 4), ("否", 96)]),
      .resettledElsewhere: random.weighted([("是", 3), ("否", 97)]),
    ]
    if veteran {
      cells[.startedWorkOn] =
        random.day(from: CalendarDate(valid: 1938, 1, 1), to: CalendarDate(valid: 1949, 9, 30)).description
    } else {
      cells[.startedWorkOn] = CalendarDate(valid: born.year + 20, born.month, 1).description
    }
    switch fate {
    case .counted(let member, let diesLater):
      if member {
        cells[.isPartyMember] = "是"
        cells[.joinedPartyOn] = random.day(from: born.anniversary(20), to: born.anniversary(45)).description
        let orgs = organizations[region.code] ?? organizations["522300"] ?? []
        cells[.partyOrganization] = orgs[Int.random(in: 0..<orgs.count, using: &random)]
      } else {
        cells[.isPartyMember] = "否"
      }
      if diesLater {
        cells[.diedOn] =
          random.day(from: DemoPrefecture.reportDay.adding(days: 1), to: CalendarDate(valid: 2026, 10, 31)).description
      } else {
        rosterByRegion[region.code, default: []].append(id)
      }
      everyone.append((id, region.code, born))
    case .diedBefore:
      cells[.isPartyMember] = random.weighted([("是", 1), ("否", 1)])
      let earliest = max(retired.adding(days: 1), CalendarDate(valid: 2015, 1, 1))
      cells[.diedOn] = random.day(from: earliest, to: DemoPrefecture.reportDay).description
    case .retiresAfter:
      cells[.isPartyMember] = "否"
    }
    return cells
  }

  /// A valid, unused 身份证号 for the region and birth date.
  mutating func residentID(region: Region, born: CalendarDate, male: Bool) -> String {
    let area = region == .prefecture ? "522301" : (region.code == "522302" && born.year < 1950 ? "522322" : region.code)
    let birth = born.description.replacingOccurrences(of: "-", with: "")
    while true {
      let order = Int.random(in: 50..<500, using: &random) * 2 + (male ? 1 : 0)
      let body = area + birth + String(order)
      let check = ResidentID.checkCharacter(for: Array(body.utf8))
      let id = body + String(UnicodeScalar(check))
      if usedIDs.insert(id).inserted { return id }
    }
  }

  /// A few cadres counted on the report day in the region (or anywhere), as a participants cell.
  private mutating func participants(_ count: Int, region: String) -> String {
    let pool = rosterByRegion[region].flatMap { $0.isEmpty ? nil : $0 } ?? rosterByRegion.values.flatMap { $0 }
    return (0..<count).map { _ in pool[Int.random(in: 0..<pool.count, using: &random)] }.joined(separator: ";")
  }

  // MARK: - Associations and venues

  private mutating func buildAssociationsAndVenues() throws {
    progress("社团与阵地…")
    let associations = try RecordSaver<AssociationKind>(writer, update: false)
    // Each category with the name such a body goes by.
    let categories = [
      ("书画", "老年书画协会"), ("摄影", "老年摄影协会"), ("诗词", "老年诗词学会"), ("楹联", "老年楹联学会"),
      ("歌舞", "老年艺术团"), ("老年体协", "老年人体育协会"), ("其他", "老年人协会"),
    ]
    for index in 0..<13 {
      let region = Region.all[index % Region.all.count]
      let (category, name) = categories[index % categories.count]
      _ = try associations.save(
        [
          .name: "\(region == .prefecture ? "州" : region.shortName)\(name)", .category: category,
          .region: region.code,
          .establishedOn: "20\(10 + index % 10)-05-01", .leader: "协会会长",
        ], line: index + 2)
    }
    _ = try associations.save(
      [
        .name: "州老年门球协会", .category: "老年体协", .region: "522300", .establishedOn: "2005-01-01",
        .dissolvedOn: "2020-12-31",
      ], line: 20)
    let venues = try RecordSaver<VenueKind>(writer, update: false)
    var line = 0
    for region in Region.all {
      let short = region == .prefecture ? "州" : region.shortName
      let kinds: [(String, String, String)] = [
        ("\(short)老年大学", "老年大学", "是"), ("\(short)老干部活动中心", "老干部活动中心", "是"),
        ("\(short)五老工作室", "五老工作室", "否"), ("\(short)银龄志愿服务队", "银龄志愿服务队", "是"),
      ]
      for (name, kind, open) in kinds {
        line += 1
        _ = try venues.save(
          [.name: name, .kind: kind, .region: region.code, .openToPublic: open, .establishedOn: "2016-01-01"],
          line: line)
      }
    }
    for (name, open) in [("黔西南老干部网", "是"), ("黔西南老干部微信公众号", "是"), ("老干部智慧服务平台", "否")] {
      line += 1
      _ = try venues.save(
        [.name: name, .kind: "网络平台", .region: "522300", .openToPublic: open, .establishedOn: "2019-01-01"], line: line)
    }
  }

  // MARK: - Activities

  /// The published activity counts inside the report's span, and as many before and after it.
  private mutating func buildActivities() throws {
    progress("活动…")
    let saver = try RecordSaver<ActivityKind>(writer, update: false)
    let span = (DemoPrefecture.reportStart, DemoPrefecture.reportDay)
    let after = (DemoPrefecture.reportDay.adding(days: 1), DemoPrefecture.lastMonth.lastDay)
    let places: [(String, Int)] = [("机关", 24), ("社区", 36), ("企业", 12), ("农村", 28)]
    var line = 0
    func save(_ cells: [ActivityField: String]) throws {
      line += 1
      _ = try saver.save(cells, line: line)
      summary.events += 1
    }
    let plan: [(kind: String, inSpan: Int, after: Int)] = [
      ("培训班", DemoPrefecture.trainingClasses, 1), ("调研", DemoPrefecture.surveys, 3),
      ("送学上门", DemoPrefecture.homeDeliveries, 8), ("主题宣讲", DemoPrefecture.lectures, 10),
      ("政治学习", 170, 5), ("文体活动", 60, 2), ("座谈会", 30, 1),
    ]
    for (kind, inSpan, afterSpan) in plan {
      for index in 0..<(inSpan + afterSpan) {
        let (from, to) = index < inSpan ? span : after
        let region = Region.all[Int.random(in: 0..<Region.all.count, using: &random)]
        var cells: [ActivityField: String] = [
          .heldOn: random.day(from: from, to: to).description, .kind: kind, .region: region.code,
        ]
        switch kind {
        case "培训班":
          cells[.title] = "离退休干部党支部书记示范培训班（第\(index + 1)期）"
          cells[.place] = "机关"
          cells[.personTimes] = "\(Int.random(in: 40...80, using: &random))"
        case "送学上门":
          cells[.title] = "送学上门：\(DemoNames.lectureTopics[index % DemoNames.lectureTopics.count])"
          cells[.participants] = participants(Int.random(in: 1...3, using: &random), region: region.code)
        case "主题宣讲":
          cells[.title] = DemoNames.lectureTopics[index % DemoNames.lectureTopics.count]
          cells[.place] = random.weighted(places)
          cells[.participants] = participants(Int.random(in: 1...2, using: &random), region: region.code)
          cells[.audience] = "\(Int.random(in: 30...400, using: &random))"
        case "调研":
          cells[.title] = "离退休干部工作调研（\(region.displayName)）"
          cells[.personTimes] = "\(Int.random(in: 5...20, using: &random))"
        default:
          cells[.title] = "\(kind)（\(region.displayName)）"
          cells[.personTimes] = "\(Int.random(in: 15...90, using: &random))"
        }
        try save(cells)
      }
    }
  }

  // MARK: - Political treatment

  private mutating func buildTreatments() throws {
    progress("政治待遇…")
    let saver = try RecordSaver<TreatmentKind>(writer, update: false)
    var line = 0
    var month = Month(DemoPrefecture.reportStart)
    let occasions = ["生日看望", "住院看望", "节日慰问", "日常走访", "异地安置人员慰问", "遗属慰问"]
    while month <= DemoPrefecture.lastMonth {
      for region in Region.all {
        var kinds = ["阅读文件", "走访慰问", "走访慰问"]
        if month.month % 3 == 0 { kinds += ["情况通报", "参加会议活动"] }
        if month.month == 7 { kinds.append("参观学习") }
        if month.month == 11 { kinds.append("征订党刊党报") }
        for kind in kinds {
          line += 1
          let day = random.day(from: month.firstDay, to: min(month.lastDay, DemoPrefecture.lastMonth.lastDay))
          var cells: [TreatmentField: String] = [
            .heldOn: day.description, .kind: kind, .region: region.code, .title: "\(month)\(kind)",
          ]
          if kind == "走访慰问" {
            cells[.occasion] =
              month.month <= 2 ? "节日慰问" : occasions[Int.random(in: 0..<occasions.count, using: &random)]
            cells[.participants] = participants(Int.random(in: 2...8, using: &random), region: region.code)
            cells[.visitors] = "局领导"
          } else {
            cells[.personTimes] = "\(Int.random(in: 20...200, using: &random))"
          }
          _ = try saver.save(cells, line: line)
          summary.events += 1
        }
      }
      month = month.next
    }
  }

  // MARK: - Living treatment

  /// Rules and one run a month from 2022-01, the hardship fund with its grants, medical subsidies, health
  /// checks and green-channel cards.
  private mutating func buildLivingTreatment() throws {
    progress("生活待遇…")
    let rules: [BenefitRule] = [
      BenefitRule(
        item: .longevitySubsidy, monthly: Fen(10_000), fromMonth: Month(valid: 2022, 1),
        toMonth: Month(valid: 2022, 12), minAge: 80, maxAge: 89),
      BenefitRule(
        item: .longevitySubsidy, monthly: Fen(12_000), fromMonth: Month(valid: 2023, 1), minAge: 80, maxAge: 89),
      BenefitRule(
        item: .longevitySubsidy, monthly: Fen(30_000), fromMonth: Month(valid: 2022, 1), minAge: 90, maxAge: 99),
      BenefitRule(item: .longevitySubsidy, monthly: Fen(60_000), fromMonth: Month(valid: 2022, 1), minAge: 100),
      BenefitRule(
        item: .specialNeeds, monthly: Fen(50_000), fromMonth: Month(valid: 2022, 1), category: .veteran),
      BenefitRule(
        item: .livingAllowance, monthly: Fen(120_000), fromMonth: Month(valid: 2022, 1), category: .veteran),
    ]
    for var rule in rules { try writer.insert(&rule) }
    var month = Month(DemoPrefecture.reportStart)
    while month <= DemoPrefecture.lastMonth {
      progress("按月发放 \(month)…")
      summary.payments += try LaoganDatabase.runBenefits(month: month, dryRun: false, writer).payments
      month = month.next
    }
    let fund = try RecordSaver<FundKind>(writer, update: false)
    let allocation = "\(300_000 * options.scale)"
    _ = try fund.save([.enteredOn: "2022-01-05", .kind: "拨入", .amount: allocation, .reason: "2022 年帮扶基金"], line: 1)
    _ = try fund.save([.enteredOn: "2023-01-05", .kind: "拨入", .amount: allocation, .reason: "2023 年帮扶基金"], line: 2)
    _ = try fund.save([.enteredOn: "2022-09-10", .kind: "支出", .amount: "12000", .reason: "帮扶基金审计费"], line: 3)
    // Each month's purchase of relief goods, as a ledger holds them.
    var purchase = Month(DemoPrefecture.reportStart)
    for line in 4... {
      guard purchase <= DemoPrefecture.lastMonth else { break }
      _ = try fund.save(
        [
          .enteredOn: "\(purchase)-20", .kind: "支出", .amount: "\(500 * options.scale)", .reason: "\(purchase) 慰问物资",
        ], line: line)
      purchase = purchase.next
    }
    let payments = try RecordSaver<PaymentKind>(writer, update: false)
    let pool = everyone
    var line = 0
    for _ in 0..<(260 * options.scale) {
      let person = pool[Int.random(in: 0..<pool.count, using: &random)]
      // Grants after each year's allocation, small enough that the fund is never overdrawn on any day.
      let day = random.day(from: CalendarDate(valid: 2022, 1, 10), to: DemoPrefecture.lastMonth.lastDay)
      line += 1
      _ = try payments.save(
        [
          .residentID: person.id, .item: "困难帮扶", .paidOn: day.description,
          .amount: "\(Int.random(in: 5...20, using: &random) * 100)",
        ],
        line: line)
      summary.payments += 1
    }
    for _ in 0..<(1500 * options.scale) {
      let person = pool[Int.random(in: 0..<pool.count, using: &random)]
      let day = random.day(from: DemoPrefecture.reportStart, to: DemoPrefecture.lastMonth.lastDay)
      line += 1
      _ = try payments.save(
        [
          .residentID: person.id, .item: "医疗补助费", .paidOn: day.description,
          .amount: "\(Int.random(in: 200...3000, using: &random)).00",
        ],
        line: line)
      summary.payments += 1
    }
    progress("体检与绿色通道卡…")
    let checks = try RecordSaver<HealthCheckKind>(writer, update: false)
    let cards = try RecordSaver<GreenCardKind>(writer, update: false)
    for (index, person) in pool.enumerated() {
      if index % 3 == 0 {
        _ = try checks.save(
          [
            .residentID: person.id,
            .checkedOn: random.day(from: CalendarDate(valid: 2022, 3, 1), to: CalendarDate(valid: 2022, 11, 30))
              .description,
          ], line: index)
      }
      if index % 4 == 1 {
        _ = try checks.save(
          [
            .residentID: person.id,
            .checkedOn: random.day(from: CalendarDate(valid: 2023, 3, 1), to: CalendarDate(valid: 2023, 6, 10))
              .description,
          ], line: index)
      }
      if person.born.age(on: DemoPrefecture.reportDay) >= 80, index % 2 == 0 {
        let issued = random.day(from: CalendarDate(valid: 2020, 1, 1), to: CalendarDate(valid: 2023, 5, 31))
        _ = try cards.save(
          [
            .residentID: person.id, .cardNumber: "QXN\(1_000_000 + index)", .issuedOn: issued.description,
            .expiresOn: issued.anniversary(3).adding(days: -1).description,
          ], line: index)
      }
    }
  }

  // MARK: - Contributions and honours

  private mutating func buildContributionsAndHonours() throws {
    progress("发挥作用与先进典型…")
    let contributions = try RecordSaver<ContributionKind>(writer, update: false)
    let areas = ContributionArea.allCases.map(\.rawValue)
    for index in 0..<420 {
      let region = Region.all[index % Region.all.count]
      let area = areas[index % areas.count]
      var cells: [ContributionField: String] = [
        .doneOn: random.day(from: DemoPrefecture.reportStart, to: DemoPrefecture.lastMonth.lastDay).description,
        .area: area,
        .advantage: random.weighted([("政治", 3), ("经验", 4), ("威望", 3)]), .title: "\(area)：\(region.displayName)五老在行动",
        .region: region.code, .outcome: "群众满意",
      ]
      if index % 2 == 0 {
        cells[.participants] = participants(Int.random(in: 1...4, using: &random), region: region.code)
      } else {
        cells[.personTimes] = "\(Int.random(in: 3...30, using: &random))"
      }
      _ = try contributions.save(cells, line: index + 2)
      summary.events += 1
    }
    let honors = try RecordSaver<HonorKind>(writer, update: false)
    let titles: [(String, String)] = [
      ("全国离退休干部先进个人", "国家级"), ("全省离退休干部先进个人", "省级"), ("最美五老", "州级"),
      ("普法先进个人", "县级"), ("双先表彰先进个人", "州级"),
    ]
    for index in 0..<96 {
      let region = Region.all[index % Region.all.count]
      let (title, level) = titles[index % titles.count]
      var cells: [HonorField: String] = [
        .awardedOn: random.day(from: DemoPrefecture.reportStart, to: DemoPrefecture.lastMonth.lastDay).description,
        .title: title,
        .level: level, .region: region.code,
      ]
      if index % 6 == 5 {
        cells[.collectiveName] = "\(region == .prefecture ? "州直" : region.shortName)离退休干部第1党支部"
      } else {
        cells[.residentID] = participants(1, region: region.code)
      }
      _ = try honors.save(cells, line: index + 2)
      summary.events += 1
    }
  }
}

extension LaoganDatabase {
  /// `laogan demo`: builds the demo prefecture in one audited command. `progress` is told each stage.
  public func buildDemo(_ options: DemoOptions, _ context: AuditContext, progress: @escaping (String) -> Void) throws
    -> DemoSummary
  {
    try write(context) { writer in
      var demo = DemoPrefecture(writer: writer, options: options, progress: progress)
      return try demo.build()
    }
  }

  /// The span of the published figures: 2022-01-01 … 2023-06-12.
  public static var demoReportPeriod: Period {
    Period(from: DemoPrefecture.reportStart, to: DemoPrefecture.reportDay)
  }
}

extension LaoganDatabase {
  /// Removes an earlier demo database (or an empty one) at `path` so the demo can be rebuilt; refuses any
  /// other file, so a real database is never overwritten by mistake.
  public static func removeDemo(at path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { return }
    let database = try LaoganDatabase(path: path, mode: .existing)
    let first = try database.read { db in
      try db.value(String.self, sql: "SELECT command FROM command_run ORDER BY id LIMIT 1")
    }
    try database.close()
    guard first?.hasPrefix("demo") ?? true else {
      throw LaoganError.cannotOpen(path: path, reason: "这不是演示数据库，不会被覆盖；请用 --db 指定另一个文件")
    }
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
      try FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
