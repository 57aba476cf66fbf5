import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

/// `report pack` (SPEC §12): a month's or a year's tables as the sheets of one workbook, read back by openpyxl.
@Suite(
  "The month's pack in one workbook",
  .enabled(if: Openpyxl.python != nil, "openpyxl is not installed: apt-get install python3-openpyxl"))
struct ReportPackTests {
  @Test(
    "a month: 323, statement, visits due and check, each a sheet set up for print; a year: the yearly tables",
    arguments: TestEngine.available)
  func pack(on engine: TestEngine) throws {
    let folder = try TemporaryFolder()
    let database = try folder.database(on: engine)
    for kind in ["organizations", "cadres", "fund", "payments"] {
      _ = try database.importRecords(
        RecordKinds.named(kind)!, from: fixtures.appendingPathComponent("\(kind).csv"), options: ImportOptions(),
        testContext)
    }
    let month = try #require(Month(year: 2023, month: 6))
    let monthly = try database.reportPack(
      region: .prefecture, month: month, year: nil, generatedAt: "2023-07-01T08:00:00+08:00",
      today: CalendarDate(valid: 2023, 7, 1))
    let yearly = try database.reportPack(
      region: .prefecture, month: nil, year: 2022, generatedAt: "2023-01-05T08:00:00+08:00",
      today: CalendarDate(valid: 2023, 1, 5))
    let statement = try database.benefitStatement(month: month, region: nil)
    let files = try [("month.xlsx", monthly), ("year.xlsx", yearly)].map { try folder.write($0.0, $0.1.xlsx()) }
    let script = """
      import openpyxl, sys
      month = openpyxl.load_workbook(sys.argv[1])
      assert month.sheetnames == ['323统计表', '生活待遇发放汇总', '走访慰问提示', '下月逢五逢十生日', '数据检查'], month.sheetnames
      assert month['323统计表']['A1'].value.startswith('离退休干部工作'), month['323统计表']['A1'].value
      rows = [[c.value for c in row] for row in month['生活待遇发放汇总'].iter_rows()]
      assert ['管理地区', '人数'] == rows[6][:2], rows[6]
      total = [row for row in rows if row[0] == '合计'][0]
      print(total[-1])
      # What a leader acts on: the unvisited counted by region, by name only those 90 and over.
      titles = [row[0].value for row in month['走访慰问提示'].iter_rows() if row[0].value]
      assert any(str(t).endswith('未走访慰问（按管理地区）') for t in titles), titles
      assert '其中 90 岁以上（逐人）' in titles, titles
      # Every finding by its Chinese name, each record by its kind's, the time local.
      cells = [[c.value for c in row] for row in month['数据检查'].iter_rows()]
      assert any(row[0] == '去世后仍有发放' for row in cells), cells
      assert not any(str(row[1]).startswith('payment ') for row in cells), cells
      assert cells[1][0] == '生成时间：2023-07-01 08:00:00', cells[1]
      for sheet in month.worksheets:
          assert sheet.page_setup.paperSize == 9 and 10 <= sheet.page_setup.scale <= 100, sheet.title
          assert not sheet.print_title_rows, sheet.title
      year = openpyxl.load_workbook(sys.argv[2])
      assert year.sheetnames == ['323统计表', '基本情况', '两年数字变化', '党组织设置', '干部构成', '生活待遇', '数据检查'], \\
          year.sheetnames
      """
    let (status, printed) = try Openpyxl.run(script, files[0].path, files[1].path)
    #expect(status == 0, "openpyxl: \(printed)")
    // The statement sheet's 合计 is the statement's own, to the 分, as a number.
    #expect(printed == "\(Double(statement.total.value) / 100)\n")
  }
}
