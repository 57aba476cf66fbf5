import ArgumentParser
import LaoganCore
import LaoganText

/// `字段=值` words on a command line (taskwarrior style), naming fields by their import header, Chinese or
/// English: `日期=2023-06-12 类型=主题宣讲` or `date=2023-06-12 kind=主题宣讲`. `:` and `：` work as `=`.
enum Assignments {
  static func cells<Field: ImportField>(_ words: [String], as type: Field.Type) throws -> [Field: String] {
    var cells: [Field: String] = [:]
    for word in words {
      guard let separator = word.firstIndex(where: { "=:：".contains($0) }) else {
        throw ValidationError("“\(word)”不是 字段=值 的形式（如 日期=2023-06-12）")
      }
      let name = word[..<separator].trimmed
      guard let field = Field.allCases.first(where: { $0.rawValue == name || $0.alias == name.lowercased() }) else {
        let known = Field.allCases.map(\.rawValue).joined(separator: "、")
        throw ValidationError("不认识的字段“\(name)”（可用：\(known)）")
      }
      cells[field] = String(word[word.index(after: separator)...])
    }
    return cells
  }
}
