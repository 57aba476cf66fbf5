import LaoganModel
import Testing

@testable import LaoganStore

/// What the shared database is sent in place of the core's SQL: its own parameters, SQLite's place for NULL
/// in an ordering, and the address's password kept out of sight.
@Suite struct PostgresSpellingTests {
  /// The core's statements and what PostgreSQL is sent: a descending item's NULLs last, any other's first;
  /// an item that says where its NULLs go, quoted text and an `id` as they are; each list ended where its own
  /// clause ends (a window's frame, a subquery, `ON CONFLICT`, an aggregate's parenthesis).
  static let orderings = [
    (
      "SELECT * FROM officer ORDER BY started_on DESC, id",
      "SELECT * FROM officer ORDER BY started_on DESC NULLS LAST, id"
    ),
    (
      "SELECT a FROM t ORDER BY t.born_on, t.id LIMIT 5",
      "SELECT a FROM t ORDER BY t.born_on NULLS FIRST, t.id LIMIT 5"
    ),
    ("SELECT 'ORDER BY x' FROM t ORDER BY x NULLS LAST", "SELECT 'ORDER BY x' FROM t ORDER BY x NULLS LAST"),
    ("SELECT * FROM t ORDER BY p.id DESC", "SELECT * FROM t ORDER BY p.id DESC"),
    (
      "SELECT SUM(change) OVER (ORDER BY day, change DESC ROWS UNBOUNDED PRECEDING) FROM f",
      "SELECT SUM(change) OVER (ORDER BY day NULLS FIRST, change DESC NULLS LAST ROWS UNBOUNDED PRECEDING) FROM f"
    ),
    (
      "SELECT (SELECT m.joined_on FROM m ORDER BY m.joined_on DESC LIMIT 1) AS j FROM c ORDER BY j",
      "SELECT (SELECT m.joined_on FROM m ORDER BY m.joined_on DESC NULLS LAST LIMIT 1) AS j FROM c ORDER BY j NULLS FIRST"
    ),
    (
      "SELECT x FROM t ORDER BY CASE WHEN a IS NULL THEN 1 ELSE 0 END, b DESC",
      "SELECT x FROM t ORDER BY CASE WHEN a IS NULL THEN 1 ELSE 0 END NULLS FIRST, b DESC NULLS LAST"
    ),
    (
      "INSERT INTO k (a) SELECT a FROM s ORDER BY a ON CONFLICT DO NOTHING RETURNING id",
      "INSERT INTO k (a) SELECT a FROM s ORDER BY a NULLS FIRST ON CONFLICT DO NOTHING RETURNING id"
    ),
    (
      "SELECT string_agg(name, ',' ORDER BY name) FROM c;",
      "SELECT string_agg(name, ',' ORDER BY name NULLS FIRST) FROM c;"
    ),
  ]

  @Test(arguments: orderings)
  func nullsSortAsOnSQLite(_ sql: String, _ sent: String) {
    #expect(NullOrder.spelled(sql) == sent)
  }

  /// A name that stands twice is one number, bound once; quoted text keeps its `?` and `:`.
  @Test func namesNumbered() throws {
    let statement = try PostgresStatement(
      "SELECT * FROM t WHERE (d IS NULL OR d > :day) AND e < :day AND k = :kind AND s = ':day?'",
      ["day": "2024-01-31", "kind": "特需费"])
    #expect(statement.sql == "SELECT * FROM t WHERE (d IS NULL OR d > $1) AND e < $1 AND k = $2 AND s = ':day?'")
    #expect(statement.bindings.count == 2)
  }

  @Test func passwordsStarred() {
    #expect(
      Masking.password(in: "--db postgresql://clerk:s3cret@db.example/laogan")
        == "--db postgresql://clerk:***@db.example/laogan")
    #expect(
      Masking.password(in: "postgresql://clerk@/laogan?host=/run/pg&password=s3cret&port=5433")
        == "postgresql://clerk@/laogan?host=/run/pg&password=***&port=5433")
    #expect(
      Masking.password(in: "postgresql://clerk@db/laogan?password=s3cret")
        == "postgresql://clerk@db/laogan?password=***")
    #expect(Masking.password(in: "report 323 --year 2025") == "report 323 --year 2025")
  }
}
