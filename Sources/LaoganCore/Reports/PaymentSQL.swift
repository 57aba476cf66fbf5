import LaoganModel
import LaoganStore

/// A payment's two days, each named once. They differ on purpose (SPEC §5):
/// - the day it **counts** in a period is its 所属月份's first day, else its 日期: June's allowance paid on
///   5 July is June's living treatment, and the 323 and the benefits table count it in June. The schema
///   stores it as the generated column `counted_on`, so that reports can use an index on it.
/// - the day it is **paid** — money leaves the hardship fund, a cadre receives it — is its 日期, else the
///   first day of its 所属月份: the fund's balance and "paid after death" are about cash on a day.
enum PaymentSQL {
  /// The day payment `p` counts in a period.
  static func countedOn(_ p: String = "payment") -> String { "\(p).counted_on" }

  /// The day payment `p` was paid.
  static func paidOn(_ p: String = "payment") -> String { "COALESCE(\(p).paid_on, \(MonthSQL.firstDay("\(p).month")))" }
}

extension Payment {
  /// The day it was paid: its 日期, else the first day of its 所属月份 (`PaymentSQL.paidOn`).
  var dayPaid: CalendarDate? { paidOn ?? month?.firstDay }
}
