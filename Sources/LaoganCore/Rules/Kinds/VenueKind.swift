import LaoganModel
import LaoganStore
import LaoganText

/// 阵地, keyed by 名称.
public enum VenueKind: RecordKind {
  public typealias Field = VenueField
  public typealias Record = Venue

  public static let name = "venues"
  public static let label = "阵地"
  public static let keyField: VenueField? = .name
  public static let listFields: [VenueField] = [.name, .kind, .region, .openToPublic, .establishedOn, .dissolvedOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let name = cells.line(.name)
    let kind = cells.choice(.kind, VenueType.self)
    let region = cells.region(.region)
    let open = cells.flag(.openToPublic) ?? false
    let establishedOn = cells.date(.establishedOn)
    let dissolvedOn = cells.date(.dissolvedOn)
    cells.noteIfBefore(dissolvedOn, establishedOn, "撤销日期", "成立日期")
    guard cells.problems.isEmpty, let name, let kind, let region else { return nil }
    return Parsed(
      Venue(
        id: nil, name: name, kind: kind, regionCode: region.code, isOpenToPublic: open, establishedOn: establishedOn,
        dissolvedOn: dissolvedOn, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .name: record.name, .kind: record.kind.rawValue, .region: record.regionCode,
      .openToPublic: YesNo.label(record.isOpenToPublic), .establishedOn: record.establishedOn?.description ?? "",
      .dissolvedOn: record.dissolvedOn?.description ?? "",
    ]
  }
}
