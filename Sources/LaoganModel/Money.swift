import LaoganText

/// An amount of money in 分 (fen), exact: never floating point (SPEC §3).
///
/// Text is `1234.50` (yuan with two decimals); parsing accepts what spreadsheets hold: `1,234.50`, `¥1234.5`,
/// `1234`, full-width digits, and refuses anything else — `12.345` (a third decimal), `1e9`, blanks inside.
public struct Fen: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public var value: Int64

  public init(_ value: Int64) {
    self.value = value
  }

  public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }
  public static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value + rhs.value) }
  public static func - (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value - rhs.value) }
  public static let zero = Fen(0)

  /// Why an amount of zero or less is refused wherever one is entered, and how a wrong amount is corrected.
  package static let notPositive = "金额须大于 0；要更正已登记的金额，请作废原记录（void 命令）后重新登记"

  /// `1234.50`, `-0.05`.
  public var description: String {
    let magnitude = value.magnitude
    let cents = magnitude % 100
    return (value < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
  }

  /// Nil for text that is not an amount of yuan with at most two decimals.
  public init?(yuan text: String) {
    if let plain = Fen(plainYuan: text) {
      self = plain
      return
    }
    var body = text.halfWidth.trimmed
    var negative = false
    if body.hasPrefix("-") {
      negative = true
      body.removeFirst()
    }
    if body.hasPrefix("¥") || body.hasPrefix("￥") { body.removeFirst() }
    if body.hasSuffix("元") { body.removeLast() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first else { return nil }
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    // Thousands separators only in their places: 1,234,567 but not 12,34.
    guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
      groups.count == 1 || (groups.dropFirst().allSatisfy { $0.count == 3 } && groups[0].count <= 3)
    else { return nil }
    let digits = groups.joined()
    let decimals = parts.count == 2 ? parts[1] : ""
    guard digits.count <= 12, decimals.count <= 2, decimals.allSatisfy(\.isASCIIDigit),
      parts.count == 1 || !decimals.isEmpty, let yuan = Int64(digits)
    else { return nil }
    let fen = yuan * 100 + (Int64(decimals.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
    value = negative ? -fen : fen
  }

  /// `518.50`, `518.5`, `518`, `-0.05`: ASCII digits with at most two decimals, read from the bytes.
  private init?(plainYuan text: String) {
    let fen = text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
      let negative = bytes.first == UInt8(ascii: "-")
      let start = negative ? 1 : 0
      let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
      let decimals = bytes.count - point - 1  // -1 without a point
      guard point - start <= 12, decimals != 0, decimals <= 2, let yuan = PlainDigits.value(bytes, start..<point),
        let cents = decimals < 0 ? 0 : PlainDigits.value(bytes, point + 1..<bytes.count)
      else { return nil }
      let fen = Int64(yuan) * 100 + Int64(decimals == 1 ? cents * 10 : cents)
      return negative ? -fen : fen
    }
    guard let fen = fen ?? nil else { return nil }
    value = fen
  }

  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}
