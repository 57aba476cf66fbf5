import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("The yearly tables (SPEC §5)")
final class YearlyTablesTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  /// The test's database, on the engine it runs on (`use`).
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  /// A 离休 cadre of 兴义 born on `born`, retired in 1990, with a valid 身份证号.
  func veteran(_ name: String, born: String, order: Int = 1) throws {
    let body = "522301" + born.replacingOccurrences(of: "-", with: "") + String(format: "%03d", order)
    _ = try database.addRecord(
      CadreKind.self,
      cells: [
        .name: name, .residentID: body + ResidentIDTestSupport.check(body), .category: "离休", .region: "兴义",
        .retiredOn: "1990-01-01",
      ], testContext)
  }

  /// 基本情况统计表 counts ages on the period's last day, a birthday that day counting: one born 1943-12-31 is
  /// 80 on 2023-12-31 and belongs in 80岁及以上, and one born the next day is still 79, in 70–79岁.
  @Test(
    "基本情况统计表: a 离休 cadre turning 80 on the year's last day counts in 80岁及以上, a day younger in 70–79岁",
    arguments: TestEngine.available)
  func basicAgeBands(on engine: TestEngine) throws {
    try use(engine)
    try veteran("八十整", born: "1943-12-31")
    try veteran("七十九", born: "1944-01-01")
    let report = try database.basicReport(
      region: .prefecture, period: try #require(Period.year(2023)), generatedAt: "")
    let veterans = report.sections[0]
    #expect(veterans.headers[1] == "人数" && veterans.headers[4] == "70–79岁" && veterans.headers[5] == "80岁及以上")
    let total = try #require(veterans.rows.last)
    #expect(total.first?.text == "合计")
    #expect([total[1].text, total[4].text, total[5].text] == ["2", "1", "1"])
  }
}
