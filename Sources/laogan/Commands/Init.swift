import ArgumentParser
import LaoganCore

extension Laogan {
  /// `laogan init`: creates the database, or brings an existing one to the current schema.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "创建数据库（文件权限 0600）；已存在时只升级结构。",
      discussion: """
        示例：
          laogan init --db ~/老干局/laogan.db
        """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let opened = try database.open(.create)
      Terminal.error("数据库已就绪：\(opened.path)")
    }
  }
}
