import Foundation
import LaoganModel
import LaoganStore

/// The "323" work-method statistics report for a region and a period, computed once as a value; each format
/// is a renderer of it.
public struct Report323: Sendable, Equatable {
  package struct Group: Sendable, Equatable {
    public let title: String
    package let indicators: [IndicatorValue]
  }

  public let region: Region
  public let period: Period
  /// Whether 环比 and 同比 were computed.
  package let compared: Bool
  public let generatedAt: String
  package let groups: [Group]
  /// Each region's or file's figures beside these; nil when not asked for.
  package internal(set) var breakdown: Breakdown?
  /// The names of the files merged into it (`--merge`); empty for one database.
  package internal(set) var mergedFrom: [String] = []

  package var indicators: [IndicatorValue] { groups.flatMap(\.indicators) }

  package func indicator(_ key: String) -> IndicatorValue? {
    indicators.first { $0.key == key }
  }
}

extension LaoganDatabase {
  /// Every indicator of SPEC §5 as an SQL aggregate; with `compare`, also over the previous period and the
  /// same period a year earlier. One read transaction, so the three periods see the same data.
  public func report323(region: Region, period: Period, compare: Bool, generatedAt: String) throws -> Report323 {
    try read { db in
      let scope = ReportScope(region: region)
      let groups = try Indicators323.groups.map { group in
        Report323.Group(
          title: group.title,
          indicators: try group.indicators.map { definition in
            let query = LaoganDatabase.query(for: definition, scope)
            func value(_ period: Period) throws -> Int64 {
              guard let query else { return try FundLedger.balance(on: period.to, db).value }
              return try db.value(Int64.self, sql: query, arguments: ["from": period.from, "to": period.to]) ?? 0
            }
            return IndicatorValue(
              key: definition.key, label: definition.label, unit: definition.unit, value: try value(period),
              previous: compare ? try value(period.previous) : nil, yearAgo: compare ? try value(period.yearAgo) : nil)
          })
      }
      return Report323(region: region, period: period, compared: compare, generatedAt: generatedAt, groups: groups)
    }
  }

  /// The report's queries as plain SQL with the period written in, one statement per indicator: what an
  /// auditor reads to see how a figure is counted, and what the benchmark runs in `sqlite3` for comparison.
  public static func report323SQL(region: Region, period: Period) -> String {
    let scope = ReportScope(region: region)
    return Indicators323.all.map { definition in
      let sql: String
      switch definition.source {
      case .rows(let table, let condition, let measure):
        sql = "SELECT COALESCE(\(measure), 0) FROM \(table) WHERE \(condition(scope))"
      case .fundBalance:
        sql = FundLedger.balanceSQL(through: true)
      }
      return "-- \(definition.key)\n"
        + sql.replacingOccurrences(of: ":from", with: "'\(period.from)'").replacingOccurrences(
          of: ":to", with: "'\(period.to)'"
        )
        .replacingOccurrences(of: ":day", with: "'\(period.to)'") + ";"
    }.joined(separator: "\n")
  }

  /// `report 323 --explain KEY`: the records behind one indicator, as the lists of their kinds show them.
  public func explain323(key: String, region: Region, period: Period, reveal: Bool) throws -> [(
    title: String, table: Table
  )] {
    guard let definition = Indicators323.all.first(where: { $0.key == key }) else {
      throw LaoganError.invalidValue(
        field: "--explain", value: key, reason: "不是 323 报表的指标（见 report 323 --format json 的键）")
    }
    let arguments: SQLArguments = ["from": period.from, "to": period.to]
    switch definition.source {
    case .rows(let table, let condition, _):
      guard let kind = RecordKinds.stored(in: table) else { return [] }
      return [
        (
          definition.label,
          try explainTable(kind, where: condition(ReportScope(region: region)), arguments, reveal: reveal)
        )
      ]
    case .fundBalance:
      return [
        (
          "帮扶基金收支",
          try explainTable(FundKind.self, where: FundLedger.entries(through: ":to"), arguments, reveal: reveal)
        ),
        (
          "困难帮扶发放",
          try explainTable(PaymentKind.self, where: FundLedger.grants(through: ":to"), arguments, reveal: reveal)
        ),
      ]
    }
  }

  /// The records `condition` selects. The condition is spelled inside the read, where the engine it is spelled
  /// for is known (`SQLDialect.engine`).
  private func explainTable<Kind: RecordKind>(
    _ kind: Kind.Type, where condition: @autoclosure () -> String, _ arguments: SQLArguments, reveal: Bool
  ) throws -> Table {
    let table = Kind.Record.tableName
    let records = try read { db in
      try db.records(
        Kind.Record.self,
        sql: "SELECT \(Kind.Record.selection) FROM \(table) WHERE \(condition()) ORDER BY \(table).id",
        arguments: arguments)
    }
    return try listTable(kind, records, reveal: reveal)
  }

  /// The indicator's aggregate over `:from`…`:to`; nil for the fund's balance, which the ledger gives.
  private static func query(for definition: IndicatorDefinition, _ scope: ReportScope) -> String? {
    guard case .rows(let table, let condition, let measure) = definition.source else { return nil }
    return "SELECT COALESCE(\(measure), 0) FROM \(table) WHERE \(condition(scope))"
  }
}
