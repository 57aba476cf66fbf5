import LaoganModel

/// Who a notice goes to (SPEC §16): the cadres on the roll on a day — alive, retired and managed by the
/// bureau — narrowed by the options lists are narrowed by. The recipients are fixed when the notice is
/// recorded; the selection is kept beside them as the options that chose them, so that `notice show` says
/// how, and the same options give the same people again.
public struct NoticeSelection: Sendable, Equatable {
  public var region: Region?
  /// A Party organization by name: its members on the day.
  public var organization: String?
  public var category: CadreCategory?
  /// Party members only (joined by the day).
  public var partyMembers: Bool
  /// Aged at least this many whole years on the day.
  public var minAge: Int?
  /// The day the roll is read on; the notice's own day when not given.
  public var aliveOn: CalendarDate?

  public init(
    region: Region? = nil, organization: String? = nil, category: CadreCategory? = nil, partyMembers: Bool = false,
    minAge: Int? = nil, aliveOn: CalendarDate? = nil
  ) {
    self.region = region
    self.organization = organization
    self.category = category
    self.partyMembers = partyMembers
    self.minAge = minAge
    self.aliveOn = aliveOn
  }

  /// The options that choose the same cadres again, e.g. `--region 兴义 --party-member --alive-on 2026-12-01`.
  func options(on day: CalendarDate) -> String {
    var options: [String] = []
    if let region { options.append("--region \(region.shortName)") }
    if let organization { options.append("--organization \(organization)") }
    if let category { options.append("--category \(category.rawValue)") }
    if partyMembers { options.append("--party-member") }
    if let minAge { options.append("--min-age \(minAge)") }
    options.append("--alive-on \(day)")
    return options.joined(separator: " ")
  }

  /// The condition on cadre `c` — on the roll on `:day` and alive on the notice's day `:sent` (a roll read on
  /// an earlier day keeps no one who has died since), then each option given — with its arguments;
  /// `organizationID` is the organization's record, looked up by the caller.
  func condition(organizationID: Int64?) -> String {
    var terms = [CadreSQL.onRoll("c", on: ":day"), "(c.died_on IS NULL OR c.died_on > :sent)"]
    if let region { terms.append(ReportScope(region: region).region("c.region_code")) }
    if category != nil { terms.append("c.category = :category") }
    // An organization's recipients are its Party members, as `--party-member` would choose them.
    if partyMembers || organizationID != nil { terms.append(CadreSQL.partyMember("c", on: ":day")) }
    if minAge != nil { terms.append("\(CadreSQL.age(born: "c.born_on", on: ":day")) >= :minAge") }
    if organizationID != nil {
      terms.append(
        """
        EXISTS (SELECT 1 FROM membership m WHERE m.cadre_id = c.id AND m.organization_id = :organization \
        AND \(CadreSQL.membership(on: ":day")))
        """)
    }
    return terms.joined(separator: " AND ")
  }
}
