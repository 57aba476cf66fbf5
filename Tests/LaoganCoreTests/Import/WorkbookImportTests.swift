import Foundation
import Testing
import ZIPFoundation

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Importing an .xlsx workbook (SPEC §12)")
final class WorkbookImportTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  func count() throws -> Int {
    try database.rowCount("cadre")
  }

  /// A workbook in the forms Excel itself writes: a merged title row above the header, shared strings (one
  /// with rich-text runs and a phonetic guide), an inline string, a formula's cached text, a boolean, a
  /// phone number stored as a number, a date in a custom 年月日 format, and a second sheet.
  func excelWorkbook() throws -> URL {
    let header = ["姓名", "身份证号", "类别", "管理地区", "离退休日期", "党员", "联系电话"]
    let strings = header + ["退休", "兴义", "花名册（2024年3月）"]
    let sharedStrings =
      strings.map { "<si><t>\($0)</t></si>" }.joined()
      + "<si><r><t>张</t></r><r><rPr><b/></rPr><t>三丰</t></r><rPh sb=\"0\" eb=\"1\"><t>ジャン</t></rPh></si>"
    let headerCells = header.indices.map { "<c r=\"\(ExcelColumn.letters($0))2\" t=\"s\"><v>\($0)</v></c>" }
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="s"><v>9</v></c></row>
      <row r="2">\(headerCells.joined())</row>
      <row r="3"><c r="A3" t="s"><v>10</v></c><c r="B3" t="inlineStr"><is><t>\(KnownIDs.woman1930)</t></is></c>\
      <c r="C3" t="str"><f>"退"&amp;"休"</f><v>退休</v></c><c r="D3" t="s"><v>8</v></c>\
      <c r="E3" s="1"><v>32874</v></c><c r="F3" t="b"><v>1</v></c><c r="G3"><v>13912345678</v></c></row>
      <row r="5"><c r="A5"><v></v></c></row>
      </sheetData><mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells></worksheet>
      """
    let other = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>别的表</t></is></c></row></sheetData></worksheet>
      """
    return try folder.write(
      "花名册.xlsx", XLSXParts.workbook(sheets: [("说明", other), ("花名册", sheet)], sharedStrings: sharedStrings))
  }

  @Test(
    "Excel's own forms: title row, shared and inline strings, a formula, a boolean, a number, a 年月日 date",
    arguments: TestEngine.available)
  func excelForms(on engine: TestEngine) throws {
    try use(engine)
    let file = try excelWorkbook()
    let summary = try database.importRecords(
      CadreKind.self, from: file, options: ImportOptions(sheet: "花名册"), testContext)
    #expect(summary.sheet == "花名册")
    #expect(summary.encoding == nil)
    #expect(summary.headerLine == 2)
    #expect(summary.added == 1)
    let cadre = try database.cadre("张三丰")
    #expect(cadre.regionCode == "522301")
    #expect(cadre.retiredOn?.description == "1990-01-01")
    #expect(cadre.isPartyMember)
    #expect(cadre.phone == "13912345678")
  }

  @Test(
    "the first sheet unless one is named; a sheet that is not there is named with those that are",
    arguments: TestEngine.available)
  func sheets(on engine: TestEngine) throws {
    try use(engine)
    let file = try excelWorkbook()
    // The data is on the second sheet: the failure names the sheets and --sheet.
    let failure = try #require(throws: ImportFailure.self) {
      try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(
      failure.localizedDescription.contains("工作簿有 2 个工作表（“说明”、“花名册”），读的是第一个“说明”；数据在其他表时加 --sheet 表名，如 --sheet 花名册"))
    do {
      _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(sheet: "名单"), testContext)
      Issue.record("a missing sheet was read")
    } catch let error as LaoganError {
      #expect(error.localizedDescription.contains("没有名为“名单”的工作表；工作簿里有 “说明”、“花名册”"))
    }
    #expect(try count() == 0)
  }

  @Test(
    "bad cells are named by Excel's row, column letter and header; a number for a 身份证号 is Excel's damage",
    arguments: TestEngine.available)
  func badCells(on engine: TestEngine) throws {
    try use(engine)
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="3"><c r="A3" t="inlineStr"><is><t>序号</t></is></c><c r="B3" t="inlineStr"><is><t>姓名</t></is></c>\
      <c r="C3" t="inlineStr"><is><t>身份证号</t></is></c><c r="D3" t="inlineStr"><is><t>类别</t></is></c>\
      <c r="E3" t="inlineStr"><is><t>管理地区</t></is></c></row>
      <row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>张三</t></is></c>\
      <c r="C4"><v>5.2232319300101002E+17</v></c><c r="D4" t="inlineStr"><is><t>退休</t></is></c>\
      <c r="E4" t="inlineStr"><is><t>兴义</t></is></c></row>
      <row r="5"><c r="A5"><v>2</v></c><c r="B5" t="inlineStr"><is><t>李四</t></is></c>\
      <c r="C5" t="inlineStr"><is><t>\(KnownIDs.man1950)</t></is></c><c r="D5" t="inlineStr"><is><t>退休</t></is></c>\
      <c r="E5" t="inlineStr"><is><t>火星</t></is></c></row>
      </sheetData></worksheet>
      """
    let file = try folder.write("bad.xlsx", XLSXParts.workbook(sheets: [("Sheet1", sheet)], sharedStrings: ""))
    do {
      _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
      Issue.record("a bad workbook was imported")
    } catch let failure as ImportFailure {
      let lines = failure.problems.map(\.description)
      #expect(lines.count == 2)
      #expect(lines.first?.hasPrefix("第 4 行 C 列 身份证号: ") == true)
      #expect(lines.first?.contains("Excel 把身份证号当成了数字") == true)
      #expect(lines.last?.hasPrefix("第 5 行 E 列 管理地区: 火星 — ") == true)
    }
    #expect(try count() == 0)
  }

  @Test(
    "an unknown header in a workbook is named by its letter, with the nearest known one",
    arguments: TestEngine.available)
  func unknownHeader(on engine: TestEngine) throws {
    try use(engine)
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c>\
      <c r="C1" t="inlineStr"><is><t>类别</t></is></c><c r="D1" t="inlineStr"><is><t>管理地区</t></is></c>\
      <c r="E1" t="inlineStr"><is><t>出身日期</t></is></c></row></sheetData></worksheet>
      """
    let file = try folder.write("head.xlsx", XLSXParts.workbook(sheets: [("Sheet1", sheet)], sharedStrings: ""))
    do {
      _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
      Issue.record("an unknown header was accepted")
    } catch let failure as ImportFailure {
      #expect(failure.problems.map(\.description) == ["第 1 行 E 列 出身日期: 不认识的列；是不是“出生日期”？（可加 --ignore-unknown 忽略）"])
    }
  }

  @Test(
    "a legacy .xls, an encrypted workbook, an .ods, a web page saved as .xls, a CSV renamed: what to save it as",
    arguments: TestEngine.available)
  func refusals(on engine: TestEngine) throws {
    try use(engine)
    let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    let encryptionInfo = "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let ods = try XLSXParts.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"])
    let cases: [(name: String, bytes: Data, says: String)] = [
      ("旧表.xls", Data(compound), "旧版 Excel（.xls）或 WPS 表格（.et）"),
      ("旧表.et", Data(compound), "旧版 Excel（.xls）或 WPS 表格（.et）"),
      ("加密.xlsx", Data(compound + encryptionInfo), "设了打开密码"),
      ("表.ods", ods, "OpenDocument 表格（.ods）"),
      ("导出.xls", Data("<html><body><table><tr><td>姓名</td></tr></table></body></html>".utf8), "网页"),
      ("改名.xlsx", Data("姓名,身份证号\n".utf8), "不是有效的 .xlsx 工作簿"),
    ]
    for (name, bytes, says) in cases {
      let file = try folder.write(name, bytes)
      do {
        _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
        Issue.record("\(name) was read")
      } catch let error as LaoganError {
        #expect(error.localizedDescription.contains(says), "\(name): \(error.localizedDescription)")
        #expect(error.localizedDescription.contains("另存为"), "\(name)")
      }
    }
    #expect(try count() == 0)
  }

  @Test("a workbook's facts are refused a second time like a CSV's, unless --again", arguments: TestEngine.available)
  func again(on engine: TestEngine) throws {
    try use(engine)
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>类型</t></is></c>\
      <c r="C1" t="inlineStr"><is><t>金额</t></is></c><c r="D1" t="inlineStr"><is><t>事由</t></is></c></row>
      <row r="2"><c r="A2" s="1"><v>45352</v></c><c r="B2" t="inlineStr"><is><t>拨入</t></is></c>\
      <c r="C2"><v>1234.5999999999999</v></c><c r="D2" t="inlineStr"><is><t>州财政</t></is></c></row>
      </sheetData></worksheet>
      """
    let file = try folder.write("fund.xlsx", XLSXParts.workbook(sheets: [("Sheet1", sheet)], sharedStrings: ""))
    #expect(try database.importRecords(FundKind.self, from: file, options: ImportOptions(), testContext).added == 1)
    #expect(throws: LaoganError.self) {
      try database.importRecords(FundKind.self, from: file, options: ImportOptions(), testContext)
    }
    #expect(
      try database.importRecords(FundKind.self, from: file, options: ImportOptions(again: true), testContext).added == 1
    )
    let rows = try database.read { try $0.rows(sql: "SELECT entered_on, amount_fen FROM fund_entry") }
    #expect(rows.map { "\($0[0] as String) \($0[1] as Int64)" } == ["2024-03-01 123460", "2024-03-01 123460"])
  }

  @Test(
    "the repository's CSV fixtures, saved as workbooks by openpyxl, import to exactly the same records",
    arguments: TestEngine.available)
  func fixturesAsWorkbooks(on engine: TestEngine) throws {
    try use(engine)
    let fromCSV = try folder.database("csv.db")
    let fromWorkbooks = try folder.database("xlsx.db")
    // Every fixture, in the order whose references resolve (RecordKinds.all).
    let kinds = RecordKinds.all.filter {
      FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0.name).csv").path)
    }
    #expect(kinds.count == 12)
    for kind in kinds {
      let csv = try fromCSV.importRecords(
        kind, from: fixtures.appendingPathComponent("\(kind.name).csv"), options: ImportOptions(), testContext)
      let workbook = try fromWorkbooks.importRecords(
        kind, from: fixtures.appendingPathComponent("xlsx/\(kind.name).xlsx"), options: ImportOptions(), testContext)
      #expect(workbook.headerLine == 2, "\(kind.name)")
      #expect((workbook.rows, workbook.added, workbook.warningCount) == (csv.rows, csv.added, csv.warningCount))
      func exported<Kind: RecordKind>(_ kind: Kind.Type, _ database: LaoganDatabase) throws -> LaoganCore.Table {
        try database.exportTable(kind, database.records(kind, RecordFilter()), reveal: true)
      }
      #expect(try exported(kind, fromWorkbooks) == exported(kind, fromCSV), "\(kind.name)")
    }
  }

  /// Imports `file` as cadres, expecting a refusal whose message contains `says`; nothing may be written.
  func expectRefused(_ file: URL, says: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    do {
      _ = try database.importRecords(CadreKind.self, from: file, options: ImportOptions(), testContext)
      Issue.record("\(file.lastPathComponent) was imported", sourceLocation: sourceLocation)
    } catch let error as LaoganError {
      #expect(
        error.localizedDescription.contains(says), "\(error.localizedDescription)", sourceLocation: sourceLocation)
    } catch let failure as ImportFailure {
      let lines = failure.problems.map(\.description).joined(separator: "\n")
      #expect(lines.contains(says), "\(lines)", sourceLocation: sourceLocation)
    }
    #expect(try count() == 0, sourceLocation: sourceLocation)
  }

  static let header = """
    <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c>\
    <c r="C1" t="inlineStr"><is><t>类别</t></is></c><c r="D1" t="inlineStr"><is><t>管理地区</t></is></c></row>
    """

  @Test("a DTD is refused before it is read: external entities (XXE) and billion laughs")
  func entities() throws {
    let xxe = """
      <?xml version="1.0"?>
      <!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(Self.header)
      <row r="2"><c r="A2" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>
      """
    let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE worksheet [<!ENTITY l0 "哈">\(laughs.joined())]>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(Self.header)
      <row r="2"><c r="A2" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>
      """
    for (name, sheet) in [("xxe.xlsx", xxe), ("laughs.xlsx", bomb)] {
      let file = try folder.write(name, XLSXParts.workbook(sheets: [("Sheet1", sheet)], sharedStrings: ""))
      try expectRefused(file, says: "DOCTYPE")
    }
    // In the shared strings too, read before any sheet.
    let strings = try folder.write(
      "strings.xlsx",
      XLSXParts.workbook(
        sheets: [("Sheet1", "<worksheet xmlns=\"\(XLSXPackage.main)\"><sheetData/></worksheet>")],
        sharedStrings: "", sharedStringsPrologue: "<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"))
    try expectRefused(strings, says: "DOCTYPE")
  }

  @Test("a ZIP bomb, a 100 MB shared-strings part, a truncated file: refused with what to do, in bounded memory")
  func bombs() throws {
    // 40 MB of blanks deflate to a few tens of kilobytes: a ratio no spreadsheet has.
    let blanks =
      "<worksheet xmlns=\"\(XLSXPackage.main)\"><sheetData>" + String(repeating: " ", count: 40 << 20)
      + "</sheetData></worksheet>"
    let bomb = try folder.write("bomb.xlsx", XLSXParts.workbook(sheets: [("Sheet1", blanks)], sharedStrings: ""))
    try expectRefused(bomb, says: "压缩炸弹")

    // Random text does not deflate: 100 MB of shared strings stored as they are, past the in-memory bound.
    let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom")).readData(ofLength: 75 << 20)
    let strings = "<si><t>" + random.base64EncodedString() + "</t></si>"
    let huge = try folder.write(
      "huge.xlsx",
      XLSXParts.workbook(
        sheets: [("Sheet1", "<worksheet xmlns=\"\(XLSXPackage.main)\"><sheetData/></worksheet>")],
        sharedStrings: strings, compressed: false))
    try expectRefused(huge, says: "另存为 CSV")

    let whole = try XLSXParts.workbook(sheets: [("Sheet1", "<worksheet/>")], sharedStrings: "")
    let truncated = try folder.write("truncated.xlsx", whole.prefix(whole.count / 2))
    try expectRefused(truncated, says: "不是有效的 .xlsx 工作簿")
  }

  @Test("a part that is not UTF-8 is refused before the XML parser sees it (a fuzzer's find that crashed it)")
  func notUTF8() throws {
    // From Benchmarks/fuzz-workbook.sh: xl/workbook.xml with the byte 0xB1 in an attribute, on which
    // Foundation's parser trapped and ended the process.
    try expectRefused(fixtures.appendingPathComponent("fuzz/workbook-not-utf8.xlsx"), says: "不是有效的 .xlsx 工作簿")
    // A character cut in two by a chunk's end waits for the next chunk.
    var check = UTF8Check()
    let character = Array("汉".utf8)
    let firstHalf = check.feed(Data(character.prefix(1)))
    #expect(firstHalf && !check.isComplete)
    let secondHalf = check.feed(Data(character.dropFirst()))
    #expect(secondHalf && check.isComplete)
    let foreign = check.feed(Data([0x61, 0xB1, 0x62]))
    #expect(!foreign)
  }

  @Test(
    "an entry whose deflate stream never ends is damaged, not a hang (a fuzzer's find)", .timeLimit(.minutes(1)))
  func streamNeverEnds() throws {
    // From Benchmarks/fuzz-workbook.sh: ZIPFoundation's own extract read on past the entry to the end of the
    // file and then forever; WorkbookEntries stops at the entry's compressed size.
    try expectRefused(
      fixtures.appendingPathComponent("fuzz/deflate-never-ends.xlsx"), says: "不是有效的 .xlsx 工作簿")
  }

  @Test("a file unreadable from its first line says why, not that it is empty")
  func unreadableFirstLine() throws {
    let file = try folder.write("nul.csv", Data("姓名,身份证号\u{0},类别,管理地区\n".utf8))
    try expectRefused(file, says: "line 1: 含有 NUL 字节")
  }

  @Test("a formula with no saved value and a cell over 64 KB are named by row and column")
  func unreadableCells() throws {
    let formula = """
      <worksheet xmlns="\(XLSXPackage.main)"><sheetData>\(Self.header)
      <row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2"><f>CONCAT("5223","01")</f></c></row>
      </sheetData></worksheet>
      """
    let file = try folder.write("formula.xlsx", XLSXParts.workbook(sheets: [("Sheet1", formula)], sharedStrings: ""))
    try expectRefused(file, says: "第 2 行: B 列是公式，但文件中没有保存它的计算结果")
    let long = """
      <worksheet xmlns="\(XLSXPackage.main)"><sheetData>\(Self.header)
      <row r="2"><c r="A2" t="inlineStr"><is><t>\(String(repeating: "长", count: 30_000))</t></is></c></row>
      </sheetData></worksheet>
      """
    let big = try folder.write("long.xlsx", XLSXParts.workbook(sheets: [("Sheet1", long)], sharedStrings: ""))
    try expectRefused(big, says: "第 2 行: A 列的单元格超过 64 KB")
  }

  @Test("numbers as Excel shows them; dates told by their format")
  func numbersAndFormats() {
    #expect(SheetNumber.text("1E+3") == "1000")
    #expect(SheetNumber.text("1234.5999999999999") == "1234.6")
    #expect(SheetNumber.text("0.30000000000000004") == "0.3")
    #expect(SheetNumber.text("13912345678") == "13912345678")
    #expect(SheetNumber.text("5.2232319300101002E+17") == "5.2232319300101002E+17")
    #expect(NumberFormat.showsDate(id: 14, code: nil))
    #expect(NumberFormat.showsDate(id: 57, code: nil))
    #expect(!NumberFormat.showsDate(id: 0, code: nil))
    #expect(NumberFormat.showsDate(id: 176, code: "yyyy\"年\"m\"月\"d\"日\""))
    #expect(NumberFormat.showsDate(id: 177, code: "[$-804]yyyy/m/d"))
    #expect(!NumberFormat.showsDate(id: 178, code: "[Red]0.00"))
    #expect(!NumberFormat.showsDate(id: 179, code: "0.00\"天\""))
    #expect(!NumberFormat.showsDate(id: 180, code: "#,##0\\d"))
    #expect(ExcelColumn.letters(0) == "A")
    #expect(ExcelColumn.letters(25) == "Z")
    #expect(ExcelColumn.letters(26) == "AA")
    #expect(ExcelColumn.letters(16_383) == "XFD")
  }
}

