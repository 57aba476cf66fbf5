import Foundation
import LaoganStore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An .xlsx workbook as `import` reads it (SPEC §12): its sheets by name, the shared strings its cells point
/// at, and which cell styles show a date. The ZIP container's entries are read by `WorkbookEntries` (inflated
/// by ZIPFoundation); the XML parts by Foundation's streaming parser, and a sheet row by row (`SheetReader`),
/// so that memory stays flat in the number of rows — but for the shared strings, which a workbook keeps once
/// for all its sheets.
struct Workbook {
  let url: URL
  /// The sheets in the workbook's order, with the ZIP path of each one's XML.
  let sheets: [(name: String, path: String)]
  let sharedStrings: [String]
  /// Indexes of the cell formats (a cell's `s`) whose number format is a date.
  let dateStyles: Set<Int>
  private let entries: WorkbookEntries

  /// Opens the workbook at `url`, or says what the file is and what to save it as.
  init(url: URL) throws(LaoganError) {
    self.url = url
    if let refusal = SpreadsheetKind.refusal(of: url) {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: refusal)
    }
    guard let entries = WorkbookEntries(url: url) else {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: SpreadsheetKind.damaged)
    }
    self.entries = entries
    if entries.contains("mimetype"), Self.text(of: "mimetype", in: entries)?.contains("opendocument") == true {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: SpreadsheetKind.openDocument)
    }
    guard entries.contains("xl/workbook.xml") else {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: SpreadsheetKind.damaged)
    }
    do {
      let relations = try PartParser.parse(entries, "xl/_rels/workbook.xml.rels", RelationsPart())
      let listed = try PartParser.parse(entries, "xl/workbook.xml", WorkbookPart())
      sheets = listed.sheets.compactMap { sheet in relations.targets[sheet.relation].map { (sheet.name, $0) } }
      sharedStrings =
        try relations.sharedStrings.map {
          try PartParser.parse(entries, $0, SharedStringsPart(), within: UnsafeWorkbook.sharedStringsBound).strings
        } ?? []
      dateStyles = try relations.styles.map { try PartParser.parse(entries, $0, StylesPart()).dateStyles } ?? []
    } catch let refusal as UnsafeWorkbook {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: refusal.reason)
    } catch {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: SpreadsheetKind.damaged)
    }
  }

  /// The sheet a clerk named, or the first one.
  func sheet(named name: String?) throws(LaoganError) -> (name: String, path: String) {
    guard let name else {
      guard let first = sheets.first else {
        throw LaoganError.spreadsheetRefused(path: url.path, reason: "工作簿里没有工作表")
      }
      return first
    }
    guard let sheet = sheets.first(where: { $0.name == name }) else {
      let names = sheets.map { "“\($0.name)”" }.joined(separator: "、")
      throw LaoganError.spreadsheetRefused(path: url.path, reason: "没有名为“\(name)”的工作表；工作簿里有 \(names)")
    }
    return sheet
  }

  /// Streams the sheet at `path` to `parser`, through a private temporary file: Foundation's parser reads a
  /// stream, and ZIPFoundation hands out an entry's bytes as they are inflated.
  func parse(sheet path: String, with delegate: some XMLParserDelegate) throws(LaoganError) -> Bool {
    do {
      return try PartParser.stream(entries, path, delegate)
    } catch let refusal as UnsafeWorkbook {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: refusal.reason)
    } catch {
      throw LaoganError.spreadsheetRefused(path: url.path, reason: SpreadsheetKind.damaged)
    }
  }

  private static func text(of path: String, in entries: WorkbookEntries) -> String? {
    var data = Data()
    guard (try? entries.read(path) { data.append($0) }) != nil else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}

