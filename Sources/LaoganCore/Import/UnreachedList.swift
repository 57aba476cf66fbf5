import Foundation

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

    func problem(_ reason: String) -> ImportProblem {
      ImportProblem(line: line, column: column, value: value, reason: reason, letters: letters)
    }
  }

  let entries: [Entry]
  static let nothingMarked = "未标记任何人"

  init(url: URL, encoding: TextEncoding?, sheet: String?) throws {
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
  /// and `+` numbers are written with — of seven digits or more.
  static func key(_ cell: String) -> Key? {
    let text = cell.halfWidth.trimmed
    if text.count == 18 || text.count == 15, let id = try? ResidentID(text) { return .residentID(id.value) }
    return phoneDigits(text).map(Key.phone)
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
