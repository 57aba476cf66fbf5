import LaoganCore
import LaoganModel
import Testing

@Suite("The permit a destination needs")
struct PermitTypeTests {
  @Test(
    "港澳 and 台湾 by any of their names, anywhere in the text; abroad otherwise; two of them, none",
    arguments: [
      ("香港", PermitType.hongKongMacau), ("中国香港", .hongKongMacau), ("香港、澳门", .hongKongMacau),
      ("港澳", .hongKongMacau), ("澳門", .hongKongMacau), ("台湾", .taiwan), ("台北", .taiwan), ("臺灣", .taiwan),
      ("中国台湾省", .taiwan), ("日本", .passport), ("泰国、新加坡", .passport), ("美国", .passport),
      ("香港和台湾", nil), ("泰国及香港", nil), ("台湾、日本", nil),
    ] as [(String, PermitType?)])
  func needed(destination: String, type: PermitType?) {
    #expect(PermitType.needed(for: destination) == type, "\(destination)")
  }
}
