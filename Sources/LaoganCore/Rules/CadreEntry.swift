import LaoganModel
import LaoganStore
import LaoganText

/// A cadre as typed, field by field — a spreadsheet row, or the options of `cadre add` — before validation.
///
/// Typed text becomes a `Cadre` in one place, `FieldReader.readCadre(today:)`, which import, add and edit all go
/// through (via `CadreKind`), so every path applies the same rules (SPEC §3).
public struct CadreEntry: Sendable {
  public var cells: [CadreField: String]

  public init(cells: [CadreField: String] = [:]) {
    self.cells = cells
  }

  /// The fields listed as required that hold nothing.
  public var missingFields: [CadreField] {
    let reader = FieldReader(cells: cells)
    return CadreField.allCases.filter { $0.isRequired && reader.text($0) == nil }
  }

}

extension CadreEntry {
  /// The entry for an existing cadre, unmasked, so that `cadre edit` can change some fields and validate the whole.
  public init(_ cadre: Cadre) {
    self.init(cells: CadreField.allCases.reduce(into: [:]) { $0[$1] = cadre.text(of: $1) })
  }
}

extension Cadre {
  /// A field as a spreadsheet cell holds it, unmasked: the text `import` reads back.
  public func text(of field: CadreField) -> String {
    switch field {
    case .name: name
    case .sex: sex.rawValue
    case .ethnicity: ethnicity?.rawValue ?? ""
    case .bornOn: bornOn.description
    case .lunarBirthday: YesNo.label(lunarBirthday)
    case .residentID: residentID
    case .category: category.rawValue
    case .startedWorkOn: startedWorkOn?.description ?? ""
    case .retiredOn: retiredOn?.description ?? ""
    case .formerUnit: formerUnit ?? ""
    case .unitType: unitType?.rawValue ?? ""
    case .formerPost: formerPost ?? ""
    case .rank: rank?.rawValue ?? ""
    case .region: regionCode
    case .isPartyMember: YesNo.label(isPartyMember)
    case .joinedPartyOn: joinedPartyOn?.description ?? ""
    case .partyOrganization: partyOrganization ?? ""
    case .partyStatus: partyStatus?.rawValue ?? ""
    case .awayTo: awayTo ?? ""
    case .residence: residence ?? ""
    case .resettledElsewhere: YesNo.label(resettledElsewhere)
    case .resettledTo: resettledTo ?? ""
    case .resettlementScope: resettlementScope?.rawValue ?? ""
    case .needsCare: YesNo.label(needsCare)
    case .phone: phone ?? ""
    case .emergencyContact: emergencyContact ?? ""
    case .emergencyPhone: emergencyPhone ?? ""
    case .diedOn: diedOn?.description ?? ""
    case .deathCause: deathCause ?? ""
    case .farewell: farewell ?? ""
    case .note: note ?? ""
    }
  }
}

// MARK: - Validation

