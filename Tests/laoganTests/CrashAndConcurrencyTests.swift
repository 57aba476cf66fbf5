import Foundation
import Testing

@Suite("Crash and concurrency safety, with real processes")
struct CrashAndConcurrencyTests {
  static let roster = "姓名,身份证号,类别,管理地区\n张三,522301194603150011,退休,兴义\n李四,11010519491231002X,退休,普安\n"

  /// A payments file of `rows` rows for the two cadres of `roster`.
  static func payments(_ rows: Int, month: String = "2023") -> String {
    var text = "身份证号,项目,所属月份,金额\n"
    text.reserveCapacity(rows * 50)
    for index in 0..<rows {
      let id = index % 2 == 0 ? "522301194603150011" : "11010519491231002X"
      let monthNumber = index % 12 + 1
      text += "\(id),医疗补助费,\(month)-\(monthNumber < 10 ? "0" : "")\(monthNumber),\(index % 900 + 1).50\n"
    }
    return text
  }

  @Test("SIGKILL in the middle of a large import leaves the database exactly as before")
  func killedImport() throws {
    let laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", Self.roster))
    let before = try laogan.run("audit", "--format", "json").stdout
    let file = try laogan.write("payments.csv", Self.payments(400_000))

    let process = Process()
    process.executableURL = Laogan.binary
    process.arguments = ["import", "payments", file, "--db", laogan.database]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Killed once the import has demonstrably written: its -wal file holds more than a megabyte of pages.
    let wal = laogan.database + "-wal"
    let deadline = Date().addingTimeInterval(120)
    func walSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 }
    while process.isRunning, walSize() < 1 << 20, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    let written = walSize()
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(written >= 1 << 20, "the import had written \(written) bytes to the WAL when it was killed")
    #expect(wasRunning, "the import finished before it could be killed; make the file larger")
    #expect(process.terminationReason == .uncaughtSignal)

    #expect(try laogan.run("audit", "--format", "json").stdout == before)
    let listed = try laogan.run("benefit", "list", "--format", "json")
    #expect(listed.status == 0 && listed.stdout == "[\n\n]\n")
    #expect(try laogan.run("check", "--full").status == 0)
  }

  @Test("two clerks at once: imports and reports from two processes both succeed")
  func twoClerks() throws {
    let laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", Self.roster))
    let first = try laogan.write("a.csv", Self.payments(20_000, month: "2022"))
    let second = try laogan.write("b.csv", Self.payments(20_000, month: "2024"))

    func start(_ arguments: [String]) throws -> Process {
      let process = Process()
      process.executableURL = Laogan.binary
      process.arguments = arguments + ["--db", laogan.database]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    let importers = [try start(["import", "payments", first]), try start(["import", "payments", second])]
    var reports: [Process] = []
    for _ in 0..<4 { reports.append(try start(["report", "323", "--year", "2022"])) }
    for process in importers + reports { process.waitUntilExit() }
    #expect(importers.allSatisfy { $0.terminationStatus == 0 })
    #expect(reports.allSatisfy { $0.terminationStatus == 0 })
    let report = try laogan.run("report", "323", "--year", "2024", "--format", "json").stdout
    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let indicators = try #require(object["indicators"] as? [String: [String: Any]])
    #expect(indicators["treatment.living.medical_subsidy.person_times"]?["value"] as? Int == 20_000)
  }

  @Test("backup while another process writes, then restore, check and undo from the command line")
  func safetyCommands() throws {
    let laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", Self.roster))
    let writer = Process()
    writer.executableURL = Laogan.binary
    writer.arguments = [
      "import", "payments", try laogan.write("p.csv", Self.payments(30_000)), "--db", laogan.database,
    ]
    writer.standardOutput = FileHandle.nullDevice
    writer.standardError = FileHandle.nullDevice
    try writer.run()
    let copy = laogan.folder.appendingPathComponent("copy.db").path
    let backup = try laogan.run("backup", copy)
    writer.waitUntilExit()
    #expect(backup.status == 0 && writer.terminationStatus == 0)
    #expect(try laogan.run("check", "--full", "--db", copy, withDatabase: false).status == 0)

    let restored = try laogan.run("restore", copy, "--yes")
    #expect(restored.status == 0 && restored.stderr.contains(".before-restore-"))
    #expect(try laogan.run("cadre", "list").stdout.contains("张三"))

    #expect(try laogan.run("cadre", "edit", "张三", "--rank", "正厅级").status == 0)
    let scripted = try laogan.run("undo")
    #expect(scripted.status == 1 && scripted.stderr.contains("--yes"))
    let undone = try laogan.run("undo", "--yes")
    #expect(undone.status == 0 && undone.stderr.contains("cadre edit 张三"))
    #expect(!(try laogan.run("cadre", "show", "张三").stdout.contains("正厅级")))

    let bad = try laogan.write("dead.csv", "身份证号,项目,日期,金额\n522301194603150011,生活费,2030-01-01,10\n")
    try laogan.run("cadre", "die", "张三", "--on", "2026-01-01")
    try laogan.run("import", "payments", bad)
    let found = try laogan.run("check", "--format", "json")
    #expect(found.status == 2 && found.stdout.contains("paid_after_death"))
  }

  @Test("undo, undo after an activity and a treatment with the same id leaves no participant behind")
  func undoParticipants() throws {
    let laogan = try Laogan()
    try laogan.run("init")
    try laogan.run("import", "cadres", try laogan.write("roster.csv", Self.roster))
    let cadre = "参与干部=522301194603150011"
    #expect(
      try laogan.run("activity", "add", "日期=2023-06-12", "类型=政治学习", "标题=学习", "地区=兴义", cadre).stdout == "1\n")
    #expect(
      try laogan.run("treatment", "add", "日期=2023-06-13", "类型=阅读文件", "标题=文件", "地区=兴义", cadre).stdout == "1\n")
    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(try laogan.run("undo", "--yes").status == 0)
    #expect(try laogan.run("check").status == 0)
    let next = try laogan.run("activity", "add", "日期=2023-07-01", "类型=政治学习", "标题=再学习", "地区=兴义", "参与人次=5")
    #expect(next.status == 0 && next.stdout == "2\n", "a deleted row's id is never handed out again")
    let shown = try laogan.run("activity", "show", "2")
    #expect(shown.status == 0 && !shown.stdout.contains("张三"))
    let listed = try laogan.run("activity", "list", "--cadre", "张三", "--format", "json")
    #expect(listed.status == 0 && listed.stdout == "[\n\n]\n")
  }
}
