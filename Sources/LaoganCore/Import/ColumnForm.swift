import LaoganModel

/// What an import column accepts, said once for the template a clerk fills in and for the manual (SPEC §12):
/// the forms a cell may take, and for a closed set its values, which a template offers as a drop-down list.
/// The import's own reading of each cell (`FieldReader`) is the rule; this is its description.
public enum ColumnForm: Sendable, Equatable {
  case text
  case date
  case month
  case money
  case count
  case yesNo
  case residentID
  case phone
  case region
  /// Several cadres by 身份证号 (参与干部).
  case cadres
  /// A Party organization by its 名称.
  case organization
  case choice([String])

  static func choice<Values: ClosedSet>(_ type: Values.Type) -> ColumnForm { .choice(type.allCases.map(\.rawValue)) }

  /// The values a drop-down list offers, or nil for a column typed freely.
  package var choices: [String]? {
    switch self {
    case .yesNo: ["是", "否"]
    case .region: Region.all.map(\.displayName)
    case .choice(let values): values
    default: nil
    }
  }

  /// The accepted forms in a clerk's words (a template's input message, the manual's column tables).
  public var hint: String {
    switch self {
    case .text: "文字"
    case .date: "日期：2023-06-12、2023/6/12、2023.6.12、2023年6月12日，或 Excel 日期"
    case .month: "月份：2024-03、2024/3、2024年3月（请设为文本，以免 Excel 改成日期）"
    case .money: "金额（元）：1234.50、1,234.5、¥1234.5，最多两位小数"
    case .count: "整数，如 12"
    case .yesNo: "是/否（也可写 Y/N、1/0、true/false）"
    case .residentID: "18 位身份证号（或旧式 15 位），须设为文本格式，以免 Excel 把它变成科学计数法"
    case .phone: "电话：数字、+、-，至少 7 位数字"
    case .region: "地区代码或名称，如 522301、兴义市、兴义、州直"
    case .cadres: "一名或多名干部的身份证号，用 ; ； 、 , 或 ， 分隔"
    case .organization: "党组织名称，须已登记"
    case .choice(let values) where values.count > 12:
      "可选：" + values.prefix(3).joined(separator: "、") + " 等 \(values.count) 项（模板中为下拉列表）"
    case .choice(let values): "可选：" + values.joined(separator: "/")
    }
  }
}

extension CadreField {
  public var form: ColumnForm {
    switch self {
    case .sex: .choice(Sex.self)
    case .ethnicity: .choice(Ethnicity.all)
    case .bornOn, .startedWorkOn, .retiredOn, .joinedPartyOn, .diedOn: .date
    case .residentID: .residentID
    case .category: .choice(CadreCategory.self)
    case .unitType: .choice(UnitType.self)
    case .rank: .choice(Rank.self)
    case .region: .region
    case .isPartyMember, .resettledElsewhere, .needsCare, .lunarBirthday: .yesNo
    case .partyOrganization: .organization
    case .partyStatus: .choice(PartyStatus.self)
    case .resettlementScope: .choice(ResettlementScope.self)
    case .phone, .emergencyPhone: .phone
    default: .text
    }
  }
}

extension OrganizationField {
  public var form: ColumnForm {
    switch self {
    case .kind: .choice(OrganizationType.self)
    case .region: .region
    case .offSite: .yesNo
    case .modelLevel: .choice(ModelLevel.self)
    case .namedOn, .establishedOn, .dissolvedOn, .electedOn: .date
    case .secretary: .residentID
    default: .text
    }
  }
}

extension DuesStandardField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .monthly: .money
    case .fromMonth: .month
    }
  }
}

extension MeetingField {
  public var form: ColumnForm {
    switch self {
    case .organization: .organization
    case .heldOn: .date
    case .kind: .choice(MeetingType.self)
    case .topic: .text
    case .attended, .excused: .cadres
    }
  }
}

extension PensionField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .fromMonth: .month
    case .monthly: .money
    }
  }
}

extension DuesField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .month: .month
    case .amount: .money
    case .paidOn: .date
    }
  }
}

