import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore

/// The clerks' manual (`docs/`) against the code it describes.
@Suite("The manual")
struct ManualTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs")

  @Test("docs/columns.md is what the import kinds' fields say (LAOGAN_WRITE_DOCS=1 writes it)")
  func columnGuide() throws {
    let file = Self.docs.appendingPathComponent("columns.md")
    let written = ColumnGuide.markdown()
    if ProcessInfo.processInfo.environment["LAOGAN_WRITE_DOCS"] == "1" {
      try Data(written.utf8).write(to: file)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == written, "docs/columns.md is out of date")
    for kind in RecordKinds.all { #expect(written.contains("`laogan import \(kind.name)`")) }
  }

  @Test("the manual explains every check finding with its severity, and links the column tables")
  func findings() throws {
    let manual = try String(contentsOf: Self.docs.appendingPathComponent("manual.md"), encoding: .utf8)
    for kind in FindingKind.allCases {
      #expect(
        manual.contains("| `\(kind.rawValue)` | \(kind.severity.label) |"),
        "\(kind.rawValue) is not in docs/manual.md's table with its severity \(kind.severity.label)")
    }
    #expect(manual.contains("(columns.md)"))
  }
}
