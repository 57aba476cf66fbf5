import ArgumentParser
import LaoganCore
import LaoganModel

extension Laogan.CadreCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "列出干部（不含已作废的记录）。",
      discussion: """
        示例：
          laogan cadre list --region 兴义 --category 离休 --alive-on 2026-11-30
          laogan cadre list --resettled --region 兴义    # 易地安置的干部
          laogan cadre list --format csv > 干部名单.csv
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: Region.scopeHelp) var region: Region?
    @Option(help: "类别（离休/退休）") var category: CadreCategory?
    @Option(help: "只列出该日仍健在的干部。") var aliveOn: CalendarDate?
    @Flag(help: "只列出易地安置的干部。") var resettled = false
    @Option(help: "最多列出多少条。") var limit: Int?
    @OptionGroup var output: ListOptions

    func run() throws {
      let opened = try database.open()
      let filter = CadreFilter(
        region: region, category: category, aliveOn: aliveOn, resettled: resettled, limit: limit)
      try output.print(try opened.cadres(filter), database: opened, options: database)
    }
  }
}
