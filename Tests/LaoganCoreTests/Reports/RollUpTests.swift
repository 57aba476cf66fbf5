import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The demo split into its nine regions' own files, as the counties would keep them
/// (`Fixtures/keep-one-region.sql`), beside the demo itself.
private final class SplitDemo: Sendable {
  let folder: TemporaryFolder
  let whole: String
  let regionFiles: [String]

  init() throws {
    let folder = try TemporaryFolder()
    let whole = folder.path("whole.db")
    self.folder = folder
    self.whole = whole
    let demo = try LaoganDatabase(path: whole, mode: .create)
    _ = try demo.buildDemo(DemoOptions(), testContext) { _ in }
    try demo.close()
    let script = try String(contentsOf: fixtures.appendingPathComponent("keep-one-region.sql"), encoding: .utf8)
    regionFiles = try Region.all.map { region in
      let path = folder.path("\(region.code).db")
      try FileManager.default.copyItem(atPath: whole, toPath: path)
      let queue = try DatabaseQueue(path: path)
      try queue.writeWithoutTransaction { db in
        try db.execute(
          sql: """
            CREATE TEMP TABLE keep_region (code TEXT); INSERT INTO keep_region VALUES (?);
            CREATE TEMP TABLE keep_part (parts INTEGER, bucket INTEGER); INSERT INTO keep_part VALUES (1, 0);
            """, arguments: [region.code])
        try db.execute(sql: script)
      }
      try queue.close()
      return path
    }
  }
}

@Suite("Roll-up: reports over the counties' own files (SPEC §13)")
struct RollUpTests {
  private static let demo = Result { try SplitDemo() }

  private let year = Period(from: CalendarDate(valid: 2022, 1, 1), to: CalendarDate(valid: 2022, 12, 31))

  /// 甲, retired in 2000, in `region`.
  static func cadre(in region: String) -> [CadreField: String] {
    [.name: "甲", .residentID: KnownIDs.man1946, .category: "退休", .region: region, .retiredOn: "2000-01-01"]
  }
  private let stamp = "2024-01-01T00:00:00Z"

  /// Every report of a period, as the command line computes it for one database and one region.
  private func reports(_ period: Period) -> [(String, @Sendable (LaoganDatabase, Region) throws -> ReportDocument)] {
    let stamp = stamp
    return [
      ("changes", { try $0.changesReport(region: $1, period: period, generatedAt: stamp) }),
      ("basic", { try $0.basicReport(region: $1, period: period, generatedAt: stamp) }),
      ("orgs", { try $0.organizationsReport(region: $1, period: period, generatedAt: stamp) }),
      ("roster", { try $0.rosterReport(region: $1, period: period, generatedAt: stamp) }),
      ("benefits", { try $0.benefitsReport(region: $1, period: period, generatedAt: stamp) }),
      ("dues", { try $0.duesReport(region: $1, period: period, generatedAt: stamp) }),
      (
        "dues --owed",
        { try $0.duesOwedReport(region: $1, through: Month(period.to), generatedAt: stamp, reveal: false) }
      ),
      (
        "visits-due",
        { try $0.visitsDueReport(region: $1, period: period, months: 6, generatedAt: stamp, reveal: false) }
      ),
      ("elections-due", { try $0.electionsDueReport(region: $1, on: period.to, months: 6, generatedAt: stamp) }),
      ("visits", { try $0.visitsReport(region: $1, period: period, generatedAt: stamp) }),
      ("deaths", { try $0.deathsReport(region: $1, period: period, generatedAt: stamp, reveal: false) }),
      ("in-hospital", { try $0.inHospitalReport(region: $1, on: period.to, generatedAt: stamp, reveal: false) }),
      ("chongyang", { try $0.chongyangReport(region: $1, year: period.to.year, generatedAt: stamp, reveal: false) }),
      (
        "party-50",
        {
          try $0.partyFiftyReport(
            region: $1, year: period.to.year, notAwarded: false, generatedAt: stamp, reveal: false)
        }
      ),
    ]
  }

