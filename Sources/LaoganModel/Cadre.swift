/// 离退休干部 — a retired cadre on the bureau's roster.
///
/// Nothing is deleted: a cadre who dies gets `diedOn`, a record entered by mistake is voided with a reason.
public struct Cadre: Sendable, Equatable, Codable {
  public var id: Int64?
  public var name: String
  public var sex: Sex
  public var ethnicity: Ethnicity?
  public var bornOn: CalendarDate
  /// 农历生日 — the birthday is kept by the lunar calendar, on the lunar month and day of birth.
  public var lunarBirthday = false
  /// The validated 18-character 身份证号.
  public var residentID: String
  public var category: CadreCategory
  public var startedWorkOn: CalendarDate?
  public var retiredOn: CalendarDate?
  public var formerUnit: String?
  public var unitType: UnitType?
  public var formerPost: String?
  public var rank: Rank?
  /// 管理地区 — the GB/T 2260 code of the region that manages the cadre.
  package var regionCode: String
  public var isPartyMember: Bool
  public var joinedPartyOn: CalendarDate?
  /// 所在党组织 — the name of the organization the cadre belongs to now. Not a column: it is read from the
  /// open membership (see `selection`) and written there by `CadreKind.afterSave`, which keeps the history.
  public var partyOrganization: String?
  /// 党员状态 — nil while not recorded (taken as 正常).
  public var partyStatus: PartyStatus?
  /// 外出流向 — where a 流动 member lives now.
  public var awayTo: String?
  public var residence: String?
  /// 异地安置 — settled outside the prefecture, at 安置地, inside or outside the province (安置范围).
  public var resettledElsewhere: Bool
  public var resettledTo: String?
  public var resettlementScope: ResettlementScope?
  /// 生活不能自理 — unable to look after themselves.
  public var needsCare: Bool
  public var phone: String?
  public var emergencyContact: String?
  public var emergencyPhone: String?
  public var diedOn: CalendarDate?
  /// 去世原因 and 送别方式 (遗体告别, 追悼会 …), recorded with the death.
  public var deathCause: String?
  public var farewell: String?
  public var note: String?
  /// Why the record was voided; a voided cadre is kept but left out of lists and reports.
  public var voidedReason: String?

  public var region: Region? { Region(named: regionCode) }

  enum CodingKeys: String, CodingKey {
    case id, name, sex, ethnicity
    case bornOn = "born_on"
    case lunarBirthday = "lunar_birthday"
    case residentID = "resident_id"
    case category
    case startedWorkOn = "started_work_on"
    case retiredOn = "retired_on"
    case formerUnit = "former_unit"
    case unitType = "unit_type"
    case formerPost = "former_post"
    case rank
    case regionCode = "region_code"
    case isPartyMember = "party_member"
    case joinedPartyOn = "joined_party_on"
    case partyOrganization = "party_organization"
    case partyStatus = "party_status"
    case awayTo = "away_to"
    case residence
    case resettledElsewhere = "resettled_elsewhere"
    case resettledTo = "resettled_to"
    case resettlementScope = "resettlement_scope"
    case deathCause = "death_cause"
    case farewell
    case needsCare = "needs_care"
    case phone
    case emergencyContact = "emergency_contact"
    case emergencyPhone = "emergency_phone"
    case diedOn = "died_on"
    case note
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, name: String, sex: Sex, ethnicity: Ethnicity? = nil, bornOn: CalendarDate,
    lunarBirthday: Bool = false, residentID: String, category: CadreCategory, startedWorkOn: CalendarDate? = nil,
    retiredOn: CalendarDate? = nil, formerUnit: String? = nil, unitType: UnitType? = nil, formerPost: String? = nil,
    rank: Rank? = nil, regionCode: String, isPartyMember: Bool, joinedPartyOn: CalendarDate? = nil,
    partyOrganization: String? = nil, partyStatus: PartyStatus? = nil, awayTo: String? = nil, residence: String? = nil,
    resettledElsewhere: Bool, resettledTo: String? = nil, resettlementScope: ResettlementScope? = nil, needsCare: Bool,
    phone: String? = nil, emergencyContact: String? = nil, emergencyPhone: String? = nil, diedOn: CalendarDate? = nil,
    deathCause: String? = nil, farewell: String? = nil, note: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.name = name
    self.sex = sex
    self.ethnicity = ethnicity
    self.bornOn = bornOn
    self.lunarBirthday = lunarBirthday
    self.residentID = residentID
    self.category = category
    self.startedWorkOn = startedWorkOn
    self.retiredOn = retiredOn
    self.formerUnit = formerUnit
    self.unitType = unitType
    self.formerPost = formerPost
    self.rank = rank
    self.regionCode = regionCode
    self.isPartyMember = isPartyMember
    self.joinedPartyOn = joinedPartyOn
    self.partyOrganization = partyOrganization
    self.partyStatus = partyStatus
    self.awayTo = awayTo
    self.residence = residence
    self.resettledElsewhere = resettledElsewhere
    self.resettledTo = resettledTo
    self.resettlementScope = resettlementScope
    self.needsCare = needsCare
    self.phone = phone
    self.emergencyContact = emergencyContact
    self.emergencyPhone = emergencyPhone
    self.diedOn = diedOn
    self.deathCause = deathCause
    self.farewell = farewell
    self.note = note
    self.voidedReason = voidedReason
  }
}
