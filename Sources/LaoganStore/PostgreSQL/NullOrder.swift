/// SQLite's place for NULL in an ordering, spelled out for PostgreSQL: SQLite sorts NULL before every value
/// and PostgreSQL after, so each `ORDER BY` item gets `NULLS FIRST` (ascending) or `NULLS LAST`
/// (descending) unless it says which itself. A list of officers newest first, or a roll by a day some rows
/// lack, then comes out in the same order on both engines. An `id` is never NULL and is left alone, so an
/// index on it still gives its order.
enum NullOrder {
  /// `sql` with every `ORDER BY` item's NULLs placed as SQLite places them. Quoted text and names are skipped.
  static func spelled(_ sql: String) -> String {
    let characters = Array(sql.unicodeScalars)
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(characters.count + 32)
    /// The depths of the `ORDER BY` lists being read, innermost last, and where the current item began.
    var lists: [(depth: Int, itemStart: Int)] = []
    var depth = 0
    var index = 0

    func endItem() {
      guard let list = lists.last else { return }
      let item = String(String.UnicodeScalarView(result[list.itemStart...]))
      let trailing = item.trimmingTrailingSpace()
      let words = trailing.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { $0.uppercased() }
      guard let last = words.last else { return }
      let named = words.count >= 2 && words[words.count - 2] == "NULLS"
      let column = last == "DESC" || last == "ASC" ? words.dropLast().last ?? "" : last
      guard !named, column != "ID", !column.hasSuffix(".ID") else { return }
      let spaces = item.unicodeScalars.count - trailing.unicodeScalars.count
      result.insert(
        contentsOf: (last == "DESC" ? " NULLS LAST" : " NULLS FIRST").unicodeScalars, at: result.count - spaces)
    }

    func endList() {
      endItem()
      lists.removeLast()
    }

    while index < characters.count {
      let character = characters[index]
      switch character {
      case "'", "\"":
        var end = index + 1
        while end < characters.count {
          if characters[end] == character {
            if end + 1 < characters.count && characters[end + 1] == character {
              end += 2
              continue
            }
            end += 1
            break
          }
          end += 1
        }
        result.append(contentsOf: characters[index..<min(end, characters.count)])
        index = end
        continue
      case "(":
        depth += 1
      case ")":
        if let list = lists.last, list.depth == depth { endList() }
        depth -= 1
      case ",":
        if let list = lists.last, list.depth == depth {
          endItem()
          result.append(character)
          lists[lists.count - 1].itemStart = result.count
          index += 1
          continue
        }
      case ";":
        while lists.last?.depth == depth { endList() }
      default:
        if Self.startsWord(characters, at: index) {
          let word = Self.word(characters, at: index)
          let upper = word.uppercased()
          if let list = lists.last, list.depth == depth, Self.endsList.contains(upper) {
            endList()
          } else if upper == "ORDER", let by = Self.followingBy(characters, after: index + word.unicodeScalars.count) {
            result.append(contentsOf: characters[index..<by])
            index = by
            lists.append((depth, result.count))
            continue
          }
          result.append(contentsOf: word.unicodeScalars)
          index += word.unicodeScalars.count
          continue
        }
      }
      result.append(character)
      index += 1
    }
    while !lists.isEmpty { endList() }
    return String(String.UnicodeScalarView(result))
  }

  /// The words that end an `ORDER BY` list at its own depth.
  private static let endsList: Set<String> = [
    "LIMIT", "OFFSET", "ROWS", "RANGE", "GROUPS", "FETCH", "FOR", "UNION", "EXCEPT", "INTERSECT", "ON", "RETURNING",
    "WINDOW",
  ]

  private static func isWordCharacter(_ character: Unicode.Scalar) -> Bool {
    character == "_" || character == "." || character.properties.isAlphabetic || ("0"..."9").contains(character)
  }

  private static func startsWord(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
    isWordCharacter(characters[index]) && (index == 0 || !isWordCharacter(characters[index - 1]))
  }

  private static func word(_ characters: [Unicode.Scalar], at index: Int) -> String {
    var end = index
    while end < characters.count && isWordCharacter(characters[end]) { end += 1 }
    return String(String.UnicodeScalarView(characters[index..<end]))
  }

  /// Past `BY` when only spaces stand between `ORDER` (ending at `index`) and it.
  private static func followingBy(_ characters: [Unicode.Scalar], after index: Int) -> Int? {
    var at = index
    while at < characters.count && characters[at].properties.isWhitespace { at += 1 }
    guard at > index, at + 2 <= characters.count,
      String(String.UnicodeScalarView(characters[at..<(at + 2)])).uppercased() == "BY",
      at + 2 == characters.count || !isWordCharacter(characters[at + 2])
    else { return nil }
    return at + 2
  }
}

extension String {
  fileprivate func trimmingTrailingSpace() -> String {
    var scalars = unicodeScalars
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
