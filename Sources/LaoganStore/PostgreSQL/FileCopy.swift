import Foundation
import GRDB

/// A shared database, or some regions of it, written out to a new laogan file (SPEC §15: `copy` out of the
/// shared database, and `backup` on PostgreSQL).
extension LaoganDatabase {
  /// Every row of the shared database, in one snapshot, into a new laogan file at `destination`. With
  /// `regionCodes` — and for a role granted some regions, its regions — only those regions' records
  /// (`RegionalRows`), with the bureau's own rules and notices and the audit log's entries about the rows
  /// copied, with their commands. Ids stay as they are, and each table's next id in the file passes every id
  /// the shared database has handed out, so none is given twice when the file comes back (`copyIn`). The file
  /// is written under a temporary name, checked, flushed and only then named, never over an existing file. A
  /// role whose grant does not say `--reveal` is refused: the file holds 身份证号 and phones whole.
  public func copyOut(to destination: String, regionCodes: [String]?) throws {
    guard case .postgresql(let link) = engine else { throw LaoganError.wrongEngine("复制出的来源须是共享数据库（postgresql://…）") }
    guard !FileManager.default.fileExists(atPath: destination) else {
      throw LaoganError.backupExists(path: destination)
    }
    // A county's role copies its regions' records: what it reads of other regions' (every grant from the
    // hardship fund, an activity's branch) would leave keys in the file pointing at rows it cannot hold.
    let granted = try grantedRegionCodes()
    try Self.readShared(link) { session in
      try Self.checkMayReveal(session)
      try FileCopy.write(from: session, link, to: destination, regionCodes: regionCodes ?? granted)
    }
  }
}

/// The rows of a shared database written into a new laogan file, table by table.
enum FileCopy {
  /// The rows into a new file at `destination`, written under a temporary name, checked, flushed and only then
  /// named: nothing is left under that name by a copy cut short.
  static func write(
    from session: any SQLSession, _ link: PostgresLink, to destination: String, regionCodes: [String]?
  ) throws {
    try Unnamed(file: written(from: session, link, beside: destination, regionCodes: regionCodes), name: destination)
      .place()
  }

  /// A file of rows copied out, still under its temporary name, and the name it is to have.
  struct Unnamed {
    let file: TemporaryFile
    let name: String

    /// Named, never over another file; removed when it cannot be.
    func place() throws {
      do {
        try file.place(at: name, replacing: false)
      } catch {
        file.remove()
        throw error
      }
    }
  }

  /// The rows as they are before a restore or an upgrade replaces them, copied out to be named `NAME.WHY` in
  /// the current folder (NAME the database's) once the change commits, as a file's restore or upgrade keeps
  /// the old file beside it. With `version`, at that version of the schema.
  static func setAside(
    from session: any SQLSession, _ link: PostgresLink, why: String, version: String? = nil
  ) throws -> Unnamed {
    let database = try LaoganDatabase.databaseName(session)
    let name = LaoganDatabase.asideName(FileManager.default.currentDirectoryPath + "/" + database, why)
    return Unnamed(
      file: try written(from: session, link, beside: name, regionCodes: nil, version: version), name: name)
  }

  /// The rows into a new file beside `destination`, checked and flushed, under its temporary name: for the
  /// caller to name. With `version`, the file is made by the migrations up to that one: an older laogan's
  /// shared database, copied out before its upgrade.
  static func written(
    from session: any SQLSession, _ link: PostgresLink, beside destination: String, regionCodes: [String]?,
    version: String? = nil
  ) throws -> TemporaryFile {
    let file = try TemporaryFile(beside: destination)
    do {
      let target = try DatabaseQueue(path: file.path)
      if let version {
        try Migrations.migrator.migrate(target, upTo: version)
      } else {
        try Migrations.migrator.migrate(target)
      }
      try target.write { sqlite in try rows(from: session, link, to: sqlite, regionCodes: regionCodes) }
      try LaoganDatabase.leaveWAL(target)
      try LaoganDatabase.verifyIntegrity(of: file.path) { .database("复制出的文件未通过完整性检查：\($0)") }
      try file.synchronize()
      return file
    } catch {
      file.remove()
      throw LaoganDatabase.writeFailure(error, folder: file.folder)
    }
  }

