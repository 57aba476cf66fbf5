/// Reads plain ASCII numbers straight from a cell's UTF-8 bytes. The common forms — `2024-01`, `518.50` — skip
/// the general parsers, which handle full-width digits, separators and Chinese suffixes character by
/// character; a payroll file holds a million of them. Anything else is left to the general parser. Callers read
/// a text's bytes by the standard library's `withContiguousStorageIfAvailable`, which is specialised where it is
/// called: a generic helper here, across the module's edge, was not, and took five times the reading.
package enum PlainDigits {
  /// The value of `bytes[range]` when it is one or more ASCII digits.
  package static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty else { return nil }
    var value = 0
    for byte in bytes[range] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// `2024-05-01`, or `2024-05` without a day: the year in four digits (at least), month and day in two,
  /// written as bytes — every date and month laogan stores or shows is written here, a million of them in an
  /// import.
  package static func dashed(year: Int, month: Int, day: Int? = nil) -> String {
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day ?? 0) else {
      func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      return "\(padded(year, 4))-\(padded(month, 2))" + (day.map { "-\(padded($0, 2))" } ?? "")
    }
    return String(unsafeUninitializedCapacity: day == nil ? 7 : 10) { buffer in
      func put(_ value: Int, _ width: Int, at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
          buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      put(year, 4, at: 0)
      buffer[4] = UInt8(ascii: "-")
      put(month, 2, at: 5)
      guard let day else { return 7 }
      buffer[7] = UInt8(ascii: "-")
      put(day, 2, at: 8)
      return 10
    }
  }
}
