import GRDB

/// 党费 month by month (SPEC §11). For a member and a month, the due is the standard whose start month is the
/// latest on or before it — none before the first standard — while the cadre is a living Party member: not
/// for a month before 入党日期, nor after the month of death (that month is due), nor for a month that does not
/// begin with the bureau managing the cadre (`ManagedRule`, as the benefit run pays). Paid is the sum of the
/// member's dues rows for the month. A month is short by what its due exceeds its paid; an overpayment of one
/// month never covers another.
struct DuesMember {
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
struct DuesAccount {
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
  /// The member's dues from month `first` on, `paid[i]` being what was paid for the i-th month of the span,
  /// in 分. A month is due from the first standard in force and 入党日期 on, until the month of death.
  func account(first: Int, paid: [Int64]) -> DuesAccount {
    var account = DuesAccount()
    let joined = joinedPartyOn.map { Month($0).index } ?? .min
    let died = diedOn.map { Month($0).index } ?? .max
    var standard = -1
    var fullyPaid = true
    for offset in paid.indices {
      let month = first + offset
      account.paid.value += paid[offset]
      while standard + 1 < standards.count, standards[standard + 1].from.index <= month { standard += 1 }
      guard standard >= 0, month >= joined, month <= died,
        transfers.isEmpty || ManagedRule.isManaged(on: Month(index: month).firstDay, transfers)
      else { continue }
      let due = standards[standard].monthly.value
      account.hasDue = true
      account.due.value += due
      if paid[offset] < due {
        account.owed.value += due - paid[offset]
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
  /// The Party members in `region` with their standards and their organization on `day`, and each one's dues
  /// from `first` to `last`, paid summed by month.
  func duesAccounts(region: Region, from first: Month, to last: Month, on day: CalendarDate, _ db: Database) throws
    -> [(member: DuesMember, account: DuesAccount)]
  {
    let scope = ReportScope(region: region)
    var members = try Row.fetchAll(
      db,
      sql: """
        SELECT c.id, c.name, c.resident_id, c.joined_party_on, c.died_on,
               (SELECT o.name FROM membership m JOIN party_organization o ON o.id = m.organization_id
                WHERE m.cadre_id = c.id AND \(CadreSQL.membership(on: ":day"))) AS organization
        FROM cadre c WHERE c.party_member = 1 AND \(RecordSQL.inForce("c")) AND \(scope.region("c.region_code"))
        ORDER BY c.id
        """, arguments: ["day": day]
    ).map { row in
      DuesMember(
        id: row["id"], name: row["name"], residentID: row["resident_id"], joinedPartyOn: row["joined_party_on"],
        diedOn: row["died_on"], organization: row["organization"])
    }
    var index = [Int64: Int](minimumCapacity: members.count)
    for (position, member) in members.enumerated() { index[member.id] = position }
    let standards = try Row.fetchCursor(
      db,
      sql: """
        SELECT cadre_id, from_month, monthly_fen FROM dues_standard WHERE \(RecordSQL.inForce())
        ORDER BY cadre_id, from_month
        """)
    while let row = try standards.next() {
      guard let position = index[row["cadre_id"]], let from = Month.fromDatabaseValue(row[1]) else { continue }
      members[position].standards.append((from, Fen(row["monthly_fen"])))
    }
    let moves = try Row.fetchCursor(
      db,
      sql: """
        SELECT cadre_id, transferred_on, direction FROM transfer WHERE \(RecordSQL.inForce())
        ORDER BY cadre_id, transferred_on
        """)
    while let row = try moves.next() {
      guard let position = index[row[0]], let direction = TransferDirection(rawValue: row[2]) else { continue }
      members[position].transfers.append((row[1], direction))
    }
    // What each member paid for each month of the span, in one range scan of the by-month index: a row of
    // month slots a member, so memory is members × months of 8 bytes (50 MB for 130,000 members over four
    // years), whatever the number of dues rows.
    let span = max(last.index - first.index + 1, 0)
    var paid = [[Int64]](repeating: [], count: members.count)
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT cadre_id, month, amount_fen FROM dues_payment INDEXED BY dues_payment_by_month
        WHERE \(RecordSQL.inForce()) AND month BETWEEN ? AND ?
        """, arguments: [first, last])
    while let row = try rows.next() {
      guard let position = index[row[0]], let month = Month(storedForm: row[1]) else { continue }
      if paid[position].isEmpty { paid[position] = [Int64](repeating: 0, count: span) }
      paid[position][month.index - first.index] += row[2]
    }
    let nothing = [Int64](repeating: 0, count: span)
    return members.indices.map { position in
      let months = paid[position].isEmpty ? nothing : paid[position]
      return (members[position], members[position].account(first: first.index, paid: months))
    }
  }
}
