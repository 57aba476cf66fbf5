import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganStore

@Suite("The database door")
struct DatabaseTests {
  @Test("a new file is private to its owner and in WAL mode")
  func newFile() throws {
    let folder = try TemporaryFolder()
    let database = try folder.database("sub/dir/x.db")
    let mode = try FileManager.default.attributesOfItem(atPath: database.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try database.read { try $0.value(String.self, sql: "PRAGMA journal_mode") } == "wal")
  }

  @Test("a second connection reads alongside only while it sees the state the first one does")
  func readAlongside() throws {
    let folder = try TemporaryFolder()
    let database = try folder.database()
    let otherClerk = try LaoganDatabase(path: database.path, mode: .existing)
    let shown = { (write: () throws -> Void) in
      try database.read { db in
        _ = try db.value(Int.self, sql: "SELECT count(*) FROM cadre")
        try write()
        return try database.readAlongside(db) {
          "here"
        } there: {
          try $0.value(Int.self, sql: "SELECT count(*) FROM cadre")
        }
      }
    }
    let unchanged = try shown {}
    #expect(unchanged.0 == "here" && unchanged.1 == 0)
    let changed = try shown {
      _ = try folder.importSheet(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义", into: otherClerk)
    }
    #expect(changed.0 == "here" && changed.1 == nil)
  }

  @Test("a missing file is an error that says to run init, and nothing is created")
  func missing() throws {
    let folder = try TemporaryFolder()
    #expect(throws: LaoganError.databaseMissing(path: folder.path("none.db"))) {
      try LaoganDatabase(path: folder.path("none.db"), mode: .existing)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("none.db")))
  }

  @Test("a database from a newer laogan is refused and left untouched")
  func newer() throws {
    let folder = try TemporaryFolder()
    let path = try folder.database().path
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: LaoganError.newerSchema(path: path)) { try LaoganDatabase(path: path, mode: .existing) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test("another program's SQLite file is refused")
  func foreign() throws {
    let folder = try TemporaryFolder()
    let queue = try DatabaseQueue(path: folder.path("other.db"))
    try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
    try queue.close()
    #expect(throws: LaoganError.notLaoganDatabase(path: folder.path("other.db"))) {
      try LaoganDatabase(path: folder.path("other.db"), mode: .existing)
    }
  }

  @Test("schema.sql is what the migrations build")
  func schemaFile() throws {
    let folder = try TemporaryFolder()
    let built =
      try folder.database().read { db in
        try db.values(
          String.self,
          sql: """
            SELECT sql || ';' FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
              AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
            ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name
            """)
      }.joined(separator: "\n\n") + "\n"
    let schemaFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schema.sql")
    let header = "-- The current laogan schema, as the migrations build it (kept equal by DatabaseTests).\n\n"
    if ProcessInfo.processInfo.environment["LAOGAN_WRITE_SCHEMA"] == "1" {
      try Data((header + built).utf8).write(to: schemaFile)
    }
    #expect(try String(contentsOf: schemaFile, encoding: .utf8) == header + built)
  }

  @Test("upgrading stores every text in NFC with keys folded; a key that would collide is left and named by check")
  func textUpgrade() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("old.db")
    let queue = try DatabaseQueue(path: path)
    try Migrations.migrator.migrate(queue, upTo: "v14-honors-by-cadre")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO party_organization (name, kind, region_code) VALUES ('\u{FA71}支部', '党支部', '522301'),
            ('第１支部', '党支部', '522301'), ('第1支部', '党支部', '522301');
          INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code, note)
            VALUES ('张三', '男', '1946-03-15', '\(KnownIDs.man1946)', '退休', '522301', 'e\u{301}');
          INSERT INTO membership (cadre_id, organization_id) VALUES (1, 1);
          """)
    }
    try queue.close()
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    let names = try upgraded.read { try $0.values(String.self, sql: "SELECT name FROM party_organization ORDER BY id") }
    #expect(names == ["\u{51B5}支部", "第１支部", "第1支部"])
    #expect(try upgraded.read { try $0.value(String.self, sql: "SELECT note FROM cadre") } == "\u{E9}")
    let collisions = try upgraded.check(full: false).filter { $0.kind == .keyCollision }
    #expect(collisions.map(\.record) == ["party_organization 2,3"])
    // An older laogan made a membership for a row without a 党员 cell: named, and the cadre still editable.
    #expect(
      try upgraded.check(full: false).contains { $0.kind == .nonMemberInOrganization && $0.record == "cadre 1" })
    _ = try upgraded.editRecord(CadreKind.self, "张三", changes: [.rank: "正厅级"], testContext)
    #expect(throws: (any Error).self) {
      try upgraded.editRecord(CadreKind.self, "张三", changes: [.isPartyMember: "否"], testContext)
    }
  }

  @Test("upgrading indexes every cadre's keys as this version reads names, and the index follows each change")
  func searchUpgrade() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("old.db")
    let queue = try DatabaseQueue(path: path)
    try Migrations.migrator.migrate(queue, upTo: "v15-text-in-nfc")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code, search_keys)
            VALUES ('戴长生', '男', '1946-03-15', '\(KnownIDs.man1946)', '退休', '522301', ' daizhangsheng dzs ');
          """)
    }
    try queue.close()
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    for query in ["daichangsheng", "dcs", "daizhangsheng", "dzs", "dai"] {
      #expect(try upgraded.findCadres(query).map(\.name) == ["戴长生"], "\(query)")
    }
    _ = try upgraded.editRecord(CadreKind.self, "戴长生", changes: [.name: "戴乐生"], testContext)
    #expect(try upgraded.findCadres("dcs").isEmpty)
    #expect(try upgraded.findCadres("daiyuesheng").map(\.name) == ["戴乐生"])
    #expect(try upgraded.read { try $0.value(String.self, sql: "PRAGMA integrity_check") } == "ok")
  }
}
