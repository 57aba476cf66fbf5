import Foundation
import GRDB

/// `laogan init --db URL` on a shared database an older laogan made: brought to this laogan's schema by the
/// migrations every file goes through, their changes to rows too.
extension LaoganDatabase {
  /// In one transaction that holds every table against other clerks: the rows copied out to a laogan file at
  /// the database's version (`FileCopy`), a temporary copy of that file migrated, the old tables dropped, the
  /// current schema made and the migrated rows copied in with their ids (`SharedCopy`), and the grants given
  /// again, their policies made for the new tables. The file at the old version is kept in the current folder
  /// as `NAME.before-upgrade-LAST` (NAME the database's, LAST its last migration), as a file's upgrade keeps a
  /// copy beside it; its path comes back, nil when another clerk's `init` upgraded the database meanwhile. A
  /// failure anywhere leaves the database as it was, and no file.
  static func upgradeShared(_ link: PostgresLink, address: PostgresAddress) throws -> String? {
    let order = Migrations.migrator.migrations
    var kept: FileCopy.Unnamed?
    do {
      try inTransaction(link) {
        // Two clerks' `init` at once: the second waits, then finds the schema current.
        _ = try link.query("SELECT pg_advisory_xact_lock(\(schemaLock))")
        let applied = try appliedMigrations(link)
        guard applied != Set(order) else { return }
        guard applied == Set(order.prefix(applied.count)), let last = order.prefix(applied.count).last else {
          throw LaoganError.cannotOpen(path: address.shown, reason: "其中的迁移记录不是本版 laogan 的任何一个早期版本，无法升级")
        }
        try SQLDialect.$bound.withValue(.postgresql) {
          let session = PostgresSession(link)
          let tables = try session.values(String.self, sql: SharedCopy.tablesSQL).map { "\"\($0)\"" }
            .joined(separator: ", ")
          try link.run("LOCK TABLE \(tables) IN ACCESS EXCLUSIVE MODE")
          let aside = try FileCopy.setAside(from: session, link, why: "before-upgrade-\(last)", version: last)
          kept = aside
          try upgrade(tables, link, session, from: aside.file.path)
        }
      }
    } catch {
      kept?.file.remove()
      throw error
    }
    try kept?.place()
    return kept?.name
  }

  /// The upgrade inside its transaction, the rows as they were in the file at `old`: the old `tables` dropped,
  /// the current schema made, the rows migrated and copied in, the grants given again.
  private static func upgrade(_ tables: String, _ link: PostgresLink, _ session: PostgresSession, from old: String)
    throws
  {
    let grants = try grants(session)
    try readingMigratedCopy(of: old) { sqlite in
      try link.run("DROP TABLE \(tables) CASCADE")
      for statement in try PostgresSchema.statements(from: sqlite) { try link.run(statement) }
      try SharedCopy.rows(from: sqlite, to: link)
    }
    // The copy's keys checked now, as its policies' tables cannot be altered with checks pending; a grant to a
    // role since dropped from the server is not given again: it held nobody.
    try link.run("SET CONSTRAINTS ALL IMMEDIATE")
    let held = try grants.filter { try roleExists($0.role, session) }
    if !held.isEmpty { try give(held, session) }
  }
}
