import Foundation
import GRDB

/// `laogan restore FILE --db postgresql://…`: a backup (a laogan file) becomes the shared database's records.
extension LaoganDatabase {
  /// Whether any command has written to the shared database: a restore over it needs the clerk's yes.
  public func holdsRecords() throws -> Bool {
    try read { try $0.value(Int.self, sql: "SELECT 1 FROM command_run LIMIT 1") != nil }
  }

  /// Replaces every record and the audit log with the backup's, in one transaction that no other clerk's
  /// command reads or writes through: the backup is checked as a file's restore checks it, migrated in a
  /// temporary copy, and copied in with its ids (`SharedCopy`); each table's next id passes every id the database
  /// had given, so none is handed out twice. What the database held before is first written,
  /// in the same transaction, to a file beside the backup (`NAME.before-restore-STAMP`, NAME the database's),
  /// as a file's restore keeps the old file; its path comes back, nil when no command had written. The grants
  /// stay: they are the server's roles, not records.
  public func restoreShared(from source: String, stamp: String) throws -> String? {
    guard case .postgresql(let link) = engine else { throw LaoganError.wrongEngine("恢复进共享数据库须给出它的地址（postgresql://…）") }
    try Self.checkBackup(source)
    let staged = try TemporaryFile(beside: NSTemporaryDirectory() + "/laogan-restore.db")
    defer { staged.remove() }
    let restored = try Self.translatingErrors { try Self.migratedCopy(of: source, at: staged.path) }
    defer { try? restored.close() }
    return try Self.translatingErrors {
      try restored.read { sqlite in
        try Self.writeShared(link, dryRun: false) { session in
          let tables = try session.values(String.self, sql: SharedCopy.tablesSQL).filter {
            !Self.keptOnRestore.contains($0)
          }
          let list = tables.map { "\"\($0)\"" }.joined(separator: ", ")
          // Taken first, so no clerk's command comes between the copy set aside and the restore; a county's
          // role may not take them.
          try link.run("LOCK TABLE \(list) IN ACCESS EXCLUSIVE MODE")
          try Self.checkMayReveal(session)
          var aside: String?
          if try session.value(Int.self, sql: "SELECT 1 FROM command_run LIMIT 1") != nil {
            let name = try session.value(String.self, sql: "SELECT current_database()") ?? "laogan"
            let folder = URL(fileURLWithPath: source).deletingLastPathComponent().path
            let path = Self.asideName("\(folder)/\(name)", stamp: stamp)
            try FileCopy.write(from: session, link, to: path, regionCodes: nil)
            aside = path
          }
          // The backup's ids as they were, but no id the database had given handed out again after it.
          let sequences = try SharedCopy.identitySequences(link)
          let given = try Dictionary(
            uniqueKeysWithValues: sequences.map {
              ($0.key, try SharedCopy.highestGiven($0.key, sequence: $0.value, link))
            })
          try link.run("TRUNCATE \(list) RESTART IDENTITY")
          try SharedCopy.rows(from: sqlite, to: link)
          for (table, sequence) in sequences.sorted(by: { $0.key < $1.key }) where given[table, default: 0] > 0 {
            try session.execute(
              sql: "SELECT setval(?, GREATEST(?, (SELECT last_value FROM \(sequence))))",
              arguments: [sequence, given[table] ?? 0])
          }
          return aside
        }
      }
    }
  }

  /// Tables a restore leaves as they are: the grants, and the regions and migrations, the same in every
  /// database of this laogan (the grants point at the regions).
  private static let keptOnRestore: Set<String> = [accessTable, "region", "grdb_migrations"]
}
