import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Branch officers, elections and member status")
final class OfficerTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    _ = try load(
      OrganizationKind.self,
      """
      名称,类型,地区,成立日期,换届日期,撤销日期
      甲支部,党支部,兴义,2010-01-01,2023-06-30,
      乙党委,党委,兴义,2010-01-01,2021-07-01,
      丙支部,党支部,普安,2010-01-01,,
      丁支部,党支部,兴义,2010-01-01,2020-01-01,2026-01-01
      """)
    _ = try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,党员,所在党组织
      张三,\(KnownIDs.man1946),退休,兴义,是,甲支部
      李四,\(KnownIDs.woman1930),退休,普安,是,丙支部
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    try folder.importSheet(kind, text, into: database)
  }

  func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

  @Test(
    "one 书记 at a time: an overlapping second is refused by line and column; a non-member is noted",
    arguments: TestEngine.available)
  func oneSecretary(on engine: TestEngine) throws {
    try use(engine)
    let summary = try load(
      OfficerKind.self,
      """
      党组织,身份证号,职务,任职日期,离任日期
      甲支部,\(KnownIDs.man1946),书记,2023-07-01,2026-06-30
      甲支部,\(KnownIDs.woman1930),组织委员,2023-07-01,
      """)
    #expect(summary.added == 2)
    #expect(summary.warnings.count == 1 && summary.warnings.first?.reason.contains("不是该党组织的党员") == true)
    let failure = try #require(throws: ImportFailure.self) {
      try load(
        OfficerKind.self,
        """
        党组织,身份证号,职务,任职日期,离任日期
        甲支部,\(KnownIDs.woman1930),书记,2026-06-01,
        甲支部,\(KnownIDs.woman1930),委员,2026-06-01,2026-05-01
        """)
    }
    #expect(
      failure.problems.map(\.description).first?.hasPrefix("line 2, column 任职日期: 2026-06-01 — 该党组织同期已有书记") == true)
    #expect(failure.problems.map(\.description).last == "line 3, column 离任日期: 2026-05-01 — 早于任职日期 2026-06-01")
    // A 书记's own term is no clash when it is edited.
    _ = try database.editRecord(OfficerKind.self, "1", changes: [.endedOn: "2026-06-30"], testContext)
    // A term ending on the day the next begins does not overlap it.
    #expect(
      try load(OfficerKind.self, "党组织,身份证号,职务,任职日期\n甲支部,\(KnownIDs.woman1930),书记,2026-06-30").added == 1)
  }

  /// A term is in force up to, not on, its 离任日期, so the old 书记's term ending on the day the current one
  /// began is no overlap. Clerks often enter the current 书记 first and the history later: the boundary must hold
  /// in that order too (`oneSecretary` covers the other).
  @Test(
    "a past 书记 term entered after the current one, ending on the day the current one began, is accepted",
    arguments: TestEngine.available)
  func pastTermEnteredLater(on engine: TestEngine) throws {
    try use(engine)
    try load(OfficerKind.self, "党组织,身份证号,职务,任职日期\n甲支部,\(KnownIDs.man1946),书记,2023-07-01")
    let past = try load(
      OfficerKind.self,
      "党组织,身份证号,职务,任职日期,离任日期\n甲支部,\(KnownIDs.woman1930),书记,2020-07-01,2023-07-01")
    #expect(past.added == 1)
    let terms = try database.officers(of: try database.record(OrganizationKind.self, "甲支部"))
    #expect(terms.map(\.term) == ["2020-07-01 至 2023-07-01", "2023-07-01 至 今"])
  }

  @Test(
    "an organization's 书记 cell sets its current officer; a new 书记 closes the old term on that day",
    arguments: TestEngine.available)
  func secretaryCell(on engine: TestEngine) throws {
    try use(engine)
    let first = try folder.write("f.csv", utf8: "名称,类型,地区,书记\n丙支部,党支部,普安,\(KnownIDs.woman1930)\n")
    _ = try database.importRecords(
      OrganizationKind.self, from: first, options: ImportOptions(update: true), testContext)
    #expect(try database.record(OrganizationKind.self, "丙支部").secretaryID == (try database.cadre("李四").id))
    let file = try folder.write("o.csv", utf8: "名称,类型,地区,书记\n丙支部,党支部,普安,\(KnownIDs.man1946)\n")
    _ = try database.importRecords(OrganizationKind.self, from: file, options: ImportOptions(update: true), testContext)
    let terms = try database.officers(of: try database.record(OrganizationKind.self, "丙支部"))
    let today = CalendarDate(testContext.now())
    #expect(terms.map(\.term) == ["起始不详 至 \(today)", "\(today) 至 今"])
    #expect(try database.record(OrganizationKind.self, "丙支部").secretaryID == (try database.cadre("张三").id))
  }

  @Test(
    "organizations come before their cadres: a 书记 not registered yet is noted, and set by a later --update",
    arguments: TestEngine.available)
  func secretaryBeforeCadres(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write("o.csv", utf8: "名称,类型,地区,书记\n戊支部,党支部,兴义,\(KnownIDs.standardExample)\n")
    let first = try database.importRecords(OrganizationKind.self, from: file, options: ImportOptions(), testContext)
    #expect(first.added == 1 && first.warnings.first?.reason.contains("尚未登记为干部") == true)
    #expect(try database.record(OrganizationKind.self, "戊支部").secretaryID == nil)
    try load(CadreKind.self, "姓名,身份证号,类别,管理地区,党员\n赵六,\(KnownIDs.standardExample),退休,兴义,是")
    _ = try database.importRecords(OrganizationKind.self, from: file, options: ImportOptions(update: true), testContext)
    #expect(try database.record(OrganizationKind.self, "戊支部").secretaryID == (try database.cadre("赵六").id))
  }

  @Test("a 书记 whose term has a planned 离任日期 is the 书记 until then", arguments: TestEngine.available)
  func plannedEnd(on engine: TestEngine) throws {
    try use(engine)
    try load(OfficerKind.self, "党组织,身份证号,职务,任职日期,离任日期\n丙支部,\(KnownIDs.woman1930),书记,2024-01-01,2099-12-31")
    #expect(try database.record(OrganizationKind.self, "丙支部").secretaryID == (try database.cadre("李四").id))
  }

  @Test(
    "elections due: a term ending exactly on the day is due; dissolved ones are not listed; unknown listed",
    arguments: TestEngine.available)
  func electionsDue(on engine: TestEngine) throws {
    try use(engine)
    // 甲支部 elected 2023-06-30 ends 2026-06-30; 乙党委 elected 2021-07-01 ends 2026-07-01.
    let onEnd = try database.electionsDueReport(
      region: .prefecture, on: try day("2026-06-30"), months: 0, generatedAt: "")
    #expect(onEnd.sections[0].rows.map { $0[0].text } == ["丙支部", "甲支部"])
    let ahead = try database.electionsDueReport(
      region: .prefecture, on: try day("2026-06-29"), months: 1, generatedAt: "")
    #expect(ahead.sections[0].rows.map { $0[0].text } == ["丙支部", "甲支部", "乙党委"])
    #expect(ahead.sections[0].rows[1][5].text == "1 天后届满")
    let county = try database.electionsDueReport(
      region: Region(named: "普安") ?? .prefecture, on: try day("2026-06-29"),
      months: 1, generatedAt: "")
    #expect(county.sections[0].rows.map { $0[0].text } == ["丙支部"])
  }

  @Test("check finds an organization without a 书记 and one whose term ran out", arguments: TestEngine.available)
  func checks(on engine: TestEngine) throws {
    try use(engine)
    try load(OfficerKind.self, "党组织,身份证号,职务,任职日期\n甲支部,\(KnownIDs.man1946),书记,2023-07-01")
    let findings = try database.check(full: false, today: try day("2026-07-02"))
    let kinds = findings.filter { $0.kind == .branchWithoutSecretary || $0.kind == .electionOverdue }
      .map { "\($0.kind.rawValue) \($0.detail.prefix(3))" }
    #expect(
      kinds == [
        "branch_without_secretary 乙党委", "branch_without_secretary 丙支部", "election_overdue 甲支部",
        "election_overdue 乙党委",
      ])
  }

  @Test(
    "党员状态 and 外出流向: a 流动 member has where they went; neither for a non-member or without 流动",
    arguments: TestEngine.available)
  func memberStatus(on engine: TestEngine) throws {
    try use(engine)
    _ = try database.editRecord(CadreKind.self, "张三", changes: [.partyStatus: "流动", .awayTo: "广东省深圳市"], testContext)
    #expect(try database.cadre("张三").partyStatus == .mobile)
    #expect(throws: FieldProblems.self) {
      try database.editRecord(CadreKind.self, "李四", changes: [.awayTo: "昆明"], testContext)
    }
    #expect(throws: FieldProblems.self) {
      try database.editRecord(CadreKind.self, "李四", changes: [.isPartyMember: "否", .partyStatus: "失联"], testContext)
    }
  }

  @Test("an older database's 书记 column becomes the organization's 书记 officer, start unknown")
  func migration() throws {
    let path = folder.path("v5.db")
    try olderDatabase(
      at: path, upTo: "v5-insert-ranges",
      """
      \(oneCadreSQL)
      INSERT INTO party_organization (name, kind, region_code, secretary_id) VALUES ('老支部', '党支部', '522301', 1);
      """)
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    let organization = try upgraded.record(OrganizationKind.self, "老支部")
    #expect(organization.secretaryID == 1)
    #expect(try upgraded.officers(of: organization).map(\.term) == ["起始不详 至 今"])
  }
}
