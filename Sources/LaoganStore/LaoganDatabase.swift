import Foundation
import GRDB

/// The one door to a laogan database: a file, or a province's shared database on PostgreSQL
/// (`SharedDatabase`).
///
/// Opening runs the migrations, so nobody sees an unmigrated database; a file written by a newer laogan, or
/// a SQLite file that is not laogan's, is refused before anything is changed. One `DatabaseQueue` in WAL
/// mode with a busy timeout lets two clerks work on the same file at once.
public struct LaoganDatabase: Sendable {
  /// Where the rows are: a SQLite file, one office's, or a province's shared PostgreSQL database.
  let engine: Engine
  public let path: String
  /// Where opening kept the database as it was before it upgraded it (a file's copy beside it, a shared
  /// database's rows in a file in the current folder); nil when it upgraded nothing.
  public private(set) var keptBeforeUpgrade: String?

  enum Engine: Sendable {
    /// The connection, and how to open another connection to the same file, read-only and opened as this one
    /// was: for a report that reads in two parts on two cores (`readAlongside`).
    case sqlite(DatabaseQueue, openReader: @Sendable () throws -> DatabaseQueue)
    case postgresql(PostgresLink)
  }

  /// The SQLite connection. Not public: reads go through `read`, writes through `write(_:_:)` so that they are
  /// audited, and neither lets a GRDB error past the door. What is built on SQLite only is refused on
  /// PostgreSQL here, before anything is read or written.
  package var queue: DatabaseQueue {
    get throws {
      guard case .sqlite(let queue, _) = engine else { throw LaoganError.wrongEngine("这一操作只用于 SQLite 数据库文件") }
      return queue
    }
  }

  public enum OpenMode: Sendable {
    /// `laogan init`: create the file (mode 0600) when it is missing.
    case create
    /// Every other command: a missing file is an error that says to run `laogan init`.
    case existing
  }

  /// Opens the database at `path`: a file, or a shared database's address (`postgresql://…`).
  public init(path: String, mode: OpenMode) throws {
    if PostgresAddress.isAddress(path) {
      let address = try PostgresAddress(path)
      self.path = address.shown
      let opened = try LaoganDatabase.openShared(address, mode: mode)
      engine = .postgresql(opened.link)
      keptBeforeUpgrade = opened.kept
      return
    }
    self.path = path
    let state = try LaoganDatabase.inspect(path: path)
    var location = (path: path, readOnly: false)
    switch state {
    case .missing:
      guard mode == .create else { throw LaoganError.databaseMissing(path: path) }
      try LaoganDatabase.createPrivateFile(at: path)
    case .empty:
      // Only `init` makes a schema: a 0-byte file left by a killed copy is no database to fill silently.
      guard mode == .create else { throw LaoganError.emptyDatabase(path: path) }
    case .older, .current:
      location = LaoganDatabase.location(of: path)
    }
    if location.readOnly && state == .older {
      throw LaoganError.cannotOpen(path: path, reason: "由较早版本的 laogan 写成，须升级，但所在位置只读；请复制到可写的位置再打开")
    }
    do {
      // On a read-only mount or CD reports and lists work; a write is refused by SQLite as read-only.
      let configuration =
        location.readOnly ? LaoganDatabase.readOnlyConfiguration : LaoganDatabase.makeConfiguration()
      let opened = location.path
      let queue = try DatabaseQueue(path: opened, configuration: configuration)
      engine = .sqlite(
        queue, openReader: { try DatabaseQueue(path: opened, configuration: LaoganDatabase.readOnlyConfiguration) })
      // A new file and an older laogan's need the migrations; a current one is left alone, so a command that
      // only reads does not write.
      guard state != .current else { return }
      // An older laogan's database: a copy beside it first, so an upgrade can always be undone by hand.
      if let applied = try queue.read({ try Migrations.migrator.appliedMigrations($0).last }) {
        let copy = "\(path).before-upgrade-\(applied)"
        if !FileManager.default.fileExists(atPath: copy) {
          try self.backup(to: copy)
          keptBeforeUpgrade = copy
        }
      }
      try Migrations.migrator.migrate(queue)
    } catch let error as DatabaseError {
      throw LaoganDatabase.openFailure(path: path, error)
    }
  }

