import Foundation
import LaoganTestSupport
import Synchronization
import Testing

/// The shared database end to end (SPEC §15): the binary against a throwaway PostgreSQL cluster, set against
/// the same data in a SQLite file.
@Suite("laogan on PostgreSQL", .enabled(if: PostgresServer.runs, Comment(rawValue: PostgresServer.skipped)))
struct PostgresCommandTests {
  let laogan: Laogan
  let server: PostgresServer
  /// The test's shared database: its address, and its name for psql.
  let shared: String
  let name: String

  init() throws {
    laogan = try Laogan()
    server = try PostgresServer.started.get()
    (name, shared) = try server.newDatabase()
  }

  /// The repository's sample files, in an order where each names only what is already there.
  static let fixtureKinds = [
    ("organizations", "organizations.csv"), ("cadres", "cadres.csv"), ("associations", "associations.csv"),
    ("venues", "venues.csv"), ("fund", "fund.csv"), ("payments", "payments.csv"), ("activities", "activities.csv"),
    ("treatments", "treatments.csv"), ("contributions", "contributions.csv"), ("honors", "honors.csv"),
    ("health-checks", "health-checks.csv"), ("green-cards", "green-cards.csv"),
  ]

  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// A SQLite file holding every sample file, copied into the shared database once `beforeCopy` has run.
  private func fixturesOnBothEngines(beforeCopy: () throws -> Void = {}) throws {
    try fixturesInFile()
    try beforeCopy()
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    let copied = try laogan.run("copy", laogan.database, shared, withDatabase: false)
    #expect(copied.status == 0, "\(copied.stderr)")
  }

  /// The test's SQLite file holding every sample file, a cadre voided and a permit.
  private func fixturesInFile() throws {
    try laogan.run("init")
    for (kind, file) in Self.fixtureKinds {
      let imported = try laogan.run("import", kind, Self.fixtures.appendingPathComponent(file).path)
      #expect(imported.status == 0, "\(kind): \(imported.stderr)")
    }
    try laogan.run("cadre", "void", "1", "--reason", "重复登记")
    // Valid to 2026-03-02: six months from 2025-08-31 run on to 3 March, so it is among those expiring then.
    let permit = try laogan.run(
      "permit", "add", "身份证号=522302193601133930", "证照类型=护照", "证照号码=E0000001", "有效期至=2026-03-02")
    #expect(permit.status == 0, "\(permit.stderr)")
  }

