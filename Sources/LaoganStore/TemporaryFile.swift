import Foundation

/// A file written under a temporary name beside where it belongs, then put in place whole: a backup or a
/// restore killed half way, or stopped by a full disk, leaves nothing under the real name — never a file that
/// looks done and is not. The temporary name starts with a dot, so a clerk's file manager does not show it.
struct TemporaryFile {
  let path: String
  /// The folder it and its destination are in: the same file system, so putting it in place is a rename.
  let folder: String

  /// Creates an empty private file (mode 0600) beside `destination`; the folder must exist.
  package init(beside destination: String) throws {
    folder = try ExistingFolder.of(destination)
    let name = URL(fileURLWithPath: destination).lastPathComponent
    for attempt in 0..<100 {
      let candidate = "\(folder)/.\(name).\(getpid())-\(attempt).partial"
      let descriptor = open(candidate, O_CREAT | O_EXCL | O_WRONLY, 0o600)
      if descriptor >= 0 {
        Foundation.close(descriptor)
        path = candidate
        return
      }
      guard errno == EEXIST else { throw TemporaryFile.failure(folder: folder, path: destination) }
    }
    throw LaoganError.cannotOpen(path: destination, reason: "无法在 \(folder) 建立临时文件")
  }

  /// Flushes the file's bytes to the disk, so the name it gets next never points at data still in memory.
  func synchronize() throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw TemporaryFile.failure(folder: folder, path: path) }
    defer { Foundation.close(descriptor) }
    guard fsync(descriptor) == 0 else { throw TemporaryFile.failure(folder: folder, path: path) }
  }

  /// Puts the file at `destination` in one step. Without `replacing`, an existing file there is never
  /// overwritten: a hard link fails if the name is taken (where the file system has no links — a FAT U disk
  /// — the name is checked just before a rename).
  func place(at destination: String, replacing: Bool) throws {
    if replacing {
      guard rename(path, destination) == 0 else { throw TemporaryFile.failure(folder: folder, path: destination) }
    } else if link(path, destination) == 0 {
      unlink(path)
    } else if errno == EEXIST {
      throw LaoganError.backupExists(path: destination)
    } else if !FileManager.default.fileExists(atPath: destination), rename(path, destination) == 0 {
      // placed by rename
    } else {
      throw TemporaryFile.failure(folder: folder, path: destination)
    }
    TemporaryFile.synchronizeFolder(folder)
  }

  /// Removes the file (and any journal SQLite left beside it); for every way a write can fail.
  func remove() {
    for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
  }

  /// A rename is durable once the folder's entry is on the disk.
  static func synchronizeFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    Foundation.close(descriptor)
  }

  /// Whether the folder's file system has less room left than a SQLite page or two.
  static func isFull(_ folder: String) -> Bool {
    var status = statvfs()
    guard statvfs(folder, &status) == 0 else { return false }
    return UInt64(status.f_bavail) * UInt64(status.f_frsize) < 64 * 1024
  }

  /// The last system call's failure as a clerk reads it: a full disk names its folder.
  static func failure(folder: String, path: String) -> LaoganError {
    errno == ENOSPC || errno == EDQUOT
      ? .diskFull(folder: folder) : .cannotOpen(path: path, reason: String(cString: strerror(errno)))
  }
}
