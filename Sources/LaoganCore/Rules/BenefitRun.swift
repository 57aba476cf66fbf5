import LaoganModel
import LaoganStore

/// What a monthly run paid (or, dry, would pay): per item and in all.
public struct BenefitRunSummary: Sendable, Equatable {
  public struct Line: Sendable, Equatable {
    public let item: BenefitItem
    public let persons: Int
    public let amount: Fen
  }

  public let month: Month
  public let lines: [Line]
  /// Distinct cadres paid.
  public let persons: Int
  public let payments: Int
  public let total: Fen
  public let dryRun: Bool
}

extension LaoganDatabase {
  /// `benefit run --month M`: writes the month's scheduled payments for every eligible cadre, in one statement.
  ///
  /// Eligible (SPEC §3): not voided; retired in or before the month (or no date recorded); alive at the month's
  /// start or dying in it (the month of death is paid, none after); of the rule's category and rank; aged
  /// within the rule's bounds on the month's last day. A cadre who already has a payment of that item for
  /// that month — from an earlier run or an import — is skipped, so a second run adds nothing. Two rules of one
  /// item that both fit a cadre are a configuration error, refused before anything is written.
  public func runBenefits(month: Month, dryRun: Bool, _ context: AuditContext) throws -> BenefitRunSummary {
    try write(context, dryRun: dryRun) { writer in try LaoganDatabase.runBenefits(month: month, dryRun: dryRun, writer)
    }
  }

  /// The run inside a command's transaction (the demo runs many months in one).
  static func runBenefits(month: Month, dryRun: Bool, _ writer: AuditedWriter) throws -> BenefitRunSummary {
    let db = try writer.db
    let arguments: SQLArguments = ["month": month, "last": month.lastDay]
    // A monthly cron job with no rule in force would pay no one and say nothing: that is refused.
    let inForce = try db.value(
      Bool.self,
      sql: """
        SELECT EXISTS (SELECT 1 FROM benefit_rule r WHERE \(RecordSQL.inForce("r"))
                       AND r.from_month <= :month AND (r.to_month IS NULL OR r.to_month >= :month))
        """, arguments: arguments)
    guard inForce == true else { throw LaoganError.noRulesInForce(month: month.description) }
    if let clash = try db.row(
      sql: """
        SELECT c.name, r.item, \(SQLDialect.joined("r.id")) AS rules FROM \(Self.eligible)
        GROUP BY c.id, r.item HAVING count(*) > 1
        UNION ALL
        SELECT c.name, r.item, \(SQLDialect.joined("r.id")) AS rules FROM \(Self.survivors)
        GROUP BY c.id, r.item HAVING count(*) > 1 LIMIT 1
        """, arguments: arguments)
    {
      throw LaoganError.invalidValue(
        field: "规则", value: clash["rules"],
        reason: "同一项目\(clash["item"] as String)的多条规则同时适用于 \(clash["name"] as String)（例如），请用 --to 结束旧规则")
    }
    let lastID = try db.value(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM payment") ?? 0
    try db.execute(
      sql: """
        INSERT INTO payment (cadre_id, item, month, amount_fen, rule_id)
        SELECT c.id, r.item, :month, r.monthly_fen, r.id FROM \(Self.eligible)
        ORDER BY c.id, r.item
        """, arguments: arguments)
    try db.execute(
      sql: """
        INSERT INTO payment (cadre_id, item, month, amount_fen, rule_id, recipient_id)
        SELECT c.id, r.item, :month, r.monthly_fen, r.id, f.id FROM \(Self.survivors)
        ORDER BY c.id
        """, arguments: arguments)
    try writer.logInsertedRows(table: "payment", after: lastID)
    let lines = try db.rows(
      sql: """
        SELECT item, COUNT(DISTINCT cadre_id) AS persons, SUM(amount_fen) AS amount FROM payment
        WHERE id > ? GROUP BY item ORDER BY item
        """, arguments: [lastID]
    ).compactMap { row -> BenefitRunSummary.Line? in
      guard let item = BenefitItem(rawValue: row["item"]) else { return nil }
      return .init(item: item, persons: row["persons"], amount: Fen(row["amount"]))
    }
    let totals = try db.row(
      sql: "SELECT COUNT(DISTINCT cadre_id), COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment WHERE id > ?",
      arguments: [lastID])
    return BenefitRunSummary(
      month: month, lines: lines.sorted { $0.item.sortIndex < $1.item.sortIndex }, persons: totals?[0] ?? 0,
      payments: totals?[1] ?? 0, total: Fen(totals?[2] ?? 0), dryRun: dryRun)
  }

  /// Rules in force in `:month` joined with the cadres they pay and have not yet paid; `:last` is the month's last day.
  /// A cadre is paid by the bureau managing them when the month begins (`ManagedRule`): the month of a transfer
  /// is paid by the bureau they leave.
  private static var eligible: String {
    """
    benefit_rule r JOIN cadre c ON TRUE
    WHERE \(RecordSQL.inForce("r")) AND r.from_month <= :month AND (r.to_month IS NULL OR r.to_month >= :month)
      AND r.item <> '\(BenefitItem.survivorAllowance.rawValue)' AND \(RecordSQL.inForce("c"))
      AND (c.retired_on IS NULL OR \(SQLDialect.month(of: "c.retired_on")) <= :month)
      AND (c.died_on IS NULL OR \(SQLDialect.month(of: "c.died_on")) >= :month)
      AND \(ManagedRule.sql("c", on: MonthSQL.firstDay(":month")))
      AND (r.category IS NULL OR r.category = c.category)
      AND (r.rank IS NULL OR r.rank = c.rank)
      AND (r.min_age IS NULL OR \(ageOnLastDay) >= r.min_age)
      AND (r.max_age IS NULL OR \(ageOnLastDay) <= r.max_age)
      AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.cadre_id = c.id AND p.item = r.item AND p.month = :month
                      AND \(RecordSQL.inForce("p")))
    """
  }

  /// 遗属补助 rules in force in `:month` joined with the cadres who died before the month began — of the rule's
  /// category and rank, managed when they died — and their spouse on file, alive when the month begins, who
  /// is paid; never a living cadre, and not again for a month already paid.
  private static var survivors: String {
    """
    benefit_rule r JOIN cadre c ON TRUE JOIN family_member f ON f.cadre_id = c.id
    WHERE \(RecordSQL.inForce("r")) AND r.item = '\(BenefitItem.survivorAllowance.rawValue)'
      AND r.from_month <= :month AND (r.to_month IS NULL OR r.to_month >= :month)
      AND \(RecordSQL.inForce("c")) AND c.died_on IS NOT NULL AND \(SQLDialect.month(of: "c.died_on")) < :month
      AND \(ManagedRule.sql("c", onEach: "c.died_on"))
      AND (r.category IS NULL OR r.category = c.category) AND (r.rank IS NULL OR r.rank = c.rank)
      AND \(RecordSQL.inForce("f")) AND f.relation = '\(FamilyRelation.spouse.rawValue)'
      AND (f.died_on IS NULL OR f.died_on >= \(MonthSQL.firstDay(":month")))
      AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.cadre_id = c.id AND p.item = r.item AND p.month = :month
                      AND \(RecordSQL.inForce("p")))
    """
  }

  /// Age on `:last`, the month's last day.
  private static var ageOnLastDay: String {
    CadreSQL.age(born: "c.born_on", on: ":last")
  }
}

extension BenefitItem {
  /// The order items are listed in: the order of SPEC §3.
  var sortIndex: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
