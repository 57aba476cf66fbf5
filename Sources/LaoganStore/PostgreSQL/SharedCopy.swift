import GRDB
import PostgresNIO

/// Rows of a SQLite file written into a shared database, table by table, many rows a statement.
enum SharedCopy {
  /// Every row of every laogan table of `sqlite` into the same table of `link`, parents before children and
  /// each key checked at the end (a command run names the later run that undid it), its ids moved past those
  /// there already (`IDShift`). The tables are locked against other writers first, so no clerk's command
  /// takes an id meant for the file's rows. A table without an id of its own (the regions, the migrations,
  /// the imported files' digests) keeps a row already there. Each table's next id then passes every id the
  /// file ever handed out for it, deleted ones too (`sqlite_sequence`).
  @discardableResult
  static func rows(from sqlite: Database, to link: PostgresLink) throws -> IDShift {
    try link.run("SET CONSTRAINTS ALL DEFERRED")
    let tables = try PostgresSession(link).values(String.self, sql: tablesSQL)
    let sequences = try identitySequences(link)
    if !sequences.isEmpty {
      try link.run(
        "LOCK TABLE \(sequences.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) IN EXCLUSIVE MODE")
    }
    var offsets: [String: Int64] = [:]
    var references: [String: [(column: String, table: String)]] = [:]
    for table in tables {
      if let sequence = sequences[table] { offsets[table] = try highestGiven(table, sequence: sequence, link) }
      references[table] = try Row.fetchAll(
        sqlite, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?) WHERE \"to\" = 'id'",
        arguments: [table]
      ).map { ($0[0], $0[1]) }
    }
    let shift = IDShift(offsets: offsets, references: references)
    for table in try SQLiteTables.inDependencyOrder(sqlite).filter(tables.contains) {
      try copy(table, from: sqlite, to: link, shift: shift, keepingThere: sequences[table] == nil)
    }
    for (table, sequence) in sequences {
      try passUsedIDs(table, sequence: sequence, after: offsets[table] ?? 0, sqlite: sqlite, link: link)
    }
    return shift
  }

  /// The tables of the shared database, by name.
  static let tablesSQL = """
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
    """

  /// Rows a `COPY` carries: a table's rows go in batches of this many, so memory stays flat in its size.
  private static let rowsACopy = 50_000

  /// A table's rows by `COPY`; with `keepingThere`, through a staging table and into the table past any row
  /// whose key is there already.
  private static func copy(
    _ table: String, from sqlite: Database, to link: PostgresLink, shift: IDShift, keepingThere: Bool
  ) throws {
    let columns = try PostgresSession.rows(
      of: link.query(
        """
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
        ORDER BY ordinal_position
        """, bindings(.text(table)))
    ).map { $0[0] as String }
    let quoted = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let target = keepingThere ? "staging_\(table)" : table
    if keepingThere {
      try link.run("CREATE TEMPORARY TABLE \(target) ON COMMIT DROP AS SELECT \(quoted) FROM \"\(table)\" WITH NO DATA")
    }
    let moving = shift.table(table, columns: columns)
    let rows = try SQLiteSession(sqlite).cursor(sql: "SELECT \(quoted) FROM \"\(table)\"", arguments: [])
    var batch = ByteBuffer()
    var waiting = 0
    while let row = try rows.next() {
      CopyText.append(moving.row(row.values), to: &batch)
      waiting += 1
      if waiting == rowsACopy {
        try link.copy(into: target, columns: columns, rows: batch)
        batch.clear()
        waiting = 0
      }
    }
    if waiting > 0 { try link.copy(into: target, columns: columns, rows: batch) }
    if keepingThere {
      try link.run("INSERT INTO \"\(table)\" (\(quoted)) SELECT \(quoted) FROM \(target) ON CONFLICT DO NOTHING")
    }
  }

  /// The tables whose id is an identity column, with the sequence that numbers it.
  static func identitySequences(_ link: PostgresLink) throws -> [String: String] {
    let rows = PostgresSession.rows(
      of: try link.query(
        """
        SELECT table_name, pg_get_serial_sequence(quote_ident(table_name), 'id') FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
        """))
    return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as String) })
  }

  /// The highest id `table` has given: its highest row's, or its sequence's last number, whichever is more.
  static func highestGiven(_ table: String, sequence: String, _ link: PostgresLink) throws -> Int64 {
    let given = PostgresSession.rows(
      of: try link.query(
        """
        SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM "\(table)"),
                        (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM \(sequence)))
        """))
    return given.first.map { $0[0] as Int64 } ?? 0
  }

  /// An identity's next number past the table's highest id and past SQLite's record of the highest it gave,
  /// moved as the file's ids were.
  private static func passUsedIDs(
    _ table: String, sequence: String, after offset: Int64, sqlite: Database, link: PostgresLink
  ) throws {
    let given =
      try Int64.fetchOne(sqlite, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
    let highest = PostgresSession.rows(of: try link.query("SELECT COALESCE(MAX(id), 0) FROM \"\(table)\""))
    let next = max(offset + given, highest.first.map { $0[0] as Int64 } ?? 0)
    guard next > 0 else { return }
    _ = try link.query("SELECT setval($1, $2)", bindings(.text(sequence), .integer(next)))
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
