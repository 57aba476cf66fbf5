import LaoganModel
import LaoganStore

/// `permit lend` and `permit return` (SPEC §17): a permit leaves the cabinet for a trip and comes back, each a
/// loan's day in the audit log.
extension LaoganDatabase {
  /// Lends the permit for the trip on `day` (today when nil), and says which permit it was (its number as
  /// stored). Refused: a day after today; a permit voided, already lent, lent again before its last return,
  /// or not valid that day; a trip voided, travelling on another permit, or already departed before `day`.
  public func lendPermit(_ reference: String, on day: CalendarDate?, trip tripID: Int64, _ context: AuditContext)
    throws -> Permit
  {
    try write(context) { writer in
      let permit = try LaoganDatabase.resolve(PermitKind.self, reference, writer.db)
      let day = day ?? writer.today
      if permit.voidedReason != nil { throw LaoganError.referenceVoided(permit.number) }
      if let lent = permit.lentOn { throw Self.refusal(permit, "已于 \(lent) 领用，尚未归还") }
      if day > writer.today { throw Self.refusal(permit, "领用日期 \(day) 在今天之后") }
      if permit.validUntil < day { throw Self.refusal(permit, "有效期至 \(permit.validUntil)，\(day) 已过期") }
      if let issued = permit.issuedOn, day < issued { throw Self.refusal(permit, "领用日期 \(day) 早于签发日期 \(issued)") }
      if let last = try Permits.loans(of: permit.id, writer.db).compactMap(\.returnedOn).max(), day < last {
        throw Self.refusal(permit, "领用日期 \(day) 早于上次归还日期 \(last)")
      }
      guard let trip = try writer.db.record(Trip.self, id: tripID), trip.voidedReason == nil else {
        throw LaoganError.recordNotFound(label: TripKind.label, reference: "\(tripID)")
      }
      if trip.permitID != permit.id { throw Self.refusal(permit, "出国(境)登记 \(tripID) 使用的不是这本证照") }
      if trip.departedOn < day {
        throw Self.refusal(permit, "领用日期 \(day) 晚于出国(境)登记 \(tripID) 的出发日期 \(trip.departedOn)")
      }
      guard let permitID = permit.id else { return permit }
      var loan = PermitLoan(id: nil, permitID: permitID, tripID: tripID, lentOn: day, returnedOn: nil)
      try writer.insert(&loan)
      return permit
    }
  }

  /// Closes the permit's open loan on `day` (today when nil), which may be neither before the day it was lent
  /// nor after today; says which permit it was.
  public func returnPermit(_ reference: String, on day: CalendarDate?, _ context: AuditContext) throws -> Permit {
    try write(context) { writer in
      let permit = try LaoganDatabase.resolve(PermitKind.self, reference, writer.db)
      let day = day ?? writer.today
      guard let open = try Permits.openLoan(of: permit.id, writer.db) else { throw Self.refusal(permit, "在柜，没有领用") }
      if day > writer.today { throw Self.refusal(permit, "归还日期 \(day) 在今天之后") }
      if day < open.lentOn { throw Self.refusal(permit, "归还日期 \(day) 早于领用日期 \(open.lentOn)") }
      var returned = open
      returned.returnedOn = day
      try writer.update(returned, from: open)
      return permit
    }
  }

  /// A lend or return refused, naming the permit.
  private static func refusal(_ permit: Permit, _ reason: String) -> LaoganError {
    LaoganError.invalidValue(field: "证照", value: permit.number, reason: reason)
  }
}