/// What a file given to `import` is, from its first bytes: the spreadsheet files a clerk may have that are not
/// an .xlsx, each answered with what to save it as.
enum SpreadsheetKind {
  static let damaged = "不是有效的 .xlsx 工作簿（可能已损坏，或只是改了扩展名）：请在 Excel/WPS 中打开后另存为 Excel 工作簿（*.xlsx）"
  static let openDocument = "这是 OpenDocument 表格（.ods）：请在 WPS/LibreOffice 中另存为 Excel 工作簿（*.xlsx）或 CSV"
  static let legacy = "这是旧版 Excel（.xls）或 WPS 表格（.et）文件：请在 Excel/WPS 中“另存为” Excel 工作簿（*.xlsx）或 CSV"
  static let encrypted =
    "工作簿设了打开密码（已加密），无法读取：请在 Excel/WPS 中取消文档加密后另存为 Excel 工作簿（*.xlsx）"
  static let webPage = "这是网页系统导出的“.xls”（内容其实是网页表格）：请在 Excel/WPS 中打开后另存为 Excel 工作簿（*.xlsx）或 CSV"

  /// A ZIP container: an .xlsx (or an .ods, told apart inside it).
  static func isZip(_ head: [UInt8]) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

  /// Microsoft's compound file: a legacy .xls, a WPS .et, or an encrypted .xlsx.
  static func isCompoundFile(_ head: [UInt8]) -> Bool {
    head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  }

  /// Whether `url` is to be read as a workbook rather than as CSV: a ZIP or compound file, or a name ending in
  /// a spreadsheet program's extension.
  static func isWorkbook(_ url: URL) -> Bool {
    let head = Self.head(of: url)
    return isZip(head) || isCompoundFile(head)
      || ["xlsx", "xlsm", "xls", "et", "ods"].contains(url.pathExtension.lowercased())
  }

  /// Why the file cannot be read as an .xlsx, or nil when it may be one.
  static func refusal(of url: URL) -> String? {
    let head = Self.head(of: url)
    if isZip(head) { return nil }
    if isCompoundFile(head) {
      // An encrypted .xlsx is a compound file holding an `EncryptionInfo` stream, named in UTF-16.
      let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      let whole = (try? Data(contentsOf: url, options: .mappedIfSafe)) ?? Data()
      return whole.range(of: marker) != nil ? encrypted : legacy
    }
    let text = String(decoding: head, as: UTF8.self).lowercased()
    if text.contains("<html") || text.contains("<table") || text.contains("<!doctype") { return webPage }
    return damaged
  }

  private static func head(of url: URL) -> [UInt8] {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
    defer { try? handle.close() }
    return Array((try? handle.read(upToCount: 512)) ?? Data())
  }
}

/// Reads one XML part of the workbook with a delegate that collects what it needs.
private enum PartParser {
  static func parse<Part: XMLParserDelegate>(
    _ entries: WorkbookEntries, _ path: String, _ part: Part, within bound: UnsafeWorkbook.Bound? = nil
  ) throws -> Part {
    guard try stream(entries, path, part, within: bound) else { throw CocoaError(.fileReadCorruptFile) }
    return part
  }

