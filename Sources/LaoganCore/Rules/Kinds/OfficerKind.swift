import LaoganModel
import LaoganStore

/// 党组织委员: terms of office in a branch (SPEC §11), facts like memberships of a history. One 书记 at a time
/// in an organization; an officer who is not a member of it on the first day is noted, not refused (the
/// roster may lag the appointment).
public enum OfficerKind: RecordKind {
  public typealias Field = OfficerField
  public typealias Record = Officer

  public static let name = "officers"
  public static let label = "党组织委员"
  public static let dateSQL: String? = "officer.started_on"
  public static let typeColumn: String? = "post"
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.organizations
  public static let listFields: [OfficerField] = [.organization, .residentID, .post, .startedOn, .endedOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let organization = try cells.organization(.organization, lookup)
    let cadre = try cells.cadre(.residentID, lookup)
    let post = cells.choice(.post, OfficerPost.self)
    let startedOn = cells.date(.startedOn)
    let endedOn = cells.date(.endedOn)
    if let startedOn, let endedOn, endedOn < startedOn { cells.fail(.endedOn, "早于任职日期 \(startedOn)") }
    guard cells.problems.isEmpty, let organization, let cadre, let post else { return nil }
    let officer = Officer(
      id: cells.replacing, organizationID: organization, cadreID: cadre.id, post: post, startedOn: startedOn,
      endedOn: endedOn, voidedReason: nil)
    if post == .secretary, let other = try Officers.secretaryOverlapping(officer, lookup.db) {
      cells.fail(.startedOn, "该党组织同期已有书记（记录 \(other.id ?? 0)，\(other.term)）；一个党组织同一时间只有一名书记")
      return nil
    }
    if let startedOn, try !Officers.isMember(cadre.id, of: organization, on: startedOn, lookup.db) {
      cells.note("\(cadre.name)（\(Masking.residentID(cadre.residentID))）在任职日期 \(startedOn) 不是该党组织的党员")
    }
    return Parsed(officer)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .organization: try lookup.organizationName(id: record.organizationID) ?? "",
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .post: record.post.rawValue,
      .startedOn: record.startedOn?.description ?? "", .endedOn: record.endedOn?.description ?? "",
    ]
  }
}