extension OfficerField {
  public var form: ColumnForm {
    switch self {
    case .organization: .organization
    case .residentID: .residentID
    case .post: .choice(OfficerPost.self)
    case .startedOn, .endedOn: .date
    }
  }
}

extension AssociationField {
  public var form: ColumnForm {
    switch self {
    case .category: .choice(AssociationCategory.self)
    case .region: .region
    case .establishedOn, .dissolvedOn: .date
    default: .text
    }
  }
}

extension VenueField {
  public var form: ColumnForm {
    switch self {
    case .kind: .choice(VenueType.self)
    case .region: .region
    case .openToPublic: .yesNo
    case .establishedOn, .dissolvedOn: .date
    default: .text
    }
  }
}

extension ActivityField {
  public var form: ColumnForm {
    switch self {
    case .heldOn: .date
    case .kind: .choice(ActivityType.self)
    case .region: .region
    case .place: .choice(ActivityPlace.self)
    case .organization: .organization
    case .participants: .cadres
    case .personTimes, .audience: .count
    default: .text
    }
  }
}

extension TreatmentField {
  public var form: ColumnForm {
    switch self {
    case .heldOn: .date
    case .kind: .choice(TreatmentType.self)
    case .region: .region
    case .occasion: .choice(VisitOccasion.self)
    case .participants: .cadres
    case .personTimes: .count
    case .giftAmount: .money
    default: .text
    }
  }
}

extension ContributionField {
  public var form: ColumnForm {
    switch self {
    case .doneOn: .date
    case .area: .choice(ContributionArea.self)
    case .advantage: .choice(Advantage.self)
    case .region: .region
    case .participants: .cadres
    case .personTimes: .count
    default: .text
    }
  }
}

extension HonorField {
  public var form: ColumnForm {
    switch self {
    case .awardedOn: .date
    case .level: .choice(HonorLevel.self)
    case .region: .region
    case .residentID: .residentID
    default: .text
    }
  }
}

extension PaymentField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .item: .choice(BenefitItem.self)
    case .month: .month
    case .paidOn: .date
    case .amount: .money
    default: .text
    }
  }
}

extension FundField {
  public var form: ColumnForm {
    switch self {
    case .enteredOn: .date
    case .kind: .choice(FundEntryType.self)
    case .amount: .money
    case .reason: .text
    }
  }
}

extension HealthCheckField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .checkedOn: .date
    }
  }
}

extension GreenCardField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .issuedOn, .expiresOn: .date
    case .cardNumber: .text
    }
  }
}

extension TransferField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .direction: .choice(TransferDirection.self)
    case .transferredOn: .date
    case .partyRelationMoved, .fileMoved: .yesNo
    default: .text
    }
  }
}

extension HospitalStayField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .admittedOn, .dischargedOn: .date
    case .longTerm: .yesNo
    default: .text
    }
  }
}

extension FamilyField {
  public var form: ColumnForm {
    switch self {
    case .residentID, .ownResidentID: .residentID
    case .relation: .choice(FamilyRelation.self)
    case .bornOn, .diedOn: .date
    case .unableToWork, .livesWith: .yesNo
    case .phone: .phone
    default: .text
    }
  }
}

extension PermitField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .type: .choice(PermitType.self)
    case .issuedOn, .validUntil, .lentOn: .date
    case .custody: .choice(Custody.self)
    case .number: .text
    }
  }
}

extension TripField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .departedOn, .plannedReturnOn, .returnedOn: .date
    default: .text
    }
  }
}

extension TermField {
  public var form: ColumnForm {
    switch self {
    case .name: .text
    case .startsOn, .endsOn: .date
    }
  }
}

extension CourseField {
  public var form: ColumnForm {
    switch self {
    case .capacity, .maxAge: .count
    case .fee: .money
    default: .text
    }
  }
}

extension EnrolmentField {
  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .phone: .phone
    case .enrolledOn: .date
    case .charged: .money
    case .waiting: .yesNo
    default: .text
    }
  }
}
