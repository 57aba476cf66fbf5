import Foundation
import GRDB

/// The door on SQLite: a GRDB connection inside one read or write. A query read whole goes through GRDB's
/// statement cache, so a look-up run a row of a long file is prepared once; a cursor has a statement of its
/// own.
final class SQLiteSession: SQLSession {
  let database: Database

  init(_ database: Database) {
    self.database = database
  }

  /// A statement with arguments is one statement, prepared once (an import's keys, a row at a time); SQL
  /// without any may hold several.
  func execute(sql: String, arguments: SQLArguments) throws -> Int {
    if arguments.positional.isEmpty && arguments.named.isEmpty {
      try database.execute(sql: sql)
    } else {
      try database.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
    }
    return database.changesCount
  }

  /// A statement of its own, finalized when the cursor goes: a cursor's caller may run other queries, this
  /// one among them, before it has read the last row.
  func cursor(sql: String, arguments: SQLArguments) throws -> any SQLCursor {
    let statement = try database.makeStatement(sql: sql)
    return try Cursor(Row.fetchCursor(statement, arguments: arguments.statementArguments), statement.columnNames)
  }

  // The reads below run a cached statement to its end before they return, so none is ever in use twice.

  func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
    let statement = try database.cachedStatement(sql: sql)
    let columns = SQLColumns(statement.columnNames)
    return try Row.fetchAll(statement, arguments: arguments.statementArguments).map {
      SQLRow(columns: columns, values: $0.databaseValues.map(SQLValue.init))
    }
  }

  func row(sql: String, arguments: SQLArguments) throws -> SQLRow? {
    let statement = try database.cachedStatement(sql: sql)
    return try Row.fetchOne(statement, arguments: arguments.statementArguments).map {
      SQLRow(columns: SQLColumns(statement.columnNames), values: $0.databaseValues.map(SQLValue.init))
    }
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
    let columns = SQLColumns(statement.columnNames)
    return try Row.fetchAll(statement, arguments: arguments.statementArguments).map { row in
      (SQLRow(columns: columns, values: row.databaseValues.map(SQLValue.init)), try Decoded<Record>(row: row).record)
    }
  }

  private final class Cursor: SQLCursor {
    private let rows: RowCursor
    private let columns: SQLColumns

    init(_ rows: RowCursor, _ names: [String]) {
      self.rows = rows
      columns = SQLColumns(names)
    }

    func next() throws -> SQLRow? {
      guard let row = try rows.next() else { return nil }
      return SQLRow(columns: columns, values: row.databaseValues.map(SQLValue.init))
    }
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

extension SQLArguments {
  var statementArguments: StatementArguments {
    var arguments = StatementArguments(positional.map(\.databaseValue))
    if !named.isEmpty { arguments += StatementArguments(named.mapValues(\.databaseValue)) }
    return arguments
  }
}

extension Optional where Wrapped == any SQLValueConvertible {
  /// A stored value as GRDB binds it: NULL for nil.
  var databaseValue: DatabaseValue { self?.sqlValue.databaseValue ?? .null }
}
