import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Party dues")
final class DuesTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    try load(OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义")
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,党员,入党日期,所在党组织,去世日期
      张三,\(KnownIDs.man1946),退休,兴义,是,1970-07-01,甲支部,
      李四,\(KnownIDs.woman1930),退休,兴义,是,2024-03-15,甲支部,2024-06-01
      王五,\(KnownIDs.man1950),退休,兴义,否,,,
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    try folder.importSheet(kind, text, into: database)
  }

  func month(_ text: String) throws -> Month { try #require(Month(parsing: text)) }

  func owed(through text: String) throws -> [[String]] {
    try database.duesOwedReport(region: .prefecture, through: try month(text), generatedAt: "", reveal: false)
      .sections[0].rows.map { $0.map(\.text) }
  }

  @Test("due: the latest standard on or before the month, none before the first, from joining, to the month of death")
  func dueMonths() throws {
    try load(
      DuesStandardKind.self,
      """
      身份证号,月缴金额,起始月份
      \(KnownIDs.man1946),10.00,2024-02
      \(KnownIDs.man1946),12.00,2024-04
      \(KnownIDs.woman1930),5.00,2024-01
      """)
    // Nothing paid: 张三 owes 10 for Feb and Mar and 12 from Apr (68); 李四 from March (joined the 15th) to June
    // (died the 1st, the month of death is due).
    let rows = try owed(through: "2024-07")
    #expect(
      rows == [
        ["张三", "522301********0011", "甲支部", "6", "2024-02、2024-03、2024-04、2024-05、2024-06、2024-07", "68.00", "（未缴足过）"],
        ["李四", "522323********0023", "甲支部", "4", "2024-03、2024-04、2024-05、2024-06", "20.00", "（未缴足过）"],
      ])
  }

  @Test(
    "缴至 is the last month up to which every due month is fully paid; an overpayment covers no other month",
    arguments: TestEngine.available)
  func paidThrough(on engine: TestEngine) throws {
    try use(engine)
    try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),10.00,2024-01")
    try load(
      DuesKind.self,
      """
      身份证号,所属月份,金额
      \(KnownIDs.man1946),2024-01,10.00
      \(KnownIDs.man1946),2024-02,6.00
      \(KnownIDs.man1946),2024-02,4.00
      \(KnownIDs.man1946),2024-03,30.00
      \(KnownIDs.man1946),2024-05,10.00
      """)
    #expect(try owed(through: "2024-03").isEmpty)
    let rows = try owed(through: "2024-05")
    #expect(rows.first.map { [$0[3], $0[4], $0[5], $0[6]] } == ["1", "2024-04", "10.00", "2024-03"])
    let year = try database.duesReport(region: .prefecture, period: try #require(Period.year(2024)), generatedAt: "")
    // 张三 alone: due 12 × 10, paid 60, owed 80 (April, and June to December).
    #expect(year.sections[0].rows.last?.map(\.text) == ["合计", "1", "120.00", "60.00", "80.00", "1"])
  }

  @Test(
    "the months read on the second core are of the same state: dues another clerk imports mid-report are not half counted"
  )
  func readWhileAnotherClerkWrites() throws {
    try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),10.00,2024-01")
    try load(DuesKind.self, "身份证号,所属月份,金额\n\(KnownIDs.man1946),2024-01,10.00")
    let otherClerk = try LaoganDatabase(path: database.path, mode: .existing)
    func paid(during write: () throws -> Void) throws -> Fen {
      try database.read { db in
        _ = try db.value(Int.self, sql: "SELECT count(*) FROM dues_payment")  // the report's state is taken here
        try write()
        return try database.mapDuesAccounts(
          region: .prefecture, from: try month("2024-01"), to: try month("2024-12"),
          on: try #require(CalendarDate(year: 2024, month: 12, day: 31)), db
        ) { _, account in account.paid }.reduce(Fen.zero, +)
      }
    }
    // June is among the later months, which a second connection reads: it must not see the import.
    #expect(
      try paid {
        try folder.importSheet(DuesKind.self, "身份证号,所属月份,金额\n\(KnownIDs.man1946),2024-06,10.00", into: otherClerk)
      } == Fen(1000))
    #expect(try paid {} == Fen(2000))
  }

  @Test("a standard is edited in place; a second standard from the same month is refused")
  func editStandard() throws {
    try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),10.00,2024-01")
    _ = try database.editRecord(DuesStandardKind.self, "1", changes: [.monthly: "12.00"], testContext)
    #expect(try database.readSQLite { try DuesStandard.fetchOne($0, key: 1)?.monthly } == Fen(1200))
    #expect(throws: ImportFailure.self) {
      try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),15.00,2024-01")
    }
  }

  @Test(
    "bad dues input: before joining the Party, after the month of death, a non-member, a zero standard, a 13th month — nothing written",
    arguments: TestEngine.available)
  func badInput(on engine: TestEngine) throws {
    try use(engine)
    let failure = try #require(throws: ImportFailure.self) {
      try load(
        DuesKind.self,
        """
        身份证号,所属月份,金额
        \(KnownIDs.woman1930),2024-02,5.00
        \(KnownIDs.man1950),2024-02,5.00
        \(KnownIDs.man1946),2024-13,5.00
        \(KnownIDs.woman1930),2024-07,5.00
        """)
    }
    #expect(
      failure.problems.map(\.description) == [
        "line 2, column 所属月份: 2024-02 — 早于李四的入党日期 2024-03-15",
        "line 3, column 身份证号: 522301********0032 — 王五不是党员，不缴党费",
        "line 4, column 所属月份: 2024-13 — 不是有效月份（可写 2022-05、2022/5、2022年5月；年份在 1880–2099 之内）",
        "line 5, column 所属月份: 2024-07 — 晚于李四的去世日期 2024-06-01",
      ])
    #expect(throws: ImportFailure.self) {
      try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),0,2024-01")
    }
    #expect(throws: ImportFailure.self) {
      try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),-5,2024-01")
    }
    #expect(try database.rowCount("dues_payment") + database.rowCount("dues_standard") == 0)
  }

  @Test(
    "check finds dues of someone who is not a member for that month: not yet joined, or dead before it",
    arguments: TestEngine.available)
  func check(on engine: TestEngine) throws {
    try use(engine)
    try load(DuesKind.self, "身份证号,所属月份,金额\n\(KnownIDs.man1946),2024-02,5.00\n\(KnownIDs.man1946),2024-06,5.00")
    _ = try database.editRecord(CadreKind.self, "张三", changes: [.joinedPartyOn: "2024-05-01"], testContext)
    var findings = try database.check(full: false).filter { $0.kind == .duesFromNonMember }
    #expect(findings.map(\.detail) == ["张三 于 2024-05-01 入党，却有 2024-02 的党费"])
    _ = try database.editRecord(CadreKind.self, "张三", changes: [.diedOn: "2024-05-31"], testContext)
    findings = try database.check(full: false).filter { $0.kind == .duesFromNonMember }
    #expect(
      findings.map(\.detail) == ["张三 于 2024-05-01 入党，却有 2024-02 的党费", "张三 于 2024-05-31 去世，却有 2024-06 的党费"])
  }
}
