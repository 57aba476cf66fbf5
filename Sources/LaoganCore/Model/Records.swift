import GRDB

/// 离退休干部党组织 — a Party organization of retired cadres. Closed ones get 撤销日期 and stay.
public struct PartyOrganization: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "party_organization"
  public var id: Int64?
  public var name: String
  public var kind: OrganizationType
  public var regionCode: String
  /// 异地 — an off-site branch for cadres settled elsewhere, with where it sits.
  public var isOffSite: Bool
  public var locatedIn: String?
  public var modelLevel: ModelLevel
  /// 命名日期 — when it was named a model branch.
  public var namedOn: CalendarDate?
  public var establishedOn: CalendarDate?
  public var dissolvedOn: CalendarDate?
  /// 换届日期 — the last election, from which the term runs.
  public var electedOn: CalendarDate?
  /// The 书记: not a column but the current officer of that post (`Officers`), read with the row and set
  /// through it after a save, as a cadre's 所在党组织 is its open membership.
  public var secretaryID: Int64?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, kind
    case regionCode = "region_code"
    case isOffSite = "off_site"
    case locatedIn = "located_in"
    case modelLevel = "model_level"
    case namedOn = "named_on"
    case establishedOn = "established_on"
    case dissolvedOn = "dissolved_on"
    case electedOn = "elected_on"
    case secretaryID = "secretary_id"
    case voidedReason = "voided_reason"
  }
}

/// A term of office in a branch: 书记, 委员 … from 任职日期 until 离任日期 (open while serving).
public struct Officer: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "officer"
  public var id: Int64?
  public var organizationID: Int64
  public var cadreID: Int64
  public var post: OfficerPost
  /// Nil for a 书记 carried over from before officers were kept: the start is unknown.
  public var startedOn: CalendarDate?
  public var endedOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, post
    case organizationID = "organization_id"
    case cadreID = "cadre_id"
    case startedOn = "started_on"
    case endedOn = "ended_on"
    case voidedReason = "voided_reason"
  }
}

/// A cadre's time in a Party organization: at most one open (no 离开日期) at a time.
public struct Membership: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "membership"
  public var id: Int64?
  public var cadreID: Int64
  public var organizationID: Int64
  public var joinedOn: CalendarDate?
  public var leftOn: CalendarDate?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case organizationID = "organization_id"
    case joinedOn = "joined_on"
    case leftOn = "left_on"
  }
}

/// 涉老社团 — a senior association (书画, 摄影 …).
public struct Association: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "association"
  public var id: Int64?
  public var name: String
  public var category: AssociationCategory
  public var regionCode: String
  public var establishedOn: CalendarDate?
  public var dissolvedOn: CalendarDate?
  /// 负责人, as written.
  public var leader: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, category, leader
    case regionCode = "region_code"
    case establishedOn = "established_on"
    case dissolvedOn = "dissolved_on"
    case voidedReason = "voided_reason"
  }
}

/// A cadre's membership of a senior association.
public struct AssociationMember: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "association_member"
  public var id: Int64?
  public var associationID: Int64
  public var cadreID: Int64
  public var joinedOn: CalendarDate?
  public var leftOn: CalendarDate?

  enum CodingKeys: String, CodingKey {
    case id
    case associationID = "association_id"
    case cadreID = "cadre_id"
    case joinedOn = "joined_on"
    case leftOn = "left_on"
  }
}

/// 阵地 — a venue: 老年大学, 活动中心, 五老工作室, 志愿服务队, 网络平台.
public struct Venue: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "venue"
  public var id: Int64?
  public var name: String
  public var kind: VenueType
  public var regionCode: String
  /// 向社会老年人开放.
  public var isOpenToPublic: Bool
  public var establishedOn: CalendarDate?
  public var dissolvedOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, kind
    case regionCode = "region_code"
    case isOpenToPublic = "open_to_public"
    case establishedOn = "established_on"
    case dissolvedOn = "dissolved_on"
    case voidedReason = "voided_reason"
  }
}

/// 活动 — a study, training or other activity; participants are listed, or only counted (参与人次).
public struct Activity: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "activity"
  public var id: Int64?
  public var heldOn: CalendarDate
  public var kind: ActivityType
  public var title: String
  public var regionCode: String
  public var place: ActivityPlace?
  public var organizationID: Int64?
  public var personTimes: Int?
  /// 受众人次 — society's elderly and others reached.
  public var audience: Int?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, title, place, audience
    case heldOn = "held_on"
    case regionCode = "region_code"
    case organizationID = "organization_id"
    case personTimes = "person_times"
    case voidedReason = "voided_reason"
  }
}

