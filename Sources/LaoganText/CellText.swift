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
  package static func normalized(_ text: String) -> String {
    isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Whether the text needs none of this: printable ASCII, the ideographs U+4000–U+9FFF, U+3000–U+3FFF
  /// but the kana voiced-sound marks, Latin U+00C0–U+02FF — no control, nothing to compose, no full-width
  /// letter. One pass over the bytes; most cells of a roster are plain and cost only that.
  package static func isPlain(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case 0x20...0x7E, 0x80...0xBF, 0xC3...0xCB, 0xE4...0xE9: continue  // continuation bytes among them
      case 0xE3:
        // The kana voiced-sound marks compose; the Hangul filler U+3164 shows as nothing.
        guard let second = bytes.next(), let third = bytes.next() else { return false }
        if second == 0x82 && (third == 0x99 || third == 0x9A) || second == 0x85 && third == 0xA4 { return false }
      default: return false
      }
    }
    return true
  }

  /// Typed text as every door takes it in: on one line unless it is a note, in NFC (a key's full-width
  /// letters and digits folded), with the first control character it holds, for which it is refused.
  public static func admitted(_ typed: String, note: Bool = false, key: Bool = false)
    -> (text: String, control: Unicode.Scalar?)
  {
    let line = note ? typed : oneLine(typed)
    return (key ? self.key(line) : normalized(line), forbidden(in: line, lineBreaks: note))
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
  package static func oneLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: " ").split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\t"
    }.joined(separator: " ")
  }

  /// The first character a cell may not hold, or nil. `lineBreaks` allows tab, line feed and carriage return.
  package static func forbidden(in text: String, lineBreaks: Bool) -> Unicode.Scalar? {
    guard hasSuspectByte(text) else { return nil }
    return text.unicodeScalars.first { scalar in
      if lineBreaks, scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
      return isControl(scalar)
    }
  }

  /// Why text holding `control` is refused, in the words every door uses.
  package static func refusal(of control: Unicode.Scalar) -> String {
    "含有控制字符 \(name(of: control))（终端或电子表格会把它当作命令），请删去"
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

  /// Whether the text has a byte a control character's UTF-8 may start with: a C0 control, DEL, or the lead
  /// byte of anything but the ideographs U+4000–U+9FFF. Most text has none, and is passed by one look at it.
  private static func hasSuspectByte(_ text: String) -> Bool {
    text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 && !(0xE4...0xE9).contains($0) }
  }

  /// C0 and C1 controls and DEL, and every format character (Unicode category Cf: bidi controls, zero-width
  /// spaces and joiners, the BOM, soft hyphens, U+061C, U+180E, tags …), with the joiner and the Hangul fillers
  /// that show as nothing: characters that either steer a terminal or make one name look like another.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0: true
    case 0x20...0x7E, 0x4E00...0x9FFF: false
    default: scalar.properties.generalCategory == .format
    }
  }

  /// Whether the text is made only of characters no normalization changes or composes with a neighbour,
  /// read from its UTF-8 lead bytes in one pass (a roster's every cell is asked): ASCII and U+0080–U+02FF
  /// (lead bytes C2–CB), U+3000–U+3FFF but the kana voiced-sound marks U+3099 and U+309A, U+4000–U+9FFF (the
  /// unified ideographs), and the full-width forms U+FF00–U+FFFF. Anything else — combining marks, the
  /// compatibility ideographs U+F900–U+FAFF, Hangul — is left to Foundation.
  private static func isSurelyNFC(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case 0x00...0xBF, 0xC2...0xCB, 0xE4...0xE9: continue  // ASCII and continuation bytes among them
      case 0xE3:
        guard let second = bytes.next(), let third = bytes.next() else { return false }
        if second == 0x82 && (third == 0x99 || third == 0x9A) { return false }
      case 0xEF:
        guard let second = bytes.next(), (0xBC...0xBF).contains(second) else { return false }
      default: return false
      }
    }
    return true
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
