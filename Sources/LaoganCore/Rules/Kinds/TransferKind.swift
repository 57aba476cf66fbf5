import LaoganModel
import LaoganStore
import LaoganText

/// 迁入/迁出: facts — a cadre's management moving between this bureau and another on a day (SPEC §10). One
/// transfer a cadre a day; a 迁出 of a cadre already gone, or a 迁入 of one already here, is refused. A 迁出
/// closes the cadre's open Party membership on its day.
public enum TransferKind: RecordKind {
  public typealias Field = TransferField
  public typealias Record = Transfer

  public static let name = "transfers"
  public static let label = "迁入迁出"
  public static let dateSQL: String? = "transfer.transferred_on"
  public static let typeColumn: String? = "direction"
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [TransferField] = [.residentID, .direction, .transferredOn, .counterpart]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let direction = cells.choice(.direction, TransferDirection.self)
    let day = cells.date(.transferredOn)
    let counterpart = cells.line(.counterpart)
    let partyRelationMoved = cells.flag(.partyRelationMoved)
    let fileMoved = cells.flag(.fileMoved)
    let note = cells.line(.note)
    guard cells.problems.isEmpty, let cadre, let direction, let day, let counterpart else { return nil }
    let earlier = try lookup.transfers(of: cadre.id).filter { $0.id != cells.replacing }
    if let born = cadre.bornOn, day < born {
      cells.fail(.transferredOn, "早于\(cadre.name)的出生日期 \(born)")
    } else if earlier.contains(where: { $0.day == day }) {
      cells.fail(.transferredOn, "\(cadre.name)在 \(day) 已有一条迁入迁出记录；同一天只能有一条")
    } else if let latest = earlier.filter({ $0.day < day }).max(by: { $0.day < $1.day }),
      latest.direction == direction
    {
      cells.fail(.direction, "\(cadre.name)已于 \(latest.day) \(latest.direction.rawValue)，其间没有相反的记录")
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(
      Transfer(
        id: nil, cadreID: cadre.id, direction: direction, transferredOn: day, counterpart: counterpart,
        partyRelationMoved: partyRelationMoved, fileMoved: fileMoved, note: note, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .direction: record.direction.rawValue,
      .transferredOn: record.transferredOn.description, .counterpart: record.counterpart,
      .partyRelationMoved: record.partyRelationMoved.map(YesNo.label) ?? "",
      .fileMoved: record.fileMoved.map(YesNo.label) ?? "", .note: record.note ?? "",
    ]
  }

  /// A 迁出 ends the cadre's Party membership here on its day.
  public static func afterSave(_ parsed: Parsed<Record>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup)
    throws
  {
    let record = parsed.record
    guard record.direction == .outward, record.voidedReason == nil else { return }
    try Memberships.assign(cadreID: record.cadreID, to: nil, on: record.transferredOn, writer)
  }
}
