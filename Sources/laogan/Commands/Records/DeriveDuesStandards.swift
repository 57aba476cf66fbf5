import ArgumentParser
import LaoganCore
import LaoganModel

/// `dues-standard derive`: each member's 党费 standard from a month, worked out from their 离退休费.
struct DeriveDuesStandards: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "derive",
    abstract: "按离退休费算出党员自某月起的党费标准（5000 元及以下 0.5%，以上 1%，四舍五入到分）。",
    discussion: """
      只写入与现行标准不同的；该月已有的标准（手工登记的）被改为算出的数。没有离退休费的党员列出姓名，不改。
      一次写入，记入审计日志，可用 laogan undo 撤销。

      示例：
        laogan dues-standard derive --month 2027-01 --dry-run
        laogan dues-standard derive --month 2027-01
      """)

  @OptionGroup var database: DatabaseOptions
  @Option(help: "起始月份，如 2027-01。") var month: Month
  @Flag(help: "只显示将改动的标准，不写入。") var dryRun = false

  func run() throws {
    let derived = try database.open().deriveDuesStandards(month: month, dryRun: dryRun, database.context())
    let rows = derived.changes.map {
      [
        $0.name, Masking.residentID($0.residentID), $0.pension.description, $0.previous?.description ?? "无",
        $0.derived.description,
      ]
    }
    var text =
      "\(derived.month) 起的党费标准\(derived.dryRun ? "（试算，未写入）" : "")：改 \(derived.changes.count) 人，"
      + "\(derived.unchanged) 人不变，\(derived.withoutPension.count) 人没有离退休费\n"
    if !rows.isEmpty {
      text += Table(headers: ["姓名", "身份证号", "月离退休费", "原标准", "新标准"], rows: rows).text()
    }
    if !derived.withoutPension.isEmpty {
      text += "\n没有离退休费、未改标准的党员（用 laogan import pensions 登记后再算）：\n"
      text += Table(
        headers: ["编号", "姓名", "身份证号"],
        rows: derived.withoutPension.map { ["\($0.cadreID)", $0.name, Masking.residentID($0.residentID)] }
      ).text()
    }
    Terminal.output(text)
  }
}
