import Foundation

/// The table a clerk files, as an Excel workbook: a title row merged across the table, the subtitle, then
/// each section with its (two-level, merged) header, numbers as numbers — money in 元 with two decimals —
/// and column widths that fit the Chinese labels.
enum XLSXReport {
  static func render(_ document: ReportDocument) throws -> Data {
    try render([(document.title, document)])
  }

  /// Several documents as the named sheets of one workbook (`report pack`).
  static func render(_ documents: [(name: String, document: ReportDocument)]) throws -> Data {
    let sheets = documents.map { name, document in
      let (xml, titles) = sheet(document)
      return XLSXPackage.Sheet(name: name, xml: xml, printTitles: titles)
    }
    return try XLSXPackage.data(sheets: sheets, styles: styles)
  }

  /// Points of height for a row of CJK text with room above and below it (Excel's default 13.5 makes
  /// 宋体 touch the borders), and for a header row that may wrap to two lines.
  private static let rowHeight = 20.0
  private static let headerHeight = 32.0
  /// Wider than this many character widths, a table prints landscape.
  private static let portraitWidth = 100

  /// Style indexes of `styles`.
  private enum Style: Int {
    case plain = 0, title, header, text, count, money, section
  }

  /// The sheet's XML, and the header rows every printed page repeats: those of the first table, when every
  /// table has the same columns (a list in bands, the 323's groups); none when the tables differ.
  private static func sheet(_ document: ReportDocument) -> (xml: String, printTitles: ClosedRange<Int>?) {
    let width = max(document.sections.map(\.headers.count).max() ?? 1, 1)
    var rows: [String] = []
    var merges: [String] = []
    var firstHeader: ClosedRange<Int>?
    func row(_ cells: [(String, Style)], height: Double? = nil) {
      let number = rows.count + 1
      let xml = cells.enumerated().map { column, cell in
        inlineCell("\(ExcelColumn.letters(column))\(number)", cell.0, cell.1)
      }
      .joined()
      rows.append("<row r=\"\(number)\"\(height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? "")>\(xml)</row>")
    }
    func mergeRow(from: Int, to: Int) {
      let number = rows.count
      if to > from { merges.append("\(ExcelColumn.letters(from))\(number):\(ExcelColumn.letters(to))\(number)") }
    }
    row([(document.title, .title)], height: 24)
    mergeRow(from: 0, to: width - 1)
    for line in document.subtitle {
      row([(line, .plain)])
      mergeRow(from: 0, to: width - 1)
    }
    var widths = [Int](repeating: 8, count: width)
    for section in document.sections {
      row([])
      row([(section.title, .section)])
      mergeRow(from: 0, to: section.headers.count - 1)
      if !section.headerGroups.isEmpty {
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
        firstHeader = firstHeader ?? topNumber...(topNumber + 1)
      } else {
        row(section.headers.map { ($0, .header) }, height: headerHeight)
        firstHeader = firstHeader ?? rows.count...rows.count
      }
      for cells in section.rows {
        let number = rows.count + 1
        let xml = cells.enumerated().map { column, cell in
          let reference = "\(ExcelColumn.letters(column))\(number)"
          switch cell {
          case .number(let value): return "<c r=\"\(reference)\" s=\"\(Style.count.rawValue)\"><v>\(value)</v></c>"
          case .money(let fen):
            return "<c r=\"\(reference)\" s=\"\(Style.money.rawValue)\"><v>\(Fen(fen).description)</v></c>"
          case .text(let text): return inlineCell(reference, text, .text)
          case .empty: return "<c r=\"\(reference)\" s=\"\(Style.text.rawValue)\"/>"
          }
        }.joined()
        rows.append("<row r=\"\(number)\" ht=\"\(rowHeight)\" customHeight=\"1\">\(xml)</row>")
      }
      for note in section.notes {
        row([("注：" + note, .plain)])
        mergeRow(from: 0, to: section.headers.count - 1)
      }
      for (column, header) in section.headers.enumerated() where column < width {
        let longest = ([header] + section.rows.map { $0[column].text }).map(\.displayWidth).max() ?? 8
        widths[column] = min(max(widths[column], longest + 2), 60)
      }
    }
    let columns = widths.enumerated().map {
      "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>"
    }.joined()
    let mergeList = merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
    let mergeCells = merges.isEmpty ? "" : "<mergeCells count=\"\(merges.count)\">\(mergeList)</mergeCells>"
    let sameColumns = Set(document.sections.map { $0.headers + $0.headerGroups.map(\.title) }).count == 1
    let xml = """
      <worksheet xmlns="\(XLSXPackage.main)">\(XLSXPackage.fitToPage)\
      <sheetFormatPr defaultRowHeight="\(rowHeight)" customHeight="1"/>\
      <cols>\(columns)</cols><sheetData>\(rows.joined())</sheetData>\(mergeCells)\
      \(XLSXPackage.pageSetup(landscape: widths.reduce(0, +) > portraitWidth))</worksheet>
      """
    return (xml, sameColumns ? firstHeader : nil)
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
    <cellXfs count="7">\
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
    </cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
