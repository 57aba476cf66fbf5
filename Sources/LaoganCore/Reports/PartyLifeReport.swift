import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// What the 支部工作条例 asks of a 党支部's Party life (SPEC §16), meeting type by type: a 支部党员大会 and a 党课
/// each quarter; a 支委会 each month where the branch has a committee (an officer in force besides the 书记);
/// a 主题党日 each month; a 党小组会 each month where the branch has 党小组 — which laogan does not record, so a
/// branch that holds any 党小组会 in the period is taken to have them. A month or quarter is asked for only when
/// it lies wholly inside the period, the branch's life (from its 成立日期) and the past: `--month` asks no
/// quarter's meeting of a branch, and a year asked in July no meeting of August.
enum PartyLifeRule {
  case quarterly, monthly

  static func of(_ kind: MeetingType) -> PartyLifeRule {
    kind == .generalMeeting || kind == .partyLesson ? .quarterly : .monthly
  }

  /// The meeting types a whole branch attends, on which a member's attendance is counted.
  static let wholeBranch: Set<MeetingType> = [.generalMeeting, .partyLesson, .themedDay]

  /// `wholeBranch` as an SQL list.
  static var wholeBranchSQL: String {
    wholeBranch.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
  }

  /// The periods the rule asks a meeting in, of the consecutive whole `months`: each month, or each quarter all
  /// three of whose months are among them, named as a clerk writes them (`2026-04`, `2026Q2`).
  func periods(_ months: [Month]) -> [String] {
    switch self {
    case .monthly: months.map(\.description)
    case .quarterly: months.filter { $0.month % 3 == 1 && months.contains(Month(index: $0.index + 2)) }.map(quarter)
    }
  }

  /// The period a meeting on `day` counts for.
  func period(of day: CalendarDate) -> String {
    self == .monthly ? Month(day).description : quarter(Month(day))
  }

  private func quarter(_ month: Month) -> String {
    "\(month.year)Q\((month.month - 1) / 3 + 1)"
  }

