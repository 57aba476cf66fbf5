import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore

/// The targets against the line the README draws. The compiler refuses an import of a target that is not a
/// dependency; these keep `Package.swift` from gaining one that points back, GRDB inside the layers that use
/// it, and the store's connection out of the executable.
@Suite("The layers")
struct LayerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The targets in the order they may import one another: each only those before it.
  static let line = ["LaoganText", "LaoganModel", "LaoganStore", "LaoganCore", "laogan"]

  /// Each Swift file of `target`, by its path from `Sources`, with its text.
  static func sources(of target: String) throws -> [(file: String, text: String)] {
    let folder = root.appendingPathComponent("Sources").appendingPathComponent(target)
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    return try files.filter { $0.hasSuffix(".swift") }.sorted().map { file in
      (target + "/" + file, try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
    }
  }

  /// The modules each Swift file of `target` imports, by file.
  static func imports(of target: String) throws -> [(file: String, module: String)] {
    try sources(of: target).flatMap { file, text in
      text.split(separator: "\n").compactMap { line -> (String, String)? in
        let words = line.split(separator: " ")
        guard let at = words.firstIndex(of: "import"), at + 1 < words.count else { return nil }
        return (file, String(words[at + 1]))
      }
    }
  }

  @Test("the README draws the line of Package.swift: each target depends on the one before it")
  func line() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains(Self.line.joined(separator: " → ")))
    let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    for (before, target) in zip(Self.line, Self.line.dropFirst()) {
      let declaration = try #require(
        package.firstMatch(of: try Regex("name: \"\(target)\",\\s*dependencies: \\[([^\\]]*)\\]")),
        "\(target) is not a target with dependencies")
      let dependencies = try #require(declaration.output[1].substring)
      #expect(dependencies.contains("\"\(before)\""), "\(target) does not depend on \(before)")
    }
  }

  @Test("each target imports only the targets before it")
  func importsGoDown() throws {
    for (position, target) in Self.line.enumerated() {
      let later = Set(Self.line[(position + 1)...])
      for (file, module) in try Self.imports(of: target) where later.contains(module) {
        Issue.record("\(file) imports \(module), a layer above it")
      }
    }
  }

  /// Without the import no type or member of GRDB's is in reach (the compiler sees members of a module only
  /// where it is imported), so this holds the core to the door: `SQLSession`, `SQLRow`, `SQLValue`.
  @Test(
    "GRDB and PostgresNIO are imported by the store alone: above it the core speaks SQL through the door, never an engine's types"
  )
  func enginesStayInTheStore() throws {
    let drivers: Set<String> = ["GRDB", "PostgresNIO", "NIOCore", "NIOPosix"]
    for target in Self.line where target != "LaoganStore" {
      for (file, module) in try Self.imports(of: target) where drivers.contains(module) {
        Issue.record("\(file) imports \(module)")
      }
    }
    let store = try Self.imports(of: "LaoganStore")
    #expect(store.contains { $0.module == "GRDB" } && store.contains { $0.module == "PostgresNIO" })
    // Within the store, each engine's driver stays in its own folder and the door's files name neither.
    for (file, module) in store where drivers.contains(module) && file.contains("/Door/") {
      Issue.record("\(file) imports \(module)")
    }
    for (file, module) in store where module != "GRDB" && drivers.contains(module) && !file.contains("/PostgreSQL/") {
      Issue.record("\(file) imports \(module) outside PostgreSQL/")
    }
  }

  @Test("the executable never holds the store's connection or its writer: every write is the core's, audited")
  func executableStaysOutOfTheStore() throws {
    for (file, text) in try Self.sources(of: "laogan") {
      // GRDB's `Database` as a word: `LaoganDatabase` and `DatabaseOptions` are the executable's to name.
      for name in [#"\bAuditedWriter\b"#, #"\bDatabase\b"#, #"\.read \{"#, #"\.write\(context"#]
      where text.contains(try Regex(name)) {
        Issue.record("Sources/\(file) names \(name)")
      }
    }
  }

  @Test("the store's second lists of an event's cadres are the kinds' own")
  func secondLists() {
    let kinds = RecordKinds.all.compactMap { kind in kind.excusedTable.map { "\($0)→\(kind.tableName)" } }
    #expect(kinds.sorted() == ParticipantList.secondLists.map { "\($0.list)→\($0.table)" }.sorted())
  }
}
