import ArgumentParser
import LaoganCore

/// The KIND word of `import` and `export` (SPEC §4): any record kind's name.
struct RecordKindName: ExpressibleByArgument {
  let kind: any RecordKind.Type

  init?(argument: String) {
    guard let kind = RecordKinds.named(argument) else { return nil }
    self.kind = kind
  }

  static var allValueStrings: [String] { RecordKinds.all.map { $0.name } }
}
