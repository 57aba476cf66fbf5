import Foundation
import LaoganModel
import LaoganStore

/// The records stored under their keys, for a kind with one: what imported rows are compared with.
struct KeyedRecords<Kind: RecordKind> {
  private let db: any SQLSession
  private let byKey: String
  private let byKeys: String

  /// Nil for a kind without a key.
  init?(_ db: any SQLSession) throws {
    guard Kind.keyField != nil else { return nil }
    self.db = db
    let table = Kind.Record.tableName
    byKey = "SELECT \(Kind.Record.selection) FROM \(table) WHERE \(Kind.keyColumn) = ?"
    byKeys = """
      SELECT \(table).\(Kind.keyColumn) AS laogan_key, \(Kind.Record.selection) FROM \(table)
      WHERE \(Kind.keyColumn) IN \(SQLDialect.textList("?"))
      """
  }

  func record(under key: String) throws -> Kind.Record? {
    try db.record(Kind.Record.self, sql: byKey, arguments: [key])
  }

  /// The records under any of `keys`, by key, read by one statement: GRDB sets up a record's columns by name
  /// each time a statement runs, and on a roster's reading thread running one a row made that a tenth of
  /// its time.
  func records(under keys: [String]) throws -> [String: Kind.Record] {
    let list = String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)
    let found = try db.recordRows(Kind.Record.self, sql: byKeys, arguments: [list])
    return Dictionary(found.map { ($0.row["laogan_key"], $0.record) }) { first, _ in first }
  }
}
