import GRDB

/// Finds, on an import's reading thread (`ReadAhead`), the cadre each row names by 身份证号, through a
/// connection of its own, so that the writer does not look it up: on a file of dues for a prefecture's
/// 130,000 members that look-up was a fifth of the writer's time.
///
/// The connection is opened after the writer's transaction began, and the writer holds the database's one
/// write lock until it commits, so it reads the database exactly as the command found it. What it finds is
/// used only while the command has written no cadre row (`Lookup.cadresUnchanged`); a number it does not find
/// is looked up again by the writer, which sees the command's own writes.
struct CadreFinder<Field: ImportField> {
  /// The fields that may name a cadre by 身份证号, the record's own key left out (a roster's own numbers).
  private let fields: [Field]
  private let lookup: Lookup

  /// Runs `body` with a finder reading through a connection `open` gives, or with none when the kind names
  /// no cadre by 身份证号 or the connection cannot be opened (the writer then looks every cadre up itself).
  static func using<T>(
    _ open: (() throws -> DatabaseQueue)?, key: Field?, _ body: (CadreFinder?) throws -> T
  ) throws -> T {
    let fields = Field.allCases.filter { field in
      guard case .residentID = field.form else { return false }
      return field != key
    }
    guard !fields.isEmpty, let queue = try? open?() else { return try body(nil) }
    return try queue.read { db in try body(CadreFinder(fields: fields, lookup: Lookup(db))) }
  }

  /// Keeps in `row` the first cadre one of the fields names, if there is one.
  func find(in row: inout FieldReader<Field>) {
    for field in fields {
      guard let text = row.text(field), let cadre = try? lookup.cadre(spelled: text) else { continue }
      row.found = (field, cadre)
      return
    }
  }
}
