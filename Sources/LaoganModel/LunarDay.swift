import Foundation

/// A day of the Chinese lunar calendar (农历), as Foundation's Chinese calendar counts it at Beijing time: how
/// 重阳 and the birthdays kept by the lunar calendar are found, rather than from a table typed in.
package struct LunarDay: Hashable, Sendable {
  /// The lunar year, counted on from the calendar's epoch: differences between two are whole lunar years.
  package let year: Int
  package let month: Int
  package let day: Int
  package let isLeapMonth: Bool

  package init?(_ date: CalendarDate) {
    // Noon at Beijing is never near the boundary of a lunar day.
    guard
      let moment = Self.gregorian.date(
        from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
    else { return nil }
    let parts = Self.chinese.dateComponents([.era, .year, .month, .day, .isLeapMonth], from: moment)
    guard let era = parts.era, let year = parts.year, let month = parts.month, let day = parts.day else {
      return nil
    }
    self.year = era * 60 + year
    self.month = month
    self.day = day
    isLeapMonth = parts.isLeapMonth ?? false
  }

  private static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
  private static let gregorian = calendar(.gregorian)
  private static let chinese = calendar(.chinese)

  private static func calendar(_ identifier: Calendar.Identifier) -> Calendar {
    var calendar = Calendar(identifier: identifier)
    calendar.timeZone = zone
    return calendar
  }
}