  /// The whole months of `period` up to `today` and from `established` on.
  static func months(of period: Period, today: CalendarDate, established: CalendarDate?) -> [Month] {
    let from = max(period.from, established ?? period.from)
    let to = min(period.to, today)
    let first = Month(from).firstDay == from ? Month(from) : Month(from).next
    let last = Month(to).lastDay == to ? Month(to) : Month(index: Month(to).index - 1)
    return first <= last ? (first.index...last.index).map(Month.init(index:)) : []
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
  /// The active 党支部 of `region` and their meetings in `period`, each type against the rule as of `today`.
  static func branchPartyLife(region: Region, period: Period, today: CalendarDate, _ db: any SQLSession) throws
    -> [BranchPartyLife]
  {
    let branches = try db.records(
      PartyOrganization.self,
      sql: """
        SELECT \(PartyOrganization.selection) FROM party_organization
        WHERE kind = '党支部' AND \(RecordSQL.inForce()) AND \(ReportScope(region: region).region("region_code"))
        ORDER BY region_code, name
        """
    ).filter { $0.isActive(on: period.to) }
    let meetings = Dictionary(
      grouping: try db.rows(
        sql: """
          SELECT organization_id, held_on, kind FROM meeting
          WHERE \(RecordSQL.inForce()) AND held_on BETWEEN ? AND ?
          """, arguments: [period.from, period.to]),
      by: { $0["organization_id"] as Int64 })
    let committees = Set(
      try db.values(
        Int64.self,
        sql: """
          SELECT DISTINCT organization_id FROM officer
          WHERE post <> '书记' AND \(RecordSQL.inForce()) AND (started_on IS NULL OR started_on <= ?)
            AND (ended_on IS NULL OR ended_on >= ?)
          """, arguments: [period.to, period.from]))
    return branches.map { branch in
      let months = PartyLifeRule.months(of: period, today: today, established: branch.establishedOn)
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

  /// `report party-life`: each 党支部's meetings by type against what the rule asks, the periods without one and
  /// its members' attendance; with `organization` or `members`, each member's attendance too (not by default:
  /// a prefecture's members, one a line, are hundreds of pages nobody reads on paper).
  public func partyLifeReport(
    region: Region, period: Period, organization: String?, members listsMembers: Bool = false,
    today: CalendarDate = CalendarDate(Date()), generatedAt: String, reveal: Bool
  ) throws -> ReportDocument {
    try read { db in
      var branches = try Self.branchPartyLife(region: region, period: period, today: today, db)
      if let organization {
        branches = branches.filter { $0.name == CellText.key(organization) }
        guard !branches.isEmpty else { throw LaoganError.recordNotFound(label: "党支部", reference: organization) }
      }
      let attendance = try memberAttendance(branches.map(\.organizationID), period: period, db)
      let byBranch = Dictionary(grouping: attendance, by: \.organizationID)
      let counted: [MeetingType] = [.generalMeeting, .partyLesson, .committee, .themedDay]
      // One branch's every missing period; a prefecture's first few of each kind.
      let shownMissing = organization == nil ? 4 : Int.max
      let rows: [[ReportDocument.Cell]] = branches.map { branch in
        let members = byBranch[branch.organizationID] ?? []
        let shortfalls = (counted + [.groupMeeting]).compactMap { kind -> String? in
          guard !members.isEmpty, let missing = branch.missing[kind], !missing.isEmpty else { return nil }
          let shown =
            missing.prefix(shownMissing).joined(separator: "、")
            + (missing.count > shownMissing ? " 等 \(missing.count) 期" : "")
          return "\(kind.rawValue) \(shown)"
        }
        return [.text(branch.name), .text(Region.displayName(of: branch.regionCode))]
          + counted.flatMap { kind in
            [.number(Int64(branch.held[kind] ?? 0)), branch.required[kind].map { .number(Int64($0)) } ?? .text("不要求")]
          } + [
            .number(Int64(branch.held[.groupMeeting] ?? 0)), .number(Int64(members.count)),
            .text(MemberAttendance.rate(members)),
            .text(members.isEmpty ? "（无党员）" : shortfalls.isEmpty ? "无" : shortfalls.joined(separator: "；")),
          ]
      }
      let headers =
        ["党支部", "地区"] + counted.flatMap { [$0.rawValue, "\($0.shortName)应开"] } + [
          MeetingType.groupMeeting.rawValue, "党员", "出勤率", "缺项",
        ]
      var sections: [ReportDocument.Section] = [
        .init(
          title: "按党支部", headers: headers, rows: rows,
          notes: [
            "共 \(rows.count) 个党支部，\(rows.filter { !["无", "（无党员）"].contains($0.last?.text) }.count) 个有缺项；"
              + "出勤率 = 出席 ÷（应出席 − 请假），按支部党员大会、党课、主题党日计"
          ] + (organization == nil && !listsMembers ? ["逐人出勤：加 --organization 党支部名称，或 --members 列出全部党员"] : []),
          combination: .list(total: false))
      ]
      if organization != nil || listsMembers {
        // One branch's list needs no column naming it; the prefecture's does.
        let branchNames =
          organization == nil ? Dictionary(uniqueKeysWithValues: branches.map { ($0.organizationID, $0.name) }) : [:]
        sections.append(
          .init(
            title: "党员出勤（支部党员大会、党课、主题党日）",
            headers: (organization == nil ? ["党支部"] : []) + ["编号", "姓名", "身份证号", "应出席", "出席", "请假", "出勤率"],
            rows: attendance.map { member in
              (organization == nil ? [.text(branchNames[member.organizationID] ?? "")] : []) + [
                .number(member.cadreID), .text(member.name),
                .text(reveal ? member.residentID : Masking.residentID(member.residentID)), .number(Int64(member.due)),
                .number(Int64(member.attended)), .number(Int64(member.excused)), .text(MemberAttendance.rate([member])),
              ]
            }, combination: .list(total: false)))
      }
      return ReportDocument(
        title: "党支部组织生活情况",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt)
          + ["支部党员大会、党课每季度至少 1 次；支委会（有支委的）、主题党日每月 1 次；党小组会每月（开了党小组会的支部）"]
          + (period.to > today ? ["应开只计 \(today) 前已结束的月份与季度"] : []),
        sections: sections)
    }
  }

  /// Each member of the organizations on the period's last day, with the whole-branch meetings of their
  /// organization held in the period while they were a member, and how many of them they attended or were
  /// excused from: the lists counted in one pass by cadre and organization, not member by meeting, while a
  /// second connection reads the members on the other core.
  private func memberAttendance(_ organizations: [Int64], period: Period, _ db: any SQLSession) throws
    -> [MemberAttendance]
  {
    guard !organizations.isEmpty else { return [] }
    let (listed, alongside) = try readAlongside(db) {
      try Self.listings(organizations, period: period, db)
    } there: { other in
      try Self.members(organizations, on: period.to, other)
    }
    let held = Dictionary(
      grouping: try db.rows(
        sql: "SELECT g.organization_id, g.held_on \(Self.meetings(organizations))",
        arguments: ["from": period.from, "to": period.to]),
      by: { $0["organization_id"] as Int64 }
    ).mapValues { $0.map { $0["held_on"] as CalendarDate } }
    return try (alongside ?? Self.members(organizations, on: period.to, db)).map { member in
      let lists = listed[(member.organizationID << 32) | member.cadreID] ?? (0, 0)
      return MemberAttendance(
        organizationID: member.organizationID, cadreID: member.cadreID, name: member.name,
        residentID: member.residentID,
        due: (held[member.organizationID] ?? []).count { meeting in member.joinedOn.map { $0 <= meeting } ?? true },
        attended: lists.attended, excused: lists.excused)
    }
  }

  /// The whole-branch meetings of `organizations` in force between `:from` and `:to`, as `FROM … WHERE …`.
  private static func meetings(_ organizations: [Int64]) -> String {
    """
    FROM meeting g WHERE \(RecordSQL.inForce("g")) AND g.kind IN (\(PartyLifeRule.wholeBranchSQL))
      AND g.held_on BETWEEN :from AND :to
      AND g.organization_id IN (\(organizations.map(String.init).joined(separator: ", ")))
    """
  }

  /// How often each cadre was listed as 出席 and as 请假 at those meetings, by `(organization << 32) | cadre`.
  /// Each listing comes as one integer — organization, cadre, and whether excused, packed by SQLite — and is
  /// counted in a hash: two million rows at scale 10, which SQLite's GROUP BY sorted first. CROSS JOIN
  /// keeps SQLite to this order — the period's few thousand meetings, then each one's lists by the key — where
  /// it chose to read every meeting list ever kept and look its meeting up.
  private static func listings(_ organizations: [Int64], period: Period, _ db: any SQLSession) throws
    -> [Int64: (attended: Int, excused: Int)]
  {
    var listed: [Int64: (attended: Int, excused: Int)] = [:]
    let packed = try db.cursor(
      sql: """
        SELECT (g.organization_id << 33) | (p.cadre_id << 1) | \(SQLDialect.number(of: "p.event_table = 'meeting_leave'"))
        \(meetings(organizations).replacingOccurrences(
          of: "FROM meeting g",
          with: "FROM meeting g \(SQLDialect.joinInOrder) participant p ON p.event_table IN ('meeting', 'meeting_leave') AND p.event_id = g.id"))
        """, arguments: ["from": period.from, "to": period.to])
    while let row = try packed.next() {
      let listing: Int64 = row[0]
      if listing & 1 == 1 {
        listed[listing >> 1, default: (0, 0)].excused += 1
      } else {
        listed[listing >> 1, default: (0, 0)].attended += 1
      }
    }
    return listed
  }

  /// A living Party member of one of the organizations on a day.
  private struct Member: Sendable {
    let organizationID: Int64
    let cadreID: Int64
    let name: String
    let residentID: String
    let joinedOn: CalendarDate?
  }

  /// The members on `day`, by region and branch name. The cadres are read in their own order, each one's
  /// memberships looked up: looked up member by member, the roll's pages came in random order, mostly from
  /// disk again (docs/performance.md has the figures).
  private static func members(_ organizations: [Int64], on day: CalendarDate, _ db: any SQLSession) throws -> [Member] {
    try db.rows(
      sql: """
        SELECT m.organization_id, c.id, c.name, c.resident_id, m.joined_on
        FROM cadre c \(SQLDialect.joinInOrder) membership m ON m.cadre_id = c.id JOIN party_organization o ON o.id = m.organization_id
        WHERE m.organization_id IN (\(organizations.map(String.init).joined(separator: ", ")))
          AND \(CadreSQL.membership(on: ":to")) AND c.party_member = 1 AND \(RecordSQL.inForce("c"))
          AND (c.died_on IS NULL OR c.died_on > :to)
        ORDER BY o.region_code, o.name, c.id
        """, arguments: ["to": day]
    ).map {
      Member(
        organizationID: $0["organization_id"], cadreID: $0["id"], name: $0["name"], residentID: $0["resident_id"],
        joinedOn: $0["joined_on"])
    }
  }
}

/// A member's attendance at the whole-branch meetings of a period.
struct MemberAttendance: Sendable {
  let organizationID: Int64
  let cadreID: Int64
  let name: String
  let residentID: String
  let due: Int
  let attended: Int
  let excused: Int

  /// 出席 ÷ (应出席 − 请假) over `members`, a whole per cent rounded half up; `—` when nothing was asked.
  static func rate(_ members: [MemberAttendance]) -> String {
    let attended = members.reduce(0) { $0 + $1.attended }
    let expected = members.reduce(0) { $0 + $1.due - $1.excused }
    return expected > 0 ? "\((attended * 200 + expected) / (expected * 2))%" : "—"
  }
}
