/// How many single-character edits turn one word into another, for "did you mean" suggestions: a misspelled
/// command (`improt`) or an unknown column header (`出生日其`).
public enum EditDistance {
  /// Levenshtein distance, with an adjacent transposition (`improt`) counted as one edit.
  package static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
        }
      }
    }
    return rows[a.count][b.count]
  }

  /// The candidate nearest to `word`, when it is near enough to be what was meant: at most two edits, and
  /// fewer than the word has characters.
  public static func nearest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, between(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < word.count else { return nil }
    return best.0
  }
}
