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
    #expect(
      FileManager.default.createFile(
        atPath: laogan.folder.appendingPathComponent(".~lock.报表.xlsx#").path, contents: nil))
    let held = try laogan.run("report", "323", "--year", "2026", "--output", open)
    #expect(held.status == 1 && held.stderr.contains("正被打开"))
    #expect(!FileManager.default.fileExists(atPath: open))
  }

  @Test("a sheet as clerks keep it: a 合计 row and signatures below the data are skipped and said; 政治面貌 fills 党员")
  func footerAndPoliticalStatus() throws {
    let sheet = """
      姓名,身份证号,类别,管理地区,政治面貌
      张三,522301194603150011,退休,兴义,中共党员
      李四,522301195001010032,退休,兴义,群众
      合计,2 人,,,
      制表人：王芳,审核人：李军,填表日期：2026-11-30,,
      """
    let imported = try laogan.run("import", "cadres", try laogan.write("花名册.csv", sheet))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("新增 2"))
    #expect(imported.stderr.contains("line 4") && imported.stderr.contains("line 5") && imported.stderr.contains("表尾"))
    let rows = try laogan.run("cadre", "list", "--format", "csv").stdout.split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let member = try #require(rows.first?.firstIndex(of: "党员"))
    #expect(rows.count == 3 && rows[1][0] == "张三" && rows[1][member] == "是" && rows[2][member] == "否")
  }

  @Test("a CSV separated by full-width commas or tabs is said to be so, not a list of unknown columns")
  func separators() throws {
    for (name, separator) in [("全角逗号", "，"), ("制表符", "\t")] {
      let file = try laogan.write("sheet.csv", ["姓名", "身份证号", "类别", "管理地区"].joined(separator: separator) + "\n")
      let outcome = try laogan.run("import", "cadres", file)
      #expect(
        outcome.status == 1 && outcome.stderr.contains(name) && !outcome.stderr.contains("不认识的列"), "\(outcome.stderr)")
    }
  }

  @Test("a two-row header: a merged group header above the real ones, 姓名 merged down both rows")
  func twoRowHeader() throws {
    let sheet = """
      2026年离退休干部花名册,,,,
      姓名,基本信息,,,联系方式
      ,身份证号,类别,管理地区,联系电话
      张三,522301194603150011,退休,兴义,13812345678
      """
    let imported = try laogan.run("import", "cadres", try laogan.write("两行表头.csv", sheet))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("新增 1") && imported.stdout.contains("表头在第 3 行"))
    #expect(try laogan.run("cadre", "show", "张三", "--reveal").stdout.contains("13812345678"))
    // A header with an unknown column over data is refused as before, naming the column.
    let unknown = try laogan.run(
      "import", "cadres", try laogan.write("未知.csv", "姓名,身份证号,类别,管理地区,爱好\n张三,522301194603150011,退休,兴义,书法\n"))
    #expect(unknown.status == 1 && unknown.stderr.contains("爱好") && unknown.stderr.contains("不认识的列"))
  }

  @Test("audit names fields as the import headers do and money in 元")
  func auditInChinese() throws {
    try laogan.run("cadre", "add", "--name", "张三", "--id", "522301194603150011", "--category", "退休", "--region", "兴义")
    let payment = try laogan.write("p.csv", "身份证号,项目,所属月份,金额\n522301194603150011,医疗补助费,2023-06,800.00\n")
    try laogan.run("import", "payments", payment)
    try laogan.run("benefit", "edit", "1", "金额=9800")
    let audit = try laogan.run("audit", "--limit", "1")
    #expect(audit.stdout.contains("金额: 800.00 → 9800.00"), "\(audit.stdout)")
    #expect(!audit.stdout.contains("amount_fen"))
    // Undone, a payment's stored row shows its cadre's number by name and no computed column; a rule's end
    // its option's name.
    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(try laogan.run("undo", "--yes").status == 0)
    try laogan.run(
      "benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100", "--from", "2026-01", "--min-age", "80")
    try laogan.run("benefit", "rule", "end", "1", "--to", "2026-12")
    let log = try laogan.run("audit", "--limit", "6").stdout
    #expect(log.contains("截止月份:  → 2026-12") && !log.contains("to_month"), "\(log)")
    for column in ["cadre_id", "counted_on", "monthly_fen"] { #expect(!log.contains(column), "\(column): \(log)") }
  }

  @Test("a backup onto a file that is there says so, not that a database cannot be opened")
  func backupOntoAFile() throws {
    let target = try laogan.write("备份.db", "旧的备份")
    let outcome = try laogan.run("backup", target)
    #expect(outcome.status == 1 && outcome.stderr.contains("已存在：备份从不覆盖已有文件"), "\(outcome.stderr)")
    #expect(!outcome.stderr.contains("无法打开数据库"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "旧的备份")
  }

  @Test("officer list, transfer list and org show name the cadre, not only a masked 身份证号")
  func namesInLists() throws {
    try laogan.run("import", "organizations", try laogan.write("o.csv", "名称,类型,地区\n甲支部,党支部,兴义\n"))
    try laogan.run("cadre", "add", "--name", "张三", "--id", "522301194603150011", "--category", "退休", "--region", "兴义")
    try laogan.run(
      "import", "officers",
      try laogan.write("officers.csv", "党组织,身份证号,职务,任职日期\n甲支部,522301194603150011,书记,2023-01-01\n"))
    try laogan.run(
      "import", "transfers",
      try laogan.write("t.csv", "身份证号,类型,日期,对方单位或地区\n522301194603150011,迁出,2024-01-01,贵阳市\n"))
    let shown = try laogan.run("org", "show", "甲支部").stdout
    #expect(shown.split(separator: "\n").contains { $0.hasPrefix("书记") && $0.hasSuffix("张三 522301********0011") })
    for command in [["officer", "list"], ["transfer", "list"]] {
      let listed = try laogan.run(command)
      #expect(listed.stdout.contains("张三 522301********0011"), "\(command): \(listed.stdout)")
    }
  }

  @Test(
    "a long list at a terminal goes through $PAGER; never with --no-pager, never into a pipe",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func pager() throws {
    let rows = (0..<40).map { "干部\($0),\(TrustTests.residentID(index: $0)),退休,兴义" }.joined(separator: "\n")
    try laogan.run("import", "cadres", try laogan.write("r.csv", "姓名,身份证号,类别,管理地区\n" + rows + "\n"))
    let marker = laogan.folder.appendingPathComponent("paged").path
    // util-linux's `script` gives the command a terminal; the pager only counts the lines it is given.
    func atTerminal(_ words: String) throws -> Laogan.Outcome {
      try laogan.run(
        ["-qec", "\(Laogan.binary.path) \(words) --db \(laogan.database)", "/dev/null"],
        withDatabase: false, environment: ["PAGER": "wc -l > \(marker)"], executable: "/usr/bin/script")
    }
    _ = try atTerminal("cadre list --no-pager")
    #expect(!FileManager.default.fileExists(atPath: marker))
    #expect(try laogan.run(["cadre", "list"], environment: ["PAGER": "wc -l > \(marker)"]).stdout.contains("干部39"))
    #expect(!FileManager.default.fileExists(atPath: marker))
    _ = try atTerminal("cadre list")
    let paged = try String(contentsOfFile: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(paged == "42")
  }
}
