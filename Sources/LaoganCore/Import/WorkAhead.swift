import LaoganStore

/// What an import's reading thread (`ReadAhead`) works out before the writer needs it, through a read-only
/// connection of its own: the cadre each row names by 身份证号 — on a file of dues for a prefecture's 130,000
/// members that look-up was a fifth of the writer's time — and, for a kind that `parsesAhead`, the row's
/// stored record and the record the row reads into: a third of a roster's.
///
/// The connection is opened after the writer's transaction began, and the writer holds the database's one
/// write lock until it commits, so it reads the database exactly as the command found it. The writer uses a
/// cadre found ahead only while the command has written no cadre row (`Lookup.cadresUnchanged`), and a row
/// worked out ahead only when its key has not come before in the file (`RecordSaver.save(_:line:ahead:)`);
/// otherwise it looks up and reads for itself, seeing the command's own writes.
struct WorkAhead<Kind: RecordKind> {
  /// The fields that may name a cadre by 身份证号, the record's own key left out (a roster's own numbers).
  private let cadreFields: [Kind.Field]
  private let lookup: Lookup
  /// The records stored under their keys, for a kind that parses ahead.
  private let stored: KeyedRecords<Kind>?

  /// Runs `body` with work ahead through a connection `open` gives, or with none when there is nothing to
  /// work out or the connection cannot be opened (the writer then does it all itself).
  static func using<T>(_ open: (() throws -> LaoganDatabase)?, _ body: (WorkAhead?) throws -> T) throws -> T {
    let cadreFields = Kind.Field.allCases.filter { field in
      guard case .residentID = field.form else { return false }
      return field != Kind.keyField
    }
    guard !cadreFields.isEmpty || Kind.parsesAhead, let reader = try? open?() else { return try body(nil) }
    return try reader.read { db in
      let stored = Kind.parsesAhead ? try KeyedRecords<Kind>(db) : nil
      return try body(WorkAhead(cadreFields: cadreFields, lookup: Lookup(db, snapshot: true), stored: stored))
    }
  }

  /// Works out a batch of rows: keeps in each the first cadre one of its fields names, if there is one, and,
  /// for a kind that parses ahead, the row worked out over the record stored under its key — those records
  /// read for the whole batch at once. A row without a key, or whose working out went wrong, is left to the
  /// writer.
  func work(on rows: inout [ReadAhead<Kind>.Row]) {
    if !cadreFields.isEmpty {
      for index in rows.indices { rows[index].cells = rows[index].cells.map(withCadreFound) }
    }
    guard let stored else { return }
    let keys = rows.map { row in row.cells.flatMap { try? Kind.key(of: $0, lookup) } }
    guard let records = try? stored.records(under: keys.compactMap { $0 }) else { return }
    for (index, key) in keys.enumerated() {
      guard let cells = rows[index].cells, let key else { continue }
      rows[index].ahead = try? RecordSaver<Kind>.ahead(of: cells, key: key, over: records[key], lookup)
    }
  }

  /// `cells` keeping the first cadre one of the fields names, if there is one.
  private func withCadreFound(_ cells: FieldReader<Kind.Field>) -> FieldReader<Kind.Field> {
    var cells = cells
    for field in cadreFields {
      guard let text = cells.text(field), let cadre = try? lookup.cadre(spelled: text) else { continue }
      cells.found = (field, cadre)
      break
    }
    return cells
  }
}
