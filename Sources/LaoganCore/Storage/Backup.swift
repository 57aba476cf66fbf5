import Foundation
import GRDB

extension LaoganDatabase {
  /// `backup FILE`: SQLite's online backup, consistent even while another process writes. The copy is a new
  /// file, mode 0600; an existing file is not overwritten, and a missing folder is an error, never created:
  /// `/mnt/u盘/` without the U disk mounted is a folder on the local disk, and the clerk would carry nothing.
  public func backup(to destination: String) throws {
    guard !FileManager.default.fileExists(atPath: destination) else {
      throw LaoganError.cannotOpen(path: destination, reason: "文件已存在，不覆盖；请换一个文件名")
    }
    try LaoganDatabase.createPrivateFile(at: destination, makingFolder: false)
    let copy = try DatabaseQueue(path: destination)
    try LaoganDatabase.translatingErrors { try queue.backup(to: copy) }
    try copy.close()
  }

  /// `restore FILE`: checks the backup (a SQLite file, intact, laogan's, not from a newer laogan), moves the
  /// current database aside, and puts a copy of the backup in its place, migrated if it is older. Returns
  /// where the old database now is (nil when there was none).
  public static func restore(from source: String, into path: String, stamp: String) throws -> String? {
    guard FileManager.default.fileExists(atPath: source) else {
      throw LaoganError.cannotOpen(path: source, reason: "备份文件不存在")
    }
    do {
      try checkIsOurs(path: source)
      try verifyIntegrity(of: source)
    } catch let error as DatabaseError {
      throw LaoganError.cannotOpen(path: source, reason: explain(error))
    }
    var aside: String?
    if FileManager.default.fileExists(atPath: path) {
      let current = try DatabaseQueue(path: path, configuration: makeConfiguration())
      try current.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
      try current.close()
      let target = "\(path).before-restore-\(stamp)"
      try FileManager.default.moveItem(atPath: path, toPath: target)
      for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
        try FileManager.default.removeItem(atPath: path + suffix)
      }
      aside = target
    }
    var configuration = Configuration()
    configuration.readonly = true
    let backup = try DatabaseQueue(path: source, configuration: configuration)
    try createPrivateFile(at: path, makingFolder: false)
    let restored = try DatabaseQueue(path: path)
    try backup.backup(to: restored)
    try restored.close()
    try backup.close()
    _ = try LaoganDatabase(path: path, mode: .existing)
    return aside
  }

  /// `PRAGMA integrity_check` through a read-only connection; anything but "ok" is refused.
  static func verifyIntegrity(of path: String) throws {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    let result = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    guard result == ["ok"] else {
      throw LaoganError.cannotOpen(path: path, reason: "完整性检查未通过：\(result.prefix(3).joined(separator: "；"))")
    }
  }
}
