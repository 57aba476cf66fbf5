/// The headers of each `import KIND` of SPEC §4 (exact Chinese; the English alias is the JSON key), which are
/// also the columns of `export KIND` and the `字段=值` words of `KIND add`.

public enum OrganizationField: String, ImportField {
  case name = "名称", kind = "类型", region = "地区", offSite = "异地", locatedIn = "所在地", modelLevel = "示范级别"
  case namedOn = "命名日期", establishedOn = "成立日期", dissolvedOn = "撤销日期", secretary = "书记"
  case electedOn = "换届日期"

  public var alias: String {
    switch self {
    case .name: "name"
    case .kind: "kind"
    case .region: "region"
    case .offSite: "off_site"
    case .locatedIn: "located_in"
    case .modelLevel: "model_level"
    case .namedOn: "named_on"
    case .establishedOn: "established_on"
    case .dissolvedOn: "dissolved_on"
    case .secretary: "secretary"
    case .electedOn: "elected_on"
    }
  }

  public var isRequired: Bool { [.name, .kind, .region].contains(self) }
}

/// The headers of `import dues-standards` (SPEC §11).
public enum DuesStandardField: String, ImportField {
  case residentID = "身份证号", monthly = "月缴金额", fromMonth = "起始月份"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .monthly: "monthly"
    case .fromMonth: "from_month"
    }
  }

  public var isRequired: Bool { true }
}

/// The headers of `import meetings` (SPEC §16).
public enum MeetingField: String, ImportField {
  case organization = "党组织", heldOn = "日期", kind = "类型", topic = "主题", attended = "出席", excused = "请假"

  public var alias: String {
    switch self {
    case .organization: "organization"
    case .heldOn: "date"
    case .kind: "kind"
    case .topic: "topic"
    case .attended: "attended"
    case .excused: "excused"
    }
  }

  public var isRequired: Bool { [.organization, .heldOn, .kind].contains(self) }
}

/// The headers of `import pensions` (SPEC §16).
public enum PensionField: String, ImportField {
  case residentID = "身份证号", fromMonth = "起始月份", monthly = "月离退休费"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .fromMonth: "from_month"
    case .monthly: "monthly"
    }
  }

  public var isRequired: Bool { true }
}

/// The headers of `import dues` (SPEC §11).
public enum DuesField: String, ImportField {
  case residentID = "身份证号", month = "所属月份", amount = "金额", paidOn = "缴纳日期"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .month: "month"
    case .amount: "amount"
    case .paidOn: "paid_on"
    }
  }

  public var isRequired: Bool { self != .paidOn }
}

/// The headers of `import officers` (SPEC §11).
public enum OfficerField: String, ImportField {
  case organization = "党组织", residentID = "身份证号", post = "职务", startedOn = "任职日期", endedOn = "离任日期"

  public var alias: String {
    switch self {
    case .organization: "organization"
    case .residentID: "resident_id"
    case .post: "post"
    case .startedOn: "started_on"
    case .endedOn: "ended_on"
    }
  }

  public var isRequired: Bool { self != .endedOn }
}

public enum AssociationField: String, ImportField {
  case name = "名称", category = "类别", region = "地区", establishedOn = "成立日期", dissolvedOn = "撤销日期"
  case leader = "负责人"

  public var alias: String {
    switch self {
    case .name: "name"
    case .category: "category"
    case .region: "region"
    case .establishedOn: "established_on"
    case .dissolvedOn: "dissolved_on"
    case .leader: "leader"
    }
  }

  public var isRequired: Bool { [.name, .category, .region].contains(self) }
}

public enum VenueField: String, ImportField {
  case name = "名称", kind = "类型", region = "地区", openToPublic = "向社会老年人开放", establishedOn = "成立日期"
  case dissolvedOn = "撤销日期"

  public var alias: String {
    switch self {
    case .name: "name"
    case .kind: "kind"
    case .region: "region"
    case .openToPublic: "open_to_public"
    case .establishedOn: "established_on"
    case .dissolvedOn: "dissolved_on"
    }
  }

  public var isRequired: Bool { [.name, .kind, .region].contains(self) }
}

public enum ActivityField: String, ImportField {
  case heldOn = "日期", kind = "类型", title = "标题", region = "地区", place = "场所", organization = "组织党组织"
  case participants = "参与干部", personTimes = "参与人次", audience = "受众人次"

