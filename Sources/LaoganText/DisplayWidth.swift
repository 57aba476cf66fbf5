extension String {
  /// Columns the text takes in a terminal: East Asian wide and full-width characters (汉字, ：, ０) take two,
  /// combining marks none, everything else one. Table alignment depends on it.
  public var displayWidth: Int {
    // Numbers, dates and masked 身份证号 are most cells: one column a byte.
    if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
    return unicodeScalars.reduce(0) { $0 + $1.displayWidth }
  }

  /// The text cut to at most `width` columns, ending in `…` when cut, for cells that would swamp a table.
  package func truncated(toWidth width: Int) -> String {
    guard displayWidth > width else { return self }
    var result = ""
    var used = 0
    for character in self {
      let columns = String(character).displayWidth
      guard used + columns < width else { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }
}

extension Unicode.Scalar {
  var displayWidth: Int {
    // Printable ASCII and the CJK ideographs are most of every table; they skip the category look-up, which
    // was most of the time a table of thousands of rows took to print.
    if (0x20..<0x7F).contains(value) { return 1 }
    if (0x4E00...0x9FFF).contains(value) { return 2 }
    // So are the ideographic comma and brackets (、（）) of every list of months and note: wide, none a mark.
    if (0x3000...0x3029).contains(value) || (0xFF01...0xFF60).contains(value) { return 2 }
    if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return 0 }
    if value == 0x200B || value == 0xFEFF { return 0 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
