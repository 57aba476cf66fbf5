import Foundation

/// Rows of text under headers: what lists and exports show, rendered for a terminal, a spreadsheet or a
/// script from the same value.
public struct Table: Sendable, Equatable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]]) {
    self.headers = headers
    self.rows = rows
  }

  /// Columns aligned for a terminal, counting CJK characters two columns wide; two blanks between columns.
  public func text() -> String {
    let widths = headers.indices.map { column in
      ([headers] + rows).map { $0.indices.contains(column) ? $0[column].displayWidth : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      var text = ""
      for (column, cell) in cells.enumerated() {
        let isLast = column == cells.count - 1
        text += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.displayWidth + 2)
      }
      return text
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// RFC 4180 with CRLF line ends and a UTF-8 BOM, so that Excel and WPS open it in Chinese.
  public func csv() -> String {
    "\u{FEFF}" + ([headers] + rows).map { $0.map(Table.csvCell).joined(separator: ",") + "\r\n" }.joined()
  }

  static func csvCell(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
