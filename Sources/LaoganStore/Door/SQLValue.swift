import Foundation
import LaoganModel

/// A value as a column holds it, the same on every engine: what crosses the door between the core and the
/// engine that stores its rows. The core reads and binds these, never an engine's own types.
public enum SQLValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob(Data)
}

/// A Swift value with a stored form: how it is bound as an argument and read back from a column.
public protocol SQLValueConvertible {
  var sqlValue: SQLValue { get }
  /// Nil when the stored value is not one of this type's (a text for a number, an unknown label).
  init?(sqlValue: SQLValue)
}

extension Int64: SQLValueConvertible {
  @inlinable public var sqlValue: SQLValue { .integer(self) }

  /// An integer, or a real cut to its whole part as SQLite and GRDB cut it (a count another tool stored as
  /// 2.5 reads as 2).
  @inlinable public init?(sqlValue: SQLValue) {
    switch sqlValue {
    case .integer(let value): self = value
    case .real(let value):
      guard value >= -9.223_372_036_854_775_808e18 && value < 9.223_372_036_854_775_808e18 else { return nil }
      self = Int64(value)
    default: return nil
    }
  }
}

extension Int: SQLValueConvertible {
  @inlinable public var sqlValue: SQLValue { .integer(Int64(self)) }

  @inlinable public init?(sqlValue: SQLValue) {
    guard let value = Int64(sqlValue: sqlValue) else { return nil }
    self.init(value)
  }
}

extension Double: SQLValueConvertible {
  @inlinable public var sqlValue: SQLValue { .real(self) }

  @inlinable public init?(sqlValue: SQLValue) {
    switch sqlValue {
    case .integer(let value): self.init(value)
    case .real(let value): self = value
    default: return nil
    }
  }
}

extension Bool: SQLValueConvertible {
  @inlinable public var sqlValue: SQLValue { .integer(self ? 1 : 0) }

  /// SQL's truth: any number but zero.
  @inlinable public init?(sqlValue: SQLValue) {
    switch sqlValue {
    case .integer(let value): self = value != 0
    case .real(let value): self = value != 0
    default: return nil
    }
  }
}

extension String: SQLValueConvertible {
  @inlinable public var sqlValue: SQLValue { .text(self) }

  @inlinable public init?(sqlValue: SQLValue) {
    guard case .text(let text) = sqlValue else { return nil }
    self = text
  }
}

extension Data: SQLValueConvertible {
  public var sqlValue: SQLValue { .blob(self) }

  public init?(sqlValue: SQLValue) {
    guard case .blob(let data) = sqlValue else { return nil }
    self = data
  }
}

// MARK: - The model's values

extension CalendarDate: SQLValueConvertible {
  /// `YYYY-MM-DD`, which sorts and compares as the day does.
  public var sqlValue: SQLValue { .text(description) }

  public init?(sqlValue: SQLValue) {
    guard let day = String(sqlValue: sqlValue).flatMap(CalendarDate.init(iso:)) else { return nil }
    self = day
  }
}

extension Month: SQLValueConvertible {
  /// `YYYY-MM`.
  public var sqlValue: SQLValue { .text(description) }

  public init?(sqlValue: SQLValue) {
    guard let month = String(sqlValue: sqlValue).flatMap(Month.init(storedForm:)) else { return nil }
    self = month
  }
}

extension Fen: SQLValueConvertible {
  /// Whole 分, never a real.
  public var sqlValue: SQLValue { .integer(value) }

  public init?(sqlValue: SQLValue) {
    guard let value = Int64(sqlValue: sqlValue) else { return nil }
    self.init(value)
  }
}

/// A closed list's value and a 族 are stored by their label, which the schema's CHECK holds to the list.
extension SQLValueConvertible where Self: RawRepresentable, RawValue == String {
  public var sqlValue: SQLValue { .text(rawValue) }

  public init?(sqlValue: SQLValue) {
    guard let value = String(sqlValue: sqlValue).flatMap(Self.init(rawValue:)) else { return nil }
    self = value
  }
}

extension Ethnicity: SQLValueConvertible {}
extension ActivityPlace: SQLValueConvertible {}
extension ActivityType: SQLValueConvertible {}
extension Advantage: SQLValueConvertible {}
extension AssociationCategory: SQLValueConvertible {}
extension BenefitItem: SQLValueConvertible {}
extension CadreCategory: SQLValueConvertible {}
extension ContributionArea: SQLValueConvertible {}
extension Custody: SQLValueConvertible {}
extension FamilyRelation: SQLValueConvertible {}
extension FundEntryType: SQLValueConvertible {}
extension HonorLevel: SQLValueConvertible {}
extension MeetingType: SQLValueConvertible {}
extension ModelLevel: SQLValueConvertible {}
extension OfficerPost: SQLValueConvertible {}
extension OrganizationType: SQLValueConvertible {}
extension PartyStatus: SQLValueConvertible {}
extension PermitType: SQLValueConvertible {}
extension Rank: SQLValueConvertible {}
extension ResettlementScope: SQLValueConvertible {}
extension Sex: SQLValueConvertible {}
extension TransferDirection: SQLValueConvertible {}
extension TreatmentType: SQLValueConvertible {}
extension UnitType: SQLValueConvertible {}
extension VenueType: SQLValueConvertible {}
extension VisitOccasion: SQLValueConvertible {}
