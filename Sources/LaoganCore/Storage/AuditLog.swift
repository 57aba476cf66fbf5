import Foundation
import GRDB

/// One line of the audit log as `laogan audit` shows it.
public struct AuditLine: Sendable, Equatable, Codable {
  public let runID: Int64
  public let ranAt: String
  public let operatorName: String
  public let command: String
  public let action: String
  public let table: String
  public let recordID: Int64?
  /// The last id of a range of inserted rows (`recordID` … `lastRecordID`); nil for one record.
  public let lastRecordID: Int64?
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
  /// The newest lines first.
  public func auditLines(_ filter: AuditFilter, reveal: Bool) throws -> [AuditLine] {
    try read { db in try auditLines(filter, reveal: reveal, db) }
  }

  func auditLines(_ filter: AuditFilter, reveal: Bool, _ db: Database) throws -> [AuditLine] {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let name = filter.operatorName { conditions.append("r.operator = ?"); arguments += [name] }
    if let table = filter.table { conditions.append("e.table_name = ?"); arguments += [table] }
    if let id = filter.recordID {
      conditions.append("(e.record_id = ? OR (e.record_id < ? AND e.last_record_id >= ?))")
      arguments += [id, id, id]
    }
    if let since = filter.since { conditions.append("r.ran_at >= ?"); arguments += [since] }
    if let run = filter.runID { conditions.append("r.id = ?"); arguments += [run] }
    arguments += [filter.limit]
    let sql = """
      SELECT r.id, r.ran_at, r.operator, r.command, e.action, e.table_name, e.record_id, e.before, e.after,
             e.last_record_id
      FROM audit_entry e JOIN command_run r ON r.id = e.run_id
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY e.id DESC LIMIT ?
      """
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
      AuditLine(
        runID: row[0], ranAt: row[1], operatorName: row[2],
        command: reveal ? row[3] : Masking.inText(row[3]), action: row[4], table: row[5],
        recordID: row[6], lastRecordID: row[9],
        changes: AuditLog.changes(
          action: row[4], table: row[5], ids: (row[6], row[9]), before: row[7], after: row[8], reveal: reveal))
    }
  }

  /// Logs that a command showed personal information from `table` unmasked, not naming single records
  /// (`audit --reveal`, a report's `--explain --reveal`).
  public func logReveal(table: String, _ context: AuditContext) throws {
    try write(context) { writer in try writer.logReveal(table: table, ids: [nil]) }
  }
}

/// The audit log as a table and as JSON.
public enum AuditOutput {
  /// Long changes (a whole inserted record) are cut to keep the table readable; JSON has them whole.
  public static func table(_ lines: [AuditLine]) -> Table {
    Table(
      headers: ["组", "时间", "操作人", "命令", "动作", "表", "记录", "变化"],
      rows: lines.map {
        [
          "\($0.runID)", LocalTime.display($0.ranAt), $0.operatorName, $0.command, $0.action, $0.table,
          $0.records,
          $0.changes.truncated(toWidth: 60),
        ]
      })
  }

  public static func json(_ lines: [AuditLine]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(lines), as: UTF8.self) + "\n"
  }
}

enum AuditLog {
  static let personalKeys: Set<String> = ["resident_id", "phone", "emergency_phone"]

  /// What an entry changed: for rows inserted as a range, how many; else the fields that differ between the
  /// two JSON snapshots (all fields of a record inserted before ranges were logged).
  static func changes(
    action: String, table: String, ids: (first: Int64?, last: Int64?), before: String?, after: String?,
    reveal: Bool
  ) -> String {
    if action == "insert", after == nil, let first = ids.first {
      return "新增 \((ids.last ?? first) - first + 1) 条"
    }
    return changes(table: table, before: before, after: after, reveal: reveal)
  }

  /// The fields that differ between two JSON snapshots, by the names clerks know them by (the import
  /// headers: 慰问金额, not gift_amount_fen), money in 元; all fields of an inserted record.
  static func changes(table: String, before: String?, after: String?, reveal: Bool) -> String {
    let old = object(before)
    let new = object(after)
    let labels = columnLabels[table] ?? [:]
    return Set(old.keys).union(new.keys).subtracting(derivedColumns).sorted().compactMap { key in
      let was = show(old[key], key: key, reveal: reveal)
      let now = show(new[key], key: key, reveal: reveal)
      guard was != now else { return nil }
      let label = labels[key] ?? key
      return before == nil ? "\(label)=\(now)" : "\(label): \(was) → \(now)"
    }.joined(separator: "; ")
  }

  /// Each record table's columns by their import headers: a column is a field's alias, or that alias with
  /// `_fen` (money) or `_code` (a region) after it.
  private static let columnLabels: [String: [String: String]] = {
    var tables: [String: [String: String]] = ["benefit_rule": benefitRuleLabels]
    for kind in RecordKinds.all {
      var labels = referenceLabels.merging(["id": "编号", "voided_reason": "作废原因"]) { $1 }
      for (alias, label) in kind.fieldLabels {
        for column in [alias, alias + "_fen", alias + "_code"] { labels[column] = label }
      }
      tables[kind.tableName] = labels
    }
    return tables
  }()

  /// Columns not named by a field's alias: those that point at another record, where a row stores the
  /// record's number rather than the cell the clerk typed (a 身份证号, an organization's 名称), and an event's
  /// day, whose field is `date`.
  private static let referenceLabels = [
    "cadre_id": "干部编号", "organization_id": "党组织编号", "association_id": "社团编号", "recipient_id": "领取人编号",
    "event_id": "事件编号", "secretary_id": "书记编号", "held_on": "日期",
  ]

  /// `benefit rule`'s columns, by its options' names.
  private static let benefitRuleLabels = [
    "id": "编号", "item": "项目", "monthly_fen": "月标准", "from_month": "起始月份", "to_month": "截止月份",
    "min_age": "最低年龄", "max_age": "最高年龄", "category": "类别", "rank": "职级", "voided_reason": "作废原因",
  ]

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
