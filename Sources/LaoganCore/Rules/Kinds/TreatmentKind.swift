import LaoganModel
import LaoganStore

/// 政治待遇 events: facts. Only a 走访慰问 has a 场合, a 慰问金额 (the event's whole amount) and 慰问品.
public enum TreatmentKind: RecordKind {
  public typealias Field = TreatmentField
  public typealias Record = TreatmentEvent

  public static let name = "treatments"
  public static let label = "政治待遇"
  public static let participantTable: String? = "treatment_event"
  public static let dateSQL: String? = "treatment_event.held_on"
  public static let listFields: [TreatmentField] = [.heldOn, .kind, .title, .region, .occasion, .personTimes]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let heldOn = cells.date(.heldOn)
    let kind = cells.choice(.kind, TreatmentType.self)
    let title = cells.line(.title)
    let region = cells.region(.region)
    let occasion = cells.choice(.occasion, VisitOccasion.self)
    if occasion != nil, let kind, kind != .visits { cells.fail(.occasion, "只有“走访慰问”有场合") }
    let participants = try cells.participants(.participants, on: heldOn, lookup)
    let personTimes = cells.count(.personTimes)
    let giftAmount = cells.money(.giftAmount)
    if let giftAmount, giftAmount < .zero { cells.fail(.giftAmount, "慰问金额应大于 0") }
    let gifts = cells.line(.gifts)
    if let kind, kind != .visits {
      if giftAmount != nil { cells.fail(.giftAmount, "只有“走访慰问”有慰问金额") }
      if gifts != nil { cells.fail(.gifts, "只有“走访慰问”有慰问品") }
    }
    guard cells.problems.isEmpty, let heldOn, let kind, let title, let region else { return nil }
    return Parsed(
      TreatmentEvent(
        id: nil, heldOn: heldOn, kind: kind, title: title, regionCode: region.code, occasion: occasion,
        personTimes: personTimes, visitors: cells.line(.visitors), giftAmount: giftAmount, gifts: gifts,
        voidedReason: nil),
      participants: participants)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .heldOn: record.heldOn.description, .kind: record.kind.rawValue, .title: record.title,
      .region: record.regionCode, .occasion: record.occasion?.rawValue ?? "",
      .participants: try participantCell(of: record.id, lookup),
      .personTimes: record.personTimes.map(String.init) ?? "", .visitors: record.visitors ?? "",
      .giftAmount: record.giftAmount?.description ?? "", .gifts: record.gifts ?? "",
    ]
  }
}
