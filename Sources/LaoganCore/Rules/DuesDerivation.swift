import LaoganModel
import LaoganStore

/// What `dues-standard derive` changed (or, dry, would change): each member whose standard from the month
/// differs from the one their 离退休费 gives, and the members it could not work out.
public struct DuesDerivation: Sendable, Equatable {
  public struct Change: Sendable, Equatable {
    public let cadreID: Int64
    public let name: String
    public let residentID: String
    public let pension: Fen
    /// The standard in force in the month, which the derived one replaces; nil when the member had none.
    public let previous: Fen?
    public let derived: Fen
  }

  /// A member in force with no 离退休费 in force in the month: listed by name, left as they were.
  public struct Unknown: Sendable, Equatable {
    public let cadreID: Int64
    public let name: String
    public let residentID: String
  }

  public let month: Month
  public let changes: [Change]
  /// Members whose standard already is the derived one.
  public let unchanged: Int
  public let withoutPension: [Unknown]
  public let dryRun: Bool

  /// The 党费 of a retired member paid `pension` a month (the 党费 rule for retired members): 0.5% of it up to
  /// and including 5,000.00 元, 1% of it above, rounded half up to the 分.
  public static func standard(forPension pension: Fen) -> Fen {
    let perThousand: Int64 = pension.value <= 500_000 ? 5 : 10
    return Fen((pension.value * perThousand + 500) / 1000)
  }
}

extension LaoganDatabase {
  /// `dues-standard derive --month M`: sets each Party member's standard from M to what their 离退休费 in
  /// force in M gives, where it differs from the standard in force then — a new standard from M, or the one
  /// that already starts in M changed (a standard typed by hand stands until the next derive). Members are
  /// those who owe dues in M: in force, living Party members managed by the bureau at its start. One audited
  /// command, so `undo` takes it back whole.
  public func deriveDuesStandards(month: Month, dryRun: Bool, _ context: AuditContext) throws -> DuesDerivation {
    try write(context, dryRun: dryRun) { writer in
      let db = try writer.db
      let rows = try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id,
            (SELECT p.monthly_fen FROM pension p WHERE p.cadre_id = c.id AND \(RecordSQL.inForce("p"))
             AND p.from_month <= :month ORDER BY p.from_month DESC LIMIT 1) AS pension,
            (SELECT s.monthly_fen FROM dues_standard s WHERE s.cadre_id = c.id AND \(RecordSQL.inForce("s"))
             AND s.from_month <= :month ORDER BY s.from_month DESC LIMIT 1) AS standard,
            (SELECT s.id FROM dues_standard s WHERE s.cadre_id = c.id AND \(RecordSQL.inForce("s"))
             AND s.from_month = :month) AS starting
          FROM cadre c
          WHERE \(RecordSQL.inForce("c")) AND \(DuesMonths.sql("c", month: ":month"))
            AND \(ManagedRule.sql("c", on: ":first"))
          ORDER BY c.region_code, c.id
          """, arguments: ["month": month, "first": month.firstDay])
      let saver = try RecordSaver<DuesStandardKind>(writer, update: true)
      var changes: [DuesDerivation.Change] = []
      var unknown: [DuesDerivation.Unknown] = []
      var unchanged = 0
      for row in rows {
        let (id, name, residentID): (Int64, String, String) = (row["id"], row["name"], row["resident_id"])
        guard let pension = (row["pension"] as Int64?).map(Fen.init) else {
          unknown.append(.init(cadreID: id, name: name, residentID: residentID))
          continue
        }
        let derived = DuesDerivation.standard(forPension: pension)
        if (row["standard"] as Int64?) == derived.value {
          unchanged += 1
          continue
        }
        changes.append(
          .init(
            cadreID: id, name: name, residentID: residentID, pension: pension,
            previous: (row["standard"] as Int64?).map(Fen.init), derived: derived))
        if let starting = try (row["starting"] as Int64?).flatMap({ try db.record(DuesStandard.self, id: $0) }) {
          _ = try saver.save([.monthly: derived.description], over: starting)
        } else {
          _ = try saver.save(
            [.residentID: residentID, .monthly: derived.description, .fromMonth: month.description], over: nil)
        }
      }
      return DuesDerivation(
        month: month, changes: changes, unchanged: unchanged, withoutPension: unknown, dryRun: dryRun)
    }
  }
}
