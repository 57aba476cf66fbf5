import GRDB

/// The keys an import has met so far and the line of each, to name the first line when one comes again.
///
/// Kept in a TEMP table rather than in a dictionary so that memory stays flat however long the file is;
/// SQLite pages it out like any table.
struct ImportedKeys {
  private let db: Database
  private let insertStatement: Statement
  private let lookupStatement: Statement

  init(_ db: Database) throws {
    self.db = db
    try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT NULL)")
    try db.execute(sql: "DELETE FROM temp.import_key")
    insertStatement = try db.makeStatement(sql: "INSERT INTO temp.import_key (key, line) VALUES (?, ?)")
    lookupStatement = try db.makeStatement(sql: "SELECT line FROM temp.import_key WHERE key = ?")
  }

  func line(of key: String) throws -> Int? {
    try Int.fetchOne(lookupStatement, arguments: [key])
  }

  func insert(_ key: String, line: Int) throws {
    try insertStatement.execute(arguments: [key, line])
  }
}
