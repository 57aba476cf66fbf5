import Foundation
import LaoganStore
import LaoganText

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
