import GRDB
import Synchronization

/// A record stored by one prepared statement a table: the writer binds its row to it, where GRDB's `insert`
/// builds its query again for every row — payments and cadres come by the hundred thousand — and GRDB's own
/// encoding reads the same row. Its columns are those its `CodingKeys` name (`SQLRowEncoder`), less those it
/// only reads, and those worked out from it after them: named once, for reading and writing alike.
package protocol ColumnList: AuditedRecord {
  /// Columns the record is read with but never writes: what its selection joins in.
  static var readOnlyColumns: Set<String> { get }
  /// Columns stored beside the record's own, worked out from them (a cadre's search keys).
  var derivedColumns: [(column: String, value: (any SQLValueConvertible)?)] { get }
}

/// The columns one record is stored in, and their stored values in the same order: the same columns for every
/// record of its type.
package struct StoredRow {
  package let columns: [String]
  package let values: [SQLValue]
}

/// Each `ColumnList` type's stored columns, learnt from its first record: what every record of it encodes, less
/// the read-only ones (`kept`, the positions of the others; nil when none is read-only).
private enum StoredColumns {
  struct Known: Sendable {
    let names: [String]
    let kept: [Int]?
  }

  private static let learnt = Mutex<[ObjectIdentifier: Known]>([:])

  static func known(_ type: Any.Type) -> Known? {
    learnt.withLock { $0[ObjectIdentifier(type)] }
  }

  static func learn(_ type: Any.Type, encoded: [String], readOnly: Set<String>) -> Known {
    let kept = readOnly.isEmpty ? nil : encoded.indices.filter { !readOnly.contains(encoded[$0]) }
    let learnt = Known(names: kept.map { $0.map { encoded[$0] } } ?? encoded, kept: kept)
    self.learnt.withLock { $0[ObjectIdentifier(type)] = learnt }
    return learnt
  }
}

extension ColumnList {
  package static var readOnlyColumns: Set<String> { [] }
  package var derivedColumns: [(column: String, value: (any SQLValueConvertible)?)] { [] }

  package var storedRow: StoredRow {
    get throws {
      let known = StoredColumns.known(Self.self)
      let row = try SQLRowEncoder.row(of: self, namingColumns: known == nil)
      let columns =
        known
        ?? StoredColumns.learn(Self.self, encoded: row.columns ?? [], readOnly: Self.readOnlyColumns)
      var values = columns.kept.map { kept in kept.map { row.values[$0] } } ?? row.values
      let derived = derivedColumns
      guard !derived.isEmpty else { return StoredRow(columns: columns.names, values: values) }
      values += derived.map { $0.value?.sqlValue ?? .null }
      return StoredRow(columns: columns.names + derived.map(\.column), values: values)
    }
  }

  public func encode(to container: inout PersistenceContainer) throws {
    let row = try storedRow
    for (column, value) in zip(row.columns, row.values) { container[column] = value.databaseValue }
  }
}