  /// Inflates the entry into a private temporary folder — within `UnsafeWorkbook`'s bounds — and parses it
  /// from there as a stream, once its prolog is known to declare no DTD.
  static func stream(
    _ entries: WorkbookEntries, _ path: String, _ delegate: some XMLParserDelegate,
    within bound: UnsafeWorkbook.Bound? = nil
  ) throws -> Bool {
    guard entries.contains(path) else { throw CocoaError(.fileNoSuchFile) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("laogan-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("part.xml")
    guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    let output = try FileHandle(forWritingTo: file)
    var inflated: UInt64 = 0
    var text = UTF8Check()
    do {
      defer { try? output.close() }
      try entries.read(path) { chunk in
        inflated += UInt64(chunk.count)
        try UnsafeWorkbook.checkInflated(inflated, from: entries.compressedSize(of: path), part: path)
        if let bound, inflated > bound.bytes { throw UnsafeWorkbook(reason: bound.reason) }
        guard text.feed(chunk) else { throw UnsafeWorkbook(reason: SpreadsheetKind.damaged) }
        try output.write(contentsOf: chunk)
      }
    }
    guard text.isComplete else { throw UnsafeWorkbook(reason: SpreadsheetKind.damaged) }
    try UnsafeWorkbook.checkProlog(of: file)
    guard let stream = InputStream(url: file) else { throw CocoaError(.fileReadUnknown) }
    let parser = XMLParser(stream: stream)
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    return parser.parse()
  }
}

/// A workbook is untrusted input (a file from anyone, by mail or U disk), refused when it is built to harm:
/// a part that inflates past any real sheet's size, or at a ratio no spreadsheet reaches (a ZIP bomb), and XML
/// that declares a DTD — which Excel, WPS and LibreOffice never write, and through which entity expansion
/// ("billion laughs") and external entities (XXE, reading a file of this machine) would come.
struct UnsafeWorkbook: Error {
  let reason: String

  /// No real part inflates past this: a million rows of ten cells is about 600 MB of sheet XML.
  static let maxPartBytes: UInt64 = 2 << 30
  /// Sheet XML deflates ten to thirty times; beyond this ratio (once past `ratioFrom`) it is no spreadsheet.
  static let maxRatio: UInt64 = 200
  static let ratioFrom: UInt64 = 16 << 20
  /// A part held whole in memory, and how far it may go.
  struct Bound {
    let bytes: UInt64
    let reason: String
  }

  /// The shared strings are held in memory for the whole import (cells point at them from anywhere in the
  /// sheet); a roster's are a few megabytes, and past this the sheet belongs in a CSV, which streams.
  static let sharedStringsBound = Bound(
    bytes: 64 << 20, reason: "工作簿的共享字符串表解压后超过 64 MB，不宜整个读入内存：请把这个工作表另存为 CSV（UTF-8）后导入")

  /// The prolog (declaration, comments) read before the root element: a few hundred bytes in practice.
  static let maxPrologBytes = 64 << 10

  static func checkInflated(_ inflated: UInt64, from compressed: UInt64, part: String) throws {
    if inflated > maxPartBytes || (inflated > ratioFrom && inflated > max(compressed, 1) * maxRatio) {
      throw UnsafeWorkbook(reason: "工作簿中的 \(part) 解压后异常巨大（疑似“压缩炸弹”），拒绝读取；请确认文件来源，或在 Excel/WPS 中打开后重新保存")
    }
  }

  /// Reads the part's prolog — blanks, the XML declaration, processing instructions, comments — up to its
  /// first element, and refuses a `<!DOCTYPE` (or any other declaration) there.
  static func checkProlog(of file: URL) throws {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    let head = Array(try handle.read(upToCount: maxPrologBytes) ?? Data())
    var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    func at(_ text: String) -> Bool { head[index...].starts(with: Array(text.utf8)) }
    func skip(past end: String) -> Bool {
      let marker = Array(end.utf8)
      while index < head.count {
        if head[index...].starts(with: marker) {
          index += marker.count
          return true
        }
        index += 1
      }
      return false
    }
    while index < head.count {
      if [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) {
        index += 1
      } else if at("<?") {
        guard skip(past: "?>") else { break }
      } else if at("<!--") {
        guard skip(past: "-->") else { break }
      } else if at("<!") {
        throw UnsafeWorkbook(reason: "工作簿的 XML 含有文档类型声明（DOCTYPE），正常的 Excel/WPS 文件不会有，拒绝读取；请确认文件来源")
      } else {
        return
      }
    }
    guard head.count < maxPrologBytes else {
      throw UnsafeWorkbook(reason: SpreadsheetKind.damaged)
    }
  }
}

/// Checks that a part's bytes are UTF-8 as they are inflated, a chunk at a time. Excel, WPS and LibreOffice
/// write every part in UTF-8, and Foundation's XML parser on Linux traps — ends the process — on an element or
/// attribute whose bytes are not (found by fuzzing, `Benchmarks/fuzz-workbook.sh`), so such a part is refused
/// as damaged before it is parsed.
struct UTF8Check {
  /// The first bytes of a character the last chunk cut in two.
  private var carried: [UInt8] = []

  /// Whether everything fed so far is UTF-8, but for a character still to be completed by the next chunk.
  mutating func feed(_ chunk: Data) -> Bool {
    let bytes = carried + chunk
    var index = bytes.count - 1
    var continuations = 0
    while index >= 0, continuations < 3, bytes[index] & 0xC0 == 0x80 {
      continuations += 1
      index -= 1
    }
    var end = bytes.count
    if index >= 0, bytes[index] >= 0xC0 {
      let length = bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : 2
      if continuations + 1 < length { end = index }
    }
    carried = Array(bytes[end...])
    return String(validating: bytes[..<end], as: UTF8.self) != nil
  }

  /// Whether the part ended on a whole character.
  var isComplete: Bool { carried.isEmpty }
}

/// `xl/_rels/workbook.xml.rels`: where each sheet, the shared strings and the styles are.
private final class RelationsPart: NSObject, XMLParserDelegate {
  var targets: [String: String] = [:]
  var sharedStrings: String?
  var styles: String?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    guard elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
    // Targets are relative to xl/, or absolute from the package's root.
    let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    targets[id] = path
    let type = attributes["Type"] ?? ""
    if type.hasSuffix("/sharedStrings") { sharedStrings = path }
    if type.hasSuffix("/styles") { styles = path }
  }
}

/// `xl/workbook.xml`: the sheets' names, in order, and their relation ids.
private final class WorkbookPart: NSObject, XMLParserDelegate {
  var sheets: [(name: String, relation: String)] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    guard elementName == "sheet", let name = attributes["name"],
      let relation = attributes["r:id"] ?? attributes["id"]
    else { return }
    sheets.append((name, relation))
  }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic guides (`<rPh>`) left out.
private final class SharedStringsPart: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var inPhonetic = false

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch elementName {
    case "si": current = ""
    case "rPh": inPhonetic = true
    case "t": inText = !inPhonetic
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "si": strings.append(current)
    case "rPh": inPhonetic = false
    case "t": inText = false
    default: break
    }
  }
}

