import Foundation
import LaoganModel
import LaoganText

/// One line of the audit log as `laogan audit` shows it.
public struct AuditLine: Sendable, Equatable, Codable {
  public let runID: Int64
  public let ranAt: String
  public let operatorName: String
  public let command: String
  package let action: String
  public let table: String
  public let recordID: Int64?
  /// The last id of a range of inserted rows (`recordID` … `lastRecordID`); nil for one record.
  package let lastRecordID: Int64?
  /// `字段: 旧 → 新` for each changed field, personal information masked unless revealed; for inserted rows,
  /// how many (the rows themselves are their content).
  public let changes: String
}

extension AuditLine {
  /// The record, or the range of inserted records: `12`, `1001–2000`.
  public var records: String {
    guard let recordID else { return "" }
    guard let lastRecordID, lastRecordID != recordID else { return "\(recordID)" }
    return "\(recordID)–\(lastRecordID)"
  }
}

/// Which audit lines to show.
public struct AuditFilter: Sendable {
  public var operatorName: String?
  public var table: String?
  public var recordID: Int64?
  /// ISO date or timestamp prefix; lines at or after it.
  public var since: String?
  /// One command's group.
  public var runID: Int64?
  public var limit: Int

  public init(
    operatorName: String? = nil, table: String? = nil, recordID: Int64? = nil, since: String? = nil,
    runID: Int64? = nil, limit: Int = 200
  ) {
    self.runID = runID
    self.operatorName = operatorName
    self.table = table
    self.recordID = recordID
    self.since = since
    self.limit = limit
  }
}

extension LaoganDatabase {
  /// The newest lines first, their changes told by `labels`.
  package func auditLines(_ filter: AuditFilter, reveal: Bool, labels: ColumnLabels) throws -> [AuditLine] {
    try read { db in try auditLines(filter, reveal: reveal, labels: labels, db) }
  }

  func auditLines(_ filter: AuditFilter, reveal: Bool, labels: ColumnLabels, _ db: any SQLSession) throws
    -> [AuditLine]
  {
    var conditions: [String] = []
    var arguments: SQLArguments = []
    if let name = filter.operatorName { conditions.append("r.operator = ?"); arguments.append(name) }
    if let table = filter.table { conditions.append("e.table_name = ?"); arguments.append(table) }
    if let id = filter.recordID {
      conditions.append("(e.record_id = ? OR (e.record_id < ? AND e.last_record_id >= ?))")
      arguments.append(contentsOf: [id, id, id])
    }
    if let since = filter.since { conditions.append("r.ran_at >= ?"); arguments.append(since) }
    if let run = filter.runID { conditions.append("r.id = ?"); arguments.append(run) }
    arguments.append(filter.limit)
    let sql = """
      SELECT r.id, r.ran_at, r.operator, r.command, e.action, e.table_name, e.record_id, e.before, e.after,
             e.last_record_id
      FROM audit_entry e JOIN command_run r ON r.id = e.run_id
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY e.id DESC LIMIT ?
      """
    return try db.rows(sql: sql, arguments: arguments).map { row in
      AuditLine(
        runID: row[0], ranAt: row[1], operatorName: row[2],
        command: reveal ? row[3] : Masking.inText(row[3]), action: row[4], table: row[5],
        recordID: row[6], lastRecordID: row[9],
        changes: AuditLog.changes(
          action: row[4], table: row[5], ids: (row[6], row[9]), before: row[7], after: row[8], reveal: reveal,
          labels: labels))
    }
  }

  /// Logs that a command showed personal information from `table` unmasked, not naming single records
  /// (`audit --reveal`, a report's `--explain --reveal`).
  public func logReveal(table: String, _ context: AuditContext) throws {
    try write(context) { writer in try writer.logReveal(table: table, ids: [nil]) }
  }
}

/// The names clerks know each table's columns by (the import headers: 慰问金额, not gift_amount_fen), table by
/// table: given by the layer that knows the record kinds and their fields.
package typealias ColumnLabels = [String: [String: String]]

enum AuditLog {
  static let personalKeys: Set<String> = ["resident_id", "phone", "emergency_phone"]

  /// What an entry changed: for rows inserted as a range, how many; else the fields that differ between the
  /// two JSON snapshots (all fields of a record inserted before ranges were logged).
  static func changes(
    action: String, table: String, ids: (first: Int64?, last: Int64?), before: String?, after: String?,
    reveal: Bool, labels: ColumnLabels
  ) -> String {
    if action == "insert", after == nil, let first = ids.first {
      return "新增 \((ids.last ?? first) - first + 1) 条"
    }
    return changes(table: table, before: before, after: after, reveal: reveal, labels: labels)
  }

  /// The fields that differ between two JSON snapshots, by the names clerks know them by (the import
  /// headers: 慰问金额, not gift_amount_fen), money in 元; all fields of an inserted record.
  static func changes(table: String, before: String?, after: String?, reveal: Bool, labels: ColumnLabels)
    -> String
  {
    let old = object(before)
    let new = object(after)
    let labels = labels[table] ?? [:]
    return Set(old.keys).union(new.keys).subtracting(derivedColumns).sorted().compactMap { key in
      let was = show(old[key], key: key, reveal: reveal)
      let now = show(new[key], key: key, reveal: reveal)
      guard was != now else { return nil }
      let label = labels[key] ?? key
      return before == nil ? "\(label)=\(now)" : "\(label): \(was) → \(now)"
    }.joined(separator: "; ")
  }

  /// Columns computed from others — by SQLite (a payment's counting day, a family member's key) or as a row is
  /// written (a name's pinyin keys): a change shows in the columns they come from.
  private static let derivedColumns: Set<String> = ["counted_on", "family_key", "search_keys"]

  private static func object(_ json: String?) -> [String: Any] {
    guard let json, let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      return [:]
    }
    return value
  }

  private static func show(_ value: Any?, key: String, reveal: Bool) -> String {
    guard let value, !(value is NSNull) else { return "" }
    if key.hasSuffix("_fen"), let fen = value as? Int64 ?? (value as? Int).map(Int64.init) {
      return Fen(fen).description
    }
    let text = "\(value)"
    guard !reveal, personalKeys.contains(key) else { return text }
    return key == "resident_id" ? Masking.residentID(text) : Masking.phone(text)
  }
}
