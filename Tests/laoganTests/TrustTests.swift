import Foundation
import Testing

/// The silent wrong answers and the files that lied (issue "Trust"), each met the way a clerk meets it: the
/// built binary, a real database file, its exit code and messages, and the file's bytes after a refusal.
@Suite("Trust: no silent wrong data, no file that lies")
struct TrustTests {
  let laogan: Laogan

  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
  }

  static let header = "姓名,身份证号,类别,管理地区,所在党组织,党员\n"
  /// One cadre 州直 manages and one 兴义 manages.
  static let roster = header + "张三,522301194603150011,退休,州直,,否\n李四,522301195001010032,退休,兴义,,否\n"

  /// The database file's bytes, and that no WAL was left beside it: what a refusal must leave as it was.
  func fileBytes() throws -> Data {
    #expect(!FileManager.default.fileExists(atPath: laogan.database + "-wal"))
    return try Data(contentsOf: URL(fileURLWithPath: laogan.database))
  }

  /// Runs a command that must be refused: exit 1, the reasons on stderr, the database byte for byte as it was.
  @discardableResult
  func refused(_ arguments: String..., saying words: [String]) throws -> Laogan.Outcome {
    let before = try fileBytes()
    let outcome = try laogan.run(arguments)
    #expect(outcome.status == 1, "\(arguments): \(outcome.stderr)")
    for word in words { #expect(outcome.stderr.contains(word), "\(arguments) should say \(word): \(outcome.stderr)") }
    #expect(try fileBytes() == before, "\(arguments) changed the database")
    return outcome
  }

  @Test("州直 is the prefecture's own records; 黔西南州 and 522300 are everything (SPEC §2 amended)")
  func prefectureOwnRecords() throws {
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.roster))
    let own = try laogan.run("cadre", "list", "--region", "州直")
    #expect(own.status == 0 && own.stdout.contains("张三") && !own.stdout.contains("李四"))
    for whole in ["黔西南州", "522300", "黔西南布依族苗族自治州"] {
      let all = try laogan.run("cadre", "list", "--region", whole)
      #expect(all.stdout.contains("张三") && all.stdout.contains("李四"), "\(whole)")
    }
    func report(_ region: String) throws -> [String: Any] {
      let outcome = try laogan.run("report", "323", "--year", "2026", "--region", region, "--format", "json")
      return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }
    func cadres(_ json: [String: Any]) -> Int? {
      ((json["indicators"] as? [String: Any])?["construction.political.cadres"] as? [String: Any])?["value"] as? Int
    }
    let ownReport = try report("州直")
    #expect(cadres(ownReport) == 1)
    #expect((ownReport["region"] as? [String: String])?["key"] == "州直")
    let wholeReport = try report("522300")
    #expect(cadres(wholeReport) == 2)
    #expect((wholeReport["region"] as? [String: String])?["key"] == "522300")
    // --by-region names the 州直 column by a key of its own, not the whole prefecture's code.
    let byRegion = try laogan.run("report", "323", "--year", "2026", "--by-region", "--format", "json")
    let parts = try #require(
      (try JSONSerialization.jsonObject(with: Data(byRegion.stdout.utf8)) as? [String: Any])?["by_region"]
        as? [String: String])
    #expect(parts["州直"] == "州直" && parts["522300"] == nil)
  }

  @Test("canonically equal spellings are one record at every door; full-width letters and digits in keys folded")
  func oneSpelling() throws {
    // U+FA71 is a CJK compatibility ideograph whose canonical form is 况 (U+51B5).
    let compatible = "\u{FA71}"
    try laogan.run(
      "import", "organizations", try laogan.write("orgs.csv", "名称,类型,地区\n\(compatible)支部,党支部,兴义\n第１支部,党支部,兴义\n"))
    let roster =
      TrustTests.header + "张三,522301194603150011,退休,兴义,况支部,是\n李四,522301195001010032,退休,兴义,\(compatible)支部,是\n"
      + "王五,11010519491231002X,退休,兴义,第1支部,是\n"
    let imported = try laogan.run("import", "cadres", try laogan.write("roster.csv", roster))
    #expect(imported.status == 0, "\(imported.stderr)")
    let members = try laogan.run("org", "members", "况支部")
    #expect(members.status == 0 && members.stdout.contains("张三") && members.stdout.contains("李四"))
    #expect(try laogan.run("org", "members", "第1支部").stdout.contains("王五"))
    #expect(try laogan.run("org", "show", "第１支部").status == 0)
    let list = try laogan.run("org", "list", "--format", "csv")
    // By scalar: String's own `contains` would find 况 equal to its compatibility twin.
    #expect(!list.stdout.unicodeScalars.contains("\u{FA71}") && !list.stdout.unicodeScalars.contains("\u{FF11}"))
  }

  @Test("an amount of zero or less is refused everywhere, saying that a correction is a void")
  func negativeAmounts() throws {
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.roster))
    let payments = try laogan.write("payments.csv", "身份证号,项目,所属月份,金额\n522301194603150011,医疗补助费,2023-06,-200\n")
    try refused("import", "payments", payments, saying: ["line 2", "金额", "-200", "作废"])
    let fund = try laogan.write("fund.csv", "日期,类型,金额\n2023-01-01,拨入,\"-1,000,000\"\n")
    try refused("import", "fund", fund, saying: ["line 2", "金额", "作废"])
    for form in [["--amount=-50"], ["--amount", "-50"], ["--amount", "0"]] {
      let outcome = try laogan.run(["benefit", "grant", "张三", "--item", "医疗补助费", "--on", "2023-06-01"] + form)
      #expect(outcome.status == 64 && outcome.stderr.contains("无效") && !outcome.stderr.contains("缺少值"))
    }
  }

  @Test("nothing new may name a voided record; a group with members is voided only with their memberships closed")
  func voidedReferences() throws {
    try laogan.run("import", "organizations", try laogan.write("orgs.csv", "名称,类型,地区\n甲支部,党支部,兴义\n乙支部,党支部,兴义\n"))
    let roster = TrustTests.header + "张三,522301194603150011,退休,兴义,甲支部,是\n李四,522301195001010032,退休,兴义,甲支部,是\n"
    try laogan.run("import", "cadres", try laogan.write("roster.csv", roster))
    try laogan.run(
      "import", "payments",
      try laogan.write("paid.csv", "身份证号,项目,所属月份,金额\n522301195001010032,医疗补助费,2023-05,100\n"))
    #expect(try laogan.run("cadre", "void", "李四", "--reason", "重复登记").status == 0)

    let payment = try laogan.write("payment.csv", "身份证号,项目,所属月份,金额\n522301195001010032,医疗补助费,2023-06,100\n")
    try refused("import", "payments", payment, saying: ["line 2", "身份证号", "李四", "已作废"])
    try refused(
      "benefit", "grant", "522301195001010032", "--item", "医疗补助费", "--amount", "50", "--on", "2023-06-01",
      saying: ["李四", "已作废"])
    try refused("org", "join", "522301195001010032", "乙支部", saying: ["已作废"])

    // 李四's own membership ended with the void: one member is left to close.
    try refused("org", "void", "甲支部", "--reason", "撤并", saying: ["甲支部", "还有 1 名成员未转出", "--close-memberships-on"])
    try refused("org", "void", "乙支部", "--reason", "撤并\u{1B}[2J", saying: ["--reason", "U+001B"])
    #expect(try laogan.run("org", "void", "甲支部", "--reason", "撤并", "--close-memberships-on", "2023-06-30").status == 0)
    #expect(try laogan.run("org", "members", "甲支部", "--on", "2023-07-01").stdout.contains("张三") == false)

    // A roster or an organizations file naming a voided record changes nothing in it, saying why.
    #expect(try laogan.run("org", "add", "名称=丙支部", "类型=党支部", "地区=兴义").status == 0)
    try laogan.run("org", "void", "丙支部", "--reason", "错")
    let organizations = try laogan.write("again.csv", "名称,类型,地区\n丙支部,党委,兴义\n")
    try refused("import", "organizations", organizations, "--update", saying: ["丙支部", "已作废"])
    let voidedRow = TrustTests.header + "李四,522301195001010032,退休,兴义,乙支部,是\n"
    try refused("import", "cadres", try laogan.write("voided.csv", voidedRow), "--update", saying: ["已作废"])

    // What was written before the void and still names 李四 is a finding.
    let check = try laogan.run("check", "--format", "json")
    #expect(check.status == 2 && check.stdout.contains("references_voided") && check.stdout.contains("payment 1"))
  }

  @Test("impossible values are refused with the reason: months out of range, born in the future, 迁出 before birth")
  func impossibleValues() throws {
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.roster))
    for month in ["0001-01", "9999年12月"] {
      let file = try laogan.write("m.csv", "身份证号,项目,所属月份,金额\n522301194603150011,医疗补助费,\(month),100\n")
      try refused("import", "payments", file, saying: ["line 2", "所属月份", month])
    }
    // 522301209901010016 is a valid number of someone born on 2099-01-01.
    try refused(
      "import", "cadres", try laogan.write("future.csv", TrustTests.header + "王五,522301209901010016,退休,兴义,,否\n"),
      saying: ["身份证号", "2099-01-01", "晚于今天"])
    try refused(
      "import", "transfers",
      try laogan.write("t.csv", "身份证号,类型,日期,对方单位或地区\n522301194603150011,迁出,1940-01-01,贵阳市\n"),
      saying: ["line 2", "日期", "1940-01-01", "出生日期"])
    try laogan.run("import", "organizations", try laogan.write("o.csv", "名称,类型,地区\n甲支部,党支部,兴义\n"))
    try refused(
      "import", "cadres", try laogan.write("member.csv", TrustTests.header + "张三,522301194603150011,退休,州直,甲支部,否\n"),
      saying: ["line 2", "所在党组织", "甲支部", "党员为“否”"])
  }

  @Test("control characters are refused at the door and never reach a terminal; marks count toward a limit")
  func controlCharacters() throws {
    let escape = try refused(
      "import", "cadres",
      try laogan.write("esc.csv", TrustTests.header + "张三\u{1B}]0;pwned\u{07},522301194603150011,退休,兴义,,否\n"),
      saying: ["line 2", "姓名", "U+001B"])
    #expect(!escape.stderr.contains("\u{1B}") && !escape.stderr.contains("\u{07}"))
    for name in ["张\u{202E}三", "张\u{200B}三", "张\u{85}三", "张\u{061C}三", "张\u{3164}三", "张\u{AD}三"] {
      let file = try laogan.write("bidi.csv", TrustTests.header + "\(name),522301194603150011,退休,兴义,,否\n")
      try refused("import", "cadres", file, saying: ["姓名"])
    }
    let marks = "a" + String(repeating: "\u{301}", count: 20_000)
    try refused(
      "import", "cadres", try laogan.write("marks.csv", TrustTests.header + "\(marks),522301194603150011,退休,兴义,,否\n"),
      saying: ["姓名", "过长"])
    // A note may hold line breaks; in a one-line cell (Alt+Enter in Excel) a line break is a space.
    let note = "姓名,身份证号,类别,管理地区,原工作单位,备注\n张三,522301194603150011,退休,兴义,\"州民政局\n办公室\",\"第一行\n第二行\"\n"
    #expect(try laogan.run("import", "cadres", try laogan.write("note.csv", note)).status == 0)
    let shown = try laogan.run("export", "cadres", "--format", "json")
    #expect(shown.stdout.contains("州民政局 办公室") && shown.stdout.contains("第一行\\n第二行"))
  }

  @Test("undo of an import run --again keeps the first import's guard; two undos of one command, one succeeds")
  func undoAndTheImportGuard() throws {
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.roster))
    let file = try laogan.write("p.csv", "身份证号,项目,所属月份,金额\n522301194603150011,医疗补助费,2023-06,100\n")
    #expect(try laogan.run("import", "payments", file).status == 0)
    #expect(try laogan.run("import", "payments", file, "--again").status == 0)
    #expect(try laogan.run("undo", "--yes").status == 0)
    try refused("import", "payments", file, saying: ["已于", "--again"])
    let list = try laogan.run("benefit", "list", "--format", "csv")
    #expect(list.stdout.components(separatedBy: "医疗补助费").count - 1 == 1)
  }

  @Test("a database that is empty, a folder or another program's file is refused by name and left as it was")
  func notADatabase() throws {
    let empty = laogan.folder.appendingPathComponent("empty.db").path
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    let roster = try laogan.write("roster.csv", TrustTests.roster)
    for command in [["check"], ["cadre", "list"], ["import", "cadres", roster], ["backup", "b.db"]] {
      let outcome = try laogan.run(command + ["--db", empty], withDatabase: false)
      #expect(outcome.status == 1 && outcome.stderr.contains(empty) && outcome.stderr.contains("空文件"), "\(command)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
    }
    let folder = try laogan.run("check", "--db", laogan.folder.path, withDatabase: false)
    #expect(folder.status == 1 && folder.stderr.contains("文件夹"))
    let text = try laogan.write("notes.db", "这不是数据库\n")
    let foreign = try laogan.run("cadre", "list", "--db", text, withDatabase: false)
    #expect(foreign.status == 1 && foreign.stderr.contains(text))
    let restore = try laogan.run("restore", empty, "--yes")
    #expect(restore.status == 1 && restore.stderr.contains("空"))
  }

  @Test("backup and restore leave whole files only: the old database kept, two restores in a second apart")
  func backupAndRestore() throws {
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.roster))
    let backup = laogan.folder.appendingPathComponent("backup.db").path
    #expect(try laogan.run("backup", backup).status == 0)
    try laogan.run("cadre", "void", "张三", "--reason", "误登记")
    let first = try laogan.run("restore", backup, "--yes")
    let second = try laogan.run("restore", backup, "--yes")
    #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: laogan.folder.path)
    #expect(names.filter { $0.hasPrefix("laogan.db.before-restore-") }.count == 2)
    #expect(!names.contains { $0.hasSuffix(".partial") || $0.hasPrefix("backup.db-") })
    #expect(try laogan.run("cadre", "show", "张三").stdout.contains("作废") == false)
    #expect(try laogan.run("check").status == 0)
    let again = try laogan.run("backup", backup)
    #expect(again.status == 1 && again.stderr.contains("已存在"))
  }

  @Test("a damaged file is named: check reports it, backup refuses to call its copy a backup, a write says what to do")
  func damagedFile() throws {
    let rows = (0..<400).map { "干部\($0),\(TrustTests.residentID(index: $0)),退休,兴义,,否" }.joined(separator: "\n")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", TrustTests.header + rows + "\n"))
    // Scribble over the start of one page of the roster, near the end of the file, as a failing disk would:
    // the schema is whole, so the file opens, and a backup reads every page without complaint.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: laogan.database))
    let size = try handle.seekToEnd()
    try handle.seek(toOffset: (size / 4096 - 3) * 4096)
    handle.write(Data(repeating: 0x5A, count: 2000))
    try handle.close()

    let check = try laogan.run("check")
    #expect(check.status == 2 && check.stdout.contains("database_damaged"), "\(check.stdout) \(check.stderr)")
    let backup = laogan.folder.appendingPathComponent("copy.db").path
    let refusedBackup = try laogan.run("backup", backup)
    #expect(refusedBackup.status == 1 && refusedBackup.stderr.contains("损坏"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: laogan.folder.path)
    #expect(!leftovers.contains { $0.hasPrefix("copy.db") || $0.hasSuffix(".partial") })
    // A write that reads the damaged page: the roster again, every row compared with its stored cadre.
    let again = try laogan.write("again.csv", TrustTests.header + rows + "\n")
    let write = try laogan.run("import", "cadres", again, "--update")
    #expect(write.status == 1 && write.stderr.contains("损坏") && write.stderr.contains("restore"))
  }

  @Test("CSV export cannot attack a spreadsheet, and imports back to the same values")
  func formulaCells() throws {
    let roster =
      "姓名,身份证号,类别,管理地区,联系电话,备注\n张三,522301194603150011,退休,兴义,+86 13812345678,=HYPERLINK(\"http://x\")\n"
      + "李四,522301195001010032,退休,兴义,,@SUM(1)\n王五,11010519491231002X,退休,兴义,,-已核对\n"
    try laogan.run("import", "cadres", try laogan.write("roster.csv", roster))
    let exported = laogan.folder.appendingPathComponent("out.csv").path
    #expect(try laogan.run("export", "cadres", "--reveal", "--output", exported).status == 0)
    let text = try String(contentsOfFile: exported, encoding: .utf8)
    #expect(text.contains("'+86 13812345678") && text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    #expect(text.contains("'@SUM(1)") && text.contains("'-已核对"))
    #expect(!text.split(separator: ",").contains { $0.hasPrefix("=") || $0.hasPrefix("@") })
    // On stdout too, the BOM that opens a CSV passes the terminal's escaping, and the cells are guarded.
    let listed = try laogan.run("cadre", "list", "--format", "csv")
    #expect(listed.stdout.unicodeScalars.first == "\u{FEFF}" && !listed.stdout.contains("<U+FEFF>"))
    // Imported again into a new database, the same values.
    let other = try Laogan()
    try other.run("init")
    #expect(try other.run("import", "cadres", exported).status == 0)
    let shown = try other.run("cadre", "show", "张三", "--reveal")
    #expect(shown.stdout.contains("+86 13812345678") && shown.stdout.contains("=HYPERLINK(\"http://x\")"))
    #expect(!shown.stdout.contains("'+86") && !shown.stdout.contains("'=HYPERLINK"))
  }

  /// A valid 身份证号 of a man born 1950-01-01 in 兴义, one for each index below 500.
  static func residentID(index: Int) -> String {
    let body = "52230119500101" + String(format: "%03d", index * 2 + 1)
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(body, weights).reduce(0) { $0 + (Int(String($1.0)) ?? 0) * $1.1 }
    return body + String(Array("10X98765432")[sum % 11])
  }
}
