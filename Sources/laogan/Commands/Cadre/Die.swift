import ArgumentParser
import LaoganCore
import LaoganModel

extension Laogan.CadreCommand {
  struct Die: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "die",
      abstract: "登记干部去世日期（记录保留）。",
      discussion: """
        示例：
          laogan cadre die 张三丰 --on 2026-11-02
          laogan cadre die 张三丰 --on 2026-11-02 --cause 病故 --farewell 遗体告别
          laogan cadre edit 张三丰 --died ""    # 误登的去世日期：清除（记入审计日志）
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @Option(help: "去世日期") var on: CalendarDate
    @Option(help: "去世原因") var cause: String?
    @Option(help: "送别方式（遗体告别、追悼会等）") var farewell: String?

    func run() throws {
      let edited = try database.open().recordDeath(
        cadre, on: on, cause: cause, farewell: farewell, database.context())
      Terminal.error("已登记去世：编号 \(edited.id ?? 0) \(edited.name) \(on)")
    }
  }
}
