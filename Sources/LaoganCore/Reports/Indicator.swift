/// What a report counts for one indicator, as SQL over one table, so that the figure and `--explain` (the
/// records behind it) come from the same condition.
struct IndicatorDefinition: Sendable {
  let key: String
  let label: String
  /// 人, 个, 次, 人次, 元 … Money is counted in 分 and its key ends in `_fen`.
  let unit: String
  let source: Source

  enum Source: Sendable {
    /// `measure` over the rows of `table` that meet `condition`.
    case rows(table: String, condition: @Sendable (ReportScope) -> String, measure: String)
    /// The hardship fund's balance on the period's last day, whatever the region.
    case fundBalance
  }

  var isMoney: Bool { IndicatorKey.isMoney(key) }
}

/// What an indicator's key says about it: SPEC §5 names every money figure with a key ending in `_fen`, and
/// that ending is the one place a figure is known to be money (shown in 元, carried as integer 分).
enum IndicatorKey {
  static func isMoney(_ key: String) -> Bool { key.hasSuffix("_fen") }
}

/// The region a report covers, as SQL: `:from` and `:to` are bound to the period.
struct ReportScope: Sendable {
  /// Nil when the report covers every region (the prefecture).
  let codes: [String]?

  init(region: Region) {
    codes = region == .prefecture ? nil : region.coveredCodes
  }

  /// `column IN (…)`, or always true for the whole prefecture.
  func region(_ column: String) -> String {
    guard let codes else { return "1 = 1" }
    return "\(column) IN (\(codes.map { "'\($0)'" }.joined(separator: ", ")))"
  }

  /// For payments, checks and cards: the cadre's region.
  func cadreRegion(_ cadreColumn: String) -> String {
    guard codes != nil else { return "1 = 1" }
    return "\(cadreColumn) IN (SELECT id FROM cadre WHERE \(region("cadre.region_code")))"
  }
}

/// One figure of a report: this period's value and, with `--compare`, 环比 and 同比.
public struct IndicatorValue: Sendable, Equatable {
  public let key: String
  public let label: String
  public let unit: String
  public let value: Int64
  /// 环比: the previous period of the same length.
  public let previous: Int64?
  /// 同比: the same period a year earlier.
  public let yearAgo: Int64?
}
