import Foundation
import Testing

@Suite("laogan demo")
struct DemoTests {
  @Test("builds the demo prefecture and prints the 323 report with the published figures of 2023-06-12")
  func publishedFigures() throws {
    let laogan = try Laogan()
    let database = laogan.folder.appendingPathComponent("demo.db").path
    let outcome = try laogan.run("demo", "--db", database, "--format", "json", withDatabase: false)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect((object["period"] as? [String: String]) == ["from": "2022-01-01", "to": "2023-06-12"])
    let indicators = try #require(object["indicators"] as? [String: [String: Any]])
    func value(_ key: String) -> Int { indicators[key]?["value"] as? Int ?? -1 }
    // 2.5万余 retired cadres, 1.28万余 Party members, 300余 home deliveries, 330余 lectures (SPEC §1).
    #expect((25_000..<26_000).contains(value("construction.political.cadres")))
    #expect((12_800..<12_900).contains(value("construction.organizational.party_members")))
    #expect(value("construction.organizational.party_organizations") == 206)
    #expect(value("construction.organizational.remote_branches") == 24)
    #expect(value("construction.organizational.model_branches_prefecture") == 11)
    #expect(value("construction.organizational.model_branches_county") == 20)
    #expect(value("construction.organizational.associations") == 13)
    #expect(value("construction.ideological.training_classes") == 14)
    #expect(value("construction.ideological.surveys") == 44)
    #expect((300..<330).contains(value("construction.ideological.home_deliveries")))
    #expect((330..<340).contains(value("construction.ideological.lectures")))
    #expect(value("treatment.living.longevity_subsidy.amount_fen") > 0)
    #expect(value("treatment.living.hardship_fund_balance_fen") >= 0)

    // Running it again rebuilds the demo; a database that is not a demo is never overwritten.
    #expect(try laogan.run("demo", "--db", database, "--format", "md", withDatabase: false).status == 0)
    try laogan.run("init")
    try laogan.run("cadre", "add", "--name", "张三", "--id", "11010519491231002X", "--category", "退休", "--region", "兴义")
    let refused = try laogan.run("demo", "--db", laogan.database, withDatabase: false)
    #expect(refused.status == 1 && refused.stderr.contains("不是演示数据库"))
  }
}
