import LaoganModel
import LaoganStore
import LaoganText

/// 离退休干部党组织, keyed by 名称. Its 书记 cell names the current officer of that post (`Officers`).
public enum OrganizationKind: RecordKind {
  public typealias Field = OrganizationField
  public typealias Record = PartyOrganization

  public static let name = "organizations"
  public static let label = "党组织"
  public static let keyField: OrganizationField? = .name
  public static let listFields: [OrganizationField] = [
    .name, .kind, .region, .offSite, .modelLevel, .namedOn, .establishedOn, .dissolvedOn,
  ]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let name = cells.line(.name)
    let kind = cells.choice(.kind, OrganizationType.self)
    let region = cells.region(.region)
    let offSite = cells.flag(.offSite) ?? false
    let modelLevel = cells.choice(.modelLevel, ModelLevel.self) ?? ModelLevel.none
    let namedOn = cells.date(.namedOn)
    let establishedOn = cells.date(.establishedOn)
    let dissolvedOn = cells.date(.dissolvedOn)
    let electedOn = cells.date(.electedOn)
    let secretary = try secretary(&cells, lookup)
    cells.noteIfBefore(dissolvedOn, establishedOn, "撤销日期", "成立日期")
    if namedOn != nil, modelLevel == .none { cells.fail(.namedOn, "示范级别为“无”却填了命名日期") }
    guard cells.problems.isEmpty, let name, let kind, let region else { return nil }
    return Parsed(
      PartyOrganization(
        id: nil, name: name, kind: kind, regionCode: region.code, isOffSite: offSite, locatedIn: cells.line(.locatedIn),
        modelLevel: modelLevel, namedOn: namedOn, establishedOn: establishedOn, dissolvedOn: dissolvedOn,
        electedOn: electedOn, secretaryID: secretary, voidedReason: nil))
  }

  /// The 书记 the cell names. Organizations are imported before the cadres who belong to them, so a 书记 not
  /// registered yet is noted and leaves the current one as it is: importing the organizations again with
  /// `--update` after the cadres, or `import officers`, sets it. A number that is no 身份证号 is an error.
  private static func secretary(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Int64? {
    if let text = cells.text(.secretary), let id = try? ResidentID(text), try lookup.cadre(residentID: id.value) == nil
    {
      cells.note("书记 \(id.masked) 尚未登记为干部，暂不改书记：导入干部后用 --update 再导入党组织，或用 import officers")
      return try cells.replacing.flatMap { try Officers.currentSecretary(of: $0, lookup.db)?.cadreID }
    }
    return try cells.cadre(.secretary, lookup)?.id
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .name: record.name, .kind: record.kind.rawValue, .region: record.regionCode,
      .offSite: YesNo.label(record.isOffSite), .locatedIn: record.locatedIn ?? "",
      .modelLevel: record.modelLevel.rawValue, .namedOn: record.namedOn?.description ?? "",
      .establishedOn: record.establishedOn?.description ?? "", .dissolvedOn: record.dissolvedOn?.description ?? "",
      .secretary: try record.secretaryID.flatMap { try lookup.cadre(id: $0)?.residentID } ?? "",
      .electedOn: record.electedOn?.description ?? "",
    ]
  }

  /// The 书记 the record names becomes the organization's current one.
  public static func afterSave(_ parsed: Parsed<Record>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup)
    throws
  {
    guard let id = parsed.record.id else { return }
    try Officers.setSecretary(of: id, to: parsed.record.secretaryID, writer)
  }

  public static let hasMembers = true

  public static func closeMembers(of record: Record, on day: CalendarDate?, _ writer: AuditedWriter) throws {
    try OpenMemberships.close(Membership.self, in: record.id, named: record.name, on: day, writer)
  }
}
