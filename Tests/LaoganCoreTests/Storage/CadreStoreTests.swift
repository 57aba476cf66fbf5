import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore
@testable import LaoganText

@Suite("Cadres one at a time")
final class CadreStoreTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  func add(_ name: String, _ id: String, region: String = "兴义") throws -> Cadre {
    try database.addRecord(
      CadreKind.self, cells: [.name: name, .residentID: id, .category: "退休", .region: region], testContext
    ).record
  }

  @Test("cadres and their memberships added by the hundred in one command keep every foreign key as they go in")
  func manyInOneCommand() throws {
    try folder.importSheet(OrganizationKind.self, "名称,类型,地区\n一支部,党支部,兴义", into: database)
    // Not an import: SQLite checks each statement's foreign keys, so a batch of waiting memberships must go in
    // after the cadres it points to, however the batches fill.
    try database.write(testContext) { writer in
      let saver = try RecordSaver<CadreKind>(writer, update: false)
      for index in 0..<200 {
        let cells: [CadreField: String] = [
          .name: "干部\(index)", .residentID: KnownIDs.serial(index), .category: "退休", .region: "兴义",
          .partyOrganization: index % 3 == 0 ? "" : "一支部",
        ]
        _ = try saver.save(cells, over: nil)
      }
    }
    let stored = try database.readSQLite { db in
      (try Cadre.fetchCount(db), try Membership.fetchCount(db), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
    }
    #expect(stored.0 == 200 && stored.1 == 133 && stored.2.isEmpty)
  }

  @Test("a search by pinyin answers from the index with exactly the cadres whose keys start with the query")
  func findByIndex() throws {
    let surnames = Array("张单曾戴欧李王尉")
    let givenNames = Array("长乐三丰国华重调和安")
    try database.write(testContext) { writer in
      let saver = try RecordSaver<CadreKind>(writer, update: false)
      for index in 0..<300 {
        let name = [
          surnames[index % surnames.count], givenNames[index % givenNames.count],
          givenNames[(index / 7) % givenNames.count],
        ]
        let cells: [CadreField: String] = [
          .name: String(index % 5 == 0 ? name.prefix(2) : name[...]), .residentID: KnownIDs.serial(index),
          .category: "退休", .region: "兴义",
        ]
        _ = try saver.save(cells, over: nil)
      }
    }
    let everyone = try database.readSQLite { try Cadre.fetchAll($0) }
    for query in ["z", "zh", "zhang", "changle", "dcl", "shan", "dan", "ouyang", "wang", "zzz", "l", "yc"] {
      let scanned = everyone.filter { cadre in
        PinyinKeys.shared.keys(for: cadre.name).split(separator: " ").contains { $0.hasPrefix(query) }
      }
      let found = try database.findCadres(query)
      #expect(Set(found.map(\.id)) == Set(scanned.map(\.id)) && found.count == scanned.count, "\(query)")
    }
  }

  @Test("every missing required field is named at once", arguments: TestEngine.available)
  func missing(on engine: TestEngine) throws {
    try use(engine)
    let error = try #require(throws: FieldProblems.self) {
      try database.addRecord(CadreKind.self, cells: [.name: "张三"], testContext)
    }
    #expect(error.problems.map(\.field) == ["身份证号", "类别", "管理地区"])
  }

  @Test("an edit is audited with before and after; an unchanged edit logs nothing", arguments: TestEngine.available)
  func editAudited(on engine: TestEngine) throws {
    try use(engine)
    let cadre = try add("张三", KnownIDs.man1946)
    _ = try database.editRecord(CadreKind.self, "张三", changes: [.rank: "正县处级", .phone: "13812345678"], testContext)
    _ = try database.editRecord(CadreKind.self, "张三", changes: [.rank: "正县处级"], testContext)
    let lines = try database.auditLines(AuditFilter(table: "cadre", recordID: cadre.id), reveal: false)
    #expect(lines.map(\.action) == ["update", "insert"])
    #expect(lines[0].operatorName == "王芳")
    // By the import headers' names, as a clerk knows them, not the stored columns'.
    #expect(lines[0].changes == "联系电话:  → 138****5678; 职级:  → 正县处级")
    #expect(try database.auditLines(AuditFilter(), reveal: true)[0].changes.contains("13812345678"))
  }

  @Test("death is recorded, the record stays, and lists by day leave the dead out", arguments: TestEngine.available)
  func death(on engine: TestEngine) throws {
    try use(engine)
    _ = try add("张三", KnownIDs.man1946)
    _ = try database.recordDeath("张三", on: try #require(CalendarDate(parsing: "2026-11-02")), testContext)
    let day = try #require(CalendarDate(parsing: "2026-11-02"))
    let next = try #require(CalendarDate(parsing: "2026-11-01"))
    #expect(try database.cadres(CadreFilter(aliveOn: day)).isEmpty)
    #expect(try database.cadres(CadreFilter(aliveOn: next)).count == 1)
  }

  @Test(
    "a cadre is named by id, 身份证号 (18 or 15 digits) or a unique name; a shared name lists candidates",
    arguments: TestEngine.available)
  func references(on engine: TestEngine) throws {
    try use(engine)
    let first = try add("张三", KnownIDs.standardExample)
    _ = try add("李四", KnownIDs.man1950, region: "普安")
    #expect(try database.cadre("\(first.id ?? 0)").name == "张三")
    #expect(try database.cadre("110105491231002").name == "张三")
    #expect(try database.cadre(KnownIDs.man1950).name == "李四")
    _ = try add("张三", KnownIDs.man1946)
    #expect(throws: LaoganError.self) { try database.cadre("张三") }
    #expect(throws: LaoganError.cadreNotFound("王五")) { try database.cadre("王五") }
  }

  @Test(
    "find matches characters, full pinyin, initials and polyphonic surnames, never a voided record",
    arguments: TestEngine.available)
  func find(on engine: TestEngine) throws {
    try use(engine)
    _ = try add("张三丰", KnownIDs.standardExample)
    _ = try add("单雄信", KnownIDs.man1950)
    _ = try add("曾巩", KnownIDs.man1946)
    #expect(try database.findCadres("三丰").map(\.name) == ["张三丰"])
    #expect(try database.findCadres("zhangsan").map(\.name) == ["张三丰"])
    #expect(try database.findCadres("zsf").map(\.name) == ["张三丰"])
    #expect(try database.findCadres("shan").map(\.name) == ["单雄信"])
    #expect(try database.findCadres("dan").map(\.name) == ["单雄信"])
    #expect(try database.findCadres("ZENG").map(\.name) == ["曾巩"])
    #expect(try database.findCadres("%").isEmpty)
    #expect(try database.findCadres("zhang-san").isEmpty)
    #expect(try database.findCadres("zhang*").isEmpty)
    _ = try database.voidRecord(CadreKind.self, "单雄信", reason: "重复登记", testContext)
    #expect(try database.findCadres("shan").isEmpty)
  }

  @Test("region scope: the prefecture covers every county, a county only itself", arguments: TestEngine.available)
  func regions(on engine: TestEngine) throws {
    try use(engine)
    _ = try add("甲", KnownIDs.man1946, region: "兴义市")
    _ = try add("乙", KnownIDs.man1950, region: "522300")
    _ = try add("丙", KnownIDs.standardExample, region: "兴仁县")
    #expect(try database.cadres(CadreFilter(region: .prefecture)).count == 3)
    #expect(try database.cadres(CadreFilter(region: Region(named: "兴义"))).map(\.name) == ["甲"])
    #expect(try database.cadres(CadreFilter(region: Region(named: "522302"))).map(\.name) == ["丙"])
  }

  /// 州直 carries the prefecture's own code, yet as a scope it is the prefecture's own office only: `--region 州直`
  /// must not take in the counties' cadres, as `--region 黔西南州` (the whole prefecture) does.
  @Test(
    "region scope: 州直 holds only the prefecture's own cadres, 黔西南州 the counties' too", arguments: TestEngine.available)
  func prefectureOwn(on engine: TestEngine) throws {
    try use(engine)
    _ = try add("甲", KnownIDs.man1946, region: "兴义")
    _ = try add("乙", KnownIDs.man1950, region: "州直")
    #expect(try database.cadres(CadreFilter(region: Region(named: "州直"))).map(\.name) == ["乙"])
    // By region code, then id: 州直 (522300) before 兴义 (522301).
    #expect(try database.cadres(CadreFilter(region: Region(named: "黔西南州"))).map(\.name) == ["乙", "甲"])
  }
}
