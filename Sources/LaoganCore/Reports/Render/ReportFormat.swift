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

/// The formats a `ReportDocument` renders itself to. JSON is not among them: its shape carries the report's
/// own keys (SPEC §5), so each report writes its JSON from its own value.
public enum DocumentFormat: Sendable {
  case text, md, csv, html, xlsx
}

extension ReportFormat {
  /// The document format, or nil for JSON.
  public var documentFormat: DocumentFormat? {
    switch self {
    case .text: .text
    case .md: .md
    case .csv: .csv
    case .html: .html
    case .xlsx: .xlsx
    case .json: nil
    }
  }
}

extension ReportDocument {
  /// The document as bytes to write to a file or stdout.
  public func rendered(as format: DocumentFormat) throws -> Data {
    switch format {
    case .text: Data(TextReport.render(self))
    case .md: Data(MarkdownReport.render(self).utf8)
    case .csv: Data(CSVReport.render(self).utf8)
    case .html: Data(HTMLReport.render(self).utf8)
    case .xlsx: try XLSXReport.render(self)
    }
  }
}
