import Foundation

/// Times a clerk reads are local. The audit log stores UTC (`2026-11-29T07:40:12Z`, so that `--since`
/// compares as text) and shows it as the local `2026-11-29 15:40:12`; a report is stamped in local time with
/// its offset (`2026-11-29T15:40:12+08:00`, what JSON carries) and its header shows that stamp's own date and
/// time, so a given `--generated-at` prints the same on every machine.
public enum LocalTime {
  /// ISO 8601 with the local offset: `2026-11-29T15:40:12+08:00`.
  public static func stamp(_ date: Date, in timeZone: TimeZone = .current) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone))
  }

  /// An ISO 8601 time as `2026-11-29 15:40:12` in local time; any other text is shown as it is.
  public static func display(_ stamp: String, in timeZone: TimeZone = .current) -> String {
    guard let date = ISO8601DateFormatter().date(from: stamp) else { return stamp }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
  }

  /// The date and time an ISO 8601 stamp writes, without its offset: `2026-11-29T15:40:12+08:00` as
  /// `2026-11-29 15:40:12`; any other text is shown as it is.
  package static func wallClock(_ stamp: String) -> String {
    guard stamp.count >= 19, stamp.firstMatch(of: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) != nil else { return stamp }
    return stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(8)
  }
}
