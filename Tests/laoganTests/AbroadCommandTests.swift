import Foundation
import Testing

/// 证照 and 出国(境) (SPEC §17) as the bureau's clerk keeps them: permits in the cabinet, a trip on the permit its
/// destination needs, the permit lent and returned, and who is abroad, overdue or keeping a permit too long.
@Suite("Permits and trips: custody, the trip's permit, and report abroad")
struct AbroadCommandTests {
  let laogan: Laogan

  /// Two cadres in 兴义: 张三 with a passport valid to 2030 and a 往来港澳通行证 that expires on 2023-08-05; 李四
  /// with a passport, from a file a clerk saved from Excel in GB18030, that is in 李四's hands since 2023-05-01.
  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
    let cadres = try laogan.run(
      "import", "cadres",
      try laogan.write(
        "c.csv",
        "姓名,身份证号,类别,管理地区\n张三,522301194603150011,退休,兴义\n李四,522301195011200032,退休,兴义\n"))
    #expect(cadres.status == 0, "\(cadres.stderr)")
    let text = """
      身份证号,证照类型,证照号码,签发日期,有效期至,保管,领用日期
      522301194603150011,护照,E 1234 5678,2020-05-02,2030-05-01,在柜,
      522301194603150011,港澳通行证,c7654321,2013-08-06,2023-08-05,,
      522301195011200032,护照,E87654321,2019-01-01,2029-01-01,领用,2023-05-01

      """
    let url = laogan.folder.appendingPathComponent("证照.csv")
    try #require(text.data(using: .init(rawValue: 0x8000_0632)) != nil)
    try text.data(using: .init(rawValue: 0x8000_0632))?.write(to: url)
    let permits = try laogan.run("import", "permits", url.path)
    #expect(permits.status == 0, "\(permits.stderr)")
  }

  /// A report's CSV, its lines ending in a bare newline.
  private func csv(_ arguments: String...) throws -> String {
    try laogan.run(arguments + ["--format", "csv"]).stdout.replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// What a refused command must leave as it was: the permits, the trips and the audit log.
  private func state() throws -> String {
    try ["permits", "trips"].map { try laogan.run("export", $0).stdout }.joined()
      + laogan.run("audit").stdout
  }

  @Test("the import keeps numbers in one spelling and opens the loan its 保管 says; custody is not changed by import")
  func importedCustody() throws {
    let listed = try laogan.run("permit", "list")
    #expect(listed.stdout.contains("E12345678") && listed.stdout.contains("C7654321"), "\(listed.stdout)")
    #expect(listed.stdout.contains("往来港澳通行证"))
    let lent = try laogan.run("permit", "show", "E87654321")
    #expect(lent.stdout.contains("领用日期  2023-05-01"), "\(lent.stdout)")
    let before = try state()
    let back = try laogan.run(
      "import", "permits",
      try laogan.write(
        "back.csv", "身份证号,证照类型,证照号码,有效期至,保管\n522301195011200032,护照,E87654321,2029-01-01,在柜\n"))
    #expect(back.status == 1)
    #expect(back.stderr.contains("line 2, column 保管") && back.stderr.contains("permit return"), "\(back.stderr)")
    let wrong = try laogan.run(
      "permit", "add", "身份证号=522301194603150011", "证照类型=签证", "证照号码=E1", "有效期至=2020-13-01")
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("证照类型") && wrong.stderr.contains("签证"), "\(wrong.stderr)")
    #expect(wrong.stderr.contains("证照号码") && wrong.stderr.contains("有效期至"), "\(wrong.stderr)")
    #expect(try state() == before)
  }

  @Test("a trip travels on the permit its destination needs, valid through the planned return, or is refused")
  func tripPermit() throws {
    let before = try state()
    // The 港澳 permit expires on 2023-08-05, before the planned return.
    let expiring = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=香港", "出发日期=2023-08-01", "计划返回日期=2023-08-10",
      "证照号码=C7654321")
    #expect(expiring.status == 1)
    #expect(expiring.stderr.contains("有效期至 2023-08-05，早于计划返回日期 2023-08-10"), "\(expiring.stderr)")
    // Without a number: no 港澳 permit valid that long, and the passport is not one.
    let none = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=香港", "出发日期=2023-08-01", "计划返回日期=2023-08-10")
    #expect(none.status == 1 && none.stderr.contains("往来港澳通行证"), "\(none.stderr)")
    let passport = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=澳门", "出发日期=2023-07-01", "计划返回日期=2023-07-05",
      "证照号码=E12345678")
    #expect(passport.status == 1 && passport.stderr.contains("前往澳门须持往来港澳通行证"), "\(passport.stderr)")
    let others = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=日本", "出发日期=2023-07-01", "计划返回日期=2023-07-05",
      "证照号码=E87654321")
    #expect(others.status == 1 && others.stderr.contains("不是该干部的"), "\(others.stderr)")
    #expect(try state() == before)

    // The last day the permit is valid is a planned return it carries; the number is found however typed.
    let fits = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=香港、澳门", "出发日期=2023-08-01",
      "计划返回日期=2023-08-05")
    #expect(fits.status == 0, "\(fits.stderr)")
    let dashed = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=泰国、日本", "出发日期=2023-09-01", "计划返回日期=2023-09-09",
      "证照号码=e1234-5678")
    #expect(dashed.status == 1, "a number with a dash is no number on file")
    // A journey needing two permits is recorded as a trip on each.
    let two = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=泰国、香港", "出发日期=2023-09-01", "计划返回日期=2023-09-09")
    #expect(two.status == 1 && two.stderr.contains("按所用证照分别登记"), "\(two.stderr)")
    // Trip 1 is long past its planned return: until its return is recorded, 张三 is abroad.
    let unreturned = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=泰国、日本", "出发日期=2023-09-01", "计划返回日期=2023-09-09")
    #expect(unreturned.status == 1 && unreturned.stderr.contains("尚未登记返回"), "\(unreturned.stderr)")
    #expect(try laogan.run("trip", "edit", "1", "实际返回日期=2023-08-05").status == 0)
    let thailand = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=泰国、日本", "出发日期=2023-09-01", "计划返回日期=2023-09-09",
      "证照号码=e1234 5678")
    #expect(thailand.status == 0, "\(thailand.stderr)")
    let trips = try laogan.run("trip", "list", "--format", "csv").stdout
    #expect(trips.contains("香港、澳门,,2023-08-01,2023-08-05,2023-08-05,C7654321"), "\(trips)")
    #expect(trips.contains("泰国、日本,,2023-09-01,2023-09-09,,E12345678"), "\(trips)")
    // An earlier trip entered now with no return recorded, long past its plan, is abroad without end.
    let open = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=日本", "出发日期=2023-06-01", "计划返回日期=2023-06-05")
    #expect(open.status == 1 && open.stderr.contains("出国(境)登记 1"), "\(open.stderr)")
  }

  @Test("lend and return: one loan at a time, for the trip on that permit, never before the lend")
  func lendAndReturn() throws {
    let trip = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=日本", "出发日期=2023-07-01", "计划返回日期=2023-07-10")
    #expect(trip.status == 0, "\(trip.stderr)")
    let before = try state()
    let late = try laogan.run("permit", "lend", "E12345678", "--on", "2023-07-02", "--trip", "1")
    #expect(late.status == 1 && late.stderr.contains("晚于出国(境)登记 1 的出发日期 2023-07-01"), "\(late.stderr)")
    let other = try laogan.run("permit", "lend", "C7654321", "--on", "2023-06-28", "--trip", "1")
    #expect(other.status == 1 && other.stderr.contains("使用的不是这本证照"), "\(other.stderr)")
    let out = try laogan.run("permit", "lend", "E87654321", "--on", "2023-06-28", "--trip", "1")
    #expect(out.status == 1 && out.stderr.contains("已于 2023-05-01 领用"), "\(out.stderr)")
    let expired = try laogan.run("permit", "lend", "C7654321", "--on", "2023-08-06", "--trip", "1")
    #expect(expired.status == 1 && expired.stderr.contains("已过期"), "\(expired.stderr)")
    let missing = try laogan.run("permit", "lend", "E12345678", "--on", "2023-06-28", "--trip", "9")
    #expect(missing.status == 1 && missing.stderr.contains("9"), "\(missing.stderr)")
    let notLent = try laogan.run("permit", "return", "E12345678", "--on", "2023-07-12")
    #expect(notLent.status == 1 && notLent.stderr.contains("在柜"), "\(notLent.stderr)")
    #expect(try state() == before)

    #expect(try laogan.run("permit", "lend", "E12345678", "--on", "2023-06-28", "--trip", "1").status == 0)
    #expect(try laogan.run("permit", "show", "E12345678").stdout.contains("保管      领用"))
    let early = try laogan.run("permit", "return", "E12345678", "--on", "2023-06-27")
    #expect(early.status == 1 && early.stderr.contains("早于领用日期 2023-06-28"), "\(early.stderr)")
    #expect(try laogan.run("permit", "return", "E12345678", "--on", "2023-07-12").status == 0)
    #expect(try laogan.run("permit", "show", "E12345678").stdout.contains("保管      在柜"))
    // A 领用 typed in an edit opens a loan as a lend does: not before the last return.
    let typed = try laogan.run("permit", "edit", "E12345678", "保管=领用", "领用日期=2023-07-01")
    #expect(typed.status == 1 && typed.stderr.contains("早于上次归还日期 2023-07-12"), "\(typed.stderr)")
    // Each step is in the audit log, and undo takes the return back.
    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(try laogan.run("permit", "show", "E12345678").stdout.contains("领用日期  2023-06-28"))
  }

  @Test("what a trip or a loan stands on is not voided or changed from under it; no one travels after death")
  func dependants() throws {
    #expect(
      try laogan.run(
        "trip", "add", "身份证号=522301194603150011", "目的地=日本", "出发日期=2023-07-01", "计划返回日期=2023-07-10"
      ).status == 0)
    #expect(try laogan.run("permit", "lend", "E12345678", "--on", "2023-06-28", "--trip", "1").status == 0)
    let before = try state()
    let lent = try laogan.run("permit", "void", "E12345678", "--reason", "误登")
    #expect(lent.status == 1 && lent.stderr.contains("尚未归还"), "\(lent.stderr)")
    let trip = try laogan.run("trip", "void", "1", "--reason", "误登")
    #expect(trip.status == 1 && trip.stderr.contains("尚未归还"), "\(trip.stderr)")
    let shortened = try laogan.run("permit", "edit", "E12345678", "有效期至=2023-07-05")
    #expect(shortened.status == 1 && shortened.stderr.contains("出国(境)登记 1 用这本证照"), "\(shortened.stderr)")
    let moved = try laogan.run("permit", "edit", "E12345678", "身份证号=522301195011200032")
    #expect(moved.status == 1 && moved.stderr.contains("不能改到另一名干部名下"), "\(moved.stderr)")
    let earlier = try laogan.run("trip", "edit", "1", "出发日期=2023-06-20")
    #expect(earlier.status == 1 && earlier.stderr.contains("早于本次出行的证照领用日期 2023-06-28"), "\(earlier.stderr)")
    let future = try laogan.run("trip", "edit", "1", "实际返回日期=2099-01-01")
    #expect(future.status == 1 && future.stderr.contains("之后"), "\(future.stderr)")
    let ahead = try laogan.run("permit", "return", "E12345678", "--on", "2099-01-01")
    #expect(ahead.status == 1 && ahead.stderr.contains("在今天之后"), "\(ahead.stderr)")
    #expect(try state() == before)

    // Returned, the permit still carries trip 1: voided only after the trip is.
    #expect(try laogan.run("permit", "return", "E12345678", "--on", "2023-07-11").status == 0)
    let again = try laogan.run("permit", "lend", "E12345678", "--on", "2023-07-01", "--trip", "1")
    #expect(again.status == 1 && again.stderr.contains("早于上次归还日期 2023-07-11"), "\(again.stderr)")
    let used = try laogan.run("permit", "void", "E12345678", "--reason", "误登")
    #expect(used.status == 1 && used.stderr.contains("出国(境)登记 1"), "\(used.stderr)")
    #expect(try laogan.run("trip", "void", "1", "--reason", "误登").status == 0)
    #expect(try laogan.run("permit", "void", "E12345678", "--reason", "误登").status == 0)

    #expect(try laogan.run("cadre", "die", "522301195011200032", "--on", "2023-08-01").status == 0)
    let dead = try laogan.run(
      "trip", "add", "身份证号=522301195011200032", "目的地=日本", "出发日期=2023-09-01", "计划返回日期=2023-09-10")
    #expect(dead.status == 1 && dead.stderr.contains("已于 2023-08-01 去世"), "\(dead.stderr)")
  }

  @Test("report abroad: abroad and overdue on the day, permits kept past the grace to the day, those expiring")
  func report() throws {
    let first = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=日本", "出发日期=2023-07-01", "计划返回日期=2023-07-10")
    #expect(first.status == 0, "\(first.stderr)")
    // 李四 travels on the passport already in his hands: its loan, from the import, is for this trip.
    let second = try laogan.run(
      "trip", "add", "身份证号=522301195011200032", "目的地=日本", "出发日期=2023-06-20", "计划返回日期=2023-07-02")
    #expect(second.status == 0, "\(second.stderr)")
    let overlapping = try laogan.run(
      "trip", "add", "身份证号=522301194603150011", "目的地=泰国", "出发日期=2023-07-10", "计划返回日期=2023-07-20")
    #expect(overlapping.status == 1 && overlapping.stderr.contains("出国(境)登记 1"), "\(overlapping.stderr)")
    #expect(try laogan.run("permit", "lend", "E12345678", "--on", "2023-06-29", "--trip", "1").status == 0)
    #expect(try laogan.run("trip", "edit", "1", "实际返回日期=2023-07-10").status == 0)

    // 李四's return is not recorded: on 2023-07-03 he is one day overdue.
    let day = try csv("report", "abroad", "--on", "2023-07-03")
    #expect(
      day.contains(
        """
        在境外
        编号,姓名,身份证号,管理地区,目的地,事由,出发日期,计划返回日期,证照号码
        2,李四,522301********0032,兴义市,日本,,2023-06-20,2023-07-02,E87654321
        1,张三,522301********0011,兴义市,日本,,2023-07-01,2023-07-10,E12345678
        注：共 2 人次
        """), "\(day)")
    #expect(day.contains("逾期天数\n2,李四,522301********0032,兴义市,日本,,2023-06-20,2023-07-02,E87654321,1\n"), "\(day)")
    #expect(day.contains("剩余天数,保管\n2,C7654321,往来港澳通行证,张三,522301********0011,兴义市,2023-08-05,33,在柜\n"), "\(day)")

    // The permit back from trip 1 on 2023-07-10 is not named seven days later, and is the day after.
    let grace = try csv("report", "abroad", "--on", "2023-07-17")
    #expect(grace.contains("返回日期,返回后天数\n注：共 0 本"), "\(grace)")
    let past = try csv("report", "abroad", "--on", "2023-07-18")
    #expect(past.contains("\n1,E12345678,护照,张三,522301********0011,兴义市,2023-06-29,1,日本,2023-07-10,8\n"), "\(past)")
    let longer = try csv("report", "abroad", "--on", "2023-07-18", "--grace", "8")
    #expect(longer.contains("返回日期,返回后天数\n注：共 0 本"), "\(longer)")
    let revealed = try csv("report", "abroad", "--on", "2023-07-18", "--reveal")
    #expect(revealed.contains("522301194603150011"))
    #expect(try laogan.run("report", "abroad", "--grace", "-1").status == 64)
    // Its rows are records naming their region, as the other lists': no breakdown by region.
    let byRegion = try laogan.run("report", "abroad", "--by-region")
    #expect(byRegion.status == 64 && byRegion.stderr.contains("不再按地区分列"), "\(byRegion.stderr)")

    // Today both are long past: check names the trip never recorded as back and the permit not handed in.
    let check = try laogan.run("check")
    #expect(check.status == 2)
    #expect(check.stdout.contains("trip_overdue  trip 2  李四 前往日本，计划 2023-07-02 返回"), "\(check.stdout)")
    #expect(
      check.stdout.contains("permit_not_returned  permit 1  张三 的护照 E12345678 在 2023-07-10 返回后仍未交回"),
      "\(check.stdout)")
    #expect(try laogan.run("permit", "return", "E12345678", "--on", "2023-07-20").status == 0)
    #expect(!(try laogan.run("check").stdout.contains("permit_not_returned")))
  }
}
