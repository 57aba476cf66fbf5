import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The door the core speaks through: rows read as the core reads them, and SQLite's own spellings
/// (`SQLDialect`) against the Swift the rules use for the same days.
@Suite("The door: SQLSession, SQLRow and SQLDialect")
struct DoorTests {
  let folder: TemporaryFolder
  let database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  @Test("a row reads by position and by name, case aside; NULL and a missing column are nil; a real cut to an integer")
  func typedReads() throws {
    let row = try #require(
      try database.read { db in
        try db.row(sql: "SELECT 7 AS id, 2.5 AS share, NULL AS gone, '张三' AS name, 1 AS Flag, 3 AS whole")
      })
    #expect(row[0] as Int64 == 7)
    #expect(row["share"] as Int64 == 2)
    #expect(row["share"] as Double == 2.5)
    #expect(row["gone"] as Int64? == nil)
    #expect(row["name"] as String == "张三")
    #expect(row["flag"] as Bool == true)
    #expect(row["whole"] as Double == 3)
    #expect(row["missing"] as String? == nil)
    #expect(row.hasColumn("NAME") && !row.hasColumn("missing"))
  }

  @Test("arguments bind by position and by name; nil binds NULL; a JSON list is one parameter, however long")
  func arguments() throws {
    let names = ["张三", "O'Brien", "\"引号\"", "李四"]
    let list = String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
    let (joined, named, listed, table) = try database.read { db in
      (
        try db.value(String.self, sql: "SELECT ? || ?", arguments: ["甲", "乙"]),
        try db.value(String.self, sql: "SELECT :a || :b", arguments: ["a": "甲", "b": nil]),
        try db.values(
          String.self, sql: "SELECT value FROM \(SQLDialect.textList("?")) WHERE value IN \(SQLDialect.textList("?"))",
          arguments: [list, list]),
        try db.rows(sql: SQLDialect.rows(of: "?", [.integer, .text]), arguments: ["[[1, \"a\"], [2, \"b\"]]"])
          .map { "\($0[0] as Int64)\($0[1] as String)" }
      )
    }
    #expect(joined == "甲乙")
    #expect(named == nil)
    #expect(listed == names)
    #expect(table == ["1a", "2b"])
  }

  /// Days around the edges the rules meet: month and year ends, 29 February, a century that is no leap year.
  static let days: [CalendarDate] = [
    "1900-02-28", "1900-03-01", "1946-03-15", "2000-02-29", "2023-01-31", "2023-12-31", "2024-02-28",
    "2024-02-29", "2024-03-01", "2026-12-03",
  ].compactMap { CalendarDate(parsing: $0) }

  @Test("days between, a day shifted, its year, month and month-and-day: SQL as Swift counts them")
  func dates() throws {
    for day in Self.days {
      for other in Self.days {
        let (days, age) = try database.read { db in
          (
            try db.value(Int.self, sql: "SELECT \(SQLDialect.days(from: "?", to: "?"))", arguments: [day, other]),
            try db.value(
              Int.self, sql: "SELECT \(CadreSQL.age(born: ":born", on: ":day"))",
              arguments: ["born": day, "day": other])
          )
        }
        #expect(days == other.dayNumber - day.dayNumber, "\(day) → \(other)")
        #expect(age == day.age(on: other), "born \(day), on \(other)")
      }
      let (shifted, year, month, monthAndDay) = try database.read { db in
        (
          try db.value(CalendarDate.self, sql: "SELECT \(SQLDialect.shifted("?", by: -60, .days))", arguments: [day]),
          try db.value(Int.self, sql: "SELECT \(SQLDialect.year(of: "?"))", arguments: [day]),
          try db.value(String.self, sql: "SELECT \(SQLDialect.month(of: "?"))", arguments: [day]),
          try db.value(String.self, sql: "SELECT \(SQLDialect.monthAndDay(of: "?"))", arguments: [day])
        )
      }
      #expect(shifted == CalendarDate(dayNumber: day.dayNumber - 60), "\(day)")
      #expect(year == day.year)
      #expect(month == Month(day).description)
      #expect(monthAndDay == String(day.description.dropFirst(5)))
    }
  }
}
