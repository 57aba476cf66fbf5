import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("A branch's meetings and the six-month rule")
final class MeetingTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase
  let day = CalendarDate(valid: 2026, 11, 30)

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    _ = try folder.importSheet(
      OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义\n乙支部,党支部,普安", into: database)
    _ = try folder.importSheet(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,党员,入党日期,所在党组织,党员状态,外出流向
      张三,\(KnownIDs.man1946),退休,兴义,是,1970-07-01,甲支部,,
      李四,\(KnownIDs.woman1930),退休,兴义,是,1960-03-15,甲支部,,
      王五,\(KnownIDs.man1950),退休,兴义,是,1975-01-01,甲支部,流动,昆明
      赵六,\(KnownIDs.standardExample),退休,普安,是,1968-01-01,乙支部,,
      """, into: database)
  }

  func absent(on day: CalendarDate? = nil) throws -> [String] {
    try database.read { db in
      try LaoganDatabase.absentMembers(region: .prefecture, on: day ?? self.day, months: 6, db).map(\.name)
    }
  }

  @Test(
    "attended or excused keeps a member off the list; listed under neither for six months puts them on it",
    arguments: TestEngine.available)
  func sixMonths(on engine: TestEngine) throws {
    try use(engine)
    // 李四 is excused every month; 张三 attended once, in the window's first day; 王五 never came.
    var rows = ["党组织,日期,类型,出席,请假"]
    for month in 6...11 {
      rows.append("甲支部,2026-\(month < 10 ? "0" : "")\(month)-15,主题党日,,\(KnownIDs.woman1930)")
    }
    rows.append("甲支部,2026-05-31,支部党员大会,\(KnownIDs.man1946),")
    _ = try folder.importSheet(MeetingKind.self, rows.joined(separator: "\n"), into: database)
    #expect(try absent() == ["王五"])
    // A day later 张三's one attendance has left the window.
    #expect(try absent(on: CalendarDate(valid: 2026, 12, 1)) == ["张三", "王五"])
    // 乙支部 held no meeting: its members are not judged (the shortfall is the branch's).
    #expect(try !absent().contains("赵六"))
  }

  @Test(
    "a member who joined the organization four months before the day has not been away six months",
    arguments: TestEngine.available)
  func joinedLately(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型\n甲支部,2026-10-01,党课", into: database)
    try database.write(testContext) { writer in
      try writer.db.execute(sql: "UPDATE membership SET joined_on = '2026-07-30' WHERE cadre_id = 1")
    }
    #expect(try absent() == ["李四", "王五"])
  }

  @Test(
    "the report lists 流动 and 失联 members apart, with their secretary; a voided meeting counts for nothing",
    arguments: TestEngine.available)
  func report(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(
      MeetingKind.self, "党组织,日期,类型,出席\n甲支部,2026-10-01,党课,\(KnownIDs.man1946)", into: database)
    let document = try database.absentReport(region: .prefecture, on: day, months: 6, generatedAt: "", reveal: false)
    #expect(document.sections[0].rows.map { $0[1].text } == ["李四"])
    #expect(document.sections[1].rows.map { $0[1].text } == ["王五"] && document.sections[1].rows[0][4].text == "流动")
    _ = try database.voidRecord(MeetingKind.self, "1", reason: "登记错误", testContext)
    #expect(try absent().isEmpty)
  }

  @Test(
    "a cadre listed as both attending and excused, or an unknown organization, is refused; nothing stored",
    arguments: TestEngine.available)
  func refused(on engine: TestEngine) throws {
    try use(engine)
    let error = try #require(throws: ImportFailure.self) {
      try folder.importSheet(
        MeetingKind.self,
        """
        党组织,日期,类型,出席,请假
        甲支部,2026-10-01,党课,\(KnownIDs.man1946),\(KnownIDs.man1946)
        丙支部,2026-10-01,党课,,
        甲支部,2026-10-01,读书会,,
        """, into: database)
    }
    let problems = error.problems.map { "\($0.line) \($0.column)" }
    #expect(problems == ["2 请假", "3 党组织", "4 类型"], "\(error.problems)")
    #expect(try database.rowCount("meeting") == 0)
  }

  @Test(
    "editing a meeting's 请假 alone is a change, and undo of the import takes its lists with it",
    arguments: TestEngine.available)
  func listsAndUndo(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型\n甲支部,2026-10-01,党课", into: database)
    _ = try database.editRecord(MeetingKind.self, "1", changes: [.excused: KnownIDs.man1950], testContext)
    #expect(try absent() == ["张三", "李四"])
    // An empty 请假 clears the list.
    _ = try database.editRecord(MeetingKind.self, "1", changes: [.excused: ""], testContext)
    #expect(try absent() == ["张三", "李四", "王五"])
    try database.undo(try #require(try database.undoPlan()), testContext)
    try database.undo(try #require(try database.undoPlan()), testContext)
    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(try database.read { try $0.value(Int.self, sql: "SELECT count(*) FROM participant") } == 0)
    #expect(try database.check(full: false).filter { $0.kind == .orphanedParticipant }.isEmpty)
  }

  /// 甲支部's row of `report party-life` for 2026 Q2–Q3, by header.
  func partyLife(_ period: Period) throws -> [String: String] {
    let document = try database.partyLifeReport(
      region: .prefecture, period: period, organization: "甲支部", generatedAt: "", reveal: false)
    let section = document.sections[0]
    return Dictionary(uniqueKeysWithValues: zip(section.headers, section.rows[0].map(\.text)))
  }

  @Test(
    "a quarter with its 大会 and 党课 is met, one without is named; 支委会 only with a committee; 党小组会 when held",
    arguments: TestEngine.available)
  func rule(on engine: TestEngine) throws {
    try use(engine)
    let spring = Period(from: CalendarDate(valid: 2026, 4, 1), to: CalendarDate(valid: 2026, 9, 30))
    _ = try folder.importSheet(
      MeetingKind.self,
      """
      党组织,日期,类型,出席
      甲支部,2026-04-10,支部党员大会,\(KnownIDs.man1946)
      甲支部,2026-06-30,党课,\(KnownIDs.man1946)
      甲支部,2026-07-01,支部党员大会,
      甲支部,2026-08-15,党小组会,
      """, into: database)
    var row = try partyLife(spring)
    #expect(row["支部党员大会"] == "2" && row["大会应开"] == "2")
    #expect(row["党课"] == "1" && row["党课应开"] == "2")
    #expect(row["支委会应开"] == "不要求" && row["党日应开"] == "6" && row["党小组会"] == "1")
    #expect(row["缺项"]?.contains("党课 2026Q3") == true && row["缺项"]?.contains("党课 2026Q2") == false)
    #expect(row["缺项"]?.contains("党小组会 2026-04") == true)
    // A 组织委员 makes a committee, which is then asked for a 支委会 each month.
    _ = try folder.importSheet(
      OfficerKind.self, "党组织,身份证号,职务,任职日期\n甲支部,\(KnownIDs.woman1930),组织委员,2025-01-01", into: database)
    row = try partyLife(spring)
    #expect(row["支委会应开"] == "6")
    // Attendance: 张三 at both whole-branch meetings he was listed for, of three held.
    let report = try database.partyLifeReport(
      region: .prefecture, period: spring, organization: "甲支部", generatedAt: "", reveal: false)
    let members = report.sections[1].rows.filter { $0[1].text == "张三" }
    #expect(members.first.map { $0[3...].map(\.text) } == ["3", "2", "0", "67%"])
    // The branch's rate: 张三 2 of 3, 李四 and 王五 0 of 3 each.
    #expect(row["党员"] == "3" && row["出勤率"] == "22%")
    // Without --organization, no member one a line.
    let everyBranch = try database.partyLifeReport(
      region: .prefecture, period: spring, organization: nil, generatedAt: "", reveal: false)
    #expect(everyBranch.sections.count == 1)
    // With --members, every branch's members, each line naming the branch.
    let listed = try database.partyLifeReport(
      region: .prefecture, period: spring, organization: nil, members: true, generatedAt: "", reveal: false)
    let zhang = listed.sections[1].rows.first { $0[2].text == "张三" }
    #expect(zhang.map { $0.map(\.text) }?.first == "甲支部")
    #expect(zhang.map { $0[4...].map(\.text) } == ["3", "2", "0", "67%"])
  }

  @Test(
    "check names a branch that keeps its meetings here and missed its 大会 or 党课 last quarter, and no other",
    arguments: TestEngine.available)
  func partyLifeShort(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(
      MeetingKind.self, "党组织,日期,类型\n甲支部,2026-07-10,支部党员大会", into: database)
    let findings = try database.check(full: false, today: day).filter { $0.kind == .partyLifeShort }
    // 甲支部 had no 党课 in 2026Q3; 乙支部 records no meetings at all and is not named.
    #expect(findings.map(\.detail) == ["甲支部 2026Q3 没有开党课"])
  }

  @Test(
    "出席 and 请假 take unique names too; a name no one has, or two have, asks for the 身份证号",
    arguments: TestEngine.available)
  func names(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型,出席,请假\n甲支部,2026-10-01,党课,张三、李四,王五", into: database)
    #expect(try absent().isEmpty)
    _ = try database.addRecord(
      CadreKind.self, cells: [.name: "张三", .residentID: KnownIDs.serial(1), .category: "退休", .region: "兴义"],
      testContext)
    let error = try #require(throws: ImportFailure.self) {
      try folder.importSheet(MeetingKind.self, "党组织,日期,类型,出席\n甲支部,2026-10-02,党课,张三;孙七", into: database)
    }
    #expect(error.problems.map(\.reason) == ["有不止一名干部叫这个名字，请写身份证号", "没有叫这个名字的干部"])
  }

  @Test(
    "a period asks only the months and quarters wholly inside it, up to today, from the branch's founding",
    arguments: TestEngine.available)
  func wholePeriods(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型\n甲支部,2026-10-15,支部党员大会", into: database)
    let november = try partyLife(.month(Month(valid: 2026, 11)))
    #expect(november["大会应开"] == "0" && november["党日应开"] == "1")
    let year = try database.partyLifeReport(
      region: .prefecture, period: try #require(Period.year(2026)), organization: "甲支部",
      today: CalendarDate(valid: 2026, 8, 10), generatedAt: "", reveal: false)
    let row = Dictionary(uniqueKeysWithValues: zip(year.sections[0].headers, year.sections[0].rows[0].map(\.text)))
    // January to July, and the first two quarters: August is not over on the 10th.
    #expect(row["党日应开"] == "7" && row["大会应开"] == "2")
    #expect(year.subtitle.last == "应开只计 2026-08-10 前已结束的月份与季度")
    // A branch without members is not short of anything.
    _ = try folder.importSheet(OrganizationKind.self, "名称,类型,地区\n丙支部,党支部,兴义", into: database)
    let empty = try database.partyLifeReport(
      region: .prefecture, period: .month(Month(valid: 2026, 11)), organization: "丙支部", generatedAt: "",
      reveal: false)
    #expect(empty.sections[0].rows[0].last?.text == "（无党员）")
    // A 支委会 alone is not the members' meeting: they are not judged absent on it.
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型\n乙支部,2026-10-01,支委会", into: database)
    #expect(try !absent().contains("赵六"))
  }

  @Test(
    "a cadre who was no member that day, and a second meeting of a type on one day, are noted, not refused",
    arguments: TestEngine.available)
  func oddities(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(MeetingKind.self, "党组织,日期,类型\n甲支部,2026-10-01,党课", into: database)
    let summary = try folder.importSheet(
      MeetingKind.self, "党组织,日期,类型,出席\n甲支部,2026-10-01,党课,张三、赵六", into: database)
    let warnings = summary.warnings.map(\.reason)
    #expect(warnings.contains { $0.hasPrefix("赵六 2026-10-01 不在该党组织中") }, "\(warnings)")
    #expect(warnings.contains { $0.contains("已登记过一次党课（记录 1）") }, "\(warnings)")
    #expect(summary.added == 1)
  }
}
