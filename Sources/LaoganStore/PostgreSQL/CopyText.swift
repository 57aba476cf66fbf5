import Foundation
import NIOCore

/// Rows in the text format of PostgreSQL's `COPY`: a tab between values, a line a row, `\N` for NULL, and a
/// backslash, tab, line feed or carriage return inside a value escaped. A day goes as `YYYY-MM-DD`, which a
/// `date` column reads as it is; a blob as `\x` and its hex digits, as a `bytea` reads it.
enum CopyText {
  static func append(_ row: [SQLValue], to buffer: inout ByteBuffer) {
    for (index, value) in row.enumerated() {
      if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
      switch value {
      case .null: buffer.writeStaticString("\\N")
      case .integer(let integer): buffer.writeString(String(integer))
      case .real(let real): buffer.writeString("\(real)")
      case .text(let text): appendEscaped(text, to: &buffer)
      case .blob(let data):
        buffer.writeStaticString("\\\\x")
        buffer.writeString(data.map { String(format: "%02x", $0) }.joined())
      }
    }
    buffer.writeInteger(UInt8(ascii: "\n"))
  }

  private static func appendEscaped(_ text: String, to buffer: inout ByteBuffer) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
      case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
      case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
      case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
      default: buffer.writeInteger(byte)
      }
    }
  }
}
