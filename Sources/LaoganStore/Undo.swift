import Foundation
import GRDB
import LaoganModel

/// What `undo` would revert: the last command that wrote, and its writes.
public struct UndoPlan: Sendable {
  public let runID: Int64
  public let command: String
  public let operatorName: String
  public let ranAt: String
  public let lines: [AuditLine]
}

extension LaoganDatabase {
  /// The last command whose writes can be reverted: not itself an undo, not already undone, with writes; its
  /// changes told by `labels`.
  package func undoPlan(labels: ColumnLabels) throws -> UndoPlan? {
    try read { db in
      guard let run = try Self.lastUndoableRun(db) else { return nil }
      let runID: Int64 = run["id"]
      let lines = try auditLines(AuditFilter(runID: runID, limit: 1_000_000), reveal: false, labels: labels, db)
      return UndoPlan(
        runID: runID, command: Masking.inText(run["command"]), operatorName: run["operator"], ranAt: run["ran_at"],
        lines: lines.filter { $0.action != "reveal" })
    }
  }

  /// The command `undo` reverts: the last one that wrote, not itself an undo, not already undone.
  private static func lastUndoableRun(_ db: any SQLSession) throws -> SQLRow? {
    try db.row(
      sql: """
        SELECT r.id, r.command, r.operator, r.ran_at FROM command_run r
        WHERE r.undone_by IS NULL
          AND r.id NOT IN (SELECT undone_by FROM command_run WHERE undone_by IS NOT NULL)
          AND EXISTS (SELECT 1 FROM audit_entry e WHERE e.run_id = r.id AND e.action IN ('insert', 'update')
                      AND e.record_id IS NOT NULL)
        ORDER BY r.id DESC LIMIT 1
        """)
  }

  /// `undo`: reverts the plan's writes, newest first — inserted rows are removed, updated rows get their
  /// before-image back — as one audited command. Refused when a later command wrote to the same records.
  public func undo(_ plan: UndoPlan, _ context: AuditContext) throws {
    try write(context) { writer in
      let db = try writer.db
      // The plan was shown before the write lock was taken: another undo, or another command, may have
      // written since. Only the command still last now, under the lock, is undone.
      let last: Int64? = try Self.lastUndoableRun(db)?["id"]
      guard last == plan.runID else {
        let undone =
          try db.value(
            Bool.self, sql: "SELECT \(SQLDialect.number(of: "undone_by IS NOT NULL")) FROM command_run WHERE id = ?",
            arguments: [plan.runID]) ?? true
        throw LaoganError.undoRefused(
          undone
            ? "审计组 \(plan.runID) 已由另一个 undo 撤销"
            : "确认期间又有命令写入（审计组 \(last ?? 0)）；请重新运行 laogan undo 查看")
      }
      let later = try db.row(
        sql: """
          SELECT e.table_name, e.record_id, r.id, r.command FROM audit_entry e JOIN command_run r ON r.id = e.run_id
          WHERE e.run_id > ? AND e.action <> 'reveal' AND r.undone_by IS NULL
            AND r.id NOT IN (SELECT undone_by FROM command_run WHERE undone_by IS NOT NULL)
            AND EXISTS (SELECT 1 FROM audit_entry mine WHERE mine.run_id = ?
                        AND e.record_id BETWEEN mine.record_id AND COALESCE(mine.last_record_id, mine.record_id)
                        AND \(ParticipantList.eventTableSQL("mine.table_name")) = \(ParticipantList.eventTableSQL("e.table_name")))
          LIMIT 1
          """, arguments: [plan.runID, plan.runID])
      if let later {
        throw LaoganError.undoRefused(
          "后来的命令（审计组 \(later[2] as Int64)：\(Masking.inText(later[3]))）"
            + "又改动了 \(later[0] as String) \(later[1] as Int64? ?? 0)；请先撤销它"
        )
      }
      let entries = try db.rows(
        sql:
          """
          SELECT action, table_name, record_id, last_record_id, before, after FROM audit_entry
          WHERE run_id = ? AND action IN ('insert', 'update') ORDER BY id DESC
          """,
        arguments: [plan.runID])
      for entry in entries {
        try writer.revert(
          action: entry[0], table: entry[1], ids: entry[2]...(entry[3] ?? entry[2]), before: entry[4], after: entry[5])
      }
      try db.execute(sql: "DELETE FROM imported_file WHERE run_id = ?", arguments: [plan.runID])
      try db.execute(sql: "UPDATE command_run SET undone_by = ? WHERE id = ?", arguments: [writer.runID, plan.runID])
    }
  }
}

extension AuditedWriter {
  /// Reverts one audited write, logging the reversal: inserted rows — a range of ids, or one — are deleted,
  /// each going to the log with its row as the before-image; an update is set back to its before-image column
  /// by column, by SQLite from the JSON.
  func revert(action: String, table: String, ids: ClosedRange<Int64>, before: String?, after: String?) throws {
    if let list = ParticipantList(auditTable: table, after: after) {
      try replaceParticipants(
        table: list.eventTable, eventID: ids.lowerBound, cadreIDs: ParticipantList.cadreIDs(in: before))
      return
    }
    forgetIfCadre(table)
    // On a shared database a role sees only its regions' rows: a command whose rows it sees only in part is
    // another office's, or the prefecture's, not its to undo (the delete would find only some, and say it
    // had undone all).
    if sqlite == nil, try LaoganDatabase.hidesRows(of: table, ids, connection) {
      throw LaoganError.undoRefused("\(table) \(ids.lowerBound) 起的记录不全在你的账户可见的地区内：这是其他单位的命令，不能由你撤销")
    }
    if action == "insert" {
      try logInserts()
      entryCount += try connection.changedRows(
        by: """
          INSERT INTO audit_entry (run_id, action, table_name, record_id, before)
          SELECT ?, 'delete', ?, id, \(try imageSQL(of: table)) FROM \(table) WHERE id BETWEEN ? AND ?
          """, arguments: [runID, table, ids.lowerBound, ids.upperBound])
      do {
        try connection.execute(
          sql: "DELETE FROM \(table) WHERE id BETWEEN ? AND ?", arguments: [ids.lowerBound, ids.upperBound])
      } catch let error where Self.isReferenceRefusal(error) {
        throw LaoganError.undoRefused("\(table) \(ids.lowerBound)–\(ids.upperBound) 中有记录已被后来的记录引用，不能撤销")
      }
    } else if let before {
      let id = ids.lowerBound
      let current = try image(of: table, id: id)
      // Generated columns (payment.counted_on) follow the others; they cannot be set.
      let columns = try columns(of: table, generated: false).filter { $0 != "id" }
      try db.execute(sql: SQLDialect.restore(table, columns: columns), arguments: ["image": before, "id": id])
      try log(action: "update", table: table, id: id, before: current, after: try image(of: table, id: id))
    }
  }

  /// The engine refused a delete because a row still points to a row it deletes.
  private static func isReferenceRefusal(_ error: any Error) -> Bool {
    if let error = error as? DatabaseError { return error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY }
    return (error as? PostgresRefusal)?.state == "23503"
  }
}
