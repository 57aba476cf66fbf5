import LaoganModel
import LaoganStore

/// 出国(境): facts — a cadre's journey out of the mainland (SPEC §17). A trip travels on a permit of the type its
/// destination needs (`PermitType.needed`), valid through the planned return: the one its 证照号码 names, or
/// the cadre's fitting permit valid the longest when the cell is empty. Without one the row is refused, as is a
/// trip whose days meet another of the cadre's, one departing after the cadre's death, and a change that
/// would part a trip from the permit lent for it.
public enum TripKind: RecordKind {
  public typealias Field = TripField
  public typealias Record = Trip

  public static let name = "trips"
  public static let label = "出国(境)"
  public static let dateSQL: String? = "trip.departed_on"
  public static let typeColumn: String? = nil
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [TripField] = [
    .residentID, .destination, .departedOn, .plannedReturnOn, .returnedOn, .permitNumber,
  ]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let destination = cells.line(.destination, maxLength: 100)
    let purpose = cells.line(.purpose)
    let departedOn = cells.date(.departedOn)
    let plannedReturnOn = cells.date(.plannedReturnOn)
    let returnedOn = cells.date(.returnedOn)
    let number = cells.text(.permitNumber).flatMap(PermitKind.storedKey)
    if let departedOn, let plannedReturnOn, plannedReturnOn < departedOn {
      cells.fail(.plannedReturnOn, "早于出发日期 \(departedOn)")
    }
    if let departedOn, let returnedOn, returnedOn < departedOn { cells.fail(.returnedOn, "早于出发日期 \(departedOn)") }
    if let returnedOn, returnedOn > lookup.today { cells.fail(.returnedOn, "在今天（\(lookup.today)）之后") }
    let needed = destination.flatMap(PermitType.needed)
    if destination != nil, needed == nil {
      cells.fail(.destination, "一次出行要用两种证照（如香港与台湾、台湾与日本）：请按所用证照分别登记")
    }
    if let cadre, let departedOn, let died = cadre.diedOn, died <= departedOn {
      cells.fail(.departedOn, "\(cadre.name)已于 \(died) 去世")
    }
    guard cells.problems.isEmpty, let cadre, let destination, let needed, let departedOn, let plannedReturnOn else {
      return nil
    }
    var trip = Trip(
      id: nil, cadreID: cadre.id, destination: destination, purpose: purpose, departedOn: departedOn,
      plannedReturnOn: plannedReturnOn, returnedOn: returnedOn, permitID: 0, voidedReason: nil)
    // A trip past its planned return with none recorded is abroad without end, as the others are counted.
    let end = returnedOn ?? (plannedReturnOn < lookup.today ? CalendarDate(valid: 9999, 12, 31) : plannedReturnOn)
    if let other = try Permits.overlappingTrip(
      of: cadre.id, from: departedOn, to: end, excluding: cells.replacing, today: lookup.today, lookup.db)
    {
      let open = other.returnedOn == nil && other.plannedReturnOn < lookup.today ? "，尚未登记返回" : ""
      cells.fail(
        .departedOn,
        "与\(cadre.name)的出国(境)登记 \(other.id ?? 0)（\(other.departedOn) 出发，前往\(other.destination)\(open)）时间重叠")
      return nil
    }
    guard let permit = try permit(for: trip, needed, number: number, cadre, &cells, lookup), let permitID = permit.id
    else {
      return nil
    }
    trip.permitID = permitID
    // A trip its permit was lent for keeps that permit, and does not leave before the lend.
    for loan in try Permits.loans(forTrip: cells.replacing, lookup.db) {
      if loan.permitID != permitID {
        let reason =
          loan.returnedOn == nil
          ? "已为本次出行领用了另一本证照（\(loan.lentOn) 领用）；换证照先 permit return"
          : "本次出行已用另一本证照（\(loan.lentOn) 领用，已归还），不能改为这本"
        cells.fail(.permitNumber, reason, value: permit.number)
      } else if departedOn < loan.lentOn {
        cells.fail(.departedOn, "早于本次出行的证照领用日期 \(loan.lentOn)")
      }
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(trip)
  }

  /// The permit the row names, if it can carry the trip; else the cadre's fitting one of the type `needed`.
  private static func permit(
    for trip: Trip, _ needed: PermitType, number: String?, _ cadre: Lookup.CadreRef,
    _ cells: inout FieldReader<Field>, _ lookup: Lookup
  ) throws -> Permit? {
    if let number {
      guard let named = try Permits.permit(number: number, lookup.db) else {
        cells.fail(.permitNumber, "没有登记这个证照号码（先 permit add 或 import permits）", value: number)
        return nil
      }
      if let refusal = Permits.refusal(named, for: trip) {
        cells.fail(.permitNumber, refusal, value: number)
        return nil
      }
      return named
    }
    guard
      let fitting = try Permits.fitting(
        cadreID: cadre.id, needed, from: trip.departedOn, through: trip.plannedReturnOn, lookup.db)
    else {
      cells.fail(
        .permitNumber,
        "\(cadre.name)没有出发前签发、有效期至计划返回日期 \(trip.plannedReturnOn) 的\(needed.rawValue)（先 permit add）")
      return nil
    }
    return fitting
  }

  /// A trip whose permit is still out for it is not voided: the permit would be lost to `check`.
  public static func refuseVoid(of record: Record, _ db: any SQLSession) throws {
    guard let open = try Permits.loans(forTrip: record.id, db).first(where: { $0.returnedOn == nil }) else { return }
    throw LaoganError.invalidValue(
      field: TripKind.label, value: "\(record.id ?? 0)", reason: "为本次出行领用的证照（\(open.lentOn) 领用）尚未归还；先 permit return")
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .destination: record.destination,
      .purpose: record.purpose ?? "", .departedOn: record.departedOn.description,
      .plannedReturnOn: record.plannedReturnOn.description, .returnedOn: record.returnedOn?.description ?? "",
      .permitNumber: try lookup.db.value(
        String.self, sql: "SELECT number FROM permit WHERE id = ?",
        arguments: [
          record.permitID
        ]) ?? "",
    ]
  }
}
