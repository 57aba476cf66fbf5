import Foundation
import Testing

/// 通知 (SPEC §16) as a branch's clerk sends one: chosen recipients, a file for the SMS gateway, the gateway's
/// failure report marked back, and who is left to telephone.
@Suite("Notices: recipients, contacts and who was not reached")
struct NoticeCommandTests {
  let laogan: Laogan

  /// Five cadres: 张三 and 李四 members of 甲支部 in 兴义, 王五 in 兴义 without a phone and no member, 赵六 in
  /// 普安 aged 96 in 2026, 钱七 in 兴义 who died in 2025.
  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "organizations", try laogan.write("o.csv", "名称,类型,地区\n甲支部,党支部,兴义\n"))
    let imported = try laogan.run(
      "import", "cadres",
      try laogan.write(
        "c.csv",
        """
        姓名,身份证号,类别,管理地区,党员,入党日期,所在党组织,联系电话,去世日期
        张三,522301194603150011,退休,兴义,是,1970-07-01,甲支部,13800001111,
        李四,522301195011200032,退休,兴义,是,1975-03-01,甲支部,0859-3221234,
        王五,522301193607090015,离休,兴义,否,,,,
        赵六,522323193010010041,退休,普安,否,,,13900002222,
        钱七,522301194001010038,退休,兴义,否,,,13700003333,2025-05-01

        """))
    #expect(imported.status == 0, "\(imported.stderr)")
  }

  @Test("add chooses the cadres on the roll that day by the options given, and says how they were chosen")
  func add() throws {
    let added = try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    #expect(added.status == 0, "\(added.stderr)")
    // 钱七 died before the day: not a recipient.
    #expect(added.stdout.contains("已记录通知 1：座谈会通知，收件人 3 人（无电话 1 人）"), "\(added.stdout)")
    let members = try laogan.run(
      "notice", "add", "--title", "党课", "--on", "2026-10-20", "--organization", "甲支部", "--party-member")
    #expect(members.stdout.contains("收件人 2 人"), "\(members.stdout)")
    let old = try laogan.run("notice", "add", "--title", "重阳", "--on", "2026-10-20", "--min-age", "95")
    #expect(old.stdout.contains("收件人 1 人"), "\(old.stdout)")
    // A notice sent before 钱七 died had him; read on an earlier day, a later notice still does not.
    let earlier = try laogan.run(
      "notice", "add", "--title", "补记", "--on", "2025-03-01", "--region", "兴义", "--alive-on", "2025-01-01")
    #expect(earlier.stdout.contains("收件人 4 人"), "\(earlier.stdout)")
    let later = try laogan.run(
      "notice", "add", "--title", "补记", "--on", "2026-10-20", "--region", "兴义", "--alive-on", "2025-01-01")
    #expect(later.stdout.contains("收件人 3 人"), "\(later.stdout)")

    let shown = try laogan.run("notice", "show", "2")
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("收件人：--organization 甲支部 --party-member --alive-on 2026-10-20"), "\(shown.stdout)")
    #expect(shown.stdout.contains("张三  522301********0011  甲支部  138****1111"), "\(shown.stdout)")
    #expect(!shown.stdout.contains("13800001111"))
    let listed = try laogan.run("notice", "list")
    #expect(listed.stdout.split(separator: "\n").dropFirst(2).first?.contains("补记") == true, "\(listed.stdout)")
  }

  @Test("a selection of no one, an unknown organization or an empty title is refused and nothing is recorded")
  func refused() throws {
    let nobody = try laogan.run("notice", "add", "--title", "T", "--on", "2026-10-20", "--min-age", "120")
    #expect(nobody.status == 1)
    #expect(nobody.stderr.contains("--min-age 120 --alive-on 2026-10-20") && nobody.stderr.contains("没有符合条件的在册干部"))
    let unknown = try laogan.run("notice", "add", "--title", "T", "--organization", "乙支部")
    #expect(unknown.status == 1 && unknown.stderr.contains("乙支部"), "\(unknown.stderr)")
    let untitled = try laogan.run("notice", "add", "--title", " ", "--region", "兴义")
    #expect(untitled.status == 1 && untitled.stderr.contains("--title"), "\(untitled.stderr)")
    let controlled = try laogan.run("notice", "add", "--title", "a\u{1B}]0;x\u{07}b", "--region", "兴义")
    #expect(controlled.status == 1 && controlled.stderr.contains("控制字符"), "\(controlled.stderr)")
    let invisible = try laogan.run("notice", "add", "--title", "\u{200B}", "--region", "兴义")
    #expect(invisible.status == 1 && invisible.stderr.contains("U+200B"), "\(invisible.stderr)")
    let negative = try laogan.run("notice", "add", "--title", "T", "--min-age=-5")
    #expect(negative.status == 1 && negative.stderr.contains("--min-age"), "\(negative.stderr)")
    #expect(try laogan.run("notice", "list").stdout.contains("还没有通知"))
    #expect(try laogan.run("notice", "show", "1").stderr.contains("通知"))
  }

  @Test("contacts: masked unless revealed; revealed, a private file and a logged showing; no phone listed apart")
  func contacts() throws {
    try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    let masked = try laogan.run("notice", "contacts", "1")
    #expect(masked.status == 0)
    #expect(masked.stdout.contains("张三,522301********0011,138****1111,兴义市,甲支部"), "\(masked.stdout)")
    #expect(masked.stderr.contains("电话已打码") && masked.stderr.contains("王五"), "\(masked.stderr)")
    #expect(!masked.stdout.contains("王五"))

    let path = laogan.folder.appendingPathComponent("gateway.csv").path
    let revealed = try laogan.run("notice", "contacts", "1", "--reveal", "--output", path)
    #expect(revealed.status == 0 && revealed.stderr.contains("已导出 2 人"), "\(revealed.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("张三,522301194603150011,13800001111,兴义市,甲支部"))
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try laogan.run("audit", "--format", "json").stdout.contains("\"reveal\""))
    // The file is kept: a second export is refused without --force, and shows nothing, so logs nothing.
    let reveals = {
      try self.laogan.run("audit", "--format", "json").stdout.components(separatedBy: "\"reveal\"").count
    }
    let before = try reveals()
    #expect(try laogan.run("notice", "contacts", "1", "--reveal", "--output", path).status == 1)
    let folder = try laogan.run(
      "notice", "contacts", "1", "--reveal", "--format", "csv", "--output", laogan.folder.path)
    #expect(folder.status == 1 && folder.stderr.contains("是一个文件夹"), "\(folder.stderr)")
    #expect(try reveals() == before)
  }

  @Test("mark reads a gateway's report by phone or 身份证号 in any column; show, list and contacts follow; undo")
  func mark() throws {
    try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    let report = try laogan.write(
      "失败.csv",
      """
      序号,接收号码,发送时间,状态
      1,+86 138-0000-1111,2026-10-20 09:00:01,空号

      """)
    let marked = try laogan.run("notice", "mark", "1", "--unreached", report)
    #expect(marked.status == 0, "\(marked.stderr)")
    #expect(marked.stdout.contains("标记未送达 1 人") && marked.stdout.contains("已送达 1，未送达 1，无电话 1"))
    let shown = try laogan.run("notice", "show", "1").stdout.split(separator: "\n")
    #expect(shown.contains { $0.contains("张三") && $0.contains("138****1111") && $0.hasSuffix("未送达") }, "\(shown)")
    #expect(try laogan.run("notice", "list").stdout.contains("3       1       1       1"))
    let again = try laogan.run("notice", "contacts", "1", "--unreached")
    #expect(again.stdout.contains("张三") && !again.stdout.contains("李四"), "\(again.stdout)")

    // By 身份证号, with 王五 (no phone) named too: he stays 无电话.
    let byID = try laogan.write("ids.csv", "身份证号\n522301195011200032\n522301193607090015\n")
    let second = try laogan.run("notice", "mark", "1", "--unreached", byID)
    #expect(second.stdout.contains("标记未送达 1 人，1 人没有电话"), "\(second.stdout)")
    #expect(second.stdout.contains("已送达 0，未送达 2，无电话 1"))

    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(try laogan.run("notice", "show", "1").stdout.contains("已送达 1，未送达 1，无电话 1"))
  }

  @Test("mark refuses a report naming someone who is no recipient, with its line and column, and marks no one")
  func markRefused() throws {
    try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    // 赵六 is in 普安: another notice's report.
    let report = try laogan.write("失败.csv", "手机号码,原因\n13800001111,关机\n13900002222,空号\n")
    let refused = try laogan.run("notice", "mark", "1", "--unreached", report)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("line 3, column 手机号码: 139****2222 — 不是通知 1 任何收件人的电话"), "\(refused.stderr)")
    #expect(refused.stderr.contains("未标记任何人"))
    #expect(try laogan.run("notice", "show", "1").stdout.contains("未送达 0"))
    let empty = try laogan.write("空.csv", "手机号码,原因\n")
    #expect(try laogan.run("notice", "mark", "1", "--unreached", empty).stderr.contains("没有身份证号或电话"))
  }

  @Test("mark: numbers as a spreadsheet keeps them, a number two recipients share, a 身份证号 that is none")
  func markForms() throws {
    try laogan.run("cadre", "edit", "李四", "--phone", "13800001111")
    try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    let shared = try laogan.write("shared.csv", "号码\n'13800001111\n")
    let marked = try laogan.run("notice", "mark", "1", "--unreached", shared)
    #expect(marked.stdout.contains("标记未送达 2 人"), "\(marked.stdout)\(marked.stderr)")
    #expect(try laogan.run("undo", "--yes").status == 0)
    let scientific = try laogan.write("sci.csv", "号码\n1.3800001111E10\n")
    #expect(try laogan.run("notice", "mark", "1", "--unreached", scientific).stdout.contains("标记未送达 2 人"))
    // Excel's scientific form drops a number's trailing zeros; they are put back.
    try laogan.run("cadre", "edit", "王五", "--phone", "13700001100")
    try laogan.run("notice", "add", "--title", "补发", "--on", "2026-10-21", "--region", "兴义")
    let zeros = try laogan.write("zeros.csv", "号码\n1.37000011E+10\n")
    #expect(try laogan.run("notice", "mark", "2", "--unreached", zeros).stdout.contains("标记未送达 1 人"))
    let bad = try laogan.write("bad.csv", "身份证号\n522301194603150012\n")
    let refused = try laogan.run("notice", "mark", "1", "--unreached", bad)
    #expect(refused.status == 1 && refused.stderr.contains("不是有效的号码"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("522301194603150012"))
    let missing = try laogan.run("notice", "mark", "1", "--unreached", laogan.folder.path)
    #expect(missing.status == 1 && missing.stderr.contains("不存在或不可读"), "\(missing.stderr)")
  }

  @Test("a GB18030 report, and a workbook — the contacts file itself — mark by the same numbers")
  func markFiles() throws {
    try laogan.run("notice", "add", "--title", "座谈会通知", "--on", "2026-10-20", "--region", "兴义")
    let gbk = laogan.folder.appendingPathComponent("gbk.csv")
    try #require("号码,状态\n0859-3221234,失败\n".data(using: String.Encoding(rawValue: 0x8000_0632)))
      .write(to: gbk)
    let marked = try laogan.run("notice", "mark", "1", "--unreached", gbk.path)
    #expect(marked.stdout.contains("标记未送达 1 人"), "\(marked.stdout)\(marked.stderr)")

    let workbook = laogan.folder.appendingPathComponent("通讯录.xlsx").path
    #expect(try laogan.run("notice", "contacts", "1", "--reveal", "--output", workbook).status == 0)
    let all = try laogan.run("notice", "mark", "1", "--unreached", workbook)
    #expect(all.stdout.contains("标记未送达 1 人，1 人此前已标记"), "\(all.stdout)\(all.stderr)")
    #expect(all.stdout.contains("已送达 0，未送达 2，无电话 1"))
  }
}
