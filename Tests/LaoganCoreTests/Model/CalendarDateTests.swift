import LaoganCore
import LaoganModel
import Testing

@Suite("Calendar dates as clerks type them")
struct CalendarDateTests {
  @Test(
    "every form of SPEC §4 reads as 2023-06-12",
    arguments: [
      "2023-06-12", "2023/6/12", "2023.6.12", "2023年6月12日", "20230612", "45089", "２０２３-０６-１２", " 2023-6-12 ",
      "2023/6/12 0:00:00", "2023-06-12 00:00",
    ])
  func forms(text: String) {
    #expect(CalendarDate(parsing: text)?.description == "2023-06-12")
  }

  @Test(
    "days that do not exist and other text are refused",
    arguments: [
      "2023-02-30", "1900-01-00", "2023-13-01", "2023/6", "昨天", "", "60", "2023-06-12-01", "23-6-12",
      "1879-12-31", "2100-01-01", "2023-0a-12", "2023_06_12", "2023/6/12 8:30:00",
    ])
  func refused(text: String) {
    #expect(CalendarDate(parsing: text) == nil)
  }

  @Test("the stored form is strict: exactly YYYY-MM-DD of a real day")
  func stored() {
    #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
    for text in ["2023-02-29", "2023-6-12", "2023-06-12 ", "2023/06/12", "2023-+6-12", "20230612"] {
      #expect(CalendarDate(iso: text) == nil, "\(text)")
    }
  }

  @Test("Excel serials on either side of its phantom 1900-02-29")
  func excelSerials() {
    #expect(CalendarDate(parsing: "1")?.description == "1900-01-01")
    #expect(CalendarDate(parsing: "59")?.description == "1900-02-28")
    #expect(CalendarDate(parsing: "61")?.description == "1900-03-01")
  }

  @Test("age turns on the birthday itself, leap days included")
  func age() throws {
    let born = try #require(CalendarDate(year: 1946, month: 11, day: 30))
    #expect(born.age(on: try #require(CalendarDate(year: 2026, month: 11, day: 29))) == 79)
    #expect(born.age(on: try #require(CalendarDate(year: 2026, month: 11, day: 30))) == 80)
    let leap = try #require(CalendarDate(year: 1944, month: 2, day: 29))
    #expect(leap.age(on: try #require(CalendarDate(year: 2024, month: 2, day: 28))) == 79)
    #expect(leap.age(on: try #require(CalendarDate(year: 2024, month: 2, day: 29))) == 80)
  }
}
