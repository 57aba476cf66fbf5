import Foundation

/// The formats every report renders to (SPEC §5).
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, md, csv, json, html, xlsx

  /// The format a file name asks for: `.txt`, `.md`, `.csv`, `.json`, `.html`/`.htm`, `.xlsx`.
  public init?(fileName: String) {
    switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .md
    case "csv": self = .csv
    case "json": self = .json
    case "html", "htm": self = .html
    case "xlsx": self = .xlsx
    default: return nil
    }
  }
}

extension ReportDocument {
  /// The document in a format other than JSON, as bytes to write to a file or stdout.
  public func rendered(as format: ReportFormat) -> Data {
    switch format {
    case .text, .json: Data(TextReport.render(self).utf8)
    case .md: Data(MarkdownReport.render(self).utf8)
    case .csv: Data(CSVReport.render(self).utf8)
    case .html: Data(HTMLReport.render(self).utf8)
    case .xlsx: XLSXReport.render(self)
    }
  }
}
