import ArgumentParser
import Foundation
import LaoganCore
import LaoganStore

extension Laogan {
  /// `laogan template KIND`: the empty sheet a clerk fills in for `import KIND` (SPEC §12).
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "template",
      abstract: "生成某种记录的空白导入表（.xlsx 或 .csv）：表头按导入顺序，必填列标 *。",
      discussion: """
        .xlsx 模板中：必填列的表头为红色；选中单元格时提示该列可填的写法；类别、性别、民族、职级、管理地区、是/否等列有下拉列表；
        身份证号、电话、月份列设为文本格式，Excel 不会把它们变成科学计数法或日期；日期列为日期格式。填好后直接 laogan import。
        不加 --output 时把 CSV 表头写到标准输出。--output 指向已有的文件时拒绝覆盖，除非加 --force。

        示例：
          laogan template cadres --output 花名册模板.xlsx
          laogan template payments --output 发放表模板.csv
        """)

    enum Format: String, FileFormat {
      case csv, xlsx
    }

    @Argument(help: "记录种类") var kind: RecordKindName
    @OptionGroup var file: FileOutputOptions<Format>

    func run() throws {
      try file.write(try template(kind.kind))
      if let output = file.output { Terminal.error("已生成 \(kind.kind.label)导入模板 \(output)") }
    }

    private func template<Kind: RecordKind>(_ kind: Kind.Type) throws -> Data {
      switch file.chosenFormat {
      case .csv: Data(Table(headers: Kind.Field.allCases.map(RecordWorkbook.header), rows: []).csv().utf8)
      case .xlsx: try RecordWorkbook.data(Kind.Field.self, sheetName: Kind.label, rows: [])
      }
    }
  }
}
