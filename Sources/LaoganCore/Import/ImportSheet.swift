import Foundation
import LaoganStore

/// The file an import reads — a CSV, or one sheet of an .xlsx workbook (SPEC §4, §12) — as rows of text cells,
/// each under the number a clerk finds it by: the CSV's line, or Excel's own row number.
enum ImportSheet {
  case csv(CSVReader, size: Int)
  case workbook(Workbook, sheet: (name: String, path: String))

  /// Opens `url` as a workbook when its bytes or its name say it is one (refusing a legacy .xls, an .ods, an
  /// encrypted or damaged workbook with what to save it as), as CSV otherwise. `sheet` is for a workbook only.
  init(url: URL, encoding: TextEncoding?, sheet: String?) throws {
    if SpreadsheetKind.isWorkbook(url) {
      if let encoding {
        throw LaoganError.invalidValue(
          field: "--encoding", value: encoding.rawValue, reason: "只有 CSV 才需要指定编码；.xlsx 工作簿自带编码")
      }
      let workbook = try Workbook(url: url)
      self = .workbook(workbook, sheet: try workbook.sheet(named: sheet))
      return
    }
    if let sheet {
      throw LaoganError.invalidValue(field: "--sheet", value: sheet, reason: "只有 .xlsx 工作簿才有工作表；这是 CSV 文件")
    }
    do {
      let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
      self = .csv(try CSVReader(url: url, encoding: encoding), size: size)
    } catch let error as CSVError {
      throw ImportFailure(problems: [ImportProblem(line: error.line, column: "", value: "", reason: error.reason)])
    }
  }

  var encoding: TextEncoding? {
    if case .csv(let reader, _) = self { reader.encoding } else { nil }
  }

  var sheetName: String? {
    if case .workbook(_, let sheet) = self { sheet.name } else { nil }
  }

  var isWorkbook: Bool { sheetName != nil }

  /// Every sheet of the workbook, in its order; nil for a CSV.
  var sheetNames: [String]? {
    if case .workbook(let workbook, _) = self { workbook.sheets.map(\.name) } else { nil }
  }

  /// Calls `body` with each row that has a non-blank cell, in order, and how far the reading has come (0 to
  /// 1: the CSV's bytes, or the workbook's rows against the rows its sheet says it spans; nil when it does
  /// not say); rethrows what `body` throws. Returns why the file could not be read to its end — a NUL byte, an
  /// unclosed quote, a damaged sheet —, if so.
  mutating func forEachRow(_ body: (CSVRecord, _ fraction: Double?) throws -> Void) throws -> CSVError? {
    switch self {
    case .csv(var reader, let size):
      while let record = reader.next() {
        try body(record, size > 0 ? min(Double(reader.bytesRead) / Double(size), 1) : nil)
      }
      self = .csv(reader, size: size)
      return reader.error
    case .workbook(let workbook, let sheet):
      return try workbook.forEachRow(ofSheet: sheet.path, body)
    }
  }
}
