import ArgumentParser
import Foundation
import LaoganCore

/// `--merge`, `--by-source` and `--by-region` (SPEC §13): a report over the counties' own files as one, and
/// its regions or files side by side.
struct RollUpOptions: ParsableArguments {
  @Option(
    parsing: .upToNextOption,
    help: "合并这些 laogan 数据库文件（各县报送的文件）计算报表，如同一个数据库；只读打开，不作任何改动。",
    completion: .file(extensions: ["db"]))
  var merge: [String] = []
  @Flag(help: "每个合并的文件一列（或一组行），另加合计；须与 --merge 同用。") var bySource = false
  @Flag(help: "统计范围内每个地区（州直与各县市）一列（或一组行），另加合计。") var byRegion = false

  func validate() throws {
    if bySource && merge.isEmpty { throw ValidationError("--by-source 须与 --merge 同用") }
    if bySource && byRegion { throw ValidationError("--by-source 与 --by-region 只能选一个") }
  }

  var axis: BreakdownAxis? {
    bySource ? .source : byRegion ? .region : nil
  }

  /// What the command's other options allow with `--merge`: not `--db`, and not `--reveal` — showing personal
  /// information is written to the audit log of the database it comes from, and merged files are only read.
  func validate(_ database: DatabaseOptions, reveal: Bool) throws {
    guard !merge.isEmpty else { return }
    if database.db != nil { throw ValidationError("--merge 与 --db 不能同用：合并时只读 --merge 给出的文件") }
    if reveal {
      throw ValidationError("--reveal 不能与 --merge 同用：显示完整身份证号要记入该数据库的审计日志，而合并的文件只读；请在各自的数据库上查看")
    }
  }

  /// The database, or the merged files — each checked before anything is computed, and a 身份证号 found in
  /// two of them reported on stderr (each file counts it).
  func source(_ database: DatabaseOptions) throws -> ReportSource {
    guard !merge.isEmpty else { return .database(try database.open()) }
    let files = try MergedFiles.watched(paths: merge)
    let shared = try files.sharedResidentIDs().count
    if shared > 0 {
      Terminal.error("提示：\(shared) 个身份证号在多个文件中都有登记，各文件各计一次（laogan check --merge … 逐一列出）")
    }
    return .merged(files)
  }
}

extension MergedFiles {
  /// The files of `--merge`, showing on a watched stderr how many of them each pass has read.
  static func watched(paths: [String]) throws -> MergedFiles {
    var files = try MergedFiles(paths: paths)
    let line = Terminal.ProgressLine()
    files.onFileDone = { done, total in
      if done == total {
        Terminal.endProgress()
      } else {
        Terminal.progress(line.text("已读 \(done)/\(total) 个文件", fraction: Double(done) / Double(total)))
      }
    }
    return files
  }
}
