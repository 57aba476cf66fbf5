import Foundation
import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// The items paid after a death, as an SQL list.
  static let afterDeathItems = BenefitItem.allCases.filter(\.followsDeath).map { "'\($0.rawValue)'" }
    .joined(separator: ", ")

  /// `laogan check` (SPEC §6): audits the data as an auditor would. Personal information in the details is
  /// masked. `full` runs `PRAGMA integrity_check` (ten times slower) instead of `quick_check`.
  /// The file's own integrity is checked first: on a damaged file the data checks would stop at the first
  /// damaged page with SQLite's English, or read wrong rows and report them as data problems.
  /// `progress` is told each step as it starts — its name and how far the whole check has come (0 to 1) — so
  /// that a clerk watching a large file sees it move.
  public func check(
    full: Bool, today: CalendarDate = CalendarDate(Date()),
    progress: (_ step: String, _ fraction: Double) -> Void = { _, _ in }
  ) throws -> [Finding] {
    var step = 0
    func starting(_ name: String) {
      progress(name, Double(step) / Double(Self.checkSteps))
      step += 1
    }
    do {
      starting(full ? "integrity_check" : "quick_check")
      let integrity = try readFindingDamage {
        try $0.values(String.self, sql: SQLDialect.integrityCheck(full: full))
      }
      guard integrity == ["ok"] else { return [.damaged(integrity.prefix(5).joined(separator: "；"))] }
      let findings = try dataFindings(today: today, starting: starting)
      assert(step == Self.checkSteps, "check ran \(step) steps, checkSteps says \(Self.checkSteps)")
      progress("", 1)
      return findings
    } catch let damage as FileDamage {
      return [.damaged(damage.detail)]
    }
  }

  /// The steps of a check: the file's integrity, the 身份证号, each query below, and four groups of findings.
  static let checkSteps = 23

  private func dataFindings(today: CalendarDate, starting: (String) -> Void) throws -> [Finding] {
    try readFindingDamage { db in
      var findings: [Finding] = []
      func add(_ kind: FindingKind, _ sql: String, detail: (SQLRow) -> String) throws {
        starting(kind.rawValue)
        for row in try db.rows(sql: sql) {
          findings.append(Finding(kind: kind, record: row["record"], detail: detail(row)))
        }
      }
      starting("invalid_resident_id")
      for row in try db.rows(
        sql: "SELECT id, name, resident_id, sex, born_on FROM cadre WHERE \(RecordSQL.inForce()) ORDER BY id")
      {
        let stored: String = row["resident_id"]
        let record = "cadre \(row["id"] as Int64)"
        guard let id = try? ResidentID(stored) else {
          findings.append(
            Finding(
              kind: .invalidResidentID, record: record,
              detail: "\(row["name"] as String) \(Masking.residentID(stored))"))
          continue
        }
        if id.sex.rawValue != row["sex"] as String || id.birthDate.description != row["born_on"] as String {
          findings.append(
            Finding(
              kind: .residentIDMismatch, record: record,
              detail: "\(row["name"] as String)：性别或出生日期与身份证号不符"))
        }
      }
      try add(
        .possibleDuplicate,
        """
        SELECT 'cadre ' || \(SQLDialect.joined("id")) AS record, name, born_on FROM cadre WHERE \(RecordSQL.inForce())
        GROUP BY name, born_on HAVING COUNT(*) > 1 ORDER BY MIN(id)
        """
      ) { row in
        "\(row["name"] as String)（\(row["born_on"] as String)）有多条记录"
      }
      try add(
        .paidAfterDeath,
        """
        SELECT 'payment ' || p.id AS record, c.name, c.died_on, p.item, COALESCE(CAST(p.paid_on AS TEXT), p.month) AS day
        FROM payment p JOIN cadre c ON c.id = p.cadre_id
        WHERE \(RecordSQL.inForce("p")) AND c.died_on IS NOT NULL AND \(PaymentSQL.paidOn("p")) > c.died_on
          AND p.item NOT IN (\(Self.afterDeathItems))
        ORDER BY p.id
        """
      ) { row in
        "\(row["name"] as String) 于 \(row["died_on"] as String) 去世，\(row["day"] as String) 仍发放\(row["item"] as String)"
      }
      /// Whether the cadre `c` has a payment in force of `item`.
      func paid(_ item: BenefitItem) -> String {
        "EXISTS (SELECT 1 FROM payment p WHERE p.cadre_id = c.id AND p.item = '\(item.rawValue)' AND \(RecordSQL.inForce("p")))"
      }
      try add(
        .survivorPaymentWhileAlive,
        """
        SELECT 'payment ' || p.id AS record, c.name, p.item, COALESCE(CAST(p.paid_on AS TEXT), p.month) AS day
        FROM payment p JOIN cadre c ON c.id = p.cadre_id
        WHERE \(RecordSQL.inForce("p")) AND p.item IN (\(Self.afterDeathItems))
          AND \(CadreSQL.alive("c", on: PaymentSQL.paidOn("p")))
        ORDER BY p.id
        """
      ) { row in
        "\(row["name"] as String) 在 \(row["day"] as String) 尚未去世，却发放\(row["item"] as String)"
      }
      try add(
        .deathUnsettled,
        """
        SELECT record, name, died_on, funeral FROM (
          SELECT c.id, 'cadre ' || c.id AS record, c.name, c.died_on,
                 \(paid(.funeralGrant)) AS funeral, \(paid(.lumpSumPension)) AS pension
          FROM cadre c
          WHERE \(RecordSQL.inForce("c")) AND c.died_on IS NOT NULL AND c.died_on <= \(SQLDialect.shifted("'\(today)'", by: -60, .days))
            AND \(ManagedRule.sql("c", onEach: "c.died_on"))) AS death
        WHERE NOT (funeral AND pension)
        ORDER BY died_on, id
        """
      ) { row in
        "\(row["name"] as String) 于 \(row["died_on"] as String) 去世，未发放" + (row["funeral"] ? "一次性抚恤金" : "丧葬费等")
      }
      try add(
        .scheduledPaidTwice,
        """
        SELECT 'payment ' || \(SQLDialect.joined("p.id")) AS record, c.name, p.item, p.month FROM payment p
        JOIN cadre c ON c.id = p.cadre_id
        WHERE \(RecordSQL.inForce("p")) AND p.month IS NOT NULL AND p.item IN ('特需费', '生活费', '高龄补贴')
        GROUP BY p.cadre_id, c.name, p.item, p.month HAVING COUNT(*) > 1 ORDER BY MIN(p.id)
        """
      ) { row in
        "\(row["name"] as String) \(row["month"] as String) 的\(row["item"] as String)发放了多次"
      }
      try add(
        .longevityBelowTier,
        """
        SELECT 'payment ' || p.id AS record, c.name, p.month, p.amount_fen, r.monthly_fen FROM payment p
        JOIN cadre c ON c.id = p.cadre_id
        JOIN benefit_rule r ON r.item = '高龄补贴' AND \(RecordSQL.inForce("r")) AND r.from_month <= p.month
          AND (r.to_month IS NULL OR r.to_month >= p.month)
        WHERE \(RecordSQL.inForce("p")) AND p.item = '高龄补贴' AND p.month IS NOT NULL AND p.amount_fen < r.monthly_fen
          AND (r.min_age IS NULL OR \(Self.ageAtMonthEnd) >= r.min_age)
          AND (r.max_age IS NULL OR \(Self.ageAtMonthEnd) <= r.max_age)
        ORDER BY p.id
        """
      ) { row in
        "\(row["name"] as String) \(row["month"] as String) 高龄补贴 \(Fen(row["amount_fen"])) 元，"
          + "低于其年龄段标准 \(Fen(row["monthly_fen"])) 元"
      }
      try add(
        .hospitalStayOverlap,
        """
        SELECT 'hospital_stay ' || a.id || ',' || b.id AS record, c.name, a.admitted_on AS first, b.admitted_on AS second
        FROM hospital_stay a JOIN hospital_stay b ON b.cadre_id = a.cadre_id AND b.id > a.id
        JOIN cadre c ON c.id = a.cadre_id
        WHERE \(RecordSQL.inForce("a")) AND \(RecordSQL.inForce("b"))
          AND a.admitted_on <= COALESCE(b.discharged_on, '9999-12-31')
          AND b.admitted_on <= COALESCE(a.discharged_on, '9999-12-31')
        ORDER BY a.id, b.id
        """
      ) { row in
        "\(row["name"] as String) \(row["first"] as String) 与 \(row["second"] as String) 入院的两次住院时间重叠"
      }
      let day = "'\(today)'"
      try add(
        .tripOverdue,
        """
        SELECT 'trip ' || t.id AS record, c.name, t.destination, t.planned_return_on
        FROM trip t JOIN cadre c ON c.id = t.cadre_id
        WHERE \(AbroadSQL.overdue("t", on: day)) AND \(CadreSQL.onRoll("c", on: day))
        ORDER BY t.planned_return_on, t.id
        """
      ) { row in
        "\(row["name"] as String) 前往\(row["destination"] as String)，计划 \(row["planned_return_on"] as String) 返回，未登记返回"
      }
      try add(
        .permitNotReturned,
        """
        SELECT 'permit ' || p.id AS record, c.name, p.kind, p.number, t.returned_on
        \(AbroadSQL.unreturned(on: day, grace: PermitLoan.graceDays))
        ORDER BY t.returned_on, p.id
        """
      ) { row in
        "\(row["name"] as String) 的\(row["kind"] as String) \(row["number"] as String) 在 \(row["returned_on"] as String) 返回后仍未交回"
      }
      try add(
        .memberWithoutOrganization,
        """
        SELECT 'cadre ' || c.id AS record, c.name FROM cadre c
        WHERE \(RecordSQL.inForce("c")) AND c.died_on IS NULL AND c.party_member = 1
          AND \(ManagedRule.sql("c", on: "'\(today)'"))
          AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.cadre_id = c.id AND m.left_on IS NULL)
        ORDER BY c.id
        """
      ) { row in "党员 \(row["name"] as String) 没有所在党组织" }
      try add(
        .nonMemberInOrganization,
        """
        SELECT 'cadre ' || c.id AS record, c.name, o.name AS organization FROM cadre c
        JOIN membership m ON m.cadre_id = c.id AND m.left_on IS NULL JOIN party_organization o ON o.id = m.organization_id
        WHERE \(RecordSQL.inForce("c")) AND c.party_member = 0
        ORDER BY c.id
        """
      ) { row in "\(row["name"] as String) 党员为“否”，却在党组织“\(row["organization"] as String)”中" }
      try add(
        .organizationWithoutMembers,
        """
        SELECT 'organization ' || o.id AS record, o.name FROM party_organization o
        WHERE \(RecordSQL.inForce("o")) AND o.dissolved_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM membership m JOIN cadre c ON c.id = m.cadre_id
                          WHERE m.organization_id = o.id AND m.left_on IS NULL AND c.died_on IS NULL)
        ORDER BY o.id
        """
      ) { row in "\(row["name"] as String) 没有党员" }
      // SQLite's own check of every foreign key: a row a tool other than laogan wrote with its checks off. A
      // table without rowids (the participants) is named by itself.
      try add(
        .foreignKeyBroken,
        """
        SELECT "table" || COALESCE(' ' || rowid, '') AS record, "table" AS child, parent
        FROM \(SQLDialect.brokenForeignKeys) ORDER BY "table", rowid
        """
      ) { row in
        let (child, parent): (String, String) = (row["child"], row["parent"])
        return "\(Finding.label(of: child))中的一条指向不存在的\(Finding.label(of: parent))"
      }
      try add(
        .orphanedParticipant,
        """
        SELECT 'participant ' || p.event_table || ' ' || p.event_id AS record, p.event_table, p.event_id,
               COUNT(*) AS cadres
        FROM participant p
        WHERE NOT EXISTS (SELECT 1 FROM activity e WHERE p.event_table = 'activity' AND e.id = p.event_id)
          AND NOT EXISTS (SELECT 1 FROM treatment_event e WHERE p.event_table = 'treatment_event' AND e.id = p.event_id)
          AND NOT EXISTS (SELECT 1 FROM contribution e WHERE p.event_table = 'contribution' AND e.id = p.event_id)
          AND NOT EXISTS (SELECT 1 FROM meeting e WHERE p.event_table IN ('meeting', 'meeting_leave') AND e.id = p.event_id)
        GROUP BY p.event_table, p.event_id ORDER BY p.event_table, p.event_id
        """
      ) { row in
        "\(row["event_table"] as String) \(row["event_id"] as Int64) 已不存在，仍列有 \(row["cadres"] as Int) 名参与干部"
      }
      try add(
        .duesFromNonMember,
        """
        SELECT 'dues ' || d.id AS record, c.name, d.month, c.joined_party_on, c.died_on, c.party_member,
          COALESCE(\(DuesMonths.joinedSQL("c", month: "d.month")), TRUE) AS joined
        FROM dues_payment d JOIN cadre c ON c.id = d.cadre_id
        WHERE \(RecordSQL.inForce("d")) AND NOT (\(DuesMonths.sql("c", month: "d.month")))
        ORDER BY d.id
        """
      ) { row in
        let (name, month): (String, String) = (row["name"], row["month"])
        if (row["party_member"] as Int) == 0 { return "\(name) 不是党员，却有 \(month) 的党费" }
        if !(row["joined"] as Bool) { return "\(name) 于 \(row["joined_party_on"] as String) 入党，却有 \(month) 的党费" }
        return "\(name) 于 \(row["died_on"] as String) 去世，却有 \(month) 的党费"
      }
      starting("branch_without_secretary")
      findings += try Self.officerFindings(today: today, db)
      starting("party_life_short")
      findings += try Self.partyLifeFindings(today: today, db)
      starting("absent_six_months")
      findings += try LaoganDatabase.absentMembers(region: .prefecture, on: today, months: 6, db).map { member in
        Finding(
          kind: .absentSixMonths, record: "cadre \(member.cadreID)",
          detail: "\(member.name)（\(member.organization)）连续 6 个月既未出席也未请假")
      }
      starting("fund_below_zero")
      findings += try Self.fundFindings(db)
      starting("references_voided")
      findings += try Self.voidedReferenceFindings(db)
      starting("key_collision")
      findings += try Self.keyCollisionFindings(db)
      return findings
    }
  }

  /// The 党支部 that keep their meetings in laogan (one recorded in the year up to the quarter's end) and held no
  /// 支部党员大会 or no 党课 in the last whole quarter before today (SPEC §16). A branch whose meetings are not
  /// recorded is not named: the check would otherwise list every branch of a bureau that keeps no meetings
  /// here, or stopped keeping them.
  private static func partyLifeFindings(today: CalendarDate, _ db: any SQLSession) throws -> [Finding] {
    let thisQuarter = Month(valid: today.year, (today.month - 1) / 3 * 3 + 1)
    let last = Period(
      from: Month(index: thisQuarter.index - 3).firstDay, to: Month(index: thisQuarter.index - 1).lastDay)
    let recording = Set(
      try db.values(
        Int64.self,
        sql: """
          SELECT DISTINCT organization_id FROM meeting
          WHERE \(RecordSQL.inForce()) AND held_on > ? AND held_on <= ?
          """, arguments: [last.to.months(earlier: 12), last.to]))
    let quarter = PartyLifeRule.quarterly.period(of: last.from)
    return try LaoganDatabase.branchPartyLife(region: .prefecture, period: last, today: today, db).compactMap {
      branch in
      guard recording.contains(branch.organizationID) else { return nil }
      let short = [MeetingType.generalMeeting, .partyLesson].filter { branch.missing[$0]?.isEmpty == false }
      guard !short.isEmpty else { return nil }
      return Finding(
        kind: .partyLifeShort, record: "organization \(branch.organizationID)",
        detail: "\(branch.name) \(quarter) 没有开\(short.map(\.rawValue).joined(separator: "、"))")
    }
  }

  /// Active organizations with no 书记 today, and those whose term ran out before today (SPEC §11).
  private static func officerFindings(today: CalendarDate, _ db: any SQLSession) throws -> [Finding] {
    let organizations = try db.records(
      PartyOrganization.self, sql: "SELECT \(PartyOrganization.selection) FROM party_organization ORDER BY id"
    ).filter { $0.isActive(on: today) }
    var findings: [Finding] = []
    for organization in organizations where organization.secretaryID == nil {
      findings.append(
        Finding(
          kind: .branchWithoutSecretary, record: "organization \(organization.id ?? 0)",
          detail: "\(organization.name) 没有现任书记"))
    }
    for organization in organizations {
      guard let end = organization.termEndsOn, end < today else { continue }
      findings.append(
        Finding(
          kind: .electionOverdue, record: "organization \(organization.id ?? 0)",
          detail: "\(organization.name) 于 \(organization.electedOn?.description ?? "") 换届，任期已于 \(end) 届满"))
    }
    return findings
  }

  /// The day the running balance of the hardship fund first fell below zero, if it did.
  private static func fundFindings(_ db: any SQLSession) throws -> [Finding] {
    guard let overdraft = try FundLedger.firstOverdraft(db) else { return [] }
    return [
      Finding(
        kind: .fundBelowZero, record: "fund", detail: "帮扶基金余额在 \(overdraft.day) 降到 \(overdraft.balance) 元")
    ]
  }

  /// A cadre's age on the last day of payment `p`'s month.
  private static var ageAtMonthEnd: String {
    CadreSQL.age(born: "c.born_on", on: MonthSQL.lastDay("p.month"))
  }
}
