/// The door between the core and the engine that stores its rows: one connection, inside one read or one
/// command's write. The core speaks SQL through it and reads `SQLRow`s and records back, never an engine's
/// own types, so a second engine stands behind the same door. A statement the core runs again and again (a
/// look-up a row of a long file) is prepared once by the engine, by its text.
public protocol SQLSession: AnyObject {
  /// Runs statements that return no rows.
  func execute(sql: String, arguments: SQLArguments) throws
  /// Runs one statement that adds, changes or deletes rows, and says how many it did.
  func changedRows(by sql: String, arguments: SQLArguments) throws -> Int
  /// The rows of a query, one at a time: a long result is never held whole.
  func cursor(sql: String, arguments: SQLArguments) throws -> any SQLCursor
  /// Every row of a query.
  func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow]
  /// The first row of a query, if any.
  func row(sql: String, arguments: SQLArguments) throws -> SQLRow?
  /// The records a query selects, read from the columns their `CodingKeys` name.
  func records<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> [Record]
  /// The first record a query selects, if any.
  func record<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> Record?
  /// The records a query selects, each with its row: for the columns it selects beside the record's.
  func recordRows<Record: Decodable>(
    _ type: Record.Type, sql: String, arguments: SQLArguments
  ) throws -> [(row: SQLRow, record: Record)]
}

/// The rows of a query still to read.
public protocol SQLCursor: AnyObject {
  func next() throws -> SQLRow?
}

extension SQLSession {
  public func execute(sql: String) throws {
    try execute(sql: sql, arguments: [])
  }

  public func rows(sql: String) throws -> [SQLRow] {
    try rows(sql: sql, arguments: [])
  }

  public func row(sql: String) throws -> SQLRow? {
    try row(sql: sql, arguments: [])
  }

  /// The first column of the first row; nil when there is no row or its value is NULL.
  public func value<Value: SQLValueConvertible>(
    _ type: Value.Type, sql: String, arguments: SQLArguments = []
  ) throws -> Value? {
    try row(sql: sql, arguments: arguments).flatMap { $0[0] }
  }

  /// The first column of every row.
  public func values<Value: SQLValueConvertible>(
    _ type: Value.Type, sql: String, arguments: SQLArguments = []
  ) throws -> [Value] {
    try rows(sql: sql, arguments: arguments).map { $0[0] }
  }

  public func records<Record: Decodable>(_ type: Record.Type, sql: String) throws -> [Record] {
    try records(type, sql: sql, arguments: [])
  }

  public func record<Record: Decodable>(_ type: Record.Type, sql: String) throws -> Record? {
    try record(type, sql: sql, arguments: [])
  }
}

extension SQLSession {
  public func cursor(sql: String) throws -> any SQLCursor {
    try cursor(sql: sql, arguments: [])
  }

  /// The record stored under `id`, whether in force or voided.
  public func record<Record: AuditedRecord & Decodable>(_ type: Record.Type, id: Int64?) throws -> Record? {
    guard let id else { return nil }
    return try record(
      type, sql: "SELECT \(Record.selection) FROM \(Record.databaseTableName) WHERE id = ?", arguments: [id])
  }
}
