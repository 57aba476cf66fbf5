import LaoganModel
import LaoganStore

/// The indicators of the "323" report, in the order and under the keys of SPEC §5, with their counting rules.
enum Indicators323 {
  struct Group: Sendable {
    let title: String
    let indicators: [IndicatorDefinition]
  }

  static let groups: [Group] = [
    Group(
      title: "三项建设 · 政治建设",
      indicators: [
        IndicatorDefinition(
          key: "construction.political.cadres", label: "离退休干部总数", unit: "人",
          source: .rows(table: "cadre", condition: cadresOnLastDay, measure: "COUNT(*)")),
        activity("construction.political.study_sessions", "政治学习", "次", kind: .politicalStudy),
      ]),
    Group(
      title: "三项建设 · 思想建设",
      indicators: [
        activity("construction.ideological.training_classes", "示范培训班", "期", kind: .trainingClass),
        activity(
          "construction.ideological.training_person_times", "培训人次", "人次", kind: .trainingClass,
          measure: personTimes("activity")),
        activity("construction.ideological.surveys", "调研", "次", kind: .survey),
        activity("construction.ideological.home_deliveries", "送学上门", "次", kind: .homeDelivery),
        activity("construction.ideological.lectures", "主题宣讲", "场", kind: .lecture),
        activity("construction.ideological.lectures_agency", "其中：进机关", "场", kind: .lecture, place: .agency),
        activity("construction.ideological.lectures_community", "其中：进社区", "场", kind: .lecture, place: .community),
        activity("construction.ideological.lectures_enterprise", "其中：进企业", "场", kind: .lecture, place: .enterprise),
        activity("construction.ideological.lectures_village", "其中：进农村", "场", kind: .lecture, place: .village),
        activity(
          "construction.ideological.lecture_audience", "宣讲受众", "人次", kind: .lecture, measure: "SUM(activity.audience)"),
      ]),
    Group(
      title: "三项建设 · 组织建设",
      indicators: [
        organization("construction.organizational.party_organizations", "离退休干部党组织", extra: ""),
        organization(
          "construction.organizational.remote_branches", "异地党支部", extra: " AND party_organization.off_site = 1"),
        organization(
          "construction.organizational.model_branches_prefecture", "州级示范党支部", extra: modelBranch(.prefecture)),
        organization("construction.organizational.model_branches_county", "县级示范党支部", extra: modelBranch(.county)),
        IndicatorDefinition(
          key: "construction.organizational.party_members", label: "离退休干部党员", unit: "人",
          source: .rows(
            table: "cadre",
            condition: { scope in
              cadresOnLastDay(scope) + " AND " + CadreSQL.partyMember(on: ":to")
            }, measure: "COUNT(*)")),
        IndicatorDefinition(
          key: "construction.organizational.associations", label: "涉老社团", unit: "个",
          source: .rows(table: "association", condition: { active("association", $0) }, measure: "COUNT(*)")),
      ]),
    Group(title: "两项待遇 · 政治待遇", indicators: politicalTreatment),
    Group(title: "两项待遇 · 生活待遇", indicators: livingTreatment),
    Group(title: "三大优势 · 发挥作用", indicators: contributions),
    Group(title: "三大优势 · 先进典型与阵地", indicators: honorsAndVenues),
  ]

  static let all: [IndicatorDefinition] = groups.flatMap(\.indicators)

  // MARK: - Counting rules (SPEC §5)

  /// Alive on the last day and retired on or before it.
  static let cadresOnLastDay: @Sendable (ReportScope) -> String = { scope in
    CadreSQL.onRoll(on: ":to") + " AND " + scope.region("cadre.region_code")
  }

  /// Established on or before the last day (or undated) and not dissolved by it.
  static func active(_ table: String, _ scope: ReportScope) -> String {
    """
    \(RecordSQL.inForce(table)) AND (\(table).established_on IS NULL OR \(table).established_on <= :to) \
    AND (\(table).dissolved_on IS NULL OR \(table).dissolved_on > :to) AND \(scope.region("\(table).region_code"))
    """
  }