  /// What is at a database path, before anything is opened there.
  enum FileState {
    case missing, empty, older, current
  }

  static func inspect(path: String) throws -> FileState {
    var status = stat()
    guard stat(path, &status) == 0 else {
      guard errno == ENOENT else { throw LaoganError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
      return .missing
    }
    guard status.st_mode & S_IFMT != S_IFDIR else {
      throw LaoganError.cannotOpen(path: path, reason: "这是一个文件夹，不是数据库文件；请给出文件名，如 \(path)/laogan.db")
    }
    guard status.st_size > 0 else { return .empty }
    do {
      return try checkIsOurs(path: path)
    } catch let error as DatabaseError {
      throw openFailure(path: path, error)
    }
  }

  /// How SQLite opens the file: by its path where a write could succeed (the file and its folder, where the
  /// -wal and -shm go); on a read-only mount, where SQLite cannot make a WAL's -shm, as `--merge` opens a
  /// county's file — nobody can be writing it there.
  private static func location(of path: String) -> (path: String, readOnly: Bool) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let writable = access(path, W_OK) == 0 && access(folder, W_OK) == 0
    return writable ? (path, false) : (SourceFile.uri(of: path), true)
  }

  /// SQLite's refusal to open a file, named for the clerk: damage by its own error.
  static func openFailure(path: String, _ error: DatabaseError) -> LaoganError {
    isDamage(error)
      ? .databaseDamaged(path: path, detail: error.message ?? "\(error.resultCode)")
      : .cannotOpen(path: path, reason: explain(error))
  }

  /// Whether SQLite found the file damaged rather than refused a statement.
  static func isDamage(_ error: DatabaseError) -> Bool {
    error.resultCode == .SQLITE_CORRUPT || error.extendedResultCode == .SQLITE_CORRUPT_INDEX
      || error.extendedResultCode == .SQLITE_CORRUPT_SEQUENCE || error.extendedResultCode == .SQLITE_CORRUPT_VTAB
  }

  /// A connection opened elsewhere (a merged file, read-only).
  init(queue: DatabaseQueue, path: String, openReader: @escaping @Sendable () throws -> DatabaseQueue) {
    engine = .sqlite(queue, openReader: openReader)
    self.path = path
  }

  /// Opens another connection to the same file, read-only: for an import's reading thread (`WorkAhead`),
  /// opened once the writer's transaction has begun, so it sees the database as the command found it. The
  /// opener holds no connection itself: a reading thread that lets it go after the command has returned must
  /// not keep this connection from closing (its WAL would stay beside the file).
  package var secondReader: (@Sendable () throws -> LaoganDatabase)? {
    guard case .sqlite(_, let open) = engine else { return nil }
    let path = path
    return { try LaoganDatabase.translatingErrors { LaoganDatabase(queue: try open(), path: path, openReader: open) } }
  }

  /// A connection that only reads, waiting as a writer would for another clerk's write to finish.
  static var readOnlyConfiguration: Configuration {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(15)
    return configuration
  }

