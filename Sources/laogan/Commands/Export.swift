import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan {
  /// `laogan export KIND`: the records as a spreadsheet or JSON, to stdout or a file.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "导出记录为 CSV（UTF-8 BOM，Excel 可直接打开）、Excel 工作簿（.xlsx）或 JSON。",
      discussion: """
        CSV 与 XLSX 的表头与导入相同（XLSX 中日期是日期、金额是数字、身份证号是文本，在 Excel 中修改后可原样导入），JSON 的键是导入的英文别名。身份证号与电话默认打码；加 --reveal 导出完整信息（可再导入，记入审计日志），
        这样的文件只有本人可读（权限 0600）。--output 指向已有的文件时拒绝覆盖，除非加 --force。

        示例：
          laogan export cadres --output 花名册-打码.csv
          laogan export cadres --reveal --output 完整花名册.csv    # 可再导入；文件权限 0600
          laogan export activities --format json --region 兴义
          laogan export cadres --region 普安 --reveal --output 普安花名册.xlsx
        """)

    enum Format: String, FileFormat {
      case csv, xlsx, json
    }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "导出的种类") var kind: RecordKindName
    @OptionGroup var file: FileOutputOptions<Format>
    @Option(help: Region.scopeHelp) var region: Region?
    @Flag(help: "导出完整的身份证号与电话（记入审计日志）。") var reveal = false

    func run() throws {
      let count = try export(kind.kind)
      if let output = file.output { Terminal.error("已导出 \(count) 条到 \(output)") }
    }

    /// Writes the records, logging a reveal as the file is written; returns how many there were.
    private func export<Kind: RecordKind>(_ kind: Kind.Type) throws -> Int {
      let opened = try database.open()
      let records = try opened.records(kind, RecordFilter(region: region))
      let data = try formatted(kind, records, opened)
      if reveal {
        try file.write(revealed: data) { try opened.logReveal(of: kind, records, database.context()) }
      } else {
        try file.write(data)
      }
      return records.count
    }

    private func formatted<Kind: RecordKind>(_ kind: Kind.Type, _ records: [Kind.Record], _ opened: LaoganDatabase)
      throws -> Data
    {
      switch file.chosenFormat {
      case .csv: return Data(try opened.exportTable(kind, records, reveal: reveal).csv().utf8)
      case .xlsx:
        let table = try opened.exportTable(kind, records, reveal: reveal)
        return try RecordWorkbook.data(Kind.Field.self, sheetName: Kind.label, rows: table.rows)
      case .json: return Data(try opened.exportJSON(kind, records, reveal: reveal).utf8)
      }
    }
  }
}
