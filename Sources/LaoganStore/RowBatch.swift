/// New rows of one table that wait to be stored together, each engine its own way (`WaitingRows` on
/// SQLite, `CopyBatch` on PostgreSQL). The rows carry their ids from the start, so a waiting record is as
/// complete as a stored one; `AuditedWriter` stores them before anything reads the database, so nothing
/// ever reads past them.
protocol RowBatch: AnyObject {
  var table: String { get }
  var isFull: Bool { get }
  /// The id the next row takes.
  var nextID: Int64 { get }
  /// Adds a row, by its stored values: its id is `nextID`, whatever its values say (none, worked out ahead).
  func append(_ row: [SQLValue])
  /// Stores the rows, or sends them to be stored before the next statement. A row the engine refuses is
  /// named by `row` (its id): the line of the file it came from, where there is one.
  func store(naming row: @escaping (Int64) -> String) throws
}
