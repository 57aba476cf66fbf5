import Foundation
import GRDB

extension LaoganDatabase {
  /// `backup FILE`: SQLite's online backup, consistent even while another process writes. The copy is
  /// written under a temporary name beside FILE, checked (`integrity_check` on the copy, which blocks no
  /// writer), flushed to the disk and only then given its name — a copy of a damaged file, or one cut short by
  /// a full disk, is removed and never called a backup. An existing file is not overwritten, and a missing
  /// folder is an error, never created: `/mnt/u盘/` without the U disk mounted is a folder on the local disk,
  /// and the clerk would carry nothing.
  public func backup(to destination: String) throws {
    guard !FileManager.default.fileExists(atPath: destination) else {
      throw LaoganError.cannotOpen(path: destination, reason: "文件已存在，不覆盖；请换一个文件名")
    }
    let copy = try TemporaryFile(beside: destination)
    do {
      let target = try DatabaseQueue(path: copy.path)
      try queue.backup(to: target)
      try LaoganDatabase.leaveWAL(target)
      try LaoganDatabase.verifyIntegrity(of: copy.path, damaged: { .databaseDamaged(path: path, detail: $0) })
      try copy.synchronize()
      try copy.place(at: destination, replacing: false)
    } catch {
      copy.remove()
      throw LaoganDatabase.writeFailure(error, folder: copy.folder)
    }
  }

  /// `restore FILE`: checks the backup (a SQLite file, not empty, intact, laogan's, not from a newer laogan),
  /// copies it beside the database under a temporary name, migrates and checks the copy, flushes it to the
  /// disk, keeps the current database aside under a new name and renames the copy into place — one step, so
  /// a restore killed at any moment leaves the old database or the new one, whole, at the path. Returns where
  /// the old database is kept (nil when there was none).
  public static func restore(from source: String, into path: String, stamp: String) throws -> String? {
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
    let copy = try TemporaryFile(beside: path)
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let backup = try DatabaseQueue(path: source, configuration: configuration)
      let restored = try DatabaseQueue(path: copy.path)
      try backup.backup(to: restored)
      try backup.close()
      try Migrations.migrator.migrate(restored)
      try leaveWAL(restored)
      try verifyIntegrity(of: copy.path, damaged: { refused("恢复出的副本未通过完整性检查：\($0)") })
      try copy.synchronize()
      let aside = try keepAside(path, stamp: stamp)
      try copy.place(at: path, replacing: true)
      return aside
    } catch {
      copy.remove()
      throw writeFailure(error, folder: copy.folder)
    }
  }

  /// Keeps the current database under a name of its own before the restored one takes its place: a hard link,
  /// so the path never stands empty, with everything its WAL held written into it first and the WAL removed,
  /// so that no old WAL is ever read against the new file. Nil when there is no current database.
  private static func keepAside(_ path: String, stamp: String) throws -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let current = try DatabaseQueue(path: path, configuration: makeConfiguration())
    try current.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    try current.close()
    var aside = "\(path).before-restore-\(stamp)"
    var number = 1
    while FileManager.default.fileExists(atPath: aside) {
      number += 1
      aside = "\(path).before-restore-\(stamp)-\(number)"
    }
    if link(path, aside) != 0 { try FileManager.default.copyItem(atPath: path, toPath: aside) }
    for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    return aside
  }

  /// A copy takes its source's WAL mode with its pages; it is closed as a file that stands alone, with no
  /// `-wal` and `-shm` beside it for a read-only check to leave behind (laogan turns WAL on when it opens it).
  private static func leaveWAL(_ copy: DatabaseQueue) throws {
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
  private static func writeFailure(_ error: any Error, folder: String) -> any Error {
    guard let error = error as? DatabaseError else { return error }
    // A full disk reaches the backup API as SQLITE_FULL, an I/O error, or no error code at all.
    if error.resultCode == .SQLITE_FULL || TemporaryFile.isFull(folder) { return LaoganError.diskFull(folder: folder) }
    return LaoganError.database(explain(error))
  }
}