  /// Dated inside the period.
  static func inPeriod(_ table: String, _ dateColumn: String, _ scope: ReportScope) -> String {
    """
    \(RecordSQL.inForce(table)) AND \(table).\(dateColumn) BETWEEN :from AND :to \
    AND \(scope.region("\(table).region_code"))
    """
  }

  /// The cadres listed, or the 人次 cell when none are listed.
  static func personTimes(_ table: String) -> String {
    """
    SUM(COALESCE(NULLIF((SELECT COUNT(*) FROM participant p WHERE p.event_table = '\(table)' \
    AND p.event_id = \(table).id), 0), \(table).person_times, 0))
    """
  }

  static func modelBranch(_ level: ModelLevel) -> String {
    " AND party_organization.model_level = '\(level.rawValue)'"
      + " AND (party_organization.named_on IS NULL OR party_organization.named_on <= :to)"
  }

  static func activity(
    _ key: String, _ label: String, _ unit: String, kind: ActivityType, place: ActivityPlace? = nil,
    measure: String = "COUNT(*)"
  ) -> IndicatorDefinition {
    let placeCondition = place.map { " AND activity.place = '\($0.rawValue)'" } ?? ""
    return IndicatorDefinition(
      key: key, label: label, unit: unit,
      source: .rows(
        table: "activity",
        condition: { inPeriod("activity", "held_on", $0) + " AND activity.kind = '\(kind.rawValue)'" + placeCondition },
        measure: measure))
  }

  static func organization(_ key: String, _ label: String, extra: String) -> IndicatorDefinition {
    IndicatorDefinition(
      key: key, label: label, unit: "个",
      source: .rows(
        table: "party_organization", condition: { active("party_organization", $0) + extra }, measure: "COUNT(*)"))
  }

  static let politicalTreatment: [IndicatorDefinition] = TreatmentType.allCases.flatMap { kind in
    let condition: @Sendable (ReportScope) -> String = {
      inPeriod("treatment_event", "held_on", $0) + " AND treatment_event.kind = '\(kind.rawValue)'"
    }
    return [
      IndicatorDefinition(
        key: "treatment.political.\(kind.reportKey).events", label: kind.rawValue, unit: "次",
        source: .rows(table: "treatment_event", condition: condition, measure: "COUNT(*)")),
      IndicatorDefinition(
        key: "treatment.political.\(kind.reportKey).person_times", label: "\(kind.rawValue)人次", unit: "人次",
        source: .rows(table: "treatment_event", condition: condition, measure: personTimes("treatment_event"))),
    ]
  }

  static let livingTreatment: [IndicatorDefinition] =
    BenefitItem.livingTreatment.flatMap { item in
      let condition: @Sendable (ReportScope) -> String = { scope in
        """
        \(RecordSQL.inForce("payment")) AND payment.item = '\(item.rawValue)' \
        AND \(PaymentSQL.countedOn()) BETWEEN :from AND :to AND \(scope.cadreRegion("payment.cadre_id"))
        """
      }
      let key = "treatment.living.\(item.reportKey)"
      return [
        IndicatorDefinition(
          key: "\(key).persons", label: "\(item.rawValue)人数", unit: "人",
          source: .rows(table: "payment", condition: condition, measure: "COUNT(DISTINCT payment.cadre_id)")),
        IndicatorDefinition(
          key: "\(key).person_times", label: "\(item.rawValue)人次", unit: "人次",
          source: .rows(table: "payment", condition: condition, measure: "COUNT(*)")),
        IndicatorDefinition(
          key: "\(key).amount_fen", label: "\(item.rawValue)金额", unit: "元",
          source: .rows(table: "payment", condition: condition, measure: "SUM(payment.amount_fen)")),
      ]
    } + [
      IndicatorDefinition(
        key: "treatment.living.health_checks", label: "健康体检", unit: "人",
        source: .rows(
          table: "health_check",
          condition: { scope in
            "\(RecordSQL.inForce("health_check")) AND health_check.checked_on BETWEEN :from AND :to AND "
              + scope.cadreRegion("health_check.cadre_id")
          }, measure: "COUNT(DISTINCT health_check.cadre_id)")),
      IndicatorDefinition(
        key: "treatment.living.green_channel_cards", label: "就医绿色通道卡（有效）", unit: "张",
        source: .rows(
          table: "green_card",
          condition: { scope in
            """
            \(RecordSQL.inForce("green_card")) AND green_card.issued_on <= :to \
            AND (green_card.expires_on IS NULL OR green_card.expires_on >= :to) AND \
            \(scope.cadreRegion("green_card.cadre_id"))
            """
          }, measure: "COUNT(*)")),
      IndicatorDefinition(
        key: "treatment.living.hardship_fund_balance_fen", label: "帮扶基金余额", unit: "元", source: .fundBalance),
    ]

