import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore

/// `laogan`: the bureau's records from a terminal and from scripts.
@main
struct Laogan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "laogan",
    abstract: "老干部局离退休干部信息管理与“323”工作法统计。",
    discussion: """
      数据库：--db 指定，否则 $LAOGAN_DB，否则 $XDG_DATA_HOME/laogan/laogan.db
      （默认 ~/.local/share/laogan/laogan.db）。
      身份证号与电话在所有输出中默认打码，--reveal 显示并记入审计日志。
      在终端上，超过一屏的结果用 $PAGER（默认 less -FRX）分页；任何命令加 --no-pager 不分页，输出到管道或文件时从不分页。
      退出码：0 成功；1 数据或文件的问题（stderr 一行 laogan: 原因）；2 check 发现问题；64 命令写错（同样一行，再附用法）。

      示例：
        laogan init
        laogan import cadres 花名册.csv --dry-run
        laogan cadre find zsf
      """,
    version: "0.1.0",
    subcommands: [
      Demo.self, Init.self, CadreCommand.self, OrgCommand.self, OfficerCommand.self, AssociationCommand.self,
      VenueCommand.self,
      ActivityCommand.self,
      TreatmentCommand.self, ContributionCommand.self, HonorCommand.self, BenefitCommand.self, FundCommand.self,
      DuesStandardCommand.self, DuesCommand.self, PensionCommand.self, MeetingCommand.self, NoticeCommand.self,
      TransferCommand.self,
      HospitalStayCommand.self,
      FamilyCommand.self, PermitCommand.self, TripCommand.self, TermCommand.self, CourseCommand.self,
      EnrolmentCommand.self,
      HealthCommand.self, CardCommand.self, Import.self, Export.self, Template.self, ReportCommand.self, Check.self,
      Audit.self,
      Undo.self, Backup.self, Restore.self, Copy.self, Access.self,
    ]
  )

  /// One convention for every failure: a line `laogan: 原因` on stderr (an import's bad rows first, one a line);
  /// exit 1 for a problem with the data or a file, 64 for a command typed wrong, which also shows the usage.
  static func main() {
    let arguments = LeadingOptions.moved(Pager.takingFlag(from: Array(CommandLine.arguments.dropFirst())))
    if let misspelled = CommandSpelling.mistake(in: arguments, root: Laogan.self) {
      Terminal.usageFail(misspelled.message, usage: misspelled.usage)
    }
    do {
      var command = try parseAsRoot(arguments)
      // The door binds each read and write to its engine; a statement built outside one (a debug build of the
      // library stops at it) is still spelled for the command's database.
      try SQLDialect.$bound.withValue(DatabaseOptions.engine(of: command)) { try command.run() }
    } catch let failure as ImportFailure {
      for problem in failure.problems { Terminal.error(problem.description) }
      Terminal.fail(failure.localizedDescription)
    } catch let failure as FieldProblems {
      for problem in failure.problems.dropLast() { Terminal.error(problem.description) }
      Terminal.fail(failure.problems.last?.description ?? "输入有误")
    } catch let error as LaoganError {
      Terminal.fail(error.localizedDescription)
    } catch let error as CocoaError {
      Terminal.fail("文件错误：\(error.localizedDescription)")
    } catch {
      guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
      let message = UsageMessage(full: fullMessage(for: error), headline: message(for: error))
      Terminal.usageFail(message.headline, usage: message.rest)
    }
  }
}
