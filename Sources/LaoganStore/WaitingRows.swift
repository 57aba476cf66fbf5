import GRDB

/// New rows of one table that wait to be stored together on SQLite by one multi-row `INSERT`: a file of a
/// million payments is stored sixty-four rows a statement, not row by row, where SQLite opens the table, its
/// indexes and its AUTOINCREMENT counter again for every statement.
///
/// Their ids are the table's next ids, which SQLite would have given them: the command holds the file's one
/// write lock, so no one else takes them.
package final class WaitingRows: RowBatch {
  /// The rows a statement stores, unless the command says otherwise (`AuditedWriter.rowsPerStatement`).
  package static var most: Int { 64 }

  let table: String
  /// The rows this batch stores by one statement.
  let capacity: Int
  let columns: [String]
  let firstID: Int64
  /// Where the id is among a row's values.
  private let idColumn: Int
  private let db: Database
  private var values: [SQLValue] = []
  private(set) var count = 0

  /// An empty batch for `table`, whose first row will take the id SQLite would give it next: past the
  /// largest id the table ever had (AUTOINCREMENT's `sqlite_sequence`) and the largest it has — or past the
  /// rows of `previous`, its batch still waiting, which will have been stored first.
  init(table: String, columns: [String], capacity: Int, after previous: (any RowBatch)?, _ db: Database) throws {
    precondition(capacity > 0, "\(table): a batch of \(capacity) rows")
    self.table = table
    self.capacity = capacity
    self.columns = columns
    guard let idColumn = columns.firstIndex(of: "id") else { preconditionFailure("\(table): no id among \(columns)") }
    self.idColumn = idColumn
    self.db = db
    if let previous {
      firstID = previous.nextID
      return
    }
    firstID =
      try Int64.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),
                       COALESCE((SELECT MAX(id) FROM \(table)), 0)) + 1
            """), arguments: [table]) ?? 1
  }

  var isFull: Bool { count == capacity }

  /// The id the next row takes.
  var nextID: Int64 { firstID + Int64(count) }

  func append(_ row: [SQLValue]) {
    precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
    values += row
    values[values.count - row.count + idColumn] = .integer(nextID)
    count += 1
  }

  /// Stores the rows, one statement for all of them. `OR FAIL`: a refused row fails the command, whose
  /// transaction is rolled back whole, so no statement need be undone alone — with its foreign keys and CHECK
  /// constraints left to `CommitCheck`, SQLite then keeps no statement journal; the check names the row.
  func store(naming row: @escaping (Int64) -> String) throws {
    guard count > 0 else { return }
    let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    let statement = try db.cachedStatement(
      sql: "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        + Array(repeating: placeholders, count: count).joined(separator: ", "))
    // No arguments, unchecked: GRDB resets the statement and clears every placeholder, and `execute` then
    // only resets it again, which keeps what is bound (GRDB 7's `setUncheckedArguments` and
    // `prepareExecution`; `ImportPathsTests` stores the same rows a statement at a time and 64 at a time). The
    // values are bound one by one by GRDB's own binding: `append` holds every row to the columns, so they fill
    // the placeholders exactly. `StatementArguments` would copy each value again through a generic path not
    // specialised for them — a twentieth of a payments import.
    statement.setUncheckedArguments([])
    for (index, value) in values.enumerated() {
      try bind(value, at: CInt(index + 1), statement) {
        "\(row(firstID + Int64(index / columns.count)))的 \(columns[index % columns.count])"
      }
    }
    try statement.execute()
  }

  /// Binds a value to a placeholder, as GRDB binds its own value (the one mapping from ours, `databaseValue`);
  /// SQLite refuses only a text or a blob too long for it, or the memory to copy one.
  private func bind(_ value: SQLValue, at index: CInt, _ statement: Statement, naming place: () -> String) throws {
    let result = ResultCode(rawValue: value.databaseValue.bind(to: statement.sqliteStatement, at: index))
    guard result == .SQLITE_OK else {
      throw DatabaseError(resultCode: result, message: "\(place()) 未能写入（\(result)）", sql: statement.sql)
    }
  }
}
