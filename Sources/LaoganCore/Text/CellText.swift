import Foundation

/// The one rule for text that comes in — a spreadsheet cell, an option typed at the terminal — before it is
/// read, compared or stored (Trust, item 2 and 6):
/// - stored in Unicode NFC, so that SQLite, which compares bytes, and Swift, which compares canonically
///   equivalent strings as equal, agree: a CJK compatibility ideograph (U+F9xx, U+FAxx) is its unified one;
/// - in keys, full-width Latin letters and digits folded to ASCII, as in a 身份证号 (`第１支部` is `第1支部`);
/// - no control characters: C0 and C1 controls (a tab or a line break only in a note), bidi and zero-width
///   controls — an ESC in a name would be run by the clerk's terminal and breaks an XLSX file.
public enum CellText {
  /// The text in NFC. Text made only of characters that no normalization changes or combines with —
  /// ASCII and Latin-1, CJK punctuation and kana, the unified ideographs, full-width forms — is returned as
  /// it is without asking Foundation, which is most of every file.
  public static func normalized(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(isStable) else { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  /// A key as compared and stored: NFC, with full-width letters and digits folded.
  public static func key(_ text: String) -> String {
    let nfc = normalized(text)
    guard nfc.unicodeScalars.contains(where: { $0.value >= 0xFF10 && $0.value <= 0xFF5A }) else { return nfc }
    var scalars = String.UnicodeScalarView()
    for scalar in nfc.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
        scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// A one-line cell's tabs and line breaks as single spaces.
  public static func oneLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: " ").split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\t"
    }.joined(separator: " ")
  }

  /// The first character a cell may not hold, or nil. `lineBreaks` allows tab, line feed and carriage return.
  public static func forbidden(in text: String, lineBreaks: Bool) -> Unicode.Scalar? {
    guard hasSuspectByte(text) else { return nil }
    return text.unicodeScalars.first { scalar in
      if lineBreaks, scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
      return isControl(scalar)
    }
  }

  /// How a message shows a forbidden character: its code point, never the character itself.
  public static func name(of scalar: Unicode.Scalar) -> String {
    "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
  }

  /// The text with each control character written as its code point, `<U+001B>` — all of them, or with
  /// `lineBreaks` all but tab, line breaks and a BOM (which opens a CSV on stdout, and shows as nothing). A
  /// terminal's output goes through it as a second line of defence behind the refusal at the door: nothing
  /// stored before the refusal existed can retitle a window.
  public static func printable(_ text: String, lineBreaks: Bool = true) -> String {
    let kept = { (scalar: Unicode.Scalar) in
      !isControl(scalar) || lineBreaks && ["\t", "\n", "\r", "\u{FEFF}"].contains(scalar)
    }
    guard hasSuspectByte(text), !text.unicodeScalars.allSatisfy(kept) else { return text }
    var shown = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if kept(scalar) { shown.append(scalar) } else { shown.append(contentsOf: "<\(name(of: scalar))>".unicodeScalars) }
    }
    return String(shown)
  }

  /// Whether the text has a byte a control character's UTF-8 starts with (below 0x20, 0x7F, 0xC2, 0xE2,
  /// 0xEF): most text has none, and is passed by one look at its bytes.
  private static func hasSuspectByte(_ text: String) -> Bool {
    text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
  }

  /// C0 and C1 controls and DEL; the bidirectional controls; zero-width spaces, joiners and the BOM.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x2FF, 0x3000...0x3098, 0x309B...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: true
    default: false
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
