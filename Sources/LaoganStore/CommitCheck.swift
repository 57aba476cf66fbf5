import Foundation
import GRDB

/// A command's rows checked against their tables' CHECK constraints and foreign keys once, just before it
/// commits, rather than by SQLite statement by statement (`LaoganDatabase.write(_:checkedAtCommit:)`).
///
/// Checked by statement, a statement of many rows that may fail halfway must be undone alone, and SQLite
/// keeps a statement journal for it: a copy of every page each statement touches. Storing a file of payments
/// sixty-four rows a statement, that journal was a third of SQLite's time — and no import needs it, since any
/// failure rolls the whole command back. With foreign keys and CHECK constraints left to this check (and
/// `INSERT OR FAIL`, `WaitingRows`), SQLite keeps none; NOT NULL and UNIQUE are still SQLite's own.
///
/// The rows checked are every row added to a table since the command began — rowids above the table's
/// largest then — and every row it updated (its `update` entries in the audit log). A deleted row's children
/// and a table without rowids are beyond it, so such a command deletes nothing and lists no participants
/// (`RecordKind.checkedAtCommit`); one whose logged writes do is refused, so a kind marked by mistake cannot
/// slip past. The rows are checked once, at the end, not as each batch is stored: the cadres each batch's rows
/// point to would crowd the indexes out of SQLite's cache, and a long import took a sixth longer that way
/// (docs/performance.md).
struct CommitCheck {
  /// Each table's constraints, with its largest rowid when the command began.
  private let tables: [(constraints: TableConstraints, lastRowID: Int64)]
  /// The tables without rowids, whose new rows the check cannot pick out: a participant list.
  private let unchecked: [String]

