import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore

@Suite("CSV reading")
struct CSVReaderTests {
  func records(_ data: Data, encoding: TextEncoding? = nil) throws -> (records: [CSVRecord], reader: CSVReader) {
    let folder = try TemporaryFolder()
    var reader = try CSVReader(url: try folder.write("f.csv", data), encoding: encoding)
    var records: [CSVRecord] = []
    while let record = reader.next() { records.append(record) }
    return (records, reader)
  }

  @Test("quoted cells hold commas, doubled quotes and line breaks; lines are counted through them")
  func quoting() throws {
    let (records, reader) = try records(Data("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,1".utf8))
    #expect(reader.error == nil)
    #expect(records.map(\.cells) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", "1"]])
    #expect(records.map(\.line) == [1, 2, 3, 6])
  }

  @Test("a BOM is skipped and the file read as UTF-8")
  func bom() throws {
    let (records, reader) = try records(Data("\u{FEFF}姓名,类别\n张三,退休\n".utf8))
    #expect(reader.encoding == .utf8)
    #expect(records.first?.cells == ["姓名", "类别"])
  }

  @Test("GB18030 is detected and decoded")
  func gb() throws {
    let (records, reader) = try records(gb18030("姓名,民族\n单雄信,布依族\n"))
    #expect(reader.encoding == .gb18030)
    #expect(records.map(\.cells) == [["姓名", "民族"], ["单雄信", "布依族"]])
  }

  @Test("an unclosed quote, a NUL byte and bytes foreign to the encoding stop the reading at their line")
  func broken() throws {
    // An unclosed quote is reported where the cell opens.
    #expect(try records(Data("a\n\"open\nstill".utf8)).reader.error?.line == 2)
    #expect(try records(Data("a\nb\0c\n".utf8)).reader.error?.line == 2)
    let mixed = Data("姓名\n张三\n".utf8) + gb18030("李四\n")
    #expect(try records(mixed, encoding: .utf8).reader.error?.line == 3)
  }

  @Test("a cell over the size limit is refused rather than read into memory")
  func hugeCell() throws {
    let huge = Data("a\n".utf8) + Data(repeating: UInt8(ascii: "x"), count: CSVReader.maxCellBytes + 10)
    #expect(try records(huge).reader.error?.line == 2)
  }
}
