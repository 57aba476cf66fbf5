import Foundation
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore
@testable import LaoganText

@Suite("Report renderers")
struct RendererTests {
  let data: BoundaryData
  let report: Report323

  init() throws {
    data = try BoundaryData()
    report = try data.database.report323(
      region: .prefecture, period: .month(try #require(Month(year: 2023, month: 6))), compare: true,
      generatedAt: "2026-11-29T00:00:00Z")
  }

  /// Compares with `Snapshots/NAME`; `LAOGAN_WRITE_SNAPSHOTS=1` writes it instead and fails (review the diff).
  func expectSnapshot(_ text: String, _ name: String) throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["LAOGAN_WRITE_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
      // A run that rewrites the golden files compares nothing: it never passes, so it is never mistaken for one.
      Issue.record("\(name) was written: review the diff, then run the tests again without LAOGAN_WRITE_SNAPSHOTS")
      return
    }
    #expect(text == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs from its snapshot")
  }

  @Test("text: golden file, CJK-aligned, every line within 100 columns")
  func text() throws {
    let text = String(decoding: try report.document.rendered(as: .text), as: UTF8.self)
    try expectSnapshot(text, "323-2023-06.txt")
    #expect(text.split(separator: "\n").allSatisfy { String($0).displayWidth <= 100 })
  }

  @Test("Markdown: golden file")
  func markdown() throws {
    try expectSnapshot(String(decoding: try report.document.rendered(as: .md), as: UTF8.self), "323-2023-06.md")
  }

  @Test("CSV starts with a BOM and quotes what needs quoting")
  func csv() throws {
    let csv = String(decoding: try report.document.rendered(as: .csv), as: UTF8.self)
    #expect(csv.hasPrefix("\u{FEFF}离退休干部工作“323”工作法统计表\r\n"))
    #expect(csv.contains("\r\n特需费金额,元,0.00,0.00,0.00,0.00,0.00\r\n"))
  }

  @Test("HTML: one page per section, SVG charts, print CSS, nothing fetched")
  func html() throws {
    let html = String(decoding: try report.document.rendered(as: .html), as: UTF8.self)
    #expect(html.components(separatedBy: "<section>").count - 1 == report.groups.count)
    #expect(html.components(separatedBy: "<svg ").count - 1 == report.groups.count)
    #expect(html.contains("@page { size: A4"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(!html.contains("<script") && !html.contains("<link"))
  }

  @Test(
    "XLSX opens in openpyxl: merged title and headers, numbers as numbers, widths set",
    .enabled(if: Openpyxl.python != nil, "openpyxl is not installed: apt-get install python3-openpyxl"))
  func xlsx() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("report.xlsx", report.document.rendered(as: .xlsx))
    let script = """
      import openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb.active
      assert ws['A1'].value.startswith('离退休干部工作'), ws['A1'].value
      merged = [str(r) for r in ws.merged_cells.ranges]
      assert 'A1:G1' in merged, merged
      assert any(r.startswith('D') and ':E' in r for r in merged), merged
      values = {}
      for row in ws.iter_rows():
          if row[0].value and row[2].value is not None:
              values[row[0].value] = row[2].value
      assert values['离退休干部总数'] == 3, values
      assert abs(values['医疗补助费金额'] - 50.5) < 1e-9, values
      assert isinstance(values['宣讲受众'], int), type(values['宣讲受众'])
      assert ws.column_dimensions['A'].width >= 10
      # Printed on A4 at a scale laogan sets, so that it lays out the pages itself (PrintedPages); rows tall
      # enough for CJK text.
      assert ws.page_setup.paperSize == 9 and 10 <= ws.page_setup.scale <= 100, ws.page_setup.scale
      assert not ws.print_title_rows, ws.print_title_rows
      assert ws.row_dimensions[9].height == 20, ws.row_dimensions[9].height
      assert '第 &P 页' in ws.oddFooter.center.text, ws.oddFooter.center.text
      print('ok')
      """
    let (status, printed) = try Openpyxl.run(script, file.path)
    #expect(status == 0, "openpyxl: \(printed)")
    #expect(printed == "ok\n")
  }

  @Test(
    "XLSX pages: a table's header heads each page it runs on to, and never ends a page with its title",
    .enabled(if: Openpyxl.python != nil, "openpyxl is not installed: apt-get install python3-openpyxl"))
  func xlsxPages() throws {
    let list = ReportDocument.Section(
      title: "名单", headers: ["编号", "姓名"], rows: (1...200).map { [.number(Int64(10_000 + $0)), .text("张三\($0)")] },
      combination: .list(total: false))
    let counts = ReportDocument.Section(
      title: "按地区", headers: ["地区", "人数"], rows: (1...30).map { [.text("地区\($0)"), .number(Int64($0))] })
    let document = ReportDocument(title: "测试", subtitle: ["生成时间"], sections: [list, counts, counts])
    let folder = try TemporaryFolder()
    let file = try folder.write("pages.xlsx", document.rendered(as: .xlsx))
    let script = """
      import openpyxl, sys
      ws = openpyxl.load_workbook(sys.argv[1]).active
      breaks = [b.id for b in ws.row_breaks.brk]
      assert len(breaks) >= 4, breaks
      for row in breaks:
          after, before = ws.cell(row=row + 1, column=1).value, ws.cell(row=row, column=1).value
          # The next page opens on the list's header again, or on the next table's title.
          assert after in ('编号', '按地区'), (row, after)
          assert before not in ('编号', '地区', '名单', '按地区'), (row, before)
      # Record numbers print as they are written, not as 10,001.
      numbers = [c.number_format for c in ws['A'] if isinstance(c.value, int)]
      assert set(numbers) == {'0'}, set(numbers)
      print(len(breaks))
      """
    let (status, printed) = try Openpyxl.run(script, file.path)
    #expect(status == 0, "openpyxl: \(printed)")
  }
}