  @Test("the nine regions' files merged equal the one database, figure for figure, in every report")
  func mergedEqualsWhole() throws {
    let demo = try Self.demo.get()
    let whole = ReportSource.database(try LaoganDatabase(path: demo.whole, mode: .existing))
    let merged = ReportSource.merged(try MergedFiles(paths: demo.regionFiles))
    for period in [year, Period(from: CalendarDate(valid: 2022, 1, 1), to: CalendarDate(valid: 2023, 6, 12))] {
      let (compare, stamp) = (true, stamp)
      let make: @Sendable (LaoganDatabase, Region) throws -> Report323 = {
        try $0.report323(region: $1, period: period, compare: compare, generatedAt: stamp)
      }
      for axis in [nil, BreakdownAxis.region] {
        let one = try whole.report(scope: .prefecture, by: axis, make)
        let all = try merged.report(scope: .prefecture, by: axis, make)
        #expect(all.indicators == one.indicators)
        #expect(all.breakdown == one.breakdown)
        #expect(all.mergedFrom == Region.all.map(\.displayName))
      }
      let county = try merged.report(scope: Region(named: "普安")!, by: nil, make)
      #expect(county.indicators == (try whole.report(scope: Region(named: "普安")!, by: nil, make)).indicators)
      for (name, make) in reports(period) {
        let one = try whole.report(scope: .prefecture, by: nil, make)
        let all = try merged.report(scope: .prefecture, by: nil, make)
        #expect(all.title == one.title, "\(name)")
        #expect(all.subtitle == one.subtitle + [ReportHeading.merged(Region.all.map(\.displayName))], "\(name)")
        for (section, whole) in zip(all.sections, one.sections) {
          switch whole.combination {
          case .tally:
            #expect(section.rows == whole.rows, "\(name) \(section.title)")
          case .list:
            // Each record once, under the file it is in; a row that gathers records (未编入党组织, 合计) once
            // per file, adding up to the whole's.
            #expect(section.headers == ["来源"] + whole.headers, "\(name)")
            let listed = tallied(section.rows.map { Array($0.dropFirst()) })
            let expected = tallied(whole.rows)
            #expect(listed.count == expected.count, "\(name)")
            for (label, row) in expected where listed[label] != row {
              Issue.record("\(name) \(label): \(listed[label] ?? []) ≠ \(row)")
            }
          }
        }
      }
    }
  }

  @Test("--by-region over the whole and over the files agree, and each column is that region's own report")
  func byRegion() throws {
    let demo = try Self.demo.get()
    let database = try LaoganDatabase(path: demo.whole, mode: .existing)
    let make: @Sendable (LaoganDatabase, Region) throws -> ReportDocument = { [year, stamp] in
      try $0.changesReport(region: $1, period: year, generatedAt: stamp)
    }
    let one = try ReportSource.database(database).report(scope: .prefecture, by: .region, make)
    let all = try ReportSource.merged(MergedFiles(paths: demo.regionFiles)).report(
      scope: .prefecture, by: .region, make)
    #expect(all.sections.map(\.rows) == one.sections.map(\.rows))
    let rows = one.sections[0].rows
    #expect(rows.count == 2 * (Region.all.count + 1))
    // 州直 is the prefecture's own records, not the prefecture's total.
    let own = try database.changesReport(region: .prefectureOwn, period: year, generatedAt: stamp).sections[0].rows
    #expect(rows.prefix(2).map { Array($0.dropFirst()) } == own)
    let total = try database.changesReport(region: .prefecture, period: year, generatedAt: stamp).sections[0].rows
    #expect(rows.suffix(2).map { Array($0.dropFirst()) } == total)
    #expect(rows.suffix(2).allSatisfy { $0.first == .text("合计") })
  }

  @Test("--by-source: a column per file, named by its region; explain names each record's file")
  func bySource() throws {
    let demo = try Self.demo.get()
    let files = try MergedFiles(paths: demo.regionFiles)
    #expect(files.names == Region.all.map(\.displayName))
    let (period, stamp) = (year, stamp)
    let report = try ReportSource.merged(files).report(scope: .prefecture, by: .source) {
      try $0.report323(region: $1, period: period, compare: false, generatedAt: stamp)
    }
    let cadres = try #require(report.indicator("construction.political.cadres"))
    let columns = try #require(report.breakdown?.columns)
    #expect(columns.map(\.name) == files.names)
    #expect(columns.map { $0.values["construction.political.cadres"] ?? 0 }.reduce(0, +) == cadres.value)
    let json = try report.json()
    #expect(json.contains("\"by_source\""))
    let explained = try ReportSource.merged(files).explain323(
      key: "construction.ideological.lectures", region: .prefecture, period: period)
    let table = try #require(explained.first?.table)
    #expect(table.headers.first == "来源")
    #expect(table.rows.count == report.indicator("construction.ideological.lectures")?.value.asInt)
    #expect(Set(table.rows.map { $0[0] }).isSubset(of: Set(files.names)))
  }

