/// Reads plain ASCII numbers straight from a cell's UTF-8 bytes. The common forms — `2024-01`, `518.50` — skip
/// the general parsers, which handle full-width digits, separators and Chinese suffixes character by
/// character; a payroll file holds a million of them. Anything else is left to the general parser.
enum PlainDigits {
  /// The value of `bytes[range]` when it is one or more ASCII digits.
  static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty else { return nil }
    var value = 0
    for byte in bytes[range] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// `body` over the text's bytes; nil when the text has no contiguous UTF-8 (never for native strings).
  static func read<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
    text.utf8.withContiguousStorageIfAvailable(body) ?? nil
  }
}
