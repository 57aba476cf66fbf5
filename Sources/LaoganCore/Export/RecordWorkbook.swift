import Foundation
import LaoganModel
import LaoganText

/// An import kind's columns as an Excel workbook (SPEC §12): the empty template a clerk fills in, or an export
/// of records that imports back as it is. Either way each column is typed by what it accepts (`ColumnForm`):
/// dates are date cells, amounts and counts numbers, a 身份证号, phone or month column is formatted as text so
/// that Excel cannot turn it into a number or a date, and a closed set offers its values as a drop-down list
/// drawn from a hidden 选项 sheet. Every column says its accepted forms when a cell is selected.
public enum RecordWorkbook {
  /// `rows` are cells as `export` writes them (text), in `Field.allCases` order; none for a template.
  public static func data<Field: ImportField>(_ field: Field.Type, sheetName: String, rows: [[String]]) throws -> Data {
    let columns = Array(Field.allCases)
    let lists = columns.compactMap(\.form.choices)
    var sheets = [XLSXPackage.Sheet(name: sheetName, xml: sheet(columns, rows: rows), printTitles: 1...1)]
    if !lists.isEmpty { sheets.append(.init(name: choicesSheet, xml: choices(lists), hidden: true)) }
    return try XLSXPackage.data(sheets: sheets, styles: styles)
  }

  /// The header a template writes for `field`: its Chinese name, `*` when required (the import reads both).
  public static func header(_ field: some ImportField) -> String {
    field.rawValue + (field.isRequired ? "*" : "")
  }

  private static let choicesSheet = "选项"
  /// Excel's last row: a column's format and list hold for every row a clerk may fill.
  private static let lastRow = 1_048_576

  /// Style indexes of `styles`.
  private enum Style: Int {
    case plain = 0, header, requiredHeader, text, date, money, count
  }

  private static func style(of form: ColumnForm) -> Style {
    switch form {
    case .residentID, .phone, .month: .text
    case .date: .date
    case .money: .money
    case .count: .count
    default: .plain
    }
  }

  private static func sheet<Field: ImportField>(_ columns: [Field], rows: [[String]]) -> String {
    var xml = """
      <worksheet xmlns="\(XLSXPackage.main)">\(XLSXPackage.fitToPage)<sheetViews><sheetView workbookViewId="0">\
      <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>
      """
    for (index, field) in columns.enumerated() {
      let width = max(field.rawValue.displayWidth + 4, field.form == .residentID ? 22 : field.form == .date ? 12 : 10)
      xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\""
      xml += " style=\"\(style(of: field.form).rawValue)\"/>"
    }
    xml += "</cols><sheetData><row r=\"1\">"
    for (index, field) in columns.enumerated() {
      let style: Style = field.isRequired ? .requiredHeader : .header
      xml += text("\(ExcelColumn.letters(index))1", header(field), style)
    }
    xml += "</row>"
    for (offset, row) in rows.enumerated() {
      let number = offset + 2
      xml += "<row r=\"\(number)\">"
      for (index, value) in row.enumerated() where index < columns.count && !value.isEmpty {
        xml += cell("\(ExcelColumn.letters(index))\(number)", value, columns[index].form)
      }
      xml += "</row>"
    }
    xml += "</sheetData>" + validations(columns) + XLSXPackage.pageSetup(landscape: true) + "</worksheet>"
    return xml
  }

  /// One cell of an export, typed by its column: a date as Excel's serial in a date format, an amount or a
  /// count as a number, anything else (or a value that does not read as its type) as text.
  private static func cell(_ reference: String, _ value: String, _ form: ColumnForm) -> String {
    switch form {
    case .date:
      if let serial = CalendarDate(iso: value)?.excelSerial {
        return "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial)</v></c>"
      }
    case .money, .count:
      if Table.isNumber(value) {
        return "<c r=\"\(reference)\" s=\"\(style(of: form).rawValue)\"><v>\(value)</v></c>"
      }
    default: break
    }
    return text(reference, value, style(of: form))
  }

  private static func text(_ reference: String, _ value: String, _ style: Style) -> String {
    "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
      + HTMLReport.escape(value) + "</t></is></c>"
  }

  /// An input message on every column (its accepted forms), and a drop-down list on each closed set, drawing
  /// on its column of the 选项 sheet (a list written inline may not pass 255 characters; 56 民族 do).
  private static func validations<Field: ImportField>(_ columns: [Field]) -> String {
    var list = 0
    let rules = columns.enumerated().map { index, field in
      let letters = ExcelColumn.letters(index)
      let message = String(((field.isRequired ? "必填。" : "") + field.form.hint).prefix(255))
      let prompt =
        "promptTitle=\"\(HTMLReport.escape(String(field.rawValue.prefix(32))))\" "
        + "prompt=\"\(HTMLReport.escape(message))\""
      let range = "sqref=\"\(letters)2:\(letters)\(lastRow)\""
      guard let choices = field.form.choices else {
        return "<dataValidation allowBlank=\"1\" showInputMessage=\"1\" \(prompt) \(range)/>"
      }
      let source = ExcelColumn.letters(list)
      list += 1
      return """
        <dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" \
        errorTitle="\(HTMLReport.escape(String(field.rawValue.prefix(32))))" \
        error="请从下拉列表中选择" \(prompt) \(range)>\
        <formula1>'\(choicesSheet)'!$\(source)$1:$\(source)$\(choices.count)</formula1></dataValidation>
        """
    }
    return "<dataValidations count=\"\(rules.count)\">\(rules.joined())</dataValidations>"
  }

  /// The hidden 选项 sheet: each closed set's values down a column of its own.
  private static func choices(_ lists: [[String]]) -> String {
    let depth = lists.map(\.count).max() ?? 0
    var xml = "<worksheet xmlns=\"\(XLSXPackage.main)\"><sheetData>"
    for row in 0..<depth {
      xml += "<row r=\"\(row + 1)\">"
      for (column, list) in lists.enumerated() where row < list.count {
        xml += text("\(ExcelColumn.letters(column))\(row + 1)", list[row], .plain)
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  /// Fonts: regular, bold, bold red. Cell formats in `Style` order: text is format 49 (`@`), dates 164.
  private static let styles = """
    <styleSheet xmlns="\(XLSXPackage.main)">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
    <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>\
    <font><b/><sz val="11"/><color rgb="FFC00000"/><name val="宋体"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFF2E6E6"/><bgColor indexed="64"/></patternFill>\
    </fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="7">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
