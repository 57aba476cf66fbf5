import LaoganText

/// A field whose values come from a fixed list of Chinese labels (类别, 职级, 性别 …).
///
/// The label is the raw value: it is what clerks type, what the database stores (checked by the schema) and
/// what every output shows. Parsing happens here and nowhere else.
public protocol ClosedSet: RawRepresentable, CaseIterable, Sendable, Codable
where RawValue == String {
  /// Other spellings a clerk may use for a value (`M` for 男, `退休干部` for 退休).
  static var aliases: [String: Self] { get }
}

extension ClosedSet {
  public static var aliases: [String: Self] { [:] }

  /// The value a cell or an option names, ignoring surrounding blanks, full-width forms and letter case.
  /// Inlinable, so that the import reading a closed list's cell has it specialised for that list: generic
  /// across modules, it took twice as long.
  @inlinable public init?(label: String) {
    let text = label.halfWidth.trimmed
    if let value = Self(rawValue: text) ?? Self.aliases[text] ?? Self.aliases[text.lowercased()] {
      self = value
    } else {
      return nil
    }
  }

  /// The allowed labels, for messages and prompts: `离休/退休`.
  package static var allowedLabels: String {
    allCases.map(\.rawValue).joined(separator: "/")
  }
}

/// 性别.
public enum Sex: String, ClosedSet {
  case male = "男"
  case female = "女"

  public static let aliases: [String: Sex] = ["m": .male, "male": .male, "f": .female, "female": .female]
}

/// 类别 — 离休 cadres joined revolutionary work before 1949-10-01; all others retire (退休).
public enum CadreCategory: String, ClosedSet {
  case veteran = "离休"
  case retired = "退休"

  public static let aliases: [String: CadreCategory] = ["离休干部": .veteran, "退休干部": .retired]
}

/// 原单位性质 — the kind of unit the cadre retired from.
public enum UnitType: String, ClosedSet {
  case agency = "机关"
  case institution = "事业"
  case enterprise = "企业"

  public static let aliases: [String: UnitType] = [
    "机关单位": .agency, "行政机关": .agency, "事业单位": .institution, "企业单位": .enterprise,
  ]
}

/// 职级 — the rank held on retirement, highest first.
public enum Rank: String, ClosedSet {
  case provincialChief = "正省部级"
  case provincialDeputy = "副省部级"
  case departmentChief = "正厅级"
  case departmentDeputy = "副厅级"
  case countyChief = "正县处级"
  case countyDeputy = "副县处级"
  case sectionChief = "正乡科级"
  case sectionDeputy = "副乡科级"
  case clerk = "科员及其他"

  public static let aliases: [String: Rank] = [
    "正县级": .countyChief, "副县级": .countyDeputy, "正处级": .countyChief, "副处级": .countyDeputy,
    "正科级": .sectionChief, "副科级": .sectionDeputy, "科员": .clerk,
  ]
}
