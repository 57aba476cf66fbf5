import LaoganModel
import LaoganStore

/// One period of a cadre in an organization or association, for histories and member lists.
public struct MembershipPeriod: Sendable, Equatable {
  public let cadre: Lookup.CadreRef
  public let group: String
  public let joinedOn: CalendarDate?
  public let leftOn: CalendarDate?
  /// The member's 党员状态 (nil while not recorded, taken as 正常); read for a Party organization's members.
  public let partyStatus: PartyStatus?
}

extension LaoganDatabase {
  /// `org join`: moves the cadre into the organization on `day` (today when nil), closing the membership
  /// it had; the old one stays in the history with its end date.
  public func joinOrganization(
    cadre: String, organization: String, on day: CalendarDate?, _ context: AuditContext
  ) throws {
    try write(context) { writer in
      let member = try LaoganDatabase.cadre(cadre, in: writer.db)
      let group = try LaoganDatabase.resolve(OrganizationKind.self, organization, writer.db)
      try LaoganDatabase.refuseVoided(member, cadre, group, organization)
      guard let cadreID = member.id, let groupID = group.id else { return }
      try Memberships.assign(cadreID: cadreID, to: groupID, on: day, writer)
    }
  }

  /// `org leave`: ends the cadre's membership on `day` (today when nil).
  public func leaveOrganization(cadre: String, on day: CalendarDate?, _ context: AuditContext) throws {
    try write(context) { writer in
      guard let cadreID = try LaoganDatabase.cadre(cadre, in: writer.db).id else { return }
      try Memberships.assign(cadreID: cadreID, to: nil, on: day, writer)
    }
  }

  /// Members of an organization on `day`: membership in force and the cadre on the roll (alive, retired).
  public func members(ofOrganization organization: String, on day: CalendarDate) throws -> [MembershipPeriod] {
    try read { db in
      let group = try LaoganDatabase.resolve(OrganizationKind.self, organization, db)
      return try LaoganDatabase.periods(
        db,
        sql: """
          SELECT \(Lookup.CadreRef.columns("c")), o.name AS group_name, m.joined_on, m.left_on,
                 c.party_status
          FROM membership m JOIN cadre c ON c.id = m.cadre_id JOIN party_organization o ON o.id = m.organization_id
          WHERE m.organization_id = :group AND \(CadreSQL.membership(on: ":day"))
            AND \(CadreSQL.onRoll("c", on: ":day"))
          ORDER BY c.id
          """, arguments: ["group": group.id, "day": day])
    }
  }

  /// Every organization a cadre has belonged to, oldest first.
  public func organizationHistory(of cadre: Cadre) throws -> [MembershipPeriod] {
    try read { db in
      try LaoganDatabase.periods(
        db,
        sql: """
          SELECT \(Lookup.CadreRef.columns("c")), o.name AS group_name, m.joined_on, m.left_on
          FROM membership m JOIN cadre c ON c.id = m.cadre_id JOIN party_organization o ON o.id = m.organization_id
          WHERE m.cadre_id = ? ORDER BY m.id
          """, arguments: [cadre.id])
    }
  }

  /// Nobody joins a group, and no group takes a member, that was voided as a wrong entry.
  private static func refuseVoided(
    _ member: Cadre, _ memberName: String, _ group: some Voidable, _ groupName: String
  ) throws {
    if member.voidedReason != nil { throw LaoganError.referenceVoided(Masking.inText(memberName)) }
    if group.voidedReason != nil { throw LaoganError.referenceVoided(groupName) }
  }

  /// `association join`: the cadre becomes a member on `day`.
  public func joinAssociation(cadre: String, association: String, on day: CalendarDate?, _ context: AuditContext)
    throws
  {
    try write(context) { writer in
      let member = try LaoganDatabase.cadre(cadre, in: writer.db)
      let group = try LaoganDatabase.resolve(AssociationKind.self, association, writer.db)
      try LaoganDatabase.refuseVoided(member, cadre, group, association)
      guard let cadreID = member.id, let groupID = group.id else { return }
      guard try Self.openMembership(of: cadreID, in: groupID, writer.db) == nil else {
        throw LaoganError.invalidValue(field: "会员", value: member.name, reason: "已是“\(group.name)”的会员")
      }
      var joined = AssociationMember(
        id: nil, associationID: groupID, cadreID: cadreID, joinedOn: day ?? writer.today, leftOn: nil)
      try writer.insert(&joined)
    }
  }

