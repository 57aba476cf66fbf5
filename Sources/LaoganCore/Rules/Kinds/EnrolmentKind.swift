import LaoganModel
import LaoganStore
import LaoganText

/// 报名: facts — a student in a course of the 老年大学 (SPEC §17). A 身份证号 on the roster names a cadre, who
/// must be in force and alive on the day of enrolment; any other student is a 社会学员 by 姓名, with their own
/// 身份证号 if given. Refused: the same student twice in a course, a 姓名 not the cadre's, an enrolment after
/// the term or today, an age over the course's limit on the term's first day, a fee charged above the course's
/// or below it without a 减免原因, and a place past the capacity — unless the row waits (候补=是, or `import
/// --wait`) — or out of the order of enrolment.
public enum EnrolmentKind: RecordKind {
  public typealias Field = EnrolmentField
  public typealias Record = Enrolment

  public static let name = "enrolments"
  public static let label = "报名"
  public static let dateSQL: String? = "enrolment.enrolled_on"
  public static let typeColumn: String? = nil
  public static let cadreColumn: String? = "cadre_id"
  public static let region = RecordRegion.none
  public static let listFields: [EnrolmentField] = [
    .term, .course, .name, .residentID, .enrolledOn, .charged, .reductionReason, .waiting,
  ]

  public static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>? {
    let term = try cells.term(.term, lookup)
    let courseName = cells.text(.course)
    let enrolledOn = cells.date(.enrolledOn)
    let charged = cells.money(.charged, orZero: true)
    let reduction = cells.line(.reductionReason)
    let waitingTyped = cells.flag(.waiting)
    let phone = cells.phone(.phone)
    let name = cells.line(.name, maxLength: 40)
    let (cadre, ownID) = try student(&cells, lookup)
    if cadre == nil, ownID != nil || cells.text(.residentID) == nil, name == nil {
      cells.fail(.name, "社会学员（身份证号不是本局干部的，或没有身份证号）须填姓名")
    }
    guard cells.problems.isEmpty, let term, let termID = term.id, let courseName, let enrolledOn else { return nil }
    guard let course = try SeniorUniversity.course(termID: termID, named: courseName, lookup.db),
      let courseID = course.id
    else {
      cells.fail(.course, "\(term.name)没有这门课程（先 import courses 或 course add）", value: courseName)
      return nil
    }
    if let cadre, let died = cadre.diedOn, died <= enrolledOn {
      cells.fail(.residentID, "\(cadre.name)已于 \(died) 去世", value: Masking.residentID(cadre.residentID))
    }
    if let cadre, let name, name != cadre.name {
      cells.fail(.name, "与身份证号登记的姓名“\(cadre.name)”不符", value: name)
    }
    if enrolledOn > term.endsOn { cells.fail(.enrolledOn, "晚于\(term.name)的结业日期 \(term.endsOn)") }
    if enrolledOn > lookup.today { cells.fail(.enrolledOn, "在今天（\(lookup.today)）之后") }
    if let maxAge = course.maxAge, let born = cadre?.bornOn ?? ownID?.birthDate, born.age(on: term.startsOn) > maxAge {
      cells.fail(
        .residentID, "开学时 \(born.age(on: term.startsOn)) 岁，超过该课程的年龄上限 \(maxAge) 岁",
        value: Masking.residentID(cadre?.residentID ?? ownID?.value ?? ""))
    }
    let fee = course.fee ?? .zero
    let paid = charged ?? fee
    if paid > fee { cells.fail(.charged, "高于该课程的学费 \(fee) 元") }
    if paid < fee, reduction == nil { cells.fail(.reductionReason, "实收 \(paid) 元低于学费 \(fee) 元，须写减免原因") }
    guard cells.problems.isEmpty else { return nil }
    var enrolment = Enrolment(
      id: nil, courseID: courseID, cadreID: cadre?.id, name: cadre == nil ? name : nil, residentID: ownID?.value,
      phone: phone, enrolledOn: enrolledOn, charged: paid, reductionReason: reduction, waiting: waitingTyped ?? false,
      voidedReason: nil)
    if let other = try SeniorUniversity.sameStudent(enrolment, cadre: cadre, excluding: cells.replacing, lookup.db) {
      let hint = cadre == nil && ownID == nil ? "；同名的另一人请写身份证号" : ""
      cells.fail(.course, "已报名该课程（记录 \(other)）\(hint)", value: courseName)
      return nil
    }
    if !enrolment.waiting {
      try place(&enrolment, course, waitingTyped: waitingTyped, &cells, lookup)
    }
    guard cells.problems.isEmpty else { return nil }
    return Parsed(enrolment)
  }

