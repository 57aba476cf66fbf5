import GRDB

/// The keys an import has met so far and the line of each, to name the first line when one comes again.
///
/// Kept in a TEMP table rather than in a dictionary so that memory stays flat however long the file is;
/// SQLite pages it out like any table. Only the keys' hashes stay in memory, 8 bytes a key, so that a key
/// not met before — nearly every one — is known without asking the table: at scale 10 a roster's asking
/// was a tenth of the writer's time.
struct ImportedKeys {
  private let db: Database
  private let insertStatement: Statement
  private let lookupStatement: Statement
  private var hashes = Set<Int>()

  init(_ db: Database) throws {
    self.db = db
    try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT NULL)")
    try db.execute(sql: "DELETE FROM temp.import_key")
    insertStatement = try db.makeStatement(sql: "INSERT INTO temp.import_key (key, line) VALUES (?, ?)")
    lookupStatement = try db.makeStatement(sql: "SELECT line FROM temp.import_key WHERE key = ?")
  }

  func line(of key: String) throws -> Int? {
    guard hashes.contains(key.hashValue) else { return nil }
    return try Int.fetchOne(lookupStatement, arguments: [key])
  }

  mutating func insert(_ key: String, line: Int) throws {
    hashes.insert(key.hashValue)
    try insertStatement.execute(arguments: [key, line])
  }
}
