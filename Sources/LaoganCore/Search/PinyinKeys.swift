import Foundation
import Synchronization

/// Builds the pinyin search keys of a name, so that 张三丰 is found by `zhangsanfeng`, `zhangsan` and `zsf`.
///
/// Readings are ICU's Han-Latin transform, tones dropped and ü folded to u (a query's `v` is folded the
/// same way). A surname that reads differently as a surname (单 shàn, 曾 zēng, 尉迟 yùchí) gets every reading,
/// so the clerk who types `dan` and the one who types `shan` both find 单. The CJK Unified Ideographs — every
/// character of a roster's names but the rarest — are read from `HanReadings`, ICU's readings written out:
/// ICU compiles its rules at a process's first transform, 64 ms that a roster's reading thread spent before
/// its first row while the writer waited, and `cadre add` before its one. Other characters are transformed
/// and cached, by Unicode scalar: hashing a `Character` normalizes it first.
public final class PinyinKeys: Sendable {
  /// One cache for the process, shared by every write.
  public static let shared = PinyinKeys()

  private let readings = Mutex<[Unicode.Scalar: String]>([:])
  private let surnameReadings = Mutex<[Unicode.Scalar: String]>([:])
  /// `HanReadings.common` split once, a reading a character of its block.
  private static let blockReadings = HanReadings.common.split(whereSeparator: \.isWhitespace).map(String.init)

  /// The keys stored beside a name: ` zhangsanfeng zsf ` with a blank at each end, so that a query can be
  /// matched at the start of any key with one `LIKE '% query%'`.
  public func keys(for name: String) -> String {
    let scalars = name.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "·" && $0 != "•" }
    guard let first = scalars.first else { return "" }
    let compound =
      scalars.count > 1 ? PinyinKeys.compoundSurnames[String(scalars.prefix(2))] : nil
    let surnames =
      compound.map { $0.map { $0.split(separator: " ").map(String.init) } }
      ?? [[surnameReading(first)], [reading(first)]] + (PinyinKeys.polyphonicSurnames[first] ?? []).map { [$0] }
    let givenName = scalars.dropFirst(compound == nil ? 1 : 2).map(reading)
    var keys: [String] = []
    for surname in surnames {
      let syllables = surname + givenName
      for key in [syllables.joined(), String(syllables.compactMap(\.first))] where !keys.contains(key) {
        keys.append(key)
      }
    }
    return " " + keys.joined(separator: " ") + " "
  }

  /// A query as it is matched against keys: lower case, no blanks or apostrophes, `v` for ü read as u.
  public static func normalizedQuery(_ query: String) -> String {
    String(query.halfWidth.lowercased().filter { !$0.isWhitespace && $0 != "'" }.map { $0 == "v" ? "u" : $0 })
  }

  /// The character's reading: the block's written out, or ICU's.
  func reading(_ scalar: Unicode.Scalar) -> String {
    if HanReadings.block.contains(scalar.value) {
      return PinyinKeys.blockReadings[Int(scalar.value - HanReadings.block.lowerBound)]
    }
    return PinyinKeys.cached(scalar, in: readings, transform: .mandarinToLatin)
  }

  /// The character's reading as a surname.
  func surnameReading(_ scalar: Unicode.Scalar) -> String {
    if HanReadings.block.contains(scalar.value) { return HanReadings.surnames[scalar.value] ?? reading(scalar) }
    return PinyinKeys.cached(scalar, in: surnameReadings, transform: PinyinKeys.surnameTransform)
  }

  /// ICU's readings of surnames (单 shan), for characters beyond the block.
  static let surnameTransform = StringTransform("Han-Latin/Names")

  /// The character's reading by `transform`, from the cache once it is known. A letter or digit of ASCII is
  /// its own, lower-cased, and anything else of ASCII has none: ICU is not loaded for a name's Latin letters.
  private static func cached(
    _ scalar: Unicode.Scalar, in cache: borrowing Mutex<[Unicode.Scalar: String]>, transform: StringTransform
  ) -> String {
    if scalar.isASCII { return String(scalar).lowercased().filter { $0.isLetter || $0.isNumber } }
    if let known = cache.withLock({ $0[scalar] }) { return known }
    let value = transformed(scalar, by: transform)
    cache.withLock { $0[scalar] = value }
    return value
  }

  /// ICU's reading of the character: transformed to Latin, tones dropped, letters and digits kept.
  static func transformed(_ scalar: Unicode.Scalar, by transform: StringTransform) -> String {
    let text = String(scalar)
    let latin = text.applyingTransform(transform, reverse: false) ?? text
    let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
    return plain.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// Surnames read otherwise than the character's common reading (SPEC §3), each with its surname readings.
  static let polyphonicSurnames: [Unicode.Scalar: [String]] = [
    "单": ["shan"], "曾": ["zeng"], "解": ["xie"], "仇": ["qiu"], "区": ["ou"], "查": ["zha"], "朴": ["piao"],
    "盖": ["ge"], "乐": ["yue", "le"], "秘": ["bi"], "缪": ["miao"], "繁": ["po"], "覃": ["qin", "tan"],
    "员": ["yun"], "翟": ["zhai"], "召": ["shao"], "种": ["chong"], "隗": ["wei"], "折": ["she"], "牟": ["mu"],
    "莘": ["shen"], "句": ["gou"], "祭": ["zhai"], "宿": ["su"], "柏": ["bai"], "冼": ["xian"], "洗": ["xian"],
    "尉": ["yu", "wei"], "长": ["chang"], "重": ["chong"], "万": ["wan"], "薄": ["bo"], "相": ["xiang"],
    "叶": ["ye"], "车": ["che"], "纪": ["ji"], "任": ["ren"], "华": ["hua"], "郇": ["huan", "xun"],
    "阚": ["kan"], "黑": ["he"], "能": ["nai"], "藏": ["zang"], "恽": ["yun"], "粘": ["nian"],
  ]

  /// Two-character surnames, with their readings as blank-separated syllables.
  static let compoundSurnames: [String: [String]] = [
    "尉迟": ["yu chi"], "万俟": ["mo qi"], "单于": ["chan yu"], "长孙": ["zhang sun"], "澹台": ["tan tai"],
    "欧阳": ["ou yang"], "令狐": ["ling hu"], "皇甫": ["huang fu"], "上官": ["shang guan"], "司马": ["si ma"],
    "诸葛": ["zhu ge"], "夏侯": ["xia hou"], "东方": ["dong fang"], "慕容": ["mu rong"], "宇文": ["yu wen"],
    "公孙": ["gong sun"], "司徒": ["si tu"], "端木": ["duan mu"], "独孤": ["du gu"], "呼延": ["hu yan"],
  ]
}