  /// A command's output on the file and on the shared database: every byte the same, but the time it was made.
  private func expectSame(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let onFile = try laogan.run(arguments)
    let onServer = try laogan.run(arguments + ["--db", shared], withDatabase: false)
    #expect(onFile.status == onServer.status, "\(arguments)", sourceLocation: sourceLocation)
    #expect(onFile.stderr == onServer.stderr, "\(arguments)", sourceLocation: sourceLocation)
    #expect(
      Self.withoutTimes(onFile.stdout) == Self.withoutTimes(onServer.stdout), "\(arguments)",
      sourceLocation: sourceLocation)
    #expect(!onFile.stdout.isEmpty, "\(arguments) printed nothing", sourceLocation: sourceLocation)
  }

  private static func withoutTimes(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"#, with: "TIME", options: .regularExpression)
  }

  @Test("the sample files in a file and copied into PostgreSQL give the same reports, lists, check and audit")
  func sameAnswers() throws {
    try fixturesOnBothEngines()
    for arguments in [
      ["report", "323", "--from", "2023-01-01", "--to", "2023-12-31", "--format", "json"],
      ["report", "323", "2023Q2", "--by-region"], ["report", "323", "2023", "--format", "csv"],
      ["report", "changes", "2023"], ["report", "basic", "2023"], ["report", "orgs", "2023"],
      ["report", "roster", "2023"], ["report", "benefits", "2023"], ["report", "visits", "2023"],
      ["report", "visits-due", "2023"], ["report", "deaths", "2023"], ["report", "birthdays", "2023"],
      ["report", "chongyang", "2023"], ["report", "party-50", "2023"], ["report", "dues", "2023"],
      ["cadre", "list", "--format", "csv"], ["cadre", "list", "--alive-on", "2020-01-01"], ["cadre", "show", "2"],
      ["cadre", "find", "华"], ["check"], ["audit"], ["report", "abroad", "--on", "2025-08-31"],
    ] {
      try expectSame(arguments)
    }
    // The 323 report counts something from each sample file, so a query that found nothing on one engine shows.
    let report = try laogan.run("report", "323", "2023", "--format", "json", "--db", shared, withDatabase: false)
    #expect(report.stdout.contains("\"construction.political.cadres\""))
    let abroad = try laogan.run("report", "abroad", "--on", "2025-08-31", "--db", shared, withDatabase: false)
    #expect(abroad.stdout.contains("E0000001"), "\(abroad.stdout)")
  }

  @Test("a report over counties' files (--merge) reads the files, whatever LAOGAN_DB names")
  func mergeBesideSharedDatabase() throws {
    try fixturesOnBothEngines()
    let arguments = ["report", "323", "2023", "--format", "csv", "--merge", laogan.database]
    let plain = try laogan.run(arguments, withDatabase: false)
    let beside = try laogan.run(arguments, withDatabase: false, environment: ["LAOGAN_DB": shared])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(beside.status == 0, "\(beside.stderr)")
    #expect(Self.withoutTimes(beside.stdout) == Self.withoutTimes(plain.stdout))
  }

  @Test("the workbook of a year's reports is the same file, byte for byte, from either engine")
  func samePack() throws {
    try fixturesOnBothEngines()
    let fromFile = laogan.folder.appendingPathComponent("file.xlsx").path
    let fromServer = laogan.folder.appendingPathComponent("server.xlsx").path
    let common = ["report", "pack", "2023", "--generated-at", "2026-01-01T08:00"]
    #expect(try laogan.run(common + ["--output", fromFile]).status == 0)
    #expect(try laogan.run(common + ["--output", fromServer, "--db", shared], withDatabase: false).status == 0)
    #expect(FileManager.default.contents(atPath: fromFile) == FileManager.default.contents(atPath: fromServer))
  }

  @Test("init makes laogan's schema: days as date, money as bigint, the same migrations, ids never handed out twice")
  func schema() throws {
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    // A second init leaves it as it is.
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    let types = try server.psql(
      name,
      """
      SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
      WHERE (table_name, column_name) IN (('cadre', 'born_on'), ('payment', 'amount_fen'), ('cadre', 'id'))
      ORDER BY 1
      """)
    #expect(types == "cadre.born_on date\ncadre.id bigint\npayment.amount_fen bigint\n")
    #expect(try server.psql(name, "SELECT count(*) FROM grdb_migrations") == "22\n")
    #expect(try server.psql(name, "SELECT count(*) FROM region") == "9\n")
    // PostgreSQL holds the CHECKs itself: a day that is no day, a label off the list; a row that breaks
    // neither goes in.
    #expect(
      try server.psql(
        name,
        "INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code) VALUES ('乙', '男', '1950-02-01', '522301195002010037', '退休', '522301') RETURNING name"
      ) == "乙\n")
    #expect(throws: (any Error).self) {
      try server.psql(
        name,
        "INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code) VALUES ('甲', '男', '1950-02-30', '522301195002300011', '退休', '522301')"
      )
    }
    #expect(throws: (any Error).self) {
      try server.psql(
        name,
        "INSERT INTO cadre (name, sex, born_on, resident_id, category, region_code) VALUES ('甲', '男', '1950-02-01', '522301195002010011', '病休', '522301')"
      )
    }
  }

  @Test("a copy keeps every row and id, and the next id passes every id the file ever gave")
  func copyKeepsIDs() throws {
    // The file's last cadre is added and undone: its id was handed out and must not be handed out again.
    try fixturesOnBothEngines {
      let added = try laogan.run(
        "cadre", "add", "--name", "张三", "--id", "11010519491231002X", "--category", "退休", "--region", "兴义")
      #expect(added.status == 0, "\(added.stderr)")
      #expect(try laogan.run("undo", "--yes").status == 0)
    }
    let lastCadre = try Self.sqlite(laogan.database, "SELECT seq FROM sqlite_sequence WHERE name = 'cadre'")
    #expect(try Self.sqlite(laogan.database, "SELECT max(id) + 1 FROM cadre") == lastCadre)
    #expect(try server.psql(name, "SELECT nextval(pg_get_serial_sequence('cadre', 'id')) - 1") == lastCadre)
    let counts =
      "SELECT (SELECT count(*) FROM cadre) || ' ' || (SELECT count(*) FROM payment) || ' ' || (SELECT count(*) FROM audit_entry)"
    let inFile = try Self.sqlite(laogan.database, counts)
    #expect(try server.psql(name, counts) == inFile)
    #expect(try server.psql(name, "SELECT count(*) FROM cadre WHERE voided_reason = '重复登记'") == "1\n")
    let lastRun = try Self.sqlite(laogan.database, "SELECT seq FROM sqlite_sequence WHERE name = 'command_run'")
    #expect(try server.psql(name, "SELECT nextval(pg_get_serial_sequence('command_run', 'id')) - 1") == lastRun)
    // A second copy into a database that holds records is refused, and changes nothing.
    let again = try laogan.run("copy", laogan.database, shared, withDatabase: false)
    #expect(again.status == 1 && again.stderr.contains("已有相同的记录"), "\(again.stderr)")
    #expect(try server.psql(name, counts) == inFile)
  }

  /// A command run on the file and on the shared database, each named by `LAOGAN_DB` so that the audit log
  /// keeps the same command line: the same exit, the same words (times aside).
  @discardableResult
  private func onBoth(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Laogan.Outcome
  {
    let onFile = try laogan.run(arguments, withDatabase: false, environment: ["LAOGAN_DB": laogan.database])
    let onServer = try laogan.run(arguments, withDatabase: false, environment: ["LAOGAN_DB": shared])
    #expect(onFile.status == onServer.status, "\(arguments): \(onServer.stderr)", sourceLocation: sourceLocation)
    #expect(
      onFile.status == 0 || arguments.contains("5000000.00"), "\(arguments): \(onFile.stderr)",
      sourceLocation: sourceLocation)
    #expect(
      Self.withoutTimes(onFile.stderr) == Self.withoutTimes(onServer.stderr), "\(arguments)",
      sourceLocation: sourceLocation)
    #expect(
      Self.withoutTimes(onFile.stdout) == Self.withoutTimes(onServer.stdout), "\(arguments)",
      sourceLocation: sourceLocation)
    return onServer
  }

  @Test("imports, edits, the monthly run, the fund's refusal and undo write the same on PostgreSQL as on a file")
  func writesOnBothEngines() throws {
    #expect(try laogan.run("init").status == 0)
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    for (kind, file) in Self.fixtureKinds {
      #expect(try onBoth("import", kind, Self.fixtures.appendingPathComponent(file).path).status == 0)
    }
    try onBoth("cadre", "void", "1", "--reason", "重复登记")
    try onBoth("cadre", "edit", "2", "--phone", "13900001111")
    try onBoth("permit", "add", "身份证号=522302193601133930", "证照类型=护照", "证照号码=E0000001", "有效期至=2026-03-02")
    try onBoth(
      "benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100.00", "--from", "2023-05", "--min-age", "80")
    #expect(try onBoth("benefit", "run", "--month", "2023-05").stdout.contains("高龄补贴"))
    // Run again, the month pays no one twice.
    try onBoth("benefit", "run", "--month", "2023-05")
    try onBoth("benefit", "grant", "522302193601133930", "--item", "困难帮扶", "--amount", "500.00", "--on", "2023-06-01")
    // Undo the grant, the month's run, the rule, the permit and the edit: rows inserted go, each logged with
    // its row as it was; the row edited gets its before-image back.
    for _ in 1...5 { try onBoth("undo", "--yes") }
    #expect(try server.psql(name, "SELECT phone FROM cadre WHERE id = 2") == "13931343317\n")
    for arguments in [
      ["audit"], ["report", "323", "2023", "--format", "csv"], ["report", "benefits", "2023"],
      ["benefit", "statement", "--month", "2023-05"], ["cadre", "list", "--format", "csv"], ["cadre", "show", "2"],
      ["permit", "list"], ["check"],
    ] {
      try expectSame(arguments)
    }
    #expect(
      try server.psql(name, "SELECT count(*) FROM payment WHERE item = '困难帮扶' AND paid_on = '2023-06-01'") == "0\n")
    // The fund is never overdrawn. (Last: a refused command uses up its group number on PostgreSQL, whose
    // sequences do not roll back, so the audit logs' numbers part from here.)
    let payments = try server.psql(name, "SELECT count(*) FROM payment")
    let overdrawn = try onBoth(
      "benefit", "grant", "522302193601133930", "--item", "困难帮扶", "--amount", "5000000.00", "--on", "2023-06-01")
    #expect(overdrawn.status == 1 && overdrawn.stderr.contains("不足以支付"), "\(overdrawn.stderr)")
    #expect(try server.psql(name, "SELECT count(*) FROM payment") == payments)
  }

  /// A payments file of a row for each cadre, item and month, in that order of nesting: the cadres by
  /// 身份证号, the months from January of `from` for `months` months.
  private func paymentsFile(_ name: String, cadres: [String], items: [String], from year: Int, months: Int) throws
    -> String
  {
    var text = "身份证号,项目,所属月份,金额\n"
    for (index, cadre) in cadres.enumerated() {
      for item in items {
        for month in 0..<months {
          text += "\(cadre),\(item),\(year + month / 12)-\(String(format: "%02d", month % 12 + 1)),\(100 + index).50\n"
        }
      }
    }
    return try laogan.write(name, text)
  }

  @Test(
    "a long file goes to the server in batches: the same rows, ids, notes and log as on a file; a county's held to its region"
  )
  func longFilesInBatches() throws {
    #expect(try laogan.run("init").status == 0)
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    for (kind, file) in Self.fixtureKinds.prefix(2) {
      try onBoth("import", kind, Self.fixtures.appendingPathComponent(file).path)
    }
    // 40 cadres, two items, 24 months: 1,920 rows, past the first 256 that go one by one.
    let everyone = try Self.sqlite(laogan.database, "SELECT resident_id FROM cadre ORDER BY id").split(separator: "\n")
    let long = try paymentsFile(
      "long.csv", cadres: everyone.map(String.init), items: ["特需费", "生活费"], from: 2024, months: 24)
    #expect(try onBoth("import", "payments", long).stdout.contains("新增 1920"))
    for arguments in [["audit"], ["report", "benefits", "2024"], ["report", "benefits", "2025"], ["check"]] {
      try expectSame(arguments)
    }
    #expect(try server.psql(name, "SELECT count(*), min(id), max(id) FROM payment") == "1920|1|1920\n")
    // A county's clerk, whose rows row-level security checks: 兴义's cadres' payments for three years.
    let role = "county_\(name.suffix(8))"
    try server.psql(name, "CREATE ROLE \(role) LOGIN")
    #expect(try laogan.run("access", "grant", role, "--region", "兴义", "--db", shared, withDatabase: false).status == 0)
    let county = shared.replacingOccurrences(of: "postgresql://\(PostgresServer.user)@", with: "postgresql://\(role)@")
    let own = try Self.sqlite(laogan.database, "SELECT resident_id FROM cadre WHERE region_code = '522301'")
      .split(separator: "\n").map(String.init)
    let countyFile = try paymentsFile("county.csv", cadres: own, items: ["特需费", "生活费"], from: 2021, months: 36)
    let imported = try laogan.run("import", "payments", countyFile, "--db", county, withDatabase: false)
    #expect(imported.status == 0 && imported.stdout.contains("新增 \(own.count * 72)"), "\(imported.stderr)")
    #expect(own.count * 72 > 256)
    #expect(
      try server.psql(name, "SELECT count(*) FROM payment WHERE month < '2024-01'", as: role) == "\(own.count * 72)\n")
  }

  /// `arguments` run by several clerks at once on the shared database, each outcome in the order started.
  private func atOnce(_ clerks: Int, _ arguments: [String]) -> [Laogan.Outcome?] {
    let outcomes = Mutex<[Laogan.Outcome?]>(Array(repeating: nil, count: clerks))
    let (laogan, shared) = (laogan, shared)
    DispatchQueue.concurrentPerform(iterations: clerks) { clerk in
      let outcome = try? laogan.run(arguments + ["--db", shared, "--operator", "clerk\(clerk)"], withDatabase: false)
      outcomes.withLock { $0[clerk] = outcome }
    }
    return outcomes.withLock { $0 }
  }

  @Test("clerks writing at once: each month paid once, the fund never overdrawn, every command through")
  func clerksAtOnce() throws {
    try fixturesOnBothEngines()
    let rule = try laogan.run(
      "benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100.00", "--from", "2023-05", "--min-age", "80",
      "--db", shared, withDatabase: false)
    #expect(rule.status == 0, "\(rule.stderr)")
    // Four clerks run the same month: one pays, the others find it paid — after a retry when they collided.
    let runs = atOnce(4, ["benefit", "run", "--month", "2023-09"])
    #expect(runs.allSatisfy { $0?.status == 0 }, "\(runs.map { $0?.stderr ?? "" })")
    #expect(
      try server.psql(
        name, "SELECT count(*) = count(DISTINCT cadre_id) AND count(*) > 0 FROM payment WHERE month = '2023-09'")
        == "t\n")
    // Three grants of 50,000.00 against a fund of 106,500.00: two are paid, the third refused.
    let balance = try server.psql(
      name,
      "SELECT (SELECT sum(CASE kind WHEN '拨入' THEN amount_fen ELSE -amount_fen END) FROM fund_entry) - (SELECT sum(amount_fen) FROM payment WHERE item = '困难帮扶')"
    )
    #expect(balance == "10650000\n")
    let grants = atOnce(
      3, ["benefit", "grant", "522302193601133930", "--item", "困难帮扶", "--amount", "50000.00", "--on", "2023-10-01"])
    #expect(grants.filter { $0?.status == 0 }.count == 2, "\(grants.map { $0?.stderr ?? "" })")
    #expect(grants.filter { $0?.stderr.contains("不足以支付") == true }.count == 1)
    #expect(
      try server.psql(name, "SELECT count(*) FROM payment WHERE item = '困难帮扶' AND paid_on = '2023-10-01'") == "2\n")
  }

  /// The sample file split into the nine regions' own files, as the counties would keep them.
  private func countyFiles() throws -> [String] {
    try fixturesInFile()
    let script = Self.fixtures.appendingPathComponent("keep-one-region.sql").path
    return try ["522300", "522301", "522302", "522323", "522324", "522325", "522326", "522327", "522328"].map { code in
      let file = laogan.folder.appendingPathComponent("\(code).db").path
      try PostgresServer.shell("sqlite3", laogan.database, ".backup \(file)")
      try PostgresServer.shell(
        "sqlite3", file,
        """
        CREATE TEMP TABLE keep_region (code TEXT); INSERT INTO keep_region VALUES ('\(code)');
        CREATE TEMP TABLE keep_part (parts INTEGER, bucket INTEGER); INSERT INTO keep_part VALUES (1, 0);
        """, ".read \(script)")
      return file
    }
  }

  /// A report as `arguments` print it, without the line a merged report names its files in.
  private func report(_ arguments: [String]) throws -> String {
    let outcome = try laogan.run(arguments, withDatabase: false)
    #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
    return Self.withoutTimes(outcome.stdout).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("合并 ") }.joined(separator: "\n")
  }

  @Test("nine counties' files copied into one shared database report by region as the nine files merged")
  func countiesCopiedIn() throws {
    let files = try countyFiles()
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    for file in files {
      let copied = try laogan.run("copy", file, shared, withDatabase: false)
      #expect(copied.status == 0, "\(file): \(copied.stderr)")
    }
    for arguments in [
      ["report", "323", "2023", "--by-region", "--format", "csv"], ["report", "basic", "2023", "--by-region"],
      ["report", "roster", "2023", "--by-region"],
      ["report", "changes", "2023", "--by-region"],
    ] {
      #expect(try report(arguments + ["--db", shared]) == report(arguments + ["--merge"] + files), "\(arguments)")
    }
    // Each county's rows came in under new ids, their references with them: every participant list names an
    // event there, and as many as the files hold.
    #expect(
      try server.psql(
        name,
        "SELECT count(*) FROM participant p WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.id = p.event_id) AND p.event_table = 'activity'"
      ) == "0\n")
    let listed = try files.map {
      Int(try Self.sqlite($0, "SELECT count(*) FROM participant").trimmingCharacters(in: .newlines)) ?? -1
    }.reduce(0, +)
    #expect(try server.psql(name, "SELECT count(*) FROM participant") == "\(listed)\n")
    let cadres = try files.map {
      Int(try Self.sqlite($0, "SELECT count(*) FROM cadre").trimmingCharacters(in: .newlines)) ?? -1
    }.reduce(0, +)
    #expect(try server.psql(name, "SELECT count(*) FROM cadre") == "\(cadres)\n")
    // The last copy is one command in the log, and undo takes it back whole.
    let audit = try laogan.run("audit", "--db", shared, withDatabase: false)
    #expect(audit.stdout.contains("copy \(files[8])"), "\(audit.stdout)")
    #expect(try laogan.run("undo", "--yes", "--db", shared, withDatabase: false).status == 0)
    let arguments = ["report", "323", "2023", "--by-region", "--format", "csv"]
    #expect(try report(arguments + ["--db", shared]) == report(arguments + ["--merge"] + files.dropLast()))
    // A county's file whose cadres are there already is refused, naming the number masked, and changes nothing.
    let before = try server.psql(name, "SELECT count(*) FROM cadre")
    let again = try laogan.run("copy", files[1], shared, withDatabase: false)
    #expect(again.status == 1 && again.stderr.contains("已有相同的记录"), "\(again.stderr)")
    #expect(try server.psql(name, "SELECT count(*) FROM cadre") == before)
  }

  @Test("a role granted 兴义 reads and writes 兴义's records only, through laogan and through psql")
  func accessByRegion() throws {
    try fixturesOnBothEngines()
    // Roles belong to the whole cluster: each test's own.
    let role = "county_\(name.suffix(8))"
    try server.psql(name, "CREATE ROLE \(role) LOGIN")
    let granted = try laogan.run("access", "grant", role, "--region", "兴义", "--db", shared, withDatabase: false)
    #expect(granted.status == 0, "\(granted.stderr)")
    let listed = try laogan.run("access", "list", "--db", shared, withDatabase: false)
    #expect(listed.stdout.contains("\(role)  兴义市  否"), "\(listed.stdout)")
    let county = shared.replacingOccurrences(of: "postgresql://\(PostgresServer.user)@", with: "postgresql://\(role)@")
    func asCounty(_ arguments: String...) throws -> Laogan.Outcome {
      try laogan.run(arguments + ["--db", county], withDatabase: false)
    }
    // Through laogan: the county's list is the file's list of 兴义, byte for byte.
    let list = try asCounty("cadre", "list", "--format", "csv")
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout == (try laogan.run("cadre", "list", "--region", "兴义", "--format", "csv").stdout))
    // A county clerk's report is their region's without asking: the file's report of 兴义.
    let report = try asCounty("report", "323", "2023", "--format", "json")
    let fileReport = try laogan.run("report", "323", "2023", "--region", "兴义", "--format", "json")
    #expect(report.status == 0 && Self.withoutTimes(report.stdout) == Self.withoutTimes(fileReport.stdout))
    #expect(report.stdout.contains("兴义"), "\(report.stdout.prefix(300))")
    // Through psql as the role: the same cadres, and only their payments — but every grant from the fund,
    // whose balance every county must see whole.
    #expect(try server.psql(name, "SELECT DISTINCT region_code FROM cadre", as: role) == "522301\n")
    let payments = try Self.sqlite(
      laogan.database,
      "SELECT count(*) FROM payment WHERE cadre_id IN (SELECT id FROM cadre WHERE region_code = '522301') OR item = '困难帮扶'"
    )
    #expect(try server.psql(name, "SELECT count(*) FROM payment", as: role) == payments)
    // Writing: in 兴义 yes, in 普安 no, and nothing written for the refusal.
    let outside = try asCounty(
      "cadre", "add", "--name", "张三", "--id", "11010519491231002X", "--category", "退休", "--region", "普安")
    #expect(outside.status == 1 && outside.stderr.contains("无权读写"), "\(outside.stderr)")
    let inside = try asCounty(
      "cadre", "add", "--name", "张三", "--id", "11010519491231002X", "--category", "退休", "--region", "兴义")
    #expect(inside.status == 0, "\(inside.stderr)")
    // Personal information whole only with --reveal in the grant; another office's command not undone.
    let revealed = try asCounty("cadre", "list", "--reveal")
    #expect(revealed.status == 1 && revealed.stderr.contains("没有查看完整身份证号"), "\(revealed.stderr)")
    // A file holds the numbers whole: no backup of the county's records without --reveal either.
    let file = laogan.folder.appendingPathComponent("county.db").path
    let backup = try asCounty("backup", file)
    #expect(backup.status == 1 && backup.stderr.contains("没有查看完整身份证号"), "\(backup.stderr)")
    #expect(!FileManager.default.fileExists(atPath: file))
    // The owner's command in 普安 is out of the county's sight: its undo passes over it to its own last.
    let elsewhere = try laogan.run(
      "cadre", "add", "--name", "李四", "--id", "522324195001010037", "--category", "退休", "--region", "普安", "--db",
      shared, withDatabase: false)
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    let own = try asCounty("undo", "--yes")
    #expect(own.status == 0 && own.stderr.contains("张三"), "\(own.stderr)")
    // A command it sees only in part — the owner's import of a cadre in 兴义 and one in 普安 — is not its to undo.
    let both = try laogan.write(
      "both.csv", "姓名,身份证号,类别,管理地区\n王五,522301194802020017,退休,兴义\n赵六,522323194803030020,退休,普安\n")
    #expect(try laogan.run("import", "cadres", both, "--db", shared, withDatabase: false).status == 0)
    let undo = try asCounty("undo", "--yes")
    #expect(undo.status == 1 && undo.stderr.contains("其他单位的命令"), "\(undo.stderr)")
    // The audit log as the role reads it: nothing about another region's cadres, whose images hold their
    // numbers whole; the prefecture's rules, the regions and the log itself are not the county's to change.
    let others = try server.psql(
      name, "SELECT string_agg(CAST(id AS text), ',') FROM cadre WHERE region_code <> '522301'"
    )
    .trimmingCharacters(in: .newlines)
    let aboutOthers = "SELECT count(*) > 0 FROM audit_entry WHERE table_name = 'cadre' AND record_id IN (\(others))"
    #expect(try server.psql(name, aboutOthers) == "t\n")
    #expect(try server.psql(name, aboutOthers, as: role) == "f\n")
    let rule = try asCounty("benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100.00", "--from", "2030-01")
    #expect(rule.status == 1 && rule.stderr.contains("无权读写"), "\(rule.stderr)")
    #expect(throws: (any Error).self) { try server.psql(name, "DELETE FROM grdb_migrations", as: role) }
    #expect(throws: (any Error).self) { try server.psql(name, "DELETE FROM audit_entry", as: role) }
    // The owner's undo passes over the grant, to the last command that changed records.
    let ownerUndo = try laogan.run("undo", "--yes", "--db", shared, withDatabase: false)
    #expect(ownerUndo.status == 0 && ownerUndo.stderr.contains("import cadres"), "\(ownerUndo.stderr)")
    // Granted --reveal, the county backs up its own records: 兴义's, none of the other counties' grants from
    // the fund it reads, and no key the file cannot hold.
    #expect(
      try laogan.run("access", "grant", role, "--region", "兴义", "--reveal", "--db", shared, withDatabase: false).status
        == 0)
    let ownBackup = try asCounty("backup", file)
    #expect(ownBackup.status == 0, "\(ownBackup.stderr)")
    #expect(try Self.sqlite(file, "SELECT DISTINCT region_code FROM cadre") == "522301\n")
    #expect(try Self.sqlite(file, "SELECT count(*) FROM fund_entry") == "0\n")
    // Revoked, the role sees nothing; access is a shared database's, not a file's.
    #expect(try laogan.run("access", "revoke", role, "--db", shared, withDatabase: false).status == 0)
    #expect(throws: (any Error).self) { try server.psql(name, "SELECT count(*) FROM cadre", as: role) }
    let onFile = try laogan.run("access", "list")
    #expect(onFile.status == 1 && onFile.stderr.contains("只用于共享数据库"), "\(onFile.stderr)")
  }

  @Test("backup of a shared database is a laogan file with every row and id; restore brings it back whole")
  func backupAndRestore() throws {
    try fixturesOnBothEngines()
    let backup = laogan.folder.appendingPathComponent("backup.db").path
    let done = try laogan.run("backup", backup, "--db", shared, withDatabase: false)
    #expect(done.status == 0, "\(done.stderr)")
    // The file copied in and copied out again: every table's rows, ids and next ids, byte for byte.
    #expect(try Self.dump(backup) == Self.dump(laogan.database))
    let again = try laogan.run("backup", backup, "--db", shared, withDatabase: false)
    #expect(again.status == 1 && again.stderr.contains("已存在"), "\(again.stderr)")
    // Changed since, the database is restored only with a yes, and what it held is kept beside the backup.
    let added = try laogan.run(
      "cadre", "add", "--name", "张三", "--id", "11010519491231002X", "--category", "退休", "--region", "普安", "--db",
      shared, withDatabase: false)
    #expect(added.status == 0, "\(added.stderr)")
    let zhang = try server.psql(name, "SELECT id FROM cadre WHERE name = '张三'")
    let unasked = try laogan.run("restore", backup, "--db", shared, withDatabase: false)
    #expect(unasked.status == 1 && unasked.stderr.contains("--yes"), "\(unasked.stderr)")
    let restored = try laogan.run("restore", backup, "--yes", "--db", shared, withDatabase: false)
    #expect(restored.status == 0, "\(restored.stderr)")
    let aside = try #require(
      try FileManager.default.contentsOfDirectory(atPath: laogan.folder.path).first {
        $0.hasPrefix("\(name).before-restore-")
      })
    #expect(
      try Self.sqlite(laogan.folder.appendingPathComponent(aside).path, "SELECT name FROM cadre WHERE name = '张三'")
        == "张三\n")
    #expect(try server.psql(name, "SELECT count(*) FROM cadre WHERE name = '张三'") == "0\n")
    try expectSame(["report", "323", "2023", "--by-region", "--format", "csv"])
    try expectSame(["audit"])
    // The backup's ids, but 张三's, given before the restore, is not given again: the next cadre's is past it.
    let next = try laogan.run(
      "cadre", "add", "--name", "李四", "--id", "522324195001010037", "--category", "退休", "--region", "普安", "--db",
      shared, withDatabase: false)
    #expect(next.status == 0, "\(next.stderr)")
    let past = (Int(zhang.trimmingCharacters(in: .newlines)) ?? 0) + 1
    #expect(try server.psql(name, "SELECT id FROM cadre WHERE name = '李四'") == "\(past)\n")
  }

  @Test(
    "copy out --region keeps a region's activity without the organizer elsewhere, and leaves out what names another's cadre"
  )
  func regionCopiedOutAcrossRegions() throws {
    var cadres: (own: String, other: String) = ("", "")
    try fixturesOnBothEngines {
      let id = { (sql: String) in try Self.sqlite(laogan.database, sql).trimmingCharacters(in: .newlines) }
      cadres = (
        try id("SELECT resident_id FROM cadre WHERE region_code = '522301' AND voided_reason IS NULL LIMIT 1"),
        try id("SELECT resident_id FROM cadre WHERE region_code = '522302' AND voided_reason IS NULL LIMIT 1")
      )
      // Held in 兴义, organized by 兴仁's branch, a cadre of each county there; one in 兴仁 that 兴义's cadre went
      // to; an honor in 兴义 to 兴仁's cadre.
      let activity = try laogan.write(
        "across.csv",
        """
        日期,类型,标题,地区,场所,组织党组织,参与干部
        2023-05-01,调研,跨地区调研,兴义,社区,兴仁市离退休干部党总支,"\(cadres.own);\(cadres.other)"
        2023-05-03,调研,兴仁调研,兴仁,社区,,\(cadres.own)

        """)
      let honor = try laogan.write("honor.csv", "日期,称号,级别,地区,身份证号,集体名称\n2023-05-02,最美五老,省级,兴义,\(cadres.other),\n")
      #expect(try laogan.run("import", "activities", activity).status == 0)
      #expect(try laogan.run("import", "honors", honor).status == 0)
    }
    let county = laogan.folder.appendingPathComponent("兴义.db").path
    let copied = try laogan.run("copy", shared, county, "--region", "兴义", withDatabase: false)
    #expect(copied.status == 0, "\(copied.stderr)")
    #expect(try Self.sqlite(county, "SELECT organization_id IS NULL FROM activity WHERE title = '跨地区调研'") == "1\n")
    #expect(
      try Self.sqlite(
        county,
        "SELECT group_concat(c.resident_id) FROM participant p JOIN cadre c ON c.id = p.cadre_id JOIN activity a ON a.id = p.event_id AND p.event_table = 'activity' WHERE a.title = '跨地区调研'"
      ) == "\(cadres.own)\n")
    #expect(
      try Self.sqlite(
        county,
        "SELECT count(*) FROM participant WHERE event_table = 'activity' AND event_id NOT IN (SELECT id FROM activity)")
        == "0\n")
    #expect(try Self.sqlite(county, "SELECT count(*) FROM honor WHERE awarded_on = '2023-05-02'") == "0\n")
    #expect(try Self.sqlite(county, "SELECT count(*) FROM cadre WHERE region_code <> '522301'") == "0\n")
    #expect(try Self.sqlite(county, "PRAGMA foreign_key_check") == "")
  }

  @Test("init upgrades an older laogan's shared database: every row kept, a file of them as they were, grants kept")
  func upgradeOlderSchema() throws {
    try fixturesOnBothEngines()
    let role = "county_\(name.suffix(8))"
    try server.psql(name, "CREATE ROLE \(role) LOGIN")
    #expect(try laogan.run("access", "grant", role, "--region", "兴义", "--db", shared, withDatabase: false).status == 0)
    let before = laogan.folder.appendingPathComponent("before.db").path
    #expect(try laogan.run("backup", before, "--db", shared, withDatabase: false).status == 0)
    // The database as the laogan before the senior university made it.
    try server.psql(
      name, "DROP TABLE enrolment, course, term; DELETE FROM grdb_migrations WHERE identifier = 'v22-senior-university'"
    )
    let refused = try laogan.run("cadre", "list", "--db", shared, withDatabase: false)
    #expect(refused.status == 1 && refused.stderr.contains("laogan init --db"), "\(refused.stderr)")
    let upgraded = try laogan.run("init", "--db", shared, withDatabase: false)
    #expect(upgraded.status == 0 && upgraded.stderr.contains("升级前的数据另存为"), "\(upgraded.stderr)")
    let kept = laogan.folder.appendingPathComponent("\(name).before-upgrade-v21-permits-and-trips").path
    #expect(try Self.sqlite(kept, "SELECT count(*) FROM grdb_migrations WHERE identifier LIKE 'v22%'") == "0\n")
    #expect(
      try Self.sqlite(kept, "SELECT count(*) FROM cadre") == Self.sqlite(laogan.database, "SELECT count(*) FROM cadre"))
    #expect(try server.psql(name, "SELECT count(*) FROM term") == "0\n")
    // Every row and id as the file holds them, and the county still held to 兴义.
    let backup = laogan.folder.appendingPathComponent("after.db").path
    #expect(try laogan.run("backup", backup, "--db", shared, withDatabase: false).status == 0)
    #expect(try Self.dump(backup) == Self.dump(before))
    #expect(try server.psql(name, "SELECT DISTINCT region_code FROM cadre", as: role) == "522301\n")
    let listed = try laogan.run("access", "list", "--db", shared, withDatabase: false)
    #expect(listed.stdout.contains("\(role)  兴义市  否"), "\(listed.stdout)")
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).stderr.contains("升级") == false)
  }

  @Test("copy out --region 兴义 is 兴义's records with the bureau's rules, and the log of them, and no dangling key")
  func regionCopiedOut() throws {
    try fixturesOnBothEngines()
    let county = laogan.folder.appendingPathComponent("兴义.db").path
    let copied = try laogan.run("copy", shared, county, "--region", "兴义", withDatabase: false)
    #expect(copied.status == 0, "\(copied.stderr)")
    let list = try laogan.run("cadre", "list", "--format", "csv", "--db", county, withDatabase: false)
    let fileList = try laogan.run("cadre", "list", "--region", "兴义", "--format", "csv")
    #expect(list.status == 0 && list.stdout == fileList.stdout, "\(list.stderr)")
    // Every figure the same but the hardship fund's balance: its entries are 州直's, in a county's file as in
    // those the counties keep, so the file's balance is the county's own grants from it.
    let withoutFund = { (report: String) in
      Self.withoutTimes(report).split(separator: "\n").filter { !$0.contains("帮扶基金余额") }
    }
    for arguments in [
      ["report", "323", "2023", "--region", "兴义", "--format", "csv"], ["report", "benefits", "2023", "--region", "兴义"],
      ["report", "roster", "2023", "--region", "兴义"],
    ] {
      let inFile = try laogan.run(arguments + ["--db", county], withDatabase: false)
      #expect(inFile.status == 0, "\(arguments): \(inFile.stderr)")
      let whole = try laogan.run(arguments)
      #expect(withoutFund(inFile.stdout) == withoutFund(whole.stdout), "\(arguments)")
    }
    #expect(try Self.sqlite(county, "SELECT count(*) FROM fund_entry") == "0\n")
    #expect(try Self.sqlite(county, "SELECT DISTINCT region_code FROM cadre") == "522301\n")
    #expect(try Self.sqlite(county, "PRAGMA foreign_key_check") == "")
    #expect(
      try Self.sqlite(county, "SELECT count(*) FROM benefit_rule")
        == Self.sqlite(laogan.database, "SELECT count(*) FROM benefit_rule"))
    // The log holds the entries about its cadres, and none about another county's.
    let entries = "SELECT count(*) FROM audit_entry WHERE table_name = 'cadre'"
    #expect(try Self.sqlite(county, entries) != "0\n")
    #expect(try Self.sqlite(county, entries + " AND record_id NOT IN (SELECT id FROM cadre)") == "0\n")
    #expect(
      try Self.sqlite(county, "SELECT count(*) FROM audit_entry WHERE run_id NOT IN (SELECT id FROM command_run)")
        == "0\n")
  }

  @Test("an address laogan cannot use, a server it cannot reach, a database without laogan's tables: each says which")
  func badAddresses() throws {
    let noName = try laogan.run("cadre", "list", "--db", "postgresql://clerk:secret@localhost", withDatabase: false)
    #expect(noName.status == 1 && noName.stderr.contains("没有数据库名"))
    #expect(!noName.stderr.contains("secret"))
    let nobody = try laogan.run(
      "cadre", "list", "--db", "postgresql://clerk@/laogan?host=/nonexistent", withDatabase: false)
    #expect(nobody.status == 1 && nobody.stderr.contains("无法连接共享数据库"))
    let empty = try laogan.run("report", "323", "2023", "--db", shared, withDatabase: false)
    #expect(empty.status == 1 && empty.stderr.contains("laogan init --db"))
    // LAOGAN_DB names a shared database as --db does.
    #expect(try laogan.run("init", "--db", shared, withDatabase: false).status == 0)
    let listed = try laogan.run("cadre", "list", withDatabase: false, environment: ["LAOGAN_DB": shared])
    #expect(listed.status == 0, "\(listed.stderr)")
  }

  /// A file's rows, ids and next ids, as `.dump` prints them, in order: not the search index's pages, which its
  /// triggers build row by row, nor a next id of 0 (none handed out).
  private static func dump(_ file: String) throws -> [Substring] {
    try sqlite(file, ".dump").split(separator: "\n").filter {
      !$0.contains("cadre_search_") && !($0.hasPrefix("INSERT INTO sqlite_sequence") && $0.hasSuffix(",0);"))
    }.sorted()
  }

  private static func sqlite(_ path: String, _ sql: String) throws -> String {
    try PostgresServer.shell("sqlite3", path, sql)
  }
}
