import LaoganCore
import LaoganModel
import LaoganText
import PropertyBased
import Testing

@Suite("Money in 分")
struct MoneyTests {
  @Test(
    "every form spreadsheets hold",
    arguments: [
      ("1234.50", 123_450), ("1,234.50", 123_450), ("¥1234.5", 123_450), ("￥1,234", 123_400), ("1234", 123_400),
      ("0.05", 5), ("１２３４．５", 123_450), (" 12.3 ", 1230), ("-15.20", -1520), ("1,234,567.89", 123_456_789),
      ("800元", 80_000), ("518.5", 51_850), ("-5", -500), ("007.10", 710), ("999999999999.99", 99_999_999_999_999),
    ])
  func parses(text: String, fen: Int64) {
    #expect(Fen(yuan: text)?.value == fen)
  }

  @Test(
    "anything else is refused",
    arguments: [
      "12.345", "1e9", "", "abc", "12,34", "1.2.3", "12.", ".5", "1 234", "¥", "--1", "1,2345",
      "1234567890123", "-.5", "+5", "12.3a", "-", "5-",
    ])
  func refused(text: String) {
    #expect(Fen(yuan: text) == nil)
  }

  /// Plain amounts are read from their bytes, grouped ones by the general parser: both must agree.
  @Test("an amount reads the same plain, grouped and printed")
  func plainAndGrouped() async {
    await propertyCheck(count: 3000, input: Gen.int(in: -99_999_999_999_999...99_999_999_999_999)) { fen in
      let printed = Fen(Int64(fen)).description
      let whole = printed.split(separator: ".")[0].replacingOccurrences(of: "-", with: "")
      var grouped = ""
      for (index, digit) in whole.reversed().enumerated() {
        if index > 0, index % 3 == 0 { grouped.insert(",", at: grouped.startIndex) }
        grouped.insert(digit, at: grouped.startIndex)
      }
      grouped = (fen < 0 ? "-" : "") + grouped + "." + printed.split(separator: ".")[1]
      #expect(Fen(yuan: printed)?.value == Int64(fen))
      #expect(Fen(yuan: grouped)?.value == Int64(fen), "\(grouped)")
    }
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
    for text in ["2022-05", "2022/5", "2022.5", "2022年5月", "202205", "2022-05-31", "2022-5", "２０２２-０５", " 2022-05"] {
      #expect(Month(parsing: text)?.description == "2022-05", "\(text)")
    }
    for text in ["2022-13", "2022-00", "0000-01", "2022-1a", "2022_05", "22-05"] {
      #expect(Month(parsing: text) == nil, "\(text)")
    }
    #expect(Month(parsing: "2024-02")?.lastDay.description == "2024-02-29")
  }
}
