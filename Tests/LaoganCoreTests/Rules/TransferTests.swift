import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Transfers and the managed-on-a-day rule (SPEC §10)")
final class TransferTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  /// 张三 (兴义, in 甲支部) and 李四 (兴义), both retired long ago, both Party members.
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
      姓名,身份证号,类别,管理地区,离退休日期,党员,入党日期,所在党组织
      张三,\(KnownIDs.man1946),退休,兴义,2006-03-01,是,1970-07-01,甲支部
      李四,\(KnownIDs.woman1930),退休,兴义,1990-01-01,是,1960-07-01,
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    try folder.importSheet(kind, text, into: database)
  }

  func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

  /// Whether each cadre is managed on `day`, by the SQL rule and by the Swift rule, which must agree.
  func managed(on text: String) throws -> [String: Bool] {
    let day = try day(text)
    return try database.read { db in
      var result: [String: Bool] = [:]
      for row in try db.rows(
        sql: """
          SELECT id, name, \(ManagedRule.sql("cadre", on: ":day")) AS managed,
                 \(ManagedRule.sql("cadre", onEach: ":day")) AS managedRowByRow FROM cadre
          """, arguments: ["day": day])
      {
        let moves = try db.rows(
          sql: "SELECT transferred_on, direction FROM transfer WHERE cadre_id = ? AND voided_reason IS NULL",
          arguments: [row["id"] as Int64]
        ).map { (day: $0[0] as CalendarDate, direction: TransferDirection(rawValue: $0[1]) ?? .inward) }
        let swift = ManagedRule.isManaged(on: day, moves)
        #expect(swift == row["managed"] && swift == row["managedRowByRow"], "\(row["name"] as String) \(text)")
        result[row["name"]] = row["managed"]
      }
      return result
    }
  }

  func cadresCounted(on text: String) throws -> Int64 {
    let period = Period(from: try day(text), to: try day(text))
    return try database.report323(region: .prefecture, period: period, compare: false, generatedAt: "")
      .indicator("construction.political.cadres")?.value ?? -1
  }

  @Test(
    "a 迁出 on D: not managed on D; a 迁入 on D: managed on D; only a later 迁入: not managed before it",
    arguments: TestEngine.available)
  func boundaries(on engine: TestEngine) throws {
    try use(engine)
    try load(
      TransferKind.self,
      """
      身份证号,类型,日期,对方单位或地区
      \(KnownIDs.man1946),迁出,2024-03-01,贵阳市老干部局
      \(KnownIDs.woman1930),迁入,2024-05-10,遵义市老干部局
      """)
    #expect(try managed(on: "2024-02-29") == ["张三": true, "李四": false])
    #expect(try managed(on: "2024-03-01") == ["张三": false, "李四": false])
    #expect(try managed(on: "2024-05-09") == ["张三": false, "李四": false])
    #expect(try managed(on: "2024-05-10") == ["张三": false, "李四": true])
    #expect(try cadresCounted(on: "2024-02-29") == 1)
    #expect(try cadresCounted(on: "2024-03-01") == 0)
    #expect(try cadresCounted(on: "2024-05-10") == 1)
    // The 迁出 closed 张三's membership on its day.
    let cadre = try #require(
      try database.read { try $0.record(Cadre.self, sql: "SELECT * FROM cadre WHERE name = '张三'") })
    let history = try database.organizationHistory(of: cadre)
    #expect(history.map(\.leftOn) == [try day("2024-03-01")])
  }

  @Test(
    "out and back in within a year counts once at year end; 两年数字变化 has 迁入 and 迁出 and still adds up",
    arguments: TestEngine.available)
  func changesReconcile(on engine: TestEngine) throws {
    try use(engine)
    try load(
      TransferKind.self,
      """
      身份证号,类型,日期,对方单位或地区
      \(KnownIDs.man1946),迁出,2024-03-01,贵阳市老干部局
      \(KnownIDs.man1946),迁入,2024-09-01,贵阳市老干部局
      \(KnownIDs.woman1930),迁出,2024-11-30,遵义市老干部局
      """)
    let year = Period(from: try day("2024-01-01"), to: try day("2024-12-31"))
    let report = try database.changesReport(region: .prefecture, period: year, generatedAt: "")
    let section = report.sections[0]
    #expect(section.headers == ["类别", "上年末总数", "本年新增", "本年迁入", "本年去世", "本年迁出", "年末应有数", "年末实有数", "差额"])
    // 退休: 2 at the start, one back in, two out, 1 at the end.
    #expect(section.rows[1].map(\.text) == ["退休", "2", "0", "1", "0", "2", "1", "1", "0"])
    #expect(section.notes.isEmpty)
    #expect(try cadresCounted(on: "2024-12-31") == 1)
  }

  @Test(
    "the month of a transfer is paid and due by the bureau the cadre leaves; none after",
    arguments: TestEngine.available)
  func benefitsAndDues(on engine: TestEngine) throws {
    try use(engine)
    try load(TransferKind.self, "身份证号,类型,日期,对方单位或地区\n\(KnownIDs.man1946),迁出,2024-03-15,贵阳市老干部局")
    _ = try database.addBenefitRule(
      BenefitRule(item: .livingAllowance, monthly: Fen(10000), fromMonth: try #require(Month(parsing: "2024-01"))),
      testContext)
    func paid(_ text: String) throws -> Int {
      let month = try #require(Month(parsing: text))
      return try database.runBenefits(month: month, dryRun: false, testContext).payments
    }
    #expect(try paid("2024-03") == 2)
    #expect(try paid("2024-04") == 1)
    try load(DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),10.00,2024-01")
    let owed = try database.duesOwedReport(
      region: .prefecture, through: try #require(Month(parsing: "2024-06")), generatedAt: "", reveal: false)
    #expect(owed.sections[0].rows.map { $0[4].text } == ["2024-01、2024-02、2024-03"])
  }

  @Test(
    "an unknown cadre, two transfers on one day, a 迁出 of one already gone: line and column, nothing written",
    arguments: TestEngine.available)
  func badInput(on engine: TestEngine) throws {
    try use(engine)
    try load(TransferKind.self, "身份证号,类型,日期,对方单位或地区\n\(KnownIDs.man1946),迁出,2024-03-01,贵阳市老干部局")
    let cases: [(String, String, String)] = [
      ("\(KnownIDs.man1950),迁入,2024-04-01,遵义", "身份证号", "没有登记"),
      ("\(KnownIDs.man1946),迁入,2024-03-01,遵义", "日期", "同一天只能有一条"),
      ("\(KnownIDs.man1946),迁出,2024-04-01,遵义", "类型", "已于 2024-03-01 迁出"),
      ("\(KnownIDs.man1946),调走,2024-04-01,遵义", "类型", "迁入/迁出"),
    ]
    for (row, column, reason) in cases {
      let before = try database.read { try $0.value(Int.self, sql: "SELECT COUNT(*) FROM transfer") }
      let failure = #expect(throws: ImportFailure.self) {
        try load(TransferKind.self, "身份证号,类型,日期,对方单位或地区\n\(KnownIDs.woman1930),迁出,2024-01-05,甲\n\(row)")
      }
      let problem = try #require(failure?.problems.first)
      #expect(problem.line == 3 && problem.column == column && problem.reason.contains(reason), "\(problem)")
      #expect(try database.read { try $0.value(Int.self, sql: "SELECT COUNT(*) FROM transfer") } == before)
    }
  }
}
