import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Hospital stays and who is in hospital on a day (SPEC §10)")
final class HospitalStayTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  /// 张三 and 李四 of 兴义, retired.
  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  func startingRecords() throws {
    try load(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区,离退休日期
      张三,\(KnownIDs.man1946),退休,兴义,2006-03-01
      李四,\(KnownIDs.woman1930),退休,兴义,1990-01-01
      """)
  }

  @discardableResult
  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    try folder.importSheet(kind, text, into: database)
  }

  @Test(
    "in hospital on D: discharged that day still counts; the stay's last 住院看望, or 未看望", arguments: TestEngine.available)
  func inHospital(on engine: TestEngine) throws {
    try use(engine)
    try load(
      HospitalStayKind.self,
      """
      身份证号,入院日期,出院日期,医院,长期住院
      \(KnownIDs.man1946),2024-05-01,2024-05-20,州人民医院,否
      \(KnownIDs.woman1930),2024-03-01,2024-05-19,兴义市医院,否
      \(KnownIDs.woman1930),2024-05-20,,兴义市医院,是
      """)
    try load(
      TreatmentKind.self,
      """
      日期,类型,标题,地区,场合,参与干部
      2024-05-10,走访慰问,看望住院老干部,兴义,住院看望,\(KnownIDs.man1946)
      2024-05-18,走访慰问,看望住院老干部,兴义,住院看望,\(KnownIDs.woman1930)
      """)
    let day = try #require(CalendarDate(parsing: "2024-05-20"))
    let report = try database.inHospitalReport(region: .prefecture, on: day, generatedAt: "", reveal: false)
    let rows = report.sections[0].rows.map { [$0[1].text, $0[5].text, $0[6].text, $0[8].text] }
    // 李四's visit was in her earlier stay, not this one.
    #expect(rows == [["张三", "2024-05-01", "19", "2024-05-10"], ["李四", "2024-05-20", "0", "未看望"]])
    #expect(report.sections[0].notes == ["共 2 人，其中未看望 1 人"])
  }

  @Test(
    "出院日期 before 入院日期 is an error naming line and column; overlapping stays are a check finding",
    arguments: TestEngine.available)
  func badDatesAndOverlap(on engine: TestEngine) throws {
    try use(engine)
    let failure = #expect(throws: ImportFailure.self) {
      try load(HospitalStayKind.self, "身份证号,入院日期,出院日期,医院\n\(KnownIDs.man1946),2024-05-01,2024-04-30,州医院")
    }
    let problem = try #require(failure?.problems.first)
    #expect(problem.line == 2 && problem.column == "出院日期" && problem.reason.contains("早于入院日期"))
    #expect(try database.read { try $0.value(Int.self, sql: "SELECT COUNT(*) FROM hospital_stay") } == 0)
    try load(
      HospitalStayKind.self,
      """
      身份证号,入院日期,出院日期,医院
      \(KnownIDs.man1946),2024-05-01,2024-05-20,州人民医院
      \(KnownIDs.man1946),2024-05-15,,兴义市医院
      \(KnownIDs.woman1930),2024-05-01,2024-05-20,州人民医院
      """)
    let overlaps = try database.check(full: false).filter { $0.kind == .hospitalStayOverlap }
    #expect(overlaps.map(\.record) == ["hospital_stay 1,2"])
  }
}
