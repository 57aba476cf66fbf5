import LaoganModel
import LaoganStore

extension Lookup {
  /// What a row needs to know of a cadre it names. Kept compact — its 身份证号 and dates packed into numbers —
  /// because a command remembers a whole roster of them (`Lookup`): 72 bytes rather than 144 and a string
  /// of its own.
  public struct CadreRef: Sendable, Equatable {
    public let id: Int64
    public let name: String
    private let number: Number?
    /// The number as stored, when it is not one `Number` can hold (it always is, for a number laogan wrote).
    private let otherNumber: String?
    private let retired: PackedDay
    private let died: PackedDay
    private let joinedParty: PackedDay
    public let isPartyMember: Bool
    /// Voided as a wrong entry: nothing new may name it (a payment to a cadre who was never on the roll).
    package let isVoided: Bool

    public var residentID: String { number?.text ?? otherNumber ?? "" }
    public var retiredOn: CalendarDate? { retired.date }
    public var diedOn: CalendarDate? { died.date }
    public var joinedPartyOn: CalendarDate? { joinedParty.date }
    /// The birth date the 身份证号 holds, which the stored birth date always agrees with.
    public var bornOn: CalendarDate? { (try? ResidentID(residentID))?.birthDate }

    /// Read by position, not by name nor through Codable: every participant and every payment row looks one
    /// up, and a name is looked for among the row's columns each time.
    package init(row: SQLRow) {
      id = row[0]
      name = row[1]
      let stored: String = row[2]
      number = Number(stored)
      otherNumber = number == nil ? stored : nil
      retired = PackedDay(row[3])
      died = PackedDay(row[4])
      isPartyMember = row[5]
      joinedParty = PackedDay(row[6])
      isVoided = row[7]
    }

    /// The select list it reads, from the cadre table under `alias`: first in every query that reads one.
    static func columns(_ alias: String) -> String {
      ["id", "name", "resident_id", "retired_on", "died_on", "party_member", "joined_party_on"]
        .map { "\(alias).\($0)" }.joined(separator: ", ") + ", \(alias).voided_reason IS NOT NULL"
    }

    /// An 18-character 身份证号 — seventeen digits and a check character, `X` counted as 10 — as one number
    /// in base 11; nil for any other text (a lower-case `x`, blanks, 15 digits), which is checked the long way.
    struct Number: Hashable, Sendable {
      private let bits: UInt64

      init?(_ text: String) {
        var bits: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
          count += 1
          switch byte {
          case UInt8(ascii: "0")...UInt8(ascii: "9") where count <= 18: bits = bits * 11 + UInt64(byte - 48)
          case UInt8(ascii: "X") where count == 18: bits = bits * 11 + 10
          default: return nil
          }
        }
        guard count == 18 else { return nil }
        self.bits = bits
      }

      var text: String {
        var rest = bits
        var characters = [UInt8](repeating: 0, count: 18)
        for index in characters.indices.reversed() {
          let digit = UInt8(rest % 11)
          characters[index] = digit == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + digit
          rest /= 11
        }
        return String(decoding: characters, as: UTF8.self)
      }
    }

    /// A calendar date as yyyymmdd in 32 bits, 0 for none.
    private struct PackedDay: Equatable, Sendable {
      private let value: UInt32

      init(_ date: CalendarDate?) {
        value = date.map { UInt32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? 0
      }

      var date: CalendarDate? {
        value == 0
          ? nil : CalendarDate(year: Int(value / 10_000), month: Int(value / 100 % 100), day: Int(value % 100))
      }
    }
  }
}
