import LaoganModel
import LaoganStore

/// Whether the bureau manages a cadre on a day (SPEC §10): the one rule every stock figure counts by — the
/// 323's cadres and members, the roster, the yearly tables, visits-due, benefit runs and 党费.
///
/// Managed unless the latest transfer on or before the day is a 迁出, or there is none on or before it and the
/// first one after it is a 迁入 (a cadre who came from elsewhere was not the bureau's before). So a 迁出 on the
/// day means not managed that day, a 迁入 on the day means managed, and a cadre with no transfer is managed.
/// Written for SQL (a day for every row, and a day row by row) and for Swift, side by side here, and tested
/// together at the boundaries.
package enum ManagedRule {
  /// The rule as an SQL condition on the cadre `cadre` (a table name or alias) on `day`, a parameter — the
  /// same day for every row: the cadres not managed that day are found once, from the transfers alone, and
  /// each row is one look-up among them (a stock figure over 265,000 cadres pays next to nothing for it).
  static func sql(_ cadre: String = "cadre", on day: String) -> String {
    """
    \(cadre).id NOT IN (\
    SELECT t.cadre_id FROM transfer t WHERE \(RecordSQL.inForce("t")) AND t.direction = '迁出' \
    AND t.transferred_on = (SELECT MAX(u.transferred_on) FROM transfer u WHERE u.cadre_id = t.cadre_id \
    AND \(RecordSQL.inForce("u")) AND u.transferred_on <= \(day)) \
    UNION ALL SELECT t.cadre_id FROM transfer t WHERE \(RecordSQL.inForce("t")) AND t.direction = '迁入' \
    AND t.transferred_on > \(day) AND t.transferred_on = (SELECT MIN(u.transferred_on) FROM transfer u \
    WHERE u.cadre_id = t.cadre_id AND \(RecordSQL.inForce("u"))))
    """
  }

  /// The rule on a day that differs row by row (`dayColumn`, an SQL expression over the row: the day a cadre
  /// retired or died): the latest transfer on or before it, else the first after it, else managed.
  static func sql(_ cadre: String = "cadre", onEach dayColumn: String) -> String {
    """
    COALESCE(\
    (SELECT t.direction = '迁入' FROM transfer t WHERE t.cadre_id = \(cadre).id AND \(RecordSQL.inForce("t")) \
    AND t.transferred_on <= \(dayColumn) ORDER BY t.transferred_on DESC LIMIT 1), \
    (SELECT t.direction = '迁出' FROM transfer t WHERE t.cadre_id = \(cadre).id AND \(RecordSQL.inForce("t")) \
    AND t.transferred_on > \(dayColumn) ORDER BY t.transferred_on LIMIT 1), TRUE)
    """
  }

  /// The rule over one cadre's transfers, in any order.
  static func isManaged(on day: CalendarDate, _ transfers: [(day: CalendarDate, direction: TransferDirection)])
    -> Bool
  {
    let dated = transfers.sorted { $0.day < $1.day }
    if let latest = dated.last(where: { $0.day <= day }) { return latest.direction == .inward }
    if let first = dated.first { return first.direction == .outward }
    return true
  }
}
