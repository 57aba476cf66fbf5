import Foundation
import Testing

/// What a new user tripped over (the issue "The clerk's paper, terminal and cron"), met as they met it.
@Suite("A new user's trips")
struct NewUserTests {
  let laogan: Laogan

  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
  }

  @Test("--db and --operator before the subcommand, as the manual's first practice line writes them")
  func leadingOptions() throws {
    let listed = try laogan.run(["--db", laogan.database, "cadre", "list"], withDatabase: false)
    #expect(listed.status == 0, "\(listed.stderr)")
    let added = try laogan.run(
      [
        "--operator", "李会计", "--db=\(laogan.database)", "cadre", "add", "--name", "张三", "--id", "522301194603150011",
        "--category", "退休", "--region", "兴义",
      ], withDatabase: false)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(try laogan.run("audit").stdout.contains("李会计"))
  }

  @Test("benefit run with no rule in force refuses, exit 1, and says how to add one")
  func noRules() throws {
    let run = try laogan.run("benefit", "run", "--month", "2026-11")
    #expect(run.status == 1 && run.stderr.contains("没有现行的发放规则") && run.stderr.contains("benefit rule add"))
    try laogan.run(
      "benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100", "--from", "2027-01", "--min-age", "80")
    #expect(try laogan.run("benefit", "run", "--month", "2026-11").stderr.contains("没有现行的发放规则"))
    #expect(try laogan.run("benefit", "run", "--month", "2027-01").status == 0)
  }

  @Test("check: exit 2 for findings, 1 when it cannot check")
  func checkExitCodes() throws {
    #expect(try laogan.run("check").status == 0)
    try laogan.run("import", "organizations", try laogan.write("o.csv", "名称,类型,地区\n甲支部,党支部,兴义\n"))
    let found = try laogan.run("check")
    let csv = try laogan.run("check", "--format", "csv")
    #expect(csv.status == 2 && csv.stdout.hasPrefix("\u{FEFF}kind,file,record,detail,hint\r\n"))
    #expect(csv.stdout.contains("organization_without_members,,organization 1,"))
    #expect(found.status == 2 && found.stdout.contains("organization_without_members"))
    let missing = try laogan.run(
      "check", "--db", laogan.folder.appendingPathComponent("无.db").path, withDatabase: false)
    #expect(missing.status == 1 && missing.stdout.isEmpty)
  }

  @Test("an output into a missing folder, or over a workbook WPS holds open, is refused naming it")
  func outputFolders() throws {
    try laogan.run("cadre", "add", "--name", "张三", "--id", "522301194603150011", "--category", "退休", "--region", "兴义")
    let missing = laogan.folder.appendingPathComponent("U盘/2026年报表.xlsx").path
    for command in [
      ["report", "323", "--year", "2026", "--output", missing], ["export", "cadres", "--output", missing],
      ["template", "cadres", "--output", missing],
    ] {
      let outcome = try laogan.run(command, withDatabase: command[0] != "template")
      #expect(
        outcome.status == 1 && outcome.stderr.contains("U盘") && outcome.stderr.contains("不存在"),
        "\(command): \(outcome.stderr)")
    }
    let open = laogan.folder.appendingPathComponent("报表.xlsx").path
    FileManager.default.createFile(atPath: laogan.folder.appendingPathComponent(".~lock.报表.xlsx#").path, contents: nil)
    let held = try laogan.run("report", "323", "--year", "2026", "--output", open)
    #expect(held.status == 1 && held.stderr.contains("正被打开"))
    #expect(!FileManager.default.fileExists(atPath: open))
  }
}
