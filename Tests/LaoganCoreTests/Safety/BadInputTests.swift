import Foundation
import GRDB
import PropertyBased
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The bad-input corpus: files and cells that must each give a clear message naming where, and leave the
/// database exactly as it was — or, where valid after normalisation, be read correctly.
@Suite("Bad input never hurts")
struct BadInputTests {
  /// A whole file and what must happen to it.
  struct Case: CustomStringConvertible, Sendable {
    let name: String
    let kind: String
    let bytes: Data
    /// Text every problem list must contain (`line 2`, `column 身份证号` …); nil when the file is valid.
    let expected: [String]?

    var description: String { name }
  }

  static let roster = "姓名,身份证号,类别,管理地区\n"
  static let good = "张三,\(KnownIDs.man1946),退休,兴义\n"

  /// Rows of the cadre roster with one bad cell each.
  static let cadreCells: [(String, String, String)] = [
    ("ID too short", "张三,52230119460315,退休,兴义", "column 身份证号"),
    ("ID too long", "张三,5223011946031500111,退休,兴义", "column 身份证号"),
    ("ID wrong check", "张三,522301194603150012,退休,兴义", "column 身份证号"),
    ("ID letters", "张三,52230119460315001A,退休,兴义", "column 身份证号"),
    ("ID impossible date", "张三,522301194602300016,退休,兴义", "column 身份证号"),
    ("ID year 1800", "张三,522301180001010011,退休,兴义", "column 身份证号"),
    ("ID blank", "张三, ,退休,兴义", "column 身份证号"),
    ("ID SQL", "张三,'); DROP TABLE cadre;--,退休,兴义", "column 身份证号"),
    ("ID 16 digits", "张三,5223011946031500,退休,兴义", "column 身份证号"),
    ("ID 15 bad date", "张三,522301461315001,退休,兴义", "column 身份证号"),
    ("ID with spaces inside", "张三,522301 194603150011,退休,兴义", "column 身份证号"),
    ("ID emoji", "张三,52230119460315001😀,退休,兴义", "column 身份证号"),
    ("name empty", ",\(KnownIDs.man1946),退休,兴义", "column 姓名"),
    ("name too long", "\(String(repeating: "张", count: 60)),\(KnownIDs.man1946),退休,兴义", "column 姓名"),
    ("category unknown", "张三,\(KnownIDs.man1946),病休,兴义", "column 类别"),
    ("category empty", "张三,\(KnownIDs.man1946),,兴义", "column 类别"),
    ("category English", "张三,\(KnownIDs.man1946),retired,兴义", "column 类别"),
    ("region unknown", "张三,\(KnownIDs.man1946),退休,北京", "column 管理地区"),
    ("region code of another province", "张三,\(KnownIDs.man1946),退休,110105", "column 管理地区"),
    ("region empty", "张三,\(KnownIDs.man1946),退休,", "column 管理地区"),
    ("region SQL", "张三,\(KnownIDs.man1946),退休,兴义' OR '1'='1", "column 管理地区"),
  ]

  /// Optional cadre columns with a bad value: (header, value, column named).
  static let cadreOptional: [(String, String)] = [
    ("出生日期", "1946-02-30"), ("出生日期", "1900-01-00"), ("出生日期", "1946-03-14"), ("出生日期", "昨天"),
    ("性别", "女"), ("性别", "未知"), ("民族", "火星族"), ("离退休日期", "2023-13-01"), ("离退休日期", "1940-01-01"),
    ("离退休日期", "20231301"), ("离退休日期", "2023/2/29"), ("离退休日期", "2023年6月"), ("离退休日期", "99999"),
    ("离退休日期", "60"), ("参加工作日期", "1900-01-00"), ("参加工作日期", "0000-01-01"), ("去世日期", "1900-01-01"),
    ("去世日期", "2023.02.30"), ("入党日期", "2023-02-29"), ("党员", "也许"), ("党员", "2"), ("异地安置", "maybe"),
    ("生活不能自理", "是的"), ("原单位性质", "部队"), ("职级", "科长"), ("职级", "处级"), ("联系电话", "123"),
    ("联系电话", "电话号码"), ("联系电话", "138-abcd-5678"), ("紧急联系电话", "12"), ("所在党组织", "不存在的支部"),
  ]

