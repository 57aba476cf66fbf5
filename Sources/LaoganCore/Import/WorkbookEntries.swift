import Foundation
import LaoganStore
import ZIPFoundation

/// The entries of a workbook's ZIP container, each read within its own bytes. ZIPFoundation inflates
/// (`Data.decompress`) and checks the CRC-32; where each entry's bytes lie is read here from the central
/// directory and local headers (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16), because ZIPFoundation's own
/// `Archive.extract` reads on past an entry whose deflate stream never ends — to the end of the file, and then
/// forever: a workbook of 8 KB hung the import (found by `Benchmarks/fuzz-workbook.sh`). Here a stream that
/// asks for more than its compressed size is damaged.
struct WorkbookEntries {
  private struct Place {
    let method: UInt16
    let checksum: UInt32
    let compressedSize: UInt64
    let localHeader: UInt64
  }

  private let handle: FileHandle
  private let places: [String: Place]

  /// Reads the central directory of the ZIP at `url`; nil when it has none a spreadsheet program writes
  /// (no end record, ZIP64 sizes, an entry outside the file).
  init?(url: URL) {
    guard let handle = try? FileHandle(forReadingFrom: url), let size = try? handle.seekToEnd() else { return nil }
    self.handle = handle
    // The end record (22 bytes and a comment of at most 65,535) closes the file.
    let tailLength = min(size, 22 + 65_535)
    guard (try? handle.seek(toOffset: size - tailLength)) != nil,
      let tail = try? handle.read(upToCount: Int(tailLength)).map(Array.init),
      let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { Self.le32(tail, $0) == 0x0605_4B50 })
    else { return nil }
    let count = Int(Self.le16(tail, end + 10))
    let directorySize = UInt64(Self.le32(tail, end + 12))
    let directoryOffset = UInt64(Self.le32(tail, end + 16))
    guard directoryOffset + directorySize <= size, (try? handle.seek(toOffset: directoryOffset)) != nil,
      let directory = try? handle.read(upToCount: Int(directorySize)).map(Array.init)
    else { return nil }
    var places: [String: Place] = [:]
    var at = 0
    for _ in 0..<count {
      guard at + 46 <= directory.count, Self.le32(directory, at) == 0x0201_4B50 else { return nil }
      let nameLength = Int(Self.le16(directory, at + 28))
      let skipped = Int(Self.le16(directory, at + 30)) + Int(Self.le16(directory, at + 32))
      guard at + 46 + nameLength <= directory.count else { return nil }
      let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      let place = Place(
        method: Self.le16(directory, at + 10), checksum: Self.le32(directory, at + 16),
        compressedSize: UInt64(Self.le32(directory, at + 20)), localHeader: UInt64(Self.le32(directory, at + 42)))
      guard place.compressedSize != 0xFFFF_FFFF, place.localHeader + 30 + place.compressedSize <= size else {
        return nil
      }
      places[name] = place
      at += 46 + nameLength + skipped
    }
    self.places = places
  }

  /// Hands the entry at `path`'s bytes, inflated, to `consumer` a chunk at a time; throws when the entry is
  /// not there, its stream runs past its compressed size, or its CRC-32 differs.
  func read(_ path: String, _ consumer: (Data) throws -> Void) throws {
    guard let place = places[path], (try? handle.seek(toOffset: place.localHeader)) != nil,
      let header = try handle.read(upToCount: 30).map(Array.init), header.count == 30,
      Self.le32(header, 0) == 0x0403_4B50
    else { throw CocoaError(.fileReadCorruptFile) }
    let start = place.localHeader + 30 + UInt64(Self.le16(header, 26)) + UInt64(Self.le16(header, 28))
    let size = Int64(place.compressedSize)
    let provider: Provider = { position, chunk in
      guard position < size else { throw CocoaError(.fileReadCorruptFile) }
      try handle.seek(toOffset: start + UInt64(position))
      let data = try handle.read(upToCount: min(chunk, Int(size - position))) ?? Data()
      guard !data.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
      return data
    }
    var checksum: CRC32 = 0
    switch place.method {
    case 0:
      var position: Int64 = 0
      while position < size {
        let data = try provider(position, 1 << 16)
        position += Int64(data.count)
        checksum = data.crc32(checksum: checksum)
        try consumer(data)
      }
    case 8:
      checksum = try Data.decompress(
        size: size, bufferSize: 1 << 16, skipCRC32: false, provider: provider, consumer: consumer)
    default:
      throw CocoaError(.fileReadCorruptFile)
    }
    guard checksum == place.checksum else { throw CocoaError(.fileReadCorruptFile) }
  }

  func contains(_ path: String) -> Bool { places[path] != nil }

  /// The entry's size in the file, for telling a ZIP bomb by its ratio.
  func compressedSize(of path: String) -> UInt64 { places[path]?.compressedSize ?? 0 }

  private static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
  }
}
