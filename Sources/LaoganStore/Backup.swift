import Foundation
import GRDB

extension LaoganDatabase {
  /// `backup FILE`: SQLite's online backup, consistent even while another process writes. The copy is
  /// written under a temporary name beside FILE, checked (`integrity_check` on the copy, which blocks no
  /// writer), flushed to the disk and only then given its name — a copy of a damaged file, or one cut short by
  /// a full disk, is removed and never called a backup. An existing file is not overwritten, and a missing
  /// folder is an error, never created: `/mnt/u盘/` without the U disk mounted is a folder on the local disk,
  /// and the clerk would carry nothing. A shared database is backed up as a copy out to a file (`copyOut`).
  public func backup(to destination: String) throws {
    guard !FileManager.default.fileExists(atPath: destination) else {
      throw LaoganError.backupExists(path: destination)
    }
    if case .postgresql = engine { return try copyOut(to: destination, regionCodes: nil) }
    do {
      try LaoganDatabase.copyWhole(queue, to: destination, verified: { .databaseDamaged(path: path, detail: $0) })
    } catch {
      throw LaoganDatabase.writeFailure(
        error, folder: URL(fileURLWithPath: destination).deletingLastPathComponent().path)
    }
  }

  /// A consistent copy of an open database: written under a temporary name beside `destination`, standing
  /// alone (no WAL), checked by `integrity_check` when `damaged` says what a failed check is, flushed to the
  /// disk, and only then given its name — never over an existing file. Nothing is left on any failure.
  private static func copyWhole(
    _ database: DatabaseQueue, to destination: String, verified damaged: ((String) -> LaoganError)?
  ) throws {
    let copy = try TemporaryFile(beside: destination)
    do {
      let target = try DatabaseQueue(path: copy.path)
      try database.backup(to: target)
      try leaveWAL(target)
      if let damaged { try verifyIntegrity(of: copy.path, damaged: damaged) }
      try copy.synchronize()
      try copy.place(at: destination, replacing: false)
    } catch {
      copy.remove()
      throw error
    }
  }

  /// `restore FILE`: checks the backup (a SQLite file, not empty, intact, laogan's, not from a newer laogan),
  /// copies it beside the database under a temporary name, migrates and checks the copy and flushes it to the
  /// disk. Then the current database is copied aside (`.before-restore-STAMP`) and the copy's pages are written
  /// into it by SQLite's backup, one transaction under SQLite's own locks: another clerk's connection waits and
  /// then reads the restored data, and a restore killed at any moment leaves the old database or the new one,
  /// whole. A current file SQLite cannot open (damaged) is set aside and replaced as a file. Returns where the
  /// old database is kept (nil when there was none).
  public static func restore(from source: String, into path: String, stamp: String) throws -> String? {
    try checkBackup(source)
    let refused = { (reason: String) in LaoganError.cannotOpen(path: source, reason: reason) }
    let copy = try TemporaryFile(beside: path)
    do {
      let restored = try migratedCopy(of: source, at: copy.path)
      try leaveWAL(restored)
      try verifyIntegrity(of: copy.path, damaged: { refused("恢复出的副本未通过完整性检查：\($0)") })
      try copy.synchronize()
      guard FileManager.default.fileExists(atPath: path) else {
        try replaceFile(path, with: copy)
        return nil
      }
      let aside = asideName(path, "before-restore-\(stamp)")
      do {
        let current = try DatabaseQueue(path: path, configuration: makeConfiguration())
        defer { try? current.close() }
        // The old database as it was, kept whatever it holds: a restore is often what a damaged file needs.
        try copyWhole(current, to: aside, verified: nil)
        let readable = try DatabaseQueue(path: copy.path, configuration: readOnlyConfiguration)
        defer { try? readable.close() }
        try readable.backup(to: current)
      } catch let error as DatabaseError where isDamage(error) || error.resultCode == .SQLITE_NOTADB {
        if link(path, aside) != 0 { try FileManager.default.copyItem(atPath: path, toPath: aside) }
        try replaceFile(path, with: copy)
        return aside
      }
      copy.remove()
      return aside
    } catch {
      copy.remove()
      throw writeFailure(error, folder: copy.folder)
    }
  }

