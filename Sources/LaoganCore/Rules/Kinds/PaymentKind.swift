/// 生活待遇发放: facts. A 困难帮扶 grant draws on the hardship fund and is refused beyond its balance; a
/// payment dated after the cadre's death is kept, with a warning (`check` reports it).
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
    ]
  }
}
