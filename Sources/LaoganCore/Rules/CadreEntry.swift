/// A cadre as typed, field by field — a spreadsheet row, or the options of `cadre add` — before validation.
///
/// The one place where typed text becomes a `Cadre`: import, add and edit all come through here, so every
/// path applies the same rules (SPEC §3).
public struct CadreEntry: Sendable {
  public var cells: [CadreField: String]

  public init(cells: [CadreField: String] = [:]) {
    self.cells = cells
  }

  /// The fields listed as required that hold nothing.
  public var missingFields: [CadreField] {
    CadreField.allCases.filter { $0.isRequired && text($0) == nil }
  }

  /// The validated cadre and notes worth telling the clerk (an upgraded 15-digit number), or every problem.
  public func validated() -> Result<(cadre: Cadre, notes: [String]), FieldProblems> {
    var reader = Reader(entry: self)
    let cadre = reader.cadre()
    if let cadre, reader.problems.isEmpty {
      return .success((cadre, reader.notes))
    }
    return .failure(FieldProblems(problems: reader.problems))
  }

  func text(_ field: CadreField) -> String? {
    guard let raw = cells[field]?.trimmed, !raw.isEmpty else { return nil }
    return raw
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
    case .residence: residence ?? ""
    case .resettledElsewhere: YesNo.label(resettledElsewhere)
    case .needsCare: YesNo.label(needsCare)
    case .phone: phone ?? ""
    case .emergencyContact: emergencyContact ?? ""
    case .emergencyPhone: emergencyPhone ?? ""
    case .diedOn: diedOn?.description ?? ""
    case .note: note ?? ""
    }
  }

  /// A field as outputs show it: personal information masked unless `reveal`.
  public func displayText(of field: CadreField, reveal: Bool) -> String {
    let text = text(of: field)
    guard !reveal, !text.isEmpty else { return text }
    switch field {
    case .residentID: return Masking.residentID(text)
    case .phone, .emergencyPhone: return Masking.phone(text)
    default: return text
    }
  }
}

// MARK: - Validation

extension CadreEntry {
  /// Reads fields one at a time, collecting every problem instead of stopping at the first.
  private struct Reader {
    let entry: CadreEntry
    var problems: [FieldProblem] = []
    var notes: [String] = []

    mutating func cadre() -> Cadre? {
      for field in entry.missingFields {
        problems.append(FieldProblem(field: field.rawValue, value: "", reason: "必填，不能为空"))
      }
      let id = residentID()
      let name = entry.text(.name)
      if let name, name.count > 50 {
        fail(.name, "姓名过长（\(name.count) 个字符）")
      }
      let sex = choice(.sex, Sex.self)
      let bornOn = date(.bornOn)
      if let id {
        if let sex, sex != id.sex { fail(.sex, "与身份证号不符（号码表明性别为\(id.sex.rawValue)）") }
        if let bornOn, bornOn != id.birthDate {
          fail(.bornOn, "与身份证号不符（号码表明出生于 \(id.birthDate)）")
        }
      }
      let ethnicity = entry.text(.ethnicity).flatMap { text in
        Ethnicity(label: text)
          ?? {
            fail(.ethnicity, "不是 56 个民族之一"); return nil
          }()
      }
      let category = choice(.category, CadreCategory.self)
      let region = entry.text(.region).flatMap { text in
        Region(named: text)
          ?? {
            fail(.region, "不是本州的地区（可用代码或名称，如 522301、兴义市、兴义）"); return nil
          }()
      }
      let joinedPartyOn = date(.joinedPartyOn)
      let isPartyMember = flag(.isPartyMember) ?? (joinedPartyOn != nil)
      if !isPartyMember, joinedPartyOn != nil, flag(.isPartyMember) == false {
        fail(.joinedPartyOn, "党员为“否”却填了入党日期")
      }
      let startedWorkOn = date(.startedWorkOn)
      let retiredOn = date(.retiredOn)
      let diedOn = date(.diedOn)
      let unitType = choice(.unitType, UnitType.self)
      let rank = choice(.rank, Rank.self)
      let resettledElsewhere = flag(.resettledElsewhere) ?? false
      let needsCare = flag(.needsCare) ?? false
      let phoneNumber = phone(.phone)
      let emergencyPhone = phone(.emergencyPhone)
      guard problems.isEmpty, let id, let name, let category, let region else { return nil }
      let cadre = Cadre(
        id: nil, name: name, sex: id.sex, ethnicity: ethnicity, bornOn: id.birthDate, residentID: id.value,
        category: category, startedWorkOn: startedWorkOn, retiredOn: retiredOn,
        formerUnit: entry.text(.formerUnit), unitType: unitType, formerPost: entry.text(.formerPost), rank: rank,
        regionCode: region.code, isPartyMember: isPartyMember, joinedPartyOn: joinedPartyOn,
        partyOrganization: entry.text(.partyOrganization), residence: entry.text(.residence),
        resettledElsewhere: resettledElsewhere, needsCare: needsCare, phone: phoneNumber,
        emergencyContact: entry.text(.emergencyContact), emergencyPhone: emergencyPhone, diedOn: diedOn,
        note: entry.text(.note), voidedReason: nil)
      checkOrder(cadre)
      return problems.isEmpty ? cadre : nil
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
      guard let text = entry.text(.residentID) else { return nil }
      do {
        let id = try ResidentID(text)
        if id.wasUpgraded { notes.append("15 位身份证号 \(Masking.residentID(text)) 已升级为 18 位 \(id.masked)") }
        return id
      } catch {
        fail(.residentID, error.description)
        return nil
      }
    }

    private mutating func date(_ field: CadreField) -> CalendarDate? {
      guard let text = entry.text(field) else { return nil }
      guard let date = CalendarDate(parsing: text) else {
        fail(field, "不是有效日期（可写 2023-06-12、2023/6/12、2023.6.12、2023年6月12日）")
        return nil
      }
      return date
    }

    private mutating func flag(_ field: CadreField) -> Bool? {
      guard let text = entry.text(field) else { return nil }
      guard let value = YesNo.parse(text) else {
        fail(field, "应为 是/否（也可写 Y/N、1/0、true/false）")
        return nil
      }
      return value
    }

    private mutating func choice<T: ClosedSet>(_ field: CadreField, _ type: T.Type) -> T? {
      guard let text = entry.text(field) else { return nil }
      guard let value = T(label: text) else {
        fail(field, "应为 \(T.allowedLabels) 之一")
        return nil
      }
      return value
    }

    private mutating func phone(_ field: CadreField) -> String? {
      guard let text = entry.text(field)?.halfWidth else { return nil }
      let digits = text.filter(\.isASCIIDigit).count
      guard digits >= 7, text.allSatisfy({ $0.isASCIIDigit || "+- ".contains($0) }) else {
        fail(field, "不像电话号码（只能有数字、+、-，至少 7 位数字）")
        return nil
      }
      return text
    }

    private mutating func fail(_ field: CadreField, _ reason: String) {
      // Personal information stays masked even in a message about it.
      let value = entry.text(field) ?? ""
      problems.append(
        FieldProblem(field: field.rawValue, value: field.isPersonal ? masked(value) : value, reason: reason))
    }

    private func masked(_ value: String) -> String {
      value.count >= 15 ? Masking.residentID(value) : Masking.phone(value)
    }
  }
}
