import LaoganText

/// The rows a clerk's sheet ends with below its data — a 合计 line, the signatures (制表人：、审核人：、
/// 填表日期：) — which are not records: the import skips them and says so, rather than calling every
/// required cell of them blank.
enum FooterRow {
  /// A total: the row's first filled cell is one of these, spaces inside it ignored.
  private static let totals: Set<String> = ["合计", "总计", "小计", "合计：", "总计：", "合计:", "总计:"]
  /// A signature line: every filled cell starts with one of these.
  private static let signatures = [
    "制表人", "制表", "审核人", "审核", "填表人", "填表日期", "制表日期", "填报日期", "填报单位", "填报人", "负责人",
    "单位负责人", "经办人", "复核人",
  ]
  /// The first characters of all of the above: most rows are passed on their first character alone.
  private static let openings: Set<Character> = ["合", "总", "小", "制", "审", "填", "负", "单", "经", "复"]

  static func matches(_ cells: [String]) -> Bool {
    guard let first = cells.first(where: { !$0.trimmed.isEmpty })?.trimmed,
      let opening = first.first, openings.contains(opening)
    else { return false }
    if totals.contains(first.filter { $0 != " " && $0 != "\u{3000}" }) { return true }
    return cells.map(\.trimmed).filter { !$0.isEmpty }.allSatisfy { cell in
      signatures.contains { cell.hasPrefix($0) }
    }
  }
}
