import LaoganModel
import LaoganStore
import LaoganText

/// 家庭成员: named by the cadre, the 关系 and the 姓名 together, so importing a family sheet again updates its
/// rows. A member's own 身份证号 is checked like a cadre's and masked like one.
public enum FamilyKind: RecordKind {
  public typealias Field = FamilyField
  public typealias Record = FamilyMember

  public static let name = "family"
  public static let label = "家庭成员"
  public static let keyField: FamilyField? = .name
  public static let keyColumn = "family_key"
  public static let typeColumn: String? = "relation"
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [FamilyField] = [.residentID, .relation, .name, .bornOn, .diedOn, .phone]

  /// `cadre id|关系|姓名`, as the table's `family_key` column spells it.
  public static func key(of row: FieldReader<Field>, _ lookup: Lookup) throws -> String? {
    guard let number = row.text(.residentID).flatMap({ try? ResidentID($0) }),
      let cadre = try lookup.cadre(residentID: number.value),
      let relation = row.text(.relation).flatMap(FamilyRelation.init(label:)),
      let name = row.text(.name)
    else { return nil }
    return "\(cadre.id)|\(relation.rawValue)|\(name)"
  }

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let relation = cells.choice(.relation, FamilyRelation.self)
    let name = cells.line(.name, maxLength: 40)
    var ownID: ResidentID?
    if let text = cells.text(.ownResidentID) {
      do {
        ownID = try ResidentID(text)
      } catch {
        cells.fail(.ownResidentID, error.description, value: Masking.residentID(text))
      }
    }
    let born = cells.date(.bornOn) ?? ownID?.birthDate
    let died = cells.date(.diedOn)
    cells.noteIfBefore(died, born, "去世日期", "出生日期")
    let unableToWork = cells.flag(.unableToWork) ?? false
    let livesWith = cells.flag(.livesWith) ?? false
    let phone = cells.phone(.phone)
    let note = cells.line(.note)
    guard cells.problems.isEmpty, let cadre, let relation, let name else { return nil }
    return Parsed(
      FamilyMember(
        id: nil, cadreID: cadre.id, relation: relation, name: name, residentID: ownID?.value, bornOn: born,
        diedOn: died, unableToWork: unableToWork, livesWith: livesWith, phone: phone, note: note, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .relation: record.relation.rawValue,
      .name: record.name, .ownResidentID: record.residentID ?? "", .bornOn: record.bornOn?.description ?? "",
      .diedOn: record.diedOn?.description ?? "", .unableToWork: YesNo.label(record.unableToWork),
      .livesWith: YesNo.label(record.livesWith), .phone: record.phone ?? "", .note: record.note ?? "",
    ]
  }
}
