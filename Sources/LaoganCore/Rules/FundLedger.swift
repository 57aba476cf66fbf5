import GRDB

/// The bureau's one 帮扶基金 hardship fund: allocations in, expenses and 困难帮扶 grants out (SPEC §5).
public enum FundLedger {
  /// 拨入 minus 支出 minus 困难帮扶 payments dated on or before `day` (all of them when nil); a payment's date
  /// is its 日期, else the first day of its 所属月份.
  public static func balance(on day: CalendarDate?, _ db: Database) throws -> Fen {
    let value = try Int64.fetchOne(
      db, sql: balanceSQL(through: day != nil), arguments: day.map { ["day": $0] } ?? [:])
    return Fen(value ?? 0)
  }

  /// The balance query; `through` bounds it by `:day`.
  static func balanceSQL(through: Bool) -> String {
    """
    SELECT (SELECT COALESCE(SUM(CASE kind WHEN '拨入' THEN amount_fen ELSE -amount_fen END), 0)
            FROM fund_entry WHERE voided_reason IS NULL\(through ? " AND entered_on <= :day" : ""))
         - (SELECT COALESCE(SUM(amount_fen), 0)
            FROM payment WHERE item = '困难帮扶' AND voided_reason IS NULL\(through ? " AND counted_on <= :day" : ""))
    """
  }
}
