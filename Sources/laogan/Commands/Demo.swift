import ArgumentParser
import Foundation
import LaoganCore
import LaoganStore
import LaoganText

extension Laogan {
  /// `laogan demo`: a realistic demo prefecture and its 323 report.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "建一个演示用的黔西南州数据库（约 2.5 万名干部及其组织、待遇、活动），并打印 2022-01-01 至 2023-06-12 的“323”统计表。",
      discussion: """
        数据库默认为当前目录的 laogan-demo.db；已存在的演示库会重建，其他数据库不会被覆盖。
        同一 --seed 总是得到同样的数据。

        示例：
          laogan demo
          laogan demo --db /tmp/demo.db --seed 7 --scale 10
        """)

    @Option(help: "演示数据库文件（默认 ./laogan-demo.db）。") var db = "laogan-demo.db"
    @Option(name: .customLong("operator"), help: "写入审计日志的操作人。") var operatorName = "demo"
    @Option(help: "随机种子。") var seed: UInt64 = 2023
    @Option(help: "规模：1 约 2.5 万名干部，10 约 25 万。") var scale = 1
    @Option(help: "报表格式。") var format: ReportFormat = .text

    func validate() throws {
      guard (1...100).contains(scale) else { throw ValidationError("--scale 应为 1 到 100") }
      try OutputTarget(path: nil).refuseBinaryOnTerminal(format == .xlsx)
    }

    func run() throws {
      try LaoganDatabase.removeDemo(at: db)
      let database = try LaoganDatabase(path: db, mode: .create)
      let started = Date()
      let context = AuditContext(operatorName: operatorName, command: "demo --seed \(seed) --scale \(scale)")
      let summary = try database.buildDemo(DemoOptions(seed: seed, scale: scale), context) { Terminal.progress($0) }
      Terminal.endProgress()
      Terminal.error(
        String(
          format: "演示库 %@：干部 %d 人，党组织 %d 个，事件 %d 条，发放 %d 笔，用时 %.1f 秒", db, summary.cadres,
          summary.organizations, summary.events, summary.payments, Date().timeIntervalSince(started)))
      let report = try database.report323(
        region: .prefecture, period: LaoganDatabase.demoReportPeriod, compare: false,
        generatedAt: LocalTime.stamp(Date()))
      FileHandle.standardOutput.write(try report.rendered(as: format))
    }
  }
}
