import Foundation
import LaoganModel

/// What `laogan check` can find: the catalogue of findings, each under a key scripts read
/// (`invalid_resident_id` …) with the name a clerk reads on paper, what to do and how much it matters, in the
/// order summaries list them. The manual explains every one (a test holds it to this list); a new kind of finding
/// is a new case here, or nothing compiles.
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
    case .duesFromNonMember: "收了不应缴的党费"
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
  /// What to do about it, as `check` prints it beside each finding.
  public var hint: String {
    switch self {
    case .invalidResidentID: "身份证号不符合 GB 11643，请核对原件后 cadre edit"
    case .residentIDMismatch: "以身份证号为准修改性别或出生日期"
    case .possibleDuplicate: "同名同生日的多条记录可能是重复登记；确属重复的用 cadre void 作废"
    case .paidAfterDeath: "核实后追回或作废（benefit void）"
    case .scheduledPaidTwice: "同一人同一月的按月项目只应发放一次；多出的作废"
    case .longevityBelowTier: "按其当月年龄段的标准补发差额"
    case .memberWithoutOrganization: "用 org join 编入党组织"
    case .organizationWithoutMembers: "编入党员，或已撤销的登记撤销日期"
    case .fundBelowZero: "补登拨入，或核对该日前后的困难帮扶发放"
    case .orphanedParticipant: "这些参与记录所属的事件已不存在（旧版本撤销留下的）；核对后可在 sqlite3 中删除"
    case .branchWithoutSecretary: "用 officer add 或 org edit 书记=身份证号 登记书记"
    case .electionOverdue: "组织换届后用 org edit 换届日期=… 登记"
    case .duesFromNonMember: "核对党员信息；确属误收的作废（dues void）并退还"
    case .deathUnsettled: "去世 60 天后仍未发放丧葬费或一次性抚恤金：核实后按领取人登记发放"
    case .survivorPaymentWhileAlive: "干部尚健在：去世日期漏登则 cadre die 补登，否则作废此笔发放"
    case .hospitalStayOverlap: "同一人的两次住院时间重叠：核对入院、出院日期，重复登记的用 hospital-stay void 作废"
    case .duplicateAcrossFiles: "合并报表中各文件各计一次；核实此人由哪个地区管理，在其他文件中 cadre void 作废"
    case .databaseDamaged: "立即用最近的备份 restore，并保留现有文件供分析（不要再写入，损坏的文件也不能备份）"
    case .referencesVoided: "核实后作废这条记录（void），或结束其组织关系（org leave）；确属误作废的用 undo 撤销那次作废"
    case .keyCollision: "保留一条，把其余记录的成员与引用改到这一条后作废（void）"
    case .nonMemberInOrganization: "是党员的改为 党员=是；不是党员的清空所在党组织（或 org leave）"
    case .absentSixMonths: "由支部了解情况、谈心谈话；名单见 laogan report absent"
    case .partyLifeShort: "补开后用 meeting add 登记；已开未登记的补登"
    case .tripOverdue: "已返回的用 trip edit 补登实际返回日期；仍在外的联系本人或家属"
    case .permitNotReturned: "证照应在返回后 \(PermitLoan.graceDays) 天内交回；交回后用 permit return 登记"
    case .foreignKeyBroken: "文件被 laogan 以外的工具改过：用最近的备份核对，请技术人员处理"
    }
  }

  /// How much it matters (`FindingSeverity`).
  public var severity: FindingSeverity {
    switch self {
    case .orphanedParticipant, .databaseDamaged, .foreignKeyBroken: .damage
    case .invalidResidentID, .residentIDMismatch, .paidAfterDeath, .scheduledPaidTwice, .longevityBelowTier,
      .memberWithoutOrganization, .fundBelowZero, .duesFromNonMember, .survivorPaymentWhileAlive, .hospitalStayOverlap,
      .duplicateAcrossFiles, .referencesVoided, .keyCollision, .nonMemberInOrganization:
      .error
    case .possibleDuplicate, .organizationWithoutMembers, .branchWithoutSecretary, .electionOverdue, .deathUnsettled,
      .absentSixMonths, .partyLifeShort, .tripOverdue, .permitNotReturned:
      .followUp
    }
  }
}

/// How much a finding matters: a damaged file most, then figures that stay wrong in every report until the
/// records are put right, then work to follow up on records that are right.
public enum FindingSeverity: String, CaseIterable, Sendable, Codable {
  case damage
  case error
  case followUp = "follow_up"

  /// As the manual and a clerk name it.
  public var label: String {
    switch self {
    case .damage: "文件损坏"
    case .error: "数据有误"
    case .followUp: "待办"
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
  /// The kind's hint and severity, kept with each finding so that its JSON says them.
  public let hint: String
  public let severity: FindingSeverity
  /// The merged file it was found in (`check --merge`); absent for one database and for findings across files.
  public package(set) var file: String?

  package init(kind: FindingKind, record: String, detail: String, file: String? = nil) {
    self.kind = kind
    self.record = record
    self.detail = detail
    hint = kind.hint
    severity = kind.severity
    self.file = file
  }

  /// The file is damaged: what SQLite said, and what to do.
  public static func damaged(_ detail: String) -> Finding {
    Finding(
      kind: .databaseDamaged, record: "database", detail: detail)
  }
}
