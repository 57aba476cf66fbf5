import Foundation
import LaoganModel
import LaoganText

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension Workbook {
  /// Calls `body` with each row of the sheet at `path` that has a non-blank cell, as text by column (A
  /// first) under Excel's own row number, and stops at the first error `body` throws, rethrowing it. Returns
  /// why the sheet's XML could not be read to its end, if it could not.
  func forEachRow(ofSheet path: String, _ body: (CSVRecord, _ fraction: Double?) throws -> Void) throws -> CSVError? {
    try withoutActuallyEscaping(body) { body in
      let reader = SheetReader(self, onRow: body)
      let finished = try parse(sheet: path, with: reader)
      if let stopped = reader.stopped { throw stopped }
      if let unreadable = reader.unreadable { return unreadable }
      return finished ? nil : CSVError(line: reader.row, reason: "工作表的内容已损坏，读到这一行为止；请在 Excel/WPS 中打开后重新保存")
    }
  }
}

/// A spreadsheet column as Excel names it: 0 is A, 25 is Z, 26 is AA.
enum ExcelColumn {
  static func letters(_ index: Int) -> String {
    var letters = ""
    var rest = index + 1
    while rest > 0 {
      let digit = (rest - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
      rest = (rest - 1) / 26
    }
    return letters
  }
}

/// Reads a sheet's `<row>` and `<c>` elements as the parser streams them, turning each cell into the text the
/// import's fields read: shared and inline strings as they are, numbers as written (an exponent only where
/// Excel needed one, which the 身份证号 check names as Excel's damage), dates in a date format as
/// `YYYY-MM-DD`, booleans as TRUE/FALSE.
private final class SheetReader: NSObject, XMLParserDelegate {
  private let workbook: Workbook
  private let onRow: (CSVRecord, Double?) throws -> Void
  /// The last row the sheet says it spans (`<dimension ref="A1:H2000">`), when it says.
  private var lastRow: Int?
  /// What `onRow` threw, which stopped the parse.
  private(set) var stopped: (any Error)?
  /// A cell that cannot be read — a formula Excel saved no value for, a cell over the size limit — which
  /// stopped the parse there.
  private(set) var unreadable: CSVError?
  /// The row being read, or the last one read.
  private(set) var row = 0
  private var cells: [String] = []
  private var column = -1
  private var type = ""
  private var style = 0
  private var value = ""
  private var collecting = false
  private var hasFormula = false
  private var hasValue = false
  private var inInlineString = false
  private var inPhonetic = false

  init(_ workbook: Workbook, onRow: @escaping (CSVRecord, Double?) throws -> Void) {
    self.workbook = workbook
    self.onRow = onRow
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch elementName {
    case "dimension":
      lastRow = attributes["ref"].flatMap { Int($0.split(separator: ":").last?.drop(while: \.isLetter) ?? "") }
    case "row":
      row = attributes["r"].flatMap(Int.init) ?? row + 1
      cells.removeAll(keepingCapacity: true)
      column = -1
    case "c":
      column = attributes["r"].flatMap(Self.columnIndex) ?? column + 1
      type = attributes["t"] ?? ""
      style = attributes["s"].flatMap(Int.init) ?? 0
      value = ""
      hasFormula = false
      hasValue = false
    case "v":
      collecting = true
      hasValue = true
    case "f": hasFormula = true
    case "is":
      inInlineString = true
      hasValue = true
    case "rPh": inPhonetic = true
    case "t": collecting = inInlineString && !inPhonetic
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard collecting else { return }
    value += string
    if value.utf8.count > CSVReader.maxCellBytes {
      stop(parser, "\(ExcelColumn.letters(column)) 列的单元格超过 \(CSVReader.maxCellBytes / 1024) KB，不像花名册数据")
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "v", "t": collecting = false
    case "is": inInlineString = false
    case "rPh": inPhonetic = false
    case "c":
      guard column >= 0, column < 16_384 else { return }
      if hasFormula && !hasValue {
        stop(parser, "\(ExcelColumn.letters(column)) 列是公式，但文件中没有保存它的计算结果：请在 Excel/WPS 中打开、计算后保存，或把公式改为数值")
      }
      if cells.count <= column { cells += repeatElement("", count: column + 1 - cells.count) }
      cells[column] = text()
    case "row":
      guard cells.contains(where: { !$0.trimmed.isEmpty }) else { return }
      do {
        try onRow(CSVRecord(line: row, cells: cells), lastRow.map { $0 > 0 ? min(Double(row) / Double($0), 1) : 1 })
      } catch {
        stopped = error
        parser.abortParsing()
      }
    default: break
    }
  }

  private func stop(_ parser: XMLParser, _ reason: String) {
    guard unreadable == nil else { return }
    unreadable = CSVError(line: row, reason: reason)
    parser.abortParsing()
  }

  /// The cell's text by its type (`t`) and, for a number, its format (`s`).
  private func text() -> String {
    switch type {
    case "s":
      Int(value).flatMap { workbook.sharedStrings.indices.contains($0) ? workbook.sharedStrings[$0] : nil } ?? ""
    case "b": value == "1" ? "TRUE" : "FALSE"
    case "d": String(value.prefix(10))
    case "str", "inlineStr", "e": value
    default: workbook.dateStyles.contains(style) ? date(value) : SheetNumber.text(value)
    }
  }

  /// A date cell's serial as `YYYY-MM-DD` (its time of day dropped); a serial that is no day — Excel's
  /// 1900-02-29 — is left as the number, which the date field then refuses by name.
  private func date(_ serial: String) -> String {
    guard let number = Double(serial), let day = CalendarDate(excelSerial: Int(number.rounded(.down))) else {
      return serial
    }
    return day.description
  }

  /// `E12` → 4; nil when the reference has no letters.
  private static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for byte in reference.utf8 {
      guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { break }
      index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
      letters += 1
    }
    return letters == 0 ? nil : index - 1
  }
}

/// A number cell's text: as Excel wrote it, but an integer in exponent form written out (`1E+3` is 1000)
/// while it is exact, and a decimal carrying binary noise beyond Excel's 15 significant digits
/// (`1234.5999999999999`) rounded to them, as Excel shows it. An exponent too large to be exact stays as
/// written: a 身份证号 stored as a number is damaged, and said so.
enum SheetNumber {
  static func text(_ raw: String) -> String {
    if raw.contains(where: { $0 == "E" || $0 == "e" }) {
      guard let number = Double(raw), number == number.rounded(), abs(number) < 1e15 else { return raw }
      return String(Int64(number))
    }
    guard raw.contains("."), raw.filter(\.isASCIIDigit).drop(while: { $0 == "0" }).count > 15,
      let number = Double(raw)
    else { return raw }
    var rounded = String(format: "%.15g", number)
    if rounded.contains("."), !rounded.contains("e") {
      while rounded.hasSuffix("0") { rounded.removeLast() }
      if rounded.hasSuffix(".") { rounded.removeLast() }
    }
    return rounded
  }
}
