import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganText

@Suite("Text at the door: NFC, keys, control characters, formula cells")
struct CellTextTests {
  @Test("NFC: compatibility ideographs become their unified twins, decomposed marks compose; the rest is kept")
  func normalized() {
    #expect(CellText.normalized("\u{FA71}支部") == "\u{51B5}支部")
    #expect(CellText.normalized("\u{F900}") == "\u{8C48}")
    #expect(CellText.normalized("e\u{301}") == "\u{E9}")
    #expect(CellText.normalized("张三丰 １２ ＡＢ （兴义）") == "张三丰 １２ ＡＢ （兴义）")
    // The fast path, which returns text of some ranges unasked, agrees with Foundation on every scalar.
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      #expect(CellText.normalized(text) == text.precomposedStringWithCanonicalMapping, "U+\(value)")
    }
  }

  @Test("plain text, which the door passes unasked, is text every rule leaves as it is")
  func plain() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "张" + String(scalar) + "a"
      guard CellText.isPlain(text) else { continue }
      #expect(CellText.forbidden(in: text, lineBreaks: false) == nil, "U+\(value)")
      #expect(CellText.key(text) == text && text.precomposedStringWithCanonicalMapping == text, "U+\(value)")
      #expect(CellText.oneLine(text) == text, "U+\(value)")
    }
    #expect(CellText.isPlain("张三丰 Zhang 1946-03-15 兴义市"))
    #expect(!CellText.isPlain("第１支部") && !CellText.isPlain("a\u{1B}") && !CellText.isPlain("\u{FA71}"))
  }

  @Test("keys fold full-width letters and digits, not punctuation")
  func keys() {
    #expect(CellText.key("第１支部") == "第1支部")
    #expect(CellText.key("ＡＢｃ１２３") == "ABc123")
    #expect(CellText.key("兴义（州直）") == "兴义（州直）")
  }

  @Test("C0, C1, bidi and zero-width controls are found; a note's tab and line breaks are not")
  func controls() {
    for text in [
      "a\u{1B}b", "a\u{7}", "\u{7F}", "a\u{85}", "a\u{9F}", "\u{202E}x", "x\u{200B}", "\u{2066}", "\u{FEFF}a",
      "第1\u{061C}支部", "第1\u{00AD}支部", "第1\u{180E}支部", "第1\u{3164}支部", "第1\u{034F}支部", "第1\u{FFF9}支部",
      "第1\u{E0020}支部", "第1\u{1D173}支部",
    ] {
      #expect(CellText.forbidden(in: text, lineBreaks: true) != nil, "\(text.unicodeScalars.map(\.value))")
    }
    #expect(CellText.forbidden(in: "第一行\n第二行\t", lineBreaks: true) == nil)
    #expect(CellText.forbidden(in: "第一行\n第二行", lineBreaks: false) == "\n")
    #expect(CellText.forbidden(in: "张三，（兴义）— 2023…", lineBreaks: false) == nil)
    #expect(CellText.printable("a\u{1B}]0;x\u{7}\n") == "a<U+001B>]0;x<U+0007>\n")
  }

  @Test("a formula cell gets one apostrophe on the way out and loses exactly it on the way in")
  func formulaCells() {
    let cases = [
      ("=1+1", "'=1+1"), ("+86 138", "'+86 138"), ("-已核对", "'-已核对"), ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"),
      ("'=x", "''=x"), ("''+x", "'''+x"), ("'plain", "'plain"), ("plain", "plain"), ("", ""), ("'", "'"),
    ]
    for (value, written) in cases {
      #expect(FormulaGuard.escaped(value) == written)
      #expect(FormulaGuard.unescaped(written) == value)
    }
  }
}
