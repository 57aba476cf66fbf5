import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore

@Suite("A cadre's family (SPEC §10)")
final class FamilyTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    let roster = try folder.write("roster.csv", utf8: "姓名,身份证号,类别,管理地区\n张三,\(KnownIDs.man1946),退休,兴义\n")
    _ = try database.importRecords(CadreKind.self, from: roster, options: ImportOptions(), testContext)
  }

  func load(_ text: String, update: Bool = false) throws -> ImportSummary {
    try folder.importSheet(FamilyKind.self, text, into: database, options: ImportOptions(update: update))
  }

  @Test(
    "named by cadre, 关系 and 姓名: the same sheet again changes nothing, a changed row needs --update",
    arguments: TestEngine.available)
  func keyed(on engine: TestEngine) throws {
    try use(engine)
    let sheet = """
      身份证号,关系,姓名,本人身份证号,同住,联系电话
      \(KnownIDs.man1946),妻子,李秀英,\(KnownIDs.woman1930),是,13812345678
      \(KnownIDs.man1946),儿子,张明,,否,
      """
    #expect(try load(sheet).added == 2)
    #expect(try load(sheet).unchanged == 2)
    let changed = sheet.replacingOccurrences(of: "13812345678", with: "13987654321")
    let refused = #expect(throws: ImportFailure.self) { try load(changed) }
    #expect(refused?.problems.first?.reason.contains("--update") == true)
    #expect(try load(changed, update: true).updated == 1)
    let members = try database.records(FamilyKind.self, RecordFilter(cadre: KnownIDs.man1946))
    #expect(members.map(\.relation) == [.spouse, .child])
    #expect(members.first?.bornOn?.description == "1930-01-01")
    let shown = try database.listTable(FamilyKind.self, members, reveal: false).text()
    #expect(!shown.contains(KnownIDs.man1946) && !shown.contains("13987654321"))
  }

  @Test(
    "an unknown 关系, a bad 本人身份证号, one member twice in a file: line and column, nothing written",
    arguments: TestEngine.available)
  func badInput(on engine: TestEngine) throws {
    try use(engine)
    let cases: [(String, String, String)] = [
      ("\(KnownIDs.man1946),表哥,王五,", "关系", "配偶/子女/父母/其他"),
      ("\(KnownIDs.man1946),配偶,王五,522301194603150012", "本人身份证号", "校验"),
      ("\(KnownIDs.man1946),配偶,李秀英,", "姓名", "与第 2 行重复"),
    ]
    for (row, column, reason) in cases {
      let failure = #expect(throws: ImportFailure.self) {
        try load("身份证号,关系,姓名,本人身份证号\n\(KnownIDs.man1946),配偶,李秀英,\n\(row)")
      }
      let problem = try #require(failure?.problems.first)
      #expect(problem.line == 3 && problem.column == column && problem.reason.contains(reason), "\(problem)")
      #expect(try database.read { try $0.value(Int.self, sql: "SELECT COUNT(*) FROM family_member") } == 0)
    }
  }
}
