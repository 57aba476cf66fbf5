import Foundation
import Testing

/// Runs the built `laogan` binary the way a clerk or a cron script does, and checks exit code, stdout and stderr.
/// Its temporary folder goes when the test lets go of it.
final class Laogan: Sendable {
  let folder: URL
  var database: String { folder.appendingPathComponent("laogan.db").path }

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("laogan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let binary = Bundle.main.bundleURL.appendingPathComponent("laogan")

  @discardableResult
  func run(_ arguments: String..., withDatabase: Bool = true, environment: [String: String] = [:]) throws -> Outcome {
    try run(arguments, withDatabase: withDatabase, environment: environment)
  }

  @discardableResult
  func run(
    _ arguments: [String], withDatabase: Bool = true, environment: [String: String] = [:], in directory: URL? = nil,
    executable: String? = nil
  ) throws -> Outcome {
    let process = Process()
    process.currentDirectoryURL = directory ?? folder
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Laogan.binary
    process.arguments = arguments + (withDatabase ? ["--db", database] : [])
    var env = ProcessInfo.processInfo.environment
    env["LAOGAN_OPERATOR"] = "测试员"
    env.merge(environment) { _, new in new }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func write(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

@Suite("laogan end to end")
struct CommandLineTests {
  let laogan: Laogan

  init() throws {
    laogan = try Laogan()
  }

  static let roster = """
    姓名,身份证号,类别,管理地区,联系电话,职级
    张三丰,11010519491231002X,离休,兴义,13812345678,正县处级
    单雄信,522301194603150011,退休,普安,,副县处级
    """

  @Test("a missing database says to run init, on stderr, with exit 1")
  func missingDatabase() throws {
    let outcome = try laogan.run("cadre", "list")
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("laogan init"))
  }

  @Test("init, import, list, find, show and audit, with personal information masked")
  func tour() throws {
    #expect(try laogan.run("init").status == 0)
    let file = try laogan.write("roster.csv", CommandLineTests.roster)
    let imported = try laogan.run("import", "cadres", file)
    #expect(imported.status == 0)
    #expect(imported.stdout.contains("新增 2"))

    let list = try laogan.run("cadre", "list")
    #expect(list.status == 0)
    #expect(list.stdout.contains("110105********002X"))
    #expect(!list.stdout.contains("11010519491231002X"))
    // CJK-aware alignment: every row's 身份证号 starts at the same display column.
    let rows = list.stdout.split(separator: "\n").dropFirst(2).map(String.init)
    let columns = Set(
      rows.map { row in String(row[..<(row.range(of: "***")?.lowerBound ?? row.endIndex)]).displayColumns })
    #expect(columns.count == 1)

    let found = try laogan.run("cadre", "find", "shan")
    #expect(found.status == 0 && found.stdout.contains("单雄信") && !found.stdout.contains("张三丰"))
    #expect(try laogan.run("cadre", "find", "zsf").stdout.contains("张三丰"))
    #expect(try laogan.run("cadre", "find", "nobody").status == 1)

    let shown = try laogan.run("cadre", "show", "张三丰")
    #expect(shown.stdout.contains("138****5678"))
    let revealed = try laogan.run("cadre", "show", "张三丰", "--reveal")
    #expect(revealed.stdout.contains("13812345678"))

    let audit = try laogan.run("audit", "--format", "json")
    #expect(audit.status == 0)
    let lines = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
    #expect(lines.first?["action"] as? String == "reveal")
    #expect(lines.first?["operatorName"] as? String == "测试员")
    // The import's two new rows are one range entry; asking for one of them finds who imported it, and how.
    let inserts = lines.filter { $0["action"] as? String == "insert" }
    #expect(inserts.count == 1)
    #expect(inserts.first?["recordID"] as? Int == 1 && inserts.first?["lastRecordID"] as? Int == 2)
    let second = try laogan.run("audit", "--table", "cadre", "--record", "2")
    #expect(second.status == 0)
    #expect(second.stdout.contains("测试员") && second.stdout.contains("import cadres") && second.stdout.contains("1–2"))
  }

  @Test("a file with bad rows exits 1, names every bad line on stderr and writes nothing")
  func badImport() throws {
    try laogan.run("init")
    let file = try laogan.write(
      "bad.csv", CommandLineTests.roster + "\n错号,522301194603150012,退休,兴义,,\n错日,522301195011200032,退休,兴义,,科长\n")
    let outcome = try laogan.run("import", "cadres", file)
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("line 4, column 身份证号: 522301********0012"))
    #expect(outcome.stderr.contains("line 5, column 职级: 科长 — 应为"))
    #expect(outcome.stderr.contains("未导入任何记录"))
    #expect(try laogan.run("cadre", "list", "--format", "json").stdout == "[\n\n]\n")
  }

  @Test("cadre add in a script names every missing field and exits 1; a full add prints the new id")
  func add() throws {
    try laogan.run("init")
    let missing = try laogan.run("cadre", "add", "--name", "张三")
    #expect(missing.status == 1)
    #expect(
      missing.stderr.contains("身份证号: 必填") && missing.stderr.contains("类别: 必填") && missing.stderr.contains("管理地区: 必填"))
    let added = try laogan.run(
      "cadre", "add", "--name", "张三", "--id", "110105491231002", "--category", "退休", "--region", "522301")
    #expect(added.status == 0)
    #expect(added.stdout == "1\n")
    #expect(added.stderr.contains("已升级为 18 位"))
  }

  @Test("edit, die and export round-trip through import")
  func editAndExport() throws {
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", CommandLineTests.roster))
    #expect(try laogan.run("cadre", "edit", "单雄信", "--rank", "正厅级").status == 0)
    #expect(try laogan.run("cadre", "die", "单雄信", "--on", "2026年11月2日").status == 0)
    let exported = try laogan.run("export", "cadres", "--reveal")
    #expect(exported.stdout.hasPrefix("\u{FEFF}姓名,性别,民族,出生日期,身份证号"))
    #expect(exported.stdout.contains("522301194603150011"))
    #expect(exported.stdout.contains("2026-11-02"))
    let again = try laogan.run("import", "cadres", try laogan.write("export.csv", exported.stdout))
    #expect(again.status == 0)
    #expect(again.stdout.contains("未变 2"))
  }

  @Test("records one at a time with 字段=值, lists by cadre, and an org move kept in the history")
  func records() throws {
    try laogan.run("init")
    #expect(try laogan.run("org", "add", "名称=一支部", "类型=党支部", "地区=兴义").stdout == "1\n")
    #expect(try laogan.run("org", "add", "name=二支部", "kind=党支部", "region=522323").status == 0)
    try laogan.run("import", "cadres", try laogan.write("roster.csv", CommandLineTests.roster))
    let added = try laogan.run(
      "activity", "add", "日期=2023年6月12日", "类型=主题宣讲", "标题=宣讲", "地区=兴义", "受众人次=120",
      "参与干部=522301194603150011；11010519491231002X")
    #expect(added.status == 0 && added.stdout == "1\n")
    let bad = try laogan.run("activity", "add", "日期=2023-02-30", "类型=讲座", "标题=x", "地区=兴义")
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("日期: 2023-02-30") && bad.stderr.contains("类型: 讲座"))
    #expect(try laogan.run("activity", "add", "时间=2023-01-01").status == 64)

    let listed = try laogan.run("activity", "list", "--cadre", "单雄信")
    #expect(listed.status == 0 && listed.stdout.contains("宣讲") && listed.stdout.contains("兴义市"))
    #expect(!(try laogan.run("activity", "list", "--cadre", "单雄信", "--from", "2023-07-01").stdout.contains("宣讲")))

    #expect(try laogan.run("org", "join", "单雄信", "一支部", "--on", "2020-01-01").status == 0)
    #expect(try laogan.run("org", "join", "单雄信", "二支部", "--on", "2024-03-01").status == 0)
    let shown = try laogan.run("cadre", "show", "单雄信")
    #expect(shown.stdout.contains("所在党组织    二支部"))
    #expect(shown.stdout.contains("一支部") && shown.stdout.contains("2020-01-01  2024-03-01"))
    #expect(shown.stdout.contains("宣讲"))
    #expect(try laogan.run("org", "members", "一支部", "--on", "2023-06-12").stdout.contains("单雄信"))

    let exported = try laogan.run("export", "activities", "--format", "json")
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: String]])
    #expect(objects.first?["title"] == "宣讲")
    #expect(objects.first?["participants"]?.contains("522301********0011") == true)
  }

  @Test("benefits: a rule, a dry run, the run twice, a grant against the fund, and the statement")
  func benefits() throws {
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", CommandLineTests.roster))
    #expect(
      try laogan.run(
        "benefit", "rule", "add", "--item", "特需费", "--monthly", "300", "--from", "2022-01", "--category", "离休"
      ).status == 0)
    let dry = try laogan.run("benefit", "run", "--month", "2026-11", "--dry-run")
    #expect(dry.status == 0 && dry.stdout.contains("1 人，1 笔") && dry.stdout.contains("300.00"))
    #expect(try laogan.run("benefit", "run", "--month", "2026-11").stdout.contains("1 人，1 笔"))
    #expect(try laogan.run("benefit", "run", "--month", "2026-11").stdout.contains("0 人，0 笔"))

    let refused = try laogan.run("benefit", "grant", "单雄信", "--item", "困难帮扶", "--amount", "500", "--on", "2026-11-20")
    #expect(refused.status == 1 && refused.stderr.contains("帮扶基金 2026-11-20 起的余额为 0.00 元"))
    #expect(try laogan.run("fund", "allocate", "--amount", "1,000.00", "--on", "2026-01-05").status == 0)
    #expect(
      try laogan.run("benefit", "grant", "单雄信", "--item", "困难帮扶", "--amount", "¥500", "--on", "2026-11-20").status == 0)
    #expect(try laogan.run("fund", "balance").stdout == "500.00\n")

    let statement = try laogan.run("benefit", "statement", "--month", "2026-11")
    #expect(statement.status == 0)
    #expect(
      statement.stdout.contains("300.00") && statement.stdout.contains("500.00") && statement.stdout.contains("800.00"))
    #expect(!statement.stdout.contains("522301194603150011"))
  }

  @Test(
    "report 323: only the report on stdout, warnings on stderr, same bytes with --generated-at, format from --output"
  )
  func report() throws {
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", CommandLineTests.roster))
    let arguments = [
      "report", "323", "--month", "2026-11", "--generated-at", "2026-11-29T08:00:00Z", "--format", "json",
    ]
    let first = try laogan.run(arguments)
    let second = try laogan.run(arguments)
    #expect(first.status == 0 && first.stdout == second.stdout)
    #expect(first.stderr.contains("2026-11 没有生活待遇发放记录"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    let indicators = try #require(object["indicators"] as? [String: [String: Any]])
    #expect(indicators["construction.political.cadres"]?["value"] as? Int == 2)

    let xlsx = laogan.folder.appendingPathComponent("323.xlsx").path
    let written = try laogan.run("report", "323", "2026", "--region", "兴义", "--compare", "--output", xlsx)
    #expect(written.status == 0 && written.stdout.isEmpty)
    #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: Data("PK".utf8)))
    let html = laogan.folder.appendingPathComponent("323.html").path
    #expect(try laogan.run("report", "323", "last-month", "--output", html).status == 0)
    #expect(try String(contentsOf: URL(fileURLWithPath: html), encoding: .utf8).contains("<svg"))

    let text = try laogan.run("report", "323", "--from", "2022-01-01", "--to", "2023-06-12")
    #expect(text.status == 0 && text.stdout.contains("离退休干部总数"))
    let explained = try laogan.run("report", "323", "--year", "2026", "--explain", "construction.political.cadres")
    #expect(explained.stdout.contains("张三丰") && explained.stdout.contains("110105********002X"))
    #expect(try laogan.run("report", "323", "--month", "2026-13").status == 64)
    #expect(try laogan.run("report", "323", "--from", "2023-01-01").status == 64)
    for table in ["changes", "basic", "orgs", "roster", "benefits", "visits-due"] {
      let outcome = try laogan.run("report", table, "--year", "2026", "--format", "md")
      #expect(outcome.status == 0 && outcome.stdout.hasPrefix("# "), "\(table): \(outcome.stderr)")
      let json = try laogan.run("report", table, "--year", "2026", "--format", "json").stdout
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      #expect(object?["report"] as? String == table)
    }
  }

  @Test("argument mistakes print usage and exit 64; --help carries an example")
  func usage() throws {
    let outcome = try laogan.run("import", "nonsense", "x.csv")
    #expect(outcome.status == 64)
    #expect(try laogan.run("cadre", "add", "--help", withDatabase: false).stdout.contains("示例"))
  }
}

extension String {
  /// Terminal columns, CJK characters counting two (the test's own count, independent of the app's).
  var displayColumns: Int {
    unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
  }
}
