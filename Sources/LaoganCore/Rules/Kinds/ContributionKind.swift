import LaoganModel
import LaoganStore

/// 发挥作用: facts, by area and advantage.
public enum ContributionKind: RecordKind {
  public typealias Field = ContributionField
  public typealias Record = Contribution

  public static let name = "contributions"
  public static let label = "发挥作用"
  public static let participantTable: String? = "contribution"
  public static let dateSQL: String? = "contribution.done_on"
  public static let typeColumn: String? = "area"
  public static let listFields: [ContributionField] = [.doneOn, .area, .advantage, .title, .region, .personTimes]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let doneOn = cells.date(.doneOn)
    let area = cells.choice(.area, ContributionArea.self)
    let advantage = cells.choice(.advantage, Advantage.self)
    let title = cells.line(.title)
    let region = cells.region(.region)
    let participants = try cells.participants(.participants, on: doneOn, lookup)
    let personTimes = cells.count(.personTimes)
    guard cells.problems.isEmpty, let doneOn, let area, let advantage, let title, let region else { return nil }
    return Parsed(
      Contribution(
        id: nil, doneOn: doneOn, area: area, advantage: advantage, title: title, regionCode: region.code,
        personTimes: personTimes, outcome: cells.line(.outcome, maxLength: 1000), voidedReason: nil),
      participants: participants)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .doneOn: record.doneOn.description, .area: record.area.rawValue, .advantage: record.advantage.rawValue,
      .title: record.title, .region: record.regionCode, .participants: try participantCell(of: record.id, lookup),
      .personTimes: record.personTimes.map(String.init) ?? "", .outcome: record.outcome ?? "",
    ]
  }
}
