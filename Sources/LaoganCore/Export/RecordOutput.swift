import Foundation
import GRDB

/// Records of any kind as a list, an export or a record card; personal information masked unless `reveal`.
extension LaoganDatabase {
  /// `KIND list`: the record number and the kind's list columns, regions by name.
  public func listTable<Kind: RecordKind>(_ kind: Kind.Type, _ records: [Kind.Record], reveal: Bool) throws -> Table {
    try read { db in
      let lookup = Lookup(db)
      return Table(
        headers: ["编号"] + Kind.listFields.map(\.rawValue),
        rows: try records.map { record in
          let cells = try Kind.cells(of: record, lookup)
          return ["\(record.id ?? 0)"] + Kind.listFields.map { Self.shown($0, cells[$0] ?? "", reveal: reveal) }
        })
    }
  }

  /// `export KIND`: every field under the import headers, so that a revealed export imports back unchanged.
  public func exportTable<Kind: RecordKind>(_ kind: Kind.Type, _ records: [Kind.Record], reveal: Bool) throws
    -> Table
  {
    try read { db in
      let lookup = Lookup(db)
      return Table(
        headers: Kind.Field.allCases.map(\.rawValue),
        rows: try records.map { record in
          let cells = try Kind.cells(of: record, lookup)
          return Kind.Field.allCases.map { field in reveal ? cells[field] ?? "" : field.masked(cells[field] ?? "") }
        })
    }
  }

  /// `KIND show`: each filled field on its own line.
  public func details<Kind: RecordKind>(_ kind: Kind.Type, _ record: Kind.Record, reveal: Bool) throws
    -> [(label: String, value: String)]
  {
    try read { db in
      let cells = try Kind.cells(of: record, Lookup(db))
      var lines = [("编号", "\(record.id ?? 0)")]
      for field in Kind.Field.allCases {
        let value = Self.shown(field, cells[field] ?? "", reveal: reveal)
        if !value.isEmpty { lines.append((field.rawValue, value)) }
      }
      if let reason = record.voidedReason { lines.append(("已作废", reason)) }
      return lines
    }
  }

  /// `export KIND --format json` for kinds other than cadres: objects keyed by the English aliases.
  public func exportJSON<Kind: RecordKind>(_ kind: Kind.Type, _ records: [Kind.Record], reveal: Bool) throws
    -> String
  {
    let table = try exportTable(kind, records, reveal: reveal)
    let keys = Kind.Field.allCases.map(\.alias)
    let objects = zip(records, table.rows).map { record, row in
      Dictionary(uniqueKeysWithValues: zip(keys, row)).merging(["id": "\(record.id ?? 0)"]) { $1 }
    }
    let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private static func shown<Field: ImportField>(_ field: Field, _ text: String, reveal: Bool) -> String {
    if field.isRegion, let region = Region(named: text) { return region.displayName }
    return reveal ? text : field.masked(text)
  }
}
