import Foundation
import LaoganText

/// A day on the calendar, with no time of day and no time zone: 出生日期, 离退休日期, 去世日期 and the like.
///
/// Stored as `YYYY-MM-DD` text so that SQLite compares and sorts it correctly and `sqlite3` shows it plainly.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Returns nil for a day that does not exist, such as 2023-02-30.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// For days known to exist (the first and last of a valid month).
  package init(valid year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    PlainDigits.dashed(year: year, month: month, day: day)
  }

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whole years of age on `day`: a person born on 1946-11-30 is 80 on 2026-11-30 and 79 the day before.
  public func age(on day: CalendarDate) -> Int {
    let years = day.year - year
    return (day.month, day.day) < (month, self.day) ? years - 1 : years
  }

  /// Today in the local time zone, for callers that hold a clock.
  public init(_ date: Date, in timeZone: TimeZone = .current) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self.year = parts.year ?? 1970
    self.month = parts.month ?? 1
    self.day = parts.day ?? 1
  }
}

// MARK: - Day numbers

extension CalendarDate {
  /// Days since 1970-01-01 (Howard Hinnant's civil-date algorithm), for Excel serials and date arithmetic.
  package var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  package init?(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }
}

// MARK: - Parsing what clerks type

extension CalendarDate {
  /// Reads the forms found in bureau spreadsheets: `2023-06-12`, `2023/6/12`, `2023.6.12`, `2023年6月12日`,
  /// `20230612`, and Excel's date serials (`45089`). Full-width digits are accepted. Nil when it is none of
  /// these, names a day that does not exist, or falls outside 1880–2099 (the lives and records of living
  /// cadres: anything else is a typo).
  public init?(parsing text: String) {
    guard let date = CalendarDate(anyForm: text), CalendarDate.recordYears.contains(date.year) else { return nil }
    self = date
  }

  /// The years a record's date or month may fall in.
  package static let recordYears = 1880...2099
  package static let outOfRange = "超出可登记的年份范围（1880–2099 年）"

  /// Whether `text` is a real day outside `recordYears`, so that a message can say "out of range" rather than
  /// "not a date".
  package static func isOutOfRange(_ text: String) -> Bool {
    CalendarDate(anyForm: text).map { !recordYears.contains($0.year) } ?? false
  }

  /// A date as a person writes it on the command line: every form of `init(parsing:)` but Excel's serials,
  /// which belong to spreadsheet cells. A bare `12` typed for a date is a mistake, not 1900-01-12.
  public init?(written text: String) {
    let cleaned = text.halfWidth.trimmed
    guard !cleaned.allSatisfy(\.isASCIIDigit) || cleaned.count == 8 else { return nil }
    self.init(parsing: cleaned)
  }

  private init?(anyForm text: String) {
    if let stored = CalendarDate(iso: text) {
      self = stored
      return
    }
    let cleaned = text.halfWidth.trimmed
    guard !cleaned.isEmpty else { return nil }
    if cleaned.allSatisfy(\.isASCIIDigit) {
      if cleaned.count == 8, let number = Int(cleaned) {
        self.init(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        return
      }
      guard cleaned.count <= 5, let serial = Int(cleaned) else { return nil }
      self.init(excelSerial: serial)
      return
    }
    var body = cleaned
    // WPS writes a date cell as text with its time, `1950/1/1 0:00:00`: midnight is the day itself.
    if let match = body.wholeMatch(of: /(.+?)\s+0?0:00(:00)?/) { body = String(match.1) }
    if body.hasSuffix("日") { body.removeLast() }
    let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { "-/.年月".contains($0) })
    guard parts.count == 3,
      parts.allSatisfy({ part in !part.isEmpty && part.count <= 4 && part.allSatisfy { $0.isASCIIDigit } }),
      parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Excel counts days from 1899-12-31 as day 1 and believes 1900 was a leap year (serial 60 is the
  /// 29 February 1900 that never was), so serials from 61 on are days after 1899-12-30.
  package init?(excelSerial serial: Int) {
    guard serial >= 1, serial != 60, serial <= 2_958_465 else { return nil }
    let base = CalendarDate(year: 1899, month: 12, day: serial < 60 ? 31 : 30)?.dayNumber ?? 0
    self.init(dayNumber: base + serial)
  }
  /// The day as Excel counts it (the inverse of `init(excelSerial:)`), or nil before 1900.
  package var excelSerial: Int? {
    guard year >= 1900 else { return nil }
    let marchFirst = CalendarDate(valid: 1900, 3, 1)
    let base = CalendarDate(valid: 1899, 12, self < marchFirst ? 31 : 30)
    return dayNumber - base.dayNumber
  }

}

// MARK: - Stored form

extension CalendarDate {
  /// Strict `YYYY-MM-DD`, the stored form, read from its bytes: every stored date read back comes here, and
  /// most dates in clerks' files are in this form too.
  public init?(iso text: String) {
    let parts = text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
        let year = PlainDigits.value(bytes, 0..<4), let month = PlainDigits.value(bytes, 5..<7),
        let day = PlainDigits.value(bytes, 8..<10)
      else { return nil }
      return (year, month, day)
    }
    guard let parts = parts ?? nil else { return nil }
    self.init(year: parts.year, month: parts.month, day: parts.day)
  }
}

extension CalendarDate: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