  /// The cadre's open membership of the association, if any.
  private static func openMembership(
    of cadreID: Int64?, in associationID: Int64?, _ db: any SQLSession
  ) throws -> AssociationMember? {
    try db.record(
      AssociationMember.self,
      sql: "SELECT * FROM association_member WHERE association_id = ? AND cadre_id = ? AND left_on IS NULL",
      arguments: [associationID, cadreID])
  }

  /// `association leave`: the membership ends on `day`.
  public func leaveAssociation(cadre: String, association: String, on day: CalendarDate?, _ context: AuditContext)
    throws
  {
    try write(context) { writer in
      let member = try LaoganDatabase.cadre(cadre, in: writer.db)
      let group = try LaoganDatabase.resolve(AssociationKind.self, association, writer.db)
      guard let open = try Self.openMembership(of: member.id, in: group.id, writer.db) else {
        throw LaoganError.invalidValue(field: "会员", value: member.name, reason: "不是“\(group.name)”的会员")
      }
      var closed = open
      closed.leftOn = max(day ?? writer.today, open.joinedOn ?? writer.today)
      try writer.update(closed, from: open)
    }
  }

  /// Every association a cadre has belonged to.
  public func associationHistory(of cadre: Cadre) throws -> [MembershipPeriod] {
    try read { db in
      try LaoganDatabase.periods(
        db,
        sql: """
          SELECT \(Lookup.CadreRef.columns("c")), a.name AS group_name, m.joined_on, m.left_on
          FROM association_member m JOIN cadre c ON c.id = m.cadre_id JOIN association a ON a.id = m.association_id
          WHERE m.cadre_id = ? ORDER BY m.id
          """, arguments: [cadre.id])
    }
  }

  private static func periods(_ db: any SQLSession, sql: String, arguments: SQLArguments) throws -> [MembershipPeriod] {
    try db.rows(sql: sql, arguments: arguments).map { row in
      MembershipPeriod(
        cadre: Lookup.CadreRef(row: row), group: row["group_name"], joinedOn: row["joined_on"],
        leftOn: row["left_on"], partyStatus: row.hasColumn("party_status") ? row["party_status"] : nil)
    }
  }
}

/// A period of a cadre in a group — a Party organization or an association — that a void may have to close.
protocol GroupMembership: AuditedRecord, Decodable, Equatable {
  var joinedOn: CalendarDate? { get }
  var leftOn: CalendarDate? { get set }
  /// The column naming the group.
  static var groupColumn: String { get }
}

extension Membership: GroupMembership {
  static let groupColumn = "organization_id"
}

extension AssociationMember: GroupMembership {
  static let groupColumn = "association_id"
}

/// Memberships still open when what they belong to is voided (`RecordKind.closeMembers`).
enum OpenMemberships {
  /// A group's: closed on `day`; without one, the void is refused naming how many members are still in it.
  static func close<Member: GroupMembership>(
    _ type: Member.Type, in groupID: Int64?, named name: String, on day: CalendarDate?, _ writer: AuditedWriter
  ) throws {
    let open = try self.open(Member.self, where: Member.groupColumn, is: groupID, writer)
    guard !open.isEmpty else { return }
    guard let day else { throw LaoganError.openMemberships(group: name, count: open.count) }
    try close(open, on: day, writer)
  }

  /// A cadre's, in a Party organization and in associations: a cadre voided as a wrong entry is in no group,
  /// from `day` (the day of the void when nil).
  static func close(cadreID: Int64?, on day: CalendarDate?, _ writer: AuditedWriter) throws {
    let day = day ?? writer.today
    try close(open(Membership.self, where: "cadre_id", is: cadreID, writer), on: day, writer)
    try close(open(AssociationMember.self, where: "cadre_id", is: cadreID, writer), on: day, writer)
  }

  /// The memberships not yet ended whose `column` is `id`.
  private static func open<Member: GroupMembership>(
    _ type: Member.Type, where column: String, is id: Int64?, _ writer: AuditedWriter
  ) throws -> [Member] {
    try writer.db.records(
      Member.self, sql: "SELECT * FROM \(Member.tableName) WHERE \(column) = ? AND left_on IS NULL", arguments: [id])
  }

  private static func close<Member: GroupMembership>(_ open: [Member], on day: CalendarDate, _ writer: AuditedWriter)
    throws
  {
    for member in open {
      var closed = member
      closed.leftOn = max(day, member.joinedOn ?? day)
      try writer.update(closed, from: member)
    }
  }
}
