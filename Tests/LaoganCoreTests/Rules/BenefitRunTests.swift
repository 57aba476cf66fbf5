import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Benefit rules and the monthly run")
final class BenefitRunTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  func month(_ text: String) throws -> Month { try #require(Month(parsing: text)) }

  /// Adds a cadre with a valid 身份证号 for the birth date; returns its id.
  @discardableResult
  func cadre(
    _ name: String, born: String, category: String = "退休", retired: String? = nil, died: String? = nil,
    order: Int = 1
  ) throws -> Int64 {
    let body = "522301" + born.replacingOccurrences(of: "-", with: "") + String(format: "%03d", order)
    let check = ResidentIDTestSupport.check(body)
    var cells: [CadreField: String] = [.name: name, .residentID: body + check, .category: category, .region: "兴义"]
    cells[.retiredOn] = retired
    cells[.diedOn] = died
    return try #require(try database.addRecord(CadreKind.self, cells: cells, testContext).record.id)
  }

  func rule(
    _ item: BenefitItem, _ yuan: String, from: String, to: String? = nil, min: Int? = nil, max: Int? = nil,
    category: CadreCategory? = nil
  ) throws {
    _ = try database.addBenefitRule(
      BenefitRule(
        item: item, monthly: try #require(Fen(yuan: yuan)), fromMonth: try month(from), toMonth: try to.map(month),
        minAge: min, maxAge: max, category: category), testContext)
  }

  func paid(_ cadre: Int64, _ month: String) throws -> [Int64] {
    try database.read { db in
      try db.values(
        Int64.self, sql: "SELECT amount_fen FROM payment WHERE cadre_id = ? AND month = ? ORDER BY item",
        arguments: [cadre, month])
    }
  }

  func tiers() throws {
    try rule(.longevitySubsidy, "100.00", from: "2022-01", min: 80, max: 89)
    try rule(.longevitySubsidy, "200.00", from: "2022-01", min: 90, max: 99)
    try rule(.longevitySubsidy, "500.00", from: "2022-01", min: 100)
  }

  @Test("a cadre turning 90 on the month's last day is in the 90–99 tier that month", arguments: TestEngine.available)
  func tierBoundary(on engine: TestEngine) throws {
    try use(engine)
    try tiers()
    let turning = try cadre("甲", born: "1933-11-30")
    let dayLate = try cadre("乙", born: "1933-12-01", order: 3)
    let summary = try database.runBenefits(month: try month("2023-11"), dryRun: false, testContext)
    #expect(try paid(turning, "2023-11") == [20_000])
    #expect(try paid(dayLate, "2023-11") == [10_000])
    #expect(summary.persons == 2 && summary.total == Fen(30_000))
    // Leap day: born 1924-02-29, 100 on 2024-02-29 (the month's last day in a leap year).
    let leap = try cadre("丙", born: "1924-02-29", order: 5)
    _ = try database.runBenefits(month: try month("2024-02"), dryRun: false, testContext)
    #expect(try paid(leap, "2024-02") == [50_000])
  }

  @Test("paid from the month of retirement, up to and including the month of death", arguments: TestEngine.available)
  func lifeSpan(on engine: TestEngine) throws {
    try use(engine)
    try rule(.livingAllowance, "50.00", from: "2022-01")
    let dying = try cadre("甲", born: "1940-01-01", retired: "2000-01-01", died: "2023-05-17")
    let retiring = try cadre("乙", born: "1963-01-01", retired: "2023-05-31", order: 3)
    for text in ["2023-04", "2023-05", "2023-06"] {
      _ = try database.runBenefits(month: try month(text), dryRun: false, testContext)
    }
    #expect(try paid(dying, "2023-05") == [5000])
    #expect(try paid(dying, "2023-06") == [])
    #expect(try paid(retiring, "2023-04") == [])
    #expect(try paid(retiring, "2023-05") == [5000])
  }

  @Test("a rule change between months leaves the earlier months as they were", arguments: TestEngine.available)
  func ruleChange(on engine: TestEngine) throws {
    try use(engine)
    try rule(.specialNeeds, "300.00", from: "2022-01", to: "2023-12", category: .veteran)
    try rule(.specialNeeds, "350.00", from: "2024-01", category: .veteran)
    let veteran = try cadre("甲", born: "1930-01-01", category: "离休")
    let retired = try cadre("乙", born: "1930-01-01", order: 3)
    _ = try database.runBenefits(month: try month("2023-12"), dryRun: false, testContext)
    _ = try database.runBenefits(month: try month("2024-01"), dryRun: false, testContext)
    #expect(try paid(veteran, "2023-12") == [30_000])
    #expect(try paid(veteran, "2024-01") == [35_000])
    #expect(try paid(retired, "2024-01") == [])
  }

