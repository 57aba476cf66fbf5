import Foundation

/// Writes a ZIP archive of stored (uncompressed) entries — all an XLSX file needs, and what Excel, WPS and
/// LibreOffice all open. Entries carry a fixed timestamp so the same report gives the same bytes.
struct ZipArchive {
  private var body = Data()
  private var directory = Data()
  private var count: UInt16 = 0

  mutating func add(_ path: String, _ contents: Data) {
    let name = Data(path.utf8)
    let crc = CRC32.checksum(contents)
    let offset = UInt32(body.count)
    var local = Data()
    local.append(le32: 0x0403_4b50)
    local.append(le16: 20)  // version needed
    local.append(le16: 0x0800)  // UTF-8 names
    local.append(le16: 0)  // stored
    local.append(le16: 0)  // time 00:00
    local.append(le16: 0x21)  // date 1980-01-01
    local.append(le32: crc)
    local.append(le32: UInt32(contents.count))
    local.append(le32: UInt32(contents.count))
    local.append(le16: UInt16(name.count))
    local.append(le16: 0)
    body.append(local + name + contents)

    directory.append(le32: 0x0201_4b50)
    directory.append(le16: 20)
    directory.append(le16: 20)
    directory.append(le16: 0x0800)
    directory.append(le16: 0)
    directory.append(le16: 0)
    directory.append(le16: 0x21)
    directory.append(le32: crc)
    directory.append(le32: UInt32(contents.count))
    directory.append(le32: UInt32(contents.count))
    directory.append(le16: UInt16(name.count))
    directory.append(le16: 0)
    directory.append(le16: 0)
    directory.append(le16: 0)
    directory.append(le16: 0)
    directory.append(le32: 0)
    directory.append(le32: offset)
    directory.append(name)
    count += 1
  }

  var data: Data {
    var end = Data()
    end.append(le32: 0x0605_4b50)
    end.append(le16: 0)
    end.append(le16: 0)
    end.append(le16: count)
    end.append(le16: count)
    end.append(le32: UInt32(directory.count))
    end.append(le32: UInt32(body.count))
    end.append(le16: 0)
    return body + directory + end
  }
}

/// CRC-32 (IEEE 802.3), as ZIP requires.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
  }

  static func checksum(_ data: Data) -> UInt32 {
    ~data.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
  }
}

extension Data {
  mutating func append(le16 value: UInt16) {
    append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
  }

  mutating func append(le32 value: UInt32) {
    append(contentsOf: (0..<4).map { UInt8((value >> ($0 * 8)) & 0xFF) })
  }
}
