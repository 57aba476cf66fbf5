import LaoganModel
import LaoganStore
import LaoganText

/// 证照: a cadre's passport or 通行证 in the bureau's custody, named by its 证照号码 (SPEC §17). Whether it is lent
/// is a loan (`permit lend`/`permit return`); an import's 保管=领用 opens one without a trip — a custody list
/// taken over from paper — but never takes one back, which has a day only `permit return` knows.
public enum PermitKind: RecordKind {
  public typealias Field = PermitField
  public typealias Record = Permit

  public static let name = "permits"
  public static let label = "证照"
  public static let keyField: PermitField? = .number
  public static let keyColumn = "number"
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.cadres
  public static let listFields: [PermitField] = [.residentID, .type, .number, .validUntil, .custody, .lentOn]

  /// Letters in upper case, without the blanks a clerk types between groups: `e 1234 5678` is `E12345678`.
  public static func storedKey(_ text: String) -> String? {
    let key = String(text.halfWidth.uppercased().filter { !$0.isWhitespace })
    return key.isEmpty ? nil : key
  }

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let cadre = try cells.cadre(.residentID, lookup)
    let type = cells.choice(.type, PermitType.self)
    let number = cells.text(.number).flatMap(storedKey)
    let issuedOn = cells.date(.issuedOn)
    let validUntil = cells.date(.validUntil)
    let custody = cells.choice(.custody, Custody.self)
    // A 领用日期 the row does not type is the stored loan's: a row saying 在柜 over it asks for a return.
    var lentOn = cells.date(.lentOn)
    if custody == .inCabinet, lentOn != nil, !cells.typed(.lentOn) { lentOn = nil }
    if let number,
      !(5...20).contains(number.count) || !number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    {
      cells.fail(.number, "证照号码应为 5 到 20 位字母与数字", value: number)
    }
    if let issuedOn, let validUntil, validUntil < issuedOn { cells.fail(.validUntil, "早于签发日期 \(issuedOn)") }
    if custody == .lent, lentOn == nil { cells.fail(.lentOn, "保管为领用时须填领用日期") }
    if custody == .inCabinet, lentOn != nil { cells.fail(.lentOn, "保管为在柜，却填了领用日期") }
    if let lentOn, let issuedOn, lentOn < issuedOn { cells.fail(.lentOn, "早于签发日期 \(issuedOn)") }
    if let lentOn, let validUntil, lentOn > validUntil { cells.fail(.lentOn, "证照已于 \(validUntil) 过期") }
    if let lentOn, lentOn > lookup.today { cells.fail(.lentOn, "在今天（\(lookup.today)）之后") }
    guard cells.problems.isEmpty, let cadre, let type, let number, let validUntil else { return nil }
    let permit = Permit(
      id: cells.replacing, cadreID: cadre.id, type: type, number: number, issuedOn: issuedOn, validUntil: validUntil,
      lentOn: lentOn, voidedReason: nil)
    if let stored = try cells.replacing.flatMap({ try lookup.db.record(Permit.self, id: $0) }) {
      try checkChange(from: stored, to: permit, &cells, lookup)
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(permit)
  }

  /// A stored permit changed by a row or an edit: its holder only while nothing was travelled on or lent, its
  /// type and days only as far as every trip on it still fits, and its custody never (`permit return`).
  private static func checkChange(
    from stored: Permit, to permit: Permit, _ cells: inout FieldReader<Field>, _ lookup: Lookup
  ) throws {
    let trips = try Permits.trips(on: stored.id, lookup.db)
    let loans = try Permits.loans(of: stored.id, lookup.db)
    if stored.cadreID != permit.cadreID, !trips.isEmpty || !loans.isEmpty {
      cells.fail(.residentID, "证照 \(permit.number) 已有出行或领用记录，不能改到另一名干部名下")
    }
    for trip in trips {
      guard let refusal = Permits.refusal(permit, for: trip) else { continue }
      cells.fail(.validUntil, "出国(境)登记 \(trip.id ?? 0) 用这本证照：\(refusal)")
    }
    if let lent = loans.first(where: { $0.returnedOn == nil })?.lentOn {
      if lent != permit.lentOn {
        cells.fail(.custody, "证照 \(permit.number) 已于 \(lent) 领用；归还请用 permit return 登记归还日期")
      }
    } else if let lentOn = permit.lentOn, let last = loans.compactMap(\.returnedOn).max(), lentOn < last {
      // A 领用 typed here opens a loan as `permit lend` does, after the last return.
      cells.fail(.lentOn, "早于上次归还日期 \(last)")
    }
  }

  /// A permit named by its 证照号码 first — a 往来台湾通行证's is eight digits, which would read as a record's
  /// id — then by id, written without leading zeros.
  public static func find(_ reference: String, in db: any SQLSession) throws -> Permit? {
    let text = CellText.key(reference.trimmed)
    if let number = storedKey(text),
      let permit = try db.record(
        Permit.self, sql: "SELECT \(Permit.selection) FROM permit WHERE number = ?", arguments: [number])
    {
      return permit
    }
    guard let id = Int64(text), !text.hasPrefix("0") else { return nil }
    return try db.record(Permit.self, sql: "SELECT \(Permit.selection) FROM permit WHERE id = ?", arguments: [id])
  }

  /// A permit out of the cabinet, or one a trip in force travels on, is not voided.
  public static func refuseVoid(of record: Record, _ db: any SQLSession) throws {
    if let lent = record.lentOn {
      throw LaoganError.invalidValue(field: label, value: record.number, reason: "已于 \(lent) 领用，尚未归还；先 permit return")
    }
    if let trip = try Permits.trips(on: record.id, db).first {
      throw LaoganError.invalidValue(
        field: label, value: record.number, reason: "出国(境)登记 \(trip.id ?? 0) 用这本证照；登记错了先作废那次出行")
    }
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    [
      .residentID: try lookup.cadre(id: record.cadreID)?.residentID ?? "", .type: record.type.rawValue,
      .number: record.number, .issuedOn: record.issuedOn?.description ?? "",
      .validUntil: record.validUntil.description, .custody: record.custody.rawValue,
      .lentOn: record.lentOn?.description ?? "",
    ]
  }

  /// A row that says 领用 of a permit in the cabinet opens its loan, for no trip.
  public static func afterSave(_ parsed: Parsed<Record>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup)
    throws
  {
    guard let id = parsed.record.id, let lentOn = parsed.record.lentOn,
      try Permits.openLoan(of: id, writer.db) == nil
    else { return }
    var loan = PermitLoan(id: nil, permitID: id, tripID: nil, lentOn: lentOn, returnedOn: nil)
    try writer.insert(&loan)
  }
}
