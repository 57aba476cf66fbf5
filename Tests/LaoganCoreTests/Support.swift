import Foundation
import GRDB
import LaoganTestSupport
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore
@testable import LaoganText

/// A folder under the system's temporary directory, removed when the test lets go of it.
final class TemporaryFolder: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("laogan-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to a file in the folder and returns its URL.
  @discardableResult
  func write(_ name: String, _ bytes: Data) throws -> URL {
    let file = url.appendingPathComponent(name)
    try bytes.write(to: file)
    return file
  }

  func write(_ name: String, utf8 text: String, bom: Bool = false) throws -> URL {
    try write(name, Data(((bom ? "\u{FEFF}" : "") + text).utf8))
  }

  /// `text` written to a CSV file of its own in the folder and imported as `kind`, as a clerk's sheet would be.
  @discardableResult
  func importSheet<Kind: RecordKind>(
    _ kind: Kind.Type, _ text: String, into database: LaoganDatabase, options: ImportOptions = ImportOptions()
  ) throws -> ImportSummary {
    let file = try write("\(Kind.name)-\(UUID().uuidString).csv", utf8: text + "\n")
    return try database.importRecords(kind, from: file, options: options, testContext)
  }

  /// A new, initialized database in the folder.
  func database(_ name: String = "laogan.db") throws -> LaoganDatabase {
    try LaoganDatabase(path: path(name), mode: .create)
  }

  /// A new, initialized database on `engine`: a file in the folder, or a database of its own on the run's
  /// throwaway PostgreSQL cluster.
  func database(on engine: TestEngine) throws -> LaoganDatabase {
    switch engine {
    case .sqlite: try database()
    case .postgresql:
      try LaoganDatabase(
        path: try PostgresServer.started.get().newDatabase(copying: Self.initialized.get()).address, mode: .existing)
    }
  }

  /// A shared database `laogan init` made, once a run: each test's is copied from it, which takes the server a
  /// fraction of the time making the schema again would.
  private static let initialized = Result {
    let made = try PostgresServer.started.get().newDatabase()
    try LaoganDatabase(path: made.address, mode: .create).close()
    return made.name
  }
}

/// The engines a suite that runs on both runs on: PostgreSQL where a server is installed, and always under CI
/// (`PostgresServer.runs`); without one its half is left out, as the binary's PostgreSQL suite says.
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite, postgresql

  static let available: [TestEngine] = PostgresServer.runs ? allCases : [.sqlite]

  var testDescription: String { rawValue }
}

/// A suite whose tests run on both engines: each test given an engine calls `use` first, and its helpers then
/// read and write the database on that engine, through the same door a clerk's command does.
protocol RunsOnBothEngines: AnyObject {
  var folder: TemporaryFolder { get }
  var database: LaoganDatabase { get set }
  /// The records every test of the suite starts from, stored in `database`.
  func startingRecords() throws
}

extension RunsOnBothEngines {
  func startingRecords() throws {}

  /// The test on `engine`: a new database there in place of the suite's file, holding the starting records.
  func use(_ engine: TestEngine) throws {
    database = try folder.database(on: engine)
    try startingRecords()
  }
}

/// The SQL of one cadre, 甲 (id 1), as every laogan's schema stores it: the older-database tests start from it.
let oneCadreSQL = """
  INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code)
  VALUES ('甲', '男', '1946-03-15', '\(KnownIDs.man1946)', '退休', '522301');
  """

/// A database as an older laogan left it: migrated up to `migration`, then `sql` run on it, and closed.
func olderDatabase(at path: String, upTo migration: String, _ sql: String) throws {
  let queue = try DatabaseQueue(path: path)
  try Migrations.migrator.migrate(queue, upTo: migration)
  try queue.write { try $0.execute(sql: sql) }
  try queue.close()
}

/// The text as Excel in China saves a CSV: GB18030.
func gb18030(_ text: String) -> Data {
  text.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Data()
}

/// A fixed clock and operator, so audit lines are predictable.
let testContext = AuditContext(operatorName: "王芳", command: "test") { Date(timeIntervalSince1970: 1_795_000_000) }

/// Valid 身份证号 used across the tests (check characters computed by GB 11643).
enum KnownIDs {
  /// The standard's own example: a woman born 1949-12-31.
  static let standardExample = "11010519491231002X"
  static let man1946 = "522301194603150011"
  static let woman1930 = "522323193001010023"
  static let man1950 = "522301195011200032"

  /// The `index`th (0 to 399) of a run of valid numbers: people born 1945-01-01 in 兴义, for rosters of many
  /// rows.
  static func serial(_ index: Int) -> String {
    let body = "52230119450101" + String(format: "%03d", index + 100)
    return body + ResidentIDTestSupport.check(body)
  }
}

/// The repository's own sample spreadsheets (`Tests/Fixtures`), one a kind, in the forms clerks' files come in:
/// `cadres.csv` in GB18030 with 15-digit numbers, the others UTF-8 with or without BOM, mixed date, yes/no and
/// amount forms, a payment after a death and a scheduled item paid twice.
let fixtures = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A Python that can import openpyxl, the independent reader the XLSX tests open workbooks with: Debian's
/// (`apt-get install python3-openpyxl`) or the first `python3` on the PATH. Nil when neither has it, and the
/// tests that need it are skipped with that reason.
enum Openpyxl {
  static let python: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let candidates = ["/usr/bin/python3"] + path.split(separator: ":").map { "\($0)/python3" }
    return candidates.lazy.map(URL.init(fileURLWithPath:)).first { python in
      let process = Process()
      process.executableURL = python
      process.arguments = ["-c", "import openpyxl"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { return false }
      process.waitUntilExit()
      return process.terminationStatus == 0
    }
  }()

  /// Runs `script` with `arguments` and returns its exit status and everything it printed.
  static func run(_ script: String, _ arguments: String...) throws -> (status: Int32, printed: String) {
    guard let python else { return (-1, "openpyxl is not installed") }
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, printed)
  }
}

/// The GB 11643 check character of a 17-digit body, computed here from the standard's weights rather than by
/// `ResidentID` (the code under test), so that a test of the parser never takes its expectation from it.
enum ResidentIDTestSupport {
  static func check(_ body: String) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(body.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
    return String(Array("10X98765432")[sum % 11])
  }
}

extension LaoganDatabase {
  /// How many rows `table` holds, read through the door, on either engine.
  func rowCount(_ table: String) throws -> Int {
    try read { db in try db.value(Int.self, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
  }

  /// Reads the file through GRDB itself, on a connection of the test's own: for a test that looks at what
  /// SQLite stored, beside the door the core reads through.
  func readSQLite<T>(_ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read(body)
  }
}
