import LaoganModel
import LaoganStore

/// The months a cadre owes 党费 for (SPEC §11): while a Party member, from the month of 入党 (every month when
/// the day is not known) to the month of death. Said once, in Swift and in SQL, for the dues reports, the
/// import, `dues-standard derive` and `check`; a test runs both forms on the same members and months.
enum DuesMonths {
  /// The months of a member who joined on `joinedPartyOn` and died on `diedOn`, as `Month.index` values: none
  /// when the recorded death comes before the joining (data `check` would question), never a crash.
  struct Span {
    let first: Int
    let last: Int

    func contains(_ month: Int) -> Bool { first <= month && month <= last }
  }

  static func span(joinedPartyOn: CalendarDate?, diedOn: CalendarDate?) -> Span {
    Span(first: joinedPartyOn.map { Month($0).index } ?? .min, last: diedOn.map { Month($0).index } ?? .max)
  }

  /// Whether cadre row `cadre`, a Party member, owes dues for `month` (an SQL expression giving `YYYY-MM`): in
  /// its `span`, alive on the month's first day or dying within it.
  static func sql(_ cadre: String = "c", month: String) -> String {
    "\(cadre).party_member = 1 AND \(joinedSQL(cadre, month: month)) "
      + "AND (\(cadre).died_on IS NULL OR \(cadre).died_on >= \(MonthSQL.firstDay(month)))"
  }

  /// Joined by the month's last day, or on an unknown day.
  static func joinedSQL(_ cadre: String, month: String) -> String {
    "(\(cadre).joined_party_on IS NULL OR \(cadre).joined_party_on <= \(MonthSQL.lastDay(month)))"
  }
}
