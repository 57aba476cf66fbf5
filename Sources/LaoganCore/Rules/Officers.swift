import LaoganModel
import LaoganStore

/// A branch's officers over time (SPEC §11): terms from 任职日期 until 离任日期, at most one 书记 at a time.
/// A term is in force on day D when it began on or before D (or on an unknown day) and has not ended by D —
/// the same convention as a membership, so a 书记 replaced on D is the old one until D and the new one from D.
package enum Officers {
  /// The 书记 term of the same organization that overlaps `officer`'s, if any.
  /// A term without a start or an end is open that way; the statement asks only of the ends it has (a
  /// parameter only tested for NULL has no type PostgreSQL could give it).
  static func secretaryOverlapping(_ officer: Officer, _ db: any SQLSession) throws -> Officer? {
    var arguments: SQLArguments = ["organization": officer.organizationID, "id": officer.id]
    var overlapping = ""
    if let started = officer.startedOn {
      overlapping += " AND (ended_on IS NULL OR ended_on > :started)"
      arguments.named["started"] = started.sqlValue
    }
    if let ended = officer.endedOn {
      overlapping += " AND (started_on IS NULL OR started_on < :ended)"
      arguments.named["ended"] = ended.sqlValue
    }
    return try db.record(
      Officer.self,
      sql: """
        SELECT * FROM officer WHERE organization_id = :organization AND post = '书记' AND \(RecordSQL.inForce())
          AND \(SQLDialect.differs("id", ":id"))\(overlapping)
        LIMIT 1
        """,
      arguments: arguments)
  }

  /// The organization's 书记 term in force today.
  static func currentSecretary(of organizationID: Int64, _ db: any SQLSession) throws -> Officer? {
    try db.record(
      Officer.self, sql: "SELECT * FROM officer WHERE \(Officer.secretaryInForce(of: "?")) LIMIT 1",
      arguments: [organizationID])
  }

  static func isMember(_ cadreID: Int64, of organizationID: Int64, on day: CalendarDate, _ db: any SQLSession) throws
    -> Bool
  {
    try db.value(
      Bool.self,
      sql: """
        SELECT EXISTS (SELECT 1 FROM membership m WHERE m.cadre_id = ? AND m.organization_id = ?
                       AND \(CadreSQL.membership(on: "?")))
        """, arguments: [cadreID, organizationID, day, day]) ?? false
  }

  /// Makes `cadreID` the organization's 书记 from the day the command runs (none when nil): the current
  /// 书记's term ends that day. An organization's first 书记 starts on an unknown day, as a first membership
  /// does: the organization's 书记 cell says who leads it, not since when.
  static func setSecretary(of organizationID: Int64, to cadreID: Int64?, _ writer: AuditedWriter) throws {
    let db = try writer.db
    let current = try currentSecretary(of: organizationID, db)
    guard current?.cadreID != cadreID else { return }
    let hadAny =
      try db.value(
        Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM officer WHERE organization_id = ? AND post = '书记')",
        arguments: [organizationID]) ?? false
    if let current {
      var ended = current
      ended.endedOn = max(writer.today, current.startedOn ?? writer.today)
      try writer.update(ended, from: current)
    }
    guard let cadreID else { return }
    var officer = Officer(
      id: nil, organizationID: organizationID, cadreID: cadreID, post: .secretary,
      startedOn: hadAny ? writer.today : nil, endedOn: nil, voidedReason: nil)
    try writer.insert(&officer)
  }

  /// Ends, on `day`, every post the cadre holds then or later: a cadre voided as a wrong entry leads nothing,
  /// and the branch shows as without a 书记 (`check`: branch_without_secretary).
  static func endPosts(of cadreID: Int64?, on day: CalendarDate, _ writer: AuditedWriter) throws {
    let held = try writer.db.records(
      Officer.self,
      sql: "SELECT * FROM officer WHERE cadre_id = ? AND \(RecordSQL.inForce()) AND (ended_on IS NULL OR ended_on > ?)",
      arguments: [cadreID, day])
    for post in held {
      var ended = post
      ended.endedOn = max(day, post.startedOn ?? day)
      try writer.update(ended, from: post)
    }
  }
}

extension LaoganDatabase {
  /// An organization's officers, current and past, the earliest first.
  public func officers(of organization: PartyOrganization) throws -> [Officer] {
    try read { db in
      try db.records(
        Officer.self,
        sql: """
          SELECT * FROM officer WHERE organization_id = ? AND \(RecordSQL.inForce())
          ORDER BY started_on IS NOT NULL, started_on, id
          """, arguments: [organization.id])
    }
  }
}

extension Officer {
  /// `2023-06-01 至今`, `起始不详 至 2025-12-31`: a term as messages name it.
  var term: String {
    "\(startedOn?.description ?? "起始不详") 至 \(endedOn?.description ?? "今")"
  }
}
