/// 离退休干部党组织 — a Party organization of retired cadres. Closed ones get 撤销日期 and stay.
public struct PartyOrganization: Sendable, Equatable, Codable {
  public var id: Int64?
  public var name: String
  public var kind: OrganizationType
  package var regionCode: String
  /// 异地 — an off-site branch for cadres settled elsewhere, with where it sits.
  package var isOffSite: Bool
  package var locatedIn: String?
  package var modelLevel: ModelLevel
  /// 命名日期 — when it was named a model branch.
  package var namedOn: CalendarDate?
  package var establishedOn: CalendarDate?
  package var dissolvedOn: CalendarDate?
  /// 换届日期 — the last election, from which the term runs.
  package var electedOn: CalendarDate?
  /// The 书记: not a column but the current officer of that post (`Officers`), read with the row and set
  /// through it after a save, as a cadre's 所在党组织 is its open membership.
  package var secretaryID: Int64?
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, name: String, kind: OrganizationType, regionCode: String, isOffSite: Bool,
    locatedIn: String? = nil, modelLevel: ModelLevel, namedOn: CalendarDate? = nil, establishedOn: CalendarDate? = nil,
    dissolvedOn: CalendarDate? = nil, electedOn: CalendarDate? = nil, secretaryID: Int64? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.regionCode = regionCode
    self.isOffSite = isOffSite
    self.locatedIn = locatedIn
    self.modelLevel = modelLevel
    self.namedOn = namedOn
    self.establishedOn = establishedOn
    self.dissolvedOn = dissolvedOn
    self.electedOn = electedOn
    self.secretaryID = secretaryID
    self.voidedReason = voidedReason
  }
}

/// A term of office in a branch: 书记, 委员 … from 任职日期 until 离任日期 (open while serving).
public struct Officer: Sendable, Equatable, Codable {
  public var id: Int64?
  package var organizationID: Int64
  public var cadreID: Int64
  public var post: OfficerPost
  /// Nil for a 书记 carried over from before officers were kept: the start is unknown.
  package var startedOn: CalendarDate?
  package var endedOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, post
    case organizationID = "organization_id"
    case cadreID = "cadre_id"
    case startedOn = "started_on"
    case endedOn = "ended_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, organizationID: Int64, cadreID: Int64, post: OfficerPost, startedOn: CalendarDate? = nil,
    endedOn: CalendarDate? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.organizationID = organizationID
    self.cadreID = cadreID
    self.post = post
    self.startedOn = startedOn
    self.endedOn = endedOn
    self.voidedReason = voidedReason
  }
}

/// A cadre's time in a Party organization: at most one open (no 离开日期) at a time.
package struct Membership: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var organizationID: Int64
  public var joinedOn: CalendarDate?
  public var leftOn: CalendarDate?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case organizationID = "organization_id"
    case joinedOn = "joined_on"
    case leftOn = "left_on"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, organizationID: Int64, joinedOn: CalendarDate? = nil, leftOn: CalendarDate? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.organizationID = organizationID
    self.joinedOn = joinedOn
    self.leftOn = leftOn
  }
}

/// 涉老社团 — a senior association (书画, 摄影 …).
public struct Association: Sendable, Equatable, Codable {
  public var id: Int64?
  public var name: String
  public var category: AssociationCategory
  package var regionCode: String
  package var establishedOn: CalendarDate?
  package var dissolvedOn: CalendarDate?
  /// 负责人, as written.
  package var leader: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, category, leader
    case regionCode = "region_code"
    case establishedOn = "established_on"
    case dissolvedOn = "dissolved_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, name: String, category: AssociationCategory, regionCode: String,
    establishedOn: CalendarDate? = nil, dissolvedOn: CalendarDate? = nil, leader: String? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.regionCode = regionCode
    self.establishedOn = establishedOn
    self.dissolvedOn = dissolvedOn
    self.leader = leader
    self.voidedReason = voidedReason
  }
}

/// A cadre's membership of a senior association.
package struct AssociationMember: Sendable, Equatable, Codable {
  public var id: Int64?
  package var associationID: Int64
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, associationID: Int64, cadreID: Int64, joinedOn: CalendarDate? = nil, leftOn: CalendarDate? = nil
  ) {
    self.id = id
    self.associationID = associationID
    self.cadreID = cadreID
    self.joinedOn = joinedOn
    self.leftOn = leftOn
  }
}

