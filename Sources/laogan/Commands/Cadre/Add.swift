import ArgumentParser
import LaoganCore
import LaoganModel

extension Laogan.CadreCommand {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "登记一名离退休干部。",
      discussion: """
        必填：姓名、身份证号、类别、管理地区。在终端中缺少必填项时会逐项询问；在脚本中则报错并列出全部缺项。

        示例：
          laogan cadre add --name 张三丰 --id 522301194603150011 --category 退休 \\
            --region 兴义 --rank 正县处级 --party-member 是 --joined-party 1970-07-01
        """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var fields: CadreFieldOptions

    func run() throws {
      let opened = try database.open()
      var entry = CadreEntry(cells: fields.cells)
      if Terminal.standardInputIsTerminal {
        for field in entry.missingFields {
          let allowed = field.allowedValues.map { "（\($0)）" } ?? ""
          entry.cells[field] = Terminal.ask("\(field.rawValue)\(allowed)：")
        }
      }
      let (cadre, notes) = try opened.addRecord(CadreKind.self, cells: entry.cells, database.context())
      for note in notes { Terminal.error(note) }
      Terminal.output("\(cadre.id ?? 0)\n")
      Terminal.error("已登记：编号 \(cadre.id ?? 0) \(cadre.name) \(Masking.residentID(cadre.residentID))")
    }
  }
}
