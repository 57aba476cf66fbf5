import LaoganStore

/// Aligned tables for a terminal, CJK characters counted two columns wide; numbers right-aligned.
enum TextReport {
  /// The report as UTF-8 bytes, every table written into one buffer: a list of a province's cadres runs to
  /// tens of megabytes.
  static func render(_ document: ReportDocument) -> [UInt8] {
    var text = [UInt8]()
    func write(_ line: String) { text.append(contentsOf: line.utf8) }
    write(document.title + "\n" + document.subtitle.joined(separator: "\n") + "\n")
    for section in document.sections {
      write("\n" + section.title + "\n")
      // Short group titles (环比, 同比) prefix their columns; a long one is said once above the table.
      let headers = section.headers.enumerated().map { column, header in
        guard let group = section.group(of: column), group.title.count <= 2 else { return header }
        return group.title + header
      }
      for group in section.headerGroups where group.title.count > 2 {
        write("（第 \(group.first + 1)–\(group.first + group.count) 列：\(group.title.trimmingSuffix("："))）\n")
      }
      let numeric = Set(section.headers.indices.filter(section.isNumeric))
      Table.write(headers: headers, rows: section.rows, into: &text, rightAligned: numeric)
      for note in section.notes { write("注：" + note + "\n") }
    }
    return text
  }
}

extension String {
  func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}

/// GitHub-flavoured Markdown tables.
enum MarkdownReport {
  static func render(_ document: ReportDocument) -> String {
    var text = "# \(document.title)\n\n" + document.subtitle.map { "- \($0)\n" }.joined()
    for section in document.sections {
      text += "\n## \(section.title)\n\n"
      text += "| " + section.flatHeaders.map(escape).joined(separator: " | ") + " |\n"
      text += "|" + section.headers.indices.map { section.isNumeric($0) ? " ---: |" : " --- |" }.joined() + "\n"
      for row in section.rows { text += "| " + row.map { escape($0.text) }.joined(separator: " | ") + " |\n" }
      for note in section.notes { text += "\n> 注：\(note)\n" }
    }
    return text
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}

/// One CSV (UTF-8 with BOM) holding the title, then each section's title, header and rows.
enum CSVReport {
  static func render(_ document: ReportDocument) -> String {
    var lines = [[document.title]] + document.subtitle.map { [$0] }
    for section in document.sections {
      lines.append([])
      lines.append([section.title])
      lines.append(section.flatHeaders)
      lines += section.rows.map { $0.map(\.text) }
      lines += section.notes.map { ["注：\($0)"] }
    }
    return "\u{FEFF}" + lines.map { $0.map(Table.csvCell).joined(separator: ",") + "\r\n" }.joined()
  }
}
