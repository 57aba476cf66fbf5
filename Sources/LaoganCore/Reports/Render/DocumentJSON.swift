import Foundation

extension ReportDocument {
  /// JSON for the tables other than the 323 report: the document's sections with counts as integers and
  /// money as integer 分 (`"unit": "分"` cells are not needed: money columns say 元 in the header and the
  /// values are 分).
  public func json(report: String, region: Region, period: Period, generatedAt: String) throws -> String {
    let sections: [[String: Any]] = sections.map { section in
      [
        "title": section.title,
        "headers": section.flatHeaders,
        "rows": section.rows.map { row in
          row.map { cell -> Any in
            switch cell {
            case .text(let text): text
            case .number(let value): value
            case .money(let fen): ["fen": fen]
            case .empty: NSNull()
            }
          }
        },
        "notes": section.notes,
      ]
    }
    let object: [String: Any] = [
      "format_version": 1, "report": report, "title": title,
      "region": ["code": region.code, "name": region.name],
      "period": ["from": period.from.description, "to": period.to.description],
      "generated_at": generatedAt, "sections": sections,
    ]
    let data = try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
