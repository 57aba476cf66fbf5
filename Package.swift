// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "laogan",
  // Built and tested on Linux. On macOS the code needs UTF8Span (macOS 26) and Mutex (macOS 15); it has not
  // been built there.
  platforms: [.macOS("26.0")],
  products: [
    .executable(name: "laogan", targets: ["laogan"]),
    .library(name: "LaoganCore", targets: ["LaoganCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The ZIP container of an .xlsx workbook a clerk imports (deflate through the system's zlib).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // Tests only: property-based fuzzing of the CSV reader and the 身份证号 parser, with shrinking.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // The records, their rules, storage, import and rendering. Never prints, never parses arguments.
    .target(
      name: "LaoganCore",
      dependencies: [
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // The thin command-line wrapper: parses, calls LaoganCore, prints.
    .executableTarget(
      name: "laogan",
      dependencies: [
        "LaoganCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "LaoganCoreTests",
      dependencies: [
        "LaoganCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PropertyBased", package: "swift-property-based"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Reports/Snapshots"]
    ),
    // Runs the built `laogan` binary end to end; depending on it makes `swift test` build it.
    .testTarget(name: "laoganTests", dependencies: ["laogan"]),
  ]
)
