import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// The 老年大学's enrolment rules in the core, without the command line: the end-to-end cases are in
/// `UniversityCommandTests`, these are the boundaries that are quicker to pin here.
@Suite("老年大学 enrolments")
final class SeniorUniversityTests: RunsOnBothEngines {
  let folder: TemporaryFolder
  var database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
    try startingRecords()
  }

  /// The spring term opens 2023-03-01 with 太极拳 (30 places, free, up to 75 years old). Three cadres are born
  /// around the limit: 七十五 turns 75 on the first day, 将七十六 turns 76 the day after it, and 七十六 turns 76
  /// on it.
  func startingRecords() throws {
    _ = try folder.importSheet(TermKind.self, "学期,开学日期,结业日期\n2023年春季,2023-03-01,2023-07-10", into: database)
    _ = try folder.importSheet(CourseKind.self, "学期,课程,容量,年龄上限\n2023年春季,太极拳,30,75", into: database)
    _ = try folder.importSheet(
      CadreKind.self,
      """
      姓名,身份证号,类别,管理地区
      七十五,\(Self.turning75),退休,兴义
      将七十六,\(Self.dayBefore76),退休,兴义
      七十六,\(Self.turning76),退休,兴义
      """, into: database)
  }

  /// Born 1948-03-01: 75 on 2023-03-01, the term's first day.
  static let turning75 = "522301194803010013"
  /// Born 1947-03-02: still 75 on 2023-03-01, the oldest a student of 太极拳 may be.
  static let dayBefore76 = "522301194703020011"
  /// Born 1947-03-01: 76 on 2023-03-01, one day older than 将七十六.
  static let turning76 = "522301194703010032"

  @discardableResult
  func enrol(_ residentID: String) throws -> Enrolment {
    try database.addRecord(
      EnrolmentKind.self,
      cells: [.term: "2023年春季", .course: "太极拳", .residentID: residentID, .enrolledOn: "2023-02-25"], testContext
    ).record
  }

  /// 年龄上限 75 means up to and including 75 on the term's first day: only a student already 76 that day is over
  /// it. A cadre turning 75 on the very day, or 75 for one more day, is in.
  @Test(
    "a cadre exactly at a course's 年龄上限 on the term's first day may enrol; one a day older may not",
    arguments: TestEngine.available)
  func ageLimit(on engine: TestEngine) throws {
    try use(engine)
    #expect(try enrol(Self.turning75).cadreID == (try database.cadre("七十五").id))
    #expect(try enrol(Self.dayBefore76).cadreID == (try database.cadre("将七十六").id))
    let refused = try #require(throws: FieldProblems.self) { try enrol(Self.turning76) }
    #expect(refused.problems.map(\.reason) == ["开学时 76 岁，超过该课程的年龄上限 75 岁"])
    #expect(try database.rowCount("enrolment") == 2)
  }
}
