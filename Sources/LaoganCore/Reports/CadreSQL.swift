import LaoganStore

/// SQL about cadres that reports, rules and checks share, so that "on the roll" and "age" are counted the
/// same way everywhere (and as `CalendarDate.age(on:)` counts in Swift).
enum CadreSQL {
  /// Whole years of age of the `born` column on `day` (an SQL expression giving `YYYY-MM-DD`): the year
  /// difference, less one before the birthday.
  static func age(born: String = "cadre.born_on", on day: String) -> String {
    """
    (\(SQLDialect.year(of: day)) - \(SQLDialect.year(of: born)) \
    - \(SQLDialect.number(of: "\(SQLDialect.monthAndDay(of: day)) < \(SQLDialect.monthAndDay(of: born))")))
    """
  }

  /// On the roll on `day` (SPEC §5, §10): not voided, alive on the day (death, if any, after it), retired on
  /// or before it (or no date recorded), and managed by the bureau on it (`ManagedRule`); `cadre` is the
  /// table's name or alias in the query.
  static func onRoll(_ cadre: String = "cadre", on day: String) -> String {
    aliveAndRetired(cadre, on: day) + " AND " + ManagedRule.sql(cadre, on: day)
  }

  /// On the roll on a day that differs row by row (`dayColumn`, an SQL expression over the row: a birthday).
  static func onRoll(_ cadre: String = "cadre", onEach dayColumn: String) -> String {
    aliveAndRetired(cadre, on: dayColumn) + " AND " + ManagedRule.sql(cadre, onEach: dayColumn)
  }

  /// Alive and retired on `day`, whoever manages the cadre: a transfer's cadre on the transfer's day.
  static func aliveAndRetired(_ cadre: String, on day: String) -> String {
    """
    \(RecordSQL.inForce(cadre)) AND \(alive(cadre, on: day)) \
    AND (\(cadre).retired_on IS NULL OR \(cadre).retired_on <= \(day))
    """
  }

  /// Alive on `day`: no death recorded, or a death after it.
  static func alive(_ cadre: String = "cadre", on day: String) -> String {
    "(\(cadre).died_on IS NULL OR \(cadre).died_on > \(day))"
  }

  /// A Party member on `day`: marked a member, and joined on or before it (or on an unknown day).
  static func partyMember(_ cadre: String = "cadre", on day: String) -> String {
    "\(cadre).party_member = 1 AND (\(cadre).joined_party_on IS NULL OR \(cadre).joined_party_on <= \(day))"
  }

  /// The name of the Party organization `cadre` is a member of on `day`, as a scalar subquery (the latest
  /// joined, should two overlap).
  static func organization(of cadre: String, on day: String) -> String {
    """
    (SELECT o.name FROM membership m JOIN party_organization o ON o.id = m.organization_id \
    WHERE m.cadre_id = \(cadre).id AND \(membership(on: day)) ORDER BY m.joined_on DESC LIMIT 1)
    """
  }

  /// A membership `m` in force on `day`: joined on or before it (or on an unknown day), not yet left.
  static func membership(_ m: String = "m", on day: String) -> String {
    "(\(m).joined_on IS NULL OR \(m).joined_on <= \(day)) AND (\(m).left_on IS NULL OR \(m).left_on > \(day))"
  }
}
