import GRDB
import PostgresNIO

/// Rows of a SQLite file written into a shared database, table by table, many rows a statement.
enum SharedCopy {
  /// Every row of every laogan table of `sqlite` into the same table of `link`, parents before children and
  /// each key checked at the end (a command run names the later run that undid it). With `replacing`, the
  /// rows `init` put there (the regions, the migrations) give way to the file's. Each table's next id then
  /// passes every id SQLite ever handed out for it, deleted ones too (`sqlite_sequence`).
  static func rows(from sqlite: Database, to link: PostgresLink, replacing: Bool = false) throws {
    try link.run("SET CONSTRAINTS ALL DEFERRED")
    let tables = try PostgresSession.rows(
      of: link.query(
        """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        """)
    ).map { $0[0] as String }
    for table in try SQLiteTables.inDependencyOrder(sqlite).filter(tables.contains) {
      if replacing { try link.run("DELETE FROM \"\(table)\"") }
      try copy(table, from: sqlite, to: link)
    }
    for table in tables { try passUsedIDs(table, sqlite: sqlite, link: link) }
  }

  /// Rows a `COPY` carries: a table's rows go in batches of this many, so memory stays flat in its size.
  private static let rowsACopy = 50_000

  private static func copy(_ table: String, from sqlite: Database, to link: PostgresLink) throws {
    let columns = try PostgresSession.rows(
      of: link.query(
        """
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
        ORDER BY ordinal_position
        """, bindings(.text(table)))
    ).map { $0[0] as String }
    let quoted = columns.map { "\"\($0)\"" }
    let rows = try SQLiteSession(sqlite).cursor(
      sql: "SELECT \(quoted.joined(separator: ", ")) FROM \"\(table)\"", arguments: [])
    var batch = ByteBuffer()
    var waiting = 0
    while let row = try rows.next() {
      CopyText.append(row.values, to: &batch)
      waiting += 1
      if waiting == rowsACopy {
        try link.copy(into: table, columns: columns, rows: batch)
        batch.clear()
        waiting = 0
      }
    }
    if waiting > 0 { try link.copy(into: table, columns: columns, rows: batch) }
  }

  /// An identity's next number past the table's highest id and past SQLite's record of the highest it gave.
  private static func passUsedIDs(_ table: String, sqlite: Database, link: PostgresLink) throws {
    let sequence = PostgresSession.rows(
      of: try link.query(
        """
        SELECT pg_get_serial_sequence($1, 'id') FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $2 AND column_name = 'id' AND is_identity = 'YES'
        """, bindings(.text("\"\(table)\""), .text(table))))
    guard let name = sequence.first.flatMap({ $0[0] as String? }) else { return }
    let given =
      try Int64.fetchOne(sqlite, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
    let highest = PostgresSession.rows(of: try link.query("SELECT COALESCE(MAX(id), 0) FROM \"\(table)\""))
    let next = max(given, highest.first.map { $0[0] as Int64 } ?? 0)
    guard next > 0 else { return }
    _ = try link.query("SELECT setval($1, $2)", bindings(.text(name), .integer(next)))
  }

  static func count(of table: String, in link: PostgresLink) throws -> Int64 {
    PostgresSession.rows(of: try link.query("SELECT COUNT(*) FROM \"\(table)\"")).first.map { $0[0] } ?? 0
  }

  private static func bindings(_ values: SQLValue...) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values { bindings.bind(value) }
    return bindings
  }
}

/// The tables of a SQLite file, each after the tables its foreign keys point at.
enum SQLiteTables {
  static func inDependencyOrder(_ db: Database) throws -> [String] {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    var parents: [String: Set<String>] = [:]
    for table in tables {
      parents[table] = Set(
        try String.fetchAll(db, sql: "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", arguments: [table])
      ).subtracting([table])
    }
    var ordered: [String] = []
    var placed: Set<String> = []
    while ordered.count < tables.count {
      let ready = tables.filter { !placed.contains($0) && (parents[$0] ?? []).isSubset(of: placed) }
      guard !ready.isEmpty else { return ordered + tables.filter { !placed.contains($0) } }
      ordered += ready
      placed.formUnion(ready)
    }
    return ordered
  }
}
