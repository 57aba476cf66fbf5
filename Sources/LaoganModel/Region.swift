import LaoganText

/// An administrative region of the prefecture, by its GB/T 2260 code.
///
/// Records the prefecture manages directly (州直) carry the prefecture's own code. As a scope the two differ
/// (SPEC §2): the prefecture (黔西南州, 522300) covers every region, 州直 (`prefectureOwn`) only the records
/// carrying the prefecture's code, a county only that county. A record's own region cell naming either is 州直:
/// a record is managed by one office, never by "all".
public struct Region: Hashable, Sendable {
  package let code: String
  public let name: String
  /// The name without its 市/县 suffix, as clerks say it: 兴义, 普安.
  package let shortName: String

  public static let prefecture = Region(code: "522300", name: "黔西南布依族苗族自治州", shortName: "黔西南州")

  /// The prefecture first, then its counties and cities in code order.
  public static let all: [Region] = [
    prefecture,
    Region(code: "522301", name: "兴义市", shortName: "兴义"),
    Region(code: "522302", name: "兴仁市", shortName: "兴仁"),
    Region(code: "522323", name: "普安县", shortName: "普安"),
    Region(code: "522324", name: "晴隆县", shortName: "晴隆"),
    Region(code: "522325", name: "贞丰县", shortName: "贞丰"),
    Region(code: "522326", name: "望谟县", shortName: "望谟"),
    Region(code: "522327", name: "册亨县", shortName: "册亨"),
    Region(code: "522328", name: "安龙县", shortName: "安龙"),
  ]

  /// The prefecture's own records only (州直), without its counties': a column of `--by-region`.
  package static let prefectureOwn = Region(code: prefecture.code, name: "州直", shortName: "州直")

  /// The regions a report over this one is broken down into (`--by-region`): 州直 and each county for the
  /// prefecture, a county alone for itself.
  package var parts: [Region] {
    self == .prefecture ? [.prefectureOwn] + Region.all.dropFirst() : [self]
  }

  /// Names and codes that are no longer current but still appear in old rosters: 兴仁县 became 兴仁市 in 2018.
  static let formerNames: [String: String] = [
    "522322": "522302", "兴仁县": "522302", "黔西南": "522300", "黔西南州": "522300",
  ]

  /// The scope a code or a name (full or short) names, or nil: 州直 is `prefectureOwn`, the prefecture's code
  /// and names are the whole prefecture. A record's region is the `code` of either.
  public init?(named text: String) {
    let key = text.halfWidth.trimmed
    if key == Region.prefectureOwn.name {
      self = .prefectureOwn
      return
    }
    let code = Region.formerNames[key] ?? key
    guard let region = Region.all.first(where: { $0.code == code || $0.name == key || $0.shortName == key })
    else { return nil }
    self = region
  }

  /// Every name a scope may be given by on the command line: the prefecture, 州直, then each county.
  public static var scopeNames: [String] {
    [prefecture.shortName, prefectureOwn.name] + all.dropFirst().map(\.shortName)
  }

  /// Whether a record of `other` counts in a report for this region: the prefecture covers all its regions,
  /// 州直 (`prefectureOwn`) and a county only their own.
  package func covers(_ other: Region) -> Bool {
    self == .prefecture || code == other.code
  }

  /// The codes a report for this region counts.
  package var coveredCodes: [String] {
    Region.all.filter(covers).map(\.code)
  }

  /// The codes any of `regions` covers, each once, in order: a grant's, or a copy's, of several.
  package static func codes(coveredByAny regions: [Region]) -> [String] {
    Array(Set(regions.flatMap(\.coveredCodes))).sorted()
  }

  /// What names this scope apart from every other, in JSON and for `--region`: the code, but 州直 for
  /// `prefectureOwn`, whose code is the whole prefecture's.
  public var key: String {
    self == .prefectureOwn ? name : code
  }

  /// How outputs name a record's region: 州直 for the prefecture's own records.
  /// The name a stored region code is shown by, or the code itself when no region has it (a code from a
  /// file another tool wrote).
  package static func displayName(of code: String) -> String {
    Region(named: code)?.displayName ?? code
  }

  package var displayName: String {
    self == .prefecture ? "州直" : name
  }

  private init(code: String, name: String, shortName: String) {
    self.code = code
    self.name = name
    self.shortName = shortName
  }
}
