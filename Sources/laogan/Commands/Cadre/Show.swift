import ArgumentParser
import LaoganCore
import LaoganStore

extension Laogan.CadreCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "显示一名干部的全部信息、组织关系、参与的活动与待遇、获得的荣誉。",
      discussion: """
        示例：
          laogan cadre show 张三丰
          laogan cadre show 522301194603150011 --reveal
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "记录编号、身份证号或唯一的姓名") var cadre: String
    @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false
    @Option(help: "输出格式：text 或 json（json 只含干部本身）。") var format: ListFormat = .text

    func run() throws {
      let opened = try database.open()
      let found = try opened.record(CadreKind.self, cadre)
      if reveal { try opened.logReveal(of: CadreKind.self, [found], database.context()) }
      guard format == .text else {
        Terminal.output(try opened.exportJSON(CadreKind.self, [found], reveal: reveal))
        return
      }
      Terminal.output(Card.text(try opened.details(CadreKind.self, found, reveal: reveal)))
      let filter = RecordFilter(cadre: "\(found.id ?? 0)")
      try section("家庭成员", FamilyKind.self, opened, filter)
      let organizations = try opened.organizationHistory(of: found)
      if !organizations.isEmpty {
        Terminal.output("\n党组织关系\n" + PeriodTable.text(organizations, reveal: reveal))
      }
      let associations = try opened.associationHistory(of: found)
      if !associations.isEmpty {
        Terminal.output("\n涉老社团\n" + PeriodTable.text(associations, reveal: reveal))
      }
      try section("迁入迁出", TransferKind.self, opened, filter)
      try section("住院", HospitalStayKind.self, opened, filter)
      try section("证照", PermitKind.self, opened, filter)
      try section("出国(境)", TripKind.self, opened, filter)
      try section("活动", ActivityKind.self, opened, filter)
      try section("政治待遇", TreatmentKind.self, opened, filter)
      try section("发挥作用", ContributionKind.self, opened, filter)
      try section("先进典型", HonorKind.self, opened, filter)
    }

    private func section<Kind: RecordKind>(
      _ title: String, _ kind: Kind.Type, _ opened: LaoganDatabase, _ filter: RecordFilter
    ) throws {
      let records = try opened.records(kind, filter)
      guard !records.isEmpty else { return }
      Terminal.output("\n\(title)\n" + (try opened.listTable(kind, records, reveal: reveal).text()))
    }
  }
}