/// 组织生活 — a meeting of a Party organization; its members are listed as 出席 or 请假 (SPEC §16), and a member
/// listed as neither was absent.
public struct Meeting: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "meeting"
  public var id: Int64?
  public var organizationID: Int64
  public var heldOn: CalendarDate
  public var kind: MeetingType
  public var topic: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, topic
    case organizationID = "organization_id"
    case heldOn = "held_on"
    case voidedReason = "voided_reason"
  }
}

/// 政治待遇 — a political-treatment event and, for 走访慰问, its occasion and visitors.
public struct TreatmentEvent: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "treatment_event"
  public var id: Int64?
  public var heldOn: CalendarDate
  public var kind: TreatmentType
  public var title: String
  public var regionCode: String
  public var occasion: VisitOccasion?
  public var personTimes: Int?
  /// 走访人, as written.
  public var visitors: String?
  /// 慰问金额: the money a 走访慰问 brought, the event's whole amount.
  public var giftAmount: Fen?
  /// 慰问品: what it brought, as written.
  public var gifts: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, title, occasion, visitors, gifts
    case heldOn = "held_on"
    case regionCode = "region_code"
    case personTimes = "person_times"
    case giftAmount = "gift_amount_fen"
    case voidedReason = "voided_reason"
  }
}

/// 发挥作用 — a contribution cadres made, by area and advantage.
public struct Contribution: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "contribution"
  public var id: Int64?
  public var doneOn: CalendarDate
  public var area: ContributionArea
  public var advantage: Advantage
  public var title: String
  public var regionCode: String
  public var personTimes: Int?
  /// 成效, as written.
  public var outcome: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, area, advantage, title, outcome
    case doneOn = "done_on"
    case regionCode = "region_code"
    case personTimes = "person_times"
    case voidedReason = "voided_reason"
  }
}

/// 先进典型 — an honour to a cadre or to a collective.
public struct Honor: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "honor"
  public var id: Int64?
  public var awardedOn: CalendarDate
  public var title: String
  public var level: HonorLevel
  public var regionCode: String
  public var cadreID: Int64?
  public var collectiveName: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, title, level
    case awardedOn = "awarded_on"
    case regionCode = "region_code"
    case cadreID = "cadre_id"
    case collectiveName = "collective_name"
    case voidedReason = "voided_reason"
  }
}

extension PartyOrganization: ColumnList {
  /// The cadre holding the 书记 post of organization row `party_organization` today.
  static let currentSecretary =
    "(SELECT cadre_id FROM officer WHERE \(Officers.secretaryInForce(of: "party_organization.id")) LIMIT 1)"

  public static let selection = "party_organization.*, \(currentSecretary) AS secretary_id"

  /// Every request for organizations reads the current 书记 too, so `secretaryID` is always filled.
  public static var databaseSelection: [any SQLSelectable] {
    [AllColumns(), SQL(sql: currentSecretary).forKey("secretary_id")]
  }

  public static let storedColumns = [
    "id", "name", "kind", "region_code", "off_site", "located_in", "model_level", "named_on", "established_on",
    "dissolved_on", "elected_on", "voided_reason",
  ]
  public var storedValues: [(any DatabaseValueConvertible)?] {
    [
      id, name, kind, regionCode, isOffSite, locatedIn, modelLevel, namedOn, establishedOn, dissolvedOn, electedOn,
      voidedReason,
    ]
  }
}
extension Officer: AuditedRecord {}

/// A member's monthly 党费 from `fromMonth` on, until their next standard.
public struct DuesStandard: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "dues_standard"
  public var id: Int64?
  public var cadreID: Int64
  public var fromMonth: Month
  public var monthly: Fen
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case fromMonth = "from_month"
    case monthly = "monthly_fen"
    case voidedReason = "voided_reason"
  }
}

/// A cadre's monthly 离退休费 from `fromMonth` on, until their next (SPEC §16): what a retired member's 党费
/// standard is worked out from.
public struct Pension: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "pension"
  public var id: Int64?
  public var cadreID: Int64
  public var fromMonth: Month
  public var monthly: Fen
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case fromMonth = "from_month"
    case monthly = "monthly_fen"
    case voidedReason = "voided_reason"
  }
}

