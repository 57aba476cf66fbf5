import LaoganModel
import LaoganStore

/// 就医绿色通道卡, keyed by 卡号.
public enum GreenCardKind: RecordKind {
  public typealias Field = GreenCardField
  public typealias Record = GreenCard

  public static let name = "green-cards"
  public static let label = "就医绿色通道卡"
  public static let keyField: GreenCardField? = .cardNumber
  public static let keyColumn = "card_number"
  public static let typeColumn: String? = nil
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [GreenCardField] = [.residentID, .cardNumber, .issuedOn, .expiresOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let number = cells.line(.cardNumber, maxLength: 40)
    let issuedOn = cells.date(.issuedOn)
    let expiresOn = cells.date(.expiresOn)
    if let issuedOn, let expiresOn, expiresOn < issuedOn { cells.fail(.expiresOn, "早于发卡日期 \(issuedOn)") }
    guard cells.problems.isEmpty, let cadre, let number, let issuedOn else { return nil }
    return Parsed(
      GreenCard(
        id: nil, cadreID: cadre.id, cardNumber: number, issuedOn: issuedOn, expiresOn: expiresOn, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .cardNumber: record.cardNumber,
      .issuedOn: record.issuedOn.description, .expiresOn: record.expiresOn?.description ?? "",
    ]
  }
}
