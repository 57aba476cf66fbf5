import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// Things a report's reader should know that are not errors: months of the period with no payments at all
  /// (a monthly sheet not yet imported, or `benefit run` not yet done), an empty roster.
  public func reportWarnings(region: Region, period: Period) throws -> [String] {
    try read { db in
      var warnings: [String] = []
      let scope = ReportScope(region: region)
      let hasCadres = try db.value(
        Bool.self,
        sql: "SELECT EXISTS (SELECT 1 FROM cadre WHERE \(RecordSQL.inForce()) AND \(scope.region("cadre.region_code")))"
      )
      if hasCadres != true { warnings.append("\(region.name)没有登记干部") }
      // One indexed probe a month, not a scan of the period's payments. Asked for the month's first payment,
      // not whether one exists: PostgreSQL plans `EXISTS` as a scan of the table from its start, which finds a
      // late month's rows only after the year's before it (5 ms a month where the index takes 0.5).
      let paid = """
        SELECT 1 FROM payment WHERE \(RecordSQL.inForce()) AND counted_on BETWEEN ? AND ?
          AND \(scope.cadreRegion("payment.cadre_id"))
        ORDER BY counted_on LIMIT 1
        """
      var month = Month(period.from)
      var missing: [String] = []
      while month <= Month(period.to) {
        if try db.value(Int.self, sql: paid, arguments: [month.firstDay, month.lastDay]) == nil {
          missing.append(month.description)
        }
        month = month.next
      }
      if !missing.isEmpty {
        let shown =
          missing.count > 6
          ? missing.prefix(6).joined(separator: "、") + " 等 \(missing.count) 个月" : missing.joined(separator: "、")
        warnings.append("\(shown) 没有生活待遇发放记录")
      }
      return warnings
    }
  }
}
