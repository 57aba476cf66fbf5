import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("身份证号 (GB 11643)")
struct ResidentIDTests {
  @Test("a cadre remembered by a command keeps its 身份证号 and dates exactly, packed into numbers")
  func packedCadre() throws {
    let row = SQLRow(
      columns: SQLColumns([
        "id", "name", "resident_id", "retired_on", "died_on", "party_member", "joined_party_on", "voided",
      ]),
      values: [
        .integer(7), .text("张三"), .text(KnownIDs.standardExample), .text("2006-03-01"), .null, .integer(1),
        .text("1970-12-31"), .integer(0),
      ])
    let cadre = Lookup.CadreRef(row: row)
    #expect(cadre.residentID == KnownIDs.standardExample)
    #expect(cadre.retiredOn?.description == "2006-03-01")
    #expect(cadre.diedOn == nil)
    #expect(cadre.joinedPartyOn?.description == "1970-12-31")
    for number in [KnownIDs.man1946, "000000000000000000", "99999999999999999X"] {
      #expect(Lookup.CadreRef.Number(number)?.text == number)
    }
    for other in [
      "11010519491231002x", "110105491231002", " 522301194603150011", "5223011946031500111", "X22301194603150011",
    ] {
      #expect(Lookup.CadreRef.Number(other) == nil)
    }
  }

  @Test(
    "valid numbers give their birth date and sex",
    arguments: [
      (KnownIDs.standardExample, "1949-12-31", Sex.female),
      (KnownIDs.man1946, "1946-03-15", Sex.male),
      (KnownIDs.woman1930, "1930-01-01", Sex.female),
      ("440524188001010014", "1880-01-01", Sex.male),
    ])
  func valid(number: String, born: String, sex: Sex) throws {
    let id = try ResidentID(number)
    #expect(id.value == number)
    #expect(id.birthDate.description == born)
    #expect(id.sex == sex)
    #expect(!id.wasUpgraded)
  }

  @Test("a corrupted digit or check character is refused with the expected check character")
  func corrupted() {
    #expect(throws: ResidentIDError.wrongCheckCharacter(expected: "1")) { try ResidentID("522301194603150012") }
    #expect(throws: ResidentIDError.wrongCheckCharacter(expected: "X")) { try ResidentID("110105194912310020") }
    // One digit changed in the body changes the expected check character.
    #expect(throws: ResidentIDError.self) { try ResidentID("522301194603151011") }
  }

  @Test("wrong lengths, letters and impossible birth dates are refused")
  func malformed() {
    #expect(throws: ResidentIDError.wrongLength(17)) { try ResidentID("52230119460315001") }
    #expect(throws: ResidentIDError.notDigits) { try ResidentID("5223011946031500A1") }
    #expect(throws: ResidentIDError.impossibleBirthDate("19460230")) { try ResidentID("522301194602300016") }
    // A real day out of range is said to be out of range, not not to exist; other scripts' digits are not digits.
    #expect(throws: ResidentIDError.birthDateOutOfRange("18790101")) { try ResidentID("522301187901010016") }
    #expect(throws: ResidentIDError.notDigits) { try ResidentID("٥٢٢٣٠١١٩٤٦٠٣١٥٠٠١١") }
  }

  @Test("a lower-case x, full-width digits and blanks are read as typed by hand")
  func typedByHand() throws {
    #expect(try ResidentID("11010519491231002x").value == KnownIDs.standardExample)
    #expect(try ResidentID(" ５２２３０１１９４６０３１５００１１ ").value == KnownIDs.man1946)
  }

  @Test("a 15-digit number is upgraded to 18 with its check character computed")
  func upgrade() throws {
    let id = try ResidentID("110105491231002")
    #expect(id.value == KnownIDs.standardExample)
    #expect(id.wasUpgraded)
    #expect(id.birthDate.description == "1949-12-31")
    #expect(id.sex == .female)
  }

  /// 15-digit numbers were issued only to people born in the 1900s, so the century put in is always 19: a
  /// two-digit year under 20 is 1915, not 2015, and the oldest cadres must not come out as children.
  @Test("a 15-digit number of someone born in 1915 is upgraded with 1915 as the year, not 2015")
  func upgradeBornEarlyInCentury() throws {
    let id = try ResidentID("110105150101001")
    // Check character by hand: the 17 digits 11010519150101001 weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // sum to 7+9+5+20+2+9+6+15+9+5+2 = 89; 89 mod 11 = 1, and "10X98765432" at 1 is 0.
    #expect(id.value == "110105191501010010")
    #expect(id.wasUpgraded)
    #expect(id.birthDate.description == "1915-01-01")
    #expect(id.sex == .male)
  }

  @Test("masking keeps the area code and the last four")
  func masking() throws {
    #expect(try ResidentID(KnownIDs.man1946).masked == "522301********0011")
    #expect(Masking.phone("13812345678") == "138****5678")
    #expect(Masking.phone("12345") == "*****")
  }
}
