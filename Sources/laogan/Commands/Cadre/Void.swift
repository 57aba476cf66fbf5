import ArgumentParser
import LaoganCore

extension Laogan.CadreCommand {
  struct Void: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "void",
      abstract: "作废误登记的干部记录（记录保留，不再出现在列表与统计中）。",
      discussion: """
        示例：
          laogan cadre void 35 --reason "重复登记，见编号 12"
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @Option(help: "作废原因") var reason: String

    func run() throws {
      let voided = try database.open().voidRecord(CadreKind.self, cadre, reason: reason, database.context())
      Terminal.error("已作废：编号 \(voided.id ?? 0) \(voided.name)")
    }
  }
}
