import Crypto
import Foundation

/// The SHA-256 of a file, read a megabyte at a time: how an import recognises a file whose exact bytes were
/// already imported. swift-crypto is in the build for the shared database's driver, so the digest is its.
enum FileDigest {
  static func sha256(of url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(data: chunk)
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
