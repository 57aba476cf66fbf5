/// A rule of the monthly run: how much of a scheduled item a class of cadres gets each month, for a range of
/// months. Amounts are data the clerk configures; a rule from 2024-01 leaves 2023 alone.
public struct BenefitRule: Sendable, Equatable, Codable {
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
public struct Payment: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  public var item: BenefitItem
  public var month: Month?
  public var paidOn: CalendarDate?
  public var amount: Fen
  public var note: String?
  /// The rule a `benefit run` paid it under; nil for grants and imported payments.
  package var ruleID: Int64?
  public var voidedReason: String?
  /// 领取人: the family member paid, for an item that follows a death.
  package var recipientID: Int64?

  enum CodingKeys: String, CodingKey {
    case id, item, month, note
    case cadreID = "cadre_id"
    case paidOn = "paid_on"
    case amount = "amount_fen"
    case ruleID = "rule_id"
    case voidedReason = "voided_reason"
    case recipientID = "recipient_id"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, item: BenefitItem, month: Month? = nil, paidOn: CalendarDate? = nil, amount: Fen,
    note: String? = nil, ruleID: Int64? = nil, voidedReason: String? = nil, recipientID: Int64? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.item = item
    self.month = month
    self.paidOn = paidOn
    self.amount = amount
    self.note = note
    self.ruleID = ruleID
    self.voidedReason = voidedReason
    self.recipientID = recipientID
  }
}

/// An entry of the 帮扶基金 hardship fund ledger.
public struct FundEntry: Sendable, Equatable, Codable {
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

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, enteredOn: CalendarDate, kind: FundEntryType, amount: Fen, reason: String? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.enteredOn = enteredOn
    self.kind = kind
    self.amount = amount
    self.reason = reason
    self.voidedReason = voidedReason
  }
}

/// 健康体检 — that a cadre was checked, and when; no medical details are kept.
public struct HealthCheck: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var checkedOn: CalendarDate
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case checkedOn = "checked_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, checkedOn: CalendarDate, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.checkedOn = checkedOn
    self.voidedReason = voidedReason
  }
}

/// 就医绿色通道卡 — a green-channel card for hospital care.
public struct GreenCard: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var cardNumber: String
  package var issuedOn: CalendarDate
  package var expiresOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id
    case cadreID = "cadre_id"
    case cardNumber = "card_number"
    case issuedOn = "issued_on"
    case expiresOn = "expires_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, cardNumber: String, issuedOn: CalendarDate, expiresOn: CalendarDate? = nil,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.cardNumber = cardNumber
    self.issuedOn = issuedOn
    self.expiresOn = expiresOn
    self.voidedReason = voidedReason
  }
}

extension BenefitRule: Voidable {}
extension Payment: Voidable {}
extension FundEntry: Voidable {}
extension HealthCheck: Voidable {}
extension GreenCard: Voidable {}
