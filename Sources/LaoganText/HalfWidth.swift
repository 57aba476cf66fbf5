extension String {
  /// Full-width ASCII forms (０-９, Ｘ, ，, ．) folded to their ASCII twins and the ideographic space to a
  /// space: Chinese input methods type them, and a 身份证号 or a date typed so is still the same value.
  @usableFromInline package var halfWidth: String {
    guard unicodeScalars.contains(where: { $0.value >= 0x3000 }) else { return self }
    var scalars = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
      case 0x3000: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}

extension Character {
  package var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
  /// The text without leading and trailing white space (ideographic space included). Foundation's
  /// `trimmingCharacters(in:)` goes through NSString on Linux and was a sixth of an import's time.
  public var trimmed: String {
    let scalars = unicodeScalars
    if let first = scalars.first, let last = scalars.last, !first.isBlank, !last.isBlank {
      return String(self)
    }
    guard let first = scalars.firstIndex(where: { !$0.isBlank }), let last = scalars.lastIndex(where: { !$0.isBlank })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

extension Unicode.Scalar {
  /// Unicode's White_Space property, by its list of 25 scalars rather than the property table: every cell of
  /// an import is trimmed, and the table look-up was most of the trimming's time.
  package var isBlank: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