  /// The file's tables emptied of the rows its migrations made, then filled from the shared database's, parents
  /// before children; each key is checked at the commit (a command run names the later run that undid it).
  static func rows(
    from session: any SQLSession, _ link: PostgresLink, to sqlite: Database, regionCodes: [String]?
  ) throws {
    try sqlite.execute(sql: "PRAGMA defer_foreign_keys = ON")
    // Those of the shared database: the file's own (the search index, kept by its triggers) are filled as rows come.
    let shared = Set(try session.values(String.self, sql: SharedCopy.tablesSQL))
    let tables = try SQLiteTables.inDependencyOrder(sqlite).filter(shared.contains)
    let withIDs = try tables.filter {
      try Bool.fetchOne(sqlite, sql: "SELECT 1 FROM pragma_table_info(?) WHERE name = 'id'", arguments: [$0]) == true
    }
    let scope = try regionCodes.map { try Scope(session, regionCodes: $0, tables: withIDs) }
    for table in tables.reversed() { try sqlite.execute(sql: "DELETE FROM \"\(table)\"") }
    for table in tables {
      let columns = try String.fetchAll(
        sqlite, sql: "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0", arguments: [table])
      let quoted = columns.map { "\"\($0)\"" }
      let insert = try sqlite.makeStatement(
        sql: """
          INSERT INTO "\(table)" (\(quoted.joined(separator: ", "))) \
          VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
          """)
      let selected = scope.map { scope in zip(columns, quoted).map { scope.value(of: $0, in: table) ?? $1 } } ?? quoted
      let condition = scope?.condition(of: table)
      let rows = try session.cursor(
        sql: "SELECT \(selected.joined(separator: ", ")) FROM \"\(table)\"" + (condition.map { " WHERE \($0)" } ?? ""))
      while let row = try rows.next() {
        try insert.execute(arguments: StatementArguments(row.values.map(\.databaseValue)))
      }
    }
    try sqlite.execute(sql: "DELETE FROM sqlite_sequence")
    for (table, sequence) in try SharedCopy.identitySequences(link).sorted(by: { $0.key < $1.key })
    where tables.contains(table) {
      let given = try SharedCopy.highestGiven(table, sequence: sequence, link)
      guard given > 0 else { continue }
      try sqlite.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, given])
    }
  }

  /// Which rows of each table some regions' file holds.
  private struct Scope {
    let rows: RegionalRows
    /// The regions as an SQL list.
    let regions: String
    /// The file's tables of records, each row with an id: what an audit entry or a participant list names.
    let records: [String]

    init(_ session: any SQLSession, regionCodes: [String], tables: [String]) throws {
      rows = try RegionalRows(session)
      regions =
        "(" + regionCodes.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ") + ")"
      records = tables.filter { !RegionalRows.openTables.contains($0) }
    }

    /// The condition on an audit entry that its record, or any of the range of rows it inserted, is among the
    /// rows copied; a participant list's entries go with their event. Entries an older laogan made of lists
    /// under plain `participant`, naming no event by their table, are left out.
    private var entryCopied: String {
      let cases = records.map { table in
        let copied = condition(of: table).map { " AND \($0)" } ?? ""
        return """
          WHEN '\(table)' THEN EXISTS (SELECT 1 FROM \(table) WHERE id BETWEEN audit_entry.record_id \
          AND COALESCE(audit_entry.last_record_id, audit_entry.record_id)\(copied))
          """
      }
      return
        "CASE \(ParticipantList.eventTableSQL("audit_entry.table_name")) \(cases.joined(separator: " ")) ELSE false END"
    }

    func condition(of table: String) -> String? {
      var entries: String { "SELECT run_id FROM audit_entry WHERE \(entryCopied)" }
      switch table {
      case "audit_entry":
        return entryCopied
      case "command_run":
        // With the later command that undid one, whose entries are about the same records.
        return """
          id IN (\(entries)) OR id IN (SELECT undone.undone_by FROM command_run undone WHERE undone.id IN (\(entries)))
          """
      case "imported_file":
        return "run_id IN (\(entries))"
      case ParticipantList.table:
        // A list's row where both its cadre and its event are the regions'.
        let events =
          ParticipantList.secondLists.map { "WHEN '\($0.list)' THEN event_id IN (\(seen($0.table)))" }
          + records.map { "WHEN '\($0)' THEN event_id IN (\(seen($0)))" }
        return
          ([rows.spelledCondition(of: table, regions: regions)].compactMap { $0 }
          + ["CASE event_table \(events.joined(separator: " ")) ELSE false END"]).joined(separator: " AND ")
      default:
        guard !RegionalRows.openTables.contains(table) else { return nil }
        let own = rows.spelledCondition(of: table, regions: regions)
        guard rows.isRegional(table) else { return own }
        // A region's record that names another region's: left out, but for one whose organizer goes.
        let named = rows.pointers(of: table).filter { !Self.organizers.contains("\(table).\($0.column)") }.map {
          "(\($0.column) IS NULL OR \($0.column) IN (\(seen($0.parent))))"
        }
        return named.isEmpty ? own : ([own].compactMap { $0 } + named).joined(separator: " AND ")
      }
    }

    /// A region's records that may name another region's row the file lacks and keep their place without it:
    /// an activity in 兴义 organized by a branch elsewhere, as counties' own files keep it. A region's other
    /// records that name another's rows — an honor given in 兴义 to a cadre kept in 普安 — are left out: the
    /// file cannot hold them whole, and holding that cadre would count them in the county's roster.
    private static let organizers: Set<String> = ["activity.organization_id"]

    /// What the file holds in `column` of `table`, when it is not the column's value: an organizer the file
    /// lacks, none.
    func value(of column: String, in table: String) -> String? {
      guard Self.organizers.contains("\(table).\(column)"),
        let parent = rows.pointers(of: table).first(where: { $0.column == column })?.parent
      else { return nil }
      return "CASE WHEN \(column) IN (\(seen(parent))) THEN \(column) END"
    }

    /// The rows of `table` the file holds, as a subquery.
    private func seen(_ table: String) -> String {
      "SELECT id FROM \(table)" + (rows.spelledCondition(of: table, regions: regions).map { " WHERE \($0)" } ?? "")
    }
  }
}
