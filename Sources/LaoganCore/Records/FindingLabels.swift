import LaoganStore

/// A finding's record as a clerk names it: the kinds' labels, which the store does not know.
extension Finding {
  /// The record as a clerk reads it on paper: `干部 12` for `cadre 12`.
  package var recordLabel: String {
    guard let space = record.firstIndex(of: " ") else { return record }
    let word = String(record[..<space])
    let label = Finding.label(of: word)
    return label == word ? record : label + String(record[space...])
  }

  /// A table as a clerk names its records (发放 for `payment`), or the table's own name.
  static func label(of table: String) -> String {
    recordWords[table] ?? RecordKinds.stored(in: table)?.label ?? table
  }

  /// The words of `record` that are not a table's name.
  private static let recordWords = [
    "organization": "党组织", "dues": "党费缴纳", "participant": "参与记录", "fund": "帮扶基金", "database": "数据库文件",
  ]
}
