import ArgumentParser
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan copy SOURCE TARGET`: a whole laogan database from a file into a shared database (SPEC §15).
  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: "把整个 laogan 数据库文件复制进共享的 PostgreSQL 数据库（连同审计日志）。",
      discussion: """
        目标须已 laogan init。整个复制是一个事务，中途失败则目标不变。
        复制进空的共享数据库时记录编号与审计日志照旧；共享数据库已有其他单位的记录时，
        文件中的编号顺延到已有编号之后（引用随之改动），这次复制本身记入审计日志，可用 laogan undo 整个撤回。
        同一身份证号已在共享数据库中登记时拒绝复制，并指出是谁。
        从共享数据库复制出文件、按地区复制尚未实现。

        示例：
          laogan init --db postgresql://clerk@db.example/laogan
          laogan copy 兴义.db postgresql://clerk@db.example/laogan
          laogan copy 普安.db postgresql://clerk@db.example/laogan    # 各县的文件依次并入
        """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "laogan 数据库文件", completion: .file()) var source: String
    @Argument(help: "共享数据库的地址 postgresql://用户@主机/库名") var target: String

    func validate() throws {
      if database.db != nil { throw ValidationError("copy 的来源与目标由两个参数给出，不用 --db") }
    }

    func run() throws {
      guard PostgresAddress.isAddress(target) else {
        throw LaoganError.notOnPostgreSQL("复制到 SQLite 文件")
      }
      guard !PostgresAddress.isAddress(source) else {
        throw LaoganError.notOnPostgreSQL("从共享数据库复制出")
      }
      let file = try LaoganDatabase(path: source, mode: .existing)
      let shared = try LaoganDatabase(path: target, mode: .existing)
      try shared.copyIn(from: file, database.context())
      Terminal.error("已把 \(source) 复制到 \(shared.path)")
    }
  }
}
