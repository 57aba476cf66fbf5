/// The closed sets of the bureau's other records (SPEC §3), each with its Chinese labels.

/// 党组织类型.
public enum OrganizationType: String, ClosedSet {
  case committee = "党委"
  case generalBranch = "党总支"
  case branch = "党支部"

  /// Years between elections (换届): five for a 党委, three for a 党总支 or 党支部.
  package var termYears: Int { self == .committee ? 5 : 3 }
}

/// 职务 of a branch officer.
public enum OfficerPost: String, ClosedSet {
  case secretary = "书记"
  case deputySecretary = "副书记"
  case organization = "组织委员"
  case publicity = "宣传委员"
  case discipline = "纪检委员"
  case member = "委员"
}

/// 党员状态 — where a Party member stands with the branch: 流动 members live away (with 外出流向), 失联 ones
/// cannot be reached.
public enum PartyStatus: String, ClosedSet {
  case normal = "正常"
  case mobile = "流动"
  case lost = "失联"
}

/// 示范级别 — whether a branch has been named a model branch, and by whom.
package enum ModelLevel: String, ClosedSet {
  case prefecture = "州级"
  case county = "县级"
  case none = "无"

  public static let aliases: [String: ModelLevel] = ["州级示范": .prefecture, "县级示范": .county, "否": .none]
}

/// 涉老社团类别.
public enum AssociationCategory: String, ClosedSet {
  case calligraphy = "书画"
  case photography = "摄影"
  case poetry = "诗词"
  case couplets = "楹联"
  case song = "歌舞"
  case sports = "老年体协"
  case other = "其他"
}

/// 阵地类型.
public enum VenueType: String, ClosedSet {
  case seniorUniversity = "老年大学"
  case activityCenter = "老干部活动中心"
  case wulaoStudio = "五老工作室"
  case volunteerTeam = "银龄志愿服务队"
  case onlinePlatform = "网络平台"
}

/// 活动类型 — the study and training work of 三项建设.
public enum ActivityType: String, ClosedSet {
  case trainingClass = "培训班"
  case survey = "调研"
  case homeDelivery = "送学上门"
  case lecture = "主题宣讲"
  case politicalStudy = "政治学习"
  case recreation = "文体活动"
  case symposium = "座谈会"
  case other = "其他"
}

/// 组织生活的类型 — the meetings of a branch's Party life (三会一课 and 主题党日, SPEC §16).
public enum MeetingType: String, ClosedSet {
  case generalMeeting = "支部党员大会"
  case committee = "支委会"
  case groupMeeting = "党小组会"
  case partyLesson = "党课"
  case themedDay = "主题党日"
}

/// 场所 — where a lecture or activity was held.
package enum ActivityPlace: String, ClosedSet {
  case agency = "机关"
  case community = "社区"
  case enterprise = "企业"
  case village = "农村"
  case other = "其他"
}

/// 政治待遇 — the six kinds of political-treatment event.
public enum TreatmentType: String, ClosedSet {
  case documents = "阅读文件"
  case meetings = "参加会议活动"
  case studyTours = "参观学习"
  case briefings = "情况通报"
  case publications = "征订党刊党报"
  case visits = "走访慰问"
}

/// 场合 of a 走访慰问.
package enum VisitOccasion: String, ClosedSet {
  case birthday = "生日看望"
  case hospital = "住院看望"
  case festival = "节日慰问"
  case routine = "日常走访"
  case resettled = "异地安置人员慰问"
  case bereaved = "遗属慰问"
}

/// 发挥作用领域.
package enum ContributionArea: String, ClosedSet {
  case policyPromotion = "宣传政策"
  case culture = "传播文化"
  case disputeMediation = "化解矛盾纠纷"
  case nextGeneration = "关心下一代"
  case ruralRevitalization = "乡村振兴"
  case socialGovernance = "社会治理"
  case civilizedCity = "文明城市"
}

/// 三大优势.
package enum Advantage: String, ClosedSet {
  case political = "政治"
  case experience = "经验"
  case prestige = "威望"

  public static let aliases: [String: Advantage] = ["政治优势": .political, "经验优势": .experience, "威望优势": .prestige]
}

/// 先进典型级别.
package enum HonorLevel: String, ClosedSet {
  case national = "国家级"
  case provincial = "省级"
  case prefecture = "州级"
  case county = "县级"
}

/// 生活待遇项目 — the items of living treatment paid to cadres.
public enum BenefitItem: String, ClosedSet {
  case specialNeeds = "特需费"
  case medicalSubsidy = "医疗补助费"
  case livingAllowance = "生活费"
  case longevitySubsidy = "高龄补贴"
  case hardshipAid = "困难帮扶"
  /// After a death (SPEC §10), paid to a family member, its 领取人.
  case funeralGrant = "丧葬费"
  case lumpSumPension = "一次性抚恤金"
  case survivorAllowance = "遗属补助"

  /// Paid every month by rule (`benefit run`); the others are one-off grants.
  package var isScheduled: Bool {
    [.specialNeeds, .livingAllowance, .longevitySubsidy, .survivorAllowance].contains(self)
  }

  /// The living treatment of the cadre (SPEC §3, the 323's 生活待遇 figures): everything but what follows a death.
  package static let livingTreatment: [BenefitItem] = allCases.filter { !$0.followsDeath }

  /// Paid after the cadre's death to a member of the family, never while the cadre lives.
  package var followsDeath: Bool { [.funeralGrant, .lumpSumPension, .survivorAllowance].contains(self) }

  /// The key in the 323 report: `treatment.living.KEY`.
  package var reportKey: String {
    switch self {
    case .specialNeeds: "special_needs"
    case .medicalSubsidy: "medical_subsidy"
    case .livingAllowance: "living_allowance"
    case .longevitySubsidy: "longevity_subsidy"
    case .hardshipAid: "hardship_aid"
    case .funeralGrant: "funeral_grant"
    case .lumpSumPension: "lump_sum_pension"
    case .survivorAllowance: "survivor_allowance"
    }
  }
}

/// 帮扶基金 ledger entry type: money in (拨入) or spent other than as a 困难帮扶 grant (支出).
public enum FundEntryType: String, ClosedSet {
  case allocation = "拨入"
  case expense = "支出"
}

/// 关系 — how a family member is related to the cadre.
package enum FamilyRelation: String, ClosedSet {
  case spouse = "配偶"
  case child = "子女"
  case parent = "父母"
  case other = "其他"

  public static let aliases: [String: FamilyRelation] = [
    "妻子": .spouse, "丈夫": .spouse, "夫": .spouse, "妻": .spouse, "儿子": .child, "女儿": .child, "父亲": .parent,
    "母亲": .parent,
  ]
}

/// 安置范围 — whether a cadre resettled elsewhere (易地安置) lives inside the province or outside it.
public enum ResettlementScope: String, ClosedSet {
  case inProvince = "省内"
  case outOfProvince = "省外"
}

/// 迁入/迁出 — a cadre's management coming to this bureau or going to another (SPEC §10).
package enum TransferDirection: String, ClosedSet {
  case inward = "迁入"
  case outward = "迁出"
}
