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

  // Inlinable, as are the stored forms of numbers and text: a report reads millions of values a run, and
  // each read crosses from the core into this module.

  @inlinable
  public subscript<Value: SQLValueConvertible>(_ index: Int) -> Value? {
    let stored = values[index]
    if case .null = stored { return nil }
    guard let value = Value(sqlValue: stored) else { mismatch(stored, Value.self, index) }
    return value
  }

  @inlinable
  public subscript<Value: SQLValueConvertible>(_ index: Int) -> Value {
    guard let value: Value = self[index] else { mismatch(.null, Value.self, index) }
    return value
  }

  /// Nil when the value is NULL or the query selects no such column.
  @inlinable
  public subscript<Value: SQLValueConvertible>(_ name: String) -> Value? {
    columns.index(of: name).flatMap { self[$0] }
  }

  @inlinable
  public subscript<Value: SQLValueConvertible>(_ name: String) -> Value {
    self[columns.position(of: name)]
  }

  @usableFromInline
  func mismatch<Value>(_ stored: SQLValue, _ type: Value.Type, _ index: Int) -> Never {
    preconditionFailure("列 \(columns.names[index]) 的值 \(stored) 不是 \(Value.self)")
  }
}

/// A result's column names, shared by all its rows. A name is found as SQL finds it: case aside, the first.
public final class SQLColumns: Sendable {
  public let names: [String]
  /// By the name folded to lower case.
  private let indexes: [String: Int]
  /// The same positions by the names as the query spelled them, so that the usual look-up folds nothing.
  private let spelled: [String: Int]

  public init(_ names: [String]) {
    self.names = names
    var indexes: [String: Int] = [:]
    var spelled: [String: Int] = [:]
    for (index, name) in names.enumerated() where indexes[name.lowercased()] == nil {
      indexes[name.lowercased()] = index
      spelled[name] = index
    }
    self.indexes = indexes
    self.spelled = spelled
  }

  public func index(of name: String) -> Int? { spelled[name] ?? indexes[name.lowercased()] }

  /// The position of a column the query is known to select.
  @usableFromInline
  func position(of name: String) -> Int {
    guard let index = index(of: name) else { preconditionFailure("结果没有 \(name) 列") }
    return index
  }
}
