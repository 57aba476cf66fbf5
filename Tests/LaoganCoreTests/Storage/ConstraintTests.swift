import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganStore

/// `CommitCheck` stands in for SQLite's own CHECK and foreign key checks during an import, reading the
/// constraints out of each table's CREATE statement. Here SQLite is the judge: in every table of the demo that
/// has a row, every column is set to each of a handful of values, and whatever SQLite refuses as a CHECK or a
/// foreign key, the commit check must refuse, naming the same kind of constraint — and nothing else.
@Suite("The commit check against SQLite, constraint by constraint")
struct ConstraintTests {
  /// Values that break most constraints somewhere: out of range, of the wrong form, pointing at nothing.
  static let candidates: [DatabaseValue] = [
    (-1).databaseValue, 0.databaseValue, 2.databaseValue, 999_999_999.databaseValue, "x".databaseValue,
    "".databaseValue, "2023-13-45".databaseValue, "2023-02".databaseValue, "否".databaseValue,
  ]

  enum Verdict: Equatable {
    case accepted
    case refused(String)
    /// Refused for a reason neither check covers (NOT NULL, UNIQUE, a trigger): not compared.
    case beside

    /// What a refusal says, SQLite's and the commit check's alike: both name the kind of constraint first.
    init(_ error: DatabaseError) {
      let message = error.message ?? ""
      self =
        message.hasPrefix("CHECK constraint failed")
        ? .refused("CHECK")
        : message.hasPrefix("FOREIGN KEY constraint failed") ? .refused("FOREIGN KEY") : .beside
    }
  }

  /// What SQLite says of setting `column` of row `rowID` to `value`, statement by statement.
  static func sqlite(_ table: String, _ column: String, _ rowID: Int64, _ value: DatabaseValue, _ db: Database)
    throws -> Verdict
  {
    var verdict = Verdict.accepted
    try db.inSavepoint {
      do {
        try db.execute(sql: "UPDATE \"\(table)\" SET \"\(column)\" = ? WHERE rowid = ?", arguments: [value, rowID])
      } catch let error as DatabaseError {
        verdict = Verdict(error)
      }
      return .rollback
    }
    return verdict
  }

  /// What the commit check says of the same change, made with SQLite's own checks set aside as an import sets
  /// them aside.
  static func commitCheck(
    _ constraints: TableConstraints, _ column: String, _ rowID: Int64, _ value: DatabaseValue, _ db: Database
  ) throws -> Verdict {
    var verdict = Verdict.accepted
    try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
    defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = 0") }
    try db.inSavepoint {
      do {
        try db.execute(
          sql: "UPDATE \"\(constraints.table)\" SET \"\(column)\" = ? WHERE rowid = ?", arguments: [value, rowID])
        try constraints.refuseBroken(rows: "rowid = ?", [rowID], db)
      } catch let error as DatabaseError {
        verdict = Verdict(error)
      }
      return .rollback
    }
    return verdict
  }

  @Test("every column of every table with a row, set to values that break things: the same refusals as SQLite's")
  func sameAsSQLite() throws {
    let folder = try TemporaryFolder()
    let database = try folder.database()
    _ = try database.buildDemo(DemoOptions(), testContext) { _ in }
    var compared = 0
    var refusedBySQLite = Set<String>()
    var empty: [String] = []
    try database.queue.inDatabase { db in
      try db.execute(sql: "PRAGMA defer_foreign_keys = 1")
      try db.inTransaction {
        let tables = try Row.fetchAll(
          db,
          sql: """
            SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND sql NOT LIKE '%WITHOUT ROWID%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'cadre_search_%'
            ORDER BY name
            """)
        for table in tables {
          let name: String = table["name"]
          guard let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM \"\(name)\" LIMIT 1") else {
            empty.append(name)
            continue
          }
          let constraints = try TableConstraints(table: name, sql: table["sql"], db)
          let columns = try String.fetchAll(
            db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk = 0", arguments: [name])
          for column in columns {
            for value in Self.candidates {
              let bySQLite = try Self.sqlite(name, column, rowID, value, db)
              guard bySQLite != .beside else { continue }
              // SQLite checks foreign keys here at the transaction's end: a statement breaking one is caught
              // by asking SQLite's own foreign key check of the row.
              var expected = bySQLite
              if expected == .accepted {
                try db.inSavepoint {
                  try db.execute(
                    sql: "UPDATE \"\(name)\" SET \"\(column)\" = ? WHERE rowid = ?", arguments: [value, rowID])
                  if try Row.fetchOne(db, sql: "SELECT * FROM pragma_foreign_key_check(?)", arguments: [name]) != nil {
                    expected = .refused("FOREIGN KEY")
                  }
                  return .rollback
                }
              }
              let byCommitCheck = try Self.commitCheck(constraints, column, rowID, value, db)
              #expect(byCommitCheck == expected, "\(name).\(column) = \(value)")
              if case .refused(let kind) = expected { refusedBySQLite.insert("\(name).\(column) \(kind)") }
              compared += 1
            }
          }
        }
        return .rollback
      }
    }
    // The demo fills every table but two, and the values reach 136 columns' constraints (2,142 changes).
    #expect(compared > 2_000, "\(compared) changes compared")
    #expect(refusedBySQLite.count > 120, "\(refusedBySQLite.count) constraints reached: \(refusedBySQLite.sorted())")
    #expect(empty == ["association_member", "imported_file"], "tables the demo leaves empty: \(empty)")
  }
}