  /// The one place for connection set-up.
  static func makeConfiguration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(15)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      // WAL by hand rather than GRDB's `.wal`, which writes a dummy table whenever the -wal file is missing —
      // on every command, since the last connection to close removes it. One connection never needs that.
      guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
        throw DatabaseError(message: "无法启用 WAL 模式")
      }
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // SQLite's sorter may merge a large sort's runs on helper threads (it uses none by default): an ORDER BY
      // over a province's roster — the 重阳 list sorts 165,000 rows — is faster on two cores than on one.
      try db.execute(sql: "PRAGMA threads = \(ProcessInfo.processInfo.activeProcessorCount)")
    }
    return configuration
  }

  /// Refuses a newer laogan's database or another program's, through a read-only connection so that a
  /// refused file is left exactly as it was (opening in WAL mode would already write to it). An SQLite file
  /// with no table at all is `empty`; one with migrations still to apply `older`.
  static func checkIsOurs(path: String) throws -> FileState {
    // Through SQLite's locks wherever another clerk may be writing (`location(of:)`).
    let queue = try DatabaseQueue(path: location(of: path).path, configuration: readOnlyConfiguration)
    defer { try? queue.close() }
    let migrator = Migrations.migrator
    return try queue.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      guard !tables.isEmpty else { return .empty }
      guard tables.contains("grdb_migrations"), try migrator.appliedIdentifiers(db).contains("v1-roster") else {
        throw LaoganError.notLaoganDatabase(path: path)
      }
      if try migrator.hasBeenSuperseded(db) { throw LaoganError.newerSchema(path: path) }
      return try migrator.hasCompletedMigrations(db) ? .current : .older
    }
  }

  /// A new database holds personal information, so only its owner may read it; SQLite gives the -wal and -shm
  /// files the same mode. `init` makes the folder too: the default `~/.local/share/laogan` is not there on a
  /// new machine.
  static func createPrivateFile(at path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    guard descriptor >= 0 else {
      throw LaoganError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    Foundation.close(descriptor)
  }

  static func explain(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_NOTADB: "不是 SQLite 数据库文件"
    case .SQLITE_CANTOPEN: "文件无法打开（检查路径与权限）"
    case .SQLITE_BUSY: "数据库正被其他程序长时间占用"
    case .SQLITE_READONLY: "数据库在只读的位置（只读挂载、光盘或无写权限）：可以查看和出报表，不能写入；要写入请复制到可写的位置"
    case .SQLITE_FULL: "磁盘已满：这次写入未完成，数据库仍是写入之前的样子；请清理磁盘空间后重试"
    case .SQLITE_CORRUPT:
      "数据库文件损坏（\(error.message ?? "malformed")）：请保留这个文件、不要再写入，用 laogan restore 从最近的备份恢复"
    default: error.message ?? error.description
    }
  }
}

extension LaoganDatabase {
  /// The default location (SPEC §8): `$XDG_DATA_HOME/laogan/laogan.db`, else `~/.local/share/laogan/laogan.db`.
  public static func defaultPath(environment: [String: String]) -> String {
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
      return data + "/laogan/laogan.db"
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/laogan/laogan.db"
  }

  /// Reads in one consistent snapshot.
  package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
    switch engine {
    case .sqlite(let queue, _):
      try LaoganDatabase.translatingErrors { try queue.read { try SQLiteSession.reading($0, body) } }
    case .postgresql(let link):
      try LaoganDatabase.readShared(link, body)
    }
  }

  /// Reads as `read` does, but SQLite's finding that the file is damaged comes back as `FileDamage`: what
  /// `laogan check` reports as a finding rather than fails on.
  package func readFindingDamage<T>(_ body: (any SQLSession) throws -> T) throws -> T {
    guard case .sqlite(let queue, _) = engine else { return try read(body) }
    do {
      return try queue.read { try SQLiteSession.reading($0, body) }
    } catch let error as DatabaseError where Self.isDamage(error) || error.resultCode == .SQLITE_NOTADB {
      throw FileDamage(detail: error.message ?? "\(error.resultCode)")
    } catch let error as DatabaseError {
      throw LaoganError.database(Self.explain(error))
    }
  }

  /// Closes the connection; the database must not be used afterwards.
  public func close() throws {
    switch engine {
    case .sqlite(let queue, _): try LaoganDatabase.translatingErrors { try queue.close() }
    case .postgresql(let link): link.close()
    }
  }

  /// Runs `body`, turning SQLite's errors into `LaoganError`, so callers never see GRDB's types.
  static func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw LaoganError.database(explain(error))
    }
  }
}

/// SQLite found the file damaged: its own words, for the clerk's finding.
package struct FileDamage: Error {
  package let detail: String
}
