import LaoganModel
import LaoganStore

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

  /// How the figure over several files (`--merge`, SPEC §13) comes from each file's figure.
  var combination: Combination {
    switch source {
    case .fundBalance: .balances
    case .rows: unit == "人" ? .people : .records
    }
  }

  /// Every rule adds the files' figures up — which is what lets a merged report be computed file by file and
  /// equal one database holding them all — each for its own reason.
  enum Combination {
    /// Records counted, people-times and money summed: each record lives in one file.
    case records
    /// People counted: a person registered in two files counts in each (SPEC §13), and the merge warns how
    /// many such people there are.
    case people
    /// The hardship fund's balance: each file's fund is its own bureau's, and their balances add up.
    case balances

    func merged(_ values: [Int64]) -> Int64 {
      values.reduce(0, +)
    }
  }
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
package struct IndicatorValue: Sendable, Equatable {
  public let key: String
  public let label: String
  public let unit: String
  public let value: Int64
  /// 环比: the previous period of the same length.
  public let previous: Int64?
  /// 同比: the same period a year earlier.
  package let yearAgo: Int64?
}
