import Foundation
import LaoganModel
import LaoganText

/// The table a clerk files, as an Excel workbook: a title row merged across the table, the subtitle, then
/// each section with its (two-level, merged) header, numbers as numbers — money in 元 with two decimals —
/// column widths that fit the Chinese labels, record numbers as plain integers, and A4 pages laid out so that
/// every table's header heads each of its pages (`PrintedPages`).
enum XLSXReport {
  static func render(_ document: ReportDocument) throws -> Data {
    try render([(document.title, document)])
  }

  /// Several documents as the named sheets of one workbook (`report pack`).
  static func render(_ documents: [(name: String, document: ReportDocument)]) throws -> Data {
    let sheets = documents.map { name, document in XLSXPackage.Sheet(name: name, xml: sheet(document)) }
    return try XLSXPackage.data(sheets: sheets, styles: styles)
  }

  /// Points of height for a row of CJK text with room above and below it (Excel's default 13.5 makes
  /// 宋体 touch the borders), for a header row that may wrap to two lines, and for the title.
  private static let rowHeight = 20.0
  private static let headerHeight = 32.0
  private static let titleHeight = 24.0
  /// A table's header is kept on a page with this many of its first rows.
  private static let rowsKeptWithHeader = 3

  /// Style indexes of `styles`.
  private enum Style: Int {
    case plain = 0, title, header, text, count, money, section, recordNumber
  }

  /// The sheet's XML, its pages laid out by `PrintedPages`: each table's header again at the top of a page
  /// it runs on to.
  private static func sheet(_ document: ReportDocument) -> String {
    let width = max(document.sections.map(\.headers.count).max() ?? 1, 1)
    let widths = columnWidths(document, count: width)
    var pages = PrintedPages(columnWidths: widths)
    var rows: [String] = []
    var merges: [String] = []
    func row(_ cells: [(String, Style)], height: Double = rowHeight) {
      let number = rows.count + 1
      let xml = cells.enumerated().map { column, cell in
        inlineCell("\(ExcelColumn.letters(column))\(number)", cell.0, cell.1)
      }
      .joined()
      rows.append("<row r=\"\(number)\" ht=\"\(height)\" customHeight=\"1\">\(xml)</row>")
      pages.add(height)
    }
    func mergeRow(from: Int, to: Int) {
      let number = rows.count
      if to > from { merges.append("\(ExcelColumn.letters(from))\(number):\(ExcelColumn.letters(to))\(number)") }
    }
    /// The section's header: one row, or two with the groups merged across and the rest merged down.
    func header(_ section: ReportDocument.Section) {
      guard !section.headerGroups.isEmpty else {
        row(section.headers.map { ($0, .header) }, height: headerHeight)
        return
      }
      let top = section.headers.indices.map { column in
        (
          section.headerGroups.first { $0.first == column }?.title
            ?? (section.group(of: column) != nil ? "" : section.headers[column]),
          Style.header
        )
      }
      row(top, height: headerHeight)
      let topNumber = rows.count
      for group in section.headerGroups {
        merges.append(
          "\(ExcelColumn.letters(group.columns.lowerBound))\(topNumber):\(ExcelColumn.letters(group.columns.upperBound - 1))\(topNumber)"
        )
      }
      row(
        section.headers.indices.map { column in
          section.group(of: column) != nil ? (section.headers[column], .header) : ("", .header)
        }, height: headerHeight)
      for column in section.headers.indices where section.group(of: column) == nil {
        merges.append("\(ExcelColumn.letters(column))\(topNumber):\(ExcelColumn.letters(column))\(topNumber + 1)")
      }
    }
    row([(document.title, .title)], height: titleHeight)
    mergeRow(from: 0, to: width - 1)
    for line in document.subtitle {
      row([(line, .plain)])
      mergeRow(from: 0, to: width - 1)
    }
    for section in document.sections {
      let headerRows = Double(section.headerGroups.isEmpty ? 1 : 2) * headerHeight
      let firstRows = min(rowsKeptWithHeader, section.rows.count)
      let notesKept = section.rows.count <= rowsKeptWithHeader ? section.notes.count : 0
      // The blank line and the title, the header, and the first rows (with the notes of a short table).
      let kept = 2 * rowHeight + headerRows + Double(firstRows + notesKept) * rowHeight
      if !pages.atTop && !pages.fits(kept) { pages.breakPage(after: rows.count) }
      if !pages.atTop { row([]) }
      row([(section.title, .section)])
      mergeRow(from: 0, to: section.headers.count - 1)
      header(section)
      let recordNumbers = Set(section.headers.indices.filter { section.headers[$0] == "编号" })
      for cells in section.rows {
        if !pages.fits(rowHeight) {
          pages.breakPage(after: rows.count)
          header(section)
        }
        let number = rows.count + 1
        let xml = cells.enumerated().map { column, cell in
          let reference = "\(ExcelColumn.letters(column))\(number)"
          switch cell {
          case .number(let value):
            let style = recordNumbers.contains(column) ? Style.recordNumber : .count
            return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
          case .money(let fen):
            return "<c r=\"\(reference)\" s=\"\(Style.money.rawValue)\"><v>\(Fen(fen).description)</v></c>"
          case .text(let text): return inlineCell(reference, text, .text)
          case .empty: return "<c r=\"\(reference)\" s=\"\(Style.text.rawValue)\"/>"
          }
        }.joined()
        rows.append("<row r=\"\(number)\" ht=\"\(rowHeight)\" customHeight=\"1\">\(xml)</row>")
        pages.add(rowHeight)
      }
      for note in section.notes {
        if !pages.fits(rowHeight) { pages.breakPage(after: rows.count) }
        row([("注：" + note, .plain)])
        mergeRow(from: 0, to: section.headers.count - 1)
      }
    }
    let columns = widths.enumerated().map {
      "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>"
    }.joined()
    let mergeList = merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
    let mergeCells = merges.isEmpty ? "" : "<mergeCells count=\"\(merges.count)\">\(mergeList)</mergeCells>"
    return """
      <worksheet xmlns="\(XLSXPackage.main)">\
      <sheetFormatPr defaultRowHeight="\(rowHeight)" customHeight="1"/>\
      <cols>\(columns)</cols><sheetData>\(rows.joined())</sheetData>\(mergeCells)\
      \(XLSXPackage.pageSetup(landscape: pages.landscape, scale: pages.scale))\(pages.xml)</worksheet>
      """
  }

