/// 组织生活: facts — a Party organization's meeting on a day (SPEC §16), with the members who attended (出席)
/// and those excused (请假), each by 身份证号 or a unique name. A member of the organization that day listed under neither was absent; a cadre
/// listed under both is refused, since the record could not say which.
public enum MeetingKind: RecordKind {
  public typealias Field = MeetingField
  public typealias Record = Meeting

  public static let name = "meetings"
  public static let label = "组织生活"
  public static let participantTable: String? = "meeting"
  public static let excusedTable: String? = "meeting_leave"
  public static let dateSQL: String? = "meeting.held_on"
  public static let region = RecordRegion.organizations
  public static let listFields: [MeetingField] = [.organization, .heldOn, .kind, .topic]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let organization = try cells.organization(.organization, lookup)
    let heldOn = cells.date(.heldOn)
    let kind = cells.choice(.kind, MeetingType.self)
    let topic = cells.line(.topic)
    let attended = try cells.participants(.attended, on: heldOn, lookup, byName: true)
    let excused = try cells.participants(.excused, on: heldOn, lookup, byName: true)
    let both = (attended ?? []).filter { (excused ?? []).contains($0) }
    if let first = both.first {
      cells.fail(.excused, "\(first.name) 同时列在出席和请假中", value: Masking.residentID(first.residentID))
    }
    guard cells.problems.isEmpty, let organization, let heldOn, let kind else { return nil }
    return Parsed(
      Meeting(id: nil, organizationID: organization, heldOn: heldOn, kind: kind, topic: topic, voidedReason: nil),
      participants: attended, excused: excused)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .organization: try lookup.organizationName(id: record.organizationID) ?? "", .heldOn: record.heldOn.description,
      .kind: record.kind.rawValue, .topic: record.topic ?? "",
      .attended: try participantCell(of: record.id, lookup), .excused: try excusedCell(of: record.id, lookup),
    ]
  }
}
