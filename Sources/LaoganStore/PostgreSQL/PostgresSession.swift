import Foundation
import LaoganModel
import PostgresNIO

/// The door on PostgreSQL: one connection inside one transaction. Every value comes back as SQLite would
/// have given it, so the core reads the same `SQLRow`s from both engines: a `date` as `YYYY-MM-DD` text, a
/// `boolean` as 0 or 1, a whole `numeric` (what `SUM` of a `bigint` gives) as an integer.
final class PostgresSession: SQLSession {
  let link: PostgresLink
  /// Cursors opened so far, for a new cursor's name.
  private var cursorsOpened = 0

  /// How many rows a cursor fetches at a time: a long result is never held whole, and a round trip to the
  /// server brings enough rows to be worth it.
  private static let rowsAFetch = 2_000

  /// Ids taken from tables' identity sequences for rows stored together (`CopyBatch`) and not used yet, a
  /// table's in ascending order. The table's next rows take them first, those inserted one by one too: a batch
  /// stored before it is full leaves no gap.
  private var unusedIDs: [String: ArraySlice<Int64>] = [:]
  /// Whether the role's row-level security guards each table a batch went to, asked once a command.
  private var guardedTables: [String: Bool] = [:]

  init(_ link: PostgresLink) {
    self.link = link
  }

  /// Up to `count` ids for new rows of `table`: those unused, if any — a batch stored early leaves the next
  /// its ids, without a round trip — else `count` new ones from its sequence.
  func takeIDs(_ count: Int, for table: String) throws -> [Int64] {
    if let unused = unusedIDs.removeValue(forKey: table), !unused.isEmpty {
      unusedIDs[table] = unused.dropFirst(count)
      return Array(unused.prefix(count))
    }
    return try values(
      Int64.self, sql: "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
      arguments: [table, count]
    ).sorted()
  }

  /// Whether the role's row-level security guards `table`, so rows go through a temporary table to it.
  func isGuarded(_ table: String) throws -> Bool {
    if let known = guardedTables[table] { return known }
    let guarded = try value(Bool.self, sql: "SELECT row_security_active(?)", arguments: [table]) ?? true
    guardedTables[table] = guarded
    return guarded
  }

  /// One unused id of `table`, for a row inserted by itself, if there is one.
  func takeUnusedID(for table: String) -> Int64? {
    unusedIDs[table]?.popFirst()
  }

  /// Ids taken for `table` and not used, for its next rows.
  func putBack(_ ids: ArraySlice<Int64>, for table: String) {
    guard !ids.isEmpty else { return }
    unusedIDs[table] = ids + (unusedIDs[table] ?? [])
  }

  func execute(sql: String, arguments: SQLArguments) throws {
    if arguments.positional.isEmpty && arguments.named.isEmpty {
      try link.run(sql)
    } else {
      _ = try query(sql, arguments)
    }
  }

  func changedRows(by sql: String, arguments: SQLArguments) throws -> Int {
    try query(sql, arguments).metadata.rows ?? 0
  }

  /// A server-side cursor in the read's transaction, fetched a batch at a time.
  func cursor(sql: String, arguments: SQLArguments) throws -> any SQLCursor {
    cursorsOpened += 1
    let name = "laogan_cursor_\(cursorsOpened)"
    _ = try query("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", arguments)
    return Cursor(session: self, name: name)
  }

  func rows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
    Self.rows(of: try query(sql, arguments))
  }

  func row(sql: String, arguments: SQLArguments) throws -> SQLRow? {
    try rows(sql: sql, arguments: arguments).first
  }

  func records<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> [Record] {
    try rows(sql: sql, arguments: arguments).map { try Record(from: SQLRowDecoder($0)) }
  }

  func record<Record: Decodable>(_ type: Record.Type, sql: String, arguments: SQLArguments) throws -> Record? {
    try row(sql: sql, arguments: arguments).map { try Record(from: SQLRowDecoder($0)) }
  }

  func recordRows<Record: Decodable>(
    _ type: Record.Type, sql: String, arguments: SQLArguments
  ) throws -> [(row: SQLRow, record: Record)] {
    try rows(sql: sql, arguments: arguments).map { ($0, try Record(from: SQLRowDecoder($0))) }
  }

  private func query(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
    let statement = try PostgresStatement(sql, arguments)
    return try link.query(statement.sql, statement.bindings)
  }

  /// A result's rows with their column names, made once for all of them.
  static func rows(of result: PostgresQueryResult) -> [SQLRow] {
    guard let first = result.rows.first else { return [] }
    let columns = SQLColumns(first.map(\.columnName))
    return result.rows.map { row in SQLRow(columns: columns, values: row.map(SQLValue.init(cell:))) }
  }

  private final class Cursor: SQLCursor {
    let session: PostgresSession
    let name: String
    private var waiting: [SQLRow] = []
    private var position = 0
    private var finished = false

    init(session: PostgresSession, name: String) {
      self.session = session
      self.name = name
    }

    func next() throws -> SQLRow? {
      if position == waiting.count {
        guard !finished else { return nil }
        waiting = PostgresSession.rows(
          of: try session.link.query("FETCH FORWARD \(PostgresSession.rowsAFetch) FROM \(name)"))
        position = 0
        if waiting.count < PostgresSession.rowsAFetch {
          finished = true
          try session.link.run("CLOSE \(name)")
        }
        guard !waiting.isEmpty else { return nil }
      }
      defer { position += 1 }
      return waiting[position]
    }
  }
}

extension SQLValue {
  /// A cell as SQLite would hold the same value.
  init(cell: PostgresCell) {
    guard var bytes = cell.bytes else {
      self = .null
      return
    }
    switch cell.dataType {
    case .int2, .int4, .int8, .oid:
      self = (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
    case .bool:
      self = .integer((try? cell.decode(Bool.self)) == true ? 1 : 0)
    case .float4, .float8:
      self = (try? cell.decode(Double.self)).map(SQLValue.real) ?? .null
    case .numeric:
      self = Self(numeric: (try? cell.decode(Decimal.self)) ?? 0)
    case .date:
      // Binary: whole days from 2000-01-01, which is day 10,957 from 1970-01-01.
      let days = bytes.readInteger(as: Int32.self).map { Int($0) + 10_957 }
      self = days.flatMap(CalendarDate.init(dayNumber:)).map { .text($0.description) } ?? .null
    case .bytea:
      self = .blob(Data(bytes.readableBytesView))
    default:
      self = .text(String(buffer: bytes))
    }
  }

  /// A whole number as an integer, as SQLite's `SUM` of integers is; a fraction as a real.
  init(numeric: Decimal) {
    if numeric == numeric.rounded(), let whole = Int64(exactly: NSDecimalNumber(decimal: numeric).int64Value),
      Decimal(whole) == numeric
    {
      self = .integer(whole)
    } else {
      self = .real(NSDecimalNumber(decimal: numeric).doubleValue)
    }
  }
}

extension Decimal {
  fileprivate func rounded() -> Decimal {
    var value = self
    var result = Decimal()
    NSDecimalRound(&result, &value, 0, .plain)
    return result
  }
}
