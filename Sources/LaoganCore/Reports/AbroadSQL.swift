import LaoganStore

/// The rules of SPEC §17 about trips and permits on a day, as SQL that `report abroad` and `check` share.
enum AbroadSQL {
  /// Trip `t` is abroad on `day`: departed on or before it and not back before it. The day of departure is
  /// spent abroad, the day of return at home.
  static func abroad(_ t: String = "t", on day: String) -> String {
    "\(RecordSQL.inForce(t)) AND \(t).departed_on <= \(day) AND (\(t).returned_on IS NULL OR \(t).returned_on > \(day))"
  }

  /// Trip `t` is overdue on `day`: abroad, and its planned return before the day.
  static func overdue(_ t: String = "t", on day: String) -> String {
    abroad(t, on: day) + " AND \(t).planned_return_on < \(day)"
  }

  /// The trip loan `l` was for: its own, or — for a loan an import recorded without one — the first trip on
  /// that permit departing on or after the lend.
  static func trip(of l: String = "l") -> String {
    """
    COALESCE(\(l).trip_id, (SELECT f.id FROM trip f WHERE f.permit_id = \(l).permit_id AND \(RecordSQL.inForce("f")) \
    AND f.departed_on >= \(l).lent_on ORDER BY f.departed_on LIMIT 1))
    """
  }

  /// Loan `l` of trip `t` is not returned on `day`: the permit still out that day, more than `grace` days after
  /// the trip came back.
  static func notReturned(loan l: String = "l", trip t: String = "t", on day: String, grace: Int) -> String {
    """
    \(l).lent_on <= \(day) AND (\(l).returned_on IS NULL OR \(l).returned_on > \(day)) AND \(RecordSQL.inForce(t)) \
    AND \(t).returned_on IS NOT NULL AND \(SQLDialect.days(from: "\(t).returned_on", to: day)) > \(grace)
    """
  }

  /// The permits still out on `day` more than `grace` days after their trip came back, whatever became of
  /// their holder (a permit is recovered from a cadre who died too): `FROM … WHERE …` over `l` the loan, `p`
  /// the permit, `c` its holder and `t` the trip, for `report abroad` and `check` alike.
  static func unreturned(on day: String, grace: Int) -> String {
    """
    FROM permit_loan l JOIN permit p ON p.id = l.permit_id JOIN cadre c ON c.id = p.cadre_id
    JOIN trip t ON t.id = \(trip(of: "l"))
    WHERE \(RecordSQL.inForce("p")) AND \(notReturned(on: day, grace: grace)) AND \(RecordSQL.inForce("c"))
    """
  }
}
