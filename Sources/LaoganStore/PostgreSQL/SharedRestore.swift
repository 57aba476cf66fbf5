import Foundation
import GRDB

/// `laogan restore FILE --db postgresql://…`: a backup (a laogan file) becomes the shared database's records.
extension LaoganDatabase {
  /// Whether the shared database holds any row but those `init` makes: a restore over it needs the clerk's yes.
  public func holdsRecords() throws -> Bool {
    try read { try Self.holdsRecords(in: Self.replacedOnRestore($0), $0) }
  }

  private static func holdsRecords(in tables: [String], _ session: any SQLSession) throws -> Bool {
    let exists = tables.map { "EXISTS (SELECT 1 FROM \"\($0)\")" }
    return try session.value(Bool.self, sql: "SELECT " + exists.joined(separator: " OR ")) ?? false
  }

  /// Replaces every record and the audit log with the backup's, in one transaction that no other clerk's
  /// command reads or writes through: the backup is checked as a file's restore checks it, migrated in a
  /// temporary copy, and copied in with its ids (`SharedCopy`); each table's next id passes every id the
  /// database had given, so none is handed out twice. What the database held is first copied out, in the same
  /// transaction, to a file in the current folder, named `NAME.before-restore-STAMP` (NAME the database's) once
  /// the restore has committed, as a file's restore keeps the old file; its path comes back, nil when the
  /// database held nothing. The grants stay: they are the server's roles, not records.
  public func restoreShared(from source: String, stamp: String) throws -> String? {
    guard case .postgresql(let link) = engine else {
      throw LaoganError.wrongEngine("恢复进共享数据库须给出它的地址（postgresql://…）")
    }
    try Self.checkBackup(source)
    var aside: FileCopy.Unnamed?
    do {
      try Self.readingMigratedCopy(of: source) { sqlite in
        try Self.writeShared(link, dryRun: false) { session in
          aside?.file.remove()
          aside = nil
          let tables = try Self.replacedOnRestore(session)
          let list = tables.map { "\"\($0)\"" }.joined(separator: ", ")
          // Taken first, so no clerk's command comes between the copy set aside and the restore; a county's
          // role may not take them.
          try link.run("LOCK TABLE \(list) IN ACCESS EXCLUSIVE MODE")
          try Self.checkMayReveal(session)
          if try Self.holdsRecords(in: tables, session) {
            aside = try FileCopy.setAside(from: session, link, why: "before-restore-\(stamp)")
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
        }
      }
    } catch {
      aside?.file.remove()
      throw error
    }
    try aside?.place()
    return aside?.name
  }

  /// The tables a restore empties and fills from the backup: every one but the grants, and the regions and
  /// migrations, the same in every database of this laogan (the grants point at the regions).
  private static func replacedOnRestore(_ session: any SQLSession) throws -> [String] {
    try session.values(String.self, sql: SharedCopy.tablesSQL).filter {
      ![accessTable, "region", "grdb_migrations"].contains($0)
    }
  }
}
