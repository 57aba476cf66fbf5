import Foundation
import GRDB
import LaoganModel
import Testing

@testable import LaoganStore

/// A record stored by one prepared statement (`ColumnList`) names its columns once, by its `CodingKeys`: every
/// read decodes a row by them, and every write binds the row `SQLRowEncoder` makes by them. These hold the
/// written row to what is read: each record here has a different value in every column, so a column written
/// in another's place, left out, or written twice would show; and a record's nil is a NULL column, so every
/// record of a type binds the same columns to the one statement.
@Suite("Columns written once, read once")
struct ColumnListTests {
  /// Columns a row is read with but never written: what the record's selection joins in, and `search_keys`,
  /// which a write derives from the name.
  static let readOnly: Set<String> = ["party_organization", "secretary_id", "lent_on"]
  static let derived: Set<String> = ["search_keys"]

  /// The record's columns as its `CodingKeys` encode them, each value as text.
  static func encoded(_ record: some Encodable) throws -> [String: String] {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any] ?? [:]
    return object.compactMapValues { value in
      if value is NSNull { return nil }
      if let flag = value as? Bool, type(of: value as AnyObject) == type(of: true as AnyObject) {
        return flag ? "1" : "0"
      }
      return "\(value)"
    }
  }

  /// The record's columns as the writer binds them, each value as text.
  static func bound<Record: ColumnList>(_ record: Record) throws -> [String: String] {
    let row = try record.storedRow
    return Dictionary(
      uniqueKeysWithValues: zip(row.columns, row.values).compactMap { column, value in
        switch value {
        case .integer(let number): (column, "\(number)")
        case .text(let text): (column, text)
        case .real(let number): (column, "\(number)")
        default: nil
        }
      })
  }

  static func expectAgree<Record: ColumnList>(_ record: Record) throws {
    let encoded = try encoded(record)
    let bound = try bound(record)
    let columns = try record.storedRow.columns
    #expect(Set(columns).count == columns.count, "\(Record.self) writes a column twice")
    #expect(bound.count == columns.count, "\(Record.self): a column written without its value")
    for column in columns where !derived.contains(column) {
      #expect(bound[column] == encoded[column], "\(Record.self).\(column): written \(bound[column] ?? "NULL")")
    }
    for column in encoded.keys where !readOnly.contains(column) {
      #expect(columns.contains(column), "\(Record.self).\(column) is read but never written")
    }
    for column in readOnly { #expect(!columns.contains(column), "\(Record.self).\(column) is only read") }
  }

  @Test("a nil is written as a NULL column, never left out: every payment binds the same columns")
  func nilColumns() throws {
    let bare = Payment(cadreID: 1, item: .medicalSubsidy, month: Month(valid: 2023, 6), amount: Fen(100))
    let full = Payment(
      id: 3, cadreID: 11, item: .medicalSubsidy, month: Month(valid: 2023, 6), paidOn: CalendarDate(valid: 2023, 6, 20),
      amount: Fen(5050), note: "备注", ruleID: 13, voidedReason: "作废原因", recipientID: 17)
    #expect(try bare.storedRow.columns == full.storedRow.columns)
    #expect(try bare.storedRow.values.filter { $0 == .null }.count == 6)
  }

  @Test("a cadre's every column is written where it is read, each yes/no column told apart from the others")
  func cadre() throws {
    // Four yes/no columns: each pattern sets a different one apart, so no two can be swapped unseen.
    for flags in [(true, false, false, true), (false, true, false, false), (false, false, true, false)] {
      try Self.expectAgree(
        Cadre(
          id: 7, name: "张三", sex: .male, ethnicity: Ethnicity(rawValue: "布依族"),
          bornOn: CalendarDate(valid: 1940, 1, 2), lunarBirthday: flags.0, residentID: "522301194001020011",
          category: .retired, startedWorkOn: CalendarDate(valid: 1958, 3, 4),
          retiredOn: CalendarDate(valid: 2000, 5, 6),
          formerUnit: "原单位", unitType: .institution, formerPost: "原职务", rank: .countyDeputy, regionCode: "522301",
          isPartyMember: flags.1, joinedPartyOn: CalendarDate(valid: 1960, 7, 8), partyStatus: .mobile,
          awayTo: "外出地", residence: "居住地", resettledElsewhere: flags.2, resettledTo: "安置地",
          resettlementScope: .outOfProvince, needsCare: flags.3, phone: "13800000001", emergencyContact: "紧急联系人",
          emergencyPhone: "13900000002", diedOn: CalendarDate(valid: 2020, 9, 10), deathCause: "去世原因",
          farewell: "告别仪式", note: "备注", voidedReason: "作废原因"))
    }
  }

  @Test(
    "a payment's, a 党费 payment's, a permit's, an organization's and a membership's every column is written where it is read"
  )
  func others() throws {
    try Self.expectAgree(
      Payment(
        id: 3, cadreID: 11, item: .medicalSubsidy, month: Month(valid: 2023, 6),
        paidOn: CalendarDate(valid: 2023, 6, 20),
        amount: Fen(5050), note: "备注", ruleID: 13, voidedReason: "作废原因", recipientID: 17))
    try Self.expectAgree(
      DuesPayment(
        id: 5, cadreID: 19, month: Month(valid: 2023, 5), amount: Fen(2000), paidOn: CalendarDate(valid: 2023, 5, 31),
        voidedReason: "作废原因"))
    try Self.expectAgree(
      Permit(
        id: 9, cadreID: 23, type: .taiwan, number: "T1234567", issuedOn: CalendarDate(valid: 2019, 1, 1),
        validUntil: CalendarDate(valid: 2029, 1, 1), voidedReason: "作废原因"))
    try Self.expectAgree(
      PartyOrganization(
        id: 29, name: "甲支部", kind: .branch, regionCode: "522301", isOffSite: true, locatedIn: "所在地",
        modelLevel: .county, namedOn: CalendarDate(valid: 2021, 1, 1), establishedOn: CalendarDate(valid: 1990, 2, 2),
        dissolvedOn: CalendarDate(valid: 2024, 3, 3), electedOn: CalendarDate(valid: 2022, 4, 4), voidedReason: "作废原因"))
    try Self.expectAgree(
      Membership(
        id: 31, cadreID: 37, organizationID: 41, joinedOn: CalendarDate(valid: 2001, 1, 1),
        leftOn: CalendarDate(valid: 2011, 2, 2)))
  }
}
