import ArgumentParser
import LaoganCore

extension Laogan.CadreCommand {
  struct Die: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "die",
      abstract: "登记干部去世日期（记录保留）。",
      discussion: """
        示例：
          laogan cadre die 张三丰 --on 2026-11-02
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @Option(help: "去世日期") var on: CalendarDate

    func run() throws {
      let edited = try database.open().recordDeath(cadre, on: on, database.context())
      Terminal.error("已登记去世：编号 \(edited.id ?? 0) \(edited.name) \(on)")
    }
  }
}
