import NIOCore

/// New rows of one table that wait to be stored together on PostgreSQL: a file of a million payments goes to
/// the server thousands of rows a round trip, where a row by itself was a round trip each. They go by `COPY`,
/// the server's bulk load; for a role that row-level security holds to its regions (`laogan access`), which
/// PostgreSQL refuses `COPY` into a guarded table, into a temporary table of the same columns and CHECKs,
/// then to the table by one `INSERT … SELECT`, whose rows the role's policies check.
///
/// Their ids are taken from the table's identity sequence when the batch begins, as each row's default would
/// take it; those a batch stored before it is full leaves go to the table's next rows
/// (`PostgresSession.takeIDs`). Another clerk's rows may take ids between them; the writer logs its rows as
/// the runs of consecutive ids they make (`InsertRuns`). Ids a command takes and leaves unused are gaps (ids
/// are never reused), so a command's first rows of a table go in one by one, and a batch holds a quarter of
/// the rows the command inserted before it: a command leaves at most a quarter of its rows' count unused, and
/// none when it adds fewer than `firstAfter` rows of a table — a clerk's edit, a monthly run of a county.
final class CopyBatch: RowBatch {
  static let firstAfter = 256
  static let most = 8_192

  /// How many rows a new batch holds after the command inserted `inserted` rows of its table; nil while
  /// they are too few for a batch, and the row goes in by itself.
  static func capacity(after inserted: Int) -> Int? {
    inserted < firstAfter ? nil : min(most, inserted / 4)
  }

  let table: String
  private let columns: [String]
  private let ids: [Int64]
  /// Where the id is among a row's values.
  private let idColumn: Int
  private let session: PostgresSession
  private var link: PostgresLink { session.link }
  /// Whether the role's row-level security guards the table.
  private let guarded: Bool
  private var rows = ByteBuffer()
  private var count = 0

  /// An empty batch for `capacity` rows of `table`.
  init(table: String, columns: [String], capacity: Int, _ session: PostgresSession) throws {
    guard let idColumn = columns.firstIndex(of: "id") else { preconditionFailure("\(table): no id among \(columns)") }
    self.table = table
    self.columns = columns
    self.idColumn = idColumn
    self.session = session
    ids = try session.takeIDs(capacity, for: table)
    guarded = try session.isGuarded(table)
  }

  /// Full when its ids are used: fewer than asked for when it took those a batch stored early left.
  var isFull: Bool { count == ids.count }

  var nextID: Int64 { ids[count] }

  func append(_ row: [SQLValue]) {
    precondition(row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
    var values = row
    values[idColumn] = .integer(nextID)
    CopyText.append(values, to: &rows)
    count += 1
  }

  /// Stores the rows: sent by `COPY` to the table itself, the server stores them while the command goes on
  /// (`PostgresLink.copyAhead`); by the temporary table, before it goes on. A CHECK they break is found by
  /// `COPY`, which names the row; a foreign key or a key already there, perhaps only by the statement.
  func store(naming row: @escaping (Int64) -> String) throws {
    session.putBack(ids[count...], for: table)
    guard count > 0 else { return }
    let ids = ids
    let count = count
    let refused = { (refusal: PostgresRefusal) -> any Error in
      guard let copied = refusal.copiedRow, copied >= 1, copied <= count else { return refusal }
      return refusal.naming(row(ids[copied - 1]))
    }
    guard guarded else { return try link.copyAhead(into: table, columns: columns, rows: rows, refused: refused) }
    let staging = "laogan_waiting_\(table)"
    let listed = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    try link.run(
      "CREATE TEMPORARY TABLE IF NOT EXISTS \(staging) (LIKE \"\(table)\" INCLUDING CONSTRAINTS) ON COMMIT DROP")
    try link.copyAhead(into: staging, columns: columns, rows: rows, refused: refused)
    try link.run("INSERT INTO \"\(table)\" (\(listed)) SELECT \(listed) FROM \(staging) ORDER BY id")
    try link.run("TRUNCATE \(staging)")
  }
}
