import Foundation
import LaoganStore
import LaoganText

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
  static func write<Cell: TableCell & Sendable>(
    headers: [String], rows: [[Cell]], into bytes: inout [UInt8], rightAligned: Set<Int>
  ) {
    // A long table is measured and written in one piece a core, the pieces' bytes joined in order: the
    // 重阳 list of a province is 165,000 rows.
    let pieces = (0..<rows.count).split(into: rows.count < 20_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
    let measured = pieces.concurrentMap { MeasuredCells(rows[$0], columns: headers.count) }
    var widths = MeasuredCells([headers], columns: headers.count).widest
    for piece in measured {
      for column in widths.indices { widths[column] = max(widths[column], piece.widest[column]) }
    }
    let layout = TableLayout(widths: widths, flushRight: headers.indices.map(rightAligned.contains))
    let rule = widths.map { String(repeating: "-", count: $0) }
    bytes += layout.lines([headers, rule], MeasuredCells([headers, rule], columns: headers.count))
    for lines in Array(pieces.indices).concurrentMap({ layout.lines(rows[pieces[$0]], measured[$0]) }) {
      bytes += lines
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

  /// A cell of a CSV file: kept from running as a formula (`FormulaGuard`), quoted when it must be.
  static func csvCell(_ text: String) -> String {
    // A number (a report's −3, a balance) stays a number: a spreadsheet computes nothing from it.
    let cell = isNumber(text) ? text : FormulaGuard.escaped(text)
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// Each cell's width in columns, one flat array a row after another; each column's widest; and the cells' bytes
/// in all, which with the widths bounds the lines' length.
private struct MeasuredCells: Sendable {
  var widths: [Int32] = []
  var widest: [Int]
  var bytes = 0

  init(_ rows: some Collection<[some TableCell]>, columns: Int) {
    widest = Array(repeating: 0, count: columns)
    widths.reserveCapacity(rows.count * columns)
    for row in rows {
      for column in 0..<columns {
        let width = column < row.count ? row[column].displayWidth : 0
        if column < row.count { bytes += row[column].byteCount }
        widths.append(Int32(width))
        widest[column] = max(widest[column], width)
      }
    }
  }
}

/// How a table's lines are laid out: each column as wide as its widest cell, two blanks between columns,
/// numbers flush right, no blanks after a line's last cell.
private struct TableLayout: Sendable {
  let widths: [Int]
  let flushRight: [Bool]

  /// The lines of `rows`, written through a pointer into a buffer sized beforehand: appending cell by cell
  /// to an array checks its capacity each time, and a province's list is a million cells.
  func lines(_ rows: some Collection<[some TableCell]>, _ measured: MeasuredCells) -> [UInt8] {
    let bound = measured.bytes + rows.count * (widths.reduce(0, +) + 2 * widths.count + 1)
    return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
      guard let start = buffer.baseAddress else { return }
      var cursor = start
      for (index, row) in rows.enumerated() {
        line(row, measured.widths[(index * widths.count)...], at: &cursor)
      }
      count = cursor - start
    }
  }

  private func line(
    _ cells: [some TableCell], _ measured: ArraySlice<Int32>, at cursor: inout UnsafeMutablePointer<UInt8>
  ) {
    let count = min(cells.count, widths.count)
    for column in 0..<count {
      let padding = widths[column] - Int(measured[measured.startIndex + column])
      let isLast = column == count - 1
      if flushRight[column] {
        cursor.blank(padding)
        cells[column].write(at: &cursor)
      } else {
        cells[column].write(at: &cursor)
        if !isLast { cursor.blank(padding) }
      }
      if !isLast { cursor.blank(2) }
    }
    cursor.put(UInt8(ascii: "\n"))
  }
}

extension UnsafeMutablePointer<UInt8> {
  /// Writes `byte` and moves past it.
  fileprivate mutating func put(_ byte: UInt8) {
    pointee = byte
    self += 1
  }

  /// Writes `count` blanks and moves past them.
  fileprivate mutating func blank(_ count: Int) {
    update(repeating: UInt8(ascii: " "), count: count)
    self += count
  }
}

/// A cell a table shows as text: a string as it is, a report's count or amount as it is printed.
protocol TableCell {
  /// Columns the cell takes in a terminal.
  var displayWidth: Int { get }
  /// Bytes of the cell's UTF-8.
  var byteCount: Int { get }
  /// Writes the cell's UTF-8 at `cursor` and moves past it.
  func write(at cursor: inout UnsafeMutablePointer<UInt8>)
}

extension String: TableCell {
  var byteCount: Int { utf8.count }

  func write(at cursor: inout UnsafeMutablePointer<UInt8>) {
    var text = self
    text.withUTF8 { utf8 in
      guard let source = utf8.baseAddress else { return }
      cursor.update(from: source, count: utf8.count)
      cursor += utf8.count
    }
  }
}

/// A report's counts and amounts are written digit by digit rather than made into strings first: the 重阳
/// list of a province prints 330,000 numbers, and each would be made twice, once to measure and once to write.
extension ReportDocument.Cell: TableCell {
  var displayWidth: Int {
    switch self {
    case .text(let text): text.displayWidth
    case .number(let value): DecimalDigits.digits(value.magnitude) + (value < 0 ? 1 : 0)
    case .money(let fen): DecimalDigits.digits(fen.magnitude / 100) + 3 + (fen < 0 ? 1 : 0)
    case .empty: 0
    }
  }

  var byteCount: Int {
    switch self {
    case .text(let text): text.utf8.count
    default: displayWidth
    }
  }

  func write(at cursor: inout UnsafeMutablePointer<UInt8>) {
    switch self {
    case .text(let text): text.write(at: &cursor)
    case .number(let value):
      if value < 0 { cursor.put(UInt8(ascii: "-")) }
      DecimalDigits.write(value.magnitude, at: &cursor)
    case .money(let fen):
      if fen < 0 { cursor.put(UInt8(ascii: "-")) }
      DecimalDigits.write(fen.magnitude / 100, at: &cursor)
      cursor.put(UInt8(ascii: "."))
      DecimalDigits.write(fen.magnitude % 100, at: &cursor, minimumDigits: 2)
    case .empty: break
    }
  }
}

/// Decimal digits of a magnitude as ASCII bytes.
private enum DecimalDigits {
  static func digits(_ value: UInt64) -> Int {
    var count = 1
    var rest = value
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  static func write(_ value: UInt64, at cursor: inout UnsafeMutablePointer<UInt8>, minimumDigits: Int = 1) {
    let count = max(digits(value), minimumDigits)
    var rest = value
    for index in stride(from: count - 1, through: 0, by: -1) {
      cursor[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    cursor += count
  }
}
