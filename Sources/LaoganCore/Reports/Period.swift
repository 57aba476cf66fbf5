import LaoganModel
import LaoganText

/// The span a report covers, from one day to another, both included (SPEC §5). Stock figures are taken on
/// `to`; flow figures are summed from `from` to `to`.
public struct Period: Hashable, Sendable, CustomStringConvertible {
  public let from: CalendarDate
  public let to: CalendarDate
  /// How the period was asked for, which decides what "the previous period" is.
  public let shape: Shape

  public enum Shape: Hashable, Sendable {
    case month, quarter, year, days
  }

  public init(from: CalendarDate, to: CalendarDate, shape: Shape = .days) {
    self.from = from
    self.to = to
    self.shape = shape
  }

  public static func month(_ month: Month) -> Period {
    Period(from: month.firstDay, to: month.lastDay, shape: .month)
  }

  public static func quarter(year: Int, quarter: Int) -> Period? {
    guard (1...4).contains(quarter), let first = Month(year: year, month: quarter * 3 - 2),
      let last = Month(year: year, month: quarter * 3)
    else { return nil }
    return Period(from: first.firstDay, to: last.lastDay, shape: .quarter)
  }

  public static func year(_ year: Int) -> Period? {
    guard let first = Month(year: year, month: 1), let last = Month(year: year, month: 12) else { return nil }
    return Period(from: first.firstDay, to: last.lastDay, shape: .year)
  }

  /// Reads the period words of every report: `2026-11` (a month), `2026Q3`, `2026`, `last-month`,
  /// `this-month`, `this-year`, `last-year`, relative to `today`. A bare number other than a year is none of
  /// them: `11` is not November and never Excel's day 11.
  public init?(word: String, today: CalendarDate) {
    let text = word.trimmed.lowercased()
    let thisMonth = Month(today)
    switch text {
    case "this-month": self = .month(thisMonth)
    case "last-month": self = .month(Month(thisMonth.firstDay.adding(days: -1)))
    case "this-year": self = Period.year(today.year) ?? .month(thisMonth)
    case "last-year": self = Period.year(today.year - 1) ?? .month(thisMonth)
    default:
      if let quarter = Period.parseQuarter(text) {
        self = quarter
      } else if text.count == 4, let year = Int(text), let period = Period.year(year) {
        self = period
      } else if let month = Month(written: text), !text.contains("-") || text.count <= 7 {
        self = .month(month)
      } else {
        return nil
      }
    }
  }

  /// `2026Q3`, `2026-Q3`, `2026q3`.
  package static func parseQuarter(_ text: String) -> Period? {
    let parts = text.uppercased().replacingOccurrences(of: "-", with: "").split(separator: "Q")
    guard parts.count == 2, let year = Int(parts[0]), parts[0].count == 4, let quarter = Int(parts[1]) else {
      return nil
    }
    return Period.quarter(year: year, quarter: quarter)
  }

  /// 环比: the period of the same length just before — the previous month, quarter or year, or as many days.
  public var previous: Period {
    switch shape {
    case .month: return .month(Month(from.adding(days: -1)))
    case .quarter:
      let start = Month(from.adding(days: -1))
      return Period.quarter(year: start.year, quarter: (start.month - 1) / 3 + 1) ?? self
    case .year: return Period.year(from.year - 1) ?? self
    case .days:
      let length = to.dayNumber - from.dayNumber + 1
      return Period(from: from.adding(days: -length), to: from.adding(days: -1))
    }
  }

  /// 同比: the same period a year earlier (29 February becomes the 28th).
  package var yearAgo: Period {
    Period(from: from.yearEarlier, to: to.yearEarlier, shape: shape)
  }

  public var description: String { "\(from) 至 \(to)" }
}

extension CalendarDate {
  package func adding(days: Int) -> CalendarDate {
    CalendarDate(dayNumber: dayNumber + days) ?? self
  }

  /// The same day `count` months earlier, or the month's last day when it is shorter.
  public func months(earlier count: Int) -> CalendarDate {
    let index = year * 12 + (month - 1) - count
    let target = CalendarDate(valid: index / 12, index % 12 + 1, 1)
    return CalendarDate(
      valid: target.year, target.month, min(day, CalendarDate.daysIn(month: target.month, year: target.year)))
  }

  /// The day one turns `years` old: the birthday that year (1 March for a 29 February birthday in a common
  /// year, as `age(on:)` counts).
  package func anniversary(_ years: Int) -> CalendarDate {
    CalendarDate(year: year + years, month: month, day: day) ?? CalendarDate(valid: year + years, 3, 1)
  }

  var yearEarlier: CalendarDate {
    CalendarDate(year: year - 1, month: month, day: day) ?? CalendarDate(valid: year - 1, month, day - 1)
  }
}
