import Foundation
import LaoganCore
import LaoganStore

/// One input: the bytes as an .xlsx file, imported as a roster in a dry run against one scratch database.
/// Any outcome is fine — rows, a refusal, a list of bad cells — but a crash, a hang or memory without bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let file = Scratch.folder.appendingPathComponent("input.xlsx")
  do {
    try Data(bytes: bytes, count: count).write(to: file)
    _ = try Scratch.database.importRecords(
      CadreKind.self, from: file, options: ImportOptions(dryRun: true), AuditContext(operatorName: "fuzz", command: "fuzz"))
  } catch {}
  return 0
}

/// SwiftPM links an executable's entry as `<target>_main`; here it hands the process to libFuzzer's driver.
@_cdecl("WorkbookFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

enum Scratch {
  static let folder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("laogan-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }()
  static let database = try! LaoganDatabase(
    path: folder.appendingPathComponent("fuzz.db").path, mode: .create)
}
