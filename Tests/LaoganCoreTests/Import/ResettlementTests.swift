import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore

@Suite("易地安置: where a cadre resettled elsewhere lives (SPEC §10)")
struct ResettlementTests {
  @Test("安置地 and 安置范围 import and list with --resettled; given for a cadre not resettled, an error")
  func resettlement() throws {
    let folder = try TemporaryFolder()
    let database = try folder.database()
    let roster = try folder.write(
      "roster.csv",
      utf8: """
        姓名,身份证号,类别,管理地区,异地安置,安置地,安置范围
        张三,\(KnownIDs.man1946),退休,兴义,是,昆明市,省外
        李四,\(KnownIDs.woman1930),退休,普安,否,,

        """)
    _ = try database.importRecords(CadreKind.self, from: roster, options: ImportOptions(), testContext)
    let resettled = try database.cadres(CadreFilter(resettled: true))
    #expect(resettled.map(\.name) == ["张三"])
    #expect(resettled.first?.resettledTo == "昆明市" && resettled.first?.resettlementScope == .outOfProvince)

    let wrong = try folder.write(
      "wrong.csv",
      utf8: "姓名,身份证号,类别,管理地区,异地安置,安置地\n王五,\(KnownIDs.man1950),退休,兴义,否,贵阳市\n")
    let failure = #expect(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: wrong, options: ImportOptions(), testContext)
    }
    #expect(failure?.problems.map(\.column) == ["安置地"])
    #expect(try database.cadres(CadreFilter()).count == 2)
  }
}
