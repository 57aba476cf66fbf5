import GRDB

/// 党费 month by month (SPEC §11). For a member and a month, the due is the standard whose start month is the
/// latest on or before it — none before the first standard — while the cadre is a living Party member: not
/// for a month before 入党日期, nor after the month of death (that month is due). Paid is the sum of the
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

  /// What is due for `month`, or nil when nothing is.
  func due(in month: Month) -> Fen? {
    if let joinedPartyOn, joinedPartyOn > month.lastDay { return nil }
    if let diedOn, diedOn < month.firstDay { return nil }
    return standards.last { $0.from <= month }?.monthly
  }

  /// The first month anything is due.
  var firstDueMonth: Month? {
    guard let first = standards.first?.from else { return nil }
    let joined = joinedPartyOn.map(Month.init) ?? first
    return max(first, joined)
  }
}

/// One member's dues over a span of months.
struct DuesAccount {
  var due = Fen.zero
  var paid = Fen.zero
  var owed = Fen.zero
  var shortMonths: [Month] = []
  /// 缴至: the last month up to which every due month is fully paid; nil until a due month is.
  var paidThrough: Month?
  var hasDue = false
}

extension LaoganDatabase {
  /// The Party members in `region` with their standards and their organization on `day`, and each one's dues
  /// from `first` to `last`, paid summed by month. One pass over the dues in the span, ordered as the index is.
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
    // Streamed in the index's order, one member's months at a time, so memory stays flat however many rows.
    var accounts = [DuesAccount?](repeating: nil, count: members.count)
    var current: (position: Int, paid: [Month: Fen])?
    func settle() {
      guard let current else { return }
      accounts[current.position] = members[current.position].account(from: first, to: last, paid: current.paid)
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT cadre_id, month, SUM(amount_fen) FROM dues_payment
        WHERE \(RecordSQL.inForce()) AND month BETWEEN ? AND ? GROUP BY cadre_id, month
        """, arguments: [first, last])
    while let row = try rows.next() {
      guard let position = index[row[0]], let month = Month.fromDatabaseValue(row[1]) else { continue }
      if current?.position != position {
        settle()
        current = (position, [:])
      }
      current?.paid[month] = Fen(row[2])
    }
    settle()
    return members.indices.map { position in
      (members[position], accounts[position] ?? members[position].account(from: first, to: last, paid: [:]))
    }
  }
}

extension DuesMember {
  func account(from first: Month, to last: Month, paid: [Month: Fen]) -> DuesAccount {
    var account = DuesAccount()
    var fullyPaid = true
    var month = max(first, firstDueMonth ?? last.next)
    while month <= last {
      let paidNow = paid[month] ?? .zero
      account.paid = account.paid + paidNow
      if let due = due(in: month) {
        account.hasDue = true
        account.due = account.due + due
        if paidNow < due {
          account.owed = account.owed + (due - paidNow)
          account.shortMonths.append(month)
          fullyPaid = false
        } else if fullyPaid {
          account.paidThrough = month
        }
      }
      month = month.next
    }
    return account
  }
}
