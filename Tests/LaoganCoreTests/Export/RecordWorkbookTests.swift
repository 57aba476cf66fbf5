import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganStore
@testable import LaoganText

/// Templates and XLSX exports (SPEC §12), opened, filled in and saved by openpyxl — a spreadsheet program that
/// is not laogan — and imported back.
@Suite(
  "Import templates and XLSX exports",
  .enabled(if: Openpyxl.python != nil, "openpyxl is not installed: apt-get install python3-openpyxl"))
struct RecordWorkbookTests {
  let folder: TemporaryFolder
  let database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  @Test("a cadre template: headers in order, required marked, lists, text and date columns; filled in, it imports")
  func cadreTemplate() throws {
    let template = try folder.write("模板.xlsx", RecordWorkbook.data(CadreField.self, sheetName: "干部", rows: []))
    let filled = folder.url.appendingPathComponent("填好.xlsx")
    let script = """
      import datetime, openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb['干部']
      assert wb['选项'].sheet_state == 'hidden'
      headers = [c.value for c in ws[1]]
      assert headers[:6] == ['姓名*', '性别', '民族', '出生日期', '身份证号*', '类别*'], headers
      assert ws['A1'].font.color.rgb == 'FFC00000' and ws['B1'].font.color is None
      column = {h.rstrip('*'): openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(headers)}
      lists = {}
      for dv in ws.data_validations.dataValidation:
          letter = str(dv.sqref).split(':')[0].rstrip('0123456789')
          lists[letter] = (dv.type, dv.formula1, dv.prompt)
      kind, formula, prompt = lists[column['民族']]
      sheet, cells = formula.split('!')
      values = [c.value for row in wb['选项'][cells.replace('$', '')] for c in row]
      assert kind == 'list' and len(values) == 56 and values[0] == '汉族', (formula, values[:3])
      assert lists[column['管理地区']][0] == 'list'
      assert lists[column['出生日期']][0] is None and '2023年6月12日' in lists[column['出生日期']][2]
      assert ws.column_dimensions[column['身份证号']].number_format == '@'
      assert ws.column_dimensions[column['联系电话']].number_format == '@'
      assert ws.column_dimensions[column['离退休日期']].number_format == 'yyyy-mm-dd'
      assert ws.print_title_rows.replace('$', '') == '1:1' and ws.page_setup.orientation == 'landscape'
      ws[column['姓名'] + '2'] = '张三丰'
      ws[column['身份证号'] + '2'] = '522323193001010023'
      ws[column['类别'] + '2'] = '退休'
      ws[column['管理地区'] + '2'] = '兴义市'
      ws[column['离退休日期'] + '2'] = datetime.date(1990, 1, 1)
      ws[column['党员'] + '2'] = '是'
      ws[column['民族'] + '2'] = '布依族'
      ws[column['联系电话'] + '2'] = '13912345678'
      wb.save(sys.argv[2])
      print('ok')
      """
    let (status, printed) = try Openpyxl.run(script, template.path, filled.path)
    #expect(status == 0, "openpyxl: \(printed)")
    let summary = try database.importRecords(CadreKind.self, from: filled, options: ImportOptions(), testContext)
    #expect(summary.added == 1)
    let cadre = try database.cadre("张三丰")
    #expect(cadre.retiredOn?.description == "1990-01-01")
    #expect(cadre.ethnicity?.rawValue == "布依族")
    #expect(cadre.isPartyMember)
    #expect(cadre.phone == "13912345678")
  }

  @Test("cadres and payments: export, edit in a spreadsheet program, import — every value kept")
  func roundTrip() throws {
    for kind in ["organizations", "cadres", "fund", "payments"] {
      _ = try database.importRecords(
        RecordKinds.named(kind)!, from: fixtures.appendingPathComponent("\(kind).csv"), options: ImportOptions(),
        testContext)
    }
    let cadres = try database.records(CadreKind.self, RecordFilter())
    let exported = try database.exportTable(CadreKind.self, cadres, reveal: true)
    let workbook = try folder.write(
      "花名册.xlsx", RecordWorkbook.data(CadreField.self, sheetName: "干部", rows: exported.rows))
    let payments = try database.records(PaymentKind.self, RecordFilter())
    let paid = try database.exportTable(PaymentKind.self, payments, reveal: true)
    let paymentBook = try folder.write(
      "发放.xlsx", RecordWorkbook.data(PaymentField.self, sheetName: "生活待遇发放", rows: paid.rows))
    // A clerk opens both, changes one note, and saves: openpyxl writes every cell again, as Excel does.
    let script = """
      import openpyxl, sys
      for path in sys.argv[1:]:
          wb = openpyxl.load_workbook(path)
          ws = wb.worksheets[0]
          if ws.title == '干部':
              note = [c.value for c in ws[1]].index('备注') + 1
              ws.cell(row=2, column=note).value = '已核对'
          wb.save(path)
      print('ok')
      """
    let (status, printed) = try Openpyxl.run(script, workbook.path, paymentBook.path)
    #expect(status == 0, "openpyxl: \(printed)")

    let summary = try database.importRecords(
      CadreKind.self, from: workbook, options: ImportOptions(update: true), testContext)
    #expect(summary.updated == 1)
    #expect(summary.unchanged == cadres.count - 1)
    var expected = exported.rows
    expected[0][CadreField.allCases.firstIndex(of: .note)!] = "已核对"
    let after = try database.exportTable(CadreKind.self, database.records(CadreKind.self, RecordFilter()), reveal: true)
    #expect(after.rows == expected)

    // Payments are facts: into a database with the same cadres, they come back, every one.
    let copy = try folder.database("copy.db")
    for kind in ["organizations", "cadres", "fund"] {
      _ = try copy.importRecords(
        RecordKinds.named(kind)!, from: fixtures.appendingPathComponent("\(kind).csv"), options: ImportOptions(),
        testContext)
    }
    #expect(
      try copy.importRecords(PaymentKind.self, from: paymentBook, options: ImportOptions(), testContext).added
        == payments.count)
    let copied = try copy.exportTable(PaymentKind.self, copy.records(PaymentKind.self, RecordFilter()), reveal: true)
    // Listed newest first, the same day's by id: compared as the same multiset of rows.
    let lines = { (table: Table) in table.rows.map { $0.joined(separator: "|") }.sorted() }
    #expect(lines(copied) == lines(paid))
  }
}
