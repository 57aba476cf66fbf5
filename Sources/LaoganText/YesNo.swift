/// Reads a yes/no cell as spreadsheets write it: 是/否, Y/N, 1/0, true/false (SPEC §4).
package enum YesNo {
  public static func parse(_ text: String) -> Bool? {
    switch text.halfWidth.trimmed.lowercased() {
    case "是", "y", "yes", "1", "true", "t": true
    case "否", "n", "no", "0", "false", "f": false
    default: nil
    }
  }

  public static func label(_ value: Bool) -> String { value ? "是" : "否" }
}
