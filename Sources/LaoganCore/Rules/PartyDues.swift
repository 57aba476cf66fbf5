import Foundation
import LaoganModel
import LaoganStore

/// 党费 month by month (SPEC §11). For a member and a month, the due is the standard whose start month is the
/// latest on or before it — none before the first standard — while the cadre is a living Party member: not
/// for a month before 入党日期, nor after the month of death (that month is due), nor for a month that does not
/// begin with the bureau managing the cadre (`ManagedRule`, as the benefit run pays). Paid is the sum of the
/// member's dues rows for the month. A month is short by what its due exceeds its paid; an overpayment of one
/// month never covers another.
struct DuesMember: Sendable {
  let id: Int64
  let name: String
  let residentID: String
  let joinedPartyOn: CalendarDate?
  let diedOn: CalendarDate?
  let organization: String?
  /// The standards, the earliest start first.
  var standards: [(from: Month, monthly: Fen)] = []
  /// The cadre's 迁入 and 迁出; none for almost everyone.
  var transfers: [(day: CalendarDate, direction: TransferDirection)] = []
}

/// One member's dues over a span of months.
struct DuesAccount: Sendable {
  var due = Fen.zero
  var paid = Fen.zero
  var owed = Fen.zero
  /// The months short, in order (the first few kept, all counted).
  var shortMonths: [Month] = []
  var shortCount = 0
  /// 缴至: the last due month up to which every due month is fully paid; nil until one is.
  var paidThrough: Month?
  var hasDue = false
  static let shortMonthsKept = 12
}

extension DuesMember {
  /// The member's dues from month `first` on, `paid`'s i-th element being what was paid for the i-th month of
  /// the span, in 分. A month is due from the first standard in force, in the member's `DuesMonths`.
  func account(first: Int, paid: [Int64]) -> DuesAccount {
    var account = DuesAccount()
    let months = DuesMonths.span(joinedPartyOn: joinedPartyOn, diedOn: diedOn)
    var standard = -1
    var fullyPaid = true
    for (offset, paidInMonth) in paid.enumerated() {
      let month = first + offset
      account.paid.value += paidInMonth
      while standard + 1 < standards.count, standards[standard + 1].from.index <= month { standard += 1 }
      guard standard >= 0, months.contains(month),
        transfers.isEmpty || ManagedRule.isManaged(on: Month(index: month).firstDay, transfers)
      else { continue }
      let due = standards[standard].monthly.value
      account.hasDue = true
      account.due.value += due
      if paidInMonth < due {
        account.owed.value += due - paidInMonth
        account.shortCount += 1
        if account.shortMonths.count < DuesAccount.shortMonthsKept { account.shortMonths.append(Month(index: month)) }
        fullyPaid = false
      } else if fullyPaid {
        account.paidThrough = Month(index: month)
      }
    }
    return account
  }
}

extension LaoganDatabase {
  /// `transform` of each Party member in `region` — their standards, their organization on `day` — and their
  /// dues from `first` to `last`, paid summed by month; the results that are not nil, in the order of the
  /// members' ids.
  ///
  /// A province's members pay five million dues rows over four years. The rows are read by position in range
  /// scans of the by-month index (which holds every column asked): the first third of the months on this
  /// connection, which also reads the members, the rest on a second connection on the other core. Each
  /// member is found by id in a dense table rather than hashed, and the months' amounts are kept in flat
  /// arrays of members × months (8 bytes each: 50 MB for 130,000 members over four years, whatever the
  /// number of rows). The accounts are then reckoned and transformed in one half of the members a core.
  func mapDuesAccounts<T: Sendable>(
    region: Region, from first: Month, to last: Month, on day: CalendarDate, _ db: any SQLSession,
    _ transform: @escaping @Sendable (DuesMember, DuesAccount) -> T?
  ) throws -> [T] {
    let scope = ReportScope(region: region)
    let membersSQL = """
      FROM cadre c WHERE c.party_member = 1 AND \(RecordSQL.inForce("c")) AND \(scope.region("c.region_code"))
      ORDER BY c.id
      """
    let split = Month(index: first.index + max(last.index - first.index + 1, 0) / 3)
    let (earlier, later) = try readAlongside(db) {
      let members = try Self.duesMembers(membersSQL, on: day, db)
      return (
        members,
        try MonthlyDues(db, RecordPositions(ids: members.map(\.id)), from: first, to: Month(index: split.index - 1))
      )
    } there: { db in
      // The members' ids again, by this connection: it starts before the first one has read them.
      try MonthlyDues(
        db, RecordPositions(ids: try db.values(Int64.self, sql: "SELECT c.id " + membersSQL)), from: split, to: last)
    }
    let (members, paidEarlier) = earlier
    let paidLater = try later ?? MonthlyDues(db, RecordPositions(ids: members.map(\.id)), from: split, to: last)
    let halves = (0..<members.count).split(into: ProcessInfo.processInfo.activeProcessorCount)
    return halves.concurrentMap { half in
      var paid = [Int64](repeating: 0, count: paidEarlier.span + paidLater.span)
      return half.compactMap { position in
        for offset in 0..<paidEarlier.span { paid[offset] = paidEarlier[position, offset] }
        for offset in 0..<paidLater.span { paid[paidEarlier.span + offset] = paidLater[position, offset] }
        return transform(members[position], members[position].account(first: first.index, paid: paid))
      }
    }.flatMap { $0 }
  }

