import LaoganText

/// A calendar month: 所属月份 of a payment, the month of a `benefit run`. Stored as `YYYY-MM`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public let year: Int
  public let month: Int

  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// For months known to exist, written in the code (the demo's rules).
  package init(valid year: Int, _ month: Int) {
    self.year = year
    self.month = month
  }

  public init(_ day: CalendarDate) {
    year = day.year
    month = day.month
  }

  /// Reads `2022-05`, `2022/5`, `2022.5`, `2022年5月`, `202205`; a whole date gives its month, an Excel date
  /// serial too (a spreadsheet cell formatted as a month holds one).
  public init?(parsing text: String) {
    self.init(text, day: CalendarDate.init(parsing:))
  }

  /// A month as a person writes it on the command line: the forms of `init(parsing:)` but Excel's serials, so
  /// `--month 6` is a mistake rather than 1900-01.
  public init?(written text: String) {
    self.init(text, day: CalendarDate.init(written:))
  }

  /// Every written form, held to `CalendarDate.recordYears` as a date is: `0001-01` and `9999年12月` are typos.
  private init?(_ text: String, day readDay: (String) -> CalendarDate?) {
    guard let month = Month(anyForm: text, day: readDay), CalendarDate.recordYears.contains(month.year) else {
      return nil
    }
    self = month
  }

  private init?(anyForm text: String, day readDay: (String) -> CalendarDate?) {
    if let stored = Month(storedForm: text) {
      self = stored
      return
    }
    let cleaned = text.halfWidth.trimmed
    if cleaned.count == 6, cleaned.allSatisfy(\.isASCIIDigit), let number = Int(cleaned) {
      self.init(year: number / 100, month: number % 100)
      return
    }
    var body = cleaned
    if body.hasSuffix("月") { body.removeLast() }
    let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { "-/.年".contains($0) })
    if parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
      parts.allSatisfy({ part in part.allSatisfy { $0.isASCIIDigit } }), let year = Int(parts[0]),
      let month = Int(parts[1])
    {
      self.init(year: year, month: month)
      return
    }
    guard let day = readDay(cleaned) else { return nil }
    self.init(day)
  }

  /// Exactly `2024-01`: the stored form (what `description` writes), and what payroll files hold.
  public init?(storedForm text: String) {
    let parts = text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int)? in
      guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = PlainDigits.value(bytes, 0..<4),
        let month = PlainDigits.value(bytes, 5..<7)
      else { return nil }
      return (year, month)
    }
    guard let parts = parts ?? nil else { return nil }
    self.init(year: parts.year, month: parts.month)
  }

  public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

  /// `2024-05`: the stored form, which `init(storedForm:)` reads back.
  public var description: String {
    PlainDigits.dashed(year: year, month: month)
  }

  package var firstDay: CalendarDate {
    CalendarDate(valid: year, month, 1)
  }

  package var lastDay: CalendarDate {
    CalendarDate(valid: year, month, CalendarDate.daysIn(month: month, year: year))
  }

  /// Months since year 0: consecutive months are consecutive numbers, for walking a span by index.
  package var index: Int { year * 12 + month - 1 }

  package init(index: Int) {
    self.init(valid: index / 12, index % 12 + 1)
  }

  public var next: Month {
    month == 12 ? Month(year: year + 1, month: 1) ?? self : Month(year: year, month: month + 1) ?? self
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let month = Month(parsing: text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM month: \(text)")
    }
    self = month
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
