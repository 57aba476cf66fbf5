import LaoganText

/// A printable report (A4, print CSS): each section a bar chart drawn as inline SVG and its table, short
/// sections sharing a page, none split unless longer than a page (and then its header repeated); no scripts,
/// no fonts or styles fetched from the network.
enum HTMLReport {
  static func render(_ document: ReportDocument) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <title>\(escape(document.title))</title>
      <style>
      @page { size: A4; margin: 14mm; }
      body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
             font-size: 9.5pt; color: #1a1a1a; margin: 0 auto; max-width: 182mm; }
      h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
      .subtitle { text-align: center; color: #444; margin: 0 0 10pt; }
      section { break-inside: avoid; page-break-inside: avoid; padding-top: 6pt; }
      h2 { font-size: 12pt; border-bottom: 2px solid #b22; padding-bottom: 2pt; break-after: avoid; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      table { border-collapse: collapse; width: 100%; margin-top: 6pt; }
      th, td { border: 1px solid #888; padding: 1pt 5pt; }
      th { background: #f2e6e6; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      .note { color: #b22; }
      svg { display: block; margin: 4pt 0; }
      .legend span { display: inline-block; margin-right: 10pt; }
      .legend i { display: inline-block; width: 9pt; height: 9pt; margin-right: 3pt; vertical-align: middle; }
      </style>
      </head>
      <body>
      <h1>\(escape(document.title))</h1>
      <p class="subtitle">\(document.subtitle.map(escape).joined(separator: "　"))</p>

      """
    for section in document.sections {
      html += "<section>\n<h2>\(escape(section.title))</h2>\n"
      html += chart(section)
      html += table(section)
      for note in section.notes { html += "<p class=\"note\">注：\(escape(note))</p>\n" }
      html += "</section>\n"
    }
    return html + "</body>\n</html>\n"
  }

  private static func table(_ section: ReportDocument.Section) -> String {
    var html = "<table>\n<thead>\n"
    if !section.headerGroups.isEmpty {
      html += "<tr>"
      var column = 0
      while column < section.headers.count {
        if let group = section.headerGroups.first(where: { $0.first == column }) {
          html += "<th colspan=\"\(group.count)\">\(escape(group.title))</th>"
          column += group.count
        } else {
          html += "<th rowspan=\"2\">\(escape(section.headers[column]))</th>"
          column += 1
        }
      }
      html += "</tr>\n<tr>"
      for group in section.headerGroups {
        for column in group.columns {
          html += "<th>\(escape(section.headers[column]))</th>"
        }
      }
      html += "</tr>\n"
    } else {
      html += "<tr>" + section.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
    }
    html += "</thead>\n<tbody>\n"
    for row in section.rows {
      html +=
        "<tr>"
        + row.map { $0.isNumeric ? "<td class=\"n\">\(escape($0.text))</td>" : "<td>\(escape($0.text))</td>" }.joined()
        + "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// Horizontal bars of the first numeric columns of each row (本期, and 上期 and 去年同期 when compared), on
  /// one scale across the section so that rows compare — counts and money apart, so neither dwarfs the other.
  /// Only rows that are categories are charted: a list of records (a class list, those abroad) has numbers —
  /// a record's 编号, an age — that no bar compares.
  private static func chart(_ section: ReportDocument.Section) -> String {
    if case .list = section.combination { return "" }
    let series = section.headers.indices.filter { column in
      section.isNumeric(column) && !section.headers[column].contains("增减")
    }.prefix(3)
    guard let first = series.first else { return "" }
    let rows = section.rows.filter { $0[first].isNumeric }
    guard !rows.isEmpty else { return "" }
    let colors = ["#b22222", "#d98c8c", "#8c8c8c"]
    func value(_ cell: ReportDocument.Cell) -> Double {
      switch cell {
      case .number(let value), .money(let value): Double(max(value, 0))
      default: 0
      }
    }
    let cells = rows.flatMap { row in series.map { row[$0] } }
    func scale(for cell: ReportDocument.Cell) -> Double {
      max(cells.filter { sameKind($0, cell) }.map(value).max() ?? 1, 1)
    }
    let barHeight = 7.0
    let rowHeight = barHeight * Double(series.count) + 6
    let labelWidth = 150.0
    let width = 640.0
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
      + "height=\"\(Int(rowHeight * Double(rows.count) + 4))\" "
      + "role=\"img\" aria-label=\"\(escape(section.title))\">\n"
    for (index, row) in rows.enumerated() {
      let top = Double(index) * rowHeight + 2
      svg +=
        "<text x=\"\(labelWidth - 4)\" y=\"\(format(top + rowHeight / 2 + 3))\" font-size=\"9\" text-anchor=\"end\">"
        + "\(escape(row[0].text))</text>\n"
      for (offset, column) in series.enumerated() {
        let cell = row[column]
        let length = value(cell) / scale(for: cell) * (width - labelWidth - 70)
        let y = top + Double(offset) * barHeight
        svg +=
          "<rect x=\"\(labelWidth)\" y=\"\(format(y))\" width=\"\(format(length))\" "
          + "height=\"\(format(barHeight - 1))\" fill=\"\(colors[offset])\"/>"
        svg +=
          "<text x=\"\(format(labelWidth + length + 3))\" y=\"\(format(y + barHeight - 1))\" font-size=\"7\">"
          + "\(escape(cell.text))</text>\n"
      }
    }
    svg += "</svg>\n"
    if series.count > 1 {
      svg +=
        "<p class=\"legend\">"
        + series.enumerated().map { offset, column in
          "<span><i style=\"background:\(colors[offset])\"></i>\(escape(header(section, column)))</span>"
        }.joined() + "</p>\n"
    }
    return svg
  }

  private static func header(_ section: ReportDocument.Section, _ column: Int) -> String {
    section.flatHeaders[column]
  }

  private static func sameKind(_ a: ReportDocument.Cell, _ b: ReportDocument.Cell) -> Bool {
    switch (a, b) {
    case (.number, .number), (.money, .money): true
    default: false
    }
  }

  private static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }

  /// Text for HTML and for the XML inside an XLSX file. A control character, which XML 1.0 does not allow and
  /// which made a workbook laogan could not read back, is written as its code point (`<U+001B>`) first.
  static func escape(_ text: String) -> String {
    CellText.printable(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
