import LaoganStore

/// The 323 report over several parts (SPEC §13): merged files as one report, and each region's or file's
/// figures beside the total.
extension Report323: RollUpReport {
  /// Each part's figures in a column of its own beside the total (`--by-region`, `--by-source`).
  package struct Breakdown: Sendable, Equatable {
    /// What the columns are: 地区 or 来源.
    package let heading: String
    /// The JSON's key for the columns: `by_region` or `by_source`.
    package let jsonKey: String
    package let columns: [Column]

    package struct Column: Sendable, Equatable {
      /// 兴义市, or a file's name.
      public let name: String
      /// Its key in the JSON and the CSV: a region's code, a file's name.
      public let key: String
      /// Each indicator's figure, by indicator key.
      public let values: [String: Int64]
    }
  }

  /// The parts' reports as one: each indicator combined as `IndicatorDefinition.combination` says, the
  /// comparison figures alike.
  public static func combined(_ files: [ReportPart<Report323>]) -> Report323 {
    let parts = files.map(\.report)
    let first = parts[0]
    let rules = Dictionary(uniqueKeysWithValues: Indicators323.all.map { ($0.key, $0.combination) })
    let groups = first.groups.indices.map { group in
      Group(
        title: first.groups[group].title,
        indicators: first.groups[group].indicators.indices.map { index in
          let values = parts.map { $0.groups[group].indicators[index] }
          let rule = rules[values[0].key] ?? .records
          func merged(_ figure: (IndicatorValue) -> Int64?) -> Int64? {
            let figures = values.compactMap(figure)
            return figures.count == values.count ? rule.merged(figures) : nil
          }
          return IndicatorValue(
            key: values[0].key, label: values[0].label, unit: values[0].unit, value: rule.merged(values.map(\.value)),
            previous: merged(\.previous), yearAgo: merged(\.yearAgo))
        })
    }
    return Report323(
      region: first.region, period: first.period, compared: first.compared, generatedAt: first.generatedAt,
      groups: groups, mergedFrom: files.map(\.name))
  }

  /// The report with the parts' figures beside it.
  public func brokenDown(into parts: [ReportPart<Report323>], by axis: BreakdownAxis) -> Report323 {
    var report = self
    report.breakdown = Breakdown(
      heading: axis.heading, jsonKey: axis.jsonKey,
      columns: parts.map { part in
        .init(
          name: part.name, key: part.key,
          values: Dictionary(uniqueKeysWithValues: part.report.indicators.map { ($0.key, $0.value) }))
      })
    return report
  }
}
