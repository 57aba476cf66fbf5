import Foundation
import Testing

/// `--merge`, `--by-source`, `--by-region` and `check --merge` as a prefecture's clerk runs them over the files
/// two counties sent up (SPEC §13).
@Suite("laogan report --merge")
struct RollUpCommandTests {
  let laogan: Laogan
  let xingyi: String
  let puan: String

  /// 兴义 registers 甲 and 乙; 普安 registers 丙, and 甲 again (moved there, never voided in 兴义).
  init() throws {
    laogan = try Laogan()
    xingyi = laogan.folder.appendingPathComponent("兴义.db").path
    puan = laogan.folder.appendingPathComponent("普安.db").path
    let people = [
      (xingyi, "甲", "11010519491231002X", "兴义"), (xingyi, "乙", "522301194603150011", "兴义"),
      (puan, "丙", "522323193001010023", "普安"), (puan, "甲", "11010519491231002X", "普安"),
    ]
    for (file, name, id, region) in people {
      if !FileManager.default.fileExists(atPath: file) {
        try #require(try laogan.run("init", "--db", file, withDatabase: false).status == 0)
      }
      let added = try laogan.run(
        "cadre", "add", "--name", name, "--id", id, "--category", "退休", "--region", region, "--db", file,
        withDatabase: false)
      try #require(added.status == 0, "\(added.stderr)")
    }
  }

  /// Every file in the folder with its bytes: what must not change.
  private func folderContents() throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: laogan.folder.path) {
      contents[name] = try Data(contentsOf: laogan.folder.appendingPathComponent(name))
    }
    return contents
  }

  @Test("a column per file and the total; the person in both files counted in each, and said so on stderr")
  func bySource() throws {
    let before = try folderContents()
    let outcome = try laogan.run(
      "report", "323", "--year", "2026", "--merge", xingyi, puan, "--by-source", "--format", "csv",
      withDatabase: false)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\r\n")
    #expect(lines.first?.hasSuffix(",value,兴义市,普安县") == true)
    #expect(lines.contains { $0.contains(",construction.political.cadres,离退休干部总数,人,4,2,2") })
    #expect(outcome.stderr.contains("1 个身份证号在多个文件中都有登记"))
    #expect(try folderContents() == before)
  }

  @Test("--by-region: 州直 and each county as columns, in the text and under by_region in JSON")
  func byRegion() throws {
    let text = try laogan.run(
      "report", "323", "--year", "2026", "--merge", xingyi, puan, "--by-region", withDatabase: false)
    #expect(text.status == 0)
    #expect(text.stdout.contains("合并 2 个文件：兴义市、普安县"))
    let header = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("指标") })
    #expect(header.contains("州直") && header.contains("兴义市") && header.contains("安龙县") && header.contains("合计"))
    let json = try laogan.run(
      "report", "323", "--year", "2026", "--merge", xingyi, puan, "--by-region", "--format", "json",
      withDatabase: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let cadres = (object["indicators"] as? [String: [String: Any]])?["construction.political.cadres"]
    #expect(cadres?["value"] as? Int == 4)
    #expect((cadres?["by_region"] as? [String: Int])?["522301"] == 2)
    #expect((object["by_region"] as? [String: String])?["522323"] == "普安县")
    #expect(object["format_version"] as? Int == 1)
  }

  @Test("the yearly tables merge too, a group of rows per file under --by-source")
  func yearlyTables() throws {
    let outcome = try laogan.run(
      "report", "changes", "--year", "2026", "--merge", xingyi, puan, "--by-source", "--format", "md",
      withDatabase: false)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("| 来源 | 类别 |"))
    #expect(outcome.stdout.contains("| 兴义市 | 退休 |") && outcome.stdout.contains("| 合计 | 退休 |"))
  }

  @Test("check --merge lists duplicate_across_files naming both files, masked")
  func checkMerge() throws {
    let outcome = try laogan.run("check", "--merge", xingyi, puan, withDatabase: false)
    #expect(outcome.status == 2)
    let line = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("duplicate_across_files") })
    #expect(line.contains(xingyi) && line.contains(puan))
    #expect(!line.contains("11010519491231002X"))
  }

  @Test("a missing file, --db beside --merge, --reveal, a report already by region: clear refusals")
  func refusals() throws {
    let missing = try laogan.run("report", "323", "--merge", xingyi, "缺.db", withDatabase: false)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("laogan: 合并的文件 缺.db：文件不存在或不可读"))
    #expect(missing.stdout.isEmpty)
    let both = try laogan.run("report", "323", "--merge", xingyi, "--db", puan, withDatabase: false)
    #expect(both.status == 64 && both.stderr.contains("--merge 与 --db 不能同用"))
    let reveal = try laogan.run("report", "visits-due", "--merge", xingyi, "--reveal", withDatabase: false)
    #expect(reveal.status == 64 && reveal.stderr.contains("--reveal 不能与 --merge 同用"))
    let orgs = try laogan.run("report", "orgs", "--by-region", "--db", xingyi, withDatabase: false)
    #expect(orgs.status == 64 && orgs.stderr.contains("不再按地区分列"))
    let sourceAlone = try laogan.run("report", "323", "--by-source", "--db", xingyi, withDatabase: false)
    #expect(sourceAlone.status == 64 && sourceAlone.stderr.contains("--by-source 须与 --merge 同用"))
  }
}
