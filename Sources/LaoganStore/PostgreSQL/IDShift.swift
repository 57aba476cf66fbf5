/// Where a file's rows land among the rows a shared database holds already: each table's ids moved past the
/// highest that table ever gave, by one number a table, so a run of ids stays a run and every reference —
/// a foreign key, a participant's event, an audit entry's record — moves with the row it names. Into an
/// empty database every number is 0 and the file keeps its ids.
struct IDShift {
  /// What is added to the file's ids of each table with an identity id.
  let offsets: [String: Int64]
  /// Each table's foreign keys: its column and the table whose id it holds.
  let references: [String: [(column: String, table: String)]]

  /// Whether any id moves: the file goes in among other offices' records.
  var moves: Bool { offsets.values.contains { $0 != 0 } }

  /// A row of `table`, read from the file in `columns`, as it goes into the shared database.
  func row(_ values: [SQLValue], of table: String, columns: [String]) -> [SQLValue] {
    guard moves else { return values }
    var shifted = values
    for (index, column) in columns.enumerated() {
      shifted[index] = shift(values[index], by: offset(of: column, in: table, row: values, columns: columns))
    }
    // A course's key names its term by id (`Course.key`): the term's moved id, the name as it was.
    if table == "course", let key = columns.firstIndex(of: "course_key"), case .text(let text) = values[key],
      let bar = text.firstIndex(of: "|"), let term = Int64(text[..<bar]), let offset = offsets["term"]
    {
      shifted[key] = .text("\(term + offset)\(text[bar...])")
    }
    return shifted
  }

  /// The offset of the table whose id `column` holds in a row of `table`, 0 when it holds none.
  private func offset(of column: String, in table: String, row: [SQLValue], columns: [String]) -> Int64 {
    if column == "id" { return offsets[table] ?? 0 }
    if let parent = references[table]?.first(where: { $0.column == column })?.table { return offsets[parent] ?? 0 }
    func text(_ name: String) -> String? {
      guard let index = columns.firstIndex(of: name), case .text(let value) = row[index] else { return nil }
      return value
    }
    switch (table, column) {
    case ("participant", "event_id"):
      return text("event_table").map { offsets[ParticipantList.recordTable(of: $0)] ?? 0 } ?? 0
    case ("audit_entry", "record_id"), ("audit_entry", "last_record_id"):
      return text("table_name").map { offsets[Self.recordTable(ofAuditTable: $0)] ?? 0 } ?? 0
    default:
      return 0
    }
  }

  /// The table of the records an audit entry names: a participant list's (`participant.meeting_leave`) is
  /// its event's.
  static func recordTable(ofAuditTable name: String) -> String {
    guard name.hasPrefix("participant.") else { return name }
    return ParticipantList.recordTable(of: String(name.dropFirst("participant.".count)))
  }

  private func shift(_ value: SQLValue, by offset: Int64) -> SQLValue {
    guard offset != 0, case .integer(let id) = value else { return value }
    return .integer(id + offset)
  }
}
