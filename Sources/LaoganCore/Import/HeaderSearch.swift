import LaoganText

/// Finds a sheet's header row (SPEC §12): clerks' sheets often open with a title row or two (`2024年离退休干部
/// 花名册`, a unit and a date), so the header is the first row, among the first `searched`, that names a column
/// of the kind. If none of them does, the first row is the header, and its unknown columns are reported with
/// the nearest known names. Once found, it places each problem where a clerk finds it: a CSV's line and
/// header, or a workbook's row, column letter and header.
struct HeaderSearch<Field: ImportField> {
  static var searched: Int { 10 }
  let ignoreUnknown: Bool
  let isWorkbook: Bool
  private var firstRow: CSVRecord?
  private var rowsSkipped = 0
  private var found: (columns: HeaderMap<Field>, row: CSVRecord)?
  /// A header row with columns laogan does not know, held back one row: it may be the upper row of a
  /// two-row header (a merged 基本信息 over 性别、民族; 姓名 merged down both rows).
  private var upper: CSVRecord?

  init(ignoreUnknown: Bool, isWorkbook: Bool) {
    self.ignoreUnknown = ignoreUnknown
    self.isWorkbook = isWorkbook
  }

  /// The columns to read `row` by, or nil when `row` is the header or a title row above it.
  mutating func columns(after row: CSVRecord) throws -> HeaderMap<Field>? {
    if let found { return found.columns }
    if let upper {
      self.upper = nil
      guard HeaderMap<Field>.namesAColumn(row) else {
        // Not a second header row: the first was the header, unknown columns and all, and this is data.
        let columns = try map(upper)
        found = (columns, upper)
        return columns
      }
      // Each column is named by the lower row, or, where a cell was merged down, by the upper one.
      let merged = CSVRecord(
        line: row.line,
        cells: (0..<max(upper.cells.count, row.cells.count)).map { index in
          let lower = index < row.cells.count ? row.cells[index] : ""
          return lower.trimmed.isEmpty && index < upper.cells.count ? upper.cells[index] : lower
        })
      found = (try map(merged), merged)
      return nil
    }
    if HeaderMap<Field>.namesAColumn(row) {
      if !ignoreUnknown && HeaderMap<Field>.namesAnUnknownColumn(row) {
        upper = row
        return nil
      }
      found = (try map(row), row)
    } else {
      firstRow = firstRow ?? row
      rowsSkipped += 1
      if rowsSkipped == Self.searched, let firstRow { found = (try map(firstRow), firstRow) }
    }
    return nil
  }

  /// The header once every row was read, with its line: what was found, else the first row's verdict.
  func columnsAtEnd() throws -> (columns: HeaderMap<Field>, line: Int) {
    if let found { return (found.columns, found.row.line) }
    if let upper { return (try map(upper), upper.line) }
    guard let firstRow else {
      throw ImportFailure(problems: [ImportProblem(line: 1, column: "", value: "", reason: "文件是空的，没有表头行")])
    }
    return (try map(firstRow), firstRow.line)
  }

  /// `problem` with its column's letters when the file is a workbook.
  func locate(_ problem: ImportProblem, header: CSVRecord? = nil) -> ImportProblem {
    guard isWorkbook else { return problem }
    var located = problem
    located.letters = ""
    guard !problem.column.isEmpty, let header = header ?? found?.row else { return located }
    let index =
      found?.columns.index(ofField: problem.column)
      ?? header.cells.firstIndex { $0.trimmed == problem.column || HeaderName.normalized($0) == problem.column }
    located.letters = index.map(ExcelColumn.letters) ?? ""
    return located
  }

  private func map(_ row: CSVRecord) throws -> HeaderMap<Field> {
    do {
      return try HeaderMap(row, ignoreUnknown: ignoreUnknown)
    } catch {
      throw ImportFailure(problems: error.problems.map { locate($0, header: row) })
    }
  }
}
