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
    var bytes = [UInt8]()
    write(into: &bytes, rightAligned: rightAligned)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same lines appended to `bytes`, for a report that writes several tables into one output.
  func write(into bytes: inout [UInt8], rightAligned: Set<Int>? = nil) {
    Self.write(headers: headers, rows: rows, into: &bytes, rightAligned: rightAligned ?? numericColumns)
  }

  /// The lines for rows of any cells that show as text — a report's cells are turned into text as they are
  /// measured and written, rather than copied into rows of strings first (a list of a province's cadres is a
  /// million cells).
  static func write<Cell: TableCell>(
    headers: [String], rows: [[Cell]], into bytes: inout [UInt8], rightAligned: Set<Int>
  ) {
    let flushRight = headers.indices.map(rightAligned.contains)
    let columns = headers.count
    // Each cell measured once, into one flat array, and every line written as bytes into one buffer: a list
    // of the whole roster is a million cells, and appending to a String costs several times a byte copy.
    var cellWidths = [Int32]()
    cellWidths.reserveCapacity((rows.count + 1) * columns)
    var widths = Array(repeating: 0, count: columns)
    func measure(_ row: [some TableCell]) {
      for column in 0..<columns {
        let width = column < row.count ? row[column].shown.displayWidth : 0
        cellWidths.append(Int32(width))
        widths[column] = max(widths[column], width)
      }
    }
    measure(headers)
    for row in rows { measure(row) }
    let blanks = [UInt8](repeating: UInt8(ascii: " "), count: (widths.max() ?? 0) + 2)
    bytes.reserveCapacity(bytes.count + (widths.reduce(0, +) + 2 * columns) * 2 * (rows.count + 2))
    func append(_ cells: [some TableCell], _ measured: ArraySlice<Int32>) {
      let count = min(cells.count, columns)
      for column in 0..<count {
        let cell = cells[column].shown
        let padding = blanks[0..<(widths[column] - Int(measured[measured.startIndex + column]))]
        let isLast = column == count - 1
        if flushRight[column] {
          bytes.append(contentsOf: padding)
          bytes.append(contentsOf: cell.utf8)
        } else {
          bytes.append(contentsOf: cell.utf8)
          if !isLast { bytes.append(contentsOf: padding) }
        }
        if !isLast { bytes.append(contentsOf: blanks[0..<2]) }
      }
      bytes.append(UInt8(ascii: "\n"))
    }
    append(headers, cellWidths[0..<columns])
    append(widths.map { String(repeating: "-", count: $0) }, widths.map(Int32.init)[...])
    for (index, row) in rows.enumerated() {
      let first = (index + 1) * columns
      append(row, cellWidths[first..<(first + columns)])
    }
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

/// A cell a table shows as text: a string as it is, a report's count or amount as it is printed.
protocol TableCell {
  var shown: String { get }
}

extension String: TableCell {
  var shown: String { self }
}

extension ReportDocument.Cell: TableCell {
  var shown: String { text }
}
