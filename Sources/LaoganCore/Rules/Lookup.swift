import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// Resolves the names a cell uses for other records — a cadre by 身份证号, an organization by 名称 — inside
/// one database access, through cached statements so a long file costs one index look-up a name.
public final class Lookup: CadreMemory {
  private let connection: any SQLSession
  /// The day the command runs: no one is born after it.
  public let today: CalendarDate
  /// Called before each read with the table it reads (nil: any table): a writer stores the rows of that
  /// table that wait to be stored together, so a look-up never misses a row written before it.
  var beforeReading: (_ table: String?) throws -> Void = { _ in }

  /// The connection, for a kind's own reads (the hardship fund's balance); whatever waits is stored first.
  public var db: any SQLSession {
    get throws {
      try beforeReading(nil)
      return connection
    }
  }
  /// The cadres found so far by 身份证号: a monthly payroll names each cadre once a line, a year's dues a
  /// dozen times; forgotten whenever a cadre row changes (`forgetCadres`). At most `rememberedLimit` of them
  /// found one by one, so memory stays bounded whatever the roster: 98,000 is three quarters of 131,072, the
  /// most a dictionary holds before it doubles its table — 10 MB of compact `CadreRef`s. A million payments
  /// at scale 10 stay under 100 MB; the look-ups past the limit are the reading thread's, which has time to
  /// spare. (A roster read whole on PostgreSQL is at most `rosterReadLimit`.)
  private var remembered: [CadreRef.Number: CadreRef] = [:]
  private static let rememberedLimit = 98_000
  /// Look-ups by 身份证号 that asked the database. On PostgreSQL, where each is a round trip to the server,
  /// the `rosterReadAfter`th reads the whole roster into `remembered` instead, two thousand cadres a round
  /// trip: a file of a million payments then asks the server no more, where it asked once a cadre.
  private var askedByNumber = 0
  private static let rosterReadAfter = 256
  /// The largest roster read whole, about 40 MB of `CadreRef`s: a province's retired cadres (the demo's scale
  /// 10) are 265,000. A larger one is looked up cadre by cadre.
  private static let rosterReadLimit = 400_000
  /// Whether `remembered` holds every cadre on file, so a number it lacks is on no one's record: from the
  /// roster's reading until the command adds or changes a cadre.
  private var remembersRoster = false

  /// Written once: a long file looks a cadre up for every row.
  private static let cadreByResidentID = "SELECT \(CadreRef.columns("cadre")) FROM cadre WHERE resident_id = ?"
  private static let cadreByID = "SELECT \(CadreRef.columns("cadre")) FROM cadre WHERE id = ?"

  /// An enrolment past its course's capacity waits instead of being refused (`import --wait`).
  var waitsWhenFull = false

  /// The organizations found so far by name, for a look-up over a snapshot (`init(_:snapshot:)`).
  private var organizations: [String: Int64?]?

  /// With `snapshot`, for a connection that sees the database as a command found it and no write of its
  /// (`WorkAhead`'s): what it finds cannot change, so it remembers organizations by name — a roster names its
  /// two hundred branches twenty-six thousand times, a query each.
  public init(_ db: any SQLSession, snapshot: Bool = false, today: CalendarDate = CalendarDate(Date())) {
    connection = db
    self.today = today
    organizations = snapshot ? [:] : nil
  }

  /// The connection, for a read of `table` alone: rows of other tables may wait.
  private func reading(_ table: String) throws -> any SQLSession {
    try beforeReading(table)
    return connection
  }

  public func cadre(residentID: String) throws -> CadreRef? {
    let number = CadreRef.Number(residentID)
    if let number {
      if let known = remembered[number] { return known }
      if try remembersRoster || readsRoster() { return remembered[number] }
    }
    let cadre = try reading("cadre").row(sql: Self.cadreByResidentID, arguments: [residentID]).map(CadreRef.init)
    if let cadre, let number, remembered.count < Self.rememberedLimit {
      remembered[number] = cadre
    }
    return cadre
  }

  /// Whether this look-up read the whole roster (`rosterReadAfter`): on PostgreSQL, when it is not too large.
  private func readsRoster() throws -> Bool {
    askedByNumber += 1
    guard askedByNumber == Self.rosterReadAfter, SQLDialect.engine == .postgresql else { return false }
    let db = try reading("cadre")
    guard try db.value(Int.self, sql: "SELECT COUNT(*) FROM cadre") ?? 0 <= Self.rosterReadLimit else { return false }
    let rows = try db.cursor(sql: "SELECT \(CadreRef.columns("cadre")) FROM cadre")
    while let row = try rows.next() {
      let cadre = CadreRef(row: row)
      if let number = CadreRef.Number(cadre.residentID) { remembered[number] = cadre }
    }
    remembersRoster = true
    return true
  }

