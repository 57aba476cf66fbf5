import Foundation
import Synchronization

/// Builds the pinyin search keys of a name, so that 张三丰 is found by `zhangsanfeng`, `zhangsan` and `zsf`.
///
/// Readings come from ICU's Han-Latin transform, tones dropped and ü folded to u (a query's `v` is folded the
/// same way). A surname that reads differently as a surname (单 shàn, 曾 zēng, 尉迟 yùchí) gets every reading,
/// so the clerk who types `dan` and the one who types `shan` both find 单. Transforms cost ~70 µs, so readings
/// are cached per character: rosters reuse a few thousand characters. The cache is keyed by Unicode scalar —
/// a Han character is one — as hashing a `Character` normalizes it first, which made a look-up cost a
/// microsecond: a tenth of a roster's reading thread.
public final class PinyinKeys: Sendable {
  /// One cache for the process, shared by every write.
  public static let shared = PinyinKeys()

  private let readings = Mutex<[Unicode.Scalar: String]>([:])
  private let surnameReadings = Mutex<[Unicode.Scalar: String]>([:])

  /// The keys stored beside a name: ` zhangsanfeng zsf ` with a blank at each end, so that a query can be
  /// matched at the start of any key with one `LIKE '% query%'`.
  public func keys(for name: String) -> String {
    let characters = Array(name.filter { !$0.isWhitespace && $0 != "·" && $0 != "•" })
    guard !characters.isEmpty else { return "" }
    let surnameLength = PinyinKeys.compoundSurnames[String(characters.prefix(2))] != nil ? 2 : 1
    let givenName = characters.dropFirst(surnameLength).map(reading)
    var keys: [String] = []
    for surname in surnameVariants(String(characters.prefix(surnameLength))) {
      let syllables = surname + givenName
      keys.append(syllables.joined())
      keys.append(String(syllables.compactMap(\.first)))
    }
    var unique: [String] = []
    for key in keys where !unique.contains(key) { unique.append(key) }
    return " " + unique.joined(separator: " ") + " "
  }

  /// Loads ICU's Han-Latin rules on a thread of its own: a process's first transform takes 64 ms, which a
  /// roster's reading thread would otherwise spend on its first row while the writer waits for it.
  public func prepare() {
    Thread.detachNewThread { _ = self.keys(for: "中") }
  }

  /// A query as it is matched against keys: lower case, no blanks or apostrophes, `v` for ü read as u.
  public static func normalizedQuery(_ query: String) -> String {
    String(query.halfWidth.lowercased().filter { !$0.isWhitespace && $0 != "'" }.map { $0 == "v" ? "u" : $0 })
  }

  /// Each way the surname may be read, as syllables.
  private func surnameVariants(_ surname: String) -> [[String]] {
    if let compound = PinyinKeys.compoundSurnames[surname] {
      return compound.map { $0.split(separator: " ").map(String.init) }
    }
    guard let character = surname.first else { return [] }
    var variants = [[surnameReading(character)], [reading(character)]]
    for extra in PinyinKeys.polyphonicSurnames[character] ?? [] { variants.append([extra]) }
    return variants
  }

  private func reading(_ character: Character) -> String {
    PinyinKeys.cached(character, in: readings, transform: .mandarinToLatin)
  }

  private func surnameReading(_ character: Character) -> String {
    PinyinKeys.cached(character, in: surnameReadings, transform: StringTransform("Han-Latin/Names"))
  }

  /// The character's reading by `transform`, from the cache when the character is one scalar.
  private static func cached(
    _ character: Character, in cache: borrowing Mutex<[Unicode.Scalar: String]>, transform: StringTransform
  ) -> String {
    let scalars = character.unicodeScalars
    guard let scalar = scalars.first, scalars.count == 1 else { return latin(String(character), transform: transform) }
    if let known = cache.withLock({ $0[scalar] }) { return known }
    let value = latin(String(character), transform: transform)
    cache.withLock { $0[scalar] = value }
    return value
  }

  private static func latin(_ text: String, transform: StringTransform) -> String {
    let latin = text.applyingTransform(transform, reverse: false) ?? text
    let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
    return plain.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// Surnames read otherwise than the character's common reading (SPEC §3), each with its surname readings.
  static let polyphonicSurnames: [Character: [String]] = [
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