  public var alias: String {
    switch self {
    case .heldOn: "date"
    case .kind: "kind"
    case .title: "title"
    case .region: "region"
    case .place: "place"
    case .organization: "organization"
    case .participants: "participants"
    case .personTimes: "person_times"
    case .audience: "audience"
    }
  }

  public var isRequired: Bool { [.heldOn, .kind, .title, .region].contains(self) }
}

public enum TreatmentField: String, ImportField {
  case heldOn = "日期", kind = "类型", title = "标题", region = "地区", occasion = "场合", participants = "参与干部"
  case personTimes = "人次", visitors = "走访人", giftAmount = "慰问金额", gifts = "慰问品"

  public var alias: String {
    switch self {
    case .heldOn: "date"
    case .kind: "kind"
    case .title: "title"
    case .region: "region"
    case .occasion: "occasion"
    case .participants: "participants"
    case .personTimes: "person_times"
    case .visitors: "visitors"
    case .giftAmount: "gift_amount"
    case .gifts: "gifts"
    }
  }

  public var isRequired: Bool { [.heldOn, .kind, .title, .region].contains(self) }
}

public enum ContributionField: String, ImportField {
  case doneOn = "日期", area = "领域", advantage = "优势", title = "标题", region = "地区", participants = "参与干部"
  case personTimes = "参与人次", outcome = "成效"

  public var alias: String {
    switch self {
    case .doneOn: "date"
    case .area: "area"
    case .advantage: "advantage"
    case .title: "title"
    case .region: "region"
    case .participants: "participants"
    case .personTimes: "person_times"
    case .outcome: "outcome"
    }
  }

  public var isRequired: Bool { [.doneOn, .area, .advantage, .title, .region].contains(self) }
}

public enum HonorField: String, ImportField {
  case awardedOn = "日期", title = "称号", level = "级别", region = "地区", residentID = "身份证号"
  case collectiveName = "集体名称"

  public var alias: String {
    switch self {
    case .awardedOn: "date"
    case .title: "title"
    case .level: "level"
    case .region: "region"
    case .residentID: "resident_id"
    case .collectiveName: "collective_name"
    }
  }

  public var isRequired: Bool { [.awardedOn, .title, .level, .region].contains(self) }
}

public enum PaymentField: String, ImportField {
  case residentID = "身份证号", item = "项目", month = "所属月份", paidOn = "日期", amount = "金额", note = "备注"
  case recipient = "领取人"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .item: "item"
    case .month: "month"
    case .paidOn: "date"
    case .amount: "amount"
    case .note: "note"
    case .recipient: "recipient"
    }
  }

  /// 所属月份 or 日期 is required too: one of the two, checked by the kind.
  public var isRequired: Bool { [.residentID, .item, .amount].contains(self) }
}

public enum FundField: String, ImportField {
  case enteredOn = "日期", kind = "类型", amount = "金额", reason = "事由"

  public var alias: String {
    switch self {
    case .enteredOn: "date"
    case .kind: "kind"
    case .amount: "amount"
    case .reason: "reason"
    }
  }

  public var isRequired: Bool { self != .reason }
}

public enum HealthCheckField: String, ImportField {
  case residentID = "身份证号", checkedOn = "体检日期"

  public var alias: String { self == .residentID ? "resident_id" : "checked_on" }
  public var isRequired: Bool { true }
}

public enum GreenCardField: String, ImportField {
  case residentID = "身份证号", cardNumber = "卡号", issuedOn = "发卡日期", expiresOn = "有效期至"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .cardNumber: "card_number"
    case .issuedOn: "issued_on"
    case .expiresOn: "expires_on"
    }
  }

  public var isRequired: Bool { self != .expiresOn }
}

/// The headers of `import transfers` (SPEC §10).
public enum TransferField: String, ImportField {
  case residentID = "身份证号", direction = "类型", transferredOn = "日期", counterpart = "对方单位或地区"
  case partyRelationMoved = "党组织关系转接", fileMoved = "人事档案转接", note = "备注"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .direction: "direction"
    case .transferredOn: "transferred_on"
    case .counterpart: "counterpart"
    case .partyRelationMoved: "party_relation_moved"
    case .fileMoved: "file_moved"
    case .note: "note"
    }
  }

  public var isRequired: Bool { [.residentID, .direction, .transferredOn, .counterpart].contains(self) }
}

