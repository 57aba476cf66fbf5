import LaoganModel
import LaoganStore

// The branches' Party work in the demo (SPEC §11), built last so that the records before it, and the published
// figures, are those of a demo without it.

extension DemoPrefecture {
  /// Each organization open today gets its last 换届 (2023 to mid-2026, so some terms have run out by now), a
  /// 书记 and, where it has enough members, an organization and a publicity member; a few branches have no
  /// 书记. Some members live away (流动, with where to) and a few cannot be reached (失联).
  mutating func buildPartyWork() throws {
    progress("党组织委员与党员状态…")
    let organizations = try RecordSaver<OrganizationKind>(writer, update: true)
    let officers = try RecordSaver<OfficerKind>(writer, update: false)
    let rows = try writer.db.rows(
      sql: """
        SELECT o.name, (SELECT \(SQLDialect.joined("c.resident_id")) FROM membership m JOIN cadre c ON c.id = m.cadre_id
                        WHERE m.organization_id = o.id AND m.left_on IS NULL AND c.died_on IS NULL) AS members
        FROM party_organization o WHERE o.dissolved_on IS NULL ORDER BY o.id
        """)
    var line = 0
    for (index, row) in rows.enumerated() {
      let name: String = row["name"]
      guard let members = (row["members"] as String?)?.split(separator: ",").map(String.init), !members.isEmpty
      else { continue }
      let elected = random.day(from: CalendarDate(valid: 2023, 1, 1), to: CalendarDate(valid: 2026, 6, 30))
      _ = try organizations.save(
        [.electedOn: elected.description], over: try OrganizationKind.find(name, in: writer.db), allowUpdate: true)
      if index % 40 == 7 { continue }
      let posts: [OfficerPost] = members.count >= 3 ? [.secretary, .organization, .publicity] : [.secretary]
      var chosen = Set<String>()
      for post in posts {
        guard let member = pick(from: members, avoiding: chosen) else { break }
        chosen.insert(member)
        line += 1
        _ = try officers.save(
          [
            .organization: name, .residentID: member, .post: post.rawValue, .startedOn: elected.description,
          ], line: line)
      }
    }
    try buildMemberStatuses()
    try buildDues()
  }

  /// Every cadre's 离退休费 from 2022 (离休 more than 退休), a tenth raised in 2024: `dues-standard derive`
  /// then changes most of the demo's hand-set standards.
  mutating func buildPensions() throws {
    progress("离退休费…")
    let pensions = try RecordSaver<PensionKind>(writer, update: false)
    let cadres = try writer.db.rows(sql: "SELECT resident_id, category FROM cadre ORDER BY id")
    var line = 0
    for row in cadres {
      let veteran = (row["category"] as String) == CadreCategory.veteran.rawValue
      var yuan =
        veteran ? Int.random(in: 7_000...12_000, using: &random) : Int.random(in: 3_000...8_000, using: &random)
      for (month, raised) in [("2022-01", true), ("2024-01", Int.random(in: 0..<10, using: &random) == 0)] where raised
      {
        line += 1
        _ = try pensions.save(
          [.residentID: row["resident_id"], .fromMonth: month, .monthly: "\(yuan).\(line % 2 == 0 ? "50" : "00")"],
          line: line)
        yuan += Int.random(in: 100...400, using: &random)
      }
    }
  }

  /// Every member's 党费 standard from 2022 (a few raised in 2023) and their dues for each month from 2022-01
  /// to the demo's last month: most paid in full, some stopped paying at some month (in arrears since), some
  /// skipped a month or paid short.
  private mutating func buildDues() throws {
    progress("党费…")
    let standards = try RecordSaver<DuesStandardKind>(writer, update: false)
    let dues = try RecordSaver<DuesKind>(writer, update: false)
    let members = try writer.db.rows(
      sql: """
        SELECT resident_id, joined_party_on, died_on FROM cadre
        WHERE party_member = 1 AND (died_on IS NULL OR died_on >= '2022-01-01') ORDER BY id
        """)
    let first = Month(DemoPrefecture.reportStart)
    var standardLine = 0
    var duesLine = 0
    for row in members {
      let id: String = row["resident_id"]
      let joined = (row["joined_party_on"] as CalendarDate?).map(Month.init) ?? first
      let died = (row["died_on"] as CalendarDate?).map(Month.init)
      let start = max(first, joined)
      var monthly = [5, 10, 15, 20][Int.random(in: 0..<4, using: &random)]
      standardLine += 1
      _ = try standards.save(
        [.residentID: id, .monthly: "\(monthly)", .fromMonth: start.description], line: standardLine)
      let raised = Int.random(in: 0..<10, using: &random) == 0 && start < Month(valid: 2023, 1)
      if raised {
        monthly += 2
        standardLine += 1
        _ = try standards.save([.residentID: id, .monthly: "\(monthly)", .fromMonth: "2023-01"], line: standardLine)
      }
      let habit = Int.random(in: 0..<100, using: &random)
      var month = start
      while month <= DemoPrefecture.lastMonth, died.map({ month <= $0 }) ?? true {
        defer { month = month.next }
        let due = month >= Month(valid: 2023, 1) ? monthly : (raised ? monthly - 2 : monthly)
        // 3 in 100 stop paying in 2023; 2 in 100 pay short now and then.
        if habit < 3, month >= Month(valid: 2023, 1 + habit) { continue }
        let amount = habit < 5 && Int.random(in: 0..<6, using: &random) == 0 ? due / 2 : due
        guard amount > 0 else { continue }
        duesLine += 1
        _ = try dues.save(
          [
            .residentID: id, .month: month.description, .amount: "\(amount)",
            .paidOn: CalendarDate(valid: month.year, month.month, 10).description,
          ], line: duesLine)
      }
    }
  }

  /// About one member in thirty lives away, one in a hundred is out of reach.
  private mutating func buildMemberStatuses() throws {
    let cadres = try RecordSaver<CadreKind>(writer, update: true)
    let members = try writer.db.values(
      String.self, sql: "SELECT resident_id FROM cadre WHERE party_member = 1 AND died_on IS NULL ORDER BY id")
    let places = ["广东省深圳市", "贵州省贵阳市", "云南省昆明市", "浙江省杭州市", "北京市", "海南省三亚市"]
    for member in members {
      let draw = Int.random(in: 0..<100, using: &random)
      guard draw < 4 else { continue }
      var changes: [CadreField: String] = [
        .partyStatus: draw == 0 ? PartyStatus.lost.rawValue : PartyStatus.mobile.rawValue
      ]
      if draw > 0 { changes[.awayTo] = places[Int.random(in: 0..<places.count, using: &random)] }
      _ = try cadres.save(changes, over: try CadreKind.find(member, in: writer.db), allowUpdate: true)
    }
  }

  private mutating func pick(from members: [String], avoiding chosen: Set<String>) -> String? {
    let free = members.filter { !chosen.contains($0) }
    return free.isEmpty ? nil : free[Int.random(in: 0..<free.count, using: &random)]
  }
}