/// 阵地 — a venue: 老年大学, 活动中心, 五老工作室, 志愿服务队, 网络平台.
public struct Venue: Sendable, Equatable, Codable {
  public var id: Int64?
  public var name: String
  public var kind: VenueType
  package var regionCode: String
  /// 向社会老年人开放.
  package var isOpenToPublic: Bool
  package var establishedOn: CalendarDate?
  package var dissolvedOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, kind
    case regionCode = "region_code"
    case isOpenToPublic = "open_to_public"
    case establishedOn = "established_on"
    case dissolvedOn = "dissolved_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, name: String, kind: VenueType, regionCode: String, isOpenToPublic: Bool,
    establishedOn: CalendarDate? = nil, dissolvedOn: CalendarDate? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.regionCode = regionCode
    self.isOpenToPublic = isOpenToPublic
    self.establishedOn = establishedOn
    self.dissolvedOn = dissolvedOn
    self.voidedReason = voidedReason
  }
}

/// 活动 — a study, training or other activity; participants are listed, or only counted (参与人次).
public struct Activity: Sendable, Equatable, Codable {
  public var id: Int64?
  package var heldOn: CalendarDate
  public var kind: ActivityType
  public var title: String
  package var regionCode: String
  package var place: ActivityPlace?
  package var organizationID: Int64?
  package var personTimes: Int?
  /// 受众人次 — society's elderly and others reached.
  package var audience: Int?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, title, place, audience
    case heldOn = "held_on"
    case regionCode = "region_code"
    case organizationID = "organization_id"
    case personTimes = "person_times"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, heldOn: CalendarDate, kind: ActivityType, title: String, regionCode: String,
    place: ActivityPlace? = nil, organizationID: Int64? = nil, personTimes: Int? = nil, audience: Int? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.heldOn = heldOn
    self.kind = kind
    self.title = title
    self.regionCode = regionCode
    self.place = place
    self.organizationID = organizationID
    self.personTimes = personTimes
    self.audience = audience
    self.voidedReason = voidedReason
  }
}

/// 组织生活 — a meeting of a Party organization; its members are listed as 出席 or 请假 (SPEC §16), and a member
/// listed as neither was absent.
public struct Meeting: Sendable, Equatable, Codable {
  public var id: Int64?
  package var organizationID: Int64
  package var heldOn: CalendarDate
  public var kind: MeetingType
  package var topic: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, topic
    case organizationID = "organization_id"
    case heldOn = "held_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, organizationID: Int64, heldOn: CalendarDate, kind: MeetingType, topic: String? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.organizationID = organizationID
    self.heldOn = heldOn
    self.kind = kind
    self.topic = topic
    self.voidedReason = voidedReason
  }
}

/// 政治待遇 — a political-treatment event and, for 走访慰问, its occasion and visitors.
public struct TreatmentEvent: Sendable, Equatable, Codable {
  public var id: Int64?
  package var heldOn: CalendarDate
  public var kind: TreatmentType
  public var title: String
  package var regionCode: String
  package var occasion: VisitOccasion?
  package var personTimes: Int?
  /// 走访人, as written.
  package var visitors: String?
  /// 慰问金额: the money a 走访慰问 brought, the event's whole amount.
  package var giftAmount: Fen?
  /// 慰问品: what it brought, as written.
  package var gifts: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, title, occasion, visitors, gifts
    case heldOn = "held_on"
    case regionCode = "region_code"
    case personTimes = "person_times"
    case giftAmount = "gift_amount_fen"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, heldOn: CalendarDate, kind: TreatmentType, title: String, regionCode: String,
    occasion: VisitOccasion? = nil, personTimes: Int? = nil, visitors: String? = nil, giftAmount: Fen? = nil,
    gifts: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.heldOn = heldOn
    self.kind = kind
    self.title = title
    self.regionCode = regionCode
    self.occasion = occasion
    self.personTimes = personTimes
    self.visitors = visitors
    self.giftAmount = giftAmount
    self.gifts = gifts
    self.voidedReason = voidedReason
  }
}

/// 发挥作用 — a contribution cadres made, by area and advantage.
public struct Contribution: Sendable, Equatable, Codable {
  public var id: Int64?
  package var doneOn: CalendarDate
  package var area: ContributionArea
  package var advantage: Advantage
  public var title: String
  package var regionCode: String
  package var personTimes: Int?
  /// 成效, as written.
  package var outcome: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, area, advantage, title, outcome
    case doneOn = "done_on"
    case regionCode = "region_code"
    case personTimes = "person_times"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, doneOn: CalendarDate, area: ContributionArea, advantage: Advantage, title: String,
    regionCode: String, personTimes: Int? = nil, outcome: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.doneOn = doneOn
    self.area = area
    self.advantage = advantage
    self.title = title
    self.regionCode = regionCode
    self.personTimes = personTimes
    self.outcome = outcome
    self.voidedReason = voidedReason
  }
}

