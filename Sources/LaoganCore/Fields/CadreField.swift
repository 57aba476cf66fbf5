import LaoganModel

/// The fields of a cadre as a roster spreadsheet names them: the headers of `import cadres` (SPEC §4), the
/// columns of `export cadres`, and the options of `cadre add` and `cadre edit`.
///
/// The raw value is the exact Chinese header; `alias` is the accepted English header, which is also the
/// database column and the JSON key.
public enum CadreField: String, CaseIterable, Sendable {
  case name = "姓名"
  case sex = "性别"
  case ethnicity = "民族"
  case bornOn = "出生日期"
  case residentID = "身份证号"
  case category = "类别"
  case startedWorkOn = "参加工作日期"
  case retiredOn = "离退休日期"
  case formerUnit = "原工作单位"
  case unitType = "原单位性质"
  case formerPost = "原职务"
  case rank = "职级"
  case region = "管理地区"
  case isPartyMember = "党员"
  case joinedPartyOn = "入党日期"
  case partyOrganization = "所在党组织"
  case partyStatus = "党员状态"
  case awayTo = "外出流向"
  case residence = "居住地"
  case resettledElsewhere = "异地安置"
  case resettledTo = "安置地"
  case resettlementScope = "安置范围"
  case needsCare = "生活不能自理"
  case phone = "联系电话"
  case emergencyContact = "紧急联系人"
  case emergencyPhone = "紧急联系电话"
  case diedOn = "去世日期"
  case deathCause = "去世原因"
  case farewell = "送别方式"
  case note = "备注"
  /// 农历生日: the birthday is kept by the lunar calendar (SPEC §17).
  case lunarBirthday = "农历生日"

  /// The English header, the database column and the JSON key.
  public var alias: String {
    switch self {
    case .name: "name"
    case .sex: "sex"
    case .ethnicity: "ethnicity"
    case .deathCause: "death_cause"
    case .farewell: "farewell"
    case .bornOn: "born_on"
    case .lunarBirthday: "lunar_birthday"
    case .residentID: "resident_id"
    case .category: "category"
    case .startedWorkOn: "started_work_on"
    case .retiredOn: "retired_on"
    case .formerUnit: "former_unit"
    case .unitType: "unit_type"
    case .formerPost: "former_post"
    case .rank: "rank"
    case .region: "region"
    case .isPartyMember: "party_member"
    case .joinedPartyOn: "joined_party_on"
    case .partyOrganization: "party_organization"
    case .partyStatus: "party_status"
    case .awayTo: "away_to"
    case .residence: "residence"
    case .resettledElsewhere: "resettled_elsewhere"
    case .resettledTo: "resettled_to"
    case .resettlementScope: "resettlement_scope"
    case .needsCare: "needs_care"
    case .phone: "phone"
    case .emergencyContact: "emergency_contact"
    case .emergencyPhone: "emergency_phone"
    case .diedOn: "died_on"
    case .note: "note"
    }
  }

  /// Marked * in SPEC §4. 性别 and 出生日期 are derived from the 身份证号 when missing.
  public var isRequired: Bool {
    [.name, .residentID, .category, .region].contains(self)
  }

  /// What a prompt shows as the allowed values, when the field takes a closed set.
  public var allowedValues: String? {
    switch self {
    case .sex: Sex.allowedLabels
    case .category: CadreCategory.allowedLabels
    case .unitType: UnitType.allowedLabels
    case .rank: Rank.allowedLabels
    case .partyStatus: PartyStatus.allowedLabels
    case .resettlementScope: ResettlementScope.allowedLabels
    case .region: Region.all.map(\.shortName).joined(separator: "/")
    case .isPartyMember, .resettledElsewhere, .needsCare, .lunarBirthday: "是/否"
    default: nil
    }
  }
}
