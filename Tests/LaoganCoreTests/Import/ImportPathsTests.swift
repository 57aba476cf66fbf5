import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganStore

/// An import's fast paths — constraints checked at commit, look-ups worked out ahead on the reading thread, new
/// rows stored sixty-four a statement with the ids SQLite would give them — are each an optimisation with no
/// right to change a byte. Every fixture, imported along each path turned off in turn and along none, must
/// leave the same file: every table's rows, the audit log, the ids and the AUTOINCREMENT counters.
@Suite("Every path of an import stores the same rows")
struct ImportPathsTests {
  let folder: TemporaryFolder
  /// One clock for every run, so that the audit log's times agree.
  static let context = AuditContext(
    operatorName: "测试", command: "import", now: { Date(timeIntervalSince1970: 1_700_000_000) })

  init() throws {
    folder = try TemporaryFolder()
  }

  /// The fixtures in the order their references resolve (`RecordKinds.all`).
  static let kinds = RecordKinds.all.filter {
    FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0.name).csv").path)
  }

  /// Every fixture imported along `paths` into a new database; each table's rows as text, sorted.
  func stored(_ paths: ImportPaths, _ name: String) throws -> [String: [String]] {
    let database = try folder.database("\(name).db")
    var options = ImportOptions()
    options.paths = paths
    for kind in Self.kinds {
      _ = try database.importRecords(
        kind, from: fixtures.appendingPathComponent("\(kind.name).csv"), options: options, Self.context)
    }
    // The search index is SQLite's to lay out (its segments follow how its rows came, a statement of many or
    // one each), so it is held to what it finds: it agrees with the rows (FTS5's own integrity check), and
    // each key the cadres have finds the same cadres.
    try database.write(Self.context) { writer in
      try writer.db.execute(sql: "INSERT INTO cadre_search (cadre_search) VALUES ('integrity-check')")
    }
    return try database.readSQLite { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
      var stored = try Dictionary(
        uniqueKeysWithValues: tables.filter { !$0.hasPrefix("cadre_search_") }.map { table in
          (table, try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted())
        })
      let keys = Set(try String.fetchAll(db, sql: "SELECT search_keys FROM cadre").flatMap { $0.split(separator: " ") })
      stored["cadre_search"] = try keys.sorted().map { key in
        let found = try Int64.fetchAll(
          db, sql: "SELECT rowid FROM cadre_search WHERE cadre_search MATCH ? ORDER BY rowid",
          arguments: ["\"\(key)\""])
        return "\(key): \(found)"
      }
      return stored
    }
  }

  @Test("each fast path turned off, and all of them, stores what the fast import stores, row for row")
  func samePaths() throws {
    #expect(Self.kinds.count == 12)
    let fast = try stored(ImportPaths(), "fast")
    #expect((fast["payment"]?.count ?? 0) > 0 && (fast["audit_entry"]?.count ?? 0) > 0)
    var checkedByStatement = ImportPaths()
    checkedByStatement.checksAtCommit = false
    var noWorkAhead = ImportPaths()
    noWorkAhead.worksAhead = false
    var oneRowAStatement = ImportPaths()
    oneRowAStatement.rowsPerStatement = 1
    var noRowWaits = ImportPaths()
    noRowWaits.rowsPerStatement = 0
    var plain = ImportPaths()
    (plain.checksAtCommit, plain.worksAhead, plain.rowsPerStatement) = (false, false, 0)
    for (name, paths) in [
      ("checked statement by statement", checkedByStatement), ("no work ahead", noWorkAhead),
      ("one row a statement", oneRowAStatement), ("no row waits", noRowWaits), ("plain", plain),
    ] {
      let other = try stored(paths, name)
      #expect(other.keys.sorted() == fast.keys.sorted(), "\(name)")
      for table in fast.keys.sorted() where other[table] != fast[table] {
        let first = zip(fast[table] ?? [], other[table] ?? []).first { $0 != $1 }
        let example = first.map { "\($0.0) | \($0.1)" } ?? "one has more rows"
        Issue.record(
          "\(name): \(table) differs (\(fast[table]?.count ?? 0) rows, \(other[table]?.count ?? 0)); \(example)")
      }
    }
  }
}