  @Test(
    "a second run adds nothing; a dry run writes nothing; an imported payment of the item is not doubled",
    arguments: TestEngine.available)
  func idempotent(on engine: TestEngine) throws {
    try use(engine)
    try tiers()
    let person = try cadre("甲", born: "1930-01-01")
    let other = try cadre("乙", born: "1931-01-01", order: 3)
    let file = try folder.write(
      "p.csv", utf8: "身份证号,项目,所属月份,金额\n\(try database.record(CadreKind.self, "乙").residentID),高龄补贴,2023-06,200\n")
    _ = try database.importRecords(PaymentKind.self, from: file, options: ImportOptions(), testContext)
    let dry = try database.runBenefits(month: try month("2023-06"), dryRun: true, testContext)
    #expect(dry.payments == 1 && dry.dryRun)
    #expect(try paid(person, "2023-06") == [])
    let first = try database.runBenefits(month: try month("2023-06"), dryRun: false, testContext)
    let second = try database.runBenefits(month: try month("2023-06"), dryRun: false, testContext)
    #expect(first.payments == 1 && second.payments == 0)
    #expect(try paid(other, "2023-06") == [20_000])
    #expect(try database.auditLines(AuditFilter(table: "payment"), reveal: false).count == 2)
  }

  @Test("a run's payments are logged as one range; undo removes them, each row kept as its delete's image")
  func runAudited() throws {
    try tiers()
    try cadre("甲", born: "1930-01-01")
    try cadre("乙", born: "1931-01-01", order: 3)
    _ = try database.runBenefits(month: try month("2023-06"), dryRun: false, testContext)
    let lines = try database.auditLines(AuditFilter(table: "payment"), reveal: false)
    #expect(lines.map(\.records) == ["1–2"])
    #expect(lines.first?.changes == "新增 2 条")
    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(try database.rowCount("payment") == 0)
    let keys = try database.read { db in
      try db.values(
        String.self,
        sql: """
          SELECT DISTINCT key FROM audit_entry, json_each(audit_entry.before)
          WHERE table_name = 'payment' AND action = 'delete' ORDER BY key
          """)
    }
    let columns = try database.readSQLite { db in try db.columns(in: "payment").map(\.name).sorted() }
    #expect(keys == columns)
  }

