import ArgumentParser
import Foundation
import GRDB
import LaoganCore

/// `laogan`: the bureau's records from a terminal and from scripts.
@main
struct Laogan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "laogan",
    abstract: "老干部局离退休干部信息管理与“323”工作法统计。",
    discussion: """
      数据库：--db 指定，否则 $LAOGAN_DB，否则 $XDG_DATA_HOME/laogan/laogan.db（默认 ~/.local/share/laogan/laogan.db）。
      身份证号与电话在所有输出中默认打码，--reveal 显示并记入审计日志。

      示例：
        laogan init
        laogan import cadres 花名册.csv --dry-run
        laogan cadre find zsf
      """,
    version: "0.1.0",
    subcommands: [
      Demo.self, Init.self, CadreCommand.self, OrgCommand.self, AssociationCommand.self, VenueCommand.self,
      ActivityCommand.self,
      TreatmentCommand.self, ContributionCommand.self, HonorCommand.self, BenefitCommand.self, FundCommand.self,
      HealthCommand.self, CardCommand.self, Import.self, Export.self, ReportCommand.self, Check.self, Audit.self,
      Undo.self, Backup.self, Restore.self,
    ]
  )

  /// Prints a domain error as one line on stderr (an import's bad rows first, one a line) and exits 1;
  /// argument mistakes are left to ArgumentParser, which prints the usage and exits 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as ImportFailure {
      for problem in failure.problems { Terminal.error(problem.description) }
      Terminal.fail(failure.localizedDescription)
    } catch let failure as FieldProblems {
      for problem in failure.problems.dropLast() { Terminal.error(problem.description) }
      Terminal.fail(failure.problems.last?.description ?? "输入有误")
    } catch let error as LaoganError {
      Terminal.fail(error.localizedDescription)
    } catch let error as DatabaseError {
      Terminal.fail("数据库错误：\(error.message ?? error.description)")
    } catch let error as CocoaError {
      Terminal.fail("文件错误：\(error.localizedDescription)")
    } catch {
      exit(withError: error)
    }
  }
}