  /// Each column wide enough for its longest header or cell in any section, in character widths (CJK two),
  /// between 8 and 60.
  private static func columnWidths(_ document: ReportDocument, count: Int) -> [Int] {
    var widths = [Int](repeating: 8, count: count)
    for section in document.sections {
      for (column, header) in section.headers.enumerated() where column < count {
        let longest = ([header] + section.rows.map { $0[column].text }).map(\.displayWidth).max() ?? 8
        widths[column] = min(max(widths[column], longest + 2), 60)
      }
    }
    return widths
  }

  private static func inlineCell(_ reference: String, _ text: String, _ style: Style) -> String {
    guard !text.isEmpty else { return "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>" }
    return
      "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\">"
      + "<is><t xml:space=\"preserve\">\(HTMLReport.escape(text))</t></is></c>"
  }

  /// Fonts: regular, bold, large bold. Cell formats in `Style` order.
  private static let styles = """
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>\
    <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>\
    <font><b/><sz val="16"/><name val="黑体"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFF2E6E6"/><bgColor indexed="64"/></patternFill>\
    </fill></fills>\
    <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
    <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>\
    </border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="8">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment \
    horizontal="center" vertical="center"/></xf>\
    <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" \
    applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">\
    <alignment vertical="center"/></xf>\
    <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" \
    applyAlignment="1"><alignment vertical="center"/></xf>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" \
    applyAlignment="1"><alignment vertical="center"/></xf>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" \
    applyAlignment="1"><alignment vertical="center"/></xf>\
    </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
