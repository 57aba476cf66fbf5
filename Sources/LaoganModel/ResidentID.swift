import LaoganText

/// 公民身份号码 — the GB 11643 citizen identity number on a 居民身份证.
///
/// Eighteen characters: a 6-digit area code, the 8-digit birth date, a 3-digit order code whose parity gives
/// the sex (odd for men), and an ISO 7064 MOD 11-2 check character (`X` for 10). First-generation cards carry
/// 15 digits (2-digit year, no check character); they are upgraded to 18 here, as the card offices did.
package struct ResidentID: Hashable, Sendable, CustomStringConvertible {
  /// The 18-character number, upper-case `X`.
  public let value: String
  package let birthDate: CalendarDate
  public let sex: Sex
  /// True when the number was given in its 15-digit first-generation form.
  package let wasUpgraded: Bool

  public var description: String { value }

  /// Validates a number as typed: blanks trimmed, full-width digits and a lower-case `x` accepted.
  public init(_ text: String) throws(ResidentIDError) {
    let typed = text.halfWidth.trimmed.uppercased()
    // Checked on bytes first: every 身份证号 of an import comes through here, and a regex is slow.
    if typed.utf8.contains(UInt8(ascii: "*")) { throw .masked }
    if typed.utf8.contains(UInt8(ascii: "E")), typed.firstMatch(of: /^[0-9]+(\.[0-9]+)?E\+?[0-9]+$/) != nil {
      throw .excelNumber
    }
    var digits: [UInt8]
    switch typed.utf8.count {
    case 18:
      let body = Array(typed.utf8)
      guard body.prefix(17).allSatisfy(ResidentID.isDigit),
        ResidentID.isDigit(body[17]) || body[17] == UInt8(ascii: "X")
      else { throw .notDigits }
      digits = Array(body.prefix(17))
      wasUpgraded = false
    case 15:
      let body = Array(typed.utf8)
      guard body.allSatisfy(ResidentID.isDigit) else { throw .notDigits }
      digits = Array(body.prefix(6)) + Array("19".utf8) + Array(body.suffix(9))
      wasUpgraded = true
    default:
      // Digits of another script are several bytes each: eighteen of them are not eighteen digits.
      throw typed.utf8.count == typed.count ? .wrongLength(typed.count) : .notDigits
    }
    let number = { (range: Range<Int>) in digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
    let birthDigits = String(decoding: digits[6..<14], as: UTF8.self)
    guard let born = CalendarDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)) else {
      throw .impossibleBirthDate(birthDigits)
    }
    guard CalendarDate.recordYears.contains(born.year) else { throw .birthDateOutOfRange(birthDigits) }
    let check = ResidentID.checkCharacter(for: digits)
    if !wasUpgraded, let typedCheck = typed.utf8.last, typedCheck != check {
      // Excel keeps 15 significant digits of a number: an 18-digit number it stored ends in 000.
      if typed.hasSuffix("000") { throw .excelRounded }
      throw .wrongCheckCharacter(expected: Character(Unicode.Scalar(check)))
    }
    birthDate = born
    sex = number(16..<17) % 2 == 1 ? .male : .female
    value = String(decoding: digits + [check], as: UTF8.self)
  }

  /// `522301********0012`: area and the last four kept, the birth date and order hidden (PIPL).
  public var masked: String {
    Masking.residentID(value)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

  /// ISO 7064 MOD 11-2 over the first 17 digits.
  package static func checkCharacter(for digits: [UInt8]) -> UInt8 {
    let sum = zip(digits, weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
    return Array("10X98765432".utf8)[sum % 11]
  }
}

/// Why a 身份证号 was refused, in the words shown to the clerk.
package enum ResidentIDError: Error, Equatable, CustomStringConvertible {
  case wrongLength(Int)
  case notDigits
  case wrongCheckCharacter(expected: Character)
  case impossibleBirthDate(String)
  /// A real day, but before 1880 or after 2099.
  case birthDateOutOfRange(String)
  /// `522301********0012`: a masked export imported back.
  case masked
  /// `5.22323E+17`: Excel turned the column into numbers.
  case excelNumber
  /// The last three digits became 000 when Excel stored the number.
  case excelRounded

  /// How to keep a 身份证号 column intact in Excel or WPS.
  static let keepAsText = "在 Excel/WPS 中先把身份证号这一列设为“文本”格式，再重新输入或粘贴号码，然后另存"

  public var description: String {
    switch self {
    case .wrongLength(let count): "身份证号应为 18 位（或旧式 15 位），这里是 \(count) 位"
    case .notDigits: "身份证号只能由数字组成，18 位号码末位可为 X"
    case .wrongCheckCharacter(let expected): "身份证号校验位不符（按前 17 位应为 \(expected)），请核对是否抄错"
    case .impossibleBirthDate(let text): "身份证号中的出生日期 \(text) 不存在"
    case .birthDateOutOfRange(let text): "身份证号中的出生日期 \(text) \(CalendarDate.outOfRange)"
    case .masked: "是打码的身份证号（导出时没有加 --reveal）；请用 laogan export … --reveal 导出完整号码再导入"
    case .excelNumber: "Excel 把身份证号当成了数字（显示为科学计数法，后几位已丢失）：\(Self.keepAsText)"
    case .excelRounded:
      "身份证号末三位是 000 且校验位不符：多半是 Excel 把它存成了数字，只保留了前 15 位：\(Self.keepAsText)"
    }
  }
}
