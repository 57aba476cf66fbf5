import LaoganModel
import LaoganStore

/// 帮扶基金 ledger entries: facts.
public enum FundKind: RecordKind {
  public typealias Field = FundField
  public typealias Record = FundEntry

  public static let name = "fund"
  public static let label = "帮扶基金收支"
  public static let dateSQL: String? = "fund_entry.entered_on"
  public static let region = RecordRegion.none
  public static let listFields: [FundField] = [.enteredOn, .kind, .amount, .reason]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let enteredOn = cells.date(.enteredOn)
    let kind = cells.choice(.kind, FundEntryType.self)
    let amount = cells.money(.amount)
    if let amount, amount < .zero { cells.fail(.amount, "金额应为正数；支出请用类型“支出”") }
    guard cells.problems.isEmpty, let enteredOn, let kind, let amount else { return nil }
    if kind == .expense {
      let balance = try FundLedger.lowestBalance(from: enteredOn, lookup.db)
      if balance < amount {
        cells.fail(.amount, "帮扶基金余额 \(balance) 元，不足以支出")
        return nil
      }
    }
    return Parsed(
      FundEntry(
        id: nil, enteredOn: enteredOn, kind: kind, amount: amount, reason: cells.line(.reason), voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .enteredOn: record.enteredOn.description, .kind: record.kind.rawValue, .amount: record.amount.description,
      .reason: record.reason ?? "",
    ]
  }
}