  /// The cadre a cell's 身份证号 names, as typed (15 digits, a lower-case x, full-width digits), or nil when
  /// the text is no valid number or none on file. A spelling of a cadre already found is not checked again: a
  /// stored number is a valid one (a year's dues name each member a dozen times).
  public func cadre(spelled text: String) throws -> CadreRef? {
    if let known = CadreRef.Number(text).flatMap({ remembered[$0] }) { return known }
    guard let number = try? ResidentID(text) else { return nil }
    return try cadre(residentID: number.value)
  }

  /// Whether the command has written no cadre row yet, so that a cadre found in the database as the command
  /// found it (`WorkAhead`) is still the cadre it was.
  private(set) var cadresUnchanged = true

  package func forgetCadres() {
    remembered.removeAll()
    remembersRoster = false
    cadresUnchanged = false
  }

  package func cadreAdded() {
    remembersRoster = false
    cadresUnchanged = false
  }

  public func cadre(id: Int64) throws -> CadreRef? {
    try reading("cadre").row(sql: Self.cadreByID, arguments: [id]).map(CadreRef.init)
  }

  package func organizationID(named name: String) throws -> Int64? {
    if let known = organizations?[name] { return known }
    let id = try reading("party_organization").value(
      Int64.self, sql: "SELECT id FROM party_organization WHERE name = ? AND \(RecordSQL.inForce())", arguments: [name])
    organizations?[name] = id
    return id
  }

  /// Whether the cadre has a standard from `month` on, other than the record `id` (the one being edited).
  func hasDuesStandard(_ cadreID: Int64, from month: Month, excluding id: Int64?) throws -> Bool {
    try startsIn(month, cadreID, table: DuesStandard.tableName, excluding: id)
  }

  /// Whether the cadre has a 离退休费 in force starting in `month`, other than record `id`.
  func hasPension(_ cadreID: Int64, from month: Month, excluding id: Int64?) throws -> Bool {
    try startsIn(month, cadreID, table: Pension.tableName, excluding: id)
  }

  /// Whether a row in force of `table` — an amount a cadre has from a month on — starts in `month`.
  private func startsIn(_ month: Month, _ cadreID: Int64, table: String, excluding id: Int64?) throws -> Bool {
    try db.value(
      Bool.self,
      sql: """
        SELECT EXISTS (SELECT 1 FROM \(table) WHERE cadre_id = ? AND from_month = ? AND \(RecordSQL.inForce())
                       AND \(SQLDialect.differs("id", "?")))
        """, arguments: [cadreID, month, id]) ?? false
  }

  /// A cadre's transfers in force, for the checks a new one needs.
  func transfers(of cadreID: Int64) throws -> [(id: Int64, day: CalendarDate, direction: TransferDirection)] {
    try db.rows(
      sql: """
        SELECT id, transferred_on, direction FROM transfer WHERE cadre_id = ? AND \(RecordSQL.inForce())
        ORDER BY transferred_on
        """, arguments: [cadreID]
    ).map { ($0[0], $0[1], $0[2]) }
  }

  /// A cadre's family member in force by 姓名 (a 领取人), or by id.
  /// The cadre's family members in force of that name, by id: two may share one (a child and a daughter-in-law).
  func familyMembers(of cadreID: Int64, named name: String) throws -> [FamilyMember] {
    try db.records(
      FamilyMember.self,
      sql: "SELECT * FROM family_member WHERE cadre_id = ? AND name = ? AND \(RecordSQL.inForce()) ORDER BY id",
      arguments: [cadreID, name])
  }

  func familyMember(id: Int64) throws -> FamilyMember? {
    try db.record(FamilyMember.self, sql: "SELECT * FROM family_member WHERE id = ?", arguments: [id])
  }

  package func organizationName(id: Int64) throws -> String? {
    try db.value(String.self, sql: "SELECT name FROM party_organization WHERE id = ?", arguments: [id])
  }

  /// The cadres in force of that name (a list that names people as a branch secretary writes them).
  func cadres(named name: String) throws -> [CadreRef] {
    try db.rows(
      sql: "SELECT \(CadreRef.columns("c")) FROM cadre c WHERE c.name = ? AND \(RecordSQL.inForce("c")) LIMIT 2",
      arguments: [CellText.key(name)]
    ).map(CadreRef.init)
  }

