/// Text that a spreadsheet would run as a formula when it opens a CSV file (OWASP "CSV injection"):
/// `=HYPERLINK(…)`, `+cmd|…`, `@SUM(1)`, a leading tab or carriage return. A CSV laogan writes puts one
/// apostrophe before such a cell, so that Excel and WPS show it as text; an import takes exactly that apostrophe
/// off again, so a phone `+86…` or a note `-已核对` comes back as it went out.
///
/// A cell that already starts with apostrophes followed by such a character gets one more, so that reading
/// back never takes off one that was the clerk's own.
package enum FormulaGuard {
  private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
  private static let apostrophe: Unicode.Scalar = "'"

  /// The cell as a CSV file holds it.
  package static func escaped(_ cell: String) -> String {
    needsApostrophe(cell.unicodeScalars[...]) ? "'" + cell : cell
  }

  /// The cell as it was before `escaped`.
  package static func unescaped(_ cell: String) -> String {
    let scalars = cell.unicodeScalars
    guard scalars.first == apostrophe, needsApostrophe(scalars.dropFirst()) else { return cell }
    return String(scalars.dropFirst())
  }

  /// Whether the text starts with a formula character, after any apostrophes.
  private static func needsApostrophe(_ scalars: Substring.UnicodeScalarView) -> Bool {
    guard let first = scalars.first(where: { $0 != apostrophe }) else { return false }
    return triggers.contains(first)
  }
}