/// `xl/styles.xml`: which cell formats (`<cellXfs>`, indexed by a cell's `s`) show a date.
private final class StylesPart: NSObject, XMLParserDelegate {
  var dateStyles: Set<Int> = []
  private var customFormats: [Int: String] = [:]
  private var inCellFormats = false
  private var cellFormatCount = 0

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch elementName {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats:
      let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
      if NumberFormat.showsDate(id: format, code: customFormats[format]) { dateStyles.insert(cellFormatCount) }
      cellFormatCount += 1
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    if elementName == "cellXfs" { inCellFormats = false }
  }
}

/// Excel's number formats, as far as telling a date from a number goes.
enum NumberFormat {
  /// Excel's built-in date formats (14–22, 45–47) and those of its Chinese, Japanese and Korean editions
  /// (27–36, 50–58).
  static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  /// Whether format `id` (with its `code` when custom) shows a date: a built-in date format, or a code with a
  /// year, month or day part outside its quoted text, escapes and bracketed colours or conditions.
  static func showsDate(id: Int, code: String?) -> Bool {
    if builtInDates.contains(id) { return true }
    guard let code else { return false }
    var plain = ""
    var quoted = false
    var bracketed = false
    var escaped = false
    for character in code {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
      } else if quoted {
        continue
      } else if character == "[" {
        bracketed = true
      } else if character == "]" {
        bracketed = false
      } else if !bracketed {
        plain.append(character)
      }
    }
    let lowered = plain.lowercased()
    return lowered.contains("y") || lowered.contains("d") || plain.contains("年") || plain.contains("日")
  }
}
