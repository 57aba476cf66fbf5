import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Importing the bureau's other records")
final class RecordImportTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  /// Two organizations and three cadres (one retired only in 2030, one dead since 2020) to point at.
  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    try load(
      OrganizationKind.self,
      """
      名称,类型,地区,异地,所在地,示范级别,命名日期,成立日期,撤销日期
      兴义一支部,党支部,兴义,否,,州级,2022/7/1,2001.7.13,
      昆明异地支部,党支部,州直,是,昆明,无,,2010年5月1日,
      """)
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,离退休日期,去世日期,所在党组织
      张三,\(KnownIDs.man1946),退休,兴义,2006-03-01,,兴义一支部
      李四,\(KnownIDs.woman1930),离休,普安,2030-01-01,,
      王五,\(KnownIDs.man1950),退休,兴义,2010-11-01,2020-05-05,
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String, options: ImportOptions = ImportOptions()) throws
    -> ImportSummary
  {
    let file = try folder.write("\(Kind.name)-\(UUID().uuidString).csv", utf8: text, bom: true)
    return try database.importRecords(kind, from: file, options: options, testContext)
  }

  @Test(
    "activities: mixed dates, every participant separator, list by cadre, and export back",
    arguments: TestEngine.available)
  func activities(on engine: TestEngine) throws {
    try use(engine)
    let summary = try load(
      ActivityKind.self,
      """
      日期,类型,标题,地区,场所,组织党组织,参与干部,参与人次,受众人次
      2023/6/12,主题宣讲,宣讲一,兴义,社区,兴义一支部,\(KnownIDs.man1946);\(KnownIDs.woman1930),,120
      2023年6月13日,送学上门,送学,普安,农村,,"\(KnownIDs.man1946)；\(KnownIDs.man1950)、\(KnownIDs.woman1930)",,
      45091,培训班,示范培训,州直,机关,,,35,
      """)
    #expect(summary.added == 3)
    let lines = summary.warnings.map(\.description)
    #expect(lines.contains { $0.hasPrefix("line 2: 李四") && $0.contains("尚未离退休") })
    #expect(lines.contains { $0.hasPrefix("line 3: 王五") && $0.contains("去世") })

    let forZhang = try database.records(ActivityKind.self, RecordFilter(cadre: KnownIDs.man1946))
    #expect(forZhang.map(\.title) == ["送学", "宣讲一"])
    #expect(try database.records(ActivityKind.self, RecordFilter(region: Region(named: "普安"))).map(\.title) == ["送学"])
    let june13 = try #require(CalendarDate(parsing: "2023-06-13"))
    #expect(try database.records(ActivityKind.self, RecordFilter(from: june13, to: june13)).map(\.title) == ["送学"])

    let export = try database.exportTable(ActivityKind.self, forZhang, reveal: true)
    #expect(export.rows.first?[6] == "\(KnownIDs.man1946);\(KnownIDs.woman1930);\(KnownIDs.man1950)")
    #expect(export.rows.first?[0] == "2023-06-13")
    let masked = try database.exportTable(ActivityKind.self, forZhang, reveal: false)
    #expect(!masked.csv().contains(KnownIDs.man1946))
    #expect(masked.csv().contains("522301********0011"))
  }

  @Test(
    "bad rows — unknown 身份证号, unknown type, 2023-02-30 — reject the whole file, each named",
    arguments: TestEngine.available)
  func badRows(on engine: TestEngine) throws {
    try use(engine)
    let failure = try #require(throws: ImportFailure.self) {
      try load(
        TreatmentKind.self,
        """
        日期,类型,标题,地区,场合,参与干部,人次,走访人
        2023-01-15,走访慰问,春节慰问,普安,节日慰问,\(KnownIDs.woman1930),,王芳
        2023-01-16,走访慰问,慰问,普安,节日慰问,\(KnownIDs.standardExample),,
        2023-01-17,座谈,座谈会,普安,,,3,
        2023-02-30,阅读文件,文件,普安,,,,
        2023-03-01,阅读文件,文件,普安,生日看望,,,
        """)
    }
    #expect(
      failure.problems.map(\.description) == [
        "line 3, column 参与干部: 110105********002X — 没有登记这个身份证号的干部",
        "line 4, column 类型: 座谈 — 应为 阅读文件/参加会议活动/参观学习/情况通报/征订党刊党报/走访慰问 之一",
        "line 5, column 日期: 2023-02-30 — 不是有效日期（可写 2023-06-12、2023/6/12、2023.6.12、2023年6月12日）",
        "line 6, column 场合: 生日看望 — 只有“走访慰问”有场合",
      ])
    #expect(try database.records(TreatmentKind.self, RecordFilter()).isEmpty)
  }

  @Test(
    "a file of facts imported twice is refused unless --again; named records upsert instead",
    arguments: TestEngine.available)
  func repeatFile(on engine: TestEngine) throws {
    try use(engine)
    let text = "日期,领域,优势,标题,地区,参与人次\n2023-03-05,关心下一代,威望,红色故事进校园,安龙,6\n"
    let file = try folder.write("c.csv", utf8: text)
    _ = try database.importRecords(ContributionKind.self, from: file, options: ImportOptions(), testContext)
    #expect(throws: LaoganError.self) {
      try database.importRecords(ContributionKind.self, from: file, options: ImportOptions(), testContext)
    }
    let again = try database.importRecords(
      ContributionKind.self, from: file, options: ImportOptions(again: true), testContext)
    #expect(again.added == 1)
    #expect(try database.records(ContributionKind.self, RecordFilter()).count == 2)

    let venues = "名称,类型,地区,向社会老年人开放\n兴义老年大学,老年大学,兴义,是\n"
    try load(VenueKind.self, venues)
    #expect(try load(VenueKind.self, venues).unchanged == 1)
  }

  @Test(
    "a file longer than the reading thread's batches: every row stored in order, and bad lines anywhere named",
    arguments: TestEngine.available)
  func longFile(on engine: TestEngine) throws {
    try use(engine)
    let header = "身份证号,项目,所属月份,金额,备注"
    let rows = (1...5_000).map { "\(KnownIDs.man1946),特需费,2023-05,\($0).00," }
    let summary = try load(PaymentKind.self, ([header] + rows).joined(separator: "\n"))
    #expect(summary.added == 5_000)
    let amounts = try database.read { db in
      try db.values(Int.self, sql: "SELECT amount_fen FROM payment ORDER BY id")
    }
    #expect(amounts == (1...5_000).map { $0 * 100 })

    var bad = rows
    bad[0] = "\(KnownIDs.man1946),特需费,2023-05,abc,"
    bad[2_998] += ",多出的一格"
    bad[4_999] = "\(KnownIDs.standardExample),特需费,2023-05,1.00,"
    let failure = try #require(throws: ImportFailure.self) {
      try load(PaymentKind.self, ([header] + bad).joined(separator: "\n"))
    }
    #expect(failure.problems.map(\.line) == [2, 3_000, 5_001])
    #expect(failure.problems.map(\.column) == ["金额", "", "身份证号"])
    #expect(try database.read { db in try db.value(Int.self, sql: "SELECT count(*) FROM payment") } == 5_000)
  }

  @Test("honours name a cadre or a collective, never both, never neither", arguments: TestEngine.available)
  func honors(on engine: TestEngine) throws {
    try use(engine)
    try load(
      HonorKind.self,
      """
      日期,称号,级别,地区,身份证号,集体名称
      2022-10-01,最美五老,省级,兴义,\(KnownIDs.man1946),
      2022-10-02,先进集体,州级,州直,,州老年大学
      """)
    #expect(try database.records(HonorKind.self, RecordFilter(cadre: "张三")).map(\.title) == ["最美五老"])
    let failure = try #require(throws: ImportFailure.self) {
      try load(
        HonorKind.self, "日期,称号,级别,地区,身份证号,集体名称\n2022-10-01,甲,省级,兴义,\(KnownIDs.man1946),某集体\n2022-10-01,乙,县级,兴义,,\n")
    }
    #expect(failure.problems.map(\.line) == [2, 3])
  }

  @Test(
    "moving a cadre between organizations keeps the old membership with its end date", arguments: TestEngine.available)
  func membershipHistory(on engine: TestEngine) throws {
    try use(engine)
    let day = try #require(CalendarDate(parsing: "2024-03-01"))
    try database.joinOrganization(cadre: "张三", organization: "昆明异地支部", on: day, testContext)
    let history = try database.organizationHistory(of: try database.cadre("张三"))
    #expect(history.map(\.group) == ["兴义一支部", "昆明异地支部"])
    #expect(history[0].leftOn == day && history[1].joinedOn == day && history[1].leftOn == nil)
    #expect(try database.cadre("张三").partyOrganization == "昆明异地支部")
    let before = try #require(CalendarDate(parsing: "2024-02-29"))
    #expect(try database.members(ofOrganization: "兴义一支部", on: before).map(\.cadre.name) == ["张三"])
    #expect(try database.members(ofOrganization: "兴义一支部", on: day).isEmpty)
    // A member who dies is not counted on the day of death (SPEC §5: alive means died after the day).
    let death = try #require(CalendarDate(parsing: "2024-03-10"))
    _ = try database.recordDeath("张三", on: death, testContext)
    #expect(try database.members(ofOrganization: "昆明异地支部", on: death.adding(days: -1)).map(\.cadre.name) == ["张三"])
    #expect(try database.members(ofOrganization: "昆明异地支部", on: death).isEmpty)

    let left = try #require(CalendarDate(parsing: "2025-01-01"))
    try database.leaveOrganization(cadre: "张三", on: left, testContext)
    #expect(try database.cadre("张三").partyOrganization == nil)
    #expect(try database.organizationHistory(of: try database.cadre("张三")).count == 2)
  }

  @Test("a roster naming an unknown organization is refused with the line")
  func unknownOrganization() throws {
    let failure = try #require(throws: ImportFailure.self) {
      try load(CadreKind.self, "姓名,身份证号,类别,管理地区,所在党组织\n赵六,\(KnownIDs.standardExample),退休,兴义,不存在的支部\n")
    }
    #expect(
      failure.problems.map(\.description) == [
        "line 2, column 所在党组织: 不存在的支部 — 没有这个党组织（先 import organizations 或 org add）"
      ])
  }

  @Test(
    "a voided record leaves lists but stays on file; dissolving is an edit of 撤销日期", arguments: TestEngine.available)
  func voidAndDissolve(on engine: TestEngine) throws {
    try use(engine)
    try load(VenueKind.self, "名称,类型,地区\n甲中心,老干部活动中心,兴义\n乙中心,老干部活动中心,兴义\n")
    _ = try database.voidRecord(VenueKind.self, "乙中心", reason: "重复登记", testContext)
    #expect(try database.records(VenueKind.self, RecordFilter()).map(\.name) == ["甲中心"])
    #expect(try database.record(VenueKind.self, "乙中心").voidedReason == "重复登记")
    let edited = try database.editRecord(VenueKind.self, "甲中心", changes: [.dissolvedOn: "2024.5.1"], testContext)
    #expect(edited.dissolvedOn?.description == "2024-05-01")
    #expect(throws: LaoganError.self) {
      try database.editRecord(VenueKind.self, "乙中心", changes: [.dissolvedOn: "2024.5.1"], testContext)
    }
    // Importing the roster again leaves the voided record voided.
    #expect(try load(VenueKind.self, "名称,类型,地区\n乙中心,老干部活动中心,兴义\n").unchanged == 1)
    #expect(try database.record(VenueKind.self, "乙中心").voidedReason == "重复登记")
    #expect(throws: LaoganError.self) {
      try database.records(VenueKind.self, RecordFilter(cadre: "张三"))
    }
  }

  @Test("every sample file imports in the documented order", arguments: TestEngine.available)
  func everySample(on engine: TestEngine) throws {
    try use(engine)
    let folder = try TemporaryFolder()
    let database = try folder.database()
    let kinds: [any RecordKind.Type] = [
      OrganizationKind.self, CadreKind.self, AssociationKind.self, VenueKind.self, ActivityKind.self,
      TreatmentKind.self, ContributionKind.self, HonorKind.self,
    ]
    for kind in kinds {
      let file = fixtures.appendingPathComponent("\(kind.name).csv")
      let summary = try database.importRecords(kind, from: file, options: ImportOptions(), testContext)
      #expect(summary.rows > 0 && summary.added == summary.rows, "\(kind.name)")
    }
  }
}
