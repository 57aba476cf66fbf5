import LaoganStore
import Synchronization

/// The keys a saver has met so far and the line of each, to name the first line when one comes again.
///
/// A 身份证号 — a roster's key — is kept in memory as one number (`CadreRef.Number`), 16 bytes with its line:
/// the scale-10 roster's 265,000 take about 8 MB, where filling a TEMP table with them was a tenth of the
/// writer's time. Any other key (a family member's `cadre|关系|姓名`, a name) goes to a TEMP table, which SQLite
/// pages out like any table: kept in memory, the demo's family members alone took 60 MB at scale 10.
struct ImportedKeys {
  /// Numbers the savers of a process, whose keys share the one TEMP table.
  private static let savers = Atomic<Int>(0)

  private let db: any SQLSession
  private let saver: Int
  private var numbers: [Lookup.CadreRef.Number: Int] = [:]

  init(_ db: any SQLSession) throws {
    self.db = db
    saver = Self.savers.add(1, ordering: .relaxed).newValue
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS import_key (
          saver INTEGER NOT NULL, key TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (saver, key))
        """)
  }

  func line(of key: String) throws -> Int? {
    if let number = Lookup.CadreRef.Number(key) { return numbers[number] }
    return try db.value(
      Int.self, sql: "SELECT line FROM import_key WHERE saver = ? AND key = ?", arguments: [saver, key])
  }

  /// Keeps the first line a key was met on.
  mutating func insert(_ key: String, line: Int) throws {
    if let number = Lookup.CadreRef.Number(key) {
      numbers[number] = numbers[number] ?? line
      return
    }
    try db.execute(
      sql: SQLDialect.insertUnlessThere(into: "import_key", ["saver", "key", "line"]), arguments: [saver, key, line])
  }
}
