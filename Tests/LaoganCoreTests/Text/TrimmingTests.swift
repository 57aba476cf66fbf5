import Testing

@testable import LaoganCore
@testable import LaoganText

@Suite("Trimming cells")
struct TrimmingTests {
  @Test("the blank scalars are exactly Unicode's White_Space, over every scalar")
  func blankIsWhiteSpace() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.isBlank != scalar.properties.isWhitespace {
        Issue.record("U+\(String(value, radix: 16)) differs")
      }
    }
  }

  @Test("cells lose blanks at both ends, ideographic and no-break spaces included, and keep inner ones")
  func trimmed() {
    #expect("\u{3000}张　三 \t".trimmed == "张　三")
    #expect("\u{A0}800.00\r\n".trimmed == "800.00")
    #expect(" \u{3000} ".trimmed.isEmpty)
    #expect("兴义".trimmed == "兴义")
  }
}
