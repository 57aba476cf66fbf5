/// Reads a `Decodable` record from an `SQLRow` by the columns its coding keys name: how an engine without a
/// record reader of its own hands the core its records. A value with a stored form (`SQLValueConvertible`)
/// is read by it; any other by its own `Decodable`, from the column's value.
struct SQLRowDecoder: Decoder {
  let row: SQLRow
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(_ row: SQLRow) {
    self.row = row
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(Columns(row: row, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw DecodingError.typeMismatch(
      [Any].self, .init(codingPath: codingPath, debugDescription: "a row is read by its columns' names"))
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw DecodingError.typeMismatch(
      SQLValue.self, .init(codingPath: codingPath, debugDescription: "a row is read by its columns' names"))
  }

  private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    let codingPath: [any CodingKey]
    var allKeys: [Key] { row.columns.names.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { row.hasColumn(key.stringValue) }

    func decodeNil(forKey key: Key) throws -> Bool {
      guard let index = row.columns.index(of: key.stringValue) else { return true }
      return row.values[index] == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      guard let index = row.columns.index(of: key.stringValue) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no such column"))
      }
      return try ColumnValue(value: row.values[index], codingPath: codingPath + [key]).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
      keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
      throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "a column is one value"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      throw DecodingError.typeMismatch(
        [Any].self, .init(codingPath: codingPath, debugDescription: "a column is one value"))
    }

    func superDecoder() throws -> any Decoder { SQLRowDecoder(row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SQLRowDecoder(row) }
  }

  /// One column's value, read as a single value.
  private struct ColumnValue: Decoder, SingleValueDecodingContainer {
    let value: SQLValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeNil() -> Bool { value == .null }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
      guard let convertible = type as? any SQLValueConvertible.Type else { return try T(from: self) }
      guard let decoded = convertible.init(sqlValue: value) as? T else {
        throw DecodingError.typeMismatch(
          type, .init(codingPath: codingPath, debugDescription: "the column holds \(value)"))
      }
      return decoded
    }

    // The primitives a `Codable` asks for by name: those the model stores, through their stored forms.
    func decode(_ type: Bool.Type) throws -> Bool { try stored(type) }
    func decode(_ type: String.Type) throws -> String { try stored(type) }
    func decode(_ type: Double.Type) throws -> Double { try stored(type) }
    func decode(_ type: Int.Type) throws -> Int { try stored(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try stored(type) }
    func decode(_ type: Float.Type) throws -> Float { Float(try stored(Double.self)) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrowed(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrowed(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrowed(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrowed(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrowed(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrowed(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrowed(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrowed(type) }

    private func stored<T: SQLValueConvertible>(_ type: T.Type) throws -> T {
      guard let decoded = T(sqlValue: value) else {
        throw DecodingError.typeMismatch(
          type, .init(codingPath: codingPath, debugDescription: "the column holds \(value)"))
      }
      return decoded
    }

    private func narrowed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
      guard let narrow = T(exactly: try stored(Int64.self)) else {
        throw DecodingError.typeMismatch(
          type, .init(codingPath: codingPath, debugDescription: "\(value) is out of range"))
      }
      return narrow
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
      throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "a column is one value"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
      throw DecodingError.typeMismatch(
        [Any].self, .init(codingPath: codingPath, debugDescription: "a column is one value"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
  }
}
