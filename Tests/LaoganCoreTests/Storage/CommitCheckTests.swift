import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Constraints checked at commit")
struct CommitCheckTests {
  let folder: TemporaryFolder
  let database: LaoganDatabase
  let cadreID: Int64

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try folder.importSheet(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义", into: database)
    cadreID = try #require(try database.cadre("甲").id)
  }

  /// A payment of 甲's, stored by a command checked at commit through `store`; what the command threw.
  func storeChecked(_ store: (AuditedWriter) throws -> Void) -> (any Error)? {
    do {
      try database.write(testContext, checkedAtCommit: true, store)
      return nil
    } catch {
      return error
    }
  }

  func counts() throws -> [Int] {
    try database.readSQLite { db in
      try ["payment", "command_run", "audit_entry"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
    }
  }

  func insertPayment(month: String = "2023-01", cadre: Int64? = nil) -> (AuditedWriter) throws -> Void {
    { writer in
      try writer.db.execute(
        sql: "INSERT INTO payment (cadre_id, item, month, amount_fen) VALUES (?, '特需费', ?, 100)",
        arguments: [cadre ?? cadreID, month])
    }
  }

  @Test("a row breaking a CHECK constraint is refused at commit, named, and nothing is kept")
  func brokenCheck() throws {
    let before = try counts()
    let error = storeChecked(insertPayment(month: "2023-1"))
    #expect(
      error as? LaoganError
        == .database(
          "CHECK constraint failed: month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'（payment 表编号 1 的记录）"))
    #expect(try counts() == before)
  }

  @Test("a row written from a file's line is named by that line, never by its id")
  func namedByLine() throws {
    let before = try counts()
    let error = storeChecked { writer in
      writer.line = 7
      var payment = Payment(cadreID: self.cadreID, item: .specialNeeds, month: Month(valid: 2023, 1), amount: Fen(0))
      try writer.insert(&payment, canWait: true)
    }
    #expect(error as? LaoganError == .database("CHECK constraint failed: amount_fen <> 0（文件第 7 行）"))
    #expect(try counts() == before)
  }

  @Test("a row pointing to no record is refused at commit, named, and nothing is kept")
  func brokenForeignKey() throws {
    let before = try counts()
    let error = storeChecked(insertPayment(cadre: 999))
    #expect(
      error as? LaoganError
        == .database("FOREIGN KEY constraint failed: cadre_id REFERENCES cadre(id)（payment 表编号 1 的记录）")
    )
    #expect(try counts() == before)
  }

  @Test("a command checked at commit that lists participants (a table without rowids) is refused, nothing kept")
  func participantsRefused() throws {
    let before = try counts()
    let error = storeChecked { writer in
      try self.insertPayment()(writer)
      try writer.replaceParticipants(table: "activity", eventID: 1, cadreIDs: [self.cadreID])
    }
    #expect(
      error as? LaoganError
        == .database("提交时检查的命令删除了行或写入了无 rowid 的表（participant.activity），检查看不到：这类命令须逐条检查"))
    #expect(try counts() == before)
  }

  @Test("a row the command updated is checked too")
  func brokenUpdate() throws {
    #expect(storeChecked(insertPayment()) == nil)
    let stored = try #require(try database.readSQLite { try Payment.fetchOne($0) })
    var zero = stored
    zero.amount = Fen(0)
    let error = storeChecked { writer in try writer.update(zero, from: stored) }
    #expect(error as? LaoganError == .database("CHECK constraint failed: amount_fen <> 0（payment 表编号 1 的记录）"))
    #expect(try database.readSQLite { try Payment.fetchOne($0) } == stored)
  }

  @Test("after a command checked at commit, refused or not, SQLite checks every statement again")
  func checksComeBack() throws {
    #expect(storeChecked(insertPayment(cadre: 999)) != nil)
    #expect(storeChecked(insertPayment()) == nil)
    for store in [insertPayment(cadre: 999), insertPayment(month: "2023-1")] {
      #expect(throws: LaoganError.self) { try database.write(testContext, store) }
    }
    #expect(try counts()[0] == 1)
  }

  @Test("a table's CHECK expressions are read from its CREATE statement, quoted text and names left alone")
  func checkExpressions() {
    let sql = """
      CREATE TABLE "t" (
        a TEXT CHECK (a IN ('x(', 'it''s CHECK (y)')),
        "check" INTEGER, checked INTEGER,
        b TEXT check(b GLOB '[0-9]'),
        CHECK ((a IS NULL) <> (b IS NULL))
      )
      """
    #expect(
      TableConstraints.checkExpressions(in: sql) == [
        "a IN ('x(', 'it''s CHECK (y)')", "b GLOB '[0-9]'", "(a IS NULL) <> (b IS NULL)",
      ])
  }

  /// The named constraint broken by the first of a scratch table's rows, or nil.
  static func firstBroken(_ schema: String, rows: String) throws -> String? {
    // SQLite's own check off, as in a command checked at commit.
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    return try DatabaseQueue(configuration: configuration).write { db in
      try db.execute(sql: schema + rows)
      let sql = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'node'"))
      do {
        try TableConstraints(table: "node", sql: sql, db).refuseBroken(rows: "rowid > 0", [], db)
        return nil
      } catch let error as DatabaseError {
        return error.message
      }
    }
  }

  @Test("a key to the table itself is checked against its other rows, and a composite key as one")
  func keysAsSQLiteChecksThem() throws {
    let tree = "CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node(id));"
    #expect(try Self.firstBroken(tree, rows: "INSERT INTO node VALUES (1, NULL), (2, 1);") == nil)
    #expect(
      try Self.firstBroken(tree, rows: "INSERT INTO node VALUES (1, NULL), (2, 1), (3, 9);")
        == "FOREIGN KEY constraint failed: parent_id REFERENCES node(id)（node 表编号 3 的记录）")
    let pairs = """
      CREATE TABLE place (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
      CREATE TABLE node (id INTEGER PRIMARY KEY, x INTEGER, y INTEGER, FOREIGN KEY (x, y) REFERENCES place(a, b));
      INSERT INTO place VALUES (1, 1), (2, 2);
      """
    #expect(try Self.firstBroken(pairs, rows: "INSERT INTO node VALUES (1, 1, 1), (2, 2, 2);") == nil)
    // x matches one place and y another: no place is (1, 2).
    #expect(
      try Self.firstBroken(pairs, rows: "INSERT INTO node VALUES (1, 1, 2);")
        == "FOREIGN KEY constraint failed: x, y REFERENCES place(a, b)（node 表编号 1 的记录）")
  }

  @Test("check names a row another tool wrote pointing at nothing, as SQLite's own foreign key check finds it")
  func foreignKeyCheck() throws {
    #expect(try database.check(full: false).filter { $0.kind == .foreignKeyBroken }.isEmpty)
    try database.queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(sql: "INSERT INTO payment (cadre_id, item, month, amount_fen) VALUES (999, '特需费', '2023-01', 100)")
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    try database.queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(sql: "INSERT INTO participant (event_table, event_id, cadre_id) VALUES ('activity', 1, 999)")
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    let broken = try database.check(full: false).filter { $0.kind == .foreignKeyBroken }
    // A table without rowids is named by itself.
    #expect(broken.map(\.record) == ["participant", "payment 1"], "\(broken)")
    #expect(broken.map(\.detail) == ["参与记录中的一条指向不存在的干部", "生活待遇发放中的一条指向不存在的干部"], "\(broken)")
  }
}
