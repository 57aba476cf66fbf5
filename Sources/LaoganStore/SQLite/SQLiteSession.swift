import Foundation
import GRDB

/// The door on SQLite: a GRDB connection inside one read or write. A query read whole goes through GRDB's
/// statement cache, so a look-up run a row of a long file is prepared once; a cursor has a statement of its
/// own.
final class SQLiteSession: SQLSession {
  let database: Database
  /// Each statement's column names, made once: a look-up a row of a long file finds its columns by name.
  /// Known by the statement's identity, held weakly: a statement gone (a cursor's) never lends its entry to
  /// another made where it was, and none is kept from being finalized.
  private var columnsByStatement: [ObjectIdentifier: (statement: Weak<Statement>, columns: SQLColumns)] = [:]

  init(_ database: Database) {
    self.database = database
  }

  /// Runs `body` on `database`, with every statement built inside spelled for SQLite: a county's file read
  /// (`--merge`) while `LAOGAN_DB` names a shared database is still a file.
  static func reading<T>(_ database: Database, _ body: (any SQLSession) throws -> T) throws -> T {
    try SQLDialect.$bound.withValue(.sqlite) { try body(SQLiteSession(database)) }
  }

  /// A statement with arguments is one statement, prepared once (an import's keys, a row at a time); SQL
  /// without any may hold several.
  func execute(sql: String, arguments: SQLArguments) throws {
    if arguments.positional.isEmpty && arguments.named.isEmpty {
      try database.execute(sql: sql)
    } else {
      try database.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
    }
  }

  func changedRows(by sql: String, arguments: SQLArguments) throws -> Int {
    try execute(sql: sql, arguments: arguments)
    return database.changesCount
  }

  /// A statement of its own, finalized when the cursor goes: a cursor's caller may run other queries, this
  /// one among them, before it has read the last row.
  func cursor(sql: String, arguments: SQLArguments) throws -> any SQLCursor {
    try Cursor(database.makeStatement(sql: sql), arguments, columns: columns(of:))
  }

  // The reads below run a cached statement to its end before they return, so none is ever in use twice.

  func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
    let rows = try Cursor(database.cachedStatement(sql: sql), arguments, columns: columns(of:))
    var all: [SQLRow] = []
    while let row = try rows.next() { all.append(row) }
    return all
  }

  func row(sql: String, arguments: SQLArguments) throws -> SQLRow? {
    try Cursor(database.cachedStatement(sql: sql), arguments, columns: columns(of:)).next()
  }

  func records<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> [Record] {
    try Decoded<Record>.fetchAll(database.cachedStatement(sql: sql), arguments: arguments.statementArguments)
      .map(\.record)
  }

  func record<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> Record? {
    try Decoded<Record>.fetchOne(database.cachedStatement(sql: sql), arguments: arguments.statementArguments)?.record
  }

  func recordRows<Record: Decodable>(
    _ type: Record.Type, sql: String, arguments: SQLArguments
  ) throws -> [(row: SQLRow, record: Record)] {
    let statement = try database.cachedStatement(sql: sql)
    let columns = columns(of: statement)
    let rows = try Row.fetchCursor(statement, arguments: arguments.statementArguments)
    var found: [(row: SQLRow, record: Record)] = []
    while let row = try rows.next() {
      found.append((SQLRow(columns: columns, values: statement.sqlValues), try Decoded<Record>(row: row).record))
    }
    return found
  }

  private func columns(of statement: Statement) -> SQLColumns {
    let key = ObjectIdentifier(statement)
    if let known = columnsByStatement[key], known.statement.object === statement { return known.columns }
    let columns = SQLColumns(statement.columnNames)
    columnsByStatement[key] = (Weak(statement), columns)
    return columns
  }

  /// A statement's rows, each read from SQLite as it stands on it. GRDB's cursor steps the statement, and
  /// resets it when the cursor goes.
  private final class Cursor: SQLCursor {
    private let statement: Statement
    private let rows: RowCursor
    private let columns: SQLColumns

    init(_ statement: Statement, _ arguments: SQLArguments, columns: (Statement) -> SQLColumns) throws {
      self.statement = statement
      rows = try Row.fetchCursor(statement, arguments: arguments.statementArguments)
      self.columns = columns(statement)
    }

    func next() throws -> SQLRow? {
      guard try rows.next() != nil else { return nil }
      return SQLRow(columns: columns, values: statement.sqlValues)
    }
  }
}

/// A reference that does not keep its object.
private struct Weak<Object: AnyObject> {
  weak var object: Object?

  init(_ object: Object) {
    self.object = object
  }
}

/// Any decodable value read from a row as GRDB reads a record: by the columns its coding keys name, each
/// model value by its stored form.
private struct Decoded<Record: Decodable>: FetchableRecord, Decodable {
  let record: Record

  init(from decoder: any Decoder) throws {
    record = try Record(from: decoder)
  }
}

extension SQLValue {
  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let integer): self = .integer(integer)
    case .double(let real): self = .real(real)
    case .string(let text): self = .text(text)
    case .blob(let data): self = .blob(data)
    }
  }

  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let integer): integer.databaseValue
    case .real(let real): real.databaseValue
    case .text(let text): text.databaseValue
    case .blob(let data): data.databaseValue
    }
  }
}

extension Statement {
  /// The values of the row the statement stands on, by position, read straight from SQLite: GRDB's rows
  /// pair each value with its column's name, and a generic read of each is resolved while it runs.
  var sqlValues: [SQLValue] {
    (0..<CInt(columnCount)).map { SQLValue(DatabaseValue(sqliteStatement: sqliteStatement, index: $0)) }
  }
}

extension SQLArguments {
  var statementArguments: StatementArguments {
    var arguments = StatementArguments(positional.map { $0.databaseValue })
    if !named.isEmpty { arguments += StatementArguments(named.mapValues { $0.databaseValue }) }
    return arguments
  }
}
