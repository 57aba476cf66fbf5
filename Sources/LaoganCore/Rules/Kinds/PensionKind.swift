import LaoganModel
import LaoganStore

/// 离退休费: a cadre's monthly pension from a month on, until the next (SPEC §16) — history kept, as 党费
/// standards are, so that a standard derived for an earlier month can be explained. Two of one cadre
/// starting in the same month are refused, since either could be meant.
public enum PensionKind: RecordKind {
  public typealias Field = PensionField
  public typealias Record = Pension

  public static let name = "pensions"
  public static let label = "离退休费"
  public static var dateSQL: String? { MonthSQL.firstDay("pension.from_month") }
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [PensionField] = [.residentID, .fromMonth, .monthly]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let monthly = cells.money(.monthly)
    let fromMonth = cells.month(.fromMonth)
    guard cells.problems.isEmpty, let cadre, let monthly, let fromMonth else { return nil }
    if try lookup.hasPension(cadre.id, from: fromMonth, excluding: cells.replacing) {
      cells.fail(.fromMonth, "\(cadre.name)已有从 \(fromMonth) 起的离退休费；调整请用新的起始月份")
      return nil
    }
    return Parsed(Pension(id: nil, cadreID: cadre.id, fromMonth: fromMonth, monthly: monthly, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .fromMonth: record.fromMonth.description,
      .monthly: record.monthly.description,
    ]
  }
}