/// 先进典型 — an honour to a cadre or to a collective.
public struct Honor: Sendable, Equatable, Codable {
  public var id: Int64?
  package var awardedOn: CalendarDate
  public var title: String
  package var level: HonorLevel
  package var regionCode: String
  public var cadreID: Int64?
  package var collectiveName: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, title, level
    case awardedOn = "awarded_on"
    case regionCode = "region_code"
    case cadreID = "cadre_id"
    case collectiveName = "collective_name"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, awardedOn: CalendarDate, title: String, level: HonorLevel, regionCode: String,
    cadreID: Int64? = nil, collectiveName: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.awardedOn = awardedOn
    self.title = title
    self.level = level
    self.regionCode = regionCode
    self.cadreID = cadreID
    self.collectiveName = collectiveName
    self.voidedReason = voidedReason
  }
}

/// A member's monthly 党费 from `fromMonth` on, until their next standard.
public struct DuesStandard: Sendable, Equatable, Codable {
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, fromMonth: Month, monthly: Fen, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.fromMonth = fromMonth
    self.monthly = monthly
    self.voidedReason = voidedReason
  }
}

/// A cadre's monthly 离退休费 from `fromMonth` on, until their next (SPEC §16): what a retired member's 党费
/// standard is worked out from.
public struct Pension: Sendable, Equatable, Codable {
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, fromMonth: Month, monthly: Fen, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.fromMonth = fromMonth
    self.monthly = monthly
    self.voidedReason = voidedReason
  }
}

/// 党费 paid by a member for one month (several rows for one month add up).
public struct DuesPayment: Sendable, Equatable, Codable {
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, month: Month, amount: Fen, paidOn: CalendarDate? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.month = month
    self.amount = amount
    self.paidOn = paidOn
    self.voidedReason = voidedReason
  }
}

/// A cadre's management moving to or from another bureau on a day (SPEC §10): the cadre is managed here on a
/// day by the rule of `ManagedRule`.
public struct Transfer: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var direction: TransferDirection
  package var transferredOn: CalendarDate
  /// 对方单位或地区: where the cadre went, or came from.
  package var counterpart: String
  /// 党组织关系转接: the Party membership moved with the cadre.
  package var partyRelationMoved: Bool?
  /// 人事档案转接: the personnel file moved with the cadre.
  package var fileMoved: Bool?
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, direction: TransferDirection, transferredOn: CalendarDate, counterpart: String,
    partyRelationMoved: Bool? = nil, fileMoved: Bool? = nil, note: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.direction = direction
    self.transferredOn = transferredOn
    self.counterpart = counterpart
    self.partyRelationMoved = partyRelationMoved
    self.fileMoved = fileMoved
    self.note = note
    self.voidedReason = voidedReason
  }
}

/// A cadre's stay in hospital (SPEC §10): where and when, never why — a diagnosis is health data, which PIPL
/// counts as sensitive, and no report needs it.
public struct HospitalStay: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var admittedOn: CalendarDate
  /// 出院日期: nil while still in hospital.
  package var dischargedOn: CalendarDate?
  public var hospital: String
  /// 长期住院: staying on, not expected to be discharged soon.
  package var longTerm: Bool
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, admittedOn: CalendarDate, dischargedOn: CalendarDate? = nil, hospital: String,
    longTerm: Bool, note: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.admittedOn = admittedOn
    self.dischargedOn = dischargedOn
    self.hospital = hospital
    self.longTerm = longTerm
    self.note = note
    self.voidedReason = voidedReason
  }
}

/// A member of a cadre's family (SPEC §10): who receives a survivor's benefit, who to call. Named by the cadre,
/// the 关系 and the 姓名 together.
public struct FamilyMember: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var relation: FamilyRelation
  public var name: String
  /// 本人身份证号: the member's own number, masked like a cadre's.
  public var residentID: String?
  public var bornOn: CalendarDate?
  public var diedOn: CalendarDate?
  /// 无劳动能力: unable to work (a survivor's benefit may depend on it).
  package var unableToWork: Bool
  /// 同住: lives with the cadre.
  package var livesWith: Bool
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, relation: FamilyRelation, name: String, residentID: String? = nil,
    bornOn: CalendarDate? = nil, diedOn: CalendarDate? = nil, unableToWork: Bool, livesWith: Bool, phone: String? = nil,
    note: String? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.relation = relation
    self.name = name
    self.residentID = residentID
    self.bornOn = bornOn
    self.diedOn = diedOn
    self.unableToWork = unableToWork
    self.livesWith = livesWith
    self.phone = phone
    self.note = note
    self.voidedReason = voidedReason
  }
}
