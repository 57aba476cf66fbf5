import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Visits: 慰问金额, 慰问品 and report visits (SPEC §10)")
struct VisitsReportTests {
  @Test("by 场合 and region: events, distinct cadres and amount; 合计 counts a cadre once", arguments: TestEngine.available)
  func visits(on engine: TestEngine) throws {
    let folder = try TemporaryFolder()
    let database = try folder.database(on: engine)
    func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws {
      try folder.importSheet(kind, text, into: database)
    }
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区
      张三,\(KnownIDs.man1946),退休,兴义
      李四,\(KnownIDs.woman1930),退休,兴义
      王五,\(KnownIDs.man1950),退休,普安
      """)
    try load(
      TreatmentKind.self,
      """
      日期,类型,标题,地区,场合,参与干部,慰问金额,慰问品
      2024-03-01,走访慰问,住院看望,兴义,住院看望,\(KnownIDs.man1946);\(KnownIDs.woman1930),1000.00,水果
      2024-04-01,走访慰问,住院看望,兴义,住院看望,\(KnownIDs.man1946),500.00,
      2024-05-01,走访慰问,生日看望,普安,生日看望,\(KnownIDs.man1950),800.00,蛋糕
      2024-06-01,走访慰问,生日看望,兴义,生日看望,\(KnownIDs.man1946),,
      """)
    let year = Period(
      from: try #require(CalendarDate(parsing: "2024-01-01")), to: try #require(CalendarDate(parsing: "2024-12-31")))
    let report = try database.visitsReport(region: .prefecture, period: year, generatedAt: "")
    #expect(
      report.sections[0].rows.map { $0.map(\.text) } == [
        ["生日看望", "兴义市", "1", "1", "0.00"], ["生日看望", "普安县", "1", "1", "800.00"],
        ["住院看望", "兴义市", "2", "2", "1500.00"], ["合计", "", "4", "3", "2300.00"],
      ])

    let wrong = try folder.write("wrong.csv", utf8: "日期,类型,标题,地区,慰问金额\n2024-03-01,阅读文件,文件,兴义,100.00\n")
    let failure = #expect(throws: ImportFailure.self) {
      try database.importRecords(TreatmentKind.self, from: wrong, options: ImportOptions(), testContext)
    }
    #expect(failure?.problems.map(\.column) == ["慰问金额"])
  }
}
