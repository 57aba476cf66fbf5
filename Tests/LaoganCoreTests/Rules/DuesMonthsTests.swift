import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The months a member owes 党费 are said twice, as Swift (the dues reports, the import) and as SQL
/// (`dues-standard derive`, `check`): both forms on the same members and months, the edges of each included.
@Suite("The months 党费 is owed")
struct DuesMonthsTests {
  static let days: [CalendarDate?] =
    [nil]
    + ["2023-04-30", "2023-05-01", "2023-05-31", "2023-06-01"].map {
      CalendarDate(iso: $0)
    }
  static let months = [4, 5, 6].map { Month(valid: 2023, $0) }

  /// The Swift form as the dues reports and the import use it: a Party member, in the member's span.
  static func owes(_ month: Month, isPartyMember: Bool, joinedPartyOn: CalendarDate?, diedOn: CalendarDate?) -> Bool {
    isPartyMember && DuesMonths.span(joinedPartyOn: joinedPartyOn, diedOn: diedOn).contains(month.index)
  }

  @Test("the Swift and the SQL form agree for members and not, joined and died on either edge of a month")
  func swiftAndSQLAgree() throws {
    let folder = try TemporaryFolder()
    let database = try folder.database()
    var compared = 0
    try database.read { db in
      for member in [true, false] {
        for joined in Self.days {
          for died in Self.days {
            for month in Self.months {
              let swift = Self.owes(month, isPartyMember: member, joinedPartyOn: joined, diedOn: died)
              let sql = try db.value(
                Bool.self,
                sql: """
                  SELECT \(DuesMonths.sql("c", month: ":month"))
                  FROM (SELECT :member AS party_member, :joined AS joined_party_on, :died AS died_on) AS c
                  """, arguments: ["month": month, "member": member, "joined": joined, "died": died])
              #expect(
                sql == swift,
                "member \(member), joined \(joined?.description ?? "?"), died \(died?.description ?? "-"), \(month)")
              compared += 1
            }
          }
        }
      }
    }
    #expect(compared == 150)
  }

  @Test("owed: the month of 入党 and the month of death; not the month before joining or after dying")
  func edges() {
    let may = Month(valid: 2023, 5)
    let day = { (text: String) in CalendarDate(iso: text) }
    #expect(Self.owes(may, isPartyMember: true, joinedPartyOn: day("2023-05-31"), diedOn: nil))
    #expect(!Self.owes(may, isPartyMember: true, joinedPartyOn: day("2023-06-01"), diedOn: nil))
    #expect(Self.owes(may, isPartyMember: true, joinedPartyOn: nil, diedOn: day("2023-05-01")))
    #expect(!Self.owes(may, isPartyMember: true, joinedPartyOn: nil, diedOn: day("2023-04-30")))
    #expect(!Self.owes(may, isPartyMember: false, joinedPartyOn: nil, diedOn: nil))
  }
}
