import Foundation
import GRDB

/// The one door to a laogan database file.
///
/// Opening runs the migrations, so nobody sees an unmigrated database; a file written by a newer laogan, or
/// a SQLite file that is not laogan's, is refused before anything is changed. One `DatabaseQueue` in WAL
/// mode with a busy timeout lets two clerks work on the same file at once.
public struct LaoganDatabase: Sendable {
  /// The connection. Not public: reads go through `read`, writes through `write(_:_:)` so that they are
  /// audited, and neither lets a GRDB error past the door.
  let queue: DatabaseQueue
  public let path: String
  /// Opens another connection to the same file, read-only and opened as this one was: for a report that
  /// reads in two parts on two cores (`readAlongside`).
  let openReader: @Sendable () throws -> DatabaseQueue

  public enum OpenMode: Sendable {
    /// `laogan init`: create the file (mode 0600) when it is missing.
    case create
    /// Every other command: a missing file is an error that says to run `laogan init`.
    case existing
  }

  public init(path: String, mode: OpenMode) throws {
    self.path = path
    openReader = { try DatabaseQueue(path: path, configuration: LaoganDatabase.readOnlyConfiguration) }
    do {
      // A new file and an older laogan's need the migrations; a current one is left alone, so a command that
      // only reads does not write.
      var needsMigration = true
      if FileManager.default.fileExists(atPath: path) {
        needsMigration = try LaoganDatabase.checkIsOurs(path: path)
      } else {
        guard mode == .create else { throw LaoganError.databaseMissing(path: path) }
        try LaoganDatabase.createPrivateFile(at: path, makingFolder: true)
      }
      queue = try DatabaseQueue(path: path, configuration: LaoganDatabase.makeConfiguration())
      if needsMigration {
        // An older laogan's database: a copy beside it first, so an upgrade can always be undone by hand.
        if let applied = try queue.read({ try Migrations.migrator.appliedMigrations($0).last }) {
          let copy = "\(path).before-upgrade-\(applied)"
          if !FileManager.default.fileExists(atPath: copy) { try self.backup(to: copy) }
        }
        try Migrations.migrator.migrate(queue)
      }
    } catch let error as DatabaseError {
      throw LaoganError.cannotOpen(path: path, reason: LaoganDatabase.explain(error))
    }
  }

  /// A connection opened elsewhere (a merged file, read-only).
  init(queue: DatabaseQueue, path: String, openReader: @escaping @Sendable () throws -> DatabaseQueue) {
    self.queue = queue
    self.path = path
    self.openReader = openReader
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
  /// refused file is left exactly as it was (opening in WAL mode would already write to it).
  /// Returns whether the database has migrations still to apply: an empty file or an older laogan's.
  @discardableResult
  static func checkIsOurs(path: String) throws -> Bool {
    let queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration)
    defer { try? queue.close() }
    let migrator = Migrations.migrator
    return try queue.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      guard !tables.isEmpty else { return true }
      guard tables.contains("grdb_migrations"), try migrator.appliedIdentifiers(db).contains("v1-roster") else {
        throw LaoganError.notLaoganDatabase(path: path)
      }
      if try migrator.hasBeenSuperseded(db) { throw LaoganError.newerSchema(path: path) }
      return try !migrator.hasCompletedMigrations(db)
    }
  }

  /// New files hold personal information, so only their owner may read them; SQLite gives the -wal and -shm
  /// files the same mode. Only `init` makes a missing folder (the default `~/.local/share/laogan`); a backup
  /// into a folder that is not there is an error.
  static func createPrivateFile(at path: String, makingFolder: Bool) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if makingFolder {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } else {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
        throw LaoganError.folderMissing(path: directory)
      }
    }
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
    case .SQLITE_READONLY: "数据库为只读"
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
  public func read<T>(_ body: (Database) throws -> T) throws -> T {
    try LaoganDatabase.translatingErrors { try queue.read(body) }
  }

  /// Closes the connection; the database must not be used afterwards.
  public func close() throws {
    try LaoganDatabase.translatingErrors { try queue.close() }
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
