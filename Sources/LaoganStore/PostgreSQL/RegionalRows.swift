import LaoganModel

/// Which rows of each table of a shared database are some regions' own, read from its schema: a row with a
/// region of its own is its region's (an activity in 兴义 whatever branch organized it), and any other row is
/// when every row it points to is — a payment with its cadre, a meeting with its branch, a membership with
/// its cadre and its branch. One rule for the row-level security that holds a role to its grant
/// (`installPolicies`) and for the copy of some regions out to a file (`copyOut`).
struct RegionalRows {
  /// Tables the rule leaves alone: the log of commands (an entry is read where its record is), the regions
  /// and migrations, the grants.
  static let openTables: Set<String> = [
    LaoganDatabase.accessTable, "region", "grdb_migrations", "command_run", "audit_entry", "imported_file",
  ]

  /// Tables of one region without a region column: the hardship fund's entries are 州直's to make.
  private static let regionOfTable = ["fund_entry": Region.prefecture.code]

  /// The shared database's tables, by name.
  let tables: [String]
  private let regional: Set<String>
  /// Each table's foreign keys: the column, and the table it points into.
  private let references: [String: [(column: String, parent: String)]]

  init(_ session: any SQLSession) throws {
    tables = try session.values(String.self, sql: SharedCopy.tablesSQL)
    regional = Set(
      try session.values(
        String.self,
        sql: """
          SELECT table_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = 'region_code'
          """))
    let keys = try session.rows(
      sql: """
        SELECT CAST(c.conrelid AS regclass)::text, a.attname, CAST(c.confrelid AS regclass)::text
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)
        ORDER BY 1, 2
        """)
    references = Dictionary(grouping: keys) { $0[0] as String }.mapValues { $0.map { ($0[1], $0[2]) } }
  }

  /// The condition on `table`'s rows that makes them the regions' — `regions` an SQL list of region codes,
  /// `seen` how a query spells the rows of another table that are — or nil for a table of no region and no
  /// record of one (the benefit rules, the university's terms, notices): the bureau's, every office's.
  func condition(of table: String, regions: String, seen: (String) -> String) -> String? {
    var conditions: [String] = []
    if regional.contains(table) { conditions.append("region_code IN \(regions)") }
    if let code = Self.regionOfTable[table] { conditions.append("'\(code)' IN \(regions)") }
    for (column, parent) in pointers(of: table) where !isRegional(table) {
      conditions.append("(\(column) IS NULL OR \(column) IN (\(seen(parent))))")
    }
    return conditions.isEmpty ? nil : conditions.joined(separator: " AND ")
  }

  /// Whether `table`'s rows have a region of their own, whatever rows they point to.
  func isRegional(_ table: String) -> Bool {
    regional.contains(table)
  }

  /// The columns of `table` that point to another table's records: its foreign keys into tables the rule holds.
  func pointers(of table: String) -> [(column: String, parent: String)] {
    (references[table] ?? []).filter { !Self.openTables.contains($0.parent) && $0.parent != table }
  }

  /// The condition with every table it points into spelled out in turn: for a reader the policies do not
  /// hold (the database's owner) to read what a role granted `regions` would.
  func spelledCondition(of table: String, regions: String) -> String? {
    condition(of: table, regions: regions) { parent in
      "SELECT id FROM \(parent)" + (spelledCondition(of: parent, regions: regions).map { " WHERE \($0)" } ?? "")
    }
  }
}
