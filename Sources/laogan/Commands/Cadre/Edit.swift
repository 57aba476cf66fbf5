import ArgumentParser
import LaoganCore

extension Laogan.CadreCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "修改干部信息；只改给出的字段，空字符串清空该字段。",
      discussion: """
        示例：
          laogan cadre edit 张三丰 --rank 正县处级 --phone 13800001234
          laogan cadre edit 12 --note ""
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @OptionGroup var fields: CadreFieldOptions

    func validate() throws {
      if fields.cells.isEmpty { throw ValidationError("没有要修改的字段（如 --rank 正县处级）") }
    }

    func run() throws {
      let edited = try database.open().editRecord(CadreKind.self, cadre, changes: fields.cells, database.context())
      Terminal.error("已修改：编号 \(edited.id ?? 0) \(edited.name)")
    }
  }
}
