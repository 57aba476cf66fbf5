import ArgumentParser
import LaoganCore

extension Laogan {
  /// `laogan init`: creates the database, or brings an existing one to the current schema.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "创建数据库（文件权限 0600）；已存在时只升级结构。",
      discussion: """
        升级前先留一份原样的副本：数据库文件在它旁边（.before-upgrade-版本），
        共享数据库写成当前文件夹中的 laogan 数据库文件（库名.before-upgrade-版本）。

        示例：
          laogan init --db ~/老干局/laogan.db
        """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
      let opened = try database.open(.create)
      if let kept = opened.keptBeforeUpgrade { Terminal.error("已升级；升级前的数据另存为 \(kept)") }
      Terminal.error("数据库已就绪：\(opened.path)")
    }
  }
}
