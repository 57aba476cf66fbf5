import LaoganModel
import LaoganStore

/// Writes rows of one kind inside one command's transaction: the shared core of `import KIND`, `KIND add`
/// and `KIND edit`.
///
/// A keyed row whose key is on file is compared with the stored record: identical changes nothing,
/// different needs `update` (`--update`); cells the row lacks keep the stored values. A fact row is always new.
final class RecordSaver<Kind: RecordKind> {
  enum Outcome: Equatable {
    case added, updated, unchanged
  }

  let writer: AuditedWriter
  /// The command's look-ups, shared with every other saver it runs.
  var lookup: Lookup { writer.lookup }
  private let update: Bool
  private let stored: KeyedRecords<Kind>?
  private var seen: ImportedKeys?

  /// A row read into its record: the row with its problems and notes, and the record when it has none —
  /// with its stored row when that was worked out ahead.
  struct Reading {
    var cells: FieldReader<Kind.Field>
    var parsed: Parsed<Kind.Record>?
    var storedRow: StoredRow?
  }

  /// A row of a kind that `parsesAhead`, worked out on the reading thread (`WorkAhead`): its key, the record
  /// stored under it when the command began, and the row read over that record.
  struct Ahead {
    let key: String
    let existing: Kind.Record?
    let reading: Reading
  }

  init(_ writer: AuditedWriter, update: Bool) throws {
    self.writer = writer
    self.update = update
    stored = try KeyedRecords(writer.db)
    seen = stored == nil ? nil : try ImportedKeys(writer.db)
  }

  /// Saves one row; returns what happened and the row's notes, or throws its problems.
  func save(_ cells: [Kind.Field: String], line: Int) throws -> (
    outcome: Outcome, record: Kind.Record, notes: [String]
  ) {
    try save(FieldReader(cells: cells), line: line)
  }

  /// Saves one row of a file, its cells already placed under their fields and perhaps worked out `ahead`.
  /// A key that came before in the file is refused; so what was worked out ahead is used only for a record
  /// the command has not written yet, which is what the reading thread saw.
  func save(_ row: FieldReader<Kind.Field>, line: Int, ahead: Ahead? = nil) throws -> (
    outcome: Outcome, record: Kind.Record, notes: [String]
  ) {
    let key = try ahead.map(\.key) ?? Kind.key(of: row, lookup)
    if let key, let seen, let first = try seen.line(of: key), let field = Kind.keyField {
      throw FieldProblems(problems: [FieldProblem(field: field.rawValue, value: shown(key), reason: "与第 \(first) 行重复")])
    }
    let result: (outcome: Outcome, record: Kind.Record, notes: [String])
    if let ahead {
      result = try store(ahead.reading, over: ahead.existing)
    } else {
      let existing = try key.flatMap { try stored?.record(under: $0) }
      result = try store(try Self.read(row, over: existing, lookup), over: existing)
    }
    if let key { try seen?.insert(key, line: line) }
    return result
  }

  /// Saves `changes` over `existing` (an edit), or a new record when there is none.
  func save(_ changes: [Kind.Field: String], over existing: Kind.Record?, allowUpdate: Bool? = nil)
    throws -> (outcome: Outcome, record: Kind.Record, notes: [String])
  {
    try store(
      try Self.read(FieldReader(cells: changes), over: existing, lookup), over: existing, allowUpdate: allowUpdate)
  }

  /// Works out a row on the reading thread, through its own connection and look-ups: down to the stored
  /// row of a new record (a roster's pinyin keys among them).
  static func ahead(of row: FieldReader<Kind.Field>, key: String, over existing: Kind.Record?, _ lookup: Lookup)
    throws -> Ahead
  {
    var reading = try read(row, over: existing, lookup)
    if existing == nil, let listed = reading.parsed?.record as? any ColumnList {
      reading.storedRow = try listed.storedRow
    }
    return Ahead(key: key, existing: existing, reading: reading)
  }

