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

  /// Columns aligned for a terminal, counting CJK characters two columns wide; two blanks between columns;
  /// the `rightAligned` columns flush right — by default every column of numbers (ids, counts, money), so
  /// that 元 line up on the decimal point in every table alike.
  public func text(rightAligned: Set<Int>? = nil) -> String {
    let rightAligned = rightAligned ?? numericColumns
    let widths = headers.indices.map { column in
      ([headers] + rows).map { $0.indices.contains(column) ? $0[column].displayWidth : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      var text = ""
      for (column, cell) in cells.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.displayWidth)
        let isLast = column == cells.count - 1
        if rightAligned.contains(column) {
          text += padding + cell + (isLast ? "" : "  ")
        } else {
          text += isLast ? cell : cell + padding + "  "
        }
      }
      return text
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// The columns whose every filled cell is a number: `12`, `-3`, `1234.50`.
  var numericColumns: Set<Int> {
    Set(
      headers.indices.filter { column in
        var filled = false
        for row in rows where row.indices.contains(column) && !row[column].isEmpty {
          guard Table.isNumber(row[column]) else { return false }
          filled = true
        }
        return filled
      })
  }

  /// `12`, `-3`, `1234.50`: digits, an optional leading minus, at most one decimal point between digits. On
  /// bytes: a list of the whole roster asks this of every cell.
  static func isNumber(_ text: String) -> Bool {
    var digitsBefore = 0
    var digitsAfter = 0
    var point = false
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where index == 0: continue
      case UInt8(ascii: "."):
        guard !point, digitsBefore > 0 else { return false }
        point = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if point { digitsAfter += 1 } else { digitsBefore += 1 }
      default: return false
      }
    }
    return digitsBefore > 0 && (!point || digitsAfter > 0)
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
