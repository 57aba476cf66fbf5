import PostgresNIO

/// A statement as the core writes it — SQLite's parameters, `?` in order and `:name` by name — with
/// PostgreSQL's numbered ones (`$1`) in their place, and the values bound to each number. Quoted text,
/// quoted names, comments and `::` casts are left as they are.
struct PostgresStatement {
  let sql: String
  let bindings: PostgresBindings

  init(_ sql: String, _ arguments: SQLArguments) throws {
    var text = ""
    var values: [SQLValue] = []
    var numbers: [String: Int] = [:]
    var positional = arguments.positional.makeIterator()
    let characters = Array(sql.unicodeScalars)
    var index = 0
    func number(for value: SQLValue) -> String {
      values.append(value)
      return "$\(values.count)"
    }
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "'", "\"":
        let end = Self.end(ofQuoted: characters, from: index)
        text.unicodeScalars.append(contentsOf: characters[index..<end])
        index = end
      case "-" where index + 1 < characters.count && characters[index + 1] == "-":
        while index < characters.count && characters[index] != "\n" { index += 1 }
      case "?":
        guard let value = positional.next() else { throw LaoganError.database("语句的 ? 多于所给的值：\(sql)") }
        text += number(for: value)
        index += 1
      case ":" where index + 1 < characters.count && characters[index + 1] == ":":
        text += "::"
        index += 2
      case ":" where index + 1 < characters.count && Self.startsName(characters[index + 1]):
        var end = index + 1
        while end < characters.count && Self.continuesName(characters[end]) { end += 1 }
        let name = String(String.UnicodeScalarView(characters[(index + 1)..<end]))
        guard let value = arguments.named[name] else { throw LaoganError.database("语句的 :\(name) 没有给值：\(sql)") }
        if let known = numbers[name] {
          text += "$\(known)"
        } else {
          text += number(for: value)
          numbers[name] = values.count
        }
        index = end
      default:
        text.unicodeScalars.append(character)
        index += 1
      }
    }
    self.sql = NullOrder.spelled(text)
    var bindings = PostgresBindings(capacity: values.count)
    for value in values { bindings.bind(value) }
    self.bindings = bindings
  }

  /// Past the closing quote of the quoted text or name starting at `start` (a doubled quote stays inside).
  private static func end(ofQuoted characters: [Unicode.Scalar], from start: Int) -> Int {
    let quote = characters[start]
    var index = start + 1
    while index < characters.count {
      if characters[index] == quote {
        guard index + 1 < characters.count, characters[index + 1] == quote else { return index + 1 }
        index += 2
      } else {
        index += 1
      }
    }
    return index
  }

  private static func startsName(_ character: Unicode.Scalar) -> Bool {
    character == "_" || character.properties.isAlphabetic
  }

  private static func continuesName(_ character: Unicode.Scalar) -> Bool {
    startsName(character) || ("0"..."9").contains(character)
  }
}

extension PostgresBindings {
  /// A value as the core binds it. Text goes untyped, in text form, as psql's literals do: the server reads
  /// it as the type the statement puts it against (a `date` column, a month's text, a number), so one
  /// `:day` serves a comparison with a date and with text alike.
  mutating func bind(_ value: SQLValue) {
    switch value {
    case .null: appendNull()
    case .integer(let integer): append(integer)
    case .real(let real): append(real)
    case .text(let text): append(UntypedText(text))
    case .blob(let data): append(ByteBuffer(bytes: data))
    }
  }
}

/// Text whose type the server infers from where it stands (type OID 0).
struct UntypedText: PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable {
  let text: String

  init(_ text: String) {
    self.text = text
  }

  static var psqlType: PostgresDataType { PostgresDataType(0) }
  static var psqlFormat: PostgresFormat { .text }

  func encode<JSONEncoder: PostgresJSONEncoder>(
    into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    buffer.writeString(text)
  }
}
