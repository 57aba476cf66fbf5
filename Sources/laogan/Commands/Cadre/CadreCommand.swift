import ArgumentParser

extension Laogan {
  /// `laogan cadre …`: the roster, one cadre at a time.
  struct CadreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cadre",
      abstract: "离退休干部：登记、查看、查找、修改、去世登记、作废。",
      discussion: "干部可用记录编号、身份证号（18 或 15 位）或唯一的姓名指定。\n\n示例：\n  laogan cadre find zsf\n  laogan cadre show 张三丰",
      subcommands: [Add.self, Show.self, List.self, Find.self, Edit.self, Die.self, Void.self])
  }
}
