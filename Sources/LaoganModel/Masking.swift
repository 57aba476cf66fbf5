import Foundation

/// Hides personal information (PIPL) in everything laogan shows unless the clerk asks for `--reveal`.
public enum Masking {
  /// `522301********0012`: the area code and the last four characters stay, so a clerk can still tell
  /// records apart and match them against a paper file.
  public static func residentID(_ value: String) -> String {
    keeping(value, first: 6, last: 4, whenLongerThan: 10)
  }

  /// `138****5678` for a mobile number; other numbers keep their first three and last four characters when
  /// long enough, and show only stars when not.
  public static func phone(_ value: String) -> String {
    keeping(value, first: 3, last: 4, whenLongerThan: 7)
  }

  /// `value` with its middle starred, its first and last characters kept; all starred when it is too short to
  /// keep any. Numbers are ASCII, one byte a character, written straight into the result: a list of thousands
  /// of cadres masks every row.
  private static func keeping(_ value: String, first: Int, last: Int, whenLongerThan length: Int) -> String {
    guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
      let count = value.count
      guard count > length else { return String(repeating: "*", count: count) }
      return value.prefix(first) + String(repeating: "*", count: count - first - last) + value.suffix(last)
    }
    var value = value
    return value.withUTF8 { source in
      let kept = source.count > length
      return String(unsafeUninitializedCapacity: source.count) { buffer in
        for index in source.indices {
          buffer[index] = kept && (index < first || index >= source.count - last) ? source[index] : UInt8(ascii: "*")
        }
        return source.count
      }
    }
  }

  private static let identityNumber = try? NSRegularExpression(
    pattern: "(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])")
  private static let mobileNumber = try? NSRegularExpression(pattern: "(?<![0-9])1[0-9]{10}(?![0-9])")

  /// A shared database's address with its password starred, before the `@` or as a parameter:
  /// `postgresql://clerk:***@host/db`, `postgresql://clerk@host/db?password=***`.
  public static func password(in text: String) -> String {
    var result = text
    for (pattern, template) in [(addressPassword, "$1***@"), (parameterPassword, "$1***")] {
      guard let pattern else { continue }
      result = pattern.stringByReplacingMatches(
        in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
    }
    return result
  }

  private static let addressPassword = try? NSRegularExpression(pattern: "(postgres(?:ql)?://[^:/@\\s]*:)[^@\\s]*@")
  private static let parameterPassword = try? NSRegularExpression(
    pattern: "(postgres(?:ql)?://[^\\s?]*\\?(?:[^\\s]*&)?password=)[^&\\s]*")

  /// Every 身份证号 and mobile number inside free text masked, and a shared database's password: a command line
  /// as typed (`cadre add --id …`), a participants cell listing several numbers.
  package static func inText(_ text: String) -> String {
    var result = password(in: text)
    for (pattern, mask) in [(identityNumber, residentID), (mobileNumber, phone)] {
      guard let pattern else { continue }
      for match in pattern.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed() {
        guard let range = Range(match.range, in: result) else { continue }
        result.replaceSubrange(range, with: mask(String(result[range])))
      }
    }
    return result
  }
}
