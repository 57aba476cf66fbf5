import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan.CourseCommand {
  /// `course roster`: a report like the others — every format, `--output` — of one course's students.
  struct Roster: CompanionReport {
    static let configuration = CommandConfiguration(
      commandName: "roster",
      abstract: "学员名册：一门课程已报名（不含候补）的学员，按报名先后，带签到栏；HTML、xlsx 按 A4 打印。",
      discussion:
        "示例：\n  laogan course roster 书法 --term 2023年春季\n  laogan course roster 书法 --term 2023年春季 --output 书法班名册.html")
    static let breaksDownByRegion = false
    // Before the report's options, whose period is a positional argument too.
    @Argument(help: "课程名称") var course: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var rollUp: RollUpOptions
    @Option(help: "学期名称") var term: String
    @Flag(help: "显示完整的电话（记入审计日志）。") var reveal = false

    var revealedTable: String? { reveal ? "course_roster" : nil }

    func maker(_ period: Period) -> @Sendable (LaoganDatabase, Region) throws -> ReportDocument {
      let (course, term, reveal) = (course, term, reveal)
      return { database, _ in try database.courseRoster(course: course, term: term, reveal: reveal) }
    }
  }
}
