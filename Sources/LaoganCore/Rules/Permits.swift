import GRDB

/// What a trip and a lend ask of a cadre's permits (SPEC §17), read where the import and the commands both
/// find them.
enum Permits {
  /// The permit in force with that stored 证照号码.
  static func permit(number: String, _ db: Database) throws -> Permit? {
    try Permit.fetchOne(
      db.cachedStatement(
        sql: "SELECT \(Permit.selection) FROM permit WHERE number = ? AND \(RecordSQL.inForce("permit"))"),
      arguments: [number])
  }

  /// The permit a trip travels on when its row names none: the cadre's permit in force of the fitting type
  /// that is valid the longest, if it was issued by `departure` and is valid through `plannedReturn`.
  static func fitting(
    cadreID: Int64, _ type: PermitType, from departure: CalendarDate, through plannedReturn: CalendarDate,
    _ db: Database
  ) throws -> Permit? {
    try Permit.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT \(Permit.selection) FROM permit
          WHERE cadre_id = ? AND kind = ? AND (issued_on IS NULL OR issued_on <= ?) AND valid_until >= ?
            AND \(RecordSQL.inForce("permit"))
          ORDER BY valid_until DESC, id LIMIT 1
          """),
      arguments: [cadreID, type, departure, plannedReturn])
  }

  /// Why `permit` cannot carry a trip of `cadre` to `destination` from `departure` until `plannedReturn`; nil
  /// when it can.
  static func refusal(
    _ permit: Permit, for cadre: Lookup.CadreRef, to destination: String, from departure: CalendarDate,
    until plannedReturn: CalendarDate
  ) -> String? {
    let needed = PermitType.needed(for: destination)
    if permit.cadreID != cadre.id { return "证照 \(permit.number) 不是\(cadre.name)的" }
    if permit.type != needed {
      return "前往\(destination)须持\(needed.rawValue)，证照 \(permit.number) 是\(permit.type.rawValue)"
    }
    if let issued = permit.issuedOn, issued > departure {
      return "证照 \(permit.number) 签发于 \(issued)，晚于出发日期 \(departure)"
    }
    if permit.validUntil < plannedReturn {
      return "证照 \(permit.number) 有效期至 \(permit.validUntil)，早于计划返回日期 \(plannedReturn)"
    }
    return nil
  }

  /// The loan of a permit still open.
  static func openLoan(of permitID: Int64?, _ db: Database) throws -> PermitLoan? {
    try PermitLoan.fetchOne(
      db.cachedStatement(sql: "SELECT * FROM permit_loan WHERE permit_id = ? AND returned_on IS NULL"),
      arguments: [permitID])
  }

  /// A trip of the cadre in force, other than record `id`, whose days meet `departure … end` — a trip's end
  /// being its return, or while none is recorded its planned return: one person is on one journey at a time.
  static func overlappingTrip(
    of cadreID: Int64, from departure: CalendarDate, to end: CalendarDate, excluding id: Int64?, _ db: Database
  ) throws -> Trip? {
    try Trip.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT * FROM trip WHERE cadre_id = ? AND id IS NOT ? AND \(RecordSQL.inForce())
            AND departed_on <= ? AND COALESCE(returned_on, planned_return_on) >= ?
          ORDER BY departed_on LIMIT 1
          """),
      arguments: [cadreID, id, end, departure])
  }
}
