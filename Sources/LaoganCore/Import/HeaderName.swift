import LaoganText

/// A header cell as clerks' sheets spell it, brought to the form the import kinds know: blanks anywhere
/// removed (`姓　名`), full-width forms folded, a required mark and a unit dropped (`身份证号*`, `姓名（必填）`,
/// `学费（元）`), and a
/// column's common other names (`身份证号码`, `公民身份号码`) read as the one laogan uses.
enum HeaderName {
  /// Other names sheets give a column, by the name laogan uses.
  static let synonyms: [String: String] = [
    "身份证号码": "身份证号", "公民身份号码": "身份证号", "公民身份证号": "身份证号", "公民身份证号码": "身份证号",
    // A roster's 政治面貌 column says whether the cadre is a Party member (`FieldReader.partyMember`).
    "政治面貌": "党员",
  ]

  /// A column a sheet keeps for itself and laogan ignores: the row number.
  static let rowNumber = "序号"

  static func normalized(_ raw: String) -> String {
    var name = String(String.UnicodeScalarView(raw.halfWidth.unicodeScalars.filter { !$0.isBlank }))
    for mark in ["(必填)", "【必填】", "*", "(元)"] { name = name.replacingOccurrences(of: mark, with: "") }
    return synonyms[name] ?? name
  }
}