/// The headers of `import hospital-stays` (SPEC §10).
public enum HospitalStayField: String, ImportField {
  case residentID = "身份证号", admittedOn = "入院日期", dischargedOn = "出院日期", hospital = "医院"
  case longTerm = "长期住院", note = "备注"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .admittedOn: "admitted_on"
    case .dischargedOn: "discharged_on"
    case .hospital: "hospital"
    case .longTerm: "long_term"
    case .note: "note"
    }
  }

  public var isRequired: Bool { [.residentID, .admittedOn, .hospital].contains(self) }
}

/// The headers of `import family` (SPEC §10): 身份证号 is the cadre's, 本人身份证号 the member's own.
public enum FamilyField: String, ImportField {
  case residentID = "身份证号", relation = "关系", name = "姓名", ownResidentID = "本人身份证号", bornOn = "出生日期"
  case diedOn = "去世日期", unableToWork = "无劳动能力", livesWith = "同住", phone = "联系电话", note = "备注"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .relation: "relation"
    case .name: "name"
    case .ownResidentID: "own_resident_id"
    case .bornOn: "born_on"
    case .diedOn: "died_on"
    case .unableToWork: "unable_to_work"
    case .livesWith: "lives_with"
    case .phone: "phone"
    case .note: "note"
    }
  }

  public var isRequired: Bool { [.residentID, .relation, .name].contains(self) }
}

/// The headers of `import permits` (SPEC §17).
public enum PermitField: String, ImportField {
  case residentID = "身份证号", type = "证照类型", number = "证照号码", issuedOn = "签发日期", validUntil = "有效期至"
  case custody = "保管", lentOn = "领用日期"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .type: "kind"
    case .number: "number"
    case .issuedOn: "issued_on"
    case .validUntil: "valid_until"
    case .custody: "custody"
    case .lentOn: "lent_on"
    }
  }

  public var isRequired: Bool { [.residentID, .type, .number, .validUntil].contains(self) }
}

/// The headers of `import trips` (SPEC §17).
public enum TripField: String, ImportField {
  case residentID = "身份证号", destination = "目的地", purpose = "事由", departedOn = "出发日期"
  case plannedReturnOn = "计划返回日期", returnedOn = "实际返回日期", permitNumber = "证照号码"

  public var alias: String {
    switch self {
    case .residentID: "resident_id"
    case .destination: "destination"
    case .purpose: "purpose"
    case .departedOn: "departed_on"
    case .plannedReturnOn: "planned_return_on"
    case .returnedOn: "returned_on"
    case .permitNumber: "permit_number"
    }
  }

  public var isRequired: Bool { [.residentID, .destination, .departedOn, .plannedReturnOn].contains(self) }
}

/// The headers of `import terms` (SPEC §17).
public enum TermField: String, ImportField {
  case name = "学期", startsOn = "开学日期", endsOn = "结业日期"

  public var alias: String {
    switch self {
    case .name: "name"
    case .startsOn: "starts_on"
    case .endsOn: "ends_on"
    }
  }

  public var isRequired: Bool { true }
}

/// The headers of `import courses` (SPEC §17).
public enum CourseField: String, ImportField {
  case term = "学期", name = "课程", className = "班级", teacher = "教师", place = "上课地点", capacity = "容量"
  case fee = "学费", maxAge = "年龄上限"

  public var alias: String {
    switch self {
    case .term: "term"
    case .name: "name"
    case .className: "class_name"
    case .teacher: "teacher"
    case .place: "place"
    case .capacity: "capacity"
    case .fee: "fee"
    case .maxAge: "max_age"
    }
  }

  public var isRequired: Bool { [.term, .name, .capacity].contains(self) }
}

/// The headers of `import enrolments` (SPEC §17). 身份证号 names a cadre, or is a 社会学员's own; 候补 (not in
/// SPEC's list) keeps a waiting student's place through an export and an import.
public enum EnrolmentField: String, ImportField {
  case term = "学期", course = "课程", residentID = "身份证号", name = "姓名", phone = "电话"
  case enrolledOn = "报名日期", charged = "实收学费", reductionReason = "减免原因", waiting = "候补"

  public var alias: String {
    switch self {
    case .term: "term"
    case .course: "course"
    case .residentID: "resident_id"
    case .name: "name"
    case .phone: "phone"
    case .enrolledOn: "enrolled_on"
    case .charged: "charged"
    case .reductionReason: "reduction_reason"
    case .waiting: "waiting"
    }
  }

  public var isRequired: Bool { [.term, .course, .enrolledOn].contains(self) }
}
