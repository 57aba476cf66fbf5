import Foundation
import GRDB

/// A county's database file sent up for the prefecture's report (SPEC §13, `--merge`): read as it is, never
/// written, never migrated, and nothing left beside it.
///
/// SQLite's read-only mode alone is not enough for that: opening a WAL database creates its `-wal` and `-shm`
/// files, and a read-only connection cannot remove them. So a file nobody has open (no `-wal` beside it) is
/// opened `immutable`, which creates nothing and takes no lock; a file another laogan is writing (its `-wal`
/// is there) is opened read-only through the WAL, whose read lock gives one consistent snapshot of it.
public struct SourceFile: Sendable {
  /// As given on the command line: what messages and the 来源 column call it.
  public let path: String
  /// The device and inode, so a file named twice (by two spellings of its path) is caught.
  package let identity: FileIdentity
  /// The regions its cadres belong to, when one or two (the file is named by its one region).
  package let regionCodes: [String]

  package struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
  }

  /// Checks that `path` is a file laogan can report over: it exists, is a regular file, is a SQLite
  /// database written by this laogan's schema — not a newer one, not another program's, not an older one
  /// still to be upgraded. Throws `LaoganError.sourceRefused` naming it otherwise.
  public init(path: String) throws {
    self.path = path
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw LaoganError.sourceRefused(path: path, reason: "文件不存在或不可读")
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw LaoganError.sourceRefused(path: path, reason: "不是普通文件（是文件夹？）")
    }
    identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    regionCodes = try SourceFile.read(path: path) { db in
      try SourceFile.checkSchema(db, path: path)
      return try String.fetchAll(
        db, sql: "SELECT DISTINCT region_code FROM cadre WHERE \(RecordSQL.inForce()) LIMIT 2")
    }
  }

  /// Runs `body` over one consistent snapshot of the file, then closes it.
  package func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
    try SourceFile.read(path: path) { try SQLiteSession.reading($0, body) }
  }

  private static func read<T>(path: String, _ body: (Database) throws -> T) throws -> T {
    do {
      let queue = try DatabaseQueue(path: uri(of: path), configuration: LaoganDatabase.readOnlyConfiguration)
      defer { try? queue.close() }
      return try queue.read(body)
    } catch let error as DatabaseError {
      throw LaoganError.sourceRefused(path: path, reason: LaoganDatabase.explain(error))
    }
  }

  /// The file as the database door reads it: for the reports that take a `LaoganDatabase`.
  public func opened() throws -> LaoganDatabase {
    do {
      let uri = SourceFile.uri(of: path)
      let open = { @Sendable in try DatabaseQueue(path: uri, configuration: LaoganDatabase.readOnlyConfiguration) }
      return LaoganDatabase(queue: try open(), path: path, openReader: open)
    } catch let error as DatabaseError {
      throw LaoganError.sourceRefused(path: path, reason: LaoganDatabase.explain(error))
    }
  }

  /// `immutable` when nobody has the file open, plain read-only through its WAL when somebody does. The
  /// characters a URI gives a meaning to are escaped.
  static func uri(of path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    let inUse = FileManager.default.fileExists(atPath: absolute + "-wal")
    return "file:\(escaped)?" + (inUse ? "mode=ro" : "immutable=1")
  }

  private static func checkSchema(_ db: Database, path: String) throws {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    let migrator = Migrations.migrator
    guard tables.contains("grdb_migrations"), try migrator.appliedIdentifiers(db).contains("v1-roster") else {
      throw LaoganError.sourceRefused(path: path, reason: "不是 laogan 数据库")
    }
    if try migrator.hasBeenSuperseded(db) {
      throw LaoganError.sourceRefused(path: path, reason: "由更新版本的 laogan 写成，本版本不认识其结构；请升级 laogan")
    }
    guard try migrator.hasCompletedMigrations(db) else {
      throw LaoganError.sourceRefused(
        path: path,
        reason: "由较早版本的 laogan 写成；请先复制一份，用本版 laogan 打开那份副本一次（如 laogan check --db 副本）使其升级，再合并副本")
    }
  }
}
