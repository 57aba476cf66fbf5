/// 证照类型 — the documents a bureau keeps in custody for a cadre's travel out of the mainland (SPEC §17).
public enum PermitType: String, ClosedSet {
  case passport = "护照"
  case hongKongMacau = "往来港澳通行证"
  case taiwan = "往来台湾通行证"

  public static let aliases: [String: PermitType] = ["港澳通行证": .hongKongMacau, "台湾通行证": .taiwan]

  /// The document a trip to `destination` travels on: a 往来港澳通行证 to 香港 or 澳门, a 往来台湾通行证 to 台湾, a
  /// 护照 anywhere else; nil for a journey that needs two of them (香港 and 台湾, 台湾 and 日本), which is
  /// recorded as a trip each. Places are found by their names anywhere in the text (`香港和台湾`, `中国香港`,
  /// `台北`); what is left once they and the words between places are taken out is somewhere abroad.
  package static func needed(for destination: String) -> PermitType? {
    var rest = destination
    var types = Set<PermitType>()
    for (type, names) in [
      (PermitType.hongKongMacau, ["香港", "澳门", "澳門", "港澳"]),
      (.taiwan, ["台湾", "臺灣", "台灣", "台北", "臺北", "高雄", "台中", "台南", "金门", "金門", "马祖", "馬祖"]),
    ] {
      for name in names where rest.contains(name) {
        types.insert(type)
        rest = rest.replacingOccurrences(of: name, with: "")
      }
    }
    if rest.contains(where: { !"、，,;；/ 和及与與中国國特别行政区地区省市".contains($0) }) { types.insert(.passport) }
    return types.count == 1 ? types.first : nil
  }
}

/// 保管 — where a permit is: in the bureau's cabinet, or lent to its holder for a trip.
package enum Custody: String, ClosedSet {
  case inCabinet = "在柜"
  case lent = "领用"
}

/// A cadre's 证照 in the bureau's custody, named by its 证照号码. Whether it is lent is not a column: it is the
/// loan still open (`PermitLoan`), read with the permit (`selection`) so that a lend and its return are facts
/// with their days, and a list of a past day knows what was lent then.
public struct Permit: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  public var type: PermitType
  public var number: String
  package var issuedOn: CalendarDate?
  package var validUntil: CalendarDate
  /// 领用日期 of the open loan; nil while the permit is in the cabinet.
  package var lentOn: CalendarDate?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, number
    case cadreID = "cadre_id"
    case type = "kind"
    case issuedOn = "issued_on"
    case validUntil = "valid_until"
    case lentOn = "lent_on"
    case voidedReason = "voided_reason"
  }

  package var custody: Custody { lentOn == nil ? .inCabinet : .lent }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, type: PermitType, number: String, issuedOn: CalendarDate? = nil,
    validUntil: CalendarDate, lentOn: CalendarDate? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.type = type
    self.number = number
    self.issuedOn = issuedOn
    self.validUntil = validUntil
    self.lentOn = lentOn
    self.voidedReason = voidedReason
  }
}

/// A permit handed to its holder on `lentOn` for a trip, back in the cabinet on `returnedOn` (open until then).
/// A loan recorded by an import of 保管=领用 names no trip.
public struct PermitLoan: Sendable, Equatable, Codable {
  public var id: Int64?
  package var permitID: Int64
  package var tripID: Int64?
  package var lentOn: CalendarDate
  package var returnedOn: CalendarDate?

  enum CodingKeys: String, CodingKey {
    case id
    case permitID = "permit_id"
    case tripID = "trip_id"
    case lentOn = "lent_on"
    case returnedOn = "returned_on"
  }

  /// The days a permit may stay out after its trip came back before `check` and `report abroad` name it.
  public static let graceDays = 7

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, permitID: Int64, tripID: Int64? = nil, lentOn: CalendarDate, returnedOn: CalendarDate? = nil
  ) {
    self.id = id
    self.permitID = permitID
    self.tripID = tripID
    self.lentOn = lentOn
    self.returnedOn = returnedOn
  }
}

/// 出国(境): a cadre's journey out of the mainland, on one of their permits.
public struct Trip: Sendable, Equatable, Codable {
  public var id: Int64?
  public var cadreID: Int64
  package var destination: String
  /// 事由: 探亲, 旅游 …
  package var purpose: String?
  package var departedOn: CalendarDate
  package var plannedReturnOn: CalendarDate
  /// 实际返回日期: nil until the cadre is back.
  package var returnedOn: CalendarDate?
  package var permitID: Int64
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, destination, purpose
    case cadreID = "cadre_id"
    case departedOn = "departed_on"
    case plannedReturnOn = "planned_return_on"
    case returnedOn = "returned_on"
    case permitID = "permit_id"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, cadreID: Int64, destination: String, purpose: String? = nil, departedOn: CalendarDate,
    plannedReturnOn: CalendarDate, returnedOn: CalendarDate? = nil, permitID: Int64, voidedReason: String? = nil
  ) {
    self.id = id
    self.cadreID = cadreID
    self.destination = destination
    self.purpose = purpose
    self.departedOn = departedOn
    self.plannedReturnOn = plannedReturnOn
    self.returnedOn = returnedOn
    self.permitID = permitID
    self.voidedReason = voidedReason
  }
}
