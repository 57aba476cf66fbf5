import LaoganModel
import LaoganStore

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
    try noteOddities(
      &cells, organization: organization, on: heldOn, kind: kind, listed: (attended ?? []) + (excused ?? []), lookup)
    return Parsed(
      Meeting(id: nil, organizationID: organization, heldOn: heldOn, kind: kind, topic: topic, voidedReason: nil),
      participants: attended, excused: excused)
  }

  /// What a clerk may have got wrong, noted rather than refused (a guest may attend; two meetings of a kind
  /// may be held on a day): a listed cadre who was no member of the organization that day, and another meeting
  /// of the organization of the same type on the same day.
  private static func noteOddities(
    _ cells: inout FieldReader<Field>, organization: Int64, on day: CalendarDate, kind: MeetingType,
    listed: [Lookup.CadreRef], _ lookup: Lookup
  ) throws {
    let members = Set(
      try lookup.db.values(
        Int64.self,
        sql: "SELECT m.cadre_id FROM membership m WHERE m.organization_id = ? AND \(CadreSQL.membership(on: "?"))",
        arguments: [organization, day, day]))
    let strangers = listed.filter { !members.contains($0.id) }.map(\.name)
    if !strangers.isEmpty {
      cells.note("\(strangers.joined(separator: "、")) \(day) 不在该党组织中（列席？请核对）")
    }
    if let other = try lookup.db.value(
      Int64.self,
      sql: """
        SELECT id FROM meeting WHERE organization_id = ? AND held_on = ? AND kind = ? AND \(RecordSQL.inForce())
          AND \(SQLDialect.differs("id", "?")) LIMIT 1
        """, arguments: [organization, day, kind.rawValue, cells.replacing])
    {
      cells.note("该党组织 \(day) 已登记过一次\(kind.rawValue)（记录 \(other)），是否重复登记？重复的请 meeting void")
    }
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .organization: try lookup.organizationName(id: record.organizationID) ?? "", .heldOn: record.heldOn.description,
      .kind: record.kind.rawValue, .topic: record.topic ?? "",
      .attended: try participantCell(of: record.id, lookup), .excused: try excusedCell(of: record.id, lookup),
    ]
  }
}
