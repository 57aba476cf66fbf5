import Foundation
import Testing

/// What a script author and a clerk rely on at the command line: typed values, one error convention, files
/// never lost, output that is the same for the same data.
@Suite("Command-line conventions")
struct ConventionTests {
  let laogan: Laogan

  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", CommandLineTests.roster))
  }

  @Test("a bare number is never a period or a month: exit 64 with the accepted forms, nothing run")
  func bareNumbers() throws {
    for arguments in [
      ["report", "323", "--month", "12"], ["report", "323", "11"], ["report", "323", "--month", "45000"],
      ["benefit", "run", "--month", "6"], ["benefit", "statement", "--month", "6"],
      ["report", "323", "--from", "45000", "--to", "45100"],
    ] {
      let outcome = try laogan.run(arguments)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.stdout.isEmpty, "\(arguments)")
      #expect(outcome.stderr.hasPrefix("laogan: ") && outcome.stderr.contains("无效"), "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.contains("2026-11") || outcome.stderr.contains("2022-01-01"), "\(arguments)")
    }
    // The month is read; with no rule set up, the run says so (exit 1) rather than paying no one.
    let run = try laogan.run("benefit", "run", "--month", "2026-06", "--dry-run")
    #expect(run.status == 1 && run.stderr.contains("没有现行的发放规则"))
    #expect(try laogan.run("report", "323", "2026").status == 0)
  }

  @Test("closed choices are typed: a bad format, item, rank, category, encoding or amount exits 64 listing values")
  func closedChoices() throws {
    let cases: [([String], String)] = [
      (["benefit", "statement", "--month", "2026-11", "--format", "json"], "text、csv"),
      (["benefit", "rule", "add", "--item", "高龄", "--monthly", "100", "--from", "2026-01"], "高龄补贴"),
      (["benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "1.234", "--from", "2026-01"], "--monthly"),
      (["benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100", "--from", "2026-01", "--rank", "科长"], "科员及其他"),
      (["cadre", "list", "--category", "在职"], "离休、退休"),
      (["import", "cadres", "roster.csv", "--encoding", "latin1"], "gb18030"),
      (["report", "323", "--format", "pdf"], "xlsx"),
      (["report", "323", "--region", "兴宜"], "兴义"),
    ]
    for (arguments, listed) in cases {
      let outcome = try laogan.run(arguments)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.stderr.hasPrefix("laogan: "), "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.contains(listed), "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.contains("用法："), "\(arguments): \(outcome.stderr)")
    }
  }

  @Test("a misspelled command gets the nearest one, in Chinese, exit 64")
  func misspelled() throws {
    let cadres = try laogan.run("cadres", "list")
    #expect(cadres.status == 64)
    #expect(cadres.stderr.hasPrefix("laogan: 不认识的命令 laogan cadres；是不是 laogan cadre？"))
    let improt = try laogan.run("improt", "cadres", "x.csv")
    #expect(improt.status == 64 && improt.stderr.contains("是不是 laogan import？"))
    let nested = try laogan.run("report", "332", "--year", "2026")
    #expect(nested.status == 64 && nested.stderr.contains("是不是 laogan report 323？"))
    let option = try laogan.run("cadre", "list", "--regoin", "兴义")
    #expect(option.status == 64 && option.stderr.contains("不认识的选项 --regoin；是不是 --region？"))
  }

  @Test("one convention: a missing file is exit 1 `laogan:` like every other problem with data or files")
  func missingFile() throws {
    let outcome = try laogan.run("import", "cadres", "没有这个文件.csv")
    #expect(outcome.status == 1)
    #expect(outcome.stderr == "laogan: 文件 没有这个文件.csv 不存在或不可读\n")
  }

  @Test("backup into a folder that is not there fails, naming it, and creates nothing")
  func backupFolder() throws {
    let folder = laogan.folder.appendingPathComponent("u盘").path
    let outcome = try laogan.run("backup", folder + "/laogan.db")
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("文件夹 \(folder) 不存在"))
    #expect(!FileManager.default.fileExists(atPath: folder))
  }

  @Test("export never overwrites a file unless --force; a revealed export is mode 0600")
  func exportFiles() throws {
    let roster = laogan.folder.appendingPathComponent("roster.csv").path
    let before = try Data(contentsOf: URL(fileURLWithPath: roster))
    let refused = try laogan.run("export", "cadres", "--output", roster)
    #expect(refused.status == 1 && refused.stderr.contains("已存在") && refused.stderr.contains("--force"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: roster)) == before)

    let revealed = laogan.folder.appendingPathComponent("full.csv").path
    #expect(try laogan.run("export", "cadres", "--output", revealed, "--reveal").status == 0)
    let mode = try FileManager.default.attributesOfItem(atPath: revealed)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try laogan.run("export", "cadres", "--output", roster, "--force").status == 0)
    #expect(try String(contentsOf: URL(fileURLWithPath: roster), encoding: .utf8).contains("110105********002X"))
  }

  @Test("a report is written again over the last one, never over a database; a revealed report is mode 0600")
  func reportFiles() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: laogan.database))
    let refused = try laogan.run(
      "report", "birthdays", "--year", "2024", "--reveal", "--format", "csv", "--output", laogan.database)
    #expect(refused.status == 1 && refused.stderr.contains("是一个数据库文件"), "\(refused.stderr)")
    // Nothing shown, so nothing logged: the file is as it was, with no reveal in its log.
    #expect(try Data(contentsOf: URL(fileURLWithPath: laogan.database)) == before)
    let revealed = laogan.folder.appendingPathComponent("生日.csv").path
    for _ in 0..<2 {
      #expect(try laogan.run("report", "birthdays", "--year", "2024", "--reveal", "--output", revealed).status == 0)
    }
    let mode = try FileManager.default.attributesOfItem(atPath: revealed)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test("restore in a script needs --yes and leaves the database alone without it")
  func restoreAsks() throws {
    let copy = laogan.folder.appendingPathComponent("copy.db").path
    #expect(try laogan.run("backup", copy).status == 0)
    try laogan.run("cadre", "edit", "张三丰", "--rank", "正厅级")
    let refused = try laogan.run("restore", copy)
    #expect(refused.status == 1 && refused.stderr.contains("--yes"))
    #expect(try laogan.run("cadre", "show", "张三丰").stdout.contains("正厅级"))
    let restored = try laogan.run("restore", copy, "--yes")
    #expect(restored.status == 0)
    #expect(!(try laogan.run("cadre", "show", "张三丰").stdout.contains("正厅级")))
  }

  @Test("XLSX to a terminal is refused; to a pipe or a file it is written")
  func binaryOnTerminal() throws {
    // `script` gives the command a pseudo-terminal for stdout, as a clerk's shell does.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = [
      "-qec", "\(Laogan.binary.path) report 323 --year 2026 --format xlsx --db \(laogan.database)", "/dev/null",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    #expect(printed.contains("不能输出到终端") && !printed.contains("PK"))
    let piped = try laogan.run("report", "323", "--year", "2026", "--format", "xlsx")
    #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))
  }

  @Test("two runs of the binary give the same bytes in every format for the same data and --generated-at")
  func deterministic() throws {
    for format in ["text", "md", "csv", "json", "html", "xlsx"] {
      let arguments = ["report", "323", "--year", "2026", "--compare", "--format", format]
      let stamp = ["--generated-at", "2026-11-29T08:00:00+08:00"]
      let first = try laogan.run(arguments + stamp)
      let second = try laogan.run(arguments + stamp)
      #expect(first.status == 0 && !first.stdout.isEmpty, "\(format)")
      #expect(first.stdout == second.stdout, "\(format)")
    }
    let text = try laogan.run("report", "323", "--year", "2026", "--generated-at", "2026-11-29T08:00:00+08:00")
    #expect(text.stdout.contains("生成时间：2026-11-29 08:00:00"))
  }

  @Test("money is right-aligned in text tables and the fund balance says what it is")
  func tables() throws {
    try laogan.run("benefit", "rule", "add", "--item", "生活费", "--monthly", "1200", "--from", "2026-01")
    try laogan.run("benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "80.5", "--from", "2026-01")
    let rules = try laogan.run("benefit", "rule", "list").stdout.split(separator: "\n").map(String.init)
    // Each amount ends at the same column as its header 每月金额.
    let header = try #require(rules.first)
    let end = String(header[..<(try #require(header.range(of: "每月金额"))).upperBound]).displayColumns
    for row in rules.dropFirst(2) {
      let amount = try #require(row.range(of: #"\d+\.\d\d"#, options: .regularExpression))
      #expect(String(row[..<amount.upperBound]).displayColumns == end, "\(row)")
    }
    try laogan.run("fund", "allocate", "--amount", "500", "--on", "2026-01-05")
    let balance = try laogan.run("fund", "balance")
    #expect(balance.stdout == "500.00\n")
    #expect(balance.stderr.contains("帮扶基金余额（元"))
    // The fund is one ledger for the whole prefecture: a region is an error, not an SQL failure.
    let byRegion = try laogan.run("fund", "list", "--region", "兴义")
    #expect(byRegion.status == 1 && byRegion.stderr == "laogan: --region: 兴义 — 帮扶基金收支不分地区（全州一本账）\n")
  }

  @Test("audit times are local, not UTC with a Z")
  func localTimes() throws {
    let outcome = try laogan.run("audit", environment: ["TZ": "Asia/Shanghai"])
    #expect(outcome.status == 0)
    #expect(!outcome.stdout.contains("Z "))
    #expect(outcome.stdout.firstMatch(of: /20\d\d-\d\d-\d\d \d\d:\d\d:\d\d/) != nil)
  }
}
