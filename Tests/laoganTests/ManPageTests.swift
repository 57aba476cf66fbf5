import Foundation
import Testing

/// `Scripts/manpage.py`, which `make` runs to write laogan.1 from the built binary's own description of its
/// commands.
@Suite("The man page")
struct ManPageTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scripts/manpage.py")

  @Test("every command is in the page with its Chinese help, as roff")
  func everyCommand() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script.path, Laogan.binary.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let page = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(page.hasPrefix(".TH LAOGAN 1 "))
    for heading in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH laogan import", ".SH laogan report 323"] {
      #expect(page.contains(heading), "\(heading)")
    }
    #expect(page.contains("老干部局离退休干部信息管理"))
    #expect(page.contains("laogan template cadres --output 花名册模板.xlsx"))
    #expect(page.contains(".B --sheet <sheet>"))
    // No line of text may start a roff request by accident.
    let textLines = page.split(separator: "\n").filter { !$0.hasPrefix(".") }
    #expect(!textLines.contains { $0.hasPrefix("'") })
  }
}
