import ArgumentParser
import LaoganCore

extension Laogan.CadreCommand {
  struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "find",
      abstract: "按姓名、全拼或拼音首字母查找干部。",
      discussion: """
        多音姓氏按姓氏读音与常用读音都能找到（单 shan/dan、曾 zeng、尉迟 yuchi）。找不到时退出码为 1。

        示例：
          laogan cadre find 张三
          laogan cadre find zhangsanfeng
          laogan cadre find zsf
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "汉字、全拼（不带声调）或首字母") var query: String
    @Option(help: "最多列出多少条。") var limit: Int?
    @OptionGroup var output: ListOptions

    func run() throws {
      let opened = try database.open()
      let found = try opened.findCadres(query, limit: limit)
      guard !found.isEmpty else { Terminal.fail("没有找到与“\(query)”相符的干部") }
      try output.print(found, database: opened, options: database)
    }
  }
}