/// Builds .xlsx packages from their XML parts, as Excel lays them out, for tests that need a workbook whose
/// every byte they choose.
enum XLSXParts {
  /// Cell format 1 is a custom 年月日 date format.
  static func workbook(
    sheets: [(name: String, xml: String)], sharedStrings: String, sharedStringsPrologue: String = "",
    compressed: Bool = true
  ) throws -> Data {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var parts = [
      "xl/workbook.xml": """
      <workbook xmlns="\(main)" xmlns:r="\(relations)"><sheets>\
      \(sheets.indices.map { "<sheet name=\"\(sheets[$0].name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
      </sheets></workbook>
      """,
      "xl/_rels/workbook.xml.rels": """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
      <Relationship Id="rS" Type="\(relations)/sharedStrings" Target="sharedStrings.xml"/>\
      <Relationship Id="rT" Type="\(relations)/styles" Target="/xl/styles.xml"/></Relationships>
      """,
      "xl/sharedStrings.xml": "\(sharedStringsPrologue)<sst xmlns=\"\(main)\">\(sharedStrings)</sst>",
      "xl/styles.xml": """
      <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
      <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>
      """,
    ]
    for (index, sheet) in sheets.enumerated() { parts["xl/worksheets/sheet\(index + 1).xml"] = sheet.xml }
    return try zip(parts, compressed: compressed)
  }

  static func zip(_ parts: [String: String], compressed: Bool = true) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: compressed ? .deflate : .none,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return archive.data ?? Data()
  }
}
