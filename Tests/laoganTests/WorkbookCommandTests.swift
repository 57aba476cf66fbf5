import Foundation
import Testing

/// `laogan import KIND FILE.xlsx` end to end, on `Tests/Fixtures/roster.xlsx`: a workbook written by openpyxl
/// (not by laogan) as a clerk's sheet looks — a merged title row and a unit row above the header, header
/// variants (序号, `姓　名`, 公民身份号码, `类别*`), dates as date cells in a 年月日 format, a boolean, a phone
/// number stored as a number — and a second sheet, 有错, with a 身份证号 Excel turned into a number.
@Suite("Importing a workbook from the command line")
struct WorkbookCommandTests {
  let laogan: Laogan
  static let roster = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/roster.xlsx").path

  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
  }

  @Test("the first sheet imports from under its title rows; the summary names the sheet and the header row")
  func importsFirstSheet() throws {
    let outcome = try laogan.run("import", "cadres", Self.roster)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout == "导入完成：3 行，新增 3，更新 0，未变 0（工作表 花名册，表头在第 3 行）\n")
    let listed = try laogan.run("cadre", "list", "--format", "csv", "--reveal").stdout
    #expect(listed.contains("单雄信,男,,1946-03-15,522301194603150011,离休,,2006-03-01,"))
    #expect(listed.contains(",是,") && listed.contains("13912345678"))
    #expect(listed.contains("张三丰,女,,1930-01-01,522323193001010023,退休,,1990-01-01,"))
    #expect(listed.contains("李四,男,,1950-11-20,522301195011200032,退休,,2011-12-01,"))
  }

  @Test("a bad sheet exits 1 naming Excel's row and column letter, and writes nothing")
  func badSheet() throws {
    let outcome = try laogan.run("import", "cadres", Self.roster, "--sheet", "有错")
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("第 2 行 B 列 身份证号: "))
    #expect(outcome.stderr.contains("Excel 把身份证号当成了数字"))
    #expect(outcome.stderr.contains("第 3 行 D 列 管理地区: 火星 — "))
    #expect(outcome.stderr.contains("未导入任何记录"))
    #expect(try laogan.run("cadre", "list", "--format", "json").stdout == "[\n\n]\n")
  }

  @Test("--sheet on a CSV, --encoding on a workbook, and a legacy .xls: exit 1 with what to do, nothing written")
  func refusals() throws {
    let encoded = try laogan.run("import", "cadres", Self.roster, "--encoding", "gbk")
    #expect(encoded.status == 1)
    #expect(encoded.stderr.contains("只有 CSV 才需要指定编码"))
    let csv = try laogan.write("roster.csv", "姓名,身份证号,类别,管理地区\n")
    let onCSV = try laogan.run("import", "cadres", csv, "--sheet", "花名册")
    #expect(onCSV.status == 1)
    #expect(onCSV.stderr.contains("只有 .xlsx 工作簿才有工作表"))
    let legacy = laogan.folder.appendingPathComponent("旧表.xls")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: legacy)
    let old = try laogan.run("import", "cadres", legacy.path)
    #expect(old.status == 1)
    #expect(old.stderr.contains("另存为” Excel 工作簿（*.xlsx）"))
    #expect(try laogan.run("cadre", "list", "--format", "json").stdout == "[\n\n]\n")
  }

  @Test("template: the CSV header on stdout, an .xlsx to a file, never over an existing one without --force")
  func template() throws {
    let header = try laogan.run("template", "payments", withDatabase: false)
    #expect(header.status == 0)
    #expect(header.stdout == "\u{FEFF}身份证号*,项目*,所属月份,日期,金额*,备注,领取人\r\n")
    let made = try laogan.run("template", "cadres", "--output", "花名册模板.xlsx", withDatabase: false)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stderr.contains("花名册模板.xlsx"))
    let again = try laogan.run("template", "cadres", "--output", "花名册模板.xlsx", withDatabase: false)
    #expect(again.status == 1)
    #expect(again.stderr.contains("已存在"))
    // An empty template imports as a file with only its header.
    let empty = try laogan.run("import", "cadres", laogan.folder.appendingPathComponent("花名册模板.xlsx").path)
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("第 1 行: 文件只有表头，没有数据行"))
  }

  @Test("export to .xlsx and import it back: every row unchanged; a masked export says to use --reveal")
  func exportRoundTrip() throws {
    try laogan.run("import", "cadres", Self.roster)
    let revealed = try laogan.run("export", "cadres", "--reveal", "--output", "全部.xlsx")
    #expect(revealed.status == 0, "\(revealed.stderr)")
    let back = try laogan.run("import", "cadres", laogan.folder.appendingPathComponent("全部.xlsx").path)
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.stdout == "导入完成：3 行，新增 0，更新 0，未变 3（工作表 干部）\n")
    #expect(try laogan.run("export", "cadres", "--output", "打码.xlsx").status == 0)
    let masked = try laogan.run("import", "cadres", laogan.folder.appendingPathComponent("打码.xlsx").path)
    #expect(masked.status == 1)
    #expect(masked.stderr.contains("E 列 身份证号: ") && masked.stderr.contains("--reveal"))
  }

  @Test("report pack wants a month or a year and an .xlsx to write; given them, it writes the workbook")
  func pack() throws {
    try laogan.run("import", "cadres", Self.roster)
    let quarter = try laogan.run("report", "pack", "--quarter", "2024Q1", "--output", "季度.xlsx")
    #expect(quarter.status == 64)
    #expect(quarter.stderr.contains("report pack 按月或按年"))
    let noFile = try laogan.run("report", "pack", "--month", "2024-03")
    #expect(noFile.status == 64)
    #expect(noFile.stderr.contains("--output 文件名.xlsx"))
    let made = try laogan.run("report", "pack", "--month", "2024-03", "--output", "2024年3月报表.xlsx")
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.isEmpty)
    let written = laogan.folder.appendingPathComponent("2024年3月报表.xlsx")
    #expect(try Data(contentsOf: written).starts(with: [0x50, 0x4B, 0x03, 0x04]))
  }
}
