// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "laogan",
  // Built and tested on Linux. On macOS the code needs UTF8Span (macOS 26) and Mutex (macOS 15); it has not
  // been built there.
  platforms: [.macOS("26.0")],
  products: [
    .executable(name: "laogan", targets: ["laogan"]),
    .library(name: "LaoganCore", targets: ["LaoganCore", "LaoganStore", "LaoganModel", "LaoganText"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The ZIP container of an .xlsx workbook a clerk imports (deflate through the system's zlib).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The shared database of a province's offices (SPEC §15): PostgreSQL's wire protocol, no ORM.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // TLS to a shared database across the network (`sslmode`), as PostgresNIO itself encrypts: in its build.
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    // The SHA-256 that recognises a file imported twice: in the build already, for PostgresNIO.
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    // Tests only: property-based fuzzing of the CSV reader and the 身份证号 parser, with shrinking.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // The layers, each seeing only those below it: text → model → store → core → the executable.
    // Text, search keys and the concurrency helper: no domain, no database.
    .target(name: "LaoganText"),
    // The records and their values (dates, months, 分, closed lists, 身份证号, regions). No database.
    .target(name: "LaoganModel", dependencies: ["LaoganText"]),
    // The one door to a database: connection, migrations, the model's rows, the audited writer, undo, backup,
    // the integrity checks. The only target that opens or migrates a file; the core reads and writes through
    // the connection it hands out.
    .target(
      name: "LaoganStore",
      dependencies: [
        "LaoganModel", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    // The rules and record kinds, import, reports and their renderers, the demo. Never prints, never parses
    // arguments.
    .target(
      name: "LaoganCore",
      dependencies: [
        "LaoganStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The thin command-line wrapper: parses, calls LaoganCore, prints.
    .executableTarget(
      name: "laogan",
      dependencies: [
        "LaoganCore", "LaoganStore", "LaoganModel", "LaoganText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A throwaway PostgreSQL cluster for the tests of both engines.
    .target(name: "LaoganTestSupport", path: "Tests/LaoganTestSupport"),
    .testTarget(
      name: "LaoganCoreTests",
      dependencies: [
        "LaoganCore", "LaoganStore", "LaoganModel", "LaoganText", "LaoganTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PropertyBased", package: "swift-property-based"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Reports/Snapshots"]
    ),
    // Runs the built `laogan` binary end to end; depending on it makes `swift test` build it.
    .testTarget(name: "laoganTests", dependencies: ["laogan", "LaoganTestSupport"]),
  ]
)
