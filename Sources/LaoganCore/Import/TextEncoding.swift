import Foundation

/// The encodings clerks' spreadsheets come in: UTF-8 (with or without a BOM) and GB18030, which is what Excel
/// and WPS in China save as "CSV" (GBK is a subset of it, so one decoder reads both).
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case gb18030 = "gb18030"

  /// Accepts the names clerks and scripts use: `utf8`, `UTF-8`, `gbk`, `GB2312`, `gb18030`.
  public init?(name: String) {
    switch name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
    case "utf8", "utf8bom", "utf8sig": self = .utf8
    case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
    default: return nil
    }
  }

  /// Guesses from the first bytes of a file: a BOM says UTF-8; text that is valid UTF-8 is UTF-8 (a GB18030
  /// Chinese text almost never is); anything else is read as GB18030 — unless its first line is Chinese in
  /// valid UTF-8, when the file is UTF-8 with foreign bytes further on, which the reader then reports by
  /// line. A cut-off character at the end of the sample is not held against UTF-8.
  static func detect(_ sample: [UInt8]) -> TextEncoding {
    if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
    let firstLine = sample.prefix { $0 != UInt8(ascii: "\n") }
    if firstLine.contains(where: { $0 >= 0x80 }), String(validating: firstLine, as: UTF8.self) != nil { return .utf8 }
    var bytes = sample[...]
    for _ in 0..<3 where !bytes.isEmpty && bytes.last.map({ $0 >= 0x80 }) == true {
      if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
      bytes = bytes.dropLast()
    }
    return String(validating: bytes, as: UTF8.self) != nil ? .utf8 : .gb18030
  }
}

/// Turns a cell's bytes into text in the file's encoding; nil when the bytes are not valid in it.
final class CellDecoder {
  private let encoding: TextEncoding
  private var converter: iconv_t?

  init(_ encoding: TextEncoding) {
    self.encoding = encoding
  }

  deinit {
    if let converter { iconv_close(converter) }
  }

  func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    if encoding == .utf8 || bytes.allSatisfy({ $0 < 0x80 }) {
      // `String(validating:as:)` is generic and unspecialized: a tenth of a roster's reading thread went to
      // looking up its type metadata, cell after cell. `UTF8Span` validates the bytes where they lie.
      guard let text = try? UTF8Span(validating: bytes.span) else { return nil }
      return String(copying: text)
    }
    return gb18030(bytes)
  }

  /// glibc's iconv converts GB18030, four-byte sequences included; Foundation on Linux does not.
  private func gb18030(_ bytes: ArraySlice<UInt8>) -> String? {
    if converter == nil {
      let opened = iconv_open("UTF-8", "GB18030")
      guard opened != iconv_t(bitPattern: -1) else { return nil }
      converter = opened
    }
    var input = Array(bytes)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 4)
    let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var outLeft = outBuffer.count
        iconv(converter, nil, nil, nil, nil)
        guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
        return outBuffer.count - outLeft
      }
    }
    guard let converted else { return nil }
    return String(decoding: output[..<converted], as: UTF8.self)
  }
}