/// The cadre's own rules, read from the same cells every other kind reads.
extension FieldReader where Field == CadreField {
  /// The cadre the cells describe, or nil with every problem recorded: 身份证号 agreement, dates after
  /// birth, phone numbers, on top of the shared cell reading.
  mutating func readCadre(today: CalendarDate) -> Cadre? {
    let id = residentID()
    if let id, id.birthDate > today {
      fail(.residentID, "号码中的出生日期 \(id.birthDate) 晚于今天", value: id.masked)
    }
    let name = line(.name, maxLength: 50)
    let sex = choice(.sex, Sex.self)
    let bornOn = date(.bornOn)
    if let id {
      if let sex, sex != id.sex { fail(.sex, "与身份证号不符（号码表明性别为\(id.sex.rawValue)）") }
      if let bornOn, bornOn != id.birthDate {
        fail(.bornOn, "与身份证号不符（号码表明出生于 \(id.birthDate)）")
      }
    }
    let ethnicity = text(.ethnicity).flatMap { text in
      Ethnicity(label: text)
        ?? {
          fail(.ethnicity, "不是 56 个民族之一"); return nil
        }()
    }
    let category = choice(.category, CadreCategory.self)
    let region = region(.region)
    let joinedPartyOn = date(.joinedPartyOn)
    let memberFlag = partyMember()
    if memberFlag == false, joinedPartyOn != nil {
      fail(.joinedPartyOn, "党员为“否”却填了入党日期")
    }
    // Only as typed: an older laogan stored members' organizations for rows without a 党员 cell, and an edit of
    // such a cadre leaves both as they were (`check` names them: non_member_in_organization).
    if memberFlag == false, text(.partyOrganization) != nil, typed(.isPartyMember) || typed(.partyOrganization) {
      fail(.partyOrganization, "党员为“否”却填了所在党组织（不再是党员时把所在党组织一并清空）")
    }
    let partyStatus = choice(.partyStatus, PartyStatus.self)
    if partyStatus != nil, memberFlag == false { fail(.partyStatus, "党员为“否”却填了党员状态") }
    let awayTo = line(.awayTo)
    if awayTo != nil, partyStatus != .mobile { fail(.awayTo, "外出流向只对“流动”党员填写") }
    let startedWorkOn = date(.startedWorkOn)
    let retiredOn = date(.retiredOn)
    let diedOn = date(.diedOn)
    let deathCause = line(.deathCause)
    let farewell = line(.farewell)
    if diedOn == nil, text(.diedOn) == nil {
      for field in [CadreField.deathCause, .farewell] where text(field) != nil {
        fail(field, "只对已去世（有去世日期）的干部填写；清除去世日期时一并清除")
      }
    }
    let unitType = choice(.unitType, UnitType.self)
    let rank = choice(.rank, Rank.self)
    let resettledElsewhere = flag(.resettledElsewhere) ?? false
    let resettledTo = line(.resettledTo)
    let resettlementScope = choice(.resettlementScope, ResettlementScope.self)
    if !resettledElsewhere, resettledTo != nil || resettlementScope != nil {
      fail(resettledTo != nil ? .resettledTo : .resettlementScope, "只对异地安置（是）的干部填写")
    }
    let needsCare = flag(.needsCare) ?? false
    let phoneNumber = phone(.phone)
    let emergencyPhone = phone(.emergencyPhone)
    guard problems.isEmpty, let id, let name, let category, let region else { return nil }
    let cadre = Cadre(
      id: nil, name: name, sex: id.sex, ethnicity: ethnicity, bornOn: id.birthDate,
      lunarBirthday: flag(.lunarBirthday) ?? false, residentID: id.value,
      category: category, startedWorkOn: startedWorkOn, retiredOn: retiredOn,
      formerUnit: line(.formerUnit), unitType: unitType, formerPost: line(.formerPost), rank: rank,
      regionCode: region.code, isPartyMember: memberFlag ?? (joinedPartyOn != nil || text(.partyOrganization) != nil),
      joinedPartyOn: joinedPartyOn,
      partyOrganization: line(.partyOrganization), partyStatus: partyStatus, awayTo: awayTo,
      residence: line(.residence),
      resettledElsewhere: resettledElsewhere, resettledTo: resettledTo, resettlementScope: resettlementScope,
      needsCare: needsCare, phone: phoneNumber,
      emergencyContact: line(.emergencyContact), emergencyPhone: emergencyPhone, diedOn: diedOn,
      deathCause: deathCause, farewell: farewell,
      note: line(.note, maxLength: 1000), voidedReason: nil)
    checkOrder(cadre)
    return problems.isEmpty ? cadre : nil
  }

  /// 党员 as a yes/no cell, or as a 政治面貌 column writes it: 中共党员 and 预备党员 are members; 群众, 共青团员,
  /// the democratic parties and 无党派人士 are not.
  private mutating func partyMember() -> Bool? {
    guard let text = text(.isPartyMember) else { return nil }
    if let yes = YesNo.parse(text) { return yes }
    let status = text.filter { !$0.isWhitespace }
    if ["中共党员", "中国共产党党员", "党员", "预备党员", "中共预备党员"].contains(status) { return true }
    let nonMembers = ["群众", "共青团员", "无党派", "民主党派", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟"]
    if nonMembers.contains(where: { status.hasPrefix($0) }) { return false }
    fail(.isPartyMember, "应为 是/否，或政治面貌（中共党员、预备党员、群众、民主党派……）")
    return nil
  }

  /// Dates that cannot come before the birth date.
  private mutating func checkOrder(_ cadre: Cadre) {
    let later: [(CadreField, CalendarDate?)] = [
      (.startedWorkOn, cadre.startedWorkOn), (.retiredOn, cadre.retiredOn),
      (.joinedPartyOn, cadre.joinedPartyOn), (.diedOn, cadre.diedOn),
    ]
    for (field, date) in later {
      if let date, date < cadre.bornOn { fail(field, "早于出生日期 \(cadre.bornOn)") }
    }
  }

  private mutating func residentID() -> ResidentID? {
    guard let text = text(.residentID) else { return nil }
    do {
      let id = try ResidentID(text)
      if id.wasUpgraded { note("15 位身份证号 \(Masking.residentID(text)) 已升级为 18 位 \(id.masked)") }
      return id
    } catch {
      fail(.residentID, error.description, value: Masking.residentID(text))
      return nil
    }
  }
}
