import LaoganModel
import LaoganText

/// A column an import kind knows: its exact Chinese header (the raw value) and its English alias.
public protocol ImportField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
  var alias: String { get }
  var isRequired: Bool { get }
  /// What the column accepts (`ColumnForm`), for templates and the manual.
  var form: ColumnForm { get }
  /// A cell as outputs show it when personal information is hidden (PIPL).
  func masked(_ text: String) -> String
}

extension ImportField {
  /// Hashed by the ASCII alias: hashing the Chinese header normalizes its Unicode first, and every row of a
  /// file is a dictionary of fields.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(alias)
  }

  /// A phone column is masked whatever its spelling (`139 0000 1234`, `0859-3221234`); in any other cell,
  /// any 身份证号 or mobile number in it (a 书记, a participants list).
  public func masked(_ text: String) -> String {
    form == .phone && !text.isEmpty ? Masking.phone(text) : Masking.inText(text)
  }

  /// Cells naming a region are shown by name (州直 for the prefecture's own records).
  package var isRegion: Bool { alias == "region" }

  /// Whether the cell names a record — its kind's own key (名称, 卡号) or a Party organization it points
  /// at — and is compared with stored names as a key (`CellText.key`). By alias, not by `form`, which builds
  /// a closed set's list each time: every cell of a file is asked.
  var isKey: Bool {
    switch alias {
    case "name", "card_number", "organization", "party_organization", "recipient": true
    default: false
    }
  }

  /// Whether the cell may hold tabs and line breaks: a note, and nothing else.
  var isNote: Bool { alias == "note" }
}

extension CadreField: ImportField {
  public func masked(_ text: String) -> String {
    switch self {
    case .residentID: Masking.residentID(text)
    case .phone, .emergencyPhone: text.isEmpty ? text : Masking.phone(text)
    default: text
    }
  }
}

/// Which column of a file holds which field, read from its header row: headers in any order, Chinese or
/// English (SPEC §4), in the variants sheets use (`HeaderName`). Unknown (with the nearest known header),
/// repeated and missing required headers are all reported at once.
struct HeaderMap<Field: ImportField> {
  private let positions: [(field: Field, index: Int)]
  let width: Int

  init(_ header: CSVRecord, ignoreUnknown: Bool) throws(ImportFailure) {
    if let mistake = HeaderMap.separatorMistake(header) { throw ImportFailure(problems: [mistake]) }
    var found: [Field: Int] = [:]
    var problems: [ImportProblem] = []
    for (index, raw) in header.cells.enumerated() {
      let name = HeaderName.normalized(raw)
      if name.isEmpty || name == HeaderName.rowNumber { continue }
      guard let field = Field.allCases.first(where: { $0.rawValue == name || $0.alias == name.lowercased() }) else {
        if !ignoreUnknown {
          let known = Field.allCases.map(\.rawValue) + Field.allCases.map(\.alias)
          let guess = EditDistance.nearest(to: name, among: known).map { "；是不是“\($0)”？" } ?? ""
          problems.append(
            ImportProblem(
              line: header.line, column: raw.trimmed, value: "", reason: "不认识的列\(guess)（可加 --ignore-unknown 忽略）"))
        }
        continue
      }
      if found[field] != nil {
        problems.append(ImportProblem(line: header.line, column: name, value: "", reason: "列名重复"))
      }
      found[field] = index
    }
    for field in Field.allCases where field.isRequired && found[field] == nil {
      problems.append(ImportProblem(line: header.line, column: field.rawValue, value: "", reason: "缺少必需的列"))
    }
    guard problems.isEmpty else { throw ImportFailure(problems: problems) }
    positions = found.map { ($0.key, $0.value) }.sorted { $0.index < $1.index }
    width = header.cells.count
  }

  /// A header that is one cell holding several known headers joined by another separator — a full-width
  /// comma, a tab, a semicolon: the file is not comma-separated, and says so rather than "unknown column".
  private static func separatorMistake(_ header: CSVRecord) -> ImportProblem? {
    let filled = header.cells.filter { !$0.trimmed.isEmpty }
    guard filled.count == 1, let cell = filled.first else { return nil }
    for (separator, name) in [("，", "全角逗号（，）"), ("\t", "制表符"), (";", "分号（;）"), ("；", "全角分号（；）")] {
      let names = cell.components(separatedBy: separator).map(HeaderName.normalized)
      let known = names.filter { name in
        Field.allCases.contains { $0.rawValue == name || $0.alias == name.lowercased() }
      }
      guard known.count >= 2 else { continue }
      return ImportProblem(
        line: header.line, column: "", value: String(cell.prefix(30)),
        reason: "表头只有一格：这个文件用\(name)分隔各列，不是逗号；请在 Excel/WPS 中另存为“CSV（逗号分隔）”再导入")
    }
    return nil
  }

  /// Whether `row` names at least one column of this kind: the header row of a sheet with title rows above
  /// it (SPEC §12) is the first that does.
  static func namesAColumn(_ row: CSVRecord) -> Bool {
    row.cells.contains { cell in
      let name = HeaderName.normalized(cell)
      return Field.allCases.contains { $0.rawValue == name || $0.alias == name.lowercased() }
    }
  }

  /// Whether `row` has a header cell no field of this kind answers to (序号 aside).
  static func namesAnUnknownColumn(_ row: CSVRecord) -> Bool {
    row.cells.contains { cell in
      let name = HeaderName.normalized(cell)
      return !name.isEmpty && name != HeaderName.rowNumber
        && !Field.allCases.contains { $0.rawValue == name || $0.alias == name.lowercased() }
    }
  }

  /// The position of the column holding the field whose header is `name`, for naming its letter.
  func index(ofField name: String) -> Int? {
    positions.first { $0.field.rawValue == name }?.index
  }

  /// Whether the file has a column for `field`: an absent column leaves an existing record's value alone.
  func contains(_ field: Field) -> Bool {
    positions.contains { $0.field == field }
  }

  /// A data row's cells under their fields, trimmed; a field whose column the row falls short of is absent.
  func reader(of record: CSVRecord) -> FieldReader<Field> {
    var cells: [(field: Field, text: String)] = []
    cells.reserveCapacity(positions.count)
    for (field, index) in positions where index < record.cells.count {
      cells.append((field, record.cells[index].trimmed))
    }
    return FieldReader(trimmed: cells)
  }
}
