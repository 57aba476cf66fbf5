import Foundation

/// What went wrong, in one line a clerk can act on. The command line prints `localizedDescription` and exits
/// non-zero.
public enum LaoganError: LocalizedError, Equatable {
  case databaseMissing(path: String)
  case newerSchema(path: String)
  case notLaoganDatabase(path: String)
  case cannotOpen(path: String, reason: String)
  case cadreNotFound(String)
  case ambiguousCadre(String, candidates: [String])
  case invalidValue(field: String, value: String, reason: String)
  case recordVoided(String)
  case alreadyImported(kind: String, run: Int64, at: String, by: String)
  case recordNotFound(label: String, reference: String)
  case undoRefused(String)
  case fileExists(path: String)
  case fileUnreadable(path: String)
  case folderMissing(path: String)
  /// A file given to `--merge` that cannot be reported over; nothing was computed and no file was changed.
  case sourceRefused(path: String, reason: String)
  /// A file given to `import` that is no workbook laogan reads (a legacy .xls, an .ods, an encrypted or damaged
  /// .xlsx), or a sheet it does not have; the reason says what to save it as.
  case spreadsheetRefused(path: String, reason: String)
  /// SQLite refused a statement: a constraint the rules did not catch first, a full disk, a lock held too long.
  case database(String)

  public var errorDescription: String? {
    switch self {
    case .databaseMissing(let path):
      "数据库 \(path) 不存在：请先运行 laogan init（或用 --db / LAOGAN_DB 指定已有的数据库）"
    case .newerSchema(let path):
      "数据库 \(path) 由更新版本的 laogan 写入，本版本不认识其结构；为免损坏，未作任何改动。请升级 laogan"
    case .notLaoganDatabase(let path):
      "\(path) 不是 laogan 数据库（其中已有其他表）；未作任何改动"
    case .cannotOpen(let path, let reason):
      "无法打开数据库 \(path)：\(reason)"
    case .cadreNotFound(let reference):
      "找不到干部“\(reference)”（可用记录编号、身份证号或唯一的姓名）"
    case .ambiguousCadre(let name, let candidates):
      "姓名“\(name)”对应 \(candidates.count) 名干部，请改用记录编号或身份证号：\(candidates.joined(separator: "；"))"
    case .invalidValue(let field, let value, let reason):
      FieldProblem(field: field, value: value, reason: reason).description
    case .recordVoided(let reference):
      "记录 \(reference) 已作废，不能再修改"
    case .alreadyImported(let kind, let run, let at, let by):
      "这个文件（内容完全相同）已于 \(at) 由 \(by) 作为 \(kind) 导入（审计组 \(run)）；确需再导入一次请加 --again"
    case .undoRefused(let reason):
      "不能撤销：\(reason)"
    case .recordNotFound(let label, let reference):
      "找不到\(label)“\(reference)”"
    case .fileExists(let path):
      "\(path) 已存在，未覆盖：请换一个文件名，或加 --force 覆盖"
    case .fileUnreadable(let path):
      "文件 \(path) 不存在或不可读"
    case .folderMissing(let path):
      "文件夹 \(path) 不存在（U 盘或网络盘未连接？）；未写入任何文件"
    case .sourceRefused(let path, let reason):
      "合并的文件 \(path)：\(reason)；未计算报表，各文件均未改动"
    case .spreadsheetRefused(let path, let reason):
      "无法导入 \(path)：\(reason)；未写入任何记录"
    case .database(let message):
      "数据库错误：\(message)"
    }
  }
}
