import LaoganModel
import LaoganStore

/// What a trip and a lend ask of a cadre's permits (SPEC §17), read where the import and the commands both
/// find them.
enum Permits {
  /// The permit in force with that stored 证照号码.
  static func permit(number: String, _ db: any SQLSession) throws -> Permit? {
    try db.record(
      Permit.self, sql: "SELECT \(Permit.selection) FROM permit WHERE number = ? AND \(RecordSQL.inForce("permit"))",
      arguments: [number])
  }

  /// The permit a trip travels on when its row names none: the cadre's permit in force of the fitting type
  /// that is valid the longest, if it was issued by `departure` and is valid through `plannedReturn`.
  static func fitting(
    cadreID: Int64, _ type: PermitType, from departure: CalendarDate, through plannedReturn: CalendarDate,
    _ db: any SQLSession
  ) throws -> Permit? {
    try db.record(
      Permit.self,
      sql: """
        SELECT \(Permit.selection) FROM permit
        WHERE cadre_id = ? AND kind = ? AND (issued_on IS NULL OR issued_on <= ?) AND valid_until >= ?
          AND \(RecordSQL.inForce("permit"))
        ORDER BY valid_until DESC, id LIMIT 1
        """, arguments: [cadreID, type, departure, plannedReturn])
  }

  /// Why `permit` cannot carry `trip` (its cadre, destination, departure and planned return); nil when it can.
  static func refusal(_ permit: Permit, for trip: Trip) -> String? {
    if permit.cadreID != trip.cadreID { return "证照 \(permit.number) 不是该干部的" }
    if let needed = PermitType.needed(for: trip.destination), permit.type != needed {
      return "前往\(trip.destination)须持\(needed.rawValue)，证照 \(permit.number) 是\(permit.type.rawValue)"
    }
    if let issued = permit.issuedOn, issued > trip.departedOn {
      return "证照 \(permit.number) 签发于 \(issued)，晚于出发日期 \(trip.departedOn)"
    }
    if permit.validUntil < trip.plannedReturnOn {
      return "证照 \(permit.number) 有效期至 \(permit.validUntil)，早于计划返回日期 \(trip.plannedReturnOn)"
    }
    return nil
  }

  /// The trips in force that travel on the permit.
  static func trips(on permitID: Int64?, _ db: any SQLSession) throws -> [Trip] {
    try db.records(
      Trip.self, sql: "SELECT * FROM trip WHERE permit_id = ? AND \(RecordSQL.inForce()) ORDER BY id",
      arguments: [permitID])
  }

  /// Every loan of the permit, open or returned.
  static func loans(of permitID: Int64?, _ db: any SQLSession) throws -> [PermitLoan] {
    try db.records(
      PermitLoan.self, sql: "SELECT * FROM permit_loan WHERE permit_id = ? ORDER BY lent_on, id", arguments: [permitID])
  }

  /// Every loan made for the trip.
  static func loans(forTrip tripID: Int64?, _ db: any SQLSession) throws -> [PermitLoan] {
    try db.records(
      PermitLoan.self, sql: "SELECT * FROM permit_loan WHERE trip_id = ? ORDER BY lent_on, id", arguments: [tripID])
  }

  /// The loan of a permit still open.
  static func openLoan(of permitID: Int64?, _ db: any SQLSession) throws -> PermitLoan? {
    try db.record(
      PermitLoan.self, sql: "SELECT * FROM permit_loan WHERE permit_id = ? AND returned_on IS NULL",
      arguments: [permitID])
  }

  /// A trip of the cadre in force, other than record `id`, whose days abroad meet `departure ..< end`. A trip
  /// is abroad from its departure to the day before its return (the return day is at home, as `report
  /// abroad` counts), or, while no return is recorded, to its planned return — and without end once that has
  /// passed `today`: an overdue traveller is abroad until their return is recorded.
  static func overlappingTrip(
    of cadreID: Int64, from departure: CalendarDate, to end: CalendarDate, excluding id: Int64?,
    today: CalendarDate, _ db: any SQLSession
  ) throws -> Trip? {
    try db.record(
      Trip.self,
      sql: """
        SELECT * FROM trip WHERE cadre_id = ? AND \(SQLDialect.differs("id", "?")) AND \(RecordSQL.inForce())
          AND departed_on < ? AND COALESCE(returned_on,
            CASE WHEN planned_return_on < ? THEN '9999-12-31' ELSE planned_return_on END) > ?
        ORDER BY departed_on LIMIT 1
        """, arguments: [cadreID, id, max(end, departure.adding(days: 1)), today, departure])
  }
}
