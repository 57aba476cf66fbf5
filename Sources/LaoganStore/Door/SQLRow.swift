/// One row of a result, as the door hands it to the core: its values by position or by column name.
///
/// Reading a column as a type it does not hold is a programming error (the SQL and the reading disagree) and
/// stops the program, as reading a NULL as a non-optional does; reading a NULL as an optional gives nil.
public struct SQLRow: Sendable {
  public let columns: SQLColumns
  public let values: [SQLValue]

  public init(columns: SQLColumns, values: [SQLValue]) {
    self.columns = columns
    self.values = values
  }

  public var count: Int { values.count }

  public func hasColumn(_ name: String) -> Bool { columns.index(of: name) != nil }

  public subscript<Value: SQLValueConvertible>(_ index: Int) -> Value? {
    Self.read(values[index], as: Value.self, column: columns.names[index])
  }

  public subscript<Value: SQLValueConvertible>(_ index: Int) -> Value {
    guard let value: Value = self[index] else { preconditionFailure("列 \(columns.names[index]) 是 NULL") }
    return value
  }

  public subscript<Value: SQLValueConvertible>(_ name: String) -> Value? {
    guard let index = columns.index(of: name) else { preconditionFailure("结果没有 \(name) 列") }
    return self[index]
  }

  public subscript<Value: SQLValueConvertible>(_ name: String) -> Value {
    guard let index = columns.index(of: name) else { preconditionFailure("结果没有 \(name) 列") }
    return self[index]
  }

  private static func read<Value: SQLValueConvertible>(_ stored: SQLValue, as: Value.Type, column: String) -> Value? {
    if stored == .null { return nil }
    guard let value = Value(sqlValue: stored) else { preconditionFailure("列 \(column) 的值 \(stored) 不是 \(Value.self)") }
    return value
  }
}

/// A result's column names, shared by all its rows. A name is found as SQL finds it: case aside, the first.
public final class SQLColumns: Sendable {
  public let names: [String]
  private let indexes: [String: Int]

  public init(_ names: [String]) {
    self.names = names
    var indexes: [String: Int] = [:]
    for (index, name) in names.enumerated() where indexes[name.lowercased()] == nil {
      indexes[name.lowercased()] = index
    }
    self.indexes = indexes
  }

  public func index(of name: String) -> Int? { indexes[name.lowercased()] }
}
