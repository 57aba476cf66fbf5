import LaoganModel
import LaoganStore

/// 党费标准: a member's monthly 党费 from a month on (SPEC §11). A standard is for a Party member; two standards
/// of one member starting in the same month are refused, since either could be meant.
public enum DuesStandardKind: RecordKind {
  public typealias Field = DuesStandardField
  public typealias Record = DuesStandard

  public static let name = "dues-standards"
  public static let label = "党费标准"
  public static var dateSQL: String? { MonthSQL.firstDay("dues_standard.from_month") }
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [DuesStandardField] = [.residentID, .monthly, .fromMonth]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let monthly = cells.money(.monthly)
    let fromMonth = cells.month(.fromMonth)
    if let monthly, monthly < .zero { cells.fail(.monthly, "月缴金额应大于 0") }
    guard cells.problems.isEmpty, let cadre, let monthly, let fromMonth else { return nil }
    if !cadre.isPartyMember {
      cells.fail(.residentID, "\(cadre.name)不是党员", value: Masking.residentID(cadre.residentID))
    }
    if try lookup.hasDuesStandard(cadre.id, from: fromMonth, excluding: cells.replacing) {
      cells.fail(.fromMonth, "\(cadre.name)已有从 \(fromMonth) 起的党费标准；调整请用新的起始月份")
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(DuesStandard(id: nil, cadreID: cadre.id, fromMonth: fromMonth, monthly: monthly, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .monthly: record.monthly.description,
      .fromMonth: record.fromMonth.description,
    ]
  }
}

/// 党费缴纳: facts — what a member paid for a month. Only a Party member pays, and only for a month they owe
/// (`DuesMonths`: not before joining the Party, not after the month of death); dues are their own money, never
/// living treatment.
public enum DuesKind: RecordKind {
  public typealias Field = DuesField
  public typealias Record = DuesPayment

  public static let name = "dues"
  public static let label = "党费缴纳"
  public static var dateSQL: String? { MonthSQL.firstDay("dues_payment.month") }
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [DuesField] = [.residentID, .month, .amount, .paidOn]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let month = cells.month(.month)
    let amount = cells.money(.amount)
    let paidOn = cells.date(.paidOn)
    if let amount, amount < .zero { cells.fail(.amount, "金额应大于 0") }
    guard cells.problems.isEmpty, let cadre, let month, let amount else { return nil }
    if !cadre.isPartyMember {
      cells.fail(.residentID, "\(cadre.name)不是党员，不缴党费", value: Masking.residentID(cadre.residentID))
    } else if !DuesMonths.span(joinedPartyOn: cadre.joinedPartyOn, diedOn: cadre.diedOn).contains(month.index) {
      if let joined = cadre.joinedPartyOn, Month(joined) > month {
        cells.fail(.month, "早于\(cadre.name)的入党日期 \(joined)")
      } else if let died = cadre.diedOn {
        cells.fail(.month, "晚于\(cadre.name)的去世日期 \(died)")
      }
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(
      DuesPayment(id: nil, cadreID: cadre.id, month: month, amount: amount, paidOn: paidOn, voidedReason: nil))
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .month: record.month.description,
      .amount: record.amount.description, .paidOn: record.paidOn?.description ?? "",
    ]
  }
}
