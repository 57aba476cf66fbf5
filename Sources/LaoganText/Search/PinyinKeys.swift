import Foundation
import Synchronization

/// Builds the pinyin search keys of a name, so that 张三丰 is found by `zhangsanfeng`, `zhangsan` and `zsf`.
///
/// Readings are ICU's Han-Latin transform, tones dropped and ü folded to u (a query's `v` is folded the
/// same way). A surname that reads differently as a surname (单 shàn, 曾 zēng, 尉迟 yùchí) gets every reading,
/// so the clerk who types `dan` and the one who types `shan` both find 单; so does a given name's character with more than one common reading (戴长生: `daichangsheng` and `daizhangsheng`). The CJK Unified Ideographs — every
/// character of a roster's names but the rarest — are read from `HanReadings`, ICU's readings written out:
/// ICU compiles its rules at a process's first transform, 64 ms that a roster's reading thread spent before
/// its first row while the writer waited, and `cadre add` before its one. Other characters are transformed
/// and cached, by Unicode scalar: hashing a `Character` normalizes it first.
package final class PinyinKeys: Sendable {
  /// One cache for the process, shared by every write.
  public static let shared = PinyinKeys()

  private let readings = Mutex<[Unicode.Scalar: String]>([:])
  private let surnameReadings = Mutex<[Unicode.Scalar: String]>([:])
  /// `HanReadings.common` split once, a reading a character of its block.
  private static let blockReadings = HanReadings.common.split(whereSeparator: \.isWhitespace).map(String.init)

  /// The keys stored beside a name: ` zhangsanfeng zsf ` with a blank at each end, so that a query can be
  /// matched at the start of any key with one `LIKE '% query%'`.
  package func keys(for name: String) -> String {
    let scalars = name.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "·" && $0 != "•" }
    guard let first = scalars.first else { return "" }
    let compound =
      scalars.count > 1 ? PinyinKeys.compoundSurnames[String(scalars.prefix(2))] : nil
    let surnames =
      compound.map { $0.map { $0.split(separator: " ").map(String.init) } }
      ?? [[surnameReading(first)], [reading(first)]] + (PinyinKeys.polyphonicSurnames[first] ?? []).map { [$0] }
    let givenNames = spellings(of: scalars.dropFirst(compound == nil ? 1 : 2))
    var keys: [String] = []
    for surname in surnames {
      for givenName in givenNames {
        let syllables = surname + givenName
        for key in [syllables.joined(), String(syllables.compactMap(\.first))] where !keys.contains(key) {
          keys.append(key)
        }
      }
    }
    return " " + keys.joined(separator: " ") + " "
  }

  /// The given name read every way its characters are commonly read in a name (戴长生: changsheng and
  /// zhangsheng), the common reading first. A long name of many such characters stops adding readings once
  /// it has `mostSpellings`, keeping the common reading of the rest.
  private func spellings(of givenName: some Collection<Unicode.Scalar>) -> [[String]] {
    var spellings: [[String]] = [[]]
    for scalar in givenName {
      let common = reading(scalar)
      let readings = [common] + (PinyinKeys.givenNameReadings[scalar] ?? []).filter { $0 != common }
      spellings =
        spellings.count * readings.count <= PinyinKeys.mostSpellings
        ? spellings.flatMap { spelling in readings.map { spelling + [$0] } }
        : spellings.map { $0 + [common] }
    }
    return spellings
  }

  /// How many readings of one given name are indexed at most: four characters of two readings each.
  static let mostSpellings = 16

  /// A query as it is matched against keys: lower case, no blanks or apostrophes, `v` for ü read as u.
  package static func normalizedQuery(_ query: String) -> String {
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

  /// Characters of given names with more than one common reading (长 chang and zhang), each with every one of
  /// them: a clerk types the reading the person uses, and ICU knows only one.
  static let givenNameReadings: [Unicode.Scalar: [String]] = [
    "长": ["chang", "zhang"], "乐": ["le", "yue"], "都": ["du", "dou"], "行": ["xing", "hang"],
    "重": ["zhong", "chong"], "朝": ["chao", "zhao"], "调": ["tiao", "diao"], "传": ["chuan", "zhuan"],
    "会": ["hui", "kuai"], "降": ["jiang", "xiang"], "解": ["jie", "xie"], "单": ["dan", "shan"],
    "藏": ["cang", "zang"], "便": ["bian", "pian"], "大": ["da", "dai"], "厦": ["xia", "sha"],
    "率": ["shuai", "lu"], "参": ["can", "shen", "cen"], "省": ["sheng", "xing"], "觉": ["jue", "jiao"],
    "茜": ["qian", "xi"], "区": ["qu", "ou"], "石": ["shi", "dan"], "查": ["cha", "zha"],
    "盛": ["sheng", "cheng"], "强": ["qiang", "jiang"], "仔": ["zi", "zai"], "蔚": ["wei", "yu"],
    "柏": ["bai", "bo"], "翟": ["zhai", "di"], "宿": ["su", "xiu"], "佛": ["fo", "fu"], "伯": ["bo", "bai"],
    "奇": ["qi", "ji"], "塞": ["sai", "se"], "系": ["xi", "ji"], "乘": ["cheng", "sheng"], "艾": ["ai", "yi"],
    "还": ["hai", "huan"], "若": ["ruo", "re"], "亲": ["qin", "qing"], "校": ["xiao", "jiao"],
    "露": ["lu", "lou"], "贾": ["jia", "gu"], "莎": ["sha", "suo"], "泊": ["bo", "po"],
    "将": ["jiang", "qiang"], "种": ["zhong", "chong"], "南": ["nan", "na"], "和": ["he", "huo", "hu"],
    "殷": ["yin", "yan"], "澄": ["cheng", "deng"], "阿": ["a", "e"], "弄": ["nong", "long"],
    "番": ["fan", "pan"], "曾": ["ceng", "zeng"], "朴": ["pu", "piao"], "覃": ["tan", "qin"],
    "尉": ["wei", "yu"], "仇": ["chou", "qiu"], "折": ["zhe", "she"], "说": ["shuo", "yue"],
    "似": ["si", "shi"], "给": ["gei", "ji"], "差": ["cha", "chai", "ci"], "薄": ["bo", "bao"],
    "召": ["zhao", "shao"], "秘": ["mi", "bi"], "缪": ["miao", "mou", "miu"], "员": ["yuan", "yun"],
    "卜": ["bu", "bo"], "扁": ["bian", "pian"], "吁": ["xu", "yu"], "叶": ["ye", "xie"],
  ]

  /// Two-character surnames, with their readings as blank-separated syllables.
  static let compoundSurnames: [String: [String]] = [
    "尉迟": ["yu chi"], "万俟": ["mo qi"], "单于": ["chan yu"], "长孙": ["zhang sun"], "澹台": ["tan tai"],
    "欧阳": ["ou yang"], "令狐": ["ling hu"], "皇甫": ["huang fu"], "上官": ["shang guan"], "司马": ["si ma"],
    "诸葛": ["zhu ge"], "夏侯": ["xia hou"], "东方": ["dong fang"], "慕容": ["mu rong"], "宇文": ["yu wen"],
    "公孙": ["gong sun"], "司徒": ["si tu"], "端木": ["duan mu"], "独孤": ["du gu"], "呼延": ["hu yan"],
  ]
}