  /// The Party members `membersSQL` selects, with their organization on `day`, standards and transfers.
  private static func duesMembers(_ membersSQL: String, on day: CalendarDate, _ db: any SQLSession) throws
    -> [DuesMember]
  {
    // Organizations by id, so that a province's members share their organizations' names; dates read as
    // text and parsed from their bytes.
    let organizations = try Dictionary(
      uniqueKeysWithValues: db.rows(sql: "SELECT id, name FROM party_organization").map {
        (row: SQLRow) -> (Int64, String) in (row[0], row[1])
      })
    var members: [DuesMember] = []
    let rows = try db.cursor(
      sql: """
        SELECT c.id, c.name, c.resident_id, c.joined_party_on, c.died_on,
               (SELECT m.organization_id FROM membership m
                WHERE m.cadre_id = c.id AND \(CadreSQL.membership(on: ":day"))) AS organization
        \(membersSQL)
        """, arguments: ["day": day])
    while let row = try rows.next() {
      let joined: String? = row[3]
      let died: String? = row[4]
      let organization: Int64? = row[5]
      members.append(
        DuesMember(
          id: row[0], name: row[1], residentID: row[2], joinedPartyOn: joined.flatMap(CalendarDate.init(iso:)),
          diedOn: died.flatMap(CalendarDate.init(iso:)), organization: organization.flatMap { organizations[$0] }))
    }
    let positions = RecordPositions(ids: members.map(\.id))
    let standards = try db.cursor(
      sql: """
        SELECT cadre_id, from_month, monthly_fen FROM dues_standard WHERE \(RecordSQL.inForce())
        ORDER BY cadre_id, from_month
        """)
    while let row = try standards.next() {
      guard let position = positions[row[0]], let from = Month(storedForm: row[1]) else { continue }
      members[position].standards.append((from, Fen(row[2])))
    }
    let moves = try db.cursor(
      sql: """
        SELECT cadre_id, transferred_on, direction FROM transfer WHERE \(RecordSQL.inForce())
        ORDER BY cadre_id, transferred_on
        """)
    while let row = try moves.next() {
      guard let position = positions[row[0]], let direction = TransferDirection(rawValue: row[2]) else { continue }
      members[position].transfers.append((row[1], direction))
    }
    return members
  }
}

/// What each member paid for each month of a span, in 分: one flat array, a month's members after another's.
/// The rows come by month and then by member, so filling it runs through memory in order, and so does
/// reading it member after member (eight members share each month's cache line).
struct MonthlyDues: Sendable {
  let span: Int
  private let members: Int
  private var paid: [Int64]

  /// The dues rows from `first` to `last` (none when `last` is before `first`) of the members at `positions`.
  init(_ db: any SQLSession, _ positions: RecordPositions, from first: Month, to last: Month) throws {
    span = max(last.index - first.index + 1, 0)
    members = positions.count
    paid = [Int64](repeating: 0, count: members * span)
    guard span > 0 else { return }
    // A month at a time: the by-month index gives each month's rows together, and the month is then not
    // read, made into text and parsed five million times.
    let sql = """
      SELECT cadre_id, amount_fen FROM dues_payment \(SQLDialect.indexed(by: "dues_payment_by_month"))
      WHERE \(RecordSQL.inForce()) AND month = ?
      """
    for offset in 0..<span {
      let rows = try db.cursor(sql: sql, arguments: [Month(index: first.index + offset)])
      while let row = try rows.next() {
        guard let position = positions[row[0]] else { continue }
        paid[offset * members + position] += row[1]
      }
    }
  }

  /// What the member at `position` paid in the span's `offset`-th month.
  subscript(position: Int, offset: Int) -> Int64 {
    paid[offset * members + position]
  }
}

/// Each record's position in a list of records sorted by id, looked up in a table indexed by id: ids are
/// handed out one after another, so the table is dense, and a look-up is one load rather than a hash.
struct RecordPositions: Sendable {
  let count: Int
  private let lowest: Int64
  private let table: [Int32]

  init(ids: [Int64]) {
    count = ids.count
    lowest = ids.min() ?? 0
    var table = [Int32](repeating: -1, count: ids.isEmpty ? 0 : Int((ids.max() ?? 0) - lowest) + 1)
    for (position, id) in ids.enumerated() { table[Int(id - lowest)] = Int32(position) }
    self.table = table
  }

  subscript(id: Int64) -> Int? {
    let slot = Int(id - lowest)
    guard table.indices.contains(slot), table[slot] >= 0 else { return nil }
    return Int(table[slot])
  }
}
