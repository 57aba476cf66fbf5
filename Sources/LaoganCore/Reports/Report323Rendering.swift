import Foundation
import LaoganModel
import LaoganStore
import LaoganText

extension Report323 {
  /// The title every format shows.
  public static let title = "离退休干部工作“323”工作法统计表"

  /// The report as tables: one section per group, a row per indicator; with `--compare`, 环比 and 同比
  /// columns (the earlier value and the change).
  public var document: ReportDocument {
    let parts = breakdown?.columns ?? []
    let figures = parts.map(\.name) + [parts.isEmpty ? "本期" : "合计"]
    let headers = ["指标", "单位"] + figures + (compared ? ["上期", "增减", "去年同期", "增减"] : [])
    let compareFrom = 2 + figures.count
    let groups =
      compared
      ? [
        ReportDocument.HeaderGroup(title: "环比", first: compareFrom, count: 2),
        .init(title: "同比", first: compareFrom + 2, count: 2),
      ] : []
    return ReportDocument(
      title: Report323.title,
      subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt)
        + (mergedFrom.isEmpty ? [] : [ReportHeading.merged(mergedFrom)]),
      sections: self.groups.map { group in
        ReportDocument.Section(
          title: group.title, headers: headers, headerGroups: groups,
          rows: group.indicators.map { indicator in
            let cell = { (value: Int64) -> ReportDocument.Cell in indicator.isMoney ? .money(value) : .number(value) }
            var row: [ReportDocument.Cell] = [.text(indicator.label), .text(indicator.unit)]
            row += parts.map { cell($0.values[indicator.key] ?? 0) } + [cell(indicator.value)]
            if compared, let previous = indicator.previous, let yearAgo = indicator.yearAgo {
              row += [cell(previous), cell(indicator.value - previous), cell(yearAgo), cell(indicator.value - yearAgo)]
            }
            return row
          })
      })
  }

  /// The report as bytes in `format`: JSON and CSV from its indicators' keys, the others from its document.
  public func rendered(as format: ReportFormat) throws -> Data {
    switch format {
    case .json: Data(try json().utf8)
    case .csv: Data(csv().utf8)
    case .text: try document.rendered(as: .text)
    case .md: try document.rendered(as: .md)
    case .html: try document.rendered(as: .html)
    case .xlsx: try document.rendered(as: .xlsx)
    }
  }

  /// CSV a pivot table or a script reads: one header row, then a row a figure — its section, its JSON key,
  /// label, unit and value (money in 分, as in JSON), the 环比 and 同比 values when compared, and with a
  /// breakdown a column per region (headed by its code) or file (by its name). The layout
  /// a clerk reads stays in text, Markdown, HTML and XLSX. UTF-8 with a BOM and CRLF, as every CSV laogan
  /// writes, so Excel opens it in Chinese.
  public func csv() -> String {
    let parts = breakdown?.columns ?? []
    let headers =
      ["section", "key", "label", "unit", "value"] + (compared ? ["previous", "year_ago"] : []) + parts.map(\.key)
    let rows = groups.flatMap { group in
      group.indicators.map { indicator -> [String] in
        let unit = indicator.isMoney ? "分" : indicator.unit
        var row = [group.title, indicator.key, indicator.label, unit, "\(indicator.value)"]
        if compared { row += [indicator.previous.map { "\($0)" } ?? "", indicator.yearAgo.map { "\($0)" } ?? ""] }
        return row + parts.map { "\($0.values[indicator.key] ?? 0)" }
      }
    }
    return Table(headers: headers, rows: rows).csv()
  }

  /// The JSON of SPEC §5: stable (sorted) keys, money in integer 分 under `_fen` keys, `previous` and
  /// `year_ago` null unless compared. A breakdown adds, beside each indicator's `value`, `by_region` (keyed
  /// by region code) or `by_source` (keyed by file name) and names the columns at the top level under the same
  /// key; the keys of version 1 are unchanged, so `format_version` stays 1.
  public func json() throws -> String {
    let document = JSONDocument(
      formatVersion: 1, report: "323", region: JSONPlace(region), period: JSONSpan(period), generatedAt: generatedAt,
      indicators: Dictionary(
        uniqueKeysWithValues: indicators.map {
          (
            $0.key,
            JSONIndicator(
              label: $0.label, unit: $0.isMoney ? "分" : $0.unit, value: $0.value, previous: $0.previous,
              yearAgo: $0.yearAgo, parts: partValues(of: $0.key))
          )
        }),
      parts: breakdown.map { breakdown in
        (breakdown.jsonKey, Dictionary(uniqueKeysWithValues: breakdown.columns.map { ($0.key, $0.name) }))
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  /// One indicator's figure in each column of the breakdown, under the breakdown's JSON key.
  private func partValues(of key: String) -> (key: String, values: [String: Int64])? {
    breakdown.map { breakdown in
      (breakdown.jsonKey, Dictionary(uniqueKeysWithValues: breakdown.columns.map { ($0.key, $0.values[key] ?? 0) }))
    }
  }

  private struct JSONDocument: Encodable {
    let formatVersion: Int
    let report: String
    let region: JSONPlace
    let period: JSONSpan
    let generatedAt: String
    let indicators: [String: JSONIndicator]
    /// The breakdown's columns, key → name, under `by_region` or `by_source`.
    let parts: (key: String, names: [String: String])?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: JSONKey.self)
      try container.encode(formatVersion, forKey: "format_version")
      try container.encode(report, forKey: "report")
      try container.encode(region, forKey: "region")
      try container.encode(period, forKey: "period")
      try container.encode(generatedAt, forKey: "generated_at")
      try container.encode(indicators, forKey: "indicators")
      if let parts { try container.encode(parts.names, forKey: JSONKey(parts.key)) }
    }
  }

  private struct JSONIndicator: Encodable {
    let label: String
    let unit: String
    let value: Int64
    let previous: Int64?
    let yearAgo: Int64?
    let parts: (key: String, values: [String: Int64])?

    /// `previous` and `year_ago` are always present, null when not compared.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: JSONKey.self)
      try container.encode(label, forKey: "label")
      try container.encode(unit, forKey: "unit")
      try container.encode(value, forKey: "value")
      try container.encode(previous, forKey: "previous")
      try container.encode(yearAgo, forKey: "year_ago")
      if let parts { try container.encode(parts.values, forKey: JSONKey(parts.key)) }
    }
  }

  /// A JSON key spelled out, for objects whose keys are not all known in advance.
  private struct JSONKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

extension IndicatorValue {
  package var isMoney: Bool { IndicatorKey.isMoney(key) }
}

/// The lines under every report's title: what region, what period, when it was made.
enum ReportHeading {
  static func lines(region: Region, period: Period, generatedAt: String) -> [String] {
    let scope = region == .prefecture ? "\(region.name)（含州直及所辖县市）" : region.name
    return ["地区：\(scope)", "统计期：\(period.from) 至 \(period.to)", "生成时间：\(LocalTime.wallClock(generatedAt))"]
  }

  /// The line naming the files a merged report covers.
  static func merged(_ names: [String]) -> String {
    "合并 \(names.count) 个文件：" + names.joined(separator: "、")
  }
}
