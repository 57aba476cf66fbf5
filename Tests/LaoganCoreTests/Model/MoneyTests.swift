import LaoganCore
import Testing

@Suite("Money in 分")
struct MoneyTests {
  @Test(
    "every form spreadsheets hold",
    arguments: [
      ("1234.50", 123_450), ("1,234.50", 123_450), ("¥1234.5", 123_450), ("￥1,234", 123_400), ("1234", 123_400),
      ("0.05", 5), ("１２３４．５", 123_450), (" 12.3 ", 1230), ("-15.20", -1520), ("1,234,567.89", 123_456_789),
      ("800元", 80_000),
    ])
  func parses(text: String, fen: Int64) {
    #expect(Fen(yuan: text)?.value == fen)
  }

  @Test(
    "anything else is refused",
    arguments: [
      "12.345", "1e9", "", "abc", "12,34", "1.2.3", "12.", ".5", "1 234", "¥", "--1", "1,2345",
    ])
  func refused(text: String) {
    #expect(Fen(yuan: text) == nil)
  }

  @Test("printed with two decimals, never through floating point")
  func printing() {
    #expect(Fen(123_450).description == "1234.50")
    #expect(Fen(5).description == "0.05")
    #expect(Fen(-1520).description == "-15.20")
    #expect(Fen(0).description == "0.00")
    // 0.1 + 0.2 in floating point is not 0.3; in 分 it is.
    #expect((Fen(yuan: "0.10")! + Fen(yuan: "0.20")!).description == "0.30")
  }

  @Test("months as clerks write them")
  func months() {
    for text in ["2022-05", "2022/5", "2022.5", "2022年5月", "202205", "2022-05-31"] {
      #expect(Month(parsing: text)?.description == "2022-05", "\(text)")
    }
    #expect(Month(parsing: "2022-13") == nil)
    #expect(Month(parsing: "2024-02")?.lastDay.description == "2024-02-29")
  }
}
