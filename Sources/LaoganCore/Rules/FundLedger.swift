import LaoganModel
import LaoganStore

/// The bureau's one 帮扶基金 hardship fund: allocations in, expenses and 困难帮扶 grants out (SPEC §5). A
/// grant leaves the fund on the day it is paid (`PaymentSQL.paidOn`).
package enum FundLedger {
  /// 拨入 minus 支出 minus 困难帮扶 payments dated on or before `day` (all of them when nil).
  public static func balance(on day: CalendarDate?, _ db: any SQLSession) throws -> Fen {
    let value = try db.value(
      Int64.self, sql: balanceSQL(through: day != nil), arguments: day.map { ["day": $0] } ?? [:])
    return Fen(value ?? 0)
  }

  /// The balance query; `through` bounds it by `:day`.
  static func balanceSQL(through: Bool) -> String {
    "SELECT COALESCE(SUM(change), 0) FROM (\(movementsSQL)) AS movement" + (through ? " WHERE day <= :day" : "")
  }

  /// The lowest the balance stands on `day` or on any later day: what a new grant or expense dated `day`
  /// must not exceed, so that the fund is never overdrawn on any day, then or after.
  static func lowestBalance(from day: CalendarDate, _ db: any SQLSession) throws -> Fen {
    let later = try db.value(
      Int64.self, sql: "SELECT MIN(balance) FROM (\(runningSQL)) AS running WHERE day > ?", arguments: [day])
    let onDay = try balance(on: day, db)
    return later.map { min(onDay, Fen($0)) } ?? onDay
  }

  /// The first day the running balance fell below zero, with the balance then.
  static func firstOverdraft(_ db: any SQLSession) throws -> (day: String, balance: Fen)? {
    try db.row(sql: "SELECT day, balance FROM (\(runningSQL)) AS running WHERE balance < 0 LIMIT 1").map {
      ($0["day"], Fen($0["balance"]))
    }
  }

  /// The ledger's entries (拨入, 支出) on or before `day`, an SQL expression: what the balance sums, and what
  /// `report 323 --explain` lists behind it.
  static func entries(through day: String) -> String {
    "\(RecordSQL.inForce("fund_entry")) AND fund_entry.entered_on <= \(day)"
  }

  /// The 困难帮扶 grants paid on or before `day`.
  static func grants(through day: String) -> String {
    "\(RecordSQL.inForce("payment")) AND payment.item = '困难帮扶' AND \(PaymentSQL.paidOn()) <= \(day)"
  }

  /// Every movement of the fund, dated: allocations in, expenses and grants out.
  private static var movementsSQL: String {
    """
    SELECT fund_entry.entered_on AS day,
           CASE fund_entry.kind WHEN '拨入' THEN fund_entry.amount_fen ELSE -fund_entry.amount_fen END AS change
    FROM fund_entry WHERE \(RecordSQL.inForce("fund_entry"))
    UNION ALL
    SELECT \(PaymentSQL.paidOn()), -payment.amount_fen FROM payment
    WHERE \(RecordSQL.inForce("payment")) AND payment.item = '困难帮扶'
    """
  }

  /// The balance after each movement, day by day; within a day, money in before money out.
  private static var runningSQL: String {
    """
    SELECT day, SUM(change) OVER (ORDER BY day, change DESC ROWS UNBOUNDED PRECEDING) AS balance
    FROM (\(movementsSQL)) AS movement ORDER BY day, change DESC
    """
  }
}
