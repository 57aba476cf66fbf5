import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Death and its settlement (SPEC §10)")
final class DeathSettlementTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  /// 张三 (died 2024-03-10, his wife 李秀英 alive, his son 张明) and 李四 (alive, her husband 王五).
  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,离退休日期,去世日期
      张三,\(KnownIDs.man1946),退休,兴义,2006-03-01,2024-03-10
      李四,\(KnownIDs.woman1930),退休,兴义,1990-01-01,
      """)
    try load(
      FamilyKind.self,
      """
      身份证号,关系,姓名,去世日期
      \(KnownIDs.man1946),配偶,李秀英,
      \(KnownIDs.man1946),子女,张明,
      \(KnownIDs.woman1930),配偶,王五,2024-01-05
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    try folder.importSheet(kind, text, into: database)
  }

  func month(_ text: String) throws -> Month { try #require(Month(parsing: text)) }

  @Test(
    "a 领取人 two family members share is named with the relation, never picked by chance", arguments: TestEngine.available
  )
  func sharedName(on engine: TestEngine) throws {
    try use(engine)
    try load(FamilyKind.self, "身份证号,关系,姓名\n\(KnownIDs.man1946),其他,张明\n")
    let failure = try #require(throws: ImportFailure.self) {
      try load(PaymentKind.self, "身份证号,项目,日期,金额,领取人\n\(KnownIDs.man1946),丧葬费,2024-03-20,8000.00,张明\n")
    }
    #expect(failure.problems.first?.reason.contains("有 2 名家庭成员叫张明（子女、其他）") == true)
    try load(PaymentKind.self, "身份证号,项目,日期,金额,领取人\n\(KnownIDs.man1946),丧葬费,2024-03-20,8000.00,张明（其他）\n")
    let paidTo = try database.read { try $0.value(Int64.self, sql: "SELECT recipient_id FROM payment") }
    #expect(paidTo == 4)
  }

  @Test(
    "丧葬费 and 抚恤金 name their 领取人; report deaths shows them, or 未发放, and whether a spouse survives",
    arguments: TestEngine.available)
  func settlement(on engine: TestEngine) throws {
    try use(engine)
    try load(
      PaymentKind.self,
      """
      身份证号,项目,日期,金额,领取人
      \(KnownIDs.man1946),丧葬费,2024-03-20,8000.00,李秀英
      """)
    _ = try database.recordDeath(
      KnownIDs.man1946, on: try #require(CalendarDate(parsing: "2024-03-10")),
      cause: "病故", farewell: "遗体告别", testContext)
    let year = Period(
      from: try #require(CalendarDate(parsing: "2024-01-01")), to: try #require(CalendarDate(parsing: "2024-12-31")))
    let rows = try database.deathsReport(region: .prefecture, period: year, generatedAt: "", reveal: false)
      .sections[0].rows.map { $0.map(\.text) }
    #expect(rows.count == 1)
    #expect(Array(rows[0][4...]) == ["2024-03-10", "病故", "遗体告别", "8000.00（2024-03-20，李秀英）", "未发放", "是"])
    let findings = try database.check(full: false, today: try #require(CalendarDate(parsing: "2024-06-30")))
    #expect(findings.filter { $0.kind == .deathUnsettled }.map(\.record) == ["cadre 1"])
    #expect(!findings.contains { $0.kind == .paidAfterDeath })
  }

  @Test(
    "a 领取人 not of the family, dead on the day, or on a living-treatment item: an error naming both",
    arguments: TestEngine.available)
  func recipients(on engine: TestEngine) throws {
    try use(engine)
    let cases: [(String, String)] = [
      ("\(KnownIDs.man1946),丧葬费,2024-03-20,8000.00,王五", "王五不是张三"),
      ("\(KnownIDs.woman1930),一次性抚恤金,2024-03-20,8000.00,王五", "王五已于 2024-01-05 去世"),
      ("\(KnownIDs.man1946),一次性抚恤金,2024-03-20,8000.00,", "须填写领取人"),
      ("\(KnownIDs.woman1930),生活费,2024-03-20,800.00,王五", "只有丧葬费、一次性抚恤金、遗属补助"),
    ]
    for (row, reason) in cases {
      let failure = #expect(throws: ImportFailure.self) {
        try load(PaymentKind.self, "身份证号,项目,日期,金额,领取人\n\(row)")
      }
      let problem = try #require(failure?.problems.first)
      #expect(problem.line == 2 && problem.column == "领取人" && problem.reason.contains(reason), "\(problem)")
    }
    #expect(try database.read { try $0.value(Int.self, sql: "SELECT COUNT(*) FROM payment") } == 0)
    // Paid for a cadre still alive: kept, with a note, and found by check.
    try load(PaymentKind.self, "身份证号,项目,日期,金额,领取人\n\(KnownIDs.woman1930),丧葬费,2023-12-20,8000.00,王五")
    let findings = try database.check(full: false)
    #expect(findings.filter { $0.kind == .survivorPaymentWhileAlive }.map(\.record) == ["payment 1"])
  }

  @Test(
    "benefit run pays 遗属补助 to the surviving spouse of a cadre who died, never to a living cadre",
    arguments: TestEngine.available)
  func survivorAllowance(on engine: TestEngine) throws {
    try use(engine)
    _ = try database.addBenefitRule(
      BenefitRule(item: .survivorAllowance, monthly: Fen(50000), fromMonth: try month("2024-01")), testContext)
    // March: 张三 dies that month (paid from April); 李四 lives (never paid; her husband died anyway).
    #expect(try database.runBenefits(month: try month("2024-03"), dryRun: false, testContext).payments == 0)
    #expect(try database.runBenefits(month: try month("2024-04"), dryRun: false, testContext).payments == 1)
    #expect(try database.runBenefits(month: try month("2024-04"), dryRun: false, testContext).payments == 0)
    let recipient = try database.read {
      try $0.value(String.self, sql: "SELECT f.name FROM payment p JOIN family_member f ON f.id = p.recipient_id")
    }
    #expect(recipient == "李秀英")
  }

  @Test(
    "a wrongly entered 去世日期 is cleared by an edit, with its cause, and the clearing is audited",
    arguments: TestEngine.available)
  func clearingDeath(on engine: TestEngine) throws {
    try use(engine)
    _ = try database.recordDeath(
      KnownIDs.man1946, on: try #require(CalendarDate(parsing: "2024-03-10")),
      cause: "病故", testContext)
    #expect(throws: FieldProblems.self) {
      try database.editRecord(CadreKind.self, KnownIDs.man1946, changes: [.diedOn: ""], testContext)
    }
    let cleared = try database.editRecord(
      CadreKind.self, KnownIDs.man1946, changes: [.diedOn: "", .deathCause: ""], testContext)
    #expect(cleared.diedOn == nil && cleared.deathCause == nil)
    let lines = try database.auditLines(AuditFilter(table: "cadre", recordID: 1), reveal: false)
    #expect(lines.first?.changes.contains("去世日期: 2024-03-10 → ") == true, "\(lines.first?.changes ?? "")")
  }
}
