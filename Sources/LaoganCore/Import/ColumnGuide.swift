/// The manual's tables of import columns (`docs/columns.md`), written from the fields themselves — their
/// headers, whether required, their English aliases and `ColumnForm` — so that the manual, the templates'
/// input messages and the import cannot say different things. A test keeps the file equal to this.
package enum ColumnGuide {
  package static func markdown() -> String {
    var text = """
      # 导入各类记录的列

      本文件由程序生成（`LAOGAN_WRITE_DOCS=1 swift test --filter columnGuide`），与 `laogan import`、
      `laogan template` 的实际规则一致，请勿手改。表头可用中文或英文别名，顺序不限；带 * 的列必填；
      表头中的空格、全角字符、`*`、`（必填）` 都可以有；“序号”列会被忽略。导入的参考顺序即本文件的顺序。

      """
    for kind in RecordKinds.all { text += section(kind) }
    return text
  }

  private static func section<Kind: RecordKind>(_ kind: Kind.Type) -> String {
    var text = "\n## \(Kind.label)（`laogan import \(Kind.name)`）\n\n| 列 | 英文别名 | 必填 | 可填写法 |\n|---|---|---|---|\n"
    for field in Kind.Field.allCases {
      text += "| \(field.rawValue) | `\(field.alias)` | \(field.isRequired ? "是" : "") | \(field.form.hint) |\n"
    }
    return text
  }
}
