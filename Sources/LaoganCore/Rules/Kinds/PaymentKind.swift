import LaoganModel
import LaoganStore
import LaoganText

/// 生活待遇发放: facts. A 困难帮扶 grant draws on the hardship fund and is refused beyond its balance; a
/// payment dated after the cadre's death is kept, with a warning (`check` reports it). 丧葬费, 一次性抚恤金 and
/// 遗属补助 follow a death (SPEC §10): each names its 领取人, a member of the cadre's family alive on the
/// payment's day, and no other item has one.
public enum PaymentKind: RecordKind {
  public typealias Field = PaymentField
  public typealias Record = Payment

  public static let name = "payments"
  public static let label = "生活待遇发放"
  public static let dateSQL: String? = PaymentSQL.countedOn()
  public static let typeColumn: String? = "item"
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [PaymentField] = [.residentID, .item, .month, .paidOn, .amount, .note]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let item = cells.choice(.item, BenefitItem.self)
    let month = cells.month(.month)
    let paidOn = cells.date(.paidOn)
    let amount = cells.money(.amount)
    if cells.text(.month) == nil && cells.text(.paidOn) == nil {
      cells.fail(.month, "所属月份与日期须填其一")
    }
    guard cells.problems.isEmpty, let cadre, let item, let amount else { return nil }
    let payment = Payment(
      id: nil, cadreID: cadre.id, item: item, month: month, paidOn: paidOn, amount: amount, note: cells.line(.note),
      ruleID: nil, voidedReason: nil)
    guard item.followsDeath else {
      if cells.text(.recipient) != nil { cells.fail(.recipient, "只有丧葬费、一次性抚恤金、遗属补助填写领取人") }
      return try livingTreatment(payment, of: cadre, &cells, lookup)
    }
    return try afterDeath(payment, of: cadre, &cells, lookup)
  }

  /// The checks of a payment after a death: its 领取人 a member of the family, alive on the day; a cadre still
  /// alive that day only noted (`check` reports it as `survivor_payment_while_alive`).
  private static func afterDeath(
    _ payment: Payment, of cadre: Lookup.CadreRef, _ cells: inout FieldReader<Field>, _ lookup: Lookup
  ) throws -> Parsed<Record>? {
    let item = payment.item.rawValue
    guard let written = cells.text(.recipient) else {
      cells.fail(.recipient, "\(item)须填写领取人（\(cadre.name)的家庭成员姓名）")
      return nil
    }
    let cadreShown = "\(cadre.name)（\(Masking.residentID(cadre.residentID))）"
    // `王芳（配偶）` names one of two family members called 王芳.
    let parts = written.split(whereSeparator: { "（）()".contains($0) }).map { String($0).trimmed }
    let relation = parts.count == 2 ? FamilyRelation(label: parts[1]) : nil
    let name = relation == nil ? written : parts[0]
    let named = try lookup.familyMembers(of: cadre.id, named: name).filter {
      relation == nil || $0.relation == relation
    }
    guard named.count < 2 else {
      let relations = named.map(\.relation.rawValue).joined(separator: "、")
      cells.fail(
        .recipient,
        "\(cadreShown)有 \(named.count) 名家庭成员叫\(name)（\(relations)）：请写成 \(name)（关系），如 \(name)（\(named[0].relation.rawValue)）"
      )
      return nil
    }
    guard let recipient = named.first else {
      cells.fail(.recipient, "\(written)不是\(cadreShown)登记的家庭成员（先 family add）")
      return nil
    }
    let day = payment.dayPaid
    if let died = recipient.diedOn, let day, died <= day {
      cells.fail(.recipient, "\(cadreShown)的家庭成员\(name)已于 \(died) 去世，不晚于发放日 \(day)")
      return nil
    }
    if let day, cadre.diedOn.map({ $0 > day }) ?? true {
      cells.note("\(cadreShown)在 \(day) 尚未去世，却发放\(item)")
    }
    var paid = payment
    paid.recipientID = recipient.id
    return Parsed(paid)
  }

  /// The checks of a payment to the cadre: after death only with a warning, a grant within the fund.
  private static func livingTreatment(
    _ payment: Payment, of cadre: Lookup.CadreRef, _ cells: inout FieldReader<Field>, _ lookup: Lookup
  ) throws -> Parsed<Record>? {
    let item = payment.item
    let amount = payment.amount
    if let died = cadre.diedOn, let day = payment.dayPaid, day > died {
      cells.note("\(cadre.name)（\(Masking.residentID(cadre.residentID))）已于 \(died) 去世，此笔\(item.rawValue)在其后")
    }
    if item == .hardshipAid, amount > .zero, let day = payment.dayPaid {
      let balance = try FundLedger.lowestBalance(from: day, lookup.db)
      if balance < amount {
        cells.fail(.amount, "帮扶基金 \(day) 起的余额为 \(balance) 元，不足以支付（先 fund allocate 拨入）")
        return nil
      }
    }
    return Parsed(payment)
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .item: record.item.rawValue,
      .month: record.month?.description ?? "", .paidOn: record.paidOn?.description ?? "",
      .amount: record.amount.description, .note: record.note ?? "",
      .recipient: try record.recipientID.flatMap { try lookup.familyMember(id: $0)?.name } ?? "",
    ]
  }
}