  /// Reads `row` over `existing`, whose values fill the fields the row has no cell for, or as a new record.
  static func read(_ row: FieldReader<Kind.Field>, over existing: Kind.Record?, _ lookup: Lookup) throws -> Reading {
    var cells = row
    if let existing { cells.fill(from: try Kind.cells(of: existing, lookup)) }
    cells.replacing = existing?.id
    cells.requireFilled()
    let parsed = try Kind.parse(&cells, lookup)
    return Reading(cells: cells, parsed: parsed)
  }

  /// Stores a row read over `existing`, or as a new record when there is none; throws its problems.
  private func store(_ reading: Reading, over existing: Kind.Record?, allowUpdate: Bool? = nil)
    throws -> (outcome: Outcome, record: Kind.Record, notes: [String])
  {
    let reader = reading.cells
    guard reader.problems.isEmpty, var parsed = reading.parsed else { throw FieldProblems(problems: reader.problems) }
    guard let existing else {
      // A kind that parses ahead reads nothing its import writes, so its new records may wait too.
      try writer.insert(&parsed.record, canWait: Kind.isFact || Kind.parsesAhead, stored: reading.storedRow)
      try link(parsed)
      try Kind.afterSave(parsed, added: true, writer, lookup)
      return (.added, parsed.record, reader.notes)
    }
    // The row says nothing of voiding: a voided record stays voided however often its roster is imported.
    parsed.record.id = existing.id
    parsed.record.voidedReason = existing.voidedReason
    let listedBefore = [
      try Kind.participantCell(of: existing.id, lookup), try Kind.excusedCell(of: existing.id, lookup),
    ]
    let listedNow = [
      parsed.participants.map { $0.map(\.residentID).joined(separator: ";") } ?? listedBefore[0],
      parsed.excused.map { $0.map(\.residentID).joined(separator: ";") } ?? listedBefore[1],
    ]
    if parsed.record == existing && listedNow == listedBefore {
      return (.unchanged, parsed.record, reader.notes)
    }
    if let reason = existing.voidedReason {
      // A row may still list a record voided as a wrong entry (nothing is written for it while it is unchanged),
      // but nothing writes into one: it would stay voided and out of every list, its change unseen.
      throw FieldProblems(problems: [
        FieldProblem(
          field: Kind.keyField?.rawValue ?? "", value: shown(Kind.keyField.flatMap { reader.text($0) } ?? ""),
          reason: "记录 \(existing.id ?? 0) 已作废（\(reason)），不能再修改；确属误作废请先 undo 那次作废，否则从表中删去这一行")
      ])
    }
    guard allowUpdate ?? update else {
      let now = try Kind.cells(of: parsed.record, lookup)
      let old = try Kind.cells(of: existing, lookup)
      let differing = Kind.Field.allCases.filter { (now[$0] ?? "") != (old[$0] ?? "") }.map(\.rawValue)
      let key = Kind.keyField
      throw FieldProblems(problems: [
        FieldProblem(
          field: key?.rawValue ?? "", value: shown(key.flatMap { reader.text($0) } ?? ""),
          reason: "已登记为记录 \(existing.id ?? 0)，本行的\(differing.joined(separator: "、"))与之不同；以本文件为准请加 --update")
      ])
    }
    try writer.update(parsed.record, from: existing)
    if listedNow != listedBefore { try link(parsed) }
    try Kind.afterSave(parsed, added: false, writer, lookup)
    return (.updated, parsed.record, reader.notes)
  }

  /// Replaces the cadres a record lists, in each list the row gives.
  private func link(_ parsed: Parsed<Kind.Record>) throws {
    guard let id = parsed.record.id else { return }
    for (table, cadres) in [(Kind.participantTable, parsed.participants), (Kind.excusedTable, parsed.excused)] {
      guard let table, let cadres else { continue }
      try writer.replaceParticipants(table: table, eventID: id, cadreIDs: cadres.map(\.id))
    }
  }

  /// A key as messages show it: a 身份证号 masked.
  private func shown(_ key: String) -> String {
    (try? ResidentID(key)).map(\.masked) ?? key
  }
}
