import GRDB

/// A rule of the monthly run: how much of a scheduled item a class of cadres gets each month, for a range of
/// months. Amounts are data the clerk configures; a rule from 2024-01 leaves 2023 alone.
public struct BenefitRule: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "benefit_rule"
  public var id: Int64?
  public var item: BenefitItem
  public var monthly: Fen
  public var fromMonth: Month
  /// The last month it applies to, inclusive; nil while in force.
  public var toMonth: Month?
  /// Age on the month's last day, inclusive bounds (高龄补贴 tiers 80–89, 90–99, 100+).
  public var minAge: Int?
  public var maxAge: Int?
  public var category: CadreCategory?
  public var rank: Rank?
  public var voidedReason: String?

  public init(
    item: BenefitItem, monthly: Fen, fromMonth: Month, toMonth: Month? = nil, minAge: Int? = nil, maxAge: Int? = nil,
    category: CadreCategory? = nil, rank: Rank? = nil
  ) {
    self.item = item
    self.monthly = monthly
    self.fromMonth = fromMonth
    self.toMonth = toMonth
    self.minAge = minAge
    self.maxAge = maxAge
    self.category = category
    self.rank = rank
  }

  enum CodingKeys: String, CodingKey {
    case id, item, category, rank
    case monthly = "monthly_fen"
    case fromMonth = "from_month"
    case toMonth = "to_month"
    case minAge = "min_age"
    case maxAge = "max_age"
    case voidedReason = "voided_reason"
  }
}

/// 生活待遇发放 — one payment to one cadre, attributed to a month (所属月份) or dated, or both.
public struct Payment: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "payment"
  public var id: Int64?
  public var cadreID: Int64
  public var item: BenefitItem
  public var month: Month?
  public var paidOn: CalendarDate?
  public var amount: Fen
  public var note: String?
  /// The rule a `benefit run` paid it under; nil for grants and imported payments.
  public var ruleID: Int64?
  public var voidedReason: String?
  /// 领取人: the family member paid, for an item that follows a death.
  public var recipientID: Int64?

  enum CodingKeys: String, CodingKey {
    case id, item, month, note
    case cadreID = "cadre_id"
    case paidOn = "paid_on"
    case amount = "amount_fen"
    case ruleID = "rule_id"
    case voidedReason = "voided_reason"
    case recipientID = "recipient_id"
  }
}

/// An entry of the 帮扶基金 hardship fund ledger.
public struct FundEntry: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "fund_entry"
  public var id: Int64?
  public var enteredOn: CalendarDate
  public var kind: FundEntryType
  public var amount: Fen
  /// 事由.
  public var reason: String?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, reason
    case enteredOn = "entered_on"
    case amount = "amount_fen"
    case voidedReason = "voided_reason"
  }
}

/// 健康体检 — that a cadre was checked, and when; no medical details are kept.
public struct HealthCheck: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "health_check"
  public var id: Int64?
  public var cadreID: Int64
  public var checkedOn: CalendarDate
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case checkedOn = "checked_on"
    case voidedReason = "voided_reason"
  }
}

/// 就医绿色通道卡 — a green-channel card for hospital care.
public struct GreenCard: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "green_card"
  public var id: Int64?
  public var cadreID: Int64
  public var cardNumber: String
  public var issuedOn: CalendarDate
  public var expiresOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case cardNumber = "card_number"
    case issuedOn = "issued_on"
    case expiresOn = "expires_on"
    case voidedReason = "voided_reason"
  }
}

extension BenefitRule: AuditedRecord, Voidable {}
extension Payment: ColumnList, Voidable {
  public static let storedColumns = [
    "id", "cadre_id", "item", "month", "paid_on", "amount_fen", "note", "rule_id", "voided_reason", "recipient_id",
  ]
  public var storedValues: [(any DatabaseValueConvertible)?] {
    [
      id, cadreID, item, month, paidOn, amount, note, ruleID, voidedReason, recipientID,
    ]
  }
}
extension FundEntry: AuditedRecord, Voidable {}
extension HealthCheck: AuditedRecord, Voidable {}
extension GreenCard: AuditedRecord, Voidable {}
