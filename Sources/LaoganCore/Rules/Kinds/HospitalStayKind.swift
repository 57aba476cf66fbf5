import LaoganModel
import LaoganStore
import LaoganText

/// 住院: facts — a cadre in a hospital from 入院日期 to 出院日期 (open while still there). Two stays of one cadre
/// that overlap are kept — the dates may be a clerk's slip or a transfer between hospitals — and `check`
/// reports them.
public enum HospitalStayKind: RecordKind {
  public typealias Field = HospitalStayField
  public typealias Record = HospitalStay

  public static let name = "hospital-stays"
  public static let label = "住院"
  public static let dateSQL: String? = "hospital_stay.admitted_on"
  public static let typeColumn: String? = nil
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [HospitalStayField] = [.residentID, .admittedOn, .dischargedOn, .hospital]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let admitted = cells.date(.admittedOn)
    let discharged = cells.date(.dischargedOn)
    let hospital = cells.line(.hospital)
    let longTerm = cells.flag(.longTerm) ?? false
    let note = cells.line(.note)
    if let admitted, let discharged, discharged < admitted {
      cells.fail(.dischargedOn, "早于入院日期 \(admitted)")
    }
    guard cells.problems.isEmpty, let cadre, let admitted, let hospital else { return nil }
    return Parsed(
      HospitalStay(
        id: nil, cadreID: cadre.id, admittedOn: admitted, dischargedOn: discharged, hospital: hospital,
        longTerm: longTerm, note: note, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .admittedOn: record.admittedOn.description,
      .dischargedOn: record.dischargedOn?.description ?? "", .hospital: record.hospital,
      .longTerm: YesNo.label(record.longTerm), .note: record.note ?? "",
    ]
  }
}
