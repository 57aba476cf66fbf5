import Foundation
import GRDB
import LaoganModel

/// Who runs a command and what they typed: every write is logged under it as one group (SPEC §7).
public struct AuditContext: Sendable {
  public var operatorName: String
  /// The command line as typed, e.g. `import cadres 花名册.csv --update`.
  public var command: String
  public var now: @Sendable () -> Date

  public init(operatorName: String, command: String, now: @escaping @Sendable () -> Date = Date.init) {
    self.operatorName = operatorName
    self.command = command
    self.now = now
  }
}

/// A record whose writes are audited: its table and its JSON form (before and after) in the log.
public protocol AuditedRecord: MutablePersistableRecord, Encodable {
  var id: Int64? { get set }
  /// The SQL select list that reads one whole record (`*` unless the record joins something in).
  static var selection: String { get }
}

extension AuditedRecord {
  public static var selection: String { "*" }
}

/// What a command remembers of the cadre table between its writes, told when that table changes: the rules'
/// look-ups (`Lookup`), which find a cadre by 身份证号 a row of a long file.
package protocol CadreMemory: AnyObject {
  /// A cadre row was added: nothing remembered is out of date, but a number not found before may be found now.
  func cadreAdded()
  /// A cadre row changed (an edit, an undo): what was remembered may be out of date.
  func forgetCadres()
}

