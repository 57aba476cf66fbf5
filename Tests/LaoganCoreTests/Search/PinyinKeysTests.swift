import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganText

@Suite("Pinyin search keys")
struct PinyinKeysTests {
  let keys = PinyinKeys.shared

  @Test("full pinyin and initials without tones")
  func plain() {
    #expect(keys.keys(for: "张三丰") == " zhangsanfeng zsf ")
  }

  @Test(
    "a polyphonic surname gets its surname reading and its common one",
    arguments: [
      ("单雄信", ["shanxiongxin", "sxx", "danxiongxin", "dxx"]),
      ("曾国藩", ["zengguofan", "cengguofan"]),
      ("解缙", ["xiejin"]),
      ("仇英", ["qiuying"]),
      ("区寄", ["ouji"]),
      ("查良镛", ["zhaliangyong"]),
      ("朴正", ["piaozheng"]),
      ("盖聂", ["genie"]),
      ("尉迟恭", ["yuchigong", "ycg"]),
    ])
  func surnames(name: String, expected: [String]) {
    let stored = keys.keys(for: name)
    for key in expected { #expect(stored.contains(" \(key) "), "\(name): \(stored)") }
  }

  @Test(
    "a given name's character with more than one common reading is found by each",
    arguments: [
      ("戴长生", ["daichangsheng", "dcs", "daizhangsheng", "dzs"]),
      ("王长安", ["wangchangan", "wangzhangan"]),
      ("李重建", ["lichongjian", "lizhongjian", "lcj", "lzj"]),
      ("张调和", ["zhangtiaohe", "zhangdiaohe", "zhangdiaohuo"]),
      ("刘行", ["liuxing", "liuhang"]),
    ])
  func givenNames(name: String, expected: [String]) {
    let stored = keys.keys(for: name)
    for key in expected { #expect(stored.contains(" \(key) "), "\(name): \(stored)") }
  }

  @Test("a long name of such characters stops adding readings, keeping the common one of the rest")
  func manyReadings() {
    let stored = keys.keys(for: "长长长长长长").split(separator: " ")
    // Two surname readings, each with every spelling of the given name, in full and as initials.
    #expect(stored.count == 2 * PinyinKeys.mostSpellings * 2)
    #expect(stored.contains("zhangzhangzhangzhangzhangzhang") && stored.contains("zhangchangchangchangchangzhang"))
  }

  @Test("the block's written-out readings are ICU's, as a name and as a surname, character by character")
  func writtenOutReadings() throws {
    var differing: [String] = []
    for value in HanReadings.block {
      let scalar = try #require(Unicode.Scalar(value))
      let common = PinyinKeys.transformed(scalar, by: .mandarinToLatin)
      let surname = PinyinKeys.transformed(scalar, by: PinyinKeys.surnameTransform)
      if keys.reading(scalar) != common || keys.surnameReading(scalar) != surname {
        differing.append("\(scalar) \(keys.reading(scalar))/\(keys.surnameReading(scalar)) ICU \(common)/\(surname)")
      }
    }
    #expect(differing.isEmpty, "run Scripts/han-readings.swift again: \(differing.prefix(5))")
  }

  @Test("a character beyond the block is read by ICU, and Latin letters are their own")
  func beyondTheBlock() {
    #expect(keys.keys(for: "刘䶮") == " liuyan ly ")
    #expect(keys.keys(for: "Ma Li") == " mali ")
  }

  @Test("queries fold case, blanks and v for ü")
  func queries() {
    #expect(PinyinKeys.normalizedQuery("Zhang San") == "zhangsan")
    #expect(PinyinKeys.normalizedQuery("lv") == "lu")
    #expect(keys.keys(for: "吕布").contains(" lubu "))
  }
}
