import LaoganModel
import LaoganStore

// The benefit rules: monthly amounts of the scheduled items, by period, age, category and rank (SPEC §3).

extension LaoganDatabase {
  /// `benefit rule add`: a rule for a scheduled item. Amounts are data; rules change by adding new ones with
  /// later months, so earlier months keep the amounts they were paid under.
  public func addBenefitRule(_ rule: BenefitRule, _ context: AuditContext) throws -> BenefitRule {
    guard rule.item.isScheduled else {
      throw LaoganError.invalidValue(
        field: "--item", value: rule.item.rawValue, reason: "不是按月发放的项目（可用 特需费、生活费、高龄补贴）；一次性发放用 benefit grant")
    }
    guard rule.monthly > .zero else {
      throw LaoganError.invalidValue(field: "--monthly", value: rule.monthly.description, reason: "应大于 0")
    }
    if let to = rule.toMonth, to < rule.fromMonth {
      throw LaoganError.invalidValue(field: "--to", value: to.description, reason: "早于 --from \(rule.fromMonth)")
    }
    if let min = rule.minAge, let max = rule.maxAge, max < min {
      throw LaoganError.invalidValue(field: "--max-age", value: "\(max)", reason: "小于 --min-age \(min)")
    }
    return try write(context) { writer in
      let existing = try writer.db.records(
        BenefitRule.self, sql: "SELECT * FROM benefit_rule WHERE \(RecordSQL.inForce())")
      if let clash = existing.first(where: rule.overlaps) {
        throw LaoganError.invalidValue(
          field: "规则", value: clash.id.map { "\($0)" } ?? "",
          reason: "与已有规则 \(clash.id ?? 0)（\(clash.summary)）重叠：同一人同一月会有两条\(rule.item.rawValue)规则；"
            + "先用 benefit rule end \(clash.id ?? 0) --to 某月 结束旧规则")
      }
      var saved = rule
      try writer.insert(&saved)
      return saved
    }
  }

  public func benefitRules() throws -> [BenefitRule] {
    try read { db in
      try db.records(
        BenefitRule.self, sql: "SELECT * FROM benefit_rule WHERE \(RecordSQL.inForce()) ORDER BY item, from_month")
    }
  }
  /// `benefit rule end RULE --to M`: the rule stops after month `to`, so that a new amount can start the month
  /// after. Months already paid keep the amounts they were paid under.
  public func endBenefitRule(_ id: Int64, to month: Month, _ context: AuditContext) throws -> BenefitRule {
    try write(context) { writer in
      guard let rule = try writer.db.record(BenefitRule.self, id: id), rule.voidedReason == nil else {
        throw LaoganError.recordNotFound(label: "发放规则", reference: "\(id)")
      }
      guard month >= rule.fromMonth else {
        throw LaoganError.invalidValue(field: "--to", value: month.description, reason: "早于规则的起始月份 \(rule.fromMonth)")
      }
      var ended = rule
      ended.toMonth = month
      try writer.update(ended, from: rule)
      return ended
    }
  }
}

extension BenefitRule {
  /// Whether one cadre could be paid under both rules in one month: the same item, and months, ages,
  /// categories and ranks that meet. `benefit run` refuses such a pair, so adding one is refused first.
  func overlaps(_ other: BenefitRule) -> Bool {
    /// Two ranges, each bound open when nil, share a value.
    func meet<T: Comparable>(_ low: T?, _ high: T?, _ otherLow: T?, _ otherHigh: T?) -> Bool {
      func atMost(_ value: T?, _ bound: T?) -> Bool {
        guard let value, let bound else { return true }
        return value <= bound
      }
      return atMost(low, otherHigh) && atMost(otherLow, high)
    }
    return item == other.item && meet(fromMonth, toMonth, other.fromMonth, other.toMonth)
      && meet(minAge, maxAge, other.minAge, other.maxAge)
      && (category == nil || other.category == nil || category == other.category)
      && (rank == nil || other.rank == nil || rank == other.rank)
  }

  /// The ages it applies to, as the rule list shows them: `80–89`, `80+`, `≤79`; nil for every age.
  public var ages: String? {
    switch (minAge, maxAge) {
    case (nil, nil): nil
    case (let min?, nil): "\(min)+"
    case (nil, let max?): "≤\(max)"
    case (let min?, let max?): "\(min)–\(max)"
    }
  }

  /// `高龄补贴 100.00 元/月，2022-01 起，80–89 岁`, as messages name a rule.
  public var summary: String {
    var parts = ["\(item.rawValue) \(monthly) 元/月", "\(fromMonth) 起" + (toMonth.map { "至 \($0)" } ?? "")]
    if let ages { parts.append("\(ages) 岁") }
    if let category { parts.append(category.rawValue) }
    if let rank { parts.append(rank.rawValue) }
    return parts.joined(separator: "，")
  }
}
