import Foundation
import ZIPFoundation

/// An .xlsx package around sheets whose XML the caller writes — the parts Excel, WPS and LibreOffice need,
/// deflated into a ZIP by ZIPFoundation. Every entry carries the same date, so the same sheets give the same
/// bytes.
enum XLSXPackage {
  struct Sheet {
    /// Excel allows 31 characters and none of `/\?*[]:`.
    let name: String
    let xml: String
    /// Kept out of sight in the workbook (the lists a template's drop-downs draw on).
    var hidden = false
    /// Rows printed again at the top of every page (a table's header), 1-based.
    var printTitles: ClosedRange<Int>?

    init(name: String, xml: String, hidden: Bool = false, printTitles: ClosedRange<Int>? = nil) {
      self.name = String(name.map { "/\\?*[]:".contains($0) ? "-" : $0 }.prefix(31))
      self.xml = xml
      self.hidden = hidden
      self.printTitles = printTitles
    }
  }

  /// What every printed sheet shares (SPEC §12: a clerk files it on A4): a table fits the page's width —
  /// landscape when it is wide — and runs on to as many pages as it needs, centred, numbered in the footer.
  /// `fitToPage` must open the worksheet (`sheetPr`), the rest close it.
  static let fitToPage = "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"

  /// The page setup; at `scale` per cent when given (a sheet that lays out its own pages, without
  /// `fitToPage`), else fitted to the page's width.
  static func pageSetup(landscape: Bool, scale: Int? = nil) -> String {
    let size = scale.map { "scale=\"\($0)\"" } ?? "fitToWidth=\"1\" fitToHeight=\"0\""
    return """
      <printOptions horizontalCentered="1"/>\
      <pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
      <pageSetup paperSize="9" orientation="\(landscape ? "landscape" : "portrait")" \(size)/>\
      <headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>
      """
  }

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  /// 1980-01-01, the first day a ZIP entry can carry.
  private static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  static func data(sheets: [Sheet], styles: String) throws -> Data {
    let archive = try Archive(accessMode: .create)
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
      ("_rels/.rels", rootRelations),
      ("xl/workbook.xml", workbook(sheets)),
      ("xl/_rels/workbook.xml.rels", workbookRelations(sheetCount: sheets.count)),
      ("xl/styles.xml", styles),
    ]
    for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml)) }
    for (path, text) in parts {
      let data = Data((text.hasPrefix("<?xml") ? text : declaration + text).utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
        compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
  }

  private static func workbook(_ sheets: [Sheet]) -> String {
    let listed = sheets.enumerated().map { index, sheet in
      "<sheet name=\"\(HTMLReport.escape(sheet.name))\" sheetId=\"\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "")"
        + " r:id=\"rId\(index + 1)\"/>"
    }
    let titles = sheets.enumerated().compactMap { index, sheet in
      sheet.printTitles.map {
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
          + "'\(HTMLReport.escape(sheet.name.replacingOccurrences(of: "'", with: "''")))'!"
          + "$\($0.lowerBound):$\($0.upperBound)</definedName>"
      }
    }
    let defined = titles.isEmpty ? "" : "<definedNames>\(titles.joined())</definedNames>"
    return
      "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets>\(listed.joined())</sheets>\(defined)</workbook>"
  }

  private static func contentTypes(sheetCount: Int) -> String {
    let sheets = (1...max(sheetCount, 1)).map {
      "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return """
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      \(sheets.joined())\
      <Override PartName="/xl/styles.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      </Types>
      """
  }

  private static let rootRelations = """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relations)/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

  private static func workbookRelations(sheetCount: Int) -> String {
    let sheets = (1...max(sheetCount, 1)).map {
      "<Relationship Id=\"rId\($0)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
    }
    return """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(sheets.joined())<Relationship Id="rStyles" Type="\(relations)/styles" Target="styles.xml"/>\
      </Relationships>
      """
  }
}
