/// The values bound to a statement's parameters: by position (`?`), or by name (`:from`).
public struct SQLArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
  public var positional: [SQLValue] = []
  public var named: [String: SQLValue] = [:]

  public init(_ values: [(any SQLValueConvertible)?]) {
    positional = values.map { $0?.sqlValue ?? .null }
  }

  /// Values already in their stored form, by position.
  public init(stored values: [SQLValue]) {
    positional = values
  }

  public init(arrayLiteral elements: (any SQLValueConvertible)?...) {
    self.init(elements)
  }

  public init(dictionaryLiteral elements: (String, (any SQLValueConvertible)?)...) {
    for (name, value) in elements { named[name] = value?.sqlValue ?? .null }
  }

  public mutating func append(_ value: (any SQLValueConvertible)?) {
    positional.append(value?.sqlValue ?? .null)
  }

  public mutating func append(contentsOf values: [(any SQLValueConvertible)?]) {
    for value in values { append(value) }
  }
}
