import Foundation
import GRDB

/// A laogan database on PostgreSQL (SPEC §15): opened, made, read, and filled from a SQLite file.
///
/// `init` makes the schema; `copy` brings whole SQLite files in, ids moved past those there (and takes them
/// out again, `FileCopy`); every command that only reads reads it as it reads a file, each read one snapshot
/// (`REPEATABLE READ`); every command that writes writes through the audited writer in one `SERIALIZABLE`
/// transaction, retried when another clerk's command got in the way.
extension LaoganDatabase {
  /// Connects and checks the schema: made by `init`, upgraded by `init` when an older laogan made it (with
  /// the file of its rows as they were, `upgradeShared`), refused when a newer laogan made it.
  static func openShared(_ address: PostgresAddress, mode: OpenMode) throws -> (link: PostgresLink, kept: String?) {
    let link = try PostgresLink(address)
    do {
      return (link, try translatingRefusals { try checkSchema(link, address: address, mode: mode) })
    } catch {
      link.close()
      throw error
    }
  }

  /// The file of the rows as they were before an upgrade, if `init` upgraded the schema.
  private static func checkSchema(_ link: PostgresLink, address: PostgresAddress, mode: OpenMode) throws -> String? {
    let known = Set(Migrations.migrator.migrations)
    let applied = try appliedMigrations(link)
    if applied.isEmpty {
      guard mode == .create else {
        throw LaoganError.cannotOpen(path: address.shown, reason: "其中还没有 laogan 的表：请先运行 laogan init --db 这个地址")
      }
      try makeSchema(link)
    } else if !applied.isSubset(of: known) {
      throw LaoganError.newerSchema(path: address.shown)
    } else if applied != known {
      guard mode == .create else {
        throw LaoganError.cannotOpen(
          path: address.shown, reason: "由较早版本的 laogan 建成，须先升级：请运行 laogan init --db 这个地址（由建库的管理员运行）")
      }
      return try upgradeShared(link, address: address)
    }
    return nil
  }

  /// The migrations the shared database records, none when it has no laogan table yet.
  static func appliedMigrations(_ link: PostgresLink) throws -> Set<String> {
    // The catalog asked directly: `information_schema` takes the server milliseconds to plan, on every command.
    let made = PostgresSession.rows(
      of: try link.query("SELECT to_regclass(quote_ident(current_schema()) || '.grdb_migrations') IS NOT NULL"))
    guard made.first.map({ $0[0] as Bool }) == true else { return [] }
    return Set(PostgresSession.rows(of: try link.query("SELECT identifier FROM grdb_migrations")).map { $0[0] })
  }

  /// The advisory lock `init` holds while it makes the schema: any number, the same in every laogan.
  static let schemaLock = 0x6C61_6F67

  /// The schema on an empty database, with the rows the migrations bring (the regions, the migrations' own
  /// record): what a new SQLite file holds, in one transaction.
  private static func makeSchema(_ link: PostgresLink) throws {
    let fresh = try DatabaseQueue()
    try Migrations.migrator.migrate(fresh)
    try fresh.read { sqlite in
      try inTransaction(link) {
        // Two clerks' `init` at once: the second waits for the first, then finds the schema made.
        _ = try link.query("SELECT pg_advisory_xact_lock(\(schemaLock))")
        guard try appliedMigrations(link).isEmpty else { return }
        for statement in try PostgresSchema.statements(from: sqlite) { try link.run(statement) }
        try SharedCopy.rows(from: sqlite, to: link)
      }
    }
  }

  /// A read in one snapshot of the shared database, its statements spelled for PostgreSQL.
  static func readShared<T>(_ link: PostgresLink, _ body: (any SQLSession) throws -> T) throws -> T {
    try translatingRefusals {
      // Sent without waiting: were it refused, the reads after it would read outside a transaction, nothing more.
      try link.send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
      defer { link.rollBack() }
      return try SQLDialect.$bound.withValue(.postgresql) { try body(PostgresSession(link)) }
    }
  }

  /// The advisory lock commands `oneAtATime` hold while they run: any number but `schemaLock`, the same in every
  /// laogan.
  private static let importLock = 0x6C61_6F68

  /// How many times a command's writes are tried in all before another clerk's keeps them out.
  static let writeAttempts = 8

