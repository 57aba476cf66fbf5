// swift-tools-version:6.1
// The workbook reader under libFuzzer (SPEC §12: a workbook is untrusted input). Built and run by
// Benchmarks/fuzz-workbook.sh, never by `swift test`.
import PackageDescription

let package = Package(
  name: "laogan-fuzz",
  platforms: [.macOS(.v13)],
  // The repository through a link named laogan (made by the script), whatever its own folder is called.
  dependencies: [.package(path: "../../.build-fuzz/laogan")],
  targets: [
    .executableTarget(
      name: "WorkbookFuzz", dependencies: [.product(name: "LaoganCore", package: "laogan")],
      // libFuzzer brings its own main; `-sanitize=fuzzer` itself comes from the script, for every module,
      // so that the reader's own code reports the coverage the fuzzer steers by.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  ]
)
