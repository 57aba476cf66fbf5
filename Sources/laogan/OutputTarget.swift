import ArgumentParser
import Foundation
import LaoganCore
import LaoganStore

/// Where a command's result goes: the file `--output` names, or stdout.
struct OutputTarget {
  let path: String?

  /// What may happen to a file already at `path`.
  enum Existing {
    /// A generated report: written again, as a cron job expects.
    case replace
    /// A clerk's data (an export): refused unless `--force`, so a roster is never overwritten by mistake.
    case refuse
  }

  /// A workbook is bytes, not text: refused when it would land on a terminal.
  func refuseBinaryOnTerminal(_ binary: Bool) throws {
    if binary, path == nil, isatty(STDOUT_FILENO) == 1 {
      throw ValidationError("XLSX 是二进制文件，不能输出到终端：请加 --output 文件名.xlsx，或重定向到文件")
    }
  }

  /// Writes `data` whole or not at all. A `personal` file (unmasked 身份证号 and phones) is created mode 0600,
  /// like the database.
  func write(_ data: Data, existing: Existing, personal: Bool = false) throws {
    guard let path else {
      // Text goes through the terminal's escaping; a workbook (a ZIP: `PK`) goes as its bytes.
      // (Decoded as it is: Foundation's UTF-8 decoding would drop the BOM that opens a CSV.)
      if !data.starts(with: [0x50, 0x4B]), let text = String(validating: data, as: UTF8.self) {
        Terminal.output(text)
      } else {
        FileHandle.standardOutput.write(data)
      }
      return
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw LaoganError.invalidValue(field: "--output", value: path, reason: "是一个文件夹，请给出文件名")
    }
    if existing == .refuse, FileManager.default.fileExists(atPath: path) {
      throw LaoganError.fileExists(path: path)
    }
    // A report is written again over the last one, as a cron job expects; never over a database (its own,
    // named by mistake), whatever it is called.
    if let head = FileHandle(forReadingAtPath: path).map({ handle in
      defer { try? handle.close() }; return handle.readData(ofLength: 16)
    }),
      head == Data("SQLite format 3\u{0}".utf8)
    {
      throw LaoganError.invalidValue(field: "--output", value: path, reason: "是一个数据库文件，不会被覆盖；请换一个文件名")
    }
    let url = URL(fileURLWithPath: path)
    let folder = URL(fileURLWithPath: try ExistingFolder.of(path))
    // LibreOffice and WPS mark a workbook they hold open with a lock file beside it; writing over the workbook
    // would be lost when the clerk saves.
    let lock = folder.appendingPathComponent(".~lock.\(url.lastPathComponent)#").path
    if FileManager.default.fileExists(atPath: lock) { throw LaoganError.fileInUse(path: path) }
    try data.write(to: url, options: .atomic)
    if personal { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
  }

  /// Writes personal information shown whole (a private file), and `logReveal` logs the showing: after a file
  /// is written — a write refused (a file there, no folder, a database) showed nothing and logs nothing — and
  /// the file is taken back when the log cannot be written; before it goes to stdout, which cannot be taken
  /// back.
  func write(revealed data: Data, existing: Existing, logReveal: () throws -> Void) throws {
    guard let path else {
      try logReveal()
      return try write(data, existing: existing, personal: true)
    }
    try write(data, existing: existing, personal: true)
    do {
      try logReveal()
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
  }
}