  /// Payment amounts that are not money, and other payment cells.
  static let paymentCells: [(String, String)] = [
    ("金额", "1e9"), ("金额", "-0"), ("金额", "12.345"), ("金额", "1.2.3"), ("金额", "abc"), ("金额", "¥"), ("金额", "0"),
    ("金额", "12,34"), ("金额", "1 234"), ("金额", "NaN"), ("金额", "∞"), ("金额", "1,2345.00"), ("金额", "--5"),
    ("金额", "0x10"), ("金额", "9999999999999.00"), ("所属月份", "2023-13"), ("所属月份", "2023-00"), ("所属月份", "下个月"),
    ("日期", "2023-02-30"), ("项目", "交通费"), ("项目", ""), ("身份证号", KnownIDs.standardExample),
  ]

  static let cases: [Case] = {
    var cases: [Case] = []
    func add(_ name: String, _ text: String, _ expected: [String]?, kind: String = "cadres") {
      cases.append(Case(name: name, kind: kind, bytes: Data(text.utf8), expected: expected))
    }
    func addBytes(_ name: String, _ bytes: Data, _ expected: [String]?) {
      cases.append(Case(name: name, kind: "cadres", bytes: bytes, expected: expected))
    }
    // Whole files.
    addBytes("empty file", Data(), ["line 1"])
    addBytes("only a BOM", Data([0xEF, 0xBB, 0xBF]), ["line 1"])
    add("headers only", roster, ["line 1"])
    add("blank lines only", "\n\n\n", ["line 1"])
    add("truncated in a quote", roster + "张三,\"\(KnownIDs.man1946),退休,兴义\n李四,1", ["line 2"])
    add("unbalanced quote mid-file", roster + good + "\"李四,\(KnownIDs.man1950),退休,兴义\n", ["line 3"])
    addBytes("NUL byte", Data((roster + "张三\0,\(KnownIDs.man1946),退休,兴义\n").utf8), ["line 2"])
    add("duplicate headers", "姓名,身份证号,身份证号,类别,管理地区\n", ["line 1, column 身份证号"])
    add("unknown header", "姓名,身份证号,类别,管理地区,籍贯\n" + good, ["line 1, column 籍贯"])
    add("missing required header", "姓名,身份证号,类别\n", ["line 1, column 管理地区"])
    add("header of another kind", "日期,类型,标题,地区\n", ["line 1"])
    addBytes(
      "10 MB single cell", Data((roster + "张三,\(String(repeating: "1", count: 10_000_000)),退休,兴义\n").utf8), ["line 2"])
    addBytes(
      "invalid UTF-8 after a BOM", Data([0xEF, 0xBB, 0xBF]) + Data(roster.utf8) + Data([0xFF, 0xFE, 0x2C, 0x0A]),
      ["line 2"])
    addBytes("UTF-16 file", Data([0xFF, 0xFE]) + (roster.data(using: .utf16LittleEndian) ?? Data()), ["line 1"])
    addBytes("mixed encodings", Data((roster + good).utf8) + gb18030("李四,\(KnownIDs.man1950),退休,兴义\n"), ["line 3"])
    add("more cells than headers", roster + "张三,\(KnownIDs.man1946),退休,兴义,多余\n", ["line 2"])
    add("duplicate row", roster + good + good, ["line 3, column 身份证号"])
    add(
      "15 and 18 digit forms of one number", roster + "甲,\(KnownIDs.standardExample),退休,兴义\n乙,110105491231002,退休,兴义\n",
      ["line 3"])
    add("every row bad", roster + "甲,1,退休,兴义\n乙,2,退休,兴义\n丙,3,退休,兴义\n", ["line 2", "line 3", "line 4"])
    add(
      "bad row after many good",
      roster + (1...50).map { "人\($0),\(Self.id(order: $0)),退休,兴义\n" }.joined() + "坏,1,退休,兴义\n", ["line 52"])
    // One bad cell in a roster row.
    for (name, row, column) in cadreCells { add(name, roster + row + "\n", ["line 2, \(column)"]) }
    for (header, value) in cadreOptional {
      add(
        "\(header) \(value)", "姓名,身份证号,类别,管理地区,\(header)\n张三,\(KnownIDs.man1946),退休,兴义,\(value)\n",
        ["line 2, column \(header)"])
    }
    for (header, value) in paymentCells {
      var cells = ["身份证号": KnownIDs.man1946, "项目": "医疗补助费", "所属月份": "2023-06", "日期": "", "金额": "100"]
      cells[header] = value
      let headers = ["身份证号", "项目", "所属月份", "日期", "金额"]
      add(
        "payment \(header) \(value)",
        headers.joined(separator: ",") + "\n" + headers.map { Table.csvCell(cells[$0] ?? "") }.joined(separator: ",")
          + "\n",
        ["line 2, column \(header)"], kind: "payments")
    }
    // Valid after normalisation: read correctly.
    add("lower-case x", roster + "张三,11010519491231002x,退休,兴义\n", nil)
    add("full-width digits", roster + "张三,１１０１０５１９４９１２３１００２Ｘ,退休,兴义\n", nil)
    add("SQL-looking name", roster + "'); DROP TABLE cadre;--,\(KnownIDs.man1946),退休,兴义\n", nil)
    add("quoted cells with commas and quotes", roster + "\"张,三\",\(KnownIDs.man1946),\"退休\",\"兴义\"\n", nil)
    add("CRLF and trailing blank lines", roster.replacingOccurrences(of: "\n", with: "\r\n") + good + "\r\n\r\n", nil)
    add("blanks around cells", "姓名 , 身份证号 ,类别,管理地区\n 张三 , \(KnownIDs.man1946) , 退休 , 兴义 \n", nil)
    addBytes("GB18030 with a BOM-less header", gb18030(roster + good), nil)
    add("full-width amount", "身份证号,项目,所属月份,金额\n\(KnownIDs.man1946),医疗补助费,2023-06,１，２３４．５０\n", nil, kind: "payments")
    return cases
  }()

