import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("党费 standards derived from 离退休费")
final class DuesDerivationTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    _ = try folder.importSheet(OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义", into: database)
    _ = try folder.importSheet(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,党员,入党日期,所在党组织,去世日期
      张三,\(KnownIDs.man1946),退休,兴义,是,1970-07-01,甲支部,
      李四,\(KnownIDs.woman1930),退休,兴义,是,1960-03-15,甲支部,2026-05-01
      王五,\(KnownIDs.man1950),退休,兴义,否,,,
      赵六,\(KnownIDs.standardExample),离休,兴义,是,1968-01-01,甲支部,
      """, into: database)
  }

  func month(_ text: String) throws -> Month { try #require(Month(parsing: text)) }

  func fen(_ text: String) throws -> Fen { try #require(Fen(yuan: text)) }

  /// Each member's standards in force, as `身份证号 起始月份 月缴金额`.
  func standards() throws -> [String] {
    try database.read { db in
      try db.rows(
        sql: """
          SELECT c.resident_id, s.from_month, s.monthly_fen FROM dues_standard s JOIN cadre c ON c.id = s.cadre_id
          WHERE s.voided_reason IS NULL ORDER BY c.resident_id, s.from_month
          """
      ).map { "\($0[0] as String) \($0[1] as String) \(Fen($0[2] as Int64))" }
    }
  }

  @Test(
    "0.5% up to and including 5,000.00 元, 1% above, rounded half up to the 分",
    arguments: [
      ("5000.00", "25.00"), ("5000.01", "50.00"), ("3333.00", "16.67"), ("3332.00", "16.66"), ("4999.99", "25.00"),
      ("8888.88", "88.89"), ("1.00", "0.01"), ("12000.00", "120.00"),
    ])
  func rule(pension: String, standard: String) throws {
    #expect(DuesDerivation.standard(forPension: try fen(pension)).description == standard)
  }

  @Test(
    "a pension changed mid-year gives a new standard from the month derived; one already right is left",
    arguments: TestEngine.available)
  func midYear(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(
      PensionKind.self,
      """
      身份证号,起始月份,月离退休费
      \(KnownIDs.man1946),2026-01,4000.00
      \(KnownIDs.man1946),2026-07,6000.00
      """, into: database)
    _ = try folder.importSheet(
      DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),20.00,2026-01", into: database)
    let march = try database.deriveDuesStandards(month: try month("2026-03"), dryRun: false, testContext)
    #expect(march.changes.isEmpty && march.unchanged == 1)
    let august = try database.deriveDuesStandards(month: try month("2026-08"), dryRun: false, testContext)
    #expect(august.changes.map(\.derived.description) == ["60.00"])
    #expect(august.changes.first?.previous?.description == "20.00")
    #expect(
      try standards().filter { $0.hasPrefix(KnownIDs.man1946) }
        == ["\(KnownIDs.man1946) 2026-01 20.00", "\(KnownIDs.man1946) 2026-08 60.00"])
  }

  @Test(
    "a standard typed by hand for the month is changed; members without a pension are listed, not changed",
    arguments: TestEngine.available)
  func typedByHand(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(
      PensionKind.self, "身份证号,起始月份,月离退休费\n\(KnownIDs.man1946),2026-01,5000.01", into: database)
    _ = try folder.importSheet(
      DuesStandardKind.self, "身份证号,月缴金额,起始月份\n\(KnownIDs.man1946),30.00,2027-01", into: database)
    let derived = try database.deriveDuesStandards(month: try month("2027-01"), dryRun: false, testContext)
    #expect(derived.changes.map(\.derived.description) == ["50.00"])
    #expect(try standards() == ["\(KnownIDs.man1946) 2027-01 50.00"])
    // 赵六 has no pension; 李四 died before 2027; 王五 is no Party member.
    #expect(derived.withoutPension.map(\.name) == ["赵六"])
  }

  /// The month of death is still due (DuesTests/dueMonths), so a member who died on its first day is derived for
  /// it like any other; only from the next month on are they left out.
  @Test(
    "a member who died on the 1st of the month is still derived for that month, and not for the next",
    arguments: TestEngine.available)
  func diedOnFirst(on engine: TestEngine) throws {
    try use(engine)
    // 李四 died 2026-05-01; 0.5% of 4,000.00 is 20.00.
    _ = try folder.importSheet(
      PensionKind.self, "身份证号,起始月份,月离退休费\n\(KnownIDs.woman1930),2026-01,4000.00", into: database)
    let may = try database.deriveDuesStandards(month: try month("2026-05"), dryRun: true, testContext)
    #expect(may.changes.map { "\($0.name) \($0.derived)" } == ["李四 20.00"])
    #expect(may.withoutPension.map(\.name) == ["张三", "赵六"])
    let june = try database.deriveDuesStandards(month: try month("2026-06"), dryRun: true, testContext)
    #expect(june.changes.isEmpty && june.unchanged == 0)
    #expect(june.withoutPension.map(\.name) == ["张三", "赵六"])
  }

  @Test("a dry run writes nothing, and undo takes a derive back whole", arguments: TestEngine.available)
  func dryRunAndUndo(on engine: TestEngine) throws {
    try use(engine)
    _ = try folder.importSheet(
      PensionKind.self,
      """
      身份证号,起始月份,月离退休费
      \(KnownIDs.man1946),2026-01,3333.00
      \(KnownIDs.standardExample),2026-01,9000.00
      """, into: database)
    let dry = try database.deriveDuesStandards(month: try month("2026-06"), dryRun: true, testContext)
    #expect(dry.changes.map(\.derived.description) == ["16.67", "90.00"] && dry.dryRun)
    #expect(try standards().isEmpty)
    _ = try database.deriveDuesStandards(month: try month("2026-06"), dryRun: false, testContext)
    #expect(try standards().count == 2)
    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(try standards().isEmpty)
  }

  @Test(
    "two pensions of one cadre from the same month, and an amount not above zero, are refused",
    arguments: TestEngine.available)
  func refused(on engine: TestEngine) throws {
    try use(engine)
    let error = try #require(throws: ImportFailure.self) {
      try folder.importSheet(
        PensionKind.self,
        """
        身份证号,起始月份,月离退休费
        \(KnownIDs.man1946),2026-01,4000.00
        \(KnownIDs.man1946),2026-01,4100.00
        \(KnownIDs.man1950),2026-01,0
        """, into: database)
    }
    let problems = error.problems.map { "\($0.line) \($0.column) \($0.reason)" }
    #expect(problems.count == 2, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("3 起始月份") && $0.contains("已有从 2026-01 起的离退休费") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("4 月离退休费") }, "\(problems)")
    #expect(try database.rowCount("pension") == 0)
  }
}
