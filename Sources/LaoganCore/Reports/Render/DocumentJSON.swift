import Foundation
import LaoganModel
import LaoganStore

extension ReportDocument {
  /// JSON for the tables other than the 323 report: the document's sections with counts as integers and
  /// money as integer 分 (`{"fen": …}`; money columns say 元 in the header and the values are 分). Written by
  /// `JSONEncoder` from typed values: a list of a hundred thousand rows through `JSONSerialization`'s
  /// dictionaries of `Any` took seconds.
  public func json(report: String, region: Region, period: Period, generatedAt: String) throws -> String {
    let body = Body(
      formatVersion: 1, report: report, title: title, region: JSONPlace(region), period: JSONSpan(span ?? period),
      generatedAt: generatedAt,
      sections: sections.map { .init(title: $0.title, headers: $0.flatHeaders, rows: $0.rows, notes: $0.notes) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(body), as: UTF8.self) + "\n"
  }

  private struct Body: Encodable {
    struct Table: Encodable {
      let title: String
      let headers: [String]
      let rows: [[Cell]]
      let notes: [String]
    }
    let formatVersion: Int
    let report: String
    let title: String
    let region: JSONPlace
    let period: JSONSpan
    let generatedAt: String
    let sections: [Table]
  }
}

/// Every report's JSON names its region by code and name, and by the key that tells 州直 from the whole
/// prefecture (both carry the code 522300) …
struct JSONPlace: Encodable {
  let code: String
  let name: String
  let key: String

  init(_ region: Region) {
    code = region.code
    name = region.name
    key = region.key
  }
}

/// … and its period by its first and last day.
struct JSONSpan: Encodable {
  let from: String
  let to: String

  init(_ period: Period) {
    from = period.from.description
    to = period.to.description
  }
}

extension ReportDocument.Cell: Encodable {
  private enum Key: String, CodingKey { case fen }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .text(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .number(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .money(let fen):
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(fen, forKey: .fen)
    case .empty:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    }
  }
}
