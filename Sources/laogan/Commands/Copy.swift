import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan {
  /// `laogan copy SOURCE TARGET`: a whole laogan database between a file and a shared database (SPEC §15).
  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: "在数据库文件与共享的 PostgreSQL 数据库之间复制整个 laogan 数据库（连同审计日志）。",
      discussion: """
        文件复制进共享数据库：目标须已 laogan init。整个复制是一个事务，中途失败则目标不变。
        复制进空的共享数据库时记录编号与审计日志照旧；共享数据库已有其他单位的记录时，
        文件中的编号顺延到已有编号之后（引用随之改动），这次复制本身记入审计日志，可用 laogan undo 整个撤回。
        同一身份证号已在共享数据库中登记时拒绝复制，并指出是谁。

        共享数据库复制出文件：一个时点的一致快照，写成新的 laogan 数据库文件（不覆盖已有文件），编号不变。
        加 --region 只复制这些地区的记录，连同全局的标准、通知，以及审计日志中关于所复制记录的条目。
        文件中身份证号与电话是完整的，所以未获 --reveal 授权的角色不能复制出。

        示例：
          laogan init --db postgresql://clerk@db.example/laogan
          laogan copy 兴义.db postgresql://clerk@db.example/laogan
          laogan copy 普安.db postgresql://clerk@db.example/laogan    # 各县的文件依次并入
          laogan copy postgresql://clerk@db.example/laogan 兴义-离线.db --region 兴义
        """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "来源：laogan 数据库文件，或共享数据库的地址 postgresql://用户@主机/库名", completion: .file())
    var source: String
    @Argument(help: "目标：共享数据库的地址，或一个新的数据库文件", completion: .file()) var target: String
    @Option(
      parsing: .upToNextOption,
      help: ArgumentHelp("从共享数据库只复制出这些地区：\(Region.scopeNames.joined(separator: "、"))。", valueName: "地区"))
    var region: [Region] = []

    func validate() throws {
      if database.db != nil { throw ValidationError("copy 的来源与目标由两个参数给出，不用 --db") }
      switch (PostgresAddress.isAddress(source), PostgresAddress.isAddress(target)) {
      case (false, false): throw ValidationError("来源与目标都是文件：复制一个数据库文件请用 laogan backup")
      case (true, true): throw ValidationError("来源与目标都是共享数据库：请先复制出文件，再复制进另一个")
      case (false, true) where !region.isEmpty: throw ValidationError("--region 只用于从共享数据库复制出文件")
      default: break
      }
    }

    func run() throws {
      if PostgresAddress.isAddress(source) {
        let shared = try LaoganDatabase(path: source, mode: .existing)
        try shared.copyOut(to: target, regionCodes: region.isEmpty ? nil : Region.codes(coveredByAny: region))
        Terminal.error("已把 \(shared.path) 复制到 \(target)")
      } else {
        let file = try LaoganDatabase(path: source, mode: .existing)
        let shared = try LaoganDatabase(path: target, mode: .existing)
        try shared.copyIn(from: file, database.context())
        Terminal.error("已把 \(source) 复制到 \(shared.path)")
      }
    }
  }
}
