import Foundation
import LaoganStore
import LaoganText

/// One record of a CSV file: its cells as text and the line it starts on, for messages.
package struct CSVRecord: Sendable {
  public let line: Int
  public let cells: [String]
}

/// Why a CSV file cannot be read at all (as opposed to a bad value in a cell).
package struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
  public let line: Int
  public let reason: String

  public var description: String { "line \(line): \(reason)" }
}

/// Reads a CSV file (RFC 4180, as Excel and WPS write it) a chunk at a time, so that memory stays flat however
/// long the file is.
///
/// Records are split on the bytes themselves: in UTF-8 and in GB18030 the bytes of `,` `"` CR and LF never
/// occur inside another character, so splitting first and decoding each cell after is exact for both.
/// Quoted cells may hold commas, doubled quotes and line breaks. A NUL byte, a cell over `maxCellBytes`, an
/// unclosed quote and undecodable bytes stop the reading with the line they are on.
package struct CSVReader: Sequence, IteratorProtocol {
  public let encoding: TextEncoding
  package static let maxCellBytes = 64 * 1024

  private let handle: FileHandle
  private let decoder: CellDecoder
  private var buffer: [UInt8] = []
  private var position = 0
  /// Bytes read from the file before `buffer`'s, for telling how far the reading has come.
  private var bytesBefore = 0
  private var atEnd = false
  private var line = 1
  /// The first error met; iteration stops there and `error` says why.
  public private(set) var error: CSVError?

  /// Opens `url`; `encoding` nil detects it from the first bytes. A UTF-8 BOM is skipped.
  public init(url: URL, encoding: TextEncoding? = nil) throws {
    handle = try FileHandle(forReadingFrom: url)
    let first = try handle.read(upToCount: CSVReader.chunkSize) ?? Data()
    buffer = Array(first)
    atEnd = first.isEmpty
    if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
      throw CSVError(line: 1, reason: "文件是 UTF-16 编码；请在 Excel/WPS 中另存为“CSV UTF-8”或普通 CSV")
    }
    self.encoding = encoding ?? TextEncoding.detect(buffer)
    if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    decoder = CellDecoder(self.encoding)
  }

  private static let chunkSize = 1 << 20
  private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r")
  private static let lf = UInt8(ascii: "\n")

  /// The bytes of the file read so far.
  package var bytesRead: Int { bytesBefore + position }

  /// The next record with at least one non-blank cell, or nil at the end of the file or at an error.
  public mutating func next() -> CSVRecord? {
    while error == nil {
      guard let cells = nextCells() else { return nil }
      if cells.cells.contains(where: { !$0.trimmed.isEmpty }) { return cells }
    }
    return nil
  }

  private mutating func byte() -> UInt8? {
    if position == buffer.count {
      guard !atEnd else { return nil }
      let chunk = (try? handle.read(upToCount: CSVReader.chunkSize)) ?? Data()
      bytesBefore += buffer.count
      buffer = Array(chunk)
      position = 0
      if chunk.isEmpty {
        atEnd = true
        return nil
      }
    }
    defer { position += 1 }
    return buffer[position]
  }

  private mutating func peek() -> UInt8? {
    guard let next = byte() else { return nil }
    position -= 1
    return next
  }

  private mutating func nextCells() -> CSVRecord? {
    let startLine = line
    var cells: [String] = []
    var cell: [UInt8] = []
    var quoted = false
    var sawAny = false
    func fail(_ reason: String) -> CSVRecord? {
      error = CSVError(line: line, reason: reason)
      return nil
    }
    while true {
      guard let byte = byte() else {
        if quoted {
          line = startLine
          return fail("引号未闭合：这一行开始的单元格到文件末尾仍未结束")
        }
        guard sawAny else { return nil }
        break
      }
      sawAny = true
      if byte == 0 { return fail("含有 NUL 字节（文件可能已损坏或不是文本）") }
      if quoted {
        if byte == CSVReader.quote {
          if peek() == CSVReader.quote {
            _ = self.byte()
            cell.append(byte)
          } else {
            quoted = false
          }
        } else {
          if byte == CSVReader.lf { line += 1 }
          cell.append(byte)
        }
      } else if byte == CSVReader.quote && cell.isEmpty {
        quoted = true
      } else if byte == CSVReader.comma {
        guard let text = decode(cell, column: cells.count + 1, line: startLine) else { return nil }
        cells.append(text)
        cell.removeAll(keepingCapacity: true)
      } else if byte == CSVReader.lf || byte == CSVReader.cr {
        if byte == CSVReader.cr, peek() == CSVReader.lf { _ = self.byte() }
        line += 1
        break
      } else {
        cell.append(byte)
      }
      if cell.count > CSVReader.maxCellBytes {
        return fail("第 \(cells.count + 1) 列的单元格超过 \(CSVReader.maxCellBytes / 1024) KB，不像花名册数据")
      }
    }
    guard let text = decode(cell, column: cells.count + 1, line: startLine) else { return nil }
    cells.append(text)
    return CSVRecord(line: startLine, cells: cells)
  }

  private mutating func decode(_ bytes: [UInt8], column: Int, line: Int) -> String? {
    guard let text = decoder.decode(bytes[...]) else {
      error = CSVError(line: line, reason: "第 \(column) 列含有不是 \(encoding.rawValue) 的字节（文件编码不一致？可用 --encoding 指定）")
      return nil
    }
    return bytes.first == UInt8(ascii: "'") ? FormulaGuard.unescaped(text) : text
  }
}
