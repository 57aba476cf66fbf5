/// SQL every query about records shares.
package enum RecordSQL {
  /// A record still in force: not voided. A wrong entry is voided with a reason, never deleted (SPEC §3), so
  /// every list, report and check leaves voided rows out by this one condition. `table` is the table's name
  /// or alias in the query; nil where the query names one table only.
  package static func inForce(_ table: String? = nil) -> String {
    (table.map { "\($0)." } ?? "") + "voided_reason IS NULL"
  }
}

/// A month's first and last day in SQL, for a month stored as `YYYY-MM` (`Month.firstDay`, `Month.lastDay` in
/// Swift).
package enum MonthSQL {
  /// The first day of the month `month` (an SQL expression giving `YYYY-MM`).
  package static func firstDay(_ month: String) -> String { SQLDialect.firstDay(ofMonth: month) }

  /// The last day of the month `month`.
  package static func lastDay(_ month: String) -> String { SQLDialect.lastDay(ofMonth: month) }
}