  init(_ db: Database) throws {
    unchecked = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name")
    tables = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%'
          AND name IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table')
        """
    ).map { row in
      let table: String = row["name"]
      return (
        try TableConstraints(table: table, sql: row["sql"], db),
        try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM \"\(table)\"") ?? 0
      )
    }
  }

  /// Checks the rows the command `runID` added or updated; refuses the command when it deleted a row or wrote
  /// to a table without rowids, which the check cannot see.
  func run(runID: Int64, lines: FileLines = FileLines(), _ db: Database) throws {
    // An audit entry names a table, or a participant list as `participant.TABLE`.
    if let beyond = try String.fetchOne(
      db,
      sql: """
        SELECT table_name FROM audit_entry WHERE run_id = ?
          AND (action = 'delete' OR substr(table_name, 1, instr(table_name || '.', '.') - 1)
            IN (SELECT value FROM json_each(?)))
        LIMIT 1
        """, arguments: [runID, String(decoding: try JSONEncoder().encode(unchecked), as: UTF8.self)])
    {
      throw DatabaseError(
        resultCode: .SQLITE_CONSTRAINT,
        message: "提交时检查的命令删除了行或写入了无 rowid 的表（\(beyond)），检查看不到：这类命令须逐条检查")
    }
    let updated = Dictionary(
      uniqueKeysWithValues: try Row.fetchAll(
        db,
        sql: """
          SELECT table_name, json_group_array(record_id) FROM audit_entry
          WHERE run_id = ? AND action = 'update' GROUP BY table_name
          """, arguments: [runID]
      ).map { row -> (String, String) in (row[0], row[1]) })
    for (table, lastRowID) in tables {
      try table.refuseBroken(rows: "rowid > ?", [lastRowID], lines: lines, db)
      if let ids = updated[table.table] {
        try table.refuseBroken(rows: "rowid IN (SELECT value FROM json_each(?))", [ids], lines: lines, db)
      }
    }
  }
}

/// The CHECK constraints and foreign keys of one table, each as a condition a row breaking it meets.
struct TableConstraints {
  let table: String
  /// The condition, and the constraint as SQLite's errors name it.
  let constraints: [(broken: String, name: String)]
  /// A condition a row breaking any of them meets.
  private let anyBroken: String

  init(table: String, sql: String, _ db: Database) throws {
    self.table = table
    let checks = Self.checkExpressions(in: sql).map { expression in
      (broken: "NOT (\(expression))", name: "CHECK constraint failed: \(expression)")
    }
    // One condition a key, its columns together (a composite key is one constraint); the row checked is
    // `checked` and its parent `parent`, so that a table naming itself (a run undone by a later run) is
    // checked against its other rows, not each row against itself.
    let keys = try Dictionary(
      grouping: Row.fetchAll(
        db, sql: "SELECT id, \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq",
        arguments: [table]), by: { $0["id"] as Int64 }
    ).sorted { $0.key < $1.key }.map { _, columns -> (broken: String, name: String) in
      let parent: String = columns[0]["table"]
      // No column named: the parent's primary key.
      let primaryKey = try String.fetchAll(
        db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [parent])
      let pairs = columns.enumerated().map { index, column -> (from: String, to: String) in
        (column["from"], column["to"] ?? (primaryKey.indices.contains(index) ? primaryKey[index] : "rowid"))
      }
      let named = pairs.map { "checked.\"\($0.from)\" IS NOT NULL" }.joined(separator: " AND ")
      let matched = pairs.map { "parent.\"\($0.to)\" = checked.\"\($0.from)\"" }.joined(separator: " AND ")
      return (
        broken: "(\(named) AND NOT EXISTS (SELECT 1 FROM \"\(parent)\" AS parent WHERE \(matched)))",
        name: "FOREIGN KEY constraint failed: \(pairs.map(\.from).joined(separator: ", ")) REFERENCES "
          + "\(parent)(\(pairs.map(\.to).joined(separator: ", ")))"
      )
    }
    constraints = checks + keys
    anyBroken = constraints.map(\.broken).joined(separator: " OR ")
  }

  /// Throws SQLite's own constraint error for the first of the rows `filter` picks (with `arguments`) that
  /// breaks a constraint, naming the constraint and the row: by the line of the file it came from (`lines`),
  /// else by its table and id — never a bare number a clerk would read as a line.
  func refuseBroken(
    rows filter: String, _ arguments: StatementArguments, lines: FileLines = FileLines(), _ db: Database
  ) throws {
    guard !constraints.isEmpty else { return }
    guard
      let rowID = try Int64.fetchOne(
        db.cachedStatement(
          sql: "SELECT rowid FROM \"\(table)\" AS checked WHERE \(filter) AND (\(anyBroken)) LIMIT 1"),
        arguments: arguments)
    else { return }
    let name = try constraints.first { constraint in
      try Bool.fetchOne(
        db, sql: "SELECT \(constraint.broken) FROM \"\(table)\" AS checked WHERE rowid = ?", arguments: [rowID])
        == true
    }?.name
    throw DatabaseError(
      resultCode: .SQLITE_CONSTRAINT, message: "\(name ?? "constraint failed")（\(lines.row(of: table, id: rowID))）")
  }

  /// The expressions of the CHECK constraints in a `CREATE TABLE` statement, column and table constraints
  /// alike: what stands in the parentheses after each CHECK outside a quoted string or name.
  static func checkExpressions(in sql: String) -> [String] {
    let characters = Array(sql)
    var expressions: [String] = []
    var index = 0
    while index < characters.count {
      if let closing = closingQuote(of: characters, at: index) {
        index = closing + 1
        continue
      }
      guard startsWord("CHECK", in: characters, at: index) else {
        index += 1
        continue
      }
      var open = index + 5
      while open < characters.count, characters[open].isWhitespace { open += 1 }
      guard open < characters.count, characters[open] == "(", let close = closingParenthesis(of: characters, at: open)
      else {
        index += 5
        continue
      }
      expressions.append(String(characters[(open + 1)..<close]).trimmingCharacters(in: .whitespacesAndNewlines))
      index = close + 1
    }
    return expressions
  }

  /// The index of the quote closing the string or name that opens at `index`; nil when none opens there.
  private static func closingQuote(of characters: [Character], at index: Int) -> Int? {
    let quote = characters[index]
    guard quote == "'" || quote == "\"" else { return nil }
    var next = index + 1
    while next < characters.count {
      if characters[next] == quote {
        // A doubled quote stands for itself.
        guard next + 1 < characters.count, characters[next + 1] == quote else { return next }
        next += 1
      }
      next += 1
    }
    return characters.count - 1
  }

  /// The index of the parenthesis closing the one at `index`, quoted strings skipped.
  private static func closingParenthesis(of characters: [Character], at index: Int) -> Int? {
    var depth = 0
    var next = index
    while next < characters.count {
      if let closing = closingQuote(of: characters, at: next) {
        next = closing + 1
        continue
      }
      if characters[next] == "(" { depth += 1 }
      if characters[next] == ")" {
        depth -= 1
        if depth == 0 { return next }
      }
      next += 1
    }
    return nil
  }

  /// Whether `word` stands at `index` as a word of its own, in any case.
  private static func startsWord(_ word: String, in characters: [Character], at index: Int) -> Bool {
    let end = index + word.count
    guard end <= characters.count, String(characters[index..<end]).uppercased() == word else { return false }
    func isNamePart(_ position: Int) -> Bool {
      characters.indices.contains(position)
        && (characters[position].isLetter || characters[position].isNumber
          || characters[position] == "_")
    }
    return !isNamePart(index - 1) && !isNamePart(end)
  }
}
