/// SQL every query about records shares.
enum RecordSQL {
  /// A record still in force: not voided. A wrong entry is voided with a reason, never deleted (SPEC §3), so
  /// every list, report and check leaves voided rows out by this one condition. `table` is the table's name
  /// or alias in the query; nil where the query names one table only.
  static func inForce(_ table: String? = nil) -> String {
    (table.map { "\($0)." } ?? "") + "voided_reason IS NULL"
  }
}
