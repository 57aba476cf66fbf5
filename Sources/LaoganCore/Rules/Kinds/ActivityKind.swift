import LaoganModel
import LaoganStore

/// 活动: facts, each row a new activity.
public enum ActivityKind: RecordKind {
  public typealias Field = ActivityField
  public typealias Record = Activity

  public static let name = "activities"
  public static let label = "活动"
  public static let participantTable: String? = "activity"
  public static let dateSQL: String? = "activity.held_on"
  public static let listFields: [ActivityField] = [.heldOn, .kind, .title, .region, .place, .personTimes, .audience]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let heldOn = cells.date(.heldOn)
    let kind = cells.choice(.kind, ActivityType.self)
    let title = cells.line(.title)
    let region = cells.region(.region)
    let place = cells.choice(.place, ActivityPlace.self)
    let organization = try cells.organization(.organization, lookup)
    let participants = try cells.participants(.participants, on: heldOn, lookup)
    let personTimes = cells.count(.personTimes)
    let audience = cells.count(.audience)
    guard cells.problems.isEmpty, let heldOn, let kind, let title, let region else { return nil }
    return Parsed(
      Activity(
        id: nil, heldOn: heldOn, kind: kind, title: title, regionCode: region.code, place: place,
        organizationID: organization, personTimes: personTimes, audience: audience, voidedReason: nil),
      participants: participants)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .heldOn: record.heldOn.description, .kind: record.kind.rawValue, .title: record.title,
      .region: record.regionCode, .place: record.place?.rawValue ?? "",
      .organization: try record.organizationID.flatMap(lookup.organizationName) ?? "",
      .participants: try participantCell(of: record.id, lookup),
      .personTimes: record.personTimes.map(String.init) ?? "", .audience: record.audience.map(String.init) ?? "",
    ]
  }
}
