import LaoganModel
import LaoganStore

/// The cadre roster as a record kind: keyed by 身份证号, validated by `CadreEntry`, and owning the membership
/// history behind 所在党组织.
public enum CadreKind: RecordKind {
  public typealias Field = CadreField
  public typealias Record = Cadre

  public static let name = "cadres"
  public static let label = "干部"
  public static let keyField: CadreField? = .residentID
  public static let keyColumn = "resident_id"
  public static let listFields: [CadreField] = [
    .name, .sex, .bornOn, .residentID, .category, .rank, .region, .isPartyMember, .diedOn,
  ]

  public static let typeColumn: String? = "category"
  /// A roster row reads only the Party organization it names, which a roster's import does not write, and
  /// saving it writes only its own cadre and that cadre's memberships.
  public static let parsesAhead = true

  /// By id, 身份证号 or a unique name (SPEC §9); a shared name is an error listing the candidates.
  public static func find(_ reference: String, in db: any SQLSession) throws -> Cadre? {
    do {
      return try LaoganDatabase.cadre(reference, in: db)
    } catch LaoganError.cadreNotFound {
      return nil
    }
  }

  public static func storedKey(_ text: String) -> String? {
    (try? ResidentID(text))?.value
  }

  public static func parse(_ cells: inout FieldReader<CadreField>, _ lookup: Lookup) throws -> Parsed<Cadre>? {
    let organization = try cells.organization(.partyOrganization, lookup)
    return cells.readCadre(today: lookup.today).map { Parsed($0, organizationID: organization) }
  }

  public static func cells(of cadre: Cadre, _ lookup: Lookup) throws -> [CadreField: String] {
    CadreEntry(cadre).cells
  }

  /// A voided cadre leaves every group it was in and every post it held, on `day` or the day of the void.
  public static func closeMembers(of record: Cadre, on day: CalendarDate?, _ writer: AuditedWriter) throws {
    try OpenMemberships.close(cadreID: record.id, on: day, writer)
    try Officers.endPosts(of: record.id, on: day ?? writer.today, writer)
  }

  /// Moves the cadre's open membership to the organization the record names, keeping the old one closed.
  public static func afterSave(_ parsed: Parsed<Cadre>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup)
    throws
  {
    guard let id = parsed.record.id else { return }
    try Memberships.assign(cadreID: id, to: parsed.organizationID, on: nil, writer, newCadre: added)
  }
}

/// A cadre's Party organization over time (SPEC §3: at most one at a time, with a history).
package enum Memberships {
  /// Closes the open membership and opens one in `organizationID` (none when nil), dated `day` or, without
  /// one, the day the command runs. A cadre's first membership starts on an unknown day unless one is given.
  /// A `newCadre`, added by the same save, has no membership to read, and its first may wait to be stored
  /// with the next ones (`WaitingRows`): a roster's import adds thousands.
  package static func assign(
    cadreID: Int64, to organizationID: Int64?, on day: CalendarDate?, _ writer: AuditedWriter, newCadre: Bool = false
  ) throws {
    var open: Membership?
    var hadAny = false
    if !newCadre {
      let db = try writer.db
      open = try db.record(
        Membership.self, sql: "SELECT * FROM membership WHERE cadre_id = ? AND left_on IS NULL", arguments: [cadreID])
      hadAny =
        try db.value(
          Bool.self, sql: "SELECT EXISTS (SELECT 1 FROM membership WHERE cadre_id = ?)", arguments: [cadreID])
        ?? false
    }
    guard open?.organizationID != organizationID else { return }
    let changeDay = day ?? writer.today
    if let open {
      var closed = open
      closed.leftOn = max(changeDay, open.joinedOn ?? changeDay)
      try writer.update(closed, from: open)
    }
    guard let organizationID else { return }
    var membership = Membership(
      id: nil, cadreID: cadreID, organizationID: organizationID, joinedOn: hadAny ? changeDay : day, leftOn: nil)
    try writer.insert(&membership, canWait: newCadre)
  }
}