/// The writes of one command, inside its one transaction. Every change goes through here, so every change is
/// in the audit log with its before and after.
public final class AuditedWriter {
  /// The connection as it is, with rows still waiting: for the look-ups, which store the waiting rows of the
  /// table they read first (`storeWaitingRows(of:)`), so a long file's rows keep waiting for their batch.
  package let connection: any SQLSession
  /// The command's connection, for what the core reads and writes beside the writer's own methods — never the
  /// executable's, so no write goes around the audit. Rows waiting to be stored together are stored first, so
  /// whatever comes next sees them.
  package var db: any SQLSession {
    get throws {
      try storeWaitingRows()
      try analyseGrownTables()
      return connection
    }
  }
  /// The same connection on SQLite, for the writer's fast inserts: a prepared statement a table, and rows
  /// waiting to be stored together. Nil on PostgreSQL, where a row by itself hands back its id.
  let sqlite: Database?
  /// The same connection on PostgreSQL, for its batches (`CopyBatch`) and the ids they leave unused.
  private let shared: PostgresSession?
  /// What the command remembers of the cadre table between writes (the rules' look-ups): one for all its
  /// writes, so what it remembers is shared, and told when a cadre row is added or changes.
  package var cadreMemory: (any CadreMemory)?
  /// Whether the command has added or changed a cadre row, told or not: a memory made after that knows it.
  package private(set) var cadresWritten = false
  /// The line of the file the command is storing, set by an import before each row: every row written until
  /// the next is that line's, and the commit check names a row it refuses by it (`fileLines`).
  package var line: Int?
  package private(set) var fileLines = FileLines()
  package let runID: Int64
  /// The day the command runs, by the context's clock: when a change without a date of its own takes effect.
  public let today: CalendarDate
  var entryCount = 0
  /// Each table's columns (`SQLDialect.columns(generated:)`), read once a command.
  private var columnsByTable: [Bool: [String: [String]]] = [:]
  /// Rows `insert` added but has not logged yet, as runs of consecutive ids, a table's run in the order of its
  /// first row. A file of a million payments is logged as one range entry, a roster of cadres as two (its
  /// cadres, then their memberships); any other write logs the runs first (`InsertRuns`).
  private var unlogged = InsertRuns()
  /// New rows that wait to be stored together (`insert(_:canWait:values:)`), a batch a table: a roster's
  /// cadres and their first memberships wait side by side.
  private var waiting: [any RowBatch] = []
  /// How many rows of each table the command inserted, for the size of PostgreSQL's next batch (`CopyBatch`)
  /// and its planner's statistics (`analyseGrownTables`).
  private var insertedRows: [String: Int] = [:]
  /// How many rows of each table the command had inserted when it last analysed the table.
  private var analysedAt: [String: Int] = [:]
  /// How many waiting rows of a table one statement stores on SQLite; 0: no row waits, on either engine, each
  /// is stored as it comes. Anything but `WaitingRows.most` is for the test that holds every path of an import
  /// to the same file. PostgreSQL's batches grow with the command (`CopyBatch`).
  package var rowsPerStatement = WaitingRows.most
  private var insertStatements: [String: Statement] = [:]
  private var references: [String: Set<String>] = [:]
  /// Whether SQLite checks foreign keys statement by statement: waiting rows are then stored after those
  /// they may point to. A command checked at commit (`CommitCheck`) turns the check off, and each batch is
  /// stored when full, by the one statement of its full size, where a roster's cadres stored early with their
  /// memberships took a statement of each size.
  private let checksForeignKeys: Bool
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// The writer of a command on `connection`, given the same connection on SQLite as `sqlite`.
  init(_ connection: any SQLSession, sqlite: Database?, context: AuditContext) throws {
    self.connection = connection
    self.sqlite = sqlite
    shared = connection as? PostgresSession
    let now = context.now()
    today = CalendarDate(now)
    let stamp = now.formatted(.iso8601)
    runID = try Self.insertRun(
      "INSERT INTO command_run (operator, ran_at, command) VALUES (?, ?, ?)",
      arguments: [context.operatorName, stamp, context.command], connection, sqlite: sqlite)
    checksForeignKeys = try sqlite.map { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") ?? true } ?? true
  }

  /// Inserts a record; it is logged with the run of inserts it belongs to (`logInserts`). A record that
  /// `canWait` — one whose table the command reads only through the writer or its look-ups, which store the
  /// waiting rows first: a fact, a roster's new cadre and its first membership — and that lists its own
  /// columns may wait to be stored with the rows after it (`WaitingRows`); it has its id either way. `stored`,
  /// when given, is the record's stored row, worked out already (`RecordSaver.Ahead`).
  package func insert<Record: AuditedRecord>(
    _ record: inout Record, canWait: Bool = false, stored: StoredRow? = nil
  ) throws {
    let table = Record.databaseTableName
    if canWait, rowsPerStatement > 0, let listed = record as? any ColumnList, let capacity = batchCapacity(table) {
      let row = try stored ?? listed.storedRow
      let waitingBatch = waiting.first { $0.table == table }
      let batch: any RowBatch
      if let waitingBatch, !waitingBatch.isFull {
        batch = waitingBatch
      } else {
        // Begun before the full batch is stored: on PostgreSQL the server stores that one while this one fills.
        batch = try newBatch(table, columns: row.columns, capacity: capacity, after: waitingBatch)
        try storeWaitingRows(of: table)
        waiting.append(batch)
      }
      let id = batch.nextID
      record.id = id
      // Added before it is noted: noting it may log the runs before it, storing every waiting row first.
      batch.append(row.values)
      try noteInserted(table, id)
      return
    }
    try storeWaitingRows(before: table)
    let id: Int64
    if let sqlite {
      if let listed = record as? any ColumnList {
        let row = try stored ?? listed.storedRow
        try insertStatement(table, columns: row.columns, sqlite)
          .execute(arguments: StatementArguments(row.values.map { $0.databaseValue }))
      } else {
        try record.insert(sqlite)
      }
      id = sqlite.lastInsertedRowID
    } else {
      // An id left to the table's identity column is not named at all: PostgreSQL refuses NULL for it. One
      // taken for a batch and left unused comes first.
      var columns = try Self.columnValues(of: record, stored).filter { $0.column != "id" || $0.value != .null }
      if !columns.contains(where: { $0.column == "id" }), let unused = shared?.takeUnusedID(for: table) {
        columns.append(("id", .integer(unused)))
      }
      id = try Self.insertRun(
        Self.insertSQL(table, columns: columns.map(\.column)), arguments: SQLArguments(stored: columns.map(\.value)),
        connection, sqlite: nil)
    }
    record.id = id
    try noteInserted(table, id)
  }

  /// `INSERT INTO table (columns) VALUES (?, …)`: one row, a parameter a column.
  private static func insertSQL(_ table: String, columns: [String]) -> String {
    "INSERT INTO \(table) (\(columns.joined(separator: ", "))) "
      + "VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
  }

  /// Runs an `INSERT` of one row and gives its id: SQLite's last inserted row, or PostgreSQL's `RETURNING`.
  private static func insertRun(
    _ sql: String, arguments: SQLArguments, _ connection: any SQLSession, sqlite: Database?
  ) throws -> Int64 {
    if let sqlite {
      try connection.execute(sql: sql, arguments: arguments)
      return sqlite.lastInsertedRowID
    }
    guard let id = try connection.value(Int64.self, sql: sql + " RETURNING id", arguments: arguments) else {
      throw LaoganError.database("未能写入：\(sql)")
    }
    return id
  }

  /// A record's stored columns and their values: its stored row (`ColumnList`, or `stored` worked out already),
  /// or GRDB's encoding of it.
  private static func columnValues<Record: AuditedRecord>(
    of record: Record, _ stored: StoredRow? = nil
  ) throws -> [(column: String, value: SQLValue)] {
    if let listed = record as? any ColumnList {
      let row = try stored ?? listed.storedRow
      return zip(row.columns, row.values).map { ($0, $1) }
    }
    return try record.databaseDictionary.sorted { $0.key < $1.key }.map { ($0.key, SQLValue($0.value)) }
  }

  /// Counts an inserted row into the run of consecutive ids it continues, or starts a run with it.
  private func noteInserted(_ table: String, _ id: Int64) throws {
    if let line { fileLines.note(table, id: id, line: line) }
    insertedRows[table, default: 0] += 1
    if table == Cadre.databaseTableName {
      cadresWritten = true
      cadreMemory?.cadreAdded()
    }
    entryCount += 1
    if try !unlogged.extend(table, with: id, references: referencedTables(of: table)) {
      try logInserts()
      unlogged.extend(table, with: id, references: [])
    }
  }

  /// The tables `table`'s foreign keys point to, read from the schema once a command.
  private func referencedTables(of table: String) throws -> Set<String> {
    if let known = references[table] { return known }
    let tables = Set(try connection.values(String.self, sql: SQLDialect.referencedTables, arguments: [table]))
    references[table] = tables
    return tables
  }

  /// How many rows a new batch of `table` holds; nil when the row is to go in by itself.
  private func batchCapacity(_ table: String) -> Int? {
    sqlite == nil ? CopyBatch.capacity(after: insertedRows[table, default: 0]) : rowsPerStatement
  }

  /// An empty batch of `table`'s rows, the engine's own, to follow `previous` if that still waits.
  private func newBatch(_ table: String, columns: [String], capacity: Int, after previous: (any RowBatch)?) throws
    -> any RowBatch
  {
    if let sqlite {
      return try WaitingRows(table: table, columns: columns, capacity: capacity, after: previous, sqlite)
    }
    guard let shared else { preconditionFailure("a writer on neither engine") }
    return try CopyBatch(table: table, columns: columns, capacity: capacity, shared)
  }

  /// On PostgreSQL, gives the planner the statistics of the tables the command has filled. Rows added in the
  /// command's transaction are unseen by autovacuum until it commits, and a query planned on a table's old
  /// statistics — none, in a database `init` has just made — may join them row by row: the demo's monthly run
  /// took 25 s a month so. `ANALYZE` in the transaction samples the command's own rows too; again each time a
  /// table's rows added by the command double, from 10,000. Only a read through `db` after such a fill
  /// analyses — the demo, a monthly run — not an import, whose look-ups go around it. Its lock on the table
  /// is held to the commit and another command's `ANALYZE` of the table waits for it; tables go in the order
  /// of their names, so two commands never wait for each other. A role that does not own the table gets no
  /// statistics (the server's warning goes unseen) and its command goes on.
  private func analyseGrownTables() throws {
    guard sqlite == nil else { return }
    for (table, inserted) in insertedRows.sorted(by: { $0.key < $1.key })
    where inserted >= 2 * analysedAt[table, default: 5_000] {
      try connection.execute(sql: "ANALYZE \(table)")
      analysedAt[table] = inserted
    }
  }

  /// Stores the rows waiting to be stored together, if any.
  package func storeWaitingRows() throws {
    while let table = waiting.first?.table { try storeWaitingRows(of: table) }
  }

  /// Stores the rows of `table` that wait, if any, after those of the tables its rows may point to.
  package func storeWaitingRows(of table: String) throws {
    guard let index = waiting.firstIndex(where: { $0.table == table }) else { return }
    let batch = waiting.remove(at: index)
    try storeWaitingParents(of: table)
    let lines = fileLines
    try batch.store { id in lines.row(of: table, id: id) }
  }

  /// Stores the waiting rows before a row of `table` goes in by itself when they are of that table or its
  /// rows may point to theirs; else they keep waiting.
  private func storeWaitingRows(before table: String) throws {
    try storeWaitingRows(of: table)
    try storeWaitingParents(of: table)
  }

  /// Stores the waiting rows of the tables `table`'s rows may point to, when SQLite checks that they do.
  private func storeWaitingParents(of table: String) throws {
    guard checksForeignKeys else { return }
    for parent in try referencedTables(of: table) { try storeWaitingRows(of: parent) }
  }

  private func insertStatement(_ table: String, columns: [String], _ sqlite: Database) throws -> Statement {
    if let statement = insertStatements[table] { return statement }
    let statement = try sqlite.makeStatement(sql: Self.insertSQL(table, columns: columns))
    insertStatements[table] = statement
    return statement
  }

  /// Logs the rows `insert` added since the last entry as one range of ids: an inserted row's after-image is
  /// the row itself, and ids are never reused, so the range always names the same rows (SPEC §14). Called
  /// before any other entry and when the command's writes end.
  func logInserts() throws {
    try storeWaitingRows()
    let runs = unlogged.runs
    unlogged = InsertRuns()
    for (table, ids) in runs { try logInsertRange(table: table, ids.lowerBound, ids.upperBound) }
  }

  private func logInsertRange(table: String, _ first: Int64, _ last: Int64) throws {
    try connection.execute(
      sql: """
        INSERT INTO audit_entry (run_id, action, table_name, record_id, last_record_id) VALUES (?, 'insert', ?, ?, ?)
        """, arguments: [runID, table, first, last])
  }

  /// Writes `record` over `old`; nothing is written or logged when they are equal.
  public func update<Record: AuditedRecord & Equatable>(_ record: Record, from old: Record) throws {
    guard record != old else { return }
    try logInserts()
    let table = Record.databaseTableName
    forgetIfCadre(table)
    let before = try image(of: table, id: record.id)
    if let sqlite {
      try record.update(sqlite)
    } else {
      let stored = try Self.columnValues(of: record).filter { $0.column != "id" }
      let changed = try connection.changedRows(
        by: "UPDATE \(table) SET \(stored.map { "\($0.column) = ?" }.joined(separator: ", ")) WHERE id = ?",
        arguments: SQLArguments(stored: stored.map(\.value) + [record.id?.sqlValue ?? .null]))
      guard changed == 1 else { throw LaoganError.database("\(table) \(record.id ?? 0) 不存在，未能修改") }
    }
    // A record may differ from the stored row in what it only reads (a cadre's 所在党组织, kept as a
    // membership): a row left as it was is no change, and the log says only what changed.
    let after = try image(of: table, id: record.id)
    guard after != before else { return }
    try log(action: "update", table: table, id: record.id, before: before, after: after)
    if let line, let id = record.id { fileLines.note(table, id: id, line: line) }
  }

  /// Sets the cadres an event lists, logged as one entry with the list before and after under
  /// `participant.TABLE` and the event's id: the whole key, so that activity 1 and treatment 1 are never
  /// taken for each other.
  package func replaceParticipants(table: String, eventID: Int64, cadreIDs: [Int64]) throws {
    try logInserts()
    let before = try connection.values(
      Int64.self, sql: "SELECT cadre_id FROM participant WHERE event_table = ? AND event_id = ? ORDER BY cadre_id",
      arguments: [table, eventID])
    let after = Array(Set(cadreIDs)).sorted()
    guard before != after else { return }
    try connection.execute(
      sql: "DELETE FROM participant WHERE event_table = ? AND event_id = ?", arguments: [table, eventID])
    for cadreID in after {
      try connection.execute(
        sql: "INSERT INTO participant (event_table, event_id, cadre_id) VALUES (?, ?, ?)",
        arguments: [table, eventID, cadreID])
    }
    func image(_ ids: [Int64]) throws -> String {
      try json(["event_table": table, "cadre_ids": ids.map(String.init).joined(separator: ",")])
    }
    try log(
      action: before.isEmpty ? "insert" : "update", table: ParticipantList.auditTable(of: table), id: eventID,
      before: before.isEmpty ? nil : try image(before), after: try image(after))
  }

  /// A cadre row changes (an edit, an undo): the look-ups' remembered cadres may be out of date. A new cadre
  /// cannot be among them, so inserts leave them alone.
  func forgetIfCadre(_ table: String) {
    if table == Cadre.databaseTableName {
      cadresWritten = true
      cadreMemory?.forgetCadres()
    }
  }

  /// Logs the rows a bulk `INSERT … SELECT` added (ids above `after`: one statement in one transaction) as one
  /// range, as every insert is logged. The monthly run writes thousands of rows this way.
  package func logInsertedRows(table: String, after: Int64) throws {
    try logInserts()
    guard
      let range = try connection.row(
        sql: "SELECT MIN(id), MAX(id), COUNT(*) FROM \(table) WHERE id > ?", arguments: [after]),
      let first: Int64 = range[0], let last: Int64 = range[1]
    else { return }
    let count: Int64 = range[2]
    entryCount += Int(count)
    insertedRows[table, default: 0] += Int(count)
    guard count != last - first + 1 else { return try logInsertRange(table: table, first, last) }
    // Another clerk's command took ids among these (a shared database hands them out to all at once): each
    // run of this command's own is logged, so that no range names a row it did not add.
    let ids = try connection.values(
      Int64.self, sql: "SELECT id FROM \(table) WHERE id > ? ORDER BY id", arguments: [after])
    var run = first...first
    for id in ids.dropFirst() {
      if id == run.upperBound + 1 {
        run = run.lowerBound...id
      } else {
        try logInsertRange(table: table, run.lowerBound, run.upperBound)
        run = id...id
      }
    }
    try logInsertRange(table: table, run.lowerBound, run.upperBound)
  }

  /// `--reveal` showed personal information of these records: the showing is itself logged (SPEC §7).
  public func logReveal(table: String, ids: [Int64?]) throws {
    if sqlite == nil { try LaoganDatabase.checkMayReveal(connection) }
    for id in ids { try log(action: "reveal", table: table, id: id, before: nil, after: nil) }
  }

  /// A stored row as a JSON object of its columns, built by the database: the audit log records what the
  /// database held, column by column, and one statement a table costs less than encoding the Swift value.
  func image(of table: String, id: Int64?) throws -> String? {
    guard let id else { return nil }
    return try db.value(
      String.self, sql: "SELECT \(try imageSQL(of: table)) FROM \(table) WHERE id = ?", arguments: [id])
  }

  /// A JSON object of every column of `table`, generated ones too (`SQLDialect.jsonObject`).
  func imageSQL(of table: String) throws -> String {
    SQLDialect.jsonObject(try columns(of: table, generated: true))
  }

  /// The columns of `table`, with or without the generated ones, read once a command.
  func columns(of table: String, generated: Bool) throws -> [String] {
    if let known = columnsByTable[generated]?[table] { return known }
    let columns = try connection.values(String.self, sql: SQLDialect.columns(generated: generated), arguments: [table])
    columnsByTable[generated, default: [:]][table] = columns
    return columns
  }

  private func json(_ record: some Encodable) throws -> String {
    String(decoding: try encoder.encode(record), as: UTF8.self)
  }

  func log(action: String, table: String, id: Int64?, before: String?, after: String?) throws {
    try logInserts()
    try connection.execute(
      sql: "INSERT INTO audit_entry (run_id, action, table_name, record_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [runID, action, table, id, before, after])
    entryCount += 1
  }
}

extension LaoganDatabase {
  /// Runs one command's writes in one transaction, logged as one group: on a file an IMMEDIATE one, on a
  /// shared database a SERIALIZABLE one (`writeShared`). A thrown error rolls back everything, log included; a
  /// command that changed nothing leaves no group behind. With `dryRun` the transaction is always rolled back,
  /// so a dry run checks exactly what a real run would.
  ///
  /// With `checkedAtCommit` — for a command that adds rows and updates some, deleting none and listing no
  /// participants (`RecordKind.checkedAtCommit`) — SQLite checks no foreign key or CHECK constraint statement
  /// by statement: `CommitCheck` checks the command's rows against them all at once before it commits, and a
  /// broken one rolls everything back as SQLite's own refusal would. PostgreSQL checks each statement itself.
  ///
  /// On PostgreSQL `body` may run more than once, each time with a new writer: what it reads or counts
  /// outside the database (a file, a tally) it must begin afresh each time. A command `oneAtATime` — an import,
  /// which reads much of what another clerk's import writes — waits there for any other such command to end
  /// before it begins, calling `whenWaiting` first (on a file every command writes one at a time already).
  package func write<T>(
    _ context: AuditContext, dryRun: Bool = false, checkedAtCommit: Bool = false, oneAtATime: Bool = false,
    whenWaiting: () -> Void = {}, _ body: (AuditedWriter) throws -> T
  ) throws -> T {
    switch engine {
    case .sqlite(let queue, _):
      try SQLDialect.$bound.withValue(.sqlite) {
        try Self.writeFile(queue, context, dryRun: dryRun, checkedAtCommit: checkedAtCommit, body)
      }
    case .postgresql(let link):
      try Self.writeShared(link, dryRun: dryRun, oneAtATime: oneAtATime, whenWaiting: whenWaiting) { session in
        try Self.audited(try AuditedWriter(session, sqlite: nil, context: context), body)
      }
    }
  }

  private static func writeFile<T>(
    _ queue: DatabaseQueue, _ context: AuditContext, dryRun: Bool, checkedAtCommit: Bool,
    _ body: (AuditedWriter) throws -> T
  ) throws -> T {
    try translatingErrors {
      try queue.writeWithoutTransaction { db in
        // 32 MB of page cache for writing (SQLite's default of 2 MB stays for reading): a large import's
        // pages stay in memory instead of spilling to the journal mid-transaction, and memory stays flat in
        // the file's size. A report reads each page once, and a larger cache would only be memory faulted in.
        try db.execute(sql: "PRAGMA cache_size = -32768")
        // Set outside the transaction: SQLite ignores `foreign_keys` inside one.
        if checkedAtCommit { try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON") }
        let written = Result {
          var result: T?
          try db.inTransaction(.immediate) {
            let check = checkedAtCommit ? try CommitCheck(db) : nil
            let writer = try AuditedWriter(SQLiteSession(db), sqlite: db, context: context)
            result = try audited(writer, body)
            try check?.run(runID: writer.runID, lines: writer.fileLines, db)
            return dryRun ? .rollback : .commit
          }
          return result
        }
        if checkedAtCommit { try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF") }
        let result = try written.get()
        guard let result else { throw LaoganError.database("写入未完成") }
        return result
      }
    }
  }

  /// A command's writes as its transaction holds them on either engine: the body, the inserts not yet
  /// logged, and no group left in the log when nothing changed.
  private static func audited<T>(_ writer: AuditedWriter, _ body: (AuditedWriter) throws -> T) throws -> T {
    let result = try body(writer)
    try writer.logInserts()
    if writer.entryCount == 0 {
      try writer.connection.execute(sql: "DELETE FROM command_run WHERE id = ?", arguments: [writer.runID])
    }
    return result
  }
}

extension AuditedRecord {
  /// The record's table, by the name the core knows it by.
  package static var tableName: String { databaseTableName }
}
