import GRDB

/// What the 支部工作条例 asks of a 党支部's Party life (SPEC §16), meeting type by type: a 支部党员大会 and a 党课
/// each quarter; a 支委会 each month where the branch has a committee (an officer in force besides the 书记);
/// a 主题党日 each month; a 党小组会 each month where the branch has 党小组 — which laogan does not record, so a
/// branch that holds any 党小组会 in the period is taken to have them.
enum PartyLifeRule {
  case quarterly, monthly

  static func of(_ kind: MeetingType) -> PartyLifeRule {
    kind == .generalMeeting || kind == .partyLesson ? .quarterly : .monthly
  }

  /// The meeting types a whole branch attends, on which a member's attendance is counted.
  static let wholeBranch: Set<MeetingType> = [.generalMeeting, .partyLesson, .themedDay]

  /// The periods of `months` the rule asks a meeting in: each month, or each quarter one of them falls in,
  /// named as a clerk writes them (`2026-04`, `2026Q2`).
  func periods(_ months: [Month]) -> [String] {
    switch self {
    case .monthly: months.map(\.description)
    case .quarterly:
      months.map { "\($0.year)Q\(($0.month - 1) / 3 + 1)" }.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }
  }

  func period(of day: CalendarDate) -> String {
    periods([Month(day)])[0]
  }
}

extension MeetingType {
  /// The name a column of what is asked goes by (大会应开).
  var shortName: String {
    switch self {
    case .generalMeeting: "大会"
    case .themedDay: "党日"
    default: rawValue
    }
  }
}

/// One 党支部's meetings over a span of months against the rule.
struct BranchPartyLife: Sendable {
  let organizationID: Int64
  let name: String
  let regionCode: String
  /// Per type: the meetings held, and the periods the rule asks one in that had none.
  var held: [MeetingType: Int] = [:]
  var missing: [MeetingType: [String]] = [:]
  var required: [MeetingType: Int] = [:]
}

extension LaoganDatabase {
  /// The active 党支部 of `region` and their meetings in `period`, each type against the rule.
  static func branchPartyLife(region: Region, period: Period, _ db: Database) throws -> [BranchPartyLife] {
    let branches = try PartyOrganization.fetchAll(
      db,
      sql: """
        SELECT \(PartyOrganization.selection) FROM party_organization
        WHERE kind = '党支部' AND \(RecordSQL.inForce()) AND \(ReportScope(region: region).region("region_code"))
        ORDER BY region_code, name
        """
    ).filter { $0.isActive(on: period.to) }
    let meetings = Dictionary(
      grouping: try Row.fetchAll(
        db,
        sql: """
          SELECT organization_id, held_on, kind FROM meeting
          WHERE \(RecordSQL.inForce()) AND held_on BETWEEN ? AND ?
          """, arguments: [period.from, period.to]),
      by: { $0["organization_id"] as Int64 })
    let committees = Set(
      try Int64.fetchAll(
        db,
        sql: """
          SELECT DISTINCT organization_id FROM officer
          WHERE post <> '书记' AND \(RecordSQL.inForce()) AND (started_on IS NULL OR started_on <= ?)
            AND (ended_on IS NULL OR ended_on >= ?)
          """, arguments: [period.to, period.from]))
    let months = (Month(period.from).index...Month(period.to).index).map(Month.init(index:))
    return branches.map { branch in
      let id = branch.id ?? 0
      var life = BranchPartyLife(organizationID: id, name: branch.name, regionCode: branch.regionCode)
      let held = (meetings[id] ?? []).compactMap { row in
        MeetingType(rawValue: row["kind"]).map { ($0, row["held_on"] as CalendarDate) }
      }
      for kind in MeetingType.allCases {
        let days = held.filter { $0.0 == kind }.map(\.1)
        life.held[kind] = days.count
        let asked =
          switch kind {
          case .committee: committees.contains(id)
          case .groupMeeting: !days.isEmpty
          default: true
          }
        guard asked else { continue }
        let rule = PartyLifeRule.of(kind)
        let periods = rule.periods(months)
        let covered = Set(days.map(rule.period(of:)))
        life.required[kind] = periods.count
        life.missing[kind] = periods.filter { !covered.contains($0) }
      }
      return life
    }
  }

