import Foundation
import LaoganModel
import LaoganStore

/// The days of a period on which birthdays fall (SPEC §17), by either calendar.
///
/// A Gregorian birthday falls on its month and day; 29 February, in a common year, on 1 March — the day the
/// cadre turns a year older by every other count laogan keeps (`CalendarDate.age`, `anniversary`, visits-due).
/// A lunar birthday (农历生日) falls on the day whose lunar month
/// and day are those of the birth: a lunar 30th in a month of 29 days that year on the 29th, and a birth in a
/// leap month in the ordinary month of that number (the leap month comes only some years).
struct BirthdayDays {
  /// The days of the period in an ordinary lunar month, by lunar month and day, each with its lunar year.
  private var lunar: [[Int]: [(year: Int, date: CalendarDate)]] = [:]
  let period: Period

  init(_ period: Period) {
    self.period = period
    var day = period.from
    var today = LunarDay(day)
    // By count, not by date: the day after 9999-12-31 is no date.
    for _ in 0...max(0, period.to.dayNumber - period.from.dayNumber) {
      let next = day.adding(days: 1)
      let tomorrow = next > day ? LunarDay(next) : nil
      if let now = today, !now.isLeapMonth {
        lunar[[now.month, now.day], default: []].append((now.year, day))
        // The 29th of a month whose next day is a 1st stands for the 30th it lacks.
        if now.day == 29, tomorrow?.day == 1 { lunar[[now.month, 30], default: []].append((now.year, day)) }
      }
      (day, today) = (next, tomorrow)
    }
  }

  /// The days of the period that are the birthday of someone born on `born`, with the age reached on each.
  func birthdays(born: CalendarDate, lunar keepsLunar: Bool) -> [(date: CalendarDate, age: Int)] {
    if keepsLunar, let birth = LunarDay(born) {
      return (lunar[[birth.month, birth.day]] ?? []).map { ($0.date, $0.year - birth.year) }.filter { $0.age > 0 }
    }
    return (period.from.year...period.to.year).compactMap { year in
      let date = born.anniversary(year - born.year)
      return date >= period.from && date <= period.to && year > born.year ? (date, year - born.year) : nil
    }
  }

  /// 逢十 at a multiple of ten years, 逢五 at any other multiple of five: the birthdays a bureau visits.
  static func roundness(_ age: Int) -> String {
    age % 10 == 0 ? "逢十" : age % 5 == 0 ? "逢五" : ""
  }
}

extension LaoganDatabase {
  /// `report birthdays`: every cadre on the roll and alive on their birthday in the period, by either
  /// calendar, with the age reached and 逢五逢十 marked, by date. `roundOnly` keeps the 逢五逢十 alone (the
  /// pack's list of next month's visits).
  public func birthdaysReport(
    region: Region, period: Period, roundOnly: Bool = false, generatedAt: String, reveal: Bool
  ) throws -> ReportDocument {
    let days = BirthdayDays(period)
    let scope = ReportScope(region: region)
    let rows = try read { db in
      // Gregorian birthdays inside one year are read by their month and day; lunar ones all, worked out here.
      let sameYear = period.from.year == period.to.year
      let candidates = try db.rows(
        sql: """
          SELECT c.id, c.born_on, c.lunar_birthday FROM cadre c
          WHERE \(RecordSQL.inForce("c")) AND \(scope.region("c.region_code"))
            AND \(CadreSQL.alive("c", on: ":from")) AND c.born_on < :from
            AND (c.lunar_birthday = 1 OR :sameYear = 0
                 OR \(SQLDialect.monthAndDay(of: "c.born_on")) BETWEEN :fromDay AND :toDay
                 OR \(SQLDialect.monthAndDay(of: "c.born_on")) = '02-29')
          """,
        arguments: [
          "from": period.from, "sameYear": sameYear, "fromDay": String(period.from.description.dropFirst(5)),
          "toDay": String(period.to.description.dropFirst(5)),
        ])
      var hits: [[String]] = []
      for row in candidates {
        let (id, born, keepsLunar): (Int64, CalendarDate, Bool) = (row[0], row[1], row[2])
        for birthday in days.birthdays(born: born, lunar: keepsLunar)
        where !roundOnly || !BirthdayDays.roundness(birthday.age).isEmpty {
          hits.append(["\(id)", birthday.date.description, "\(birthday.age)"])
        }
      }
      // On the roll on the birthday itself: alive, retired and managed that day.
      return try db.rows(
        sql: """
          WITH hit(cadre_id, day, age) AS (\(SQLDialect.rows(of: ":hits", [.integer, .day, .text])))
          SELECT hit.day, hit.age, c.id, c.name, c.resident_id, c.lunar_birthday, c.region_code, c.phone
          FROM hit JOIN cadre c ON c.id = CAST(hit.cadre_id AS INTEGER)
          WHERE \(CadreSQL.onRoll("c", onEach: "hit.day"))
          ORDER BY hit.day, c.region_code, c.id
          """, arguments: ["hits": String(decoding: try JSONEncoder().encode(hits), as: UTF8.self)])
    }.map { row -> [ReportDocument.Cell] in
      // Read by position: a month at scale 10 is twenty thousand rows, and a name is looked for each time.
      let (day, ageText, cadreID, name, id, lunar, code, phone):
        (
          String, String, Int64, String, String, Bool, String, String?
        ) = (row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
      let age = Int(ageText) ?? 0
      return [
        .text(day), .text(lunar ? "农历" : "公历"), .number(cadreID), .text(name),
        .text(reveal ? id : Masking.residentID(id)), .number(Int64(age)), .text(BirthdayDays.roundness(age)),
        .text(Region.displayName(of: code)), .text(phone.map { reveal ? $0 : Masking.phone($0) } ?? ""),
      ]
    }
    let round = rows.filter { !$0[6].text.isEmpty }.count
    // A lunar birthday can come round twice in one Gregorian year (腊月初一: 2022-01-03 and 2022-12-23).
    let people = Set(rows.map { $0[2].text }).count
    let count = people == rows.count ? "共 \(people) 人" : "共 \(people) 人、\(rows.count) 个生日（农历生日一年内可有两次）"
    return ReportDocument(
      title: roundOnly ? "逢五逢十生日名单" : "干部生日名单",
      subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt)
        // Two short lines: one long line overflows the sheet's width, and prints a page of its own.
        + [
          "当天在册、健在的干部；公历 2 月 29 日的生日在平年按 3 月 1 日",
          "农历生日按当年农历同月同日：小月无三十按二十九，闰月生日按同数的正月份",
        ],
      sections: [
        .init(
          title: "生日", headers: ["生日", "历法", "编号", "姓名", "身份证号", "满（岁）", "逢五逢十", "管理地区", "联系电话"],
          rows: rows, notes: ["\(count)，其中逢五逢十 \(round) 个"], combination: .list(total: false))
      ], span: period)
  }
}