  /// One command's writes in one `SERIALIZABLE` transaction, its statements spelled for PostgreSQL: as if
  /// the clerks' commands ran one after another, so undo's "a later command touched these records", the
  /// monthly run's "paid once a month" and the fund's "never overdrawn" hold with nine clerks at once. When
  /// the server finds no such order (a serialization failure, a deadlock) the whole command is tried again
  /// from the start, after a pause that grows, up to `writeAttempts` times.
  ///
  /// `oneAtATime` commands wait for each other before they begin: nine clerks' imports at once, each reading
  /// the roster the others add to, make the server refuse most of them at their ends, again and again, until
  /// some fail (four of nine, in `Benchmarks/nine.sh`); one after another, every one goes through in the time
  /// one clerk's nine would take. The lock is the session's, taken before the transaction, so each import's
  /// snapshot holds the last one's rows; it goes with the connection, however the process ends.
  static func writeShared<T>(
    _ link: PostgresLink, dryRun: Bool, oneAtATime: Bool = false, whenWaiting: () -> Void = {},
    _ body: (any SQLSession) throws -> T
  ) throws -> T {
    defer { if oneAtATime { _ = try? link.query("SELECT pg_advisory_unlock(\(importLock))") } }
    if oneAtATime {
      try translatingRefusals {
        let free = PostgresSession.rows(of: try link.query("SELECT pg_try_advisory_lock(\(importLock))"))
        guard free.first.map({ $0[0] as Bool }) != true else { return }
        whenWaiting()
        _ = try link.query("SELECT pg_advisory_lock(\(importLock))")
      }
    }
    var attempt = 1
    while true {
      do {
        try link.run("BEGIN ISOLATION LEVEL SERIALIZABLE")
        let result = try SQLDialect.$bound.withValue(.postgresql) { try body(PostgresSession(link)) }
        try link.run(dryRun ? "ROLLBACK" : "COMMIT")
        return result
      } catch let refusal as PostgresRefusal where refusal.isConflict && attempt < writeAttempts {
        link.rollBack()
        link.retries += 1
        usleep(UInt32.random(in: 1...(20_000 << min(attempt, 5))))
        attempt += 1
      } catch let refusal as PostgresRefusal {
        link.rollBack()
        throw LaoganError.database(refusal.message)
      } catch {
        link.rollBack()
        throw error
      }
    }
  }

  static func inTransaction(_ link: PostgresLink, _ body: () throws -> Void) throws {
    try translatingRefusals {
      try link.run("BEGIN")
      do {
        try body()
        try link.run("COMMIT")
      } catch {
        link.rollBack()
        throw error
      }
    }
  }

  /// The server's refusal as the clerk reads it.
  static func translatingRefusals<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let refusal as PostgresRefusal {
      throw LaoganError.database(refusal.message)
    }
  }

  /// `laogan copy FILE postgresql://…`: a whole laogan file into a shared database, in one transaction — its
  /// rows, its audit log with them, each table's next id past every id the file ever handed out. Into an
  /// empty database the file keeps its ids and its log is the database's. Among other offices' records its
  /// ids move (`IDShift`), and the copy is logged as a command of its own that inserted every row it
  /// brought: who copied, when, and what; `undo` takes the copy back whole, and no command of the file's,
  /// whose before-images name the file's own ids, can be undone past it.
  public func copyIn(from file: LaoganDatabase, _ context: AuditContext) throws {
    guard case .postgresql(let link) = engine else { throw LaoganError.wrongEngine("复制进的目标须是共享数据库（postgresql://…）") }
    let source = try file.queue
    // Serializable and tried again like any write: its locks may meet a clerk's command holding the tables in
    // another order.
    try LaoganDatabase.translatingErrors {
      try source.read { sqlite in
        try Self.writeShared(link, dryRun: false) { _ in
          let shift = try SharedCopy.rows(from: sqlite, to: link)
          if shift.moves { try Self.logCopy(shift, from: sqlite, to: link, context) }
        }
      }
    }
  }

  /// The copy as one command run: an insert range a table, in the order the rows went in.
  private static func logCopy(_ shift: IDShift, from sqlite: Database, to link: PostgresLink, _ context: AuditContext)
    throws
  {
    let session = PostgresSession(link)
    guard
      let run = try session.value(
        Int64.self, sql: "INSERT INTO command_run (operator, ran_at, command) VALUES (?, ?, ?) RETURNING id",
        arguments: [context.operatorName, context.now().formatted(.iso8601), context.command])
    else { return }
    for table in try SQLiteTables.inDependencyOrder(sqlite) where !["command_run", "audit_entry"].contains(table) {
      guard let offset = shift.offsets[table],
        let range = try Row.fetchOne(sqlite, sql: "SELECT MIN(id), MAX(id) FROM \"\(table)\""),
        let first: Int64 = range[0], let last: Int64 = range[1]
      else { continue }
      try session.execute(
        sql:
          "INSERT INTO audit_entry (run_id, action, table_name, record_id, last_record_id) VALUES (?, 'insert', ?, ?, ?)",
        arguments: [run, table, first + offset, last + offset])
    }
  }
}
