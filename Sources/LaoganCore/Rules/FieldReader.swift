import LaoganModel
import LaoganText

/// Reads typed values out of the cells of one row (or one command line), collecting every problem instead
/// of stopping at the first, so a clerk can fix a row in one go. Every record kind reads its cells here.
public struct FieldReader<Field: ImportField> {
  /// The row's cells trimmed: every read goes through here, once a cell. A cell the row has but leaves blank is
  /// "" — it blanks a stored value —, a field the row has no cell for is absent. A list found by comparing
  /// fields, not a dictionary: a row has a few dozen cells, and hashing a field for every cell placed and read
  /// was a sixth of a roster's reading thread.
  private var cells: [(field: Field, text: String)]
  public private(set) var problems: [FieldProblem] = []
  /// The stored record an edit replaces, so that a kind checking its row against stored ones (one 书记 at a
  /// time, one standard a month) leaves it out; nil for a new record.
  package internal(set) var replacing: Int64?
  public private(set) var notes: [String] = []
  /// The cadre a field names, found ahead of the writer (`WorkAhead`); the writer's own look-up otherwise.
  var found: (field: Field, cadre: Lookup.CadreRef)?

  public init(cells: [Field: String]) {
    self.init(trimmed: cells.map { ($0.key, $0.value.trimmed) })
  }

  /// Cells already trimmed (an import's reading thread trims them as it places them), each field once. Every
  /// cell comes in here, from a file or a command line: it is put in NFC (keys folded) before anything reads or
  /// compares it, and a control character in it is a problem (`CellText`).
  init(trimmed cells: [(field: Field, text: String)]) {
    self.cells = cells
    for index in self.cells.indices {
      let (field, typed) = self.cells[index]
      guard !CellText.isPlain(typed) else { continue }
      // Alt+Enter in a one-line cell (原工作单位, 标题) is a line break a clerk did not mean: a space.
      let (text, control) = CellText.admitted(typed, note: field.isNote, key: field.isKey)
      if let control {
        problems.append(
          FieldProblem(
            field: field.rawValue, value: CellText.printable(String(text.prefix(20)), lineBreaks: false),
            reason: CellText.refusal(of: control)))
      }
      self.cells[index].text = text
    }
  }

  /// Fields the row has no cell for take `stored`'s: an edit names only what changes, and a roster imported
  /// again without a column keeps what that column held.
  mutating func fill(from stored: [Field: String]) {
    for (field, text) in stored where position(of: field) == nil {
      cells.append((field, text.trimmed))
      filled.append(field)
    }
  }

  /// The fields whose cells came from the stored record, not from the row: a rule about what a clerk typed
  /// leaves alone what was stored before the rule existed.
  private(set) var filled: [Field] = []

  /// Whether the row itself gives a cell for `field`.
  func typed(_ field: Field) -> Bool {
    position(of: field) != nil && !filled.contains(field)
  }

  /// A problem for each required field left blank; once the row is complete, before it is read.
  mutating func requireFilled() {
    for field in Field.allCases where field.isRequired && text(field) == nil {
      problems.append(FieldProblem(field: field.rawValue, value: "", reason: "必填，不能为空"))
    }
  }

  /// The trimmed text of a cell; nil when blank or absent.
  public func text(_ field: Field) -> String? {
    guard let index = position(of: field), !cells[index].text.isEmpty else { return nil }
    return cells[index].text
  }

  /// Where `field`'s cell is, by index: `firstIndex(where:)` would copy out, retain and release each cell's
  /// text it passes.
  private func position(of field: Field) -> Int? {
    for index in cells.indices where cells[index].field == field { return index }
    return nil
  }

  public mutating func fail(_ field: Field, _ reason: String, value: String? = nil) {
    problems.append(FieldProblem(field: field.rawValue, value: value ?? text(field) ?? "", reason: reason))
  }

  public mutating func note(_ text: String) {
    notes.append(text)
  }

  /// A date before the one it should follow (撤销 before 成立) is kept as entered — it happened on paper —
  /// and noted, so the clerk can check it.
  package mutating func noteIfBefore(
    _ later: CalendarDate?, _ earlier: CalendarDate?, _ laterName: String, _ earlierName: String
  ) {
    guard let later, let earlier, later < earlier else { return }
    note("\(laterName) \(later) 早于\(earlierName) \(earlier)，请核对")
  }

