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
    let flushRight = headers.indices.map(rightAligned.contains)
    // Each cell measured once, and every line written into one string: a list of the whole roster is a
    // million cells.
    let measured = ([headers] + rows).map { $0.map(\.displayWidth) }
    var widths = Array(repeating: 0, count: headers.count)
    for row in measured {
      for (column, width) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], width)
      }
    }
    let blanks = String(repeating: " ", count: widths.max() ?? 0)
    var text = ""
    text.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * 2 * (rows.count + 2))
    func append(_ cells: [String], _ cellWidths: [Int]) {
      for (column, cell) in cells.enumerated() {
        let padding = blanks.prefix(widths[column] - cellWidths[column])
        let isLast = column == cells.count - 1
        if flushRight[column] {
          text += padding
          text += cell
          if !isLast { text += "  " }
        } else {
          text += cell
          if !isLast {
            text += padding
            text += "  "
          }
        }
      }
      text += "\n"
    }
    append(headers, measured[0])
    append(widths.map { String(repeating: "-", count: $0) }, widths)
    for (row, cellWidths) in zip(rows, measured.dropFirst()) { append(row, cellWidths) }
    return text
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
