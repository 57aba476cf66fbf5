import Foundation

/// The folder a file is to be written into, which must already be there: `/mnt/u盘/` without the U disk
/// mounted is a folder of the local disk only once someone makes it, and the clerk would carry nothing away.
public enum ExistingFolder {
  /// The folder of `path`; `LaoganError.folderMissing` when it is not there.
  public static func of(_ path: String) throws -> String {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw LaoganError.folderMissing(path: folder)
    }
    return folder
  }
}
