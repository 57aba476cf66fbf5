import Foundation
import LaoganModel
import LaoganStore

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
          return try ["\(record.id ?? 0)"]
            + Kind.listFields.map { try Self.shown(Kind.self, $0, cells[$0] ?? "", reveal: reveal, lookup) }
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
      let lookup = Lookup(db)
      let cells = try Kind.cells(of: record, lookup)
      var lines = [("编号", "\(record.id ?? 0)")]
      for field in Kind.Field.allCases {
        let value = try Self.shown(Kind.self, field, cells[field] ?? "", reveal: reveal, lookup)
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

  /// A cell as a list or a card shows it: a region by name; a cadre another kind names, or each of a list of
  /// them, by the cadre's name before the (masked) 身份证号, which alone says nothing to a clerk.
  private static func shown<Kind: RecordKind>(
    _ kind: Kind.Type, _ field: Kind.Field, _ text: String, reveal: Bool, _ lookup: Lookup
  ) throws -> String {
    if field.isRegion, let region = Region(named: text) { return region.displayName }
    if field.form == .cadres, !text.isEmpty {
      // A list of cadres (参与干部, 出席): each by name before the number.
      return try text.split(separator: ";").map { number in
        let id = String(number)
        let shown = reveal ? id : Masking.residentID(id)
        return try lookup.cadre(residentID: id).map { "\($0.name) \(shown)" } ?? shown
      }.joined(separator: "；")
    }
    let shown = reveal ? text : field.masked(text)
    guard Kind.self != CadreKind.self, field.form == .residentID, !text.isEmpty,
      let cadre = try lookup.cadre(residentID: text)
    else { return shown }
    return "\(cadre.name) \(shown)"
  }
}
