import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan {
  /// `laogan access`: which offices' records each PostgreSQL role of a shared database reads and writes
  /// (SPEC §15), held by the database itself.
  struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "access",
      abstract: "共享数据库的权限：某个数据库角色只能读写哪些地区的记录、能否查看完整身份证号。",
      discussion: """
        只用于共享数据库（--db postgresql://…），由建库的管理员账户运行。权限由 PostgreSQL 的行级安全
        落实：该角色用 laogan 还是 psql 看到的都只是授权地区的记录。

        示例：
          laogan access grant xingyi --region 兴义 --db postgresql://admin@db/laogan
          laogan access grant zhou --region 黔西南州 --reveal      # 州局：全州，且可 --reveal
          laogan access list
          laogan access revoke xingyi
        """,
      subcommands: [Grant.self, Revoke.self, List.self])

    struct Grant: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "授权一个数据库角色读写某些地区的记录（再次授权则替换原有地区）。")

      @OptionGroup var database: DatabaseOptions
      @Argument(help: "PostgreSQL 角色名（须已由管理员 CREATE ROLE）") var role: String
      @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("可读写的地区：\(Region.scopeNames.joined(separator: "、"))；黔西南州即全州。", valueName: "地区"))
      var region: [Region]
      @Flag(help: "允许该角色用 --reveal 查看完整的身份证号与电话。") var reveal = false

      func run() throws {
        let grant = AccessGrant(role: role, regionCodes: Region.codes(coveredByAny: region), reveal: reveal)
        try database.open().grantAccess(grant, database.context())
        Terminal.error("已授权 \(role)：\(Laogan.Access.regionNames(grant.regionCodes))\(reveal ? "，可查看完整信息" : "")")
      }
    }

    struct Revoke: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "revoke", abstract: "收回一个数据库角色的全部权限。")

      @OptionGroup var database: DatabaseOptions
      @Argument(help: "PostgreSQL 角色名") var role: String

      func run() throws {
        try database.open().revokeAccess(role: role, database.context())
        Terminal.error("已收回 \(role) 的权限")
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(commandName: "list", abstract: "列出已授权的数据库角色及其地区。")

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let grants = try database.open().accessGrants()
        let rows = grants.map { [$0.role, Laogan.Access.regionNames($0.regionCodes), $0.reveal ? "是" : "否"] }
        Terminal.output(Table(headers: ["角色", "地区", "可查看完整信息"], rows: rows).text())
      }
    }

    /// The regions of a grant by their short names, the whole prefecture as one.
    static func regionNames(_ codes: [String]) -> String {
      if Set(codes) == Set(Region.prefecture.coveredCodes) { return Region.prefecture.shortName }
      return codes.map { Region.displayName(of: $0) }.joined(separator: "、")
    }
  }
}
