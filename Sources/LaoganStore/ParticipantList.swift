import Foundation

/// The cadres an event lists, as the audit log records them: one entry an event and command, under
/// `participant.TABLE` (`participant.activity`) with the event's id, the list before and after as
/// `{"event_table": …, "cadre_ids": "3,8"}`. Databases from before ids were never reused logged them under
/// plain `participant`; their images carry the event table too, so both read the same.
struct ParticipantList {
  let eventTable: String

  /// The table of every event's lists, a row an event and cadre (`event_table`, `event_id`, `cadre_id`).
  static let table = "participant"

  static func auditTable(of eventTable: String) -> String { "\(table).\(eventTable)" }

  /// The list an audit entry is about, or nil when the entry is about a row. The event table comes from the
  /// entry's own image, never from another entry.
  init?(auditTable: String, after: String?) {
    guard auditTable == "participant" || auditTable.hasPrefix("participant.") else { return nil }
    guard let table = ParticipantList.object(after)["event_table"] as? String else { return nil }
    eventTable = table
  }

  static func cadreIDs(in image: String?) -> [Int64] {
    (object(image)["cadre_ids"] as? String)?.split(separator: ",").compactMap { Int64($0) } ?? []
  }

  /// SQL naming the record an audit entry touches by its table: a participant list is part of its event, so
  /// a later change to an activity's list conflicts with undoing the activity (and a meeting's 请假 list with
  /// undoing the meeting).
  static func eventTableSQL(_ column: String) -> String {
    let second = secondLists.map { "WHEN 'participant.\($0.list)' THEN '\($0.table)' " }.joined()
    return "CASE \(column) \(second)ELSE CASE WHEN \(column) LIKE 'participant.%' THEN substr(\(column), 13) "
      + "ELSE \(column) END END"
  }

  /// The table of the records a list's rows belong to: the list's own name, but a second list's (a meeting's
  /// `meeting_leave`) its kind's table.
  static func recordTable(of list: String) -> String {
    secondLists.first { $0.list == list }?.table ?? list
  }

  /// The schema's second lists of an event's cadres, with the event's table: a meeting's 请假 beside its
  /// 出席. A kind names its own (`RecordKind.excusedTable`); a test holds the two equal.
  package static let secondLists: [(list: String, table: String)] = [("meeting_leave", "meeting")]

  private static func object(_ json: String?) -> [String: Any] {
    guard let json, let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      return [:]
    }
    return value
  }
}
