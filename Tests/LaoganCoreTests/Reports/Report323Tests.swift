import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore
@testable import LaoganText

/// A small prefecture built by import, with records on both sides of every boundary of June 2023.
struct BoundaryData {
  let folder: TemporaryFolder
  let database: LaoganDatabase

  static let c1 = "522301194603150011"  // 兴义, retired 2006, Party member
  static let c2 = "522301195011200032"  // 兴义, 离休, died on the last day
  static let c3 = "522323193001010023"  // 普安, retired on the last day
  static let c4 = "11010519491231002X"  // 兴义, retired the day after
  static let c5 = "440524188001010014"  // 州直, died the day after; joined the Party the day after

  init(on engine: TestEngine = .sqlite) throws {
    folder = try TemporaryFolder()
    database = try folder.database(on: engine)
    try load(
      OrganizationKind.self,
      """
      名称,类型,地区,异地,示范级别,命名日期,成立日期,撤销日期
      甲支部,党支部,兴义,否,州级,2022-01-01,2001-01-01,
      乙支部,党支部,普安,是,无,,2001-01-01,2023-06-30
      丙党委,党委,兴义,否,县级,2023-07-01,2010-01-01,
      丁总支,党总支,州直,否,无,,2023-07-01,
      戊支部,党支部,册亨,是,无,,,
      """)
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,离退休日期,去世日期,党员,入党日期
      一,\(Self.c1),退休,兴义,2006-03-01,,是,1980-01-01
      二,\(Self.c2),离休,兴义,1990-01-01,2023-06-30,否,
      三,\(Self.c3),退休,普安,2023-06-30,,否,
      四,\(Self.c4),退休,兴义,2023-07-01,,否,
      五,\(Self.c5),退休,州直,1940-01-01,2023-07-01,是,2023-07-01
      """)
    try load(
      ActivityKind.self,
      """
      日期,类型,标题,地区,场所,参与干部,参与人次,受众人次
      2023-06-10,主题宣讲,社区宣讲,兴义,社区,\(Self.c1);\(Self.c3),,100
      2023-06-11,主题宣讲,农村宣讲,普安,农村,,7,50
      2023-06-12,培训班,书记培训,兴义,机关,,30,
      2023-05-31,主题宣讲,五月宣讲,兴义,机关,,,
      2022-06-15,主题宣讲,去年宣讲,兴义,企业,,,
      2023-06-30,政治学习,月底学习,兴义,,,,
      """)
    try load(
      TreatmentKind.self,
      """
      日期,类型,标题,地区,场合,参与干部,人次
      2023-06-01,走访慰问,走访,兴义,日常走访,\(Self.c1),
      2023-06-15,阅读文件,读文件,普安,,,12
      """)
    try load(FundKind.self, "日期,类型,金额\n2023-01-01,拨入,1000\n")
    try load(
      PaymentKind.self,
      """
      身份证号,项目,所属月份,日期,金额
      \(Self.c1),高龄补贴,2023-06,2023-07-05,100.00
      \(Self.c3),医疗补助费,,2023-06-20,50.50
      \(Self.c1),生活费,2023-05,2023-06-02,80
      \(Self.c1),困难帮扶,2023-06,,100
      \(Self.c3),困难帮扶,,2023-07-01,200
      """)
    try load(HealthCheckKind.self, "身份证号,体检日期\n\(Self.c1),2023-06-02\n\(Self.c1),2023-06-20\n\(Self.c3),2023-07-01\n")
    try load(GreenCardKind.self, "身份证号,卡号,发卡日期,有效期至\n\(Self.c1),A1,2023-01-01,2023-06-30\n\(Self.c3),A2,2023-07-01,\n")
    try load(
      ContributionKind.self,
      """
      日期,领域,优势,标题,地区,参与干部,参与人次
      2023-06-10,关心下一代,威望,讲故事,兴义,\(Self.c1),
      2023-06-11,乡村振兴,经验,产业指导,普安,,4
      """)
    try load(HonorKind.self, "日期,称号,级别,地区,身份证号,集体名称\n2023-06-05,最美五老,省级,兴义,\(Self.c1),\n2023-07-01,先进集体,州级,州直,,老年大学\n")
    try load(
      VenueKind.self,
      """
      名称,类型,地区,向社会老年人开放,成立日期,撤销日期
      兴义老年大学,老年大学,兴义,是,2020-01-01,
      普安工作室,五老工作室,普安,否,2020-01-01,2023-06-30
      网上家园,网络平台,州直,是,,
      """)
    try load(AssociationKind.self, "名称,类别,地区,成立日期\n书画会,书画,兴义,2020-01-01\n摄影会,摄影,普安,2023-07-01\n")
  }

  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws {
    let file = try folder.write("\(Kind.name).csv", utf8: text)
    _ = try database.importRecords(kind, from: file, options: ImportOptions(), testContext)
  }
}

@Suite("The 323 report")
struct Report323Tests {
  let june = Period.month(Month(valid: 2023, 6))

  /// Every indicator key of SPEC §5 with its expected value for the prefecture in June 2023; zero unless listed.
  static let expectedJune: [String: Int64] = [
    "construction.political.cadres": 3, "construction.political.study_sessions": 1,
    "construction.ideological.training_classes": 1, "construction.ideological.training_person_times": 30,
    "construction.ideological.lectures": 2, "construction.ideological.lectures_community": 1,
    "construction.ideological.lectures_village": 1, "construction.ideological.lecture_audience": 150,
    "construction.organizational.party_organizations": 3, "construction.organizational.remote_branches": 1,
    "construction.organizational.model_branches_prefecture": 1, "construction.organizational.party_members": 1,
    "construction.organizational.associations": 1,
    "treatment.political.visits.events": 1, "treatment.political.visits.person_times": 1,
    "treatment.political.documents.events": 1, "treatment.political.documents.person_times": 12,
    "treatment.living.longevity_subsidy.persons": 1, "treatment.living.longevity_subsidy.person_times": 1,
    "treatment.living.longevity_subsidy.amount_fen": 10_000,
    "treatment.living.medical_subsidy.persons": 1, "treatment.living.medical_subsidy.person_times": 1,
    "treatment.living.medical_subsidy.amount_fen": 5050,
    "treatment.living.hardship_aid.persons": 1, "treatment.living.hardship_aid.person_times": 1,
    "treatment.living.hardship_aid.amount_fen": 10_000,
    "treatment.living.health_checks": 1, "treatment.living.green_channel_cards": 1,
    "treatment.living.hardship_fund_balance_fen": 90_000,
    "advantage.contributions.next_generation.events": 1, "advantage.contributions.next_generation.person_times": 1,
    "advantage.contributions.rural_revitalization.events": 1,
    "advantage.contributions.rural_revitalization.person_times": 4,
    "advantage.contributions.by_advantage.prestige": 1, "advantage.contributions.by_advantage.experience": 1,
    "advantage.honors.provincial": 1,
    "advantage.venues.senior_university": 1, "advantage.venues.online_platform": 1,
    "advantage.venues.open_to_public": 2,
  ]

  /// The keys SPEC §5 names, spelled out here independently of the code that defines them.
  static let specKeys: [String] = {
    var keys = [
      "construction.political.cadres", "construction.political.study_sessions",
    ]
    keys += [
      "training_classes", "training_person_times", "surveys", "home_deliveries", "lectures", "lectures_agency",
      "lectures_community", "lectures_enterprise", "lectures_village", "lecture_audience",
    ].map { "construction.ideological.\($0)" }
    keys += [
      "party_organizations", "remote_branches", "model_branches_prefecture", "model_branches_county",
      "party_members", "associations",
    ].map { "construction.organizational.\($0)" }
    for type in ["documents", "meetings", "study_tours", "briefings", "publications", "visits"] {
      keys += ["treatment.political.\(type).events", "treatment.political.\(type).person_times"]
    }
    for type in ["special_needs", "medical_subsidy", "living_allowance", "longevity_subsidy", "hardship_aid"] {
      keys += ["persons", "person_times", "amount_fen"].map { "treatment.living.\(type).\($0)" }
    }
    keys += [
      "treatment.living.health_checks", "treatment.living.green_channel_cards",
      "treatment.living.hardship_fund_balance_fen",
    ]
    for area in [
      "policy_promotion", "culture", "dispute_mediation", "next_generation", "rural_revitalization",
      "social_governance", "civilized_city",
    ] {
      keys += ["advantage.contributions.\(area).events", "advantage.contributions.\(area).person_times"]
    }
    keys += ["political", "experience", "prestige"].map { "advantage.contributions.by_advantage.\($0)" }
    keys += ["national", "provincial", "prefecture", "county"].map { "advantage.honors.\($0)" }
    keys += [
      "senior_university", "activity_center", "wulao_studio", "volunteer_team", "online_platform",
      "open_to_public",
    ].map { "advantage.venues.\($0)" }
    return keys
  }()

  @Test(
    "every SPEC §5 key, on boundary dates: died, dissolved, retired on the last day; named after; paid for the month",
    arguments: TestEngine.available)
  func everyKey(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let report = try data.database.report323(region: .prefecture, period: june, compare: false, generatedAt: "t")
    #expect(Set(report.indicators.map(\.key)) == Set(Self.specKeys))
    for key in Self.specKeys {
      #expect(report.indicator(key)?.value == Self.expectedJune[key, default: 0], "\(key)")
    }
  }

  @Test(
    "a county's report counts only its own records; payments by their cadre's region; the fund whatever the region",
    arguments: TestEngine.available)
  func countyScope(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let report = try data.database.report323(
      region: Region(named: "普安")!, period: june, compare: false, generatedAt: "t")
    #expect(report.indicator("construction.political.cadres")?.value == 1)
    #expect(report.indicator("construction.ideological.lectures")?.value == 1)
    #expect(report.indicator("construction.ideological.lecture_audience")?.value == 50)
    #expect(report.indicator("construction.organizational.party_organizations")?.value == 0)
    #expect(report.indicator("treatment.living.medical_subsidy.amount_fen")?.value == 5050)
    #expect(report.indicator("treatment.living.longevity_subsidy.amount_fen")?.value == 0)
    #expect(report.indicator("treatment.living.hardship_fund_balance_fen")?.value == 90_000)
    #expect(report.indicator("advantage.venues.open_to_public")?.value == 0)
  }

  /// Every item of `BoundaryData` is paid once a cadre, so 人数 and 人次 coincide there. A second 医疗补助费 to
  /// 三 in June parts them: 人数 counts 三 once, 人次 counts both payments, the amount adds them.
  @Test(
    "a cadre paid one item twice in the month is one 人数 and two 人次, the amount both payments",
    arguments: TestEngine.available)
  func personsDistinct(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let summary = try data.folder.importSheet(
      PaymentKind.self, "身份证号,项目,所属月份,日期,金额\n\(BoundaryData.c3),医疗补助费,,2023-06-25,10.00",
      into: data.database)
    #expect(summary.added == 1)
    let report = try data.database.report323(region: .prefecture, period: june, compare: false, generatedAt: "t")
    #expect(report.indicator("treatment.living.medical_subsidy.persons")?.value == 1)
    #expect(report.indicator("treatment.living.medical_subsidy.person_times")?.value == 2)
    // 50.50 on 06-20 and 10.00 on 06-25.
    #expect(report.indicator("treatment.living.medical_subsidy.amount_fen")?.value == 6050)
  }

  @Test("环比 is May 2023, 同比 is June 2022", arguments: TestEngine.available)
  func compare(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let report = try data.database.report323(region: .prefecture, period: june, compare: true, generatedAt: "t")
    let lectures = try #require(report.indicator("construction.ideological.lectures"))
    #expect(lectures.previous == 1 && lectures.yearAgo == 1)
    let allowance = try #require(report.indicator("treatment.living.living_allowance.amount_fen"))
    #expect(allowance.value == 0 && allowance.previous == 8000 && allowance.yearAgo == 0)
    #expect(june.previous == Period.month(Month(year: 2023, month: 5)!))
    #expect(
      Period(from: CalendarDate(parsing: "2022-01-01")!, to: CalendarDate(parsing: "2023-06-12")!).previous
        == Period(from: CalendarDate(parsing: "2020-07-22")!, to: CalendarDate(parsing: "2021-12-31")!))
  }

  @Test("--explain lists exactly the records behind a figure", arguments: TestEngine.available)
  func explain(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let lectures = try data.database.explain323(
      key: "construction.ideological.lectures", region: .prefecture, period: june, reveal: false)
    #expect(lectures.first?.table.rows.map { $0[3] } == ["社区宣讲", "农村宣讲"])
    let cadres = try data.database.explain323(
      key: "construction.political.cadres", region: .prefecture, period: june, reveal: false)
    #expect(cadres.first?.table.rows.map { $0[1] } == ["一", "三", "五"])
    #expect(throws: LaoganError.self) {
      try data.database.explain323(key: "no.such.key", region: .prefecture, period: june, reveal: false)
    }
  }

  @Test(
    "the fund balance and its --explain list the same movements: grants by the day they were paid",
    arguments: TestEngine.available)
  func explainFund(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let tables = try data.database.explain323(
      key: "treatment.living.hardship_fund_balance_fen", region: .prefecture, period: june, reveal: false)
    #expect(tables.map(\.title) == ["帮扶基金收支", "困难帮扶发放"])
    let amount = try #require(tables.last?.table.headers.firstIndex(of: "金额"))
    // The June grant (所属月份 2023-06) is behind June's balance; the one paid on 2023-07-01 is not.
    #expect(tables.last?.table.rows.map { $0[amount] } == ["100.00"])
    #expect(tables.first?.table.rows.isEmpty == false)
  }

  @Test(
    "CSV is one header row and a row a figure, keyed as the JSON is, with 环比 and 同比 when compared",
    arguments: TestEngine.available)
  func csv(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let plain = try data.database.report323(region: .prefecture, period: june, compare: false, generatedAt: "")
    let lines = plain.csv().dropFirst().split(separator: "\r\n").map(String.init)
    #expect(lines.first == "section,key,label,unit,value")
    #expect(lines.count == plain.indicators.count + 1)
    #expect(lines.contains("三项建设 · 政治建设,construction.political.cadres,离退休干部总数,人,3"))
    let compared = try data.database.report323(region: .prefecture, period: june, compare: true, generatedAt: "")
    let fund = compared.csv().split(separator: "\r\n").first { $0.contains("hardship_fund_balance_fen") }
    #expect(fund.map { $0.split(separator: ",").count } == 7)
    #expect(fund?.contains(",分,") == true)
  }

  @Test(
    "JSON has the SPEC §5 shape, sorted keys, integer 分, null comparisons unless compared",
    arguments: TestEngine.available)
  func json(on engine: TestEngine) throws {
    let data = try BoundaryData(on: engine)
    let report = try data.database.report323(
      region: .prefecture, period: june, compare: false, generatedAt: "2026-11-29T00:00:00Z")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
    #expect(object["format_version"] as? Int == 1 && object["report"] as? String == "323")
    #expect((object["region"] as? [String: String])?["code"] == "522300")
    #expect((object["period"] as? [String: String]) == ["from": "2023-06-01", "to": "2023-06-30"])
    let indicators = try #require(object["indicators"] as? [String: [String: Any]])
    let money = try #require(indicators["treatment.living.medical_subsidy.amount_fen"])
    #expect(money["value"] as? Int == 5050 && money["unit"] as? String == "分")
    #expect(money["previous"] is NSNull && money["year_ago"] is NSNull)
    #expect(try report.json() == (try report.json()))
  }
}