  public mutating func date(_ field: Field) -> CalendarDate? {
    guard let text = text(field) else { return nil }
    guard let date = CalendarDate(parsing: text) else {
      if CalendarDate.isOutOfRange(text) {
        fail(field, CalendarDate.outOfRange)
      } else {
        fail(field, "不是有效日期（可写 2023-06-12、2023/6/12、2023.6.12、2023年6月12日）")
      }
      return nil
    }
    return date
  }

  package mutating func flag(_ field: Field) -> Bool? {
    guard let text = text(field) else { return nil }
    guard let value = YesNo.parse(text) else {
      fail(field, "应为 是/否（也可写 Y/N、1/0、true/false）")
      return nil
    }
    return value
  }

  package mutating func choice<T: ClosedSet>(_ field: Field, _ type: T.Type) -> T? {
    guard let text = text(field) else { return nil }
    guard let value = T(label: text) else {
      fail(field, "应为 \(T.allowedLabels) 之一")
      return nil
    }
    return value
  }

  public mutating func region(_ field: Field) -> Region? {
    guard let text = text(field) else { return nil }
    guard let region = Region(named: text) else {
      fail(field, "不是本州的地区（可用代码或名称，如 522301、兴义市、兴义）")
      return nil
    }
    return region
  }

  /// A head count (人次): a whole number, zero or more; `1,200` and full-width digits accepted.
  public mutating func count(_ field: Field) -> Int? {
    guard let text = text(field) else { return nil }
    let digits = text.halfWidth.replacingOccurrences(of: ",", with: "")
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 9, let value = Int(digits) else {
      fail(field, "应为不小于 0 的整数")
      return nil
    }
    return value
  }

  /// An amount of money in 元 (`1,234.50`, `¥1234.5`), more than zero: a payment, a grant or a standard is
  /// never negative — a wrong one is voided and entered again, so that no sum counts a −200 as a visit.
  /// `orZero` admits 0 where it is an amount charged: a fee waived whole.
  package mutating func money(_ field: Field, orZero: Bool = false) -> Fen? {
    guard let text = text(field) else { return nil }
    guard let amount = Fen(yuan: text) else {
      fail(field, "不是有效金额（元，最多两位小数，如 1234.50、1,234.50、¥1234.5）")
      return nil
    }
    guard amount > .zero || (orZero && amount == .zero) else {
      fail(field, Fen.notPositive)
      return nil
    }
    return amount
  }

  /// A month: `2022-05`, `2022/5`, `2022年5月`.
  public mutating func month(_ field: Field) -> Month? {
    guard let text = text(field) else { return nil }
    guard let month = Month(parsing: text) else {
      fail(field, "不是有效月份（可写 2022-05、2022/5、2022年5月；年份在 1880–2099 之内）")
      return nil
    }
    return month
  }

  /// A text cell with an upper bound on its length, so a pasted page does not become a title.
  /// Counted in characters and, so that one letter with twenty thousand combining marks is not one
  /// character, in Unicode scalars too (twice the limit leaves room for real combining marks).
  public mutating func line(_ field: Field, maxLength: Int = 200) -> String? {
    guard let text = text(field) else { return nil }
    guard text.count <= maxLength, text.unicodeScalars.count <= 2 * maxLength else {
      let length =
        text.count <= maxLength ? "\(text.unicodeScalars.count) 个 Unicode 码位，组合符号过多" : "\(text.count) 个字符"
      fail(field, "过长（\(length)，最多 \(maxLength) 个字符）", value: String(text.prefix(20)) + "…")
      return nil
    }
    return text
  }

  /// A telephone number: digits, `+`, `-` and blanks, at least 7 digits.
  public mutating func phone(_ field: Field) -> String? {
    guard let text = text(field)?.halfWidth else { return nil }
    let digits = text.filter(\.isASCIIDigit).count
    guard digits >= 7, text.allSatisfy({ $0.isASCIIDigit || "+- ".contains($0) }) else {
      // Personal information stays masked even in a message about it.
      fail(field, "不像电话号码（只能有数字、+、-，至少 7 位数字）", value: Masking.phone(text))
      return nil
    }
    return text
  }
}
