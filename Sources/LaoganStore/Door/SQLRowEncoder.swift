/// Writes an `Encodable` record as the columns its coding keys name and their stored values, in the order the
/// record encodes them: the other half of `SQLRowDecoder`, so that a record's columns are named once, by its
/// `CodingKeys`, for reading and writing alike. A nil is a NULL column, never a column left out: every record
/// of a type gives the same columns, which one prepared statement a table binds.
struct SQLRowEncoder: Encoder {
  /// The values written so far, and their columns when they are asked for, shared by the encoder and its
  /// container. Only the one encoding that made the row writes it, a value at a time, so Swift's run-time check
  /// of each access is left out: it was a fifth of the time a record took to encode.
  final class Row {
    @exclusivity(unchecked) var columns: [String]?
    @exclusivity(unchecked) var values: [SQLValue] = []

    init(namingColumns: Bool) {
      columns = namingColumns ? [] : nil
      values.reserveCapacity(16)
    }
  }

  let row: Row
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// The record's values, and their columns when `namingColumns`: the columns are the same for every record
  /// of a type, so a writer of many rows names them once.
  static func row(of record: some Encodable, namingColumns: Bool) throws -> Row {
    let row = Row(namingColumns: namingColumns)
    try record.encode(to: SQLRowEncoder(row: row))
    return row
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(Columns(row: row))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    preconditionFailure("a record is written by its columns' names")
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    preconditionFailure("a record is written by its columns' names")
  }

  private struct Columns<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let row: Row
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: SQLValue, _ key: Key) {
      row.columns?.append(key.stringValue)
      row.values.append(value)
    }

    func encodeNil(forKey key: Key) { put(.null, key) }

    /// A value with a stored form is written by it; any other is no column's value.
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      guard let stored = value as? any SQLValueConvertible else {
        throw EncodingError.invalidValue(
          value, .init(codingPath: [key], debugDescription: "\(T.self) has no stored form (SQLValueConvertible)"))
      }
      put(stored.sqlValue, key)
    }

    // Optional values: a synthesized `encode(to:)` leaves a nil out unless these say otherwise.
    func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
      if let value { try encode(value, forKey: key) } else { put(.null, key) }
    }
    func encodeIfPresent(_ value: Bool?, forKey key: Key) { put(value?.sqlValue ?? .null, key) }
    func encodeIfPresent(_ value: String?, forKey key: Key) { put(value?.sqlValue ?? .null, key) }
    func encodeIfPresent(_ value: Double?, forKey key: Key) { put(value?.sqlValue ?? .null, key) }
    func encodeIfPresent(_ value: Int?, forKey key: Key) { put(value?.sqlValue ?? .null, key) }
    func encodeIfPresent(_ value: Int64?, forKey key: Key) { put(value?.sqlValue ?? .null, key) }

    // The primitives a `Codable` writes by name: those the model stores, through their stored forms.
    func encode(_ value: Bool, forKey key: Key) { put(value.sqlValue, key) }
    func encode(_ value: String, forKey key: Key) { put(value.sqlValue, key) }
    func encode(_ value: Double, forKey key: Key) { put(value.sqlValue, key) }
    func encode(_ value: Int, forKey key: Key) { put(value.sqlValue, key) }
    func encode(_ value: Int64, forKey key: Key) { put(value.sqlValue, key) }
    func encode(_ value: Float, forKey key: Key) { put(Double(value).sqlValue, key) }
    func encode(_ value: Int32, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: Int16, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: Int8, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: UInt32, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: UInt16, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: UInt8, forKey key: Key) { put(Int64(value).sqlValue, key) }
    func encode(_ value: UInt, forKey key: Key) throws { put(try Self.exact(value, key).sqlValue, key) }
    func encode(_ value: UInt64, forKey key: Key) throws { put(try Self.exact(value, key).sqlValue, key) }

    private static func exact(_ value: some BinaryInteger, _ key: Key) throws -> Int64 {
      guard let exact = Int64(exactly: value) else {
        throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "out of a column's range"))
      }
      return exact
    }

    func nestedContainer<NestedKey: CodingKey>(
      keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
      preconditionFailure("a column is one value: \(key.stringValue)")
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      preconditionFailure("a column is one value: \(key.stringValue)")
    }

    func superEncoder() -> any Encoder { SQLRowEncoder(row: row) }
    func superEncoder(forKey key: Key) -> any Encoder { SQLRowEncoder(row: row) }
  }
}