  @Test(
    "a rule overlapping another is refused when added; ending the old one lets the new amount start",
    arguments: TestEngine.available)
  func overlap(on engine: TestEngine) throws {
    try use(engine)
    try rule(.longevitySubsidy, "100.00", from: "2022-01", min: 80)
    #expect {
      try rule(.longevitySubsidy, "200.00", from: "2024-01", min: 90)
    } throws: { error in
      (error as? LaoganError)?.localizedDescription.contains("benefit rule end 1") == true
    }
    // Not overlapping: another category, or ages that do not meet.
    try rule(.longevitySubsidy, "50.00", from: "2022-01", max: 79)
    _ = try database.endBenefitRule(1, to: try month("2023-12"), testContext)
    try rule(.longevitySubsidy, "200.00", from: "2024-01", min: 80)
    try cadre("甲", born: "1930-01-01")
    _ = try database.runBenefits(month: try month("2023-12"), dryRun: false, testContext)
    _ = try database.runBenefits(month: try month("2024-01"), dryRun: false, testContext)
    #expect(
      try database.read { try $0.values(Int64.self, sql: "SELECT amount_fen FROM payment ORDER BY month") }
        == [10_000, 20_000])
  }

  @Test("two rules of one item fitting one cadre (from before rules were checked) stop the run, writing nothing")
  func clash() throws {
    try rule(.longevitySubsidy, "100.00", from: "2022-01", min: 80)
    try DatabaseQueue(path: folder.path("laogan.db")).write { db in
      try db.execute(
        sql: "INSERT INTO benefit_rule (item, monthly_fen, from_month, min_age) VALUES ('高龄补贴', 20000, '2022-01', 90)")
    }
    try cadre("甲", born: "1930-01-01")
    #expect(throws: LaoganError.self) {
      try database.runBenefits(month: try month("2023-06"), dryRun: false, testContext)
    }
    #expect(try database.rowCount("payment") == 0)
  }

  @Test("a 困难帮扶 grant beyond the fund's balance is refused with the balance named", arguments: TestEngine.available)
  func fundGuard(on engine: TestEngine) throws {
    try use(engine)
    let id = try database.record(CadreKind.self, "\(try cadre("甲", born: "1940-01-01"))").residentID
    _ = try database.addRecord(
      FundKind.self, cells: [.enteredOn: "2023-01-01", .kind: "拨入", .amount: "1,000.00"], testContext)
    _ = try database.addRecord(
      PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-02-01", .amount: "600"], testContext)
    let refused = try #require(throws: FieldProblems.self) {
      try database.addRecord(
        PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-03-01", .amount: "400.01"], testContext
      )
    }
    #expect(refused.problems.first?.reason.contains("400.00") == true)
    // Money allocated later does not pay for an earlier grant: the fund is never overdrawn on any day.
    _ = try database.addRecord(
      FundKind.self, cells: [.enteredOn: "2023-06-01", .kind: "拨入", .amount: "5000"], testContext)
    #expect(throws: FieldProblems.self) {
      try database.addRecord(
        PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-03-01", .amount: "500"], testContext)
    }
    _ = try database.addRecord(
      PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-06-02", .amount: "500"], testContext)
    #expect(try database.fundBalance(on: nil) == Fen(490_000))
    #expect(try database.fundBalance(on: CalendarDate(parsing: "2023-01-31")) == Fen(100_000))
  }

  /// The guard keeps the fund from going below zero, not from reaching it: a clerk may spend the fund to its last
  /// 分. `fundGuard` shows one 分 more than the balance refused; this is the other side of that boundary.
  @Test(
    "a 困难帮扶 grant of exactly the fund's balance is paid, and leaves the fund at 0.00", arguments: TestEngine.available)
  func fundGuardExactBalance(on engine: TestEngine) throws {
    try use(engine)
    let id = try database.record(CadreKind.self, "\(try cadre("甲", born: "1940-01-01"))").residentID
    _ = try database.addRecord(
      FundKind.self, cells: [.enteredOn: "2023-01-01", .kind: "拨入", .amount: "1,000.00"], testContext)
    _ = try database.addRecord(
      PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-02-01", .amount: "600"], testContext)
    let last = try database.addRecord(
      PaymentKind.self, cells: [.residentID: id, .item: "困难帮扶", .paidOn: "2023-03-01", .amount: "400.00"], testContext)
    #expect(last.record.amount == Fen(40_000))
    #expect(try database.fundBalance(on: nil) == Fen(0))
    #expect(try database.rowCount("payment") == 2)
  }

  @Test(
    "one file's 困难帮扶 grants draw on the fund row by row: a grant beyond what the rows above left is refused",
    arguments: TestEngine.available)
  func fundGuardInOneFile(on engine: TestEngine) throws {
    try use(engine)
    let id = try database.record(CadreKind.self, "\(try cadre("甲", born: "1940-01-01"))").residentID
    _ = try database.addRecord(
      FundKind.self, cells: [.enteredOn: "2023-01-01", .kind: "拨入", .amount: "1,000.00"], testContext)
    let file = try folder.write(
      "grants.csv", utf8: "身份证号,项目,日期,金额\n\(id),困难帮扶,2023-02-01,600\n\(id),困难帮扶,2023-03-01,400.01\n")
    let refused = try #require(throws: ImportFailure.self) {
      try database.importRecords(PaymentKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(refused.problems.map(\.line) == [3])
    #expect(refused.problems.first?.reason.contains("400.00") == true)
    #expect(try database.rowCount("payment") == 0)
  }

  @Test("a payment after the cadre's death imports with a warning", arguments: TestEngine.available)
  func afterDeath(on engine: TestEngine) throws {
    try use(engine)
    try cadre("甲", born: "1940-01-01", died: "2023-03-10")
    let id = try database.record(CadreKind.self, "甲").residentID
    let file = try folder.write("p.csv", utf8: "身份证号,项目,所属月份,日期,金额\n\(id),生活费,2023-04,,50\n\(id),生活费,2023-03,,50\n")
    let summary = try database.importRecords(PaymentKind.self, from: file, options: ImportOptions(), testContext)
    #expect(summary.added == 2)
    #expect(summary.warnings.map(\.line) == [2])
  }

  @Test("the statement's totals are the sums of its lines, to the 分", arguments: TestEngine.available)
  func statement(on engine: TestEngine) throws {
    try use(engine)
    try rule(.livingAllowance, "33.33", from: "2022-01")
    for order in stride(from: 1, through: 13, by: 2) { try cadre("人\(order)", born: "1950-01-01", order: order) }
    let first = try database.record(CadreKind.self, "人1").residentID
    _ = try database.addRecord(
      PaymentKind.self, cells: [.residentID: first, .item: "医疗补助费", .paidOn: "2023-06-20", .amount: "0.01"], testContext
    )
    _ = try database.runBenefits(month: try month("2023-06"), dryRun: false, testContext)
    let statement = try database.benefitStatement(month: try month("2023-06"), region: nil)
    #expect(statement.lines.count == 7)
    #expect(statement.totals[.livingAllowance] == Fen(7 * 3333))
    #expect(statement.total == Fen(7 * 3333 + 1))
    let footer = try #require(statement.table(reveal: false).rows.last)
    #expect(footer.last == "233.32")
  }
}
