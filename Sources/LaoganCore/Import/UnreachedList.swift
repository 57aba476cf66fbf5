import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// Who a notice did not reach, as `notice mark --unreached` reads it from an SMS gateway's failure report or a
/// clerk's own list (CSV or .xlsx): every cell that holds a 身份证号 or a phone number, in whatever column.
/// Gateways name and order their columns as they like (手机号码, 接收号码, 失败原因 …), so no header is asked
/// for; cells of other text — a header, a time, a reason — are passed over.
struct UnreachedList {
  /// What a cell names a person by.
  enum Key: Hashable {
    case residentID(String)
    /// The number's digits, without a leading 86 or 0086 before a mobile number.
    case phone(String)
    /// Eighteen characters shaped like a 身份证号 that is none (its check character or birth date wrong).
    case malformedID
  }

  /// A cell that names a person, and where it is, for a message that points at it.
  struct Entry {
    let key: Key
    let value: String
    let line: Int
    /// The column's header when the file's first row is one, else empty.
    let column: String
    /// A workbook's column letters; nil in a CSV.
    let letters: String?

    /// The cell's numbers masked, as every message shows them: it may name a cadre of another notice.
    func problem(_ reason: String) -> ImportProblem {
      ImportProblem(line: line, column: column, value: Masking.inText(value), reason: reason, letters: letters)
    }
  }

  let entries: [Entry]
  static let nothingMarked = "未标记任何人"

  init(url: URL, encoding: TextEncoding?, sheet: String?) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
      FileManager.default.isReadableFile(atPath: url.path)
    else { throw LaoganError.fileUnreadable(path: url.path) }
    var file: ImportSheet
    do {
      file = try ImportSheet(url: url, encoding: encoding, sheet: sheet)
    } catch var failure as ImportFailure {
      failure.outcome = Self.nothingMarked
      throw failure
    }
    let isWorkbook = file.isWorkbook
    var header: [String] = []
    var entries: [Entry] = []
    let unread = try file.forEachRow { record, _ in
      let keys = record.cells.map(Self.key)
      if header.isEmpty, entries.isEmpty, keys.allSatisfy({ $0 == nil }) {
        header = record.cells.map(\.trimmed)
        return
      }
      for (index, key) in keys.enumerated() {
        guard let key else { continue }
        entries.append(
          Entry(
            key: key, value: record.cells[index].trimmed, line: record.line,
            column: index < header.count ? header[index] : "",
            letters: isWorkbook ? ExcelColumn.letters(index) : nil))
      }
    }
    if let unread {
      throw ImportFailure(
        problems: [ImportProblem(line: unread.line, column: "", value: "", reason: unread.reason)],
        outcome: Self.nothingMarked)
    }
    self.entries = entries
  }

  /// The person a cell names: a valid 身份证号, or a phone number — digits, with the blanks, dashes, brackets
  /// and `+` numbers are written with — of seven digits or more; as Excel may have kept either, too (below).
  static func key(_ cell: String) -> Key? {
    let text = excelsNumber(cell.halfWidth.trimmed)
    if text.count == 18 || text.count == 15 {
      if let id = try? ResidentID(text) { return .residentID(id.value) }
      if text.count == 18, text.dropLast().allSatisfy(\.isASCIIDigit),
        text.last?.isASCIIDigit == true || text.last == "X"
          || text.last == "x"
      {
        return .malformedID
      }
    }
    return phoneDigits(text).map(Key.phone)
  }

  /// A number as a spreadsheet may have kept it, as typed: `'13800001111` (text by apostrophe),
  /// `="13800001111"` (text by formula), `13800001111.0` and `1.3800001111E10` (a number cell, shown in full or
  /// in scientific form).
  static func excelsNumber(_ text: String) -> String {
    var text = Substring(text)
    if text.hasPrefix("'") { text = text.dropFirst() }
    if text.hasPrefix("=\""), text.hasSuffix("\""), text.count >= 3 { text = text.dropFirst(2).dropLast() }
    if text.hasSuffix(".0"), text.dropLast(2).allSatisfy(\.isASCIIDigit) { text = text.dropLast(2) }
    // Scientific form drops trailing zeros: `1.38000011E10` is 13800001100. Where Excel rounded a number to
    // fewer digits, the one read is no recipient's, and a mobile number's refusal names the cell.
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }), let exponent = Int(text[text.index(after: e)...]) {
      let mantissa = text[..<e].split(separator: ".", omittingEmptySubsequences: false)
      let digits = mantissa.joined()
      if mantissa.count <= 2, mantissa[0].count == 1, digits.allSatisfy(\.isASCIIDigit), digits.count <= exponent + 1,
        exponent < 20
      {
        return digits + String(repeating: "0", count: exponent + 1 - digits.count)
      }
    }
    return String(text)
  }

  /// A phone number's digits as they are compared: `+86 138-0000-1111` and `13800001111` are one number.
  static func phoneDigits(_ text: String) -> String? {
    let kept = text.unicodeScalars.filter { !" -()+".unicodeScalars.contains($0) }
    guard kept.count >= 7, kept.allSatisfy({ $0.isASCII && ("0"..."9").contains(Character($0)) }) else {
      return nil
    }
    let digits = String(String.UnicodeScalarView(kept))
    for prefix in ["0086", "86"] where digits.hasPrefix(prefix) && digits.count == prefix.count + 11 {
      return String(digits.dropFirst(prefix.count))
    }
    return digits
  }

  /// Whether a number is a mainland mobile number: one the list is known to mean as a person, so that one no
  /// recipient has is a mistake worth stopping for (a landline's digits might be anything: a code, a date).
  static func isMobile(_ digits: String) -> Bool {
    digits.count == 11 && digits.hasPrefix("1")
  }
}