  static let contributions: [IndicatorDefinition] =
    ContributionArea.allCases.flatMap { area in
      let condition: @Sendable (ReportScope) -> String = {
        inPeriod("contribution", "done_on", $0) + " AND contribution.area = '\(area.rawValue)'"
      }
      let key = "advantage.contributions.\(area.reportKey)"
      return [
        IndicatorDefinition(
          key: "\(key).events", label: area.rawValue, unit: "次",
          source: .rows(table: "contribution", condition: condition, measure: "COUNT(*)")),
        IndicatorDefinition(
          key: "\(key).person_times", label: "\(area.rawValue)人次", unit: "人次",
          source: .rows(table: "contribution", condition: condition, measure: personTimes("contribution"))),
      ]
    }
    + Advantage.allCases.map { advantage in
      IndicatorDefinition(
        key: "advantage.contributions.by_advantage.\(advantage.reportKey)", label: "发挥\(advantage.rawValue)优势",
        unit: "次",
        source: .rows(
          table: "contribution",
          condition: {
            inPeriod("contribution", "done_on", $0) + " AND contribution.advantage = '\(advantage.rawValue)'"
          },
          measure: "COUNT(*)"))
    }

  static let honorsAndVenues: [IndicatorDefinition] =
    HonorLevel.allCases.map { level in
      IndicatorDefinition(
        key: "advantage.honors.\(level.reportKey)", label: "\(level.rawValue)先进典型", unit: "个",
        source: .rows(
          table: "honor", condition: { inPeriod("honor", "awarded_on", $0) + " AND honor.level = '\(level.rawValue)'" },
          measure: "COUNT(*)"))
    }
    + VenueType.allCases.map { type in
      IndicatorDefinition(
        key: "advantage.venues.\(type.reportKey)", label: type.rawValue, unit: "个",
        source: .rows(
          table: "venue", condition: { active("venue", $0) + " AND venue.kind = '\(type.rawValue)'" },
          measure: "COUNT(*)"))
    } + [
      IndicatorDefinition(
        key: "advantage.venues.open_to_public", label: "向社会老年人开放的阵地", unit: "个",
        source: .rows(
          table: "venue", condition: { active("venue", $0) + " AND venue.open_to_public = 1" }, measure: "COUNT(*)"))
    ]
}

extension TreatmentType {
  var reportKey: String {
    switch self {
    case .documents: "documents"
    case .meetings: "meetings"
    case .studyTours: "study_tours"
    case .briefings: "briefings"
    case .publications: "publications"
    case .visits: "visits"
    }
  }
}

extension ContributionArea {
  var reportKey: String {
    switch self {
    case .policyPromotion: "policy_promotion"
    case .culture: "culture"
    case .disputeMediation: "dispute_mediation"
    case .nextGeneration: "next_generation"
    case .ruralRevitalization: "rural_revitalization"
    case .socialGovernance: "social_governance"
    case .civilizedCity: "civilized_city"
    }
  }
}

extension Advantage {
  var reportKey: String {
    switch self {
    case .political: "political"
    case .experience: "experience"
    case .prestige: "prestige"
    }
  }
}

extension HonorLevel {
  var reportKey: String {
    switch self {
    case .national: "national"
    case .provincial: "provincial"
    case .prefecture: "prefecture"
    case .county: "county"
    }
  }
}

extension VenueType {
  var reportKey: String {
    switch self {
    case .seniorUniversity: "senior_university"
    case .activityCenter: "activity_center"
    case .wulaoStudio: "wulao_studio"
    case .volunteerTeam: "volunteer_team"
    case .onlinePlatform: "online_platform"
    }
  }
}
