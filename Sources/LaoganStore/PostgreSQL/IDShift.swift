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
  let moves: Bool

  init(offsets: [String: Int64], references: [String: [(column: String, table: String)]]) {
    self.offsets = offsets
    self.references = references
    moves = offsets.values.contains { $0 != 0 }
  }

  /// How rows of `table`, read from the file in `columns`, move: worked out once a table, not a row.
  func table(_ table: String, columns: [String]) -> TableShift {
    guard moves else { return TableShift(moves: [], offsets: offsets) }
    var moves: [TableShift.Move] = []
    for (index, column) in columns.enumerated() {
      let parent = column == "id" ? table : references[table]?.first { $0.column == column }?.table
      if let parent {
        if let offset = offsets[parent], offset != 0 { moves.append(.by(index, offset)) }
        continue
      }
      switch (table, column) {
      case ("participant", "event_id"):
        if let named = columns.firstIndex(of: "event_table") {
          moves.append(.byTable(index, named, ParticipantList.recordTable(of:)))
        }
      case ("audit_entry", "record_id"), ("audit_entry", "last_record_id"):
        if let named = columns.firstIndex(of: "table_name") {
          moves.append(.byTable(index, named, Self.recordTable(ofAuditTable:)))
        }
      case ("course", "course_key"):
        if let offset = offsets["term"], offset != 0 { moves.append(.termKey(index, offset)) }
      default:
        break
      }
    }
    return TableShift(moves: moves, offsets: offsets)
  }

  /// The table of the records an audit entry names: a participant list's (`participant.meeting_leave`) is
  /// its event's.
  static func recordTable(ofAuditTable name: String) -> String {
    guard name.hasPrefix("participant.") else { return name }
    return ParticipantList.recordTable(of: String(name.dropFirst("participant.".count)))
  }
}

/// The moves of one table's rows (`IDShift.table`).
struct TableShift {
  enum Move {
    /// The column holds an id of a table whose ids move by this much.
    case by(Int, Int64)
    /// The column holds an id of the table the second column names, by this reading of the name.
    case byTable(Int, Int, (String) -> String)
    /// A course's key names its term by id (`Course.key`): the term's moved id, the name as it was.
    case termKey(Int, Int64)
  }

  let moves: [Move]
  let offsets: [String: Int64]

  /// A row as it goes into the shared database.
  func row(_ values: [SQLValue]) -> [SQLValue] {
    guard !moves.isEmpty else { return values }
    var shifted = values
    for move in moves {
      switch move {
      case .by(let index, let offset):
        shifted[index] = Self.shift(values[index], by: offset)
      case .byTable(let index, let named, let table):
        guard case .text(let name) = values[named] else { continue }
        shifted[index] = Self.shift(values[index], by: offsets[table(name)] ?? 0)
      case .termKey(let index, let offset):
        guard case .text(let key) = values[index], let bar = key.firstIndex(of: "|"), let term = Int64(key[..<bar])
        else { continue }
        shifted[index] = .text("\(term + offset)\(key[bar...])")
      }
    }
    return shifted
  }

  private static func shift(_ value: SQLValue, by offset: Int64) -> SQLValue {
    guard offset != 0, case .integer(let id) = value else { return value }
    return .integer(id + offset)
  }
}
