/// 学期 of the 老年大学 (SPEC §17), named by itself: `2023年春季`.
public struct Term: Sendable, Equatable, Codable {
  public var id: Int64?
  public var name: String
  package var startsOn: CalendarDate
  package var endsOn: CalendarDate
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, name: String, startsOn: CalendarDate, endsOn: CalendarDate, voidedReason: String? = nil
  ) {
    self.id = id
    self.name = name
    self.startsOn = startsOn
    self.endsOn = endsOn
    self.voidedReason = voidedReason
  }
}

/// A course of a term, named by the term and its 课程 together (`courseKey`); 班级 only describes it.
public struct Course: Sendable, Equatable, Codable {
  public var id: Int64?
  package var termID: Int64
  public var name: String
  /// `term id|课程`, unique: what an enrolment's 学期 and 课程 name.
  package var courseKey: String
  package var className: String?
  package var teacher: String?
  package var place: String?
  package var capacity: Int
  /// 学费 a student pays for the term; nil for a free course.
  package var fee: Fen?
  /// 年龄上限: no one older on the term's first day enrols.
  public var maxAge: Int?
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, teacher, place, capacity
    case termID = "term_id"
    case courseKey = "course_key"
    case className = "class_name"
    case fee = "fee_fen"
    case maxAge = "max_age"
    case voidedReason = "voided_reason"
  }

  package static func key(termID: Int64, name: String) -> String { "\(termID)|\(name)" }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, termID: Int64, name: String, courseKey: String, className: String? = nil, teacher: String? = nil,
    place: String? = nil, capacity: Int, fee: Fen? = nil, maxAge: Int? = nil, voidedReason: String? = nil
  ) {
    self.id = id
    self.termID = termID
    self.name = name
    self.courseKey = courseKey
    self.className = className
    self.teacher = teacher
    self.place = place
    self.capacity = capacity
    self.fee = fee
    self.maxAge = maxAge
    self.voidedReason = voidedReason
  }
}

/// One student in a course: a cadre on file, or a 社会学员 (an older resident who is no cadre of the bureau) by
/// 姓名, 电话 and perhaps their own 身份证号. Past the course's capacity a student waits (`waiting`), in the
/// order of their enrolment.
public struct Enrolment: Sendable, Equatable, Codable {
  public var id: Int64?
  package var courseID: Int64
  public var cadreID: Int64?
  /// A 社会学员's name; nil for a cadre, whose name is the roster's.
  public var name: String?
  /// A 社会学员's own 身份证号, when known.
  public var residentID: String?
  public var phone: String?
  package var enrolledOn: CalendarDate
  /// 实收学费.
  package var charged: Fen
  package var reductionReason: String?
  package var waiting: Bool
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name, phone, waiting
    case courseID = "course_id"
    case cadreID = "cadre_id"
    case residentID = "resident_id"
    case enrolledOn = "enrolled_on"
    case charged = "charged_fen"
    case reductionReason = "reduction_reason"
    case voidedReason = "voided_reason"
  }

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    id: Int64? = nil, courseID: Int64, cadreID: Int64? = nil, name: String? = nil, residentID: String? = nil,
    phone: String? = nil, enrolledOn: CalendarDate, charged: Fen, reductionReason: String? = nil, waiting: Bool,
    voidedReason: String? = nil
  ) {
    self.id = id
    self.courseID = courseID
    self.cadreID = cadreID
    self.name = name
    self.residentID = residentID
    self.phone = phone
    self.enrolledOn = enrolledOn
    self.charged = charged
    self.reductionReason = reductionReason
    self.waiting = waiting
    self.voidedReason = voidedReason
  }
}