  /// The cadres listed on an event, in the order they were entered.
  package func participants(of table: String, id: Int64) throws -> [CadreRef] {
    try db.rows(
      sql: """
        SELECT \(CadreRef.columns("c")) FROM participant p JOIN cadre c ON c.id \
        = p.cadre_id
        WHERE p.event_table = ? AND p.event_id = ? ORDER BY c.id
        """, arguments: [table, id]
    ).map(CadreRef.init)
  }
}

// MARK: - Cells that name other records

extension AuditedWriter {
  /// The command's look-ups, made at its first use: one for all its writes, so what it remembers is shared and is
  /// forgotten when a cadre row changes.
  package var lookup: Lookup {
    if let lookup = cadreMemory as? Lookup { return lookup }
    let lookup = Lookup(connection, today: today)
    // Made at its first use, perhaps after the command wrote a cadre: then what it finds may already differ
    // from what the reading thread found ahead.
    if cadresWritten { lookup.cadreAdded() }
    lookup.beforeReading = { [unowned self] table in
      if let table { try storeWaitingRows(of: table) } else { try storeWaitingRows() }
    }
    cadreMemory = lookup
    return lookup
  }
}

extension FieldReader {
  /// A cadre named by 身份证号; an unknown number is a problem.
  public mutating func cadre(_ field: Field, _ lookup: Lookup) throws -> Lookup.CadreRef? {
    if let found, found.field == field, lookup.cadresUnchanged { return inForce(found.cadre, field) }
    guard let text = text(field) else { return nil }
    return try cadre(text, field: field, lookup)
  }

  /// 参与干部: 身份证号 separated by `;` `；` `、` or `,` — or, `byName`, unique names too (a meeting's 出席, SPEC
  /// §16). Unknown numbers are problems; a cadre not yet retired or already dead on `day` is only noted (SPEC
  /// §4: a warning, not an error). A repeated number counts once. A cell typed empty (`出席=` in an edit) is
  /// an empty list, which clears the one stored; no cell at all keeps it.
  package mutating func participants(_ field: Field, on day: CalendarDate?, _ lookup: Lookup, byName: Bool = false)
    throws -> [Lookup.CadreRef]?
  {
    guard let text = text(field) else { return typed(field) ? [] : nil }
    var found: [Lookup.CadreRef] = []
    for part in text.split(whereSeparator: { ";；、,，".contains($0) }) {
      let named = byName && !part.contains(where: \.isASCIIDigit)
      let listed =
        named ? try cadre(named: part.trimmed, field: field, lookup) : try cadre(part.trimmed, field: field, lookup)
      guard let cadre = listed, !found.contains(cadre) else { continue }
      found.append(cadre)
      guard let day else { continue }
      if let retired = cadre.retiredOn, retired > day {
        note("\(cadre.name)（\(Masking.residentID(cadre.residentID))）\(day) 尚未离退休（\(retired)）")
      }
      if let died = cadre.diedOn, died < day {
        note("\(cadre.name)（\(Masking.residentID(cadre.residentID))）已于 \(died) 去世，早于 \(day)")
      }
    }
    return found
  }

  /// An organization named by its 名称.
  public mutating func organization(_ field: Field, _ lookup: Lookup) throws -> Int64? {
    guard let name = text(field) else { return nil }
    guard let id = try lookup.organizationID(named: name) else {
      fail(field, "没有这个党组织（先 import organizations 或 org add）")
      return nil
    }
    return id
  }

  /// The one cadre in force of that name; none, or two of it, is a problem that asks for the 身份证号.
  private mutating func cadre(named name: String, field: Field, _ lookup: Lookup) throws -> Lookup.CadreRef? {
    let cadres = try lookup.cadres(named: name)
    guard cadres.count == 1 else {
      fail(field, cadres.isEmpty ? "没有叫这个名字的干部" : "有不止一名干部叫这个名字，请写身份证号", value: name)
      return nil
    }
    return cadres[0]
  }

  /// The cadre, unless voided: a record voided as a wrong entry is named by nothing new.
  private mutating func inForce(_ cadre: Lookup.CadreRef, _ field: Field) -> Lookup.CadreRef? {
    guard cadre.isVoided else { return cadre }
    fail(field, "\(cadre.name) 的干部记录已作废，不能再登记与其相关的记录", value: Masking.residentID(cadre.residentID))
    return nil
  }

  /// The cadre `text` names; when none, the problem says why: not a valid number, or none on file.
  private mutating func cadre(_ text: String, field: Field, _ lookup: Lookup) throws -> Lookup.CadreRef? {
    if let cadre = try lookup.cadre(spelled: text) { return inForce(cadre, field) }
    do {
      fail(field, "没有登记这个身份证号的干部", value: try ResidentID(text).masked)
    } catch {
      fail(field, error.description, value: Masking.residentID(text))
    }
    return nil
  }
}
