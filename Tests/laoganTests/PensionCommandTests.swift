import Foundation
import Testing

/// 离退休费 and the 党费 standards worked out from them (SPEC §16), as a branch's clerk runs them once a year.
@Suite("Pensions and derived dues standards at the command line")
struct PensionCommandTests {
  let laogan: Laogan

  init() throws {
    laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "organizations", try laogan.write("o.csv", "名称,类型,地区\n甲支部,党支部,兴义\n"))
    try laogan.run(
      "import", "cadres",
      try laogan.write(
        "c.csv",
        """
        姓名,身份证号,类别,管理地区,党员,入党日期,所在党组织
        张三,522301194603150011,退休,兴义,是,1970-07-01,甲支部
        李四,522301195011200032,退休,兴义,是,1975-03-01,甲支部

        """))
  }

  @Test("a bad pension file is refused naming the line, the field and the value, and nothing is stored")
  func refused() throws {
    let file = try laogan.write(
      "p.csv", "\u{FEFF}身份证号,起始月份,月离退休费\n522301194603150011,2026-01,5000.00\n522301195011200032,2026-01,五千\n")
    let outcome = try laogan.run("import", "pensions", file)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("line 3, column 月离退休费: 五千"), "\(outcome.stderr)")
    let listed = try laogan.run("pension", "list")
    #expect(listed.status == 0 && !listed.stdout.contains("5000.00"), "\(listed.stdout)")
  }

  @Test("derive: a dry run shows the change and writes nothing; the run writes it; undo takes it back")
  func derive() throws {
    let file = try laogan.write(
      "p.csv", "身份证号,起始月份,月离退休费\n522301194603150011,2026-01,5000.00\n")
    #expect(try laogan.run("import", "pensions", file).status == 0)
    let dry = try laogan.run("dues-standard", "derive", "--month", "2027-01", "--dry-run")
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("试算，未写入") && dry.stdout.contains("改 1 人") && dry.stdout.contains("25.00"))
    // 李四 has no pension: named, not changed.
    #expect(dry.stdout.contains("1 人没有离退休费") && dry.stdout.contains("李四"))
    #expect(!(try laogan.run("dues-standard", "list").stdout.contains("25.00")))
    let run = try laogan.run("dues-standard", "derive", "--month", "2027-01")
    #expect(run.status == 0 && !run.stdout.contains("试算"))
    #expect(try laogan.run("dues-standard", "list").stdout.contains("张三 522301********0011     25.00  2027-01"))
    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(!(try laogan.run("dues-standard", "list").stdout.contains("25.00")))
  }
}