  @Test("merged files are read as they are: no byte changed, nothing left beside them")
  func readOnly() throws {
    let demo = try Self.demo.get()
    let folder = try TemporaryFolder()
    let paths = try demo.regionFiles.prefix(3).map { source in
      let path = folder.path(URL(fileURLWithPath: source).lastPathComponent)
      try FileManager.default.copyItem(atPath: source, toPath: path)
      return path
    }
    func snapshot() throws -> [String: Data] {
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
        files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name))
      }
      return files
    }
    let before = try snapshot()
    let files = try MergedFiles(paths: paths)
    _ = try ReportSource.merged(files).report(scope: .prefecture, by: .source) { [year, stamp] in
      try $0.report323(region: $1, period: year, compare: true, generatedAt: stamp)
    }
    _ = try files.check(full: true)
    #expect(try snapshot() == before)
  }

  @Test("a file another laogan is writing is read as its last commit, and left as that writer has it")
  func fileBeingWritten() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("county.db")
    let county = try LaoganDatabase(path: path, mode: .create)
    _ = try county.addRecord(CadreKind.self, cells: RollUpTests.cadre(in: "普安"), testContext)
    // A second writer in the middle of a transaction, as another clerk's laogan would be.
    let writer = try DatabaseQueue(path: path)
    let inserted = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let busy = Thread {
      try? writer.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        try db.execute(sql: "UPDATE cadre SET name = '乙'")
        inserted.signal()
        release.wait()
        try db.execute(sql: "ROLLBACK")
      }
    }
    busy.start()
    inserted.wait()
    let names = try MergedFiles(paths: [path]).files[0].read {
      try $0.values(String.self, sql: "SELECT name FROM cadre")
    }
    release.signal()
    #expect(names == ["甲"])
    try county.close()
    try writer.close()
  }

  @Test("a missing file, a folder, a non-laogan file, one file twice, a newer or older laogan's: refused by name")
  func refusals() throws {
    let folder = try TemporaryFolder()
    let good = folder.path("good.db")
    try LaoganDatabase(path: good, mode: .create).close()
    let text = try folder.write("notes.db", utf8: "不是数据库").path
    let other = folder.path("other.db")
    try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
    let newer = folder.path("newer.db")
    try FileManager.default.copyItem(atPath: good, toPath: newer)
    try DatabaseQueue(path: newer).write {
      try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
    }
    let older = folder.path("older.db")
    try olderDatabase(at: older, upTo: "v3-living-treatment", oneCadreSQL)
    let cases: [([String], String, String)] = [
      ([good, folder.path("missing.db")], folder.path("missing.db"), "不存在"),
      ([good, folder.url.path], folder.url.path, "不是普通文件"),
      ([good, text], text, "不是 SQLite 数据库文件"),
      ([good, other], other, "不是 laogan 数据库"),
      ([good, folder.url.path + "/./good.db"], folder.url.path + "/./good.db", "同一个文件"),
      ([good, newer], newer, "更新版本"),
      ([good, older], older, "较早版本"),
    ]
    for (paths, named, reason) in cases {
      let error = #expect(throws: LaoganError.self) { try MergedFiles(paths: paths) }
      let message = error?.localizedDescription ?? ""
      #expect(message.contains(named) && message.contains(reason), "\(message)")
    }
  }

  @Test("a 身份证号 in two files counts in each, and check --merge lists it with both files")
  func duplicatesAcrossFiles() throws {
    let folder = try TemporaryFolder()
    var paths: [String] = []
    for (name, region) in [("兴义.db", "兴义"), ("普安.db", "普安")] {
      let path = folder.path(name)
      let database = try LaoganDatabase(path: path, mode: .create)
      _ = try database.addRecord(CadreKind.self, cells: RollUpTests.cadre(in: region), testContext)
      try database.close()
      paths.append(path)
    }
    let files = try MergedFiles(paths: paths)
    #expect(try files.duplicates().map(\.places.count) == [2])
    let report = try ReportSource.merged(files).report(scope: .prefecture, by: nil) { [year, stamp] in
      try $0.report323(region: $1, period: year, compare: false, generatedAt: stamp)
    }
    #expect(report.indicator("construction.political.cadres")?.value == 2)
    let finding = try #require(try files.check(full: false).first { $0.kind == .duplicateAcrossFiles })
    #expect(finding.record.contains(paths[0]) && finding.record.contains(paths[1]))
    #expect(!finding.detail.contains(KnownIDs.man1946))
  }
}

/// Rows by their text cells (a person's name, masked number, organization …), rows of the same text added up.
private func tallied(_ rows: [[ReportDocument.Cell]]) -> [String: [ReportDocument.Cell]] {
  Dictionary(grouping: rows) { row in row.filter { !$0.isNumeric }.map(\.text).joined(separator: "|") }
    .mapValues { ReportDocument.added($0) }
}

extension Int64 {
  fileprivate var asInt: Int { Int(self) }
}
