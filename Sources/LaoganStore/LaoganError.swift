import Foundation
import LaoganModel

/// What went wrong, in one line a clerk can act on. The command line prints `localizedDescription` and exits
/// non-zero.
public enum LaoganError: LocalizedError, Equatable {
  case databaseMissing(path: String)
  case newerSchema(path: String)
  case notLaoganDatabase(path: String)
  /// A file that holds no table at all (0 bytes, or an empty SQLite file): only `init` makes a schema in it.
  case emptyDatabase(path: String)
  /// SQLite found the file damaged (SQLITE_CORRUPT, or a failed integrity check).
  case databaseDamaged(path: String, detail: String)
  /// `benefit run` for a month no rule covers.
  case noRulesInForce(month: String)
  /// A write stopped by a full disk; nothing half-written was left.
  case diskFull(folder: String)
  case cannotOpen(path: String, reason: String)
  case cadreNotFound(String)
  case ambiguousCadre(String, candidates: [String])
  case invalidValue(field: String, value: String, reason: String)
  case recordVoided(String)
  /// A new record would name one voided as a wrong entry.
  case referenceVoided(String)
  /// A group to be voided still has members; the void says how to close their memberships.
  case openMemberships(group: String, count: Int)
  case alreadyImported(kind: String, run: Int64, at: String, by: String)
  case recordNotFound(label: String, reference: String)
  case undoRefused(String)
  case fileExists(path: String)
  /// A backup's file that is there already: a backup never replaces one, and has no `--force`.
  case backupExists(path: String)
  case fileUnreadable(path: String)
  case folderMissing(path: String)
  /// A file another program holds open (its lock file is beside it).
  case fileInUse(path: String)
  /// A file given to `--merge` that cannot be reported over; nothing was computed and no file was changed.
  case sourceRefused(path: String, reason: String)
  /// A file given to `import` that is no workbook laogan reads (a legacy .xls, an .ods, an encrypted or damaged
  /// .xlsx), or a sheet it does not have; the reason says what to save it as.
  case spreadsheetRefused(path: String, reason: String)
  /// SQLite refused a statement: a constraint the rules did not catch first, a full disk, a lock held too long.
  case database(String)
  /// A `--db` that starts as a shared database's address but is not one laogan can use.
  case badDatabaseAddress(String, String)
  /// The shared database could not be reached or refused the login.
  case serverUnreachable(address: String, reason: String)
  /// An operation of one engine asked of the other's database: refused before anything is read or written.
  case wrongEngine(String)
  /// `--reveal` asked by a role whose grant does not include it (`laogan access grant … --reveal`).
  case revealNotGranted
  /// `laogan access` on a file: only a shared database has roles.
  case accessOnFile

  public var errorDescription: String? {
    switch self {
    case .databaseMissing(let path):
      "数据库 \(path) 不存在：请先运行 laogan init（或用 --db / LAOGAN_DB 指定已有的数据库）"
    case .newerSchema(let path):
      "数据库 \(path) 由更新版本的 laogan 写入，本版本不认识其结构；为免损坏，未作任何改动。请升级 laogan"
    case .notLaoganDatabase(let path):
      "\(path) 不是 laogan 数据库（其中已有其他表）；未作任何改动"
    case .emptyDatabase(let path):
      "数据库 \(path) 是空文件（没有任何数据表），不是可用的 laogan 数据库（可能是中断的恢复或复制留下的）；未作任何改动。"
        + "请用 laogan restore 从备份恢复，或确认无用后删除它再 laogan init"
    case .databaseDamaged(let path, let detail):
      "数据库文件损坏：\(path)（\(detail)）。请保留这个文件、不要再写入，用 laogan restore 从最近的备份恢复"
    case .noRulesInForce(let month):
      "没有现行的发放规则：\(month) 没有一条规则适用，未发放任何款项。先用 laogan benefit rule add 设置"
        + "（如 laogan benefit rule add --item 高龄补贴 --monthly 100.00 --from \(month) --min-age 80 --max-age 89），"
        + "laogan benefit rule list 查看已有规则"
    case .diskFull(let folder):
      "磁盘已满：\(folder) 没有足够的空间，未写完的文件已删除；请清理空间或换一个位置后重试"
    case .cannotOpen(let path, let reason):
      "无法打开数据库 \(path)：\(reason)"
    case .cadreNotFound(let reference):
      "找不到干部“\(reference)”（可用记录编号、身份证号或唯一的姓名）"
    case .ambiguousCadre(let name, let candidates):
      "姓名“\(name)”对应 \(candidates.count) 名干部，请改用记录编号或身份证号：\(candidates.joined(separator: "；"))"
    case .invalidValue(let field, let value, let reason):
      FieldProblem(field: field, value: value, reason: reason).description
    case .recordVoided(let reference):
      "记录 \(Masking.inText(reference)) 已作废，不能再修改"
    case .referenceVoided(let reference):
      "记录 \(reference) 已作废，不能再引用；确属误作废请先 undo 作废那条命令"
    case .openMemberships(let group, let count):
      "“\(group)”还有 \(count) 名成员未转出：先把他们转到其他组织（org join），或加 --close-memberships-on 日期 在作废时一并结束其组织关系；未作任何改动"
    case .alreadyImported(let kind, let run, let at, let by):
      "这个文件（内容完全相同）已于 \(at) 由 \(by) 作为 \(kind) 导入（审计组 \(run)）；确需再导入一次请加 --again"
    case .undoRefused(let reason):
      "不能撤销：\(reason)"
    case .recordNotFound(let label, let reference):
      "找不到\(label)“\(reference)”"
    case .fileExists(let path):
      "\(path) 已存在，未覆盖：请换一个文件名，或加 --force 覆盖"
    case .backupExists(let path):
      "\(path) 已存在：备份从不覆盖已有文件，请换一个文件名"
    case .fileUnreadable(let path):
      "文件 \(path) 不存在或不可读"
    case .fileInUse(let path):
      "文件 \(path) 正被打开？（WPS 或 LibreOffice 的锁文件在旁边）请先关闭它再写入；未写入任何文件"
    case .folderMissing(let path):
      "文件夹 \(path) 不存在（U 盘或网络盘未连接？）；未写入任何文件"
    case .sourceRefused(let path, let reason):
      "合并的文件 \(path)：\(reason)；未计算报表，各文件均未改动"
    case .spreadsheetRefused(let path, let reason):
      "无法导入 \(path)：\(reason)；未写入任何记录"
    case .database(let message):
      "数据库错误：\(message)"
    case .badDatabaseAddress(let text, let reason):
      "数据库地址 \(Masking.password(in: text)) 不可用：\(reason)"
    case .serverUnreachable(let address, let reason):
      "无法连接共享数据库 \(address)：\(reason)"
    case .wrongEngine(let what):
      "\(what)；未读写任何数据"
    case .revealNotGranted:
      "你的账户没有查看完整身份证号与电话的权限（须由管理员 laogan access grant … --reveal）；去掉 --reveal 可查看打码的信息"
    case .accessOnFile:
      "access 只用于共享数据库（--db postgresql://…）：数据库文件的权限由文件本身的读写权限决定"
    }
  }
}