/// 党费 paid by a member for one month (several rows for one month add up).
public struct DuesPayment: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "dues_payment"
  public var id: Int64?
  public var cadreID: Int64
  public var month: Month
  public var amount: Fen
  public var paidOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, month
    case cadreID = "cadre_id"
    case amount = "amount_fen"
    case paidOn = "paid_on"
    case voidedReason = "voided_reason"
  }
}

extension DuesStandard: AuditedRecord {}
extension Pension: AuditedRecord {}
extension Meeting: AuditedRecord {}
extension DuesPayment: ColumnList {
  public static let storedColumns = ["id", "cadre_id", "month", "amount_fen", "paid_on", "voided_reason"]
  public var storedValues: [(any DatabaseValueConvertible)?] { [id, cadreID, month, amount, paidOn, voidedReason] }
}
extension Membership: ColumnList {
  public static let storedColumns = ["id", "cadre_id", "organization_id", "joined_on", "left_on"]
  public var storedValues: [(any DatabaseValueConvertible)?] { [id, cadreID, organizationID, joinedOn, leftOn] }
}
extension Association: AuditedRecord {}
extension AssociationMember: AuditedRecord {}
extension Venue: AuditedRecord {}
extension Activity: AuditedRecord {}
extension TreatmentEvent: AuditedRecord {}
extension Contribution: AuditedRecord {}
extension Honor: AuditedRecord {}

/// A cadre's management moving to or from another bureau on a day (SPEC §10): the cadre is managed here on a
/// day by the rule of `ManagedRule`.
public struct Transfer: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "transfer"
  public var id: Int64?
  public var cadreID: Int64
  public var direction: TransferDirection
  public var transferredOn: CalendarDate
  /// 对方单位或地区: where the cadre went, or came from.
  public var counterpart: String
  /// 党组织关系转接: the Party membership moved with the cadre.
  public var partyRelationMoved: Bool?
  /// 人事档案转接: the personnel file moved with the cadre.
  public var fileMoved: Bool?
  public var note: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, direction, counterpart, note
    case cadreID = "cadre_id"
    case transferredOn = "transferred_on"
    case partyRelationMoved = "party_relation_moved"
    case fileMoved = "file_moved"
    case voidedReason = "voided_reason"
  }
}

extension Transfer: AuditedRecord {}

/// A cadre's stay in hospital (SPEC §10): where and when, never why — a diagnosis is health data, which PIPL
/// counts as sensitive, and no report needs it.
public struct HospitalStay: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "hospital_stay"
  public var id: Int64?
  public var cadreID: Int64
  public var admittedOn: CalendarDate
  /// 出院日期: nil while still in hospital.
  public var dischargedOn: CalendarDate?
  public var hospital: String
  /// 长期住院: staying on, not expected to be discharged soon.
  public var longTerm: Bool
  public var note: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, hospital, note
    case cadreID = "cadre_id"
    case admittedOn = "admitted_on"
    case dischargedOn = "discharged_on"
    case longTerm = "long_term"
    case voidedReason = "voided_reason"
  }
}

extension HospitalStay: AuditedRecord {}

/// A member of a cadre's family (SPEC §10): who receives a survivor's benefit, who to call. Named by the cadre,
/// the 关系 and the 姓名 together.
public struct FamilyMember: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "family_member"
  public var id: Int64?
  public var cadreID: Int64
  public var relation: FamilyRelation
  public var name: String
  /// 本人身份证号: the member's own number, masked like a cadre's.
  public var residentID: String?
  public var bornOn: CalendarDate?
  public var diedOn: CalendarDate?
  /// 无劳动能力: unable to work (a survivor's benefit may depend on it).
  public var unableToWork: Bool
  /// 同住: lives with the cadre.
  public var livesWith: Bool
  public var phone: String?
  public var note: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, relation, name, phone, note
    case cadreID = "cadre_id"
    case residentID = "resident_id"
    case bornOn = "born_on"
    case diedOn = "died_on"
    case unableToWork = "unable_to_work"
    case livesWith = "lives_with"
    case voidedReason = "voided_reason"
  }
}

extension FamilyMember: AuditedRecord {}
