import Foundation
import Testing

/// The 老年大学 (SPEC §17) as its office runs a term: courses with places, cadres and 社会学员 enrolling, the
/// waiting list, fees and reductions, the term's report and a class list to sign.
@Suite("老年大学: terms, courses, enrolments, report university and course roster")
struct UniversityCommandTests {
  let laogan: Laogan

  /// Cadres 张三 (离休, 兴义, born 1946), 李四 (退休, 普安, born 1950) and 王五 (退休, 兴义, died 2023-01-01);
  /// a spring term with 书法 (2 places, 200 元) and 太极拳 (30 places, free, up to 75 years old), imported from
  /// the sheets a clerk keeps, headers with their units.
  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
    let imports = [
      (
        "cadres",
        """
        姓名,身份证号,类别,管理地区,联系电话,去世日期
        张三,522301194603150011,离休,兴义,13800001111,
        李四,522323195011200030,退休,普安,,
        王五,522301193607090015,退休,兴义,,2023-01-01

        """
      ),
      ("terms", "学期,开学日期,结业日期\n2023年春季,2023-03-01,2023-07-10\n"),
      (
        "courses",
        "学期,课程,班级,教师,容量,学费（元）,年龄上限\n2023年春季,书法,周二上午班,李老师,2,200,\n2023年春季,太极拳,,,30,,75\n"
      ),
    ]
    for (kind, text) in imports {
      let imported = try laogan.run("import", kind, try laogan.write("\(kind).csv", text))
      #expect(imported.status == 0, "\(kind): \(imported.stderr)")
    }
  }

  private func enrol(_ cells: String...) throws -> Laogan.Outcome {
    try laogan.run(["enrolment", "add", "学期=2023年春季"] + cells)
  }

  /// What a refused command must leave as it was.
  private func state() throws -> String {
    try laogan.run("export", "enrolments").stdout + laogan.run("export", "courses").stdout
  }

  /// A report's CSV, its lines ending in a bare newline.
  private func csv(_ arguments: String...) throws -> String {
    try laogan.run(arguments + ["--format", "csv"]).stdout.replacingOccurrences(of: "\r\n", with: "\n")
  }

  @Test("a course exactly full refuses the next student, who waits only when asked; the list keeps its order")
  func capacity() throws {
    #expect(try enrol("课程=书法", "身份证号=522301194603150011", "报名日期=2023-02-20", "实收学费=0", "减免原因=离休干部免费").status == 0)
    #expect(try enrol("课程=书法", "姓名=刘桂兰", "电话=13900001234", "报名日期=2023-02-21").status == 0)
    let before = try state()
    let full = try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-22")
    #expect(full.status == 1)
    #expect(full.stderr.contains("已满（容量 2 人）") && full.stderr.contains("--wait"), "\(full.stderr)")
    #expect(try state() == before)
    #expect(try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-22", "候补=是").status == 0)
    // An import with --wait puts who comes past the places on the list, after those already on it.
    let late = try laogan.write("late.csv", "学期,课程,姓名,电话,报名日期\n2023年春季,书法,赵大,13700002222,2023-02-23\n")
    #expect(try laogan.run("import", "enrolments", late).status == 1)
    let waited = try laogan.run("import", "enrolments", late, "--wait")
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stderr.contains("书法已满（容量 2 人），排入候补第 2 位"), "\(waited.stderr)")
    let report = try csv("report", "university", "--term", "2023年春季")
    #expect(
      report.contains("候补名单\n课程,候补顺序,姓名,类别,报名日期\n书法,1,李四,离退休干部,2023-02-22\n书法,2,赵大,社会学员,2023-02-23\n"), "\(report)")
    // A place is given back by a void; a student moves up when the clerk says so, and not past the capacity.
    let crowded = try laogan.run("enrolment", "edit", "3", "候补=否")
    #expect(crowded.status == 1 && crowded.stderr.contains("已满"), "\(crowded.stderr)")
    #expect(try laogan.run("enrolment", "void", "2", "--reason", "退学").status == 0)
    #expect(try laogan.run("enrolment", "edit", "3", "候补=否").status == 0)
    // Fewer places than students holding one is refused.
    let shrunk = try laogan.run("course", "edit", "1", "容量=1")
    #expect(shrunk.status == 1 && shrunk.stderr.contains("已有 2 人报名"), "\(shrunk.stderr)")
  }

  @Test("the same student twice, a dead or over-age cadre, and a fee without its reason are refused")
  func refusals() throws {
    #expect(try enrol("课程=太极拳", "姓名=刘桂兰", "电话=13900001234", "报名日期=2023-02-21").status == 0)
    #expect(try enrol("课程=太极拳", "姓名=钱七", "身份证号=522301195801010022", "报名日期=2023-02-21").status == 0)
    let before = try state()
    let twice = try enrol("课程=太极拳", "姓名=刘桂兰", "电话=13900001234", "报名日期=2023-02-25")
    #expect(twice.status == 1 && twice.stderr.contains("已报名该课程（记录 1）"), "\(twice.stderr)")
    let again = try enrol("课程=太极拳", "姓名=钱七七", "身份证号=５２２３０１１９５８０１０１００２２", "报名日期=2023-02-25")
    #expect(again.status == 1 && again.stderr.contains("已报名该课程（记录 2）"), "\(again.stderr)")
    let dead = try enrol("课程=太极拳", "身份证号=522301193607090015", "报名日期=2023-02-25")
    #expect(dead.status == 1 && dead.stderr.contains("王五已于 2023-01-01 去世"), "\(dead.stderr)")
    let old = try enrol("课程=太极拳", "身份证号=522301194603150011", "报名日期=2023-02-25")
    #expect(old.status == 1 && old.stderr.contains("开学时 76 岁，超过该课程的年龄上限 75 岁"), "\(old.stderr)")
    #expect(!old.stderr.contains("522301194603150011"), "a message masks the number it quotes")
    let nameless = try enrol("课程=太极拳", "电话=13900009999", "报名日期=2023-02-25")
    #expect(nameless.status == 1 && nameless.stderr.contains("须填姓名"), "\(nameless.stderr)")
    let reduced = try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-25", "实收学费=100")
    #expect(reduced.status == 1 && reduced.stderr.contains("须写减免原因"), "\(reduced.stderr)")
    let above = try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-25", "实收学费=300")
    #expect(above.status == 1 && above.stderr.contains("高于该课程的学费 200.00 元"), "\(above.stderr)")
    let unknown = try enrol("课程=围棋", "身份证号=522323195011200030", "报名日期=2023-02-25")
    #expect(unknown.status == 1 && unknown.stderr.contains("2023年春季没有这门课程"), "\(unknown.stderr)")
    #expect(try state() == before)
  }

  @Test("places go in the order of enrolment: none past the waiting list, none to a later row of a full course")
  func order() throws {
    // A file out of date order under --wait: the later applicant already holding the last place is named.
    let file = try laogan.write(
      "e.csv",
      "学期,课程,姓名,电话,报名日期\n2023年春季,书法,甲,13900000001,2023-02-05\n2023年春季,书法,乙,13900000002,2023-02-06\n"
        + "2023年春季,书法,丙,13900000003,2023-02-04\n")
    let unsorted = try laogan.run("import", "enrolments", file, "--wait")
    #expect(unsorted.status == 1, "\(unsorted.stdout)")
    #expect(unsorted.stderr.contains("line 4") && unsorted.stderr.contains("请按报名日期先后登记"), "\(unsorted.stderr)")
    let sorted = try laogan.write(
      "s.csv",
      "学期,课程,姓名,电话,报名日期\n2023年春季,书法,丙,13900000003,2023-02-04\n2023年春季,书法,甲,13900000001,2023-02-05\n"
        + "2023年春季,书法,乙,13900000002,2023-02-06\n2023年春季,书法,丁,13900000004,2023-02-07\n")
    let waited = try laogan.run("import", "enrolments", sorted, "--wait")
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stderr.contains("排入候补第 1 位") && waited.stderr.contains("排入候补第 2 位"), "\(waited.stderr)")
    // 甲 leaves: the place is 乙's, first in line, not a newcomer's, nor 丁's before 乙's.
    #expect(try laogan.run("enrolment", "void", "2", "--reason", "退学").status == 0)
    let newcomer = try enrol("课程=书法", "姓名=戊", "电话=13900000005", "报名日期=2023-02-08")
    #expect(newcomer.status == 1 && newcomer.stderr.contains("候补名单上有人在等（第一位是记录 3"), "\(newcomer.stderr)")
    let second = try laogan.run("enrolment", "edit", "4", "候补=否")
    #expect(second.status == 1 && second.stderr.contains("第一位是记录 3"), "\(second.stderr)")
    #expect(try laogan.run("enrolment", "edit", "3", "候补=否").status == 0)
    // A phone is masked in an export however it was typed.
    #expect(try enrol("课程=太极拳", "姓名=庚", "电话=139 0000 7777", "报名日期=2023-02-09").status == 0)
    let listed = try laogan.run("export", "enrolments").stdout
    #expect(listed.contains("139******7777") && !listed.contains("0000 7777"), "\(listed)")
    // One person once: a phone however written, a cadre's name without a number, a name not the cadre's.
    let again = try enrol("课程=书法", "姓名=丙", "电话=+86 139-0000-0003", "报名日期=2023-02-09", "候补=是")
    #expect(again.status == 1 && again.stderr.contains("已报名该课程（记录 1）"), "\(again.stderr)")
    #expect(try enrol("课程=太极拳", "身份证号=522323195011200030", "报名日期=2023-02-10").status == 0)
    let named = try enrol("课程=太极拳", "姓名=李四", "报名日期=2023-02-11")
    #expect(named.status == 1 && named.stderr.contains("同名的另一人请写身份证号"), "\(named.stderr)")
    let mismatch = try enrol("课程=书法", "姓名=王五", "身份证号=522323195011200030", "报名日期=2023-02-11", "候补=是")
    #expect(mismatch.status == 1 && mismatch.stderr.contains("与身份证号登记的姓名“李四”不符"), "\(mismatch.stderr)")
    let late = try enrol("课程=太极拳", "姓名=己", "报名日期=2023-07-11")
    #expect(late.status == 1 && late.stderr.contains("晚于2023年春季的结业日期 2023-07-10"), "\(late.stderr)")
  }

  @Test("a course or term under its students is not voided, nor its fee, term or age limit changed from under them")
  func dependants() throws {
    #expect(try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-21").status == 0)
    let before = try state()
    let fee = try laogan.run("course", "edit", "书法", "学费=300")
    #expect(fee.status == 1 && fee.stderr.contains("按原学费收费"), "\(fee.stderr)")
    let limit = try laogan.run("course", "edit", "书法", "年龄上限=70")
    #expect(limit.status == 1 && limit.stderr.contains("开学时 72 岁"), "\(limit.stderr)")
    let course = try laogan.run("course", "void", "书法", "--reason", "录错")
    #expect(course.status == 1 && course.stderr.contains("还有 1 条报名"), "\(course.stderr)")
    let term = try laogan.run("term", "void", "2023年春季", "--reason", "录错")
    #expect(term.status == 1 && term.stderr.contains("还有 2 门课程"), "\(term.stderr)")
    #expect(try state() == before)
    #expect(try laogan.run("course", "edit", "书法", "容量=40", "年龄上限=90").status == 0)
  }

  @Test("report university counts places, cadres and 社会老年人 apart, fees due, reduced and charged, by region")
  func report() throws {
    #expect(try enrol("课程=书法", "身份证号=522301194603150011", "报名日期=2023-02-20", "实收学费=0", "减免原因=离休干部免费").status == 0)
    #expect(try enrol("课程=书法", "姓名=刘桂兰", "电话=13900001234", "报名日期=2023-02-21").status == 0)
    #expect(try enrol("课程=太极拳", "身份证号=522323195011200030", "报名日期=2023-02-21").status == 0)
    #expect(try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-22", "候补=是").status == 0)
    let report = try csv("report", "university", "--term", "2023年春季")
    #expect(
      report.contains(
        """
        课程,班级,教师,容量,已报名,离退休干部,社会老年人,候补,应收学费,减免,实收学费
        书法,周二上午班,李老师,2,2,1,1,1,400.00,200.00,200.00
        太极拳,,,30,1,1,0,0,0.00,0.00,0.00
        合计,,,32,3,2,1,1,400.00,200.00,200.00
        """), "\(report)")
    #expect(report.contains("管理地区,人数,人次\n兴义市,1,1\n普安县,1,1\n"), "\(report)")
    let xingyi = try csv("report", "university", "--term", "2023年春季", "--region", "兴义")
    #expect(xingyi.contains("管理地区,人数,人次\n兴义市,1,1\n\n"), "\(xingyi)")
    let missing = try laogan.run("report", "university", "--term", "2024年春季")
    #expect(missing.status == 1 && missing.stderr.contains("2024年春季"), "\(missing.stderr)")
  }

  @Test("course roster: the students holding a place in enrolment order, phones masked, a column to sign in")
  func roster() throws {
    #expect(try enrol("课程=书法", "姓名=刘桂兰", "电话=13900001234", "报名日期=2023-02-21").status == 0)
    #expect(try enrol("课程=书法", "身份证号=522301194603150011", "报名日期=2023-02-20", "实收学费=0", "减免原因=离休").status == 0)
    #expect(try enrol("课程=书法", "身份证号=522323195011200030", "报名日期=2023-02-22", "候补=是").status == 0)
    let roster = try csv("course", "roster", "书法", "--term", "2023年春季")
    #expect(roster.contains("周二上午班　教师 李老师　开学 2023-03-01，结业 2023-07-10"), "\(roster)")
    #expect(
      roster.contains(
        "学员（共 2 人，容量 2 人）\n序号,姓名,性别,年龄,类别,电话,签到\n1,张三,男,76,离退休干部,138****1111,\n2,刘桂兰,,,社会学员,139****1234,\n"),
      "\(roster)")
    let revealed = try csv("course", "roster", "书法", "--term", "2023年春季", "--reveal")
    #expect(revealed.contains("13900001234"))
    #expect(try laogan.run("audit").stdout.contains("course_roster"))
    let html = try laogan.run("course", "roster", "书法", "--term", "2023年春季", "--output", "名册.html")
    #expect(html.status == 0, "\(html.stderr)")
    let page = try String(contentsOf: laogan.folder.appendingPathComponent("名册.html"), encoding: .utf8)
    #expect(page.contains("签到") && page.contains("A4"), "\(page.prefix(400))")
    #expect(!page.contains("<svg"), "a class list's 序号 and 年龄 are no bars to compare")
  }
}
