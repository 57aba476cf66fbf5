import ArgumentParser
import LaoganCore

extension Laogan.CadreCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "显示一名干部的全部信息。",
      discussion: """
        示例：
          laogan cadre show 张三丰
          laogan cadre show 522301194603150012 --reveal
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false
    @Option(help: "输出格式：text 或 json。") var format: ListFormat = .text

    func run() throws {
      let opened = try database.open()
      let found = try opened.cadre(cadre)
      if reveal { try opened.logReveal(of: [found], database.context()) }
      switch format {
      case .json:
        Terminal.output(try CadreOutput.json([found], reveal: reveal))
      case .text, .csv:
        let lines = CadreOutput.details(found, reveal: reveal)
        let width = lines.map(\.label.displayWidth).max() ?? 0
        for (label, value) in lines {
          Terminal.output(label + String(repeating: " ", count: width - label.displayWidth) + "  " + value + "\n")
        }
      }
    }
  }
}
