/// The keys an import has met so far and the line of each, to name the first line when one comes again.
///
/// Kept in memory, compactly: a 身份证号 — a roster's key — as one number (`CadreRef.Number`), 16 bytes a key
/// with its line, any other key as text. The scale-10 roster's 265,000 keys take about 8 MB. A TEMP table
/// kept memory flat, but at that scale filling it was a tenth of the writer's time.
struct ImportedKeys {
  private var numbers: [Lookup.CadreRef.Number: Int] = [:]
  private var texts: [String: Int] = [:]

  func line(of key: String) -> Int? {
    if let number = Lookup.CadreRef.Number(key) { return numbers[number] }
    return texts[key]
  }

  /// Keeps the first line a key was met on.
  mutating func insert(_ key: String, line: Int) {
    if let number = Lookup.CadreRef.Number(key) {
      numbers[number] = numbers[number] ?? line
    } else {
      texts[key] = texts[key] ?? line
    }
  }
}
