import LaoganModel
import LaoganStore

/// A member the six-month rule of the Party constitution names: in the months up to a day, they neither
/// attended nor were excused from any meeting their organization held.
struct AbsentMember: Sendable {
  let cadreID: Int64
  let name: String
  let residentID: String
  let organization: String
  let regionCode: String
  /// 正常, 流动 or 失联 (an empty status is 正常).
  let status: String
  let lastAttended: CalendarDate?
  let secretary: String?
}

extension LaoganDatabase {
  /// The members absent from their organization's Party life in the `months` up to `day` (SPEC §16).
  ///
  /// A member is judged on a window of `months` ending on `day`, and only when they have been a member of
  /// the organization for all of it (one who joined within it has not yet been away that long) and the
  /// organization held a meeting the whole branch attends in it (when it held none, the shortfall is the
  /// branch's, which `report party-life` shows, not the member's; a 支委会 is not the members' to attend). Members are those on the roll that day: in force, living,
  /// managed, Party members, in an organization in force.
  static func absentMembers(region: Region, on day: CalendarDate, months: Int, _ db: any SQLSession) throws
    -> [AbsentMember]
  {
    let since = day.months(earlier: months).adding(days: 1)
    let meetings = """
      SELECT 1 FROM meeting g JOIN participant p ON p.event_id = g.id AND p.event_table IN ('meeting', 'meeting_leave')
      WHERE g.organization_id = m.organization_id AND \(RecordSQL.inForce("g")) AND p.cadre_id = c.id
        AND g.held_on BETWEEN :since AND :day
      """
    return try db.rows(
      sql: """
        SELECT c.id, c.name, c.resident_id, o.name AS organization, o.region_code, COALESCE(c.party_status, '正常') AS status,
          (SELECT MAX(g.held_on) FROM meeting g JOIN participant p ON p.event_id = g.id AND p.event_table = 'meeting'
           WHERE g.organization_id = m.organization_id AND \(RecordSQL.inForce("g")) AND p.cadre_id = c.id
             AND g.held_on <= :day) AS last_attended,
          (SELECT s.name FROM cadre s
           WHERE s.id = (SELECT cadre_id FROM officer WHERE \(Officer.secretaryInForce(of: "o.id", on: ":day")) LIMIT 1))
            AS secretary
        FROM membership m JOIN cadre c ON c.id = m.cadre_id JOIN party_organization o ON o.id = m.organization_id
        WHERE \(CadreSQL.membership(on: ":day")) AND (m.joined_on IS NULL OR m.joined_on <= :since)
          AND c.party_member = 1 AND \(RecordSQL.inForce("c")) AND \(CadreSQL.alive("c", on: ":day"))
          AND \(ManagedRule.sql("c", on: ":day")) AND \(RecordSQL.inForce("o"))
          AND \(ReportScope(region: region).region("o.region_code"))
          AND EXISTS (SELECT 1 FROM meeting g WHERE g.organization_id = m.organization_id AND \(RecordSQL.inForce("g"))
                      AND g.kind IN (\(PartyLifeRule.wholeBranchSQL)) AND g.held_on BETWEEN :since AND :day)
          AND NOT EXISTS (\(meetings))
        ORDER BY o.region_code, o.name, c.id
        """, arguments: ["day": day, "since": since]
    ).map { row in
      AbsentMember(
        cadreID: row["id"], name: row["name"], residentID: row["resident_id"], organization: row["organization"],
        regionCode: row["region_code"], status: row["status"], lastAttended: row["last_attended"],
        secretary: row["secretary"])
    }
  }

  /// `report absent --on D --months N`: the absent members by organization, those living away (流动) or out of
  /// touch (失联) apart, since a branch reaches them otherwise.
  public func absentReport(region: Region, on day: CalendarDate, months: Int, generatedAt: String, reveal: Bool)
    throws -> ReportDocument
  {
    let since = day.months(earlier: months).adding(days: 1)
    let absent = try read { db in try LaoganDatabase.absentMembers(region: region, on: day, months: months, db) }
    func rows(_ members: [AbsentMember]) -> [[ReportDocument.Cell]] {
      members.map {
        [
          .number($0.cadreID), .text($0.name), .text(reveal ? $0.residentID : Masking.residentID($0.residentID)),
          .text($0.organization), .text($0.status), .text($0.lastAttended?.description ?? "从未出席"),
          .text($0.secretary ?? "（无书记）"),
        ]
      }
    }
    let headers = ["编号", "姓名", "身份证号", "党组织", "党员状态", "最近出席", "书记"]
    let away = absent.filter { $0.status != "正常" }
    let present = absent.filter { $0.status == "正常" }
    return ReportDocument(
      title: "连续 \(months) 个月未参加组织生活的党员",
      subtitle: ReportHeading.lines(region: region, period: Period(from: since, to: day), generatedAt: generatedAt)
        + ["\(since) 至 \(day) 所在党组织开过会、本人既未出席也未请假的党员（入党组织不满 \(months) 个月的不列）"],
      sections: [
        .init(
          title: "党员", headers: headers, rows: rows(present), notes: ["共 \(present.count) 人"],
          combination: .list(total: false)),
        .init(
          title: "流动、失联党员", headers: headers, rows: rows(away), notes: ["共 \(away.count) 人"],
          combination: .list(total: false)),
      ])
  }
}
