import LaoganStore

/// The audit log and `undo`'s plan with their changes told by the names clerks know: each record table's
/// columns by its kind's import headers.
extension LaoganDatabase {
  /// The newest lines first.
  public func auditLines(_ filter: AuditFilter, reveal: Bool) throws -> [AuditLine] {
    try auditLines(filter, reveal: reveal, labels: AuditLabels.columns)
  }

  /// The last command whose writes can be reverted: not itself an undo, not already undone, with writes.
  public func undoPlan() throws -> UndoPlan? {
    try undoPlan(labels: AuditLabels.columns)
  }
}

enum AuditLabels {
  /// Each record table's columns by their import headers: a column is a field's alias, or that alias with
  /// `_fen` (money) or `_code` (a region) after it.
  static let columns: ColumnLabels = {
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
}