  /// A place for an enrolment that does not wait, in the order of enrolment: while others wait, none goes to
  /// a later applicant, and a full course's places went to no one later than this row — else the row is
  /// refused (its file is out of order), or under `import --wait` put on the waiting list.
  private static func place(
    _ enrolment: inout Enrolment, _ course: Course, waitingTyped: Bool?, _ cells: inout FieldReader<Field>,
    _ lookup: Lookup
  ) throws {
    guard let courseID = course.id else { return }
    let id = cells.replacing
    let taken = try SeniorUniversity.count(in: courseID, waiting: false, excluding: id, lookup.db)
    if taken < course.capacity {
      if let first = try SeniorUniversity.firstWaiting(for: courseID, excluding: id, lookup.db),
        first.enrolledOn < enrolment.enrolledOn
          || (first.enrolledOn == enrolment.enrolledOn && id.map { (first.id ?? 0) < $0 } ?? true)
      {
        cells.fail(
          .course,
          "候补名单上有人在等（第一位是记录 \(first.id ?? 0)，\(first.enrolledOn) 报名）；空出的名额先给候补（enrolment edit 编号 候补=否）",
          value: course.name)
      }
      return
    }
    if let last = try SeniorUniversity.lastPlaced(in: courseID, excluding: id, lookup.db),
      last.enrolledOn > enrolment.enrolledOn
    {
      cells.fail(
        .enrolledOn, "\(course.name)已满，而占名额的记录 \(last.id ?? 0) 报名（\(last.enrolledOn)）晚于本行：请按报名日期先后登记")
      return
    }
    guard lookup.waitsWhenFull, waitingTyped == nil else {
      cells.fail(.course, "已满（容量 \(course.capacity) 人）；排入候补请写 候补=是，或导入时加 --wait", value: course.name)
      return
    }
    enrolment.waiting = true
    let place = try SeniorUniversity.count(in: courseID, waiting: true, excluding: id, lookup.db) + 1
    cells.note("\(course.name)已满（容量 \(course.capacity) 人），排入候补第 \(place) 位")
  }

  /// Who the row names: a cadre on file by 身份证号, or else a 社会学员's own valid 身份证号 (nil for both when the
  /// cell is empty or wrong, a wrong one a problem).
  private static func student(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> (
    Lookup.CadreRef?, ResidentID?
  ) {
    guard let text = cells.text(.residentID) else { return (nil, nil) }
    if try lookup.cadre(spelled: text) != nil { return (try cells.cadre(.residentID, lookup), nil) }
    do {
      return (nil, try ResidentID(text))
    } catch {
      cells.fail(.residentID, error.description, value: Masking.residentID(text))
      return (nil, nil)
    }
  }

  public static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String] {
    let names = try lookup.db.row(
      sql: "SELECT t.name AS term, c.name AS course FROM course c JOIN term t ON t.id = c.term_id WHERE c.id = ?",
      arguments: [record.courseID])
    let cadre = try record.cadreID.flatMap { try lookup.cadre(id: $0) }
    return [
      .term: names?["term"] ?? "", .course: names?["course"] ?? "",
      .residentID: cadre?.residentID ?? record.residentID ?? "", .name: cadre?.name ?? record.name ?? "",
      .phone: record.phone ?? "", .enrolledOn: record.enrolledOn.description, .charged: record.charged.description,
      .reductionReason: record.reductionReason ?? "", .waiting: YesNo.label(record.waiting),
    ]
  }
}
