import GRDB

/// 出国(境): facts — a cadre's journey out of the mainland (SPEC §17). A trip travels on a permit of the type its
/// destination needs (`PermitType.needed`), valid through the planned return: the one its 证照号码 names, or
/// the cadre's fitting permit valid the longest when the cell is empty. Without one the row is refused, as is a
/// trip whose days meet another of the cadre's.
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
    guard cells.problems.isEmpty, let cadre, let destination, let departedOn, let plannedReturnOn else { return nil }
    if let other = try Permits.overlappingTrip(
      of: cadre.id, from: departedOn, to: returnedOn ?? plannedReturnOn, excluding: cells.replacing, lookup.db)
    {
      cells.fail(
        .departedOn,
        "与\(cadre.name)的出国(境)登记 \(other.id ?? 0)（\(other.departedOn) 出发，前往\(other.destination)）时间重叠")
      return nil
    }
    let permit: Permit
    if let number {
      guard let named = try Permits.permit(number: number, lookup.db) else {
        cells.fail(.permitNumber, "没有登记这个证照号码（先 permit add 或 import permits）", value: number)
        return nil
      }
      if let refusal = Permits.refusal(named, for: cadre, to: destination, from: departedOn, until: plannedReturnOn) {
        cells.fail(.permitNumber, refusal, value: number)
        return nil
      }
      permit = named
    } else {
      let needed = PermitType.needed(for: destination)
      guard
        let fitting = try Permits.fitting(
          cadreID: cadre.id, needed, from: departedOn, through: plannedReturnOn, lookup.db)
      else {
        cells.fail(
          .permitNumber, "\(cadre.name)没有出发前签发、有效期至计划返回日期 \(plannedReturnOn) 的\(needed.rawValue)（先 permit add）")
        return nil
      }
      permit = fitting
    }
    guard let permitID = permit.id else { return nil }
    return Parsed(
      Trip(
        id: nil, cadreID: cadre.id, destination: destination, purpose: purpose, departedOn: departedOn,
        plannedReturnOn: plannedReturnOn, returnedOn: returnedOn, permitID: permitID, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .destination: record.destination,
      .purpose: record.purpose ?? "", .departedOn: record.departedOn.description,
      .plannedReturnOn: record.plannedReturnOn.description, .returnedOn: record.returnedOn?.description ?? "",
      .permitNumber: try String.fetchOne(
        lookup.db, sql: "SELECT number FROM permit WHERE id = ?",
        arguments: [
          record.permitID
        ]) ?? "",
    ]
  }
}
