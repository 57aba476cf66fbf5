import GRDB

/// 学期 of the 老年大学 (SPEC §17), named by itself: `2023年春季`.
public struct Term: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "term"
  public var id: Int64?
  public var name: String
  public var startsOn: CalendarDate
  public var endsOn: CalendarDate
  public var voidedReason: String?

  enum CodingKeys: String, CodingKey {
    case id, name
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case voidedReason = "voided_reason"
  }
}

/// A course of a term, named by the term and its 课程 together (`courseKey`); 班级 only describes it.
public struct Course: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "course"
  public var id: Int64?
  public var termID: Int64
  public var name: String
  /// `term id|课程`, unique: what an enrolment's 学期 and 课程 name.
  public var courseKey: String
  public var className: String?
  public var teacher: String?
  public var place: String?
  public var capacity: Int
  /// 学费 a student pays for the term; nil for a free course.
  public var fee: Fen?
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

  static func key(termID: Int64, name: String) -> String { "\(termID)|\(name)" }
}

/// One student in a course: a cadre on file, or a 社会学员 (an older resident who is no cadre of the bureau) by
/// 姓名, 电话 and perhaps their own 身份证号. Past the course's capacity a student waits (`waiting`), in the
/// order of their enrolment.
public struct Enrolment: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "enrolment"
  public var id: Int64?
  public var courseID: Int64
  public var cadreID: Int64?
  /// A 社会学员's name; nil for a cadre, whose name is the roster's.
  public var name: String?
  /// A 社会学员's own 身份证号, when known.
  public var residentID: String?
  public var phone: String?
  public var enrolledOn: CalendarDate
  /// 实收学费.
  public var charged: Fen
  public var reductionReason: String?
  public var waiting: Bool
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
}

extension Term: AuditedRecord {}
extension Course: AuditedRecord {}
extension Enrolment: AuditedRecord {}