  /// Refuses a backup that is missing, empty, damaged, not laogan's or a newer laogan's.
  static func checkBackup(_ source: String) throws {
    guard FileManager.default.fileExists(atPath: source) else {
      throw LaoganError.cannotOpen(path: source, reason: "备份文件不存在")
    }
    let refused = { (reason: String) in LaoganError.cannotOpen(path: source, reason: reason) }
    do {
      guard try inspect(path: source) != .empty else { throw refused("备份文件是空的（没有任何数据表），不是有效的备份") }
    } catch LaoganError.databaseMissing {
      throw refused("备份文件不存在")
    } catch LaoganError.databaseDamaged(_, let detail) {
      throw refused("备份文件已损坏（\(detail)）")
    }
    try verifyIntegrity(of: source, damaged: { refused("完整性检查未通过：\($0)") })
  }

  /// The backup's pages copied to `path` and migrated there: the backup itself, perhaps on a read-only U disk,
  /// is never written.
  static func migratedCopy(of source: String, at path: String) throws -> DatabaseQueue {
    let backup = try DatabaseQueue(path: source, configuration: readOnlyConfiguration)
    let restored = try DatabaseQueue(path: path)
    try backup.backup(to: restored)
    try backup.close()
    try Migrations.migrator.migrate(restored)
    return restored
  }

  /// `body` over a migrated copy of the laogan file at `source` (`migratedCopy`), made in the system's temporary
  /// folder and removed afterwards: what a shared database's restore and upgrade copy in.
  static func readingMigratedCopy<T>(of source: String, _ body: (Database) throws -> T) throws -> T {
    let staged = try TemporaryFile(beside: NSTemporaryDirectory() + "/laogan-migrated.db")
    defer { staged.remove() }
    let copy = try translatingErrors { try migratedCopy(of: source, at: staged.path) }
    defer { try? copy.close() }
    return try translatingErrors { try copy.read(body) }
  }

  /// `path.WHY` (`before-restore-STAMP`), with `-2`, `-3` … when a restore in the same second took it.
  static func asideName(_ path: String, _ why: String) -> String {
    var aside = "\(path).\(why)"
    var number = 1
    while FileManager.default.fileExists(atPath: aside) {
      number += 1
      aside = "\(path).\(why)-\(number)"
    }
    return aside
  }

  /// Puts the copy at a path no connection can use — none there, or a file SQLite cannot open — removing the
  /// WAL and shared memory an old file left, which must never be read against the new one.
  private static func replaceFile(_ path: String, with copy: TemporaryFile) throws {
    for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    try copy.place(at: path, replacing: true)
  }

  /// A copy takes its source's WAL mode with its pages; it is closed as a file that stands alone, with no
  /// `-wal` and `-shm` beside it for a read-only check to leave behind (laogan turns WAL on when it opens it).
  static func leaveWAL(_ copy: DatabaseQueue) throws {
    try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
    try copy.close()
  }

  /// `PRAGMA integrity_check` through a read-only connection; anything but "ok" is `damaged`'s error.
  static func verifyIntegrity(of path: String, damaged: (String) -> LaoganError) throws {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    let result: [String]
    do {
      result = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    } catch let error as DatabaseError where isDamage(error) || error.resultCode == .SQLITE_NOTADB {
      throw damaged(error.message ?? "\(error.resultCode)")
    }
    guard result == ["ok"] else { throw damaged(result.prefix(3).joined(separator: "；")) }
  }

  /// A copy's failure as the clerk reads it: a full disk names the folder, SQLite's other errors are explained.
  static func writeFailure(_ error: any Error, folder: String) -> any Error {
    guard let error = error as? DatabaseError else { return error }
    // A full disk reaches the backup API as SQLITE_FULL, an I/O error, or no error code at all.
    if error.resultCode == .SQLITE_FULL || TemporaryFile.isFull(folder) { return LaoganError.diskFull(folder: folder) }
    return LaoganError.database(explain(error))
  }
}