  /// A valid 身份证号 with the given order code, for rows of many cadres.
  static func id(order: Int) -> String {
    let body = "52230119460315" + String(100 + order)
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(body.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
    return body + String(Array("10X98765432")[sum % 11])
  }

  @Test("the corpus holds at least 100 files and cells")
  func size() {
    #expect(Self.cases.count >= 100)
  }

  @Test(
    "each bad file is refused with where and why; the database is unchanged", arguments: cases, TestEngine.available)
  func corpus(_ item: Case, on engine: TestEngine) throws {
    let folder = try TemporaryFolder()
    let database = try folder.database(on: engine)
    if item.kind == "payments" {
      let roster = try folder.write("r.csv", utf8: Self.roster + Self.good)
      _ = try database.importRecords(CadreKind.self, from: roster, options: ImportOptions(), testContext)
    }
    let before = try snapshot(database)
    let file = try folder.write("input.csv", item.bytes)
    let kind: any RecordKind.Type = item.kind == "payments" ? PaymentKind.self : CadreKind.self
    do {
      let summary = try database.importRecords(kind, from: file, options: ImportOptions(), testContext)
      #expect(item.expected == nil, "\(item.name) was accepted: \(summary.rows) rows")
      #expect(summary.added == 1, "\(item.name)")
      #expect(try database.rowCount("cadre") == 1)
    } catch let failure as ImportFailure {
      let expected = try #require(item.expected, "\(item.name) was refused: \(failure.problems)")
      let text = failure.problems.map(\.description).joined(separator: "\n")
      for piece in expected { #expect(text.contains(piece), "\(item.name): \(text)") }
      #expect(failure.problems.allSatisfy { !$0.reason.isEmpty })
      #expect(!text.contains(KnownIDs.man1946), "\(item.name) leaked a 身份证号: \(text)")
      #expect(try snapshot(database) == before, "\(item.name) changed the database")
    }
  }

  /// The tables of laogan's schema, as a new file lists them; a shared database has the same names, less
  /// SQLite's search index.
  static let tables: [String] = {
    guard let folder = try? TemporaryFolder(), let file = try? folder.database() else { return [] }
    return
      (try? file.readSQLite { db in
        try String.fetchAll(
          db,
          sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name NOT LIKE 'cadre_search%'
            """)
      }) ?? []
  }()

  /// Row counts of every table: what "unchanged" means here.
  func snapshot(_ database: LaoganDatabase) throws -> [String: Int] {
    #expect(Self.tables.count > 20)
    return try database.read { db in
      try Dictionary(
        uniqueKeysWithValues: Self.tables.map { ($0, try db.value(Int.self, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) })
    }
  }
}

/// Bounded fuzzing as property tests (swift-property-based, which shrinks a failing input to a small one):
/// random bytes never crash the CSV reader and it always ends; random cells written as CSV read back the same;
/// random 身份证号 text never crashes the parser and what it keeps is a valid number of its own; every number
/// built with its check character parses back to its birth date. Expectations never come from the code under
/// test.
@Suite("Fuzzing the reader and the 身份证号 parser")
struct FuzzTests {
  static let csvBytes: [UInt8] =
    Array(",\"\r\n;ab1 ".utf8) + [0x00, 0xE5, 0xBC, 0xA0, 0xD5, 0xC5, 0xFF, 0x80, 0xEF, 0xBB, 0xBF]

  @Test("random files through the CSV reader")
  func csvReader() async throws {
    let folder = try TemporaryFolder()
    let bytes = Gen.int(in: 0...(Self.csvBytes.count - 1)).map { Self.csvBytes[$0] }.array(of: 0...200)
    await propertyCheck(count: 3000, input: bytes) { bytes in
      let file = try folder.write("fuzz.csv", Data(bytes))
      guard var reader = try? CSVReader(url: file) else { return }
      var records = 0
      while reader.next() != nil {
        records += 1
        if records > bytes.count + 1 { break }
      }
      #expect(records <= bytes.count + 1, "the reader did not end")
    }
  }

  static let fieldCharacters = Array("a张 ,\"\n;1")

  /// Cells a spreadsheet can hold, written as RFC 4180 CSV (quoted when they must be, CRLF between records)
  /// and read back: the same cells, and each record named by the line it starts on.
  @Test("random cells written as CSV read back as the same cells, each record at the line it starts on")
  func csvRoundTrip() async throws {
    let folder = try TemporaryFolder()
    let cell = Gen.int(in: 0...(Self.fieldCharacters.count - 1)).map { Self.fieldCharacters[$0] }.array(of: 0...6)
      .map { String($0) }
    let records = cell.array(of: 1...4).array(of: 1...6)
    await propertyCheck(count: 2000, input: records) { records in
      // The reader skips a record whose every cell is blank, as a spreadsheet's empty row.
      let kept = records.filter { $0.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
      var text = ""
      var starts: [Int] = []
      for record in records {
        // Counted in bytes: "\r\n" is one Character in Swift, and a cell may break a line with "\n" alone.
        let line = 1 + text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        if kept.contains(where: { $0 == record }) { starts.append(line) }
        text +=
          record.map { cell in
            cell.contains(where: { ",\"\n\r".contains($0) })
              ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
          }.joined(separator: ",") + "\r\n"
      }
      let file = try folder.write("roundtrip.csv", Data(text.utf8))
      var reader = try CSVReader(url: file)
      var read: [CSVRecord] = []
      while let record = reader.next() { read.append(record) }
      #expect(read.map(\.cells) == kept, "\(text.debugDescription)")
      #expect(read.map(\.line) == starts, "\(text.debugDescription)")
    }
  }

  @Test("random text through the 身份证号 parser")
  func randomResidentIDs() async {
    let characters = Array("0123456789Xx１２ -")
    let text = Gen.int(in: 0...(characters.count - 1)).map { characters[$0] }.array(of: 0...22).map { String($0) }
    await propertyCheck(count: 5000, input: text) { text in
      guard let id = try? ResidentID(text) else { return }
      // Whatever was typed, what is kept is 17 digits and their own check character, names the birth date it
      // holds, and reads back as itself.
      let body = String(id.value.prefix(17))
      #expect(id.value.count == 18 && body.allSatisfy(\.isASCII) && body.allSatisfy(\.isNumber))
      #expect(String(id.value.suffix(1)) == ResidentIDTestSupport.check(body), "\(text) → \(id.value)")
      let digits = Array(body)
      #expect(
        id.birthDate.description == "\(String(digits[6..<10]))-\(String(digits[10..<12]))-\(String(digits[12..<14]))")
      #expect((try? ResidentID(id.value))?.value == id.value)
    }
  }

  @Test("every number built with its check character parses back")
  func validResidentIDs() async {
    let days = Gen.int(in: CalendarDate(valid: 1890, 1, 1).dayNumber...CalendarDate(valid: 2020, 12, 31).dayNumber)
    await propertyCheck(count: 5000, input: days, Gen.int(in: 100...999)) { dayNumber, order in
      guard let born = CalendarDate(dayNumber: dayNumber) else { return }
      let body = "522301" + born.description.replacingOccurrences(of: "-", with: "") + String(order)
      let check = ResidentIDTestSupport.check(body)
      let id = try? ResidentID(body + check)
      #expect(id?.value == body + check)
      #expect(id?.birthDate == born)
    }
  }
}
