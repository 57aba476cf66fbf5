import Foundation
import GRDB
import LaoganModel
import LaoganStore

/// The records stored under their keys, for a kind with one: what imported rows are compared with.
struct KeyedRecords<Kind: RecordKind> {
  private let byKey: Statement
  private let byKeys: Statement

  /// Nil for a kind without a key.
  init?(_ db: Database) throws {
    guard Kind.keyField != nil else { return nil }
    let table = Kind.Record.databaseTableName
    byKey = try db.cachedStatement(sql: "SELECT \(Kind.Record.selection) FROM \(table) WHERE \(Kind.keyColumn) = ?")
    byKeys = try db.cachedStatement(
      sql: """
        SELECT \(table).\(Kind.keyColumn) AS laogan_key, \(Kind.Record.selection) FROM \(table)
        WHERE \(Kind.keyColumn) IN (SELECT value FROM json_each(?))
        """)
  }

  func record(under key: String) throws -> Kind.Record? {
    try Kind.Record.fetchOne(byKey, arguments: [key])
  }

  /// The records under any of `keys`, by key, read by one statement: GRDB sets up a record's columns by name
  /// each time a statement runs, and on a roster's reading thread running one a row made that a tenth of
  /// its time.
  func records(under keys: [String]) throws -> [String: Kind.Record] {
    let list = String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)
    var records: [String: Kind.Record] = [:]
    let rows = try Row.fetchCursor(byKeys, arguments: [list])
    while let row = try rows.next() { records[row["laogan_key"]] = try Kind.Record(row: row) }
    return records
  }
}