  /// `report party-life`: each 党支部's meetings by type against what the rule asks, the periods without one,
  /// and each member's attendance at the meetings the whole branch attends.
  public func partyLifeReport(region: Region, period: Period, organization: String?, generatedAt: String, reveal: Bool)
    throws -> ReportDocument
  {
    try read { db in
      var branches = try Self.branchPartyLife(region: region, period: period, db)
      if let organization {
        branches = branches.filter { $0.name == CellText.key(organization) }
        guard !branches.isEmpty else { throw LaoganError.recordNotFound(label: "党支部", reference: organization) }
      }
      let counted: [MeetingType] = [.generalMeeting, .partyLesson, .committee, .themedDay]
      let rows: [[ReportDocument.Cell]] = branches.map { branch in
        let shortfalls = (counted + [.groupMeeting]).compactMap { kind -> String? in
          guard let missing = branch.missing[kind], !missing.isEmpty else { return nil }
          let shown = missing.prefix(4).joined(separator: "、") + (missing.count > 4 ? " 等 \(missing.count) 期" : "")
          return "\(kind.rawValue) \(shown)"
        }
        return [.text(branch.name), .text(Region(named: branch.regionCode)?.displayName ?? branch.regionCode)]
          + counted.flatMap { kind in
            [.number(Int64(branch.held[kind] ?? 0)), branch.required[kind].map { .number(Int64($0)) } ?? .text("不要求")]
          } + [
            .number(Int64(branch.held[.groupMeeting] ?? 0)),
            .text(shortfalls.isEmpty ? "无" : shortfalls.joined(separator: "；")),
          ]
      }
      let headers =
        ["党支部", "地区"] + counted.flatMap { [$0.rawValue, "\($0.shortName)应开"] } + [
          MeetingType.groupMeeting.rawValue, "缺项",
        ]
      let attendance = try Self.memberAttendance(
        branches.map(\.organizationID), period: period, reveal: reveal, db)
      return ReportDocument(
        title: "党支部组织生活情况",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt)
          + ["支部党员大会、党课每季度至少 1 次；支委会（有支委的）、主题党日每月 1 次；党小组会每月（开了党小组会的支部）"],
        sections: [
          .init(
            title: "按党支部", headers: headers, rows: rows,
            notes: [
              "共 \(rows.count) 个党支部，\(branches.filter { $0.missing.values.contains { !$0.isEmpty } }.count) 个有缺项"
            ],
            combination: .list(total: false)),
          .init(
            title: "党员出勤（支部党员大会、党课、主题党日）",
            headers: ["党支部", "编号", "姓名", "身份证号", "应出席", "出席", "请假", "出勤率"], rows: attendance,
            combination: .list(total: false)),
        ])
    }
  }

  /// Each member of the organizations on the period's last day, with the whole-branch meetings of their
  /// organization held while they were a member: attended, excused, and the rate attended of those not excused.
  private static func memberAttendance(_ organizations: [Int64], period: Period, reveal: Bool, _ db: Database)
    throws -> [[ReportDocument.Cell]]
  {
    guard !organizations.isEmpty else { return [] }
    let kinds = PartyLifeRule.wholeBranch.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT o.name AS organization, c.id, c.name, c.resident_id,
          COUNT(g.id) AS due,
          COUNT(CASE WHEN EXISTS (SELECT 1 FROM participant p WHERE p.event_table = 'meeting' AND p.event_id = g.id
                                  AND p.cadre_id = c.id) THEN 1 END) AS attended,
          COUNT(CASE WHEN EXISTS (SELECT 1 FROM participant p WHERE p.event_table = 'meeting_leave'
                                  AND p.event_id = g.id AND p.cadre_id = c.id) THEN 1 END) AS excused
        FROM membership m JOIN cadre c ON c.id = m.cadre_id JOIN party_organization o ON o.id = m.organization_id
        LEFT JOIN meeting g ON g.organization_id = m.organization_id AND \(RecordSQL.inForce("g"))
          AND g.kind IN (\(kinds)) AND g.held_on BETWEEN :from AND :to
          AND (m.joined_on IS NULL OR m.joined_on <= g.held_on)
        WHERE m.organization_id IN (\(organizations.map(String.init).joined(separator: ", ")))
          AND \(CadreSQL.membership(on: ":to")) AND c.party_member = 1 AND \(RecordSQL.inForce("c"))
          AND (c.died_on IS NULL OR c.died_on > :to)
        GROUP BY m.id ORDER BY o.region_code, o.name, c.id
        """, arguments: ["from": period.from, "to": period.to])
    return rows.map { row in
      let (due, attended, excused): (Int64, Int64, Int64) = (row["due"], row["attended"], row["excused"])
      let expected = due - excused
      let id: String = row["resident_id"]
      return [
        .text(row["organization"]), .number(row["id"]), .text(row["name"]),
        .text(reveal ? id : Masking.residentID(id)), .number(due), .number(attended), .number(excused),
        .text(expected > 0 ? "\((attended * 200 + expected) / (expected * 2))%" : "—"),
      ]
    }
  }
}
