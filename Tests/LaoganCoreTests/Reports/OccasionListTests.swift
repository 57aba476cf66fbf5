import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("The year's occasion lists: 重阳 and 光荣在党50年 (SPEC §10)")
final class OccasionListTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  /// The test's database, on the engine it runs on (`use`).
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  /// A retired cadre of 兴义 born on `born`, with a valid 身份证号; `cells` adds or overrides cells.
  func cadre(_ name: String, born: String, order: Int = 1, _ cells: [CadreField: String] = [:]) throws {
    let body = "522301" + born.replacingOccurrences(of: "-", with: "") + String(format: "%03d", order)
    var row: [CadreField: String] = [
      .name: name, .residentID: body + ResidentIDTestSupport.check(body), .category: "退休", .region: "兴义",
      .retiredOn: "2000-01-01",
    ]
    row.merge(cells) { _, new in new }
    _ = try database.addRecord(CadreKind.self, cells: row, testContext)
  }

  @Test(
    "重阳 comes from the Chinese calendar: the published days",
    arguments: [(2022, "2022-10-04"), (2023, "2023-10-23"), (2024, "2024-10-11"), (2025, "2025-10-29")])
  func chongyangDays(year: Int, day: String) {
    #expect(ChongyangDay.of(year: year)?.description == day)
  }

  @Test(
    "ages on 重阳 itself, a birthday that day counting; 逢十 and 逢五; the dead and the departed left out",
    arguments: TestEngine.available)
  func chongyang(on engine: TestEngine) throws {
    try use(engine)
    // 重阳 2024 is 10-11.
    try cadre("八十整", born: "1944-10-11")
    try cadre("差一天", born: "1954-10-12")
    try cadre("七十五", born: "1949-01-01")
    try cadre("百岁", born: "1924-10-11", order: 2)
    try cadre("当天去世", born: "1930-01-01", [.diedOn: "2024-10-11"])
    try cadre("已迁出", born: "1931-01-01", order: 3)
    _ = try database.addRecord(
      TransferKind.self,
      cells: [
        .residentID: "52230119310101003" + ResidentIDTestSupport.check("52230119310101003"), .direction: "迁出",
        .transferredOn: "2024-05-01", .counterpart: "贵阳",
      ], testContext)
    let report = try database.chongyangReport(region: .prefecture, year: 2024, generatedAt: "", reveal: false)
    #expect(report.title.contains("2024-10-11"))
    let listed = report.sections.map { section in section.rows.map { [$0[1].text, $0[4].text, $0[5].text] } }
    #expect(
      listed == [
        [["七十五", "75", "逢五"]], [["八十整", "80", "逢十"]], [], [["百岁", "100", "逢十"]],
      ])
    #expect(report.sections.map(\.title) == ["70–79 岁", "80–89 岁", "90–99 岁", "100 岁及以上"])
    // Its JSON's period is the day its heading names, not the year asked for.
    let year = Period(
      from: try #require(CalendarDate(parsing: "2024-01-01")), to: try #require(CalendarDate(parsing: "2024-12-31")))
    let json = try report.json(report: "chongyang", region: .prefecture, period: year, generatedAt: "")
    #expect(json.contains("\"from\" : \"2024-10-11\"") && json.contains("\"to\" : \"2024-10-11\""))
  }

  /// The list's SQL picks those born on or before the day 70 years before 重阳: a cadre whose 70th birthday is
  /// 重阳 itself is 70 that day and belongs on it, 逢十; one whose birthday is the day after is still 69.
  @Test("重阳: a cadre turning exactly 70 on the day is listed under 70–79 岁, 逢十", arguments: TestEngine.available)
  func chongyangSeventy(on engine: TestEngine) throws {
    try use(engine)
    // 重阳 2024 is 10-11.
    try cadre("七十整", born: "1954-10-11")
    try cadre("差一天", born: "1954-10-12")
    let report = try database.chongyangReport(region: .prefecture, year: 2024, generatedAt: "", reveal: false)
    let listed = report.sections.map { section in section.rows.map { [$0[1].text, $0[4].text, $0[5].text] } }
    #expect(listed == [[["七十整", "70", "逢十"]], [], [], []])
  }

  /// The birthdays `BirthdayDays` finds in `from…to` for a birth on `born`, as `date age`.
  func birthdays(_ born: String, lunar: Bool, _ from: String, _ to: String) throws -> [String] {
    let period = Period(from: try #require(CalendarDate(parsing: from)), to: try #require(CalendarDate(parsing: to)))
    return BirthdayDays(period).birthdays(born: try #require(CalendarDate(parsing: born)), lunar: lunar).map {
      "\($0.date) \($0.age)"
    }
  }

  @Test(
    "lunar birthdays: the 30th of a month that has 29 this year, a leap-month birth, across the year's end",
    arguments: TestEngine.available)
  func lunarBirthdays(on engine: TestEngine) throws {
    try use(engine)
    // 2022-03-02 was 正月三十; 2023's 正月 ran 01-22 to 02-19 (二月初一 was 02-20), so the 29th stands for it.
    #expect(try birthdays("2022-03-02", lunar: true, "2023-02-01", "2023-02-28") == ["2023-02-19 1"])
    // 2023-03-25 was 闰二月初四; 2024 has no leap month, so its ordinary 二月初四 (二月初二 was 03-11).
    #expect(try birthdays("2023-03-25", lunar: true, "2024-03-01", "2024-03-31") == ["2024-03-13 1"])
    // Kept by the Gregorian calendar, the same births fall on their own days.
    #expect(try birthdays("2022-03-02", lunar: false, "2023-02-01", "2023-03-31") == ["2023-03-02 1"])
    // 重阳 2023 (九月初九, 10-23) is the lunar birthday of one born on 重阳 1943 (10-07): 80, by lunar years.
    #expect(try birthdays("1943-10-07", lunar: true, "2023-10-01", "2023-10-31") == ["2023-10-23 80"])
    // A period over the year's end finds the birthday in whichever year it falls.
    #expect(try birthdays("1950-01-05", lunar: false, "2023-12-15", "2024-01-15") == ["2024-01-05 74"])
  }

  /// 2023 has 二月 twice: the ordinary one from 02-20 and 闰二月 from 03-22. A lunar birthday in 二月 is kept
  /// once, in the ordinary month; the leap month of the same number is no second birthday.
  @Test(
    "lunar birthdays: a 二月 birth comes round once in a year with 闰二月, in the ordinary 二月",
    arguments: TestEngine.available)
  func lunarLeapMonthOnce(on engine: TestEngine) throws {
    try use(engine)
    // 2022-03-02 was 正月三十 (above), so 2022's 二月初一 was 03-03 and its 二月初四 03-06.
    let born = try #require(CalendarDate(parsing: "2022-03-06"))
    let birth = try #require(LunarDay(born))
    #expect(birth.month == 2 && birth.day == 4 && !birth.isLeapMonth)
    // 2023-03-25 is 闰二月初四: the leap month, as the calendar marks it.
    let leapDay = try #require(CalendarDate(parsing: "2023-03-25"))
    let leap = try #require(LunarDay(leapDay))
    #expect(leap.month == 2 && leap.day == 4 && leap.isLeapMonth)
    // 二月初四 2023 is 02-23 (二月初一 was 02-20); 闰二月初四, 03-25, is not listed again.
    #expect(try birthdays("2022-03-06", lunar: true, "2023-02-01", "2023-03-31") == ["2023-02-23 1"])
  }

  @Test(
    "29 February: the 28th in a common year, the 29th in a leap year; no birthday before the birth",
    arguments: TestEngine.available)
  func leapDayBirthdays(on engine: TestEngine) throws {
    try use(engine)
    // 1 March in a common year: the day the cadre turns 75 by `age(on:)`, as visits-due has it.
    #expect(try birthdays("1948-02-29", lunar: false, "2023-02-01", "2023-03-31") == ["2023-03-01 75"])
    #expect(try birthdays("1948-02-29", lunar: false, "2024-02-01", "2024-02-29") == ["2024-02-29 76"])
    #expect(try birthdays("2024-02-10", lunar: false, "2024-02-01", "2024-02-29").isEmpty)
    // The calendar's last day ends the period like any other (there is no day after it to step to).
    let last = Period(
      from: try #require(CalendarDate(year: 9999, month: 12, day: 1)),
      to: try #require(CalendarDate(year: 9999, month: 12, day: 31)))
    let born = try #require(CalendarDate(year: 1948, month: 12, day: 31))
    _ = BirthdayDays(last).birthdays(born: born, lunar: true)
    #expect(BirthdayDays(last).birthdays(born: born, lunar: false).map(\.age) == [8051])
  }

  @Test(
    "report birthdays: on the roll and alive that day, 逢五逢十 marked, by date; --round keeps those alone",
    arguments: TestEngine.available)
  func birthdaysReport(on engine: TestEngine) throws {
    try use(engine)
    try cadre("八十整", born: "1944-06-20")
    try cadre("七十一", born: "1953-06-05")
    try cadre("月底去世", born: "1940-06-25", [.diedOn: "2024-06-10"])
    try cadre("农历", born: "1943-10-07", order: 2, [.lunarBirthday: "是"])
    let june = Period.month(Month(valid: 2024, 6))
    let report = try database.birthdaysReport(region: .prefecture, period: june, generatedAt: "", reveal: false)
    #expect(
      report.sections[0].rows.map { [$0[0].text, $0[1].text, $0[3].text, $0[5].text, $0[6].text] } == [
        ["2024-06-05", "公历", "七十一", "71", ""], ["2024-06-20", "公历", "八十整", "80", "逢十"],
      ])
    let round = try database.birthdaysReport(
      region: .prefecture, period: june, roundOnly: true, generatedAt: "", reveal: false)
    #expect(round.sections[0].rows.map { $0[3].text } == ["八十整"])
    // The lunar one's 九月初九 fell on 2024-10-11 (重阳 2024).
    let october = Period.month(Month(valid: 2024, 10))
    let lunar = try database.birthdaysReport(region: .prefecture, period: october, generatedAt: "", reveal: false)
    #expect(lunar.sections[0].rows.map { [$0[0].text, $0[1].text, $0[5].text] } == [["2024-10-11", "农历", "81"]])
    // Visits-due's birthday visits follow the same calendar: 80 on 2023-10-23 (重阳 2023), not on 10-07.
    let late = Period(
      from: try #require(CalendarDate(parsing: "2023-10-15")), to: try #require(CalendarDate(parsing: "2023-10-31")))
    let due = try database.visitsDueReport(region: .prefecture, period: late, months: 6, generatedAt: "", reveal: false)
    #expect(due.sections[0].rows.map { [$0[1].text, $0.last?.text] } == [["农历", "80"]])
    // 腊月初一 came twice in 2022 (01-03 and 12-23): one person, two birthdays, counted as such.
    let lastMonth = try #require(
      (0..<400).lazy.map { CalendarDate(valid: 1950, 1, 1).adding(days: $0) }.first {
        LunarDay($0).map { $0.month == 12 && $0.day == 1 && !$0.isLeapMonth } ?? false
      })
    try cadre("腊月", born: lastMonth.description, order: 3, [.lunarBirthday: "是"])
    let year = try #require(Period.year(2022))
    let twice = try database.birthdaysReport(region: .prefecture, period: year, generatedAt: "", reveal: false)
    #expect(twice.sections[0].rows.filter { $0[3].text == "腊月" }.map(\.[0].text) == ["2022-01-03", "2022-12-23"])
    #expect(twice.sections[0].notes.first?.contains("个生日") == true, "\(twice.sections[0].notes)")
  }

  @Test(
    "party-50: 入党 on exactly (Y−50)-07-01 qualifies, a day later not; alive and managed on Y-07-01",
    arguments: TestEngine.available)
  func partyFifty(on engine: TestEngine) throws {
    try use(engine)
    try cadre("正好", born: "1940-01-01", [.isPartyMember: "是", .joinedPartyOn: "1974-07-01"])
    try cadre("晚一天", born: "1940-01-02", [.isPartyMember: "是", .joinedPartyOn: "1974-07-02"])
    try cadre("已去世", born: "1940-01-03", [.isPartyMember: "是", .joinedPartyOn: "1960-07-01", .diedOn: "2024-06-30"])
    try cadre("已颁发", born: "1940-01-04", [.isPartyMember: "是", .joinedPartyOn: "1965-07-01"])
    _ = try database.addRecord(
      HonorKind.self,
      cells: [
        .awardedOn: "2021-07-01", .title: "光荣在党50年", .level: "州级", .region: "兴义",
        .residentID: "52230119400104001" + ResidentIDTestSupport.check("52230119400104001"),
      ], testContext)
    func names(notAwarded: Bool) throws -> [String] {
      try database.partyFiftyReport(
        region: .prefecture, year: 2024, notAwarded: notAwarded, generatedAt: "", reveal: false
      )
      .sections[0].rows.map(\.[1].text)
    }
    #expect(try names(notAwarded: false) == ["已颁发", "正好"])
    #expect(try names(notAwarded: true) == ["正好"])
  }
}
