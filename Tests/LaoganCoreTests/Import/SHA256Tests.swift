import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore
@testable import LaoganText

@Suite("SHA-256 of imported files")
struct SHA256Tests {
  /// The digest of bytes, through a file as imports hash them.
  func digest(_ data: Data) throws -> String {
    let folder = try TemporaryFolder()
    return try FileDigest.sha256(of: try folder.write("f", data))
  }

  @Test(
    "the FIPS 180-4 test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(input: String, digest: String) throws {
    #expect(try self.digest(Data(input.utf8)) == digest)
  }

  @Test("a million a's, across chunk boundaries")
  func long() throws {
    #expect(
      try digest(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
