import ArgumentParser
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan copy SOURCE TARGET`: a whole laogan database from a file into a shared database (SPEC §15).
  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: "把整个 laogan 数据库文件复制进共享的 PostgreSQL 数据库（记录编号与审计日志照旧）。",
      discussion: """
        目标须是已 laogan init 的空共享数据库；整个复制是一个事务，中途失败则目标不变。
        从共享数据库复制出文件、按地区复制、并入已有记录的数据库尚未实现。

        示例：
          laogan init --db postgresql://clerk@db.example/laogan
          laogan copy 兴义.db postgresql://clerk@db.example/laogan
        """)

    @Argument(help: "laogan 数据库文件", completion: .file()) var source: String
    @Argument(help: "共享数据库的地址 postgresql://用户@主机/库名") var target: String

    func run() throws {
      guard PostgresAddress.isAddress(target) else {
        throw LaoganError.notOnPostgreSQL("复制到 SQLite 文件")
      }
      guard !PostgresAddress.isAddress(source) else {
        throw LaoganError.notOnPostgreSQL("从共享数据库复制出")
      }
      let file = try LaoganDatabase(path: source, mode: .existing)
      let shared = try LaoganDatabase(path: target, mode: .existing)
      try shared.copyIn(from: file)
      Terminal.error("已把 \(source) 复制到 \(shared.path)")
    }
  }
}
