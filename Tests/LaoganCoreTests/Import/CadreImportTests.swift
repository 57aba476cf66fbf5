import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Importing the cadre roster")
final class CadreImportTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  func count() throws -> Int {
    try database.rowCount("cadre")
  }

  @Test("a GB18030 file with Chinese headers in any order", arguments: TestEngine.available)
  func gbFile(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "roster.csv",
      gb18030("管理地区,姓名,身份证号,类别,民族,党员\n兴义,单雄信,\(KnownIDs.man1946),离休,布依,是\n"))
    let summary = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    #expect(summary.encoding == .gb18030)
    #expect(summary.added == 1)
    let cadre = try database.cadre("单雄信")
    #expect(cadre.regionCode == "522301")
    #expect(cadre.ethnicity?.rawValue == "布依族")
    #expect(cadre.sex == .male)
    #expect(cadre.bornOn.description == "1946-03-15")
    #expect(cadre.isPartyMember)
  }

  @Test("a BOM file with English aliases, mixed dates and yes/no forms", arguments: TestEngine.available)
  func bomFile(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "roster.csv",
      utf8: """
        name,resident_id,category,region,retired_on,needs_care,died_on
        张三丰,\(KnownIDs.woman1930),退休,522323,1990年1月1日,Y,2026/11/2
        李四,\(KnownIDs.man1950),退休,州直,33239,0,
        """, bom: true)
    #expect(try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext).added == 2)
    let first = try database.cadre("张三丰")
    #expect(first.retiredOn?.description == "1990-01-01")
    #expect(first.needsCare)
    #expect(first.diedOn?.description == "2026-11-02")
    #expect(try database.cadre("李四").retiredOn?.description == "1991-01-01")
  }

  @Test(
    "a file with bad rows imports nothing and names every bad line, column and value", arguments: TestEngine.available)
  func badRows(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "roster.csv",
      utf8: """
        姓名,身份证号,类别,管理地区,离退休日期
        好人,\(KnownIDs.man1946),退休,兴义,2006-03-01
        错号,522301194603150012,退休,兴义,
        错类,\(KnownIDs.woman1930),病休,兴义,2023-02-30
        ,\(KnownIDs.man1950),退休,北京,
        """)
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    let lines = failure.problems.map(\.description)
    #expect(lines.contains { $0.hasPrefix("line 3, column 身份证号: 522301********0012 — ") })
    #expect(lines.contains("line 4, column 类别: 病休 — 应为 离休/退休 之一"))
    #expect(lines.contains { $0.hasPrefix("line 4, column 离退休日期: 2023-02-30 — ") })
    #expect(lines.contains("line 5, column 姓名: 必填，不能为空"))
    #expect(lines.contains { $0.hasPrefix("line 5, column 管理地区: 北京 — ") })
    #expect(!lines.contains { $0.hasPrefix("line 2") })
    #expect(try count() == 0)
    #expect(try database.read { try $0.value(Int.self, sql: "SELECT count(*) FROM command_run") } == 0)
  }

  @Test("re-importing the same file changes nothing; a changed row needs --update", arguments: TestEngine.available)
  func reimport(on engine: TestEngine) throws {
    try use(engine)
    let rows = "姓名,身份证号,类别,管理地区,职级\n张三,\(KnownIDs.man1946),退休,兴义,正县处级\n"
    let file = try folder.write("a.csv", utf8: rows)
    _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    let again = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    #expect(again.added == 0 && again.unchanged == 1)
    #expect(try database.auditLines(AuditFilter(), reveal: false).count == 1)

    let changed = try folder.write("b.csv", utf8: rows.replacingOccurrences(of: "正县处级", with: "正厅级"))
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: changed, options: ImportOptions(), testContext)
    }
    #expect(failure.problems.first?.reason.contains("职级") == true)
    let updated = try database.importRecords(
      CadreKind.self, from: changed, options: ImportOptions(update: true), testContext)
    #expect(updated.updated == 1)
    #expect(try database.cadre("张三").rank == .departmentChief)
  }

  @Test("columns the file lacks keep their values on update", arguments: TestEngine.available)
  func partialUpdate(on engine: TestEngine) throws {
    try use(engine)
    let full = try folder.write("a.csv", utf8: "姓名,身份证号,类别,管理地区,联系电话\n张三,\(KnownIDs.man1946),退休,兴义,13812345678\n")
    _ = try database.importRecords(CadreKind.self, from: full, options: ImportOptions(), testContext)
    let partial = try folder.write("b.csv", utf8: "姓名,身份证号,类别,管理地区\n张三,\(KnownIDs.man1946),离休,兴义\n")
    _ = try database.importRecords(CadreKind.self, from: partial, options: ImportOptions(update: true), testContext)
    let cadre = try database.cadre("张三")
    #expect(cadre.category == .veteran)
    #expect(cadre.phone == "13812345678")
  }

  @Test("a dry run validates everything and writes nothing", arguments: TestEngine.available)
  func dryRun(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write("a.csv", utf8: "姓名,身份证号,类别,管理地区\n张三,\(KnownIDs.man1946),退休,兴义\n")
    let summary = try database.importRecords(
      CadreKind.self, from: file, options: ImportOptions(dryRun: true), testContext)
    #expect(summary.added == 1 && summary.dryRun)
    #expect(try count() == 0)
  }

  @Test(
    "header variants of clerks' sheets: inner and full-width blanks, required marks, other names, 序号",
    arguments: TestEngine.available)
  func headerVariants(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "a.csv", utf8: "序号,姓　名,公民身份号码,类别*,管理地区（必填）,出生日其\n1,张三,\(KnownIDs.man1946),退休,兴义,\n")
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(
      failure.problems.map(\.description) == [
        "line 1, column 出生日其: 不认识的列；是不是“出生日期”？（可加 --ignore-unknown 忽略）"
      ])
    let fixed = try folder.write(
      "b.csv", utf8: "序号,姓　名,身份证号码,类别*,管理地区（必填）,出生日期\n1,张三,\(KnownIDs.man1946),退休,兴义,\n")
    #expect(try database.importRecords(CadreKind.self, from: fixed, options: ImportOptions(), testContext).added == 1)
  }

  @Test(
    "a masked export and Excel's damage to a 身份证号 are named as such, with what to do", arguments: TestEngine.available)
  func excelDamage(on engine: TestEngine) throws {
    try use(engine)
    let cases = [
      ("522301********0011", "--reveal"), ("5.22301E+17", "科学计数法"), ("522301194603150000", "前 15 位"),
    ]
    for (cell, hint) in cases {
      let file = try folder.write("x.csv", utf8: "姓名,身份证号,类别,管理地区\n张三,\(cell),退休,兴义\n")
      let failure = try #require(throws: ImportFailure.self) {
        try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
      }
      #expect(failure.problems.first?.reason.contains(hint) == true, "\(cell): \(failure.problems)")
    }
  }

  @Test("header problems: unknown, repeated and missing columns are all reported", arguments: TestEngine.available)
  func headers(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write("a.csv", utf8: "姓名,身份证号,身份证号,籍贯\n")
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    let lines = failure.problems.map(\.description)
    #expect(lines.contains("line 1, column 身份证号: 列名重复"))
    #expect(lines.contains { $0.hasPrefix("line 1, column 籍贯: 不认识的列") })
    #expect(lines.contains("line 1, column 类别: 缺少必需的列"))
    #expect(lines.contains("line 1, column 管理地区: 缺少必需的列"))
    let ignored = try folder.write("b.csv", utf8: "姓名,身份证号,类别,管理地区,籍贯\n张三,\(KnownIDs.man1946),退休,兴义,贵州\n")
    #expect(
      try database.importRecords(
        CadreKind.self, from: ignored, options: ImportOptions(ignoreUnknown: true), testContext
      ).added == 1)
  }

  @Test(
    "the same 身份证号 twice in a file, and a 15-digit number equal to an 18-digit one, are duplicates",
    arguments: TestEngine.available)
  func duplicates(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "a.csv", utf8: "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.standardExample),退休,兴义\n乙,110105491231002,退休,兴义\n")
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(failure.problems.map(\.description) == ["line 3, column 身份证号: 110105********002X — 与第 2 行重复"])
  }

  @Test(
    "sex or birth date that disagree with the number are errors; missing ones are derived",
    arguments: TestEngine.available)
  func derived(on engine: TestEngine) throws {
    try use(engine)
    let file = try folder.write(
      "a.csv",
      utf8: """
        姓名,性别,出生日期,身份证号,类别,管理地区
        甲,男,1949-12-31,\(KnownIDs.standardExample),退休,兴义
        乙,男,1950-01-01,\(KnownIDs.man1950),退休,兴义
        """)
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(
      failure.problems.map(\.description) == [
        "line 2, column 性别: 男 — 与身份证号不符（号码表明性别为女）",
        "line 3, column 出生日期: 1950-01-01 — 与身份证号不符（号码表明出生于 1950-11-20）",
      ])
  }

  /// Many rosters have no 党员 column: a cadre listed in a Party organization is a Party member all the same, and
  /// is counted as one (党费, 323 report). Only a row saying 党员=否 is not.
  @Test("a roster row with a 所在党组织 and no 党员 column is a Party member", arguments: TestEngine.available)
  func memberByOrganization(on engine: TestEngine) throws {
    try use(engine)
    try folder.importSheet(OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义", into: database)
    let summary = try folder.importSheet(
      CadreKind.self, "姓名,身份证号,类别,管理地区,所在党组织\n张三,\(KnownIDs.man1946),退休,兴义,甲支部", into: database)
    #expect(summary.added == 1)
    let cadre = try database.cadre("张三")
    #expect(cadre.isPartyMember)
    #expect(cadre.partyOrganization == "甲支部")
  }

  @Test(
    "a roster of many batches: each cadre has its row's values, id and Party organization",
    arguments: TestEngine.available)
  func manyBatches(on engine: TestEngine) throws {
    try use(engine)
    try folder.importSheet(OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义\n乙支部,党支部,兴仁", into: database)
    // Two cadres in three belong to a branch, so their memberships' batches fill apart from the cadres'.
    let branches = ["甲支部", "乙支部", ""]
    let rows = (0..<300).map { (name: "干部\($0)", id: KnownIDs.serial($0), branch: branches[$0 % 3]) }
    let summary = try folder.importSheet(
      CadreKind.self,
      "姓名,身份证号,类别,管理地区,所在党组织\n"
        + rows.map { "\($0.name),\($0.id),退休,兴义,\($0.branch)" }
        .joined(separator: "\n"), into: database)
    #expect(summary.added == 300)
    let stored = try database.read { db in
      try db.rows(
        sql: """
          SELECT cadre.id, cadre.name, cadre.resident_id, party_organization.name AS branch
          FROM cadre LEFT JOIN membership ON membership.cadre_id = cadre.id
          LEFT JOIN party_organization ON party_organization.id = membership.organization_id ORDER BY cadre.id
          """)
    }
    #expect(stored.count == 300)
    for (index, row) in stored.enumerated() {
      let expected = rows[index]
      #expect(row["id"] == Int64(index + 1) && row["name"] == expected.name && row["resident_id"] == expected.id)
      #expect((row["branch"] as String?) ?? "" == expected.branch, "\(expected.name)")
    }
  }

  @Test("the GB18030 sample imports whole, with its 15-digit numbers upgraded", arguments: TestEngine.available)
  func sharedSample(on engine: TestEngine) throws {
    try use(engine)
    let file = fixtures.appendingPathComponent("cadres.csv")
    try #require(FileManager.default.fileExists(atPath: file.path))
    _ = try database.importRecords(
      OrganizationKind.self, from: fixtures.appendingPathComponent("organizations.csv"), options: ImportOptions(),
      testContext)
    let summary = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    #expect(summary.encoding == .gb18030)
    #expect(summary.added == summary.rows && summary.rows > 0)
    #expect(summary.warnings.count > 0)
    #expect(try count() == summary.rows)
  }
}
