import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The SQL spellings of the domain's words against their Swift twins, on the same values.
@Suite("Shared SQL and its Swift twins")
struct RecordSQLTests {
  @Test(
    "a month's first and last day are the same in SQL as in Swift, February and December included",
    arguments: TestEngine.available)
  func monthBoundaries(on engine: TestEngine) throws {
    let folder = try TemporaryFolder()
    let database = try folder.database(on: engine)
    for text in ["2023-01", "2023-02", "2024-02", "1900-02", "2000-02", "2023-04", "2023-12"] {
      let month = try #require(Month(parsing: text))
      let (first, last) = try database.read { db in
        (
          try db.value(CalendarDate.self, sql: "SELECT \(MonthSQL.firstDay("?"))", arguments: [text]),
          try db.value(CalendarDate.self, sql: "SELECT \(MonthSQL.lastDay("?"))", arguments: [text])
        )
      }
      #expect(first == month.firstDay, "\(text)")
      #expect(last == month.lastDay, "\(text)")
    }
  }

  @Test("a record in force is one not voided, by the table alone or by an alias alike")
  func inForce() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, voided_reason TEXT)")
      try db.execute(sql: "INSERT INTO t VALUES (1, NULL), (2, '误登'), (3, NULL)")
      let bySQL = try Int64.fetchAll(db, sql: "SELECT id FROM t WHERE \(RecordSQL.inForce()) ORDER BY id")
      let byAlias = try Int64.fetchAll(
        db, sql: "SELECT x.id FROM t x JOIN t y ON y.id = x.id WHERE \(RecordSQL.inForce("x")) ORDER BY x.id")
      #expect(bySQL == [1, 3])
      #expect(byAlias == bySQL)
    }
  }
}
