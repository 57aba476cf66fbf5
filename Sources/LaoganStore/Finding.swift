import Foundation

/// What `laogan check` can find, each under a key scripts read (`invalid_resident_id` …) and the name a clerk
/// reads on paper, in the order summaries list them. The manual explains every one (a test holds it to this
/// list); a new kind of finding is a new case here, or nothing compiles.
public enum FindingKind: String, CaseIterable, Sendable, Codable {
  case invalidResidentID = "invalid_resident_id"
  case residentIDMismatch = "resident_id_mismatch"
  case possibleDuplicate = "possible_duplicate"
  case paidAfterDeath = "paid_after_death"
  case scheduledPaidTwice = "scheduled_paid_twice"
  case longevityBelowTier = "longevity_below_tier"
  case memberWithoutOrganization = "member_without_organization"
  case organizationWithoutMembers = "organization_without_members"
  case fundBelowZero = "fund_below_zero"
  case orphanedParticipant = "orphaned_participant"
  case branchWithoutSecretary = "branch_without_secretary"
  case electionOverdue = "election_overdue"
  case duesFromNonMember = "dues_from_non_member"
  case deathUnsettled = "death_unsettled"
  case survivorPaymentWhileAlive = "survivor_payment_while_alive"
  case hospitalStayOverlap = "hospital_stay_overlap"
  case duplicateAcrossFiles = "duplicate_across_files"
  case databaseDamaged = "database_damaged"
  case referencesVoided = "references_voided"
  case keyCollision = "key_collision"
  case nonMemberInOrganization = "non_member_in_organization"
  case absentSixMonths = "absent_six_months"
  case partyLifeShort = "party_life_short"
  case tripOverdue = "trip_overdue"
  case permitNotReturned = "permit_not_returned"
  case foreignKeyBroken = "foreign_key_broken"

  /// The kind as a clerk reads it (疑似重复登记).
  public var label: String {
    switch self {
    case .invalidResidentID: "身份证号无效"
    case .residentIDMismatch: "性别或出生日期与身份证号不符"
    case .possibleDuplicate: "疑似重复登记"
    case .paidAfterDeath: "去世后仍有发放"
    case .scheduledPaidTwice: "按月项目重复发放"
    case .longevityBelowTier: "高龄补贴低于标准"
    case .memberWithoutOrganization: "党员没有所在党组织"
    case .organizationWithoutMembers: "党组织没有党员"
    case .fundBelowZero: "帮扶基金余额为负"
    case .orphanedParticipant: "参与记录所属事件已不存在"
    case .branchWithoutSecretary: "党组织没有现任书记"
    case .electionOverdue: "任期已满未换届"
    case .duesFromNonMember: "收了非党员的党费"
    case .deathUnsettled: "去世后待遇未发放"
    case .survivorPaymentWhileAlive: "遗属待遇发给了在世干部"
    case .hospitalStayOverlap: "住院时间重叠"
    case .duplicateAcrossFiles: "几个文件重复登记"
    case .databaseDamaged: "数据库文件损坏"
    case .referencesVoided: "引用了已作废的记录"
    case .keyCollision: "名称或卡号有两种写法"
    case .nonMemberInOrganization: "非党员在党组织中"
    case .absentSixMonths: "连续六个月未参加组织生活"
    case .partyLifeShort: "上季度缺支部党员大会或党课"
    case .tripOverdue: "出国(境)逾期未归"
    case .permitNotReturned: "证照逾期未交回"
    case .foreignKeyBroken: "记录指向不存在的记录"
    }
  }
}

/// One thing `laogan check` found, with the record it is about and what to do.
public struct Finding: Sendable, Equatable, Codable {
  /// A stable key for scripts: `invalid_resident_id`, `paid_after_death` …
  public let kind: FindingKind
  /// The record, as `cadre 12`, `payment 345`.
  public let record: String
  public let detail: String
  public let hint: String
  /// The merged file it was found in (`check --merge`); absent for one database and for findings across files.
  public package(set) var file: String?

  package init(kind: FindingKind, record: String, detail: String, hint: String, file: String? = nil) {
    self.kind = kind
    self.record = record
    self.detail = detail
    self.hint = hint
    self.file = file
  }

  /// The file is damaged: what SQLite said, and what to do.
  public static func damaged(_ detail: String) -> Finding {
    Finding(
      kind: .databaseDamaged, record: "database", detail: detail,
      hint: "立即用最近的备份 restore，并保留现有文件供分析（不要再写入，损坏的文件也不能备份）")
  }
}
