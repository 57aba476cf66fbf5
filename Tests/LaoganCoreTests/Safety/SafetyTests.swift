import Foundation
import GRDB
import Testing

@testable import LaoganCore
@testable import LaoganModel
@testable import LaoganStore

@Suite("Backup, restore, upgrade, check and undo")
struct SafetyTests {
  let folder: TemporaryFolder
  let database: LaoganDatabase

  init() throws {
    folder = try TemporaryFolder()
    database = try folder.database()
  }

  func load<Kind: RecordKind>(_ kind: Kind.Type, _ text: String) throws -> ImportSummary {
    let file = try folder.write("\(Kind.name)-\(UUID().uuidString).csv", utf8: text)
    return try database.importRecords(kind, from: file, options: ImportOptions(), testContext)
  }

  func cadreCount(_ path: String) throws -> Int {
    try LaoganDatabase(path: path, mode: .existing).readSQLite { try Cadre.fetchCount($0) }
  }

  @Test("a backup is a complete, private copy; restore keeps the old database aside and says where")
  func backupAndRestore() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let copy = folder.path("backup.db")
    try database.backup(to: copy)
    let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(throws: LaoganError.self) { try database.backup(to: copy) }
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n乙,\(KnownIDs.man1950),退休,兴义\n")
    #expect(try cadreCount(database.path) == 2)

    let aside = try #require(try LaoganDatabase.restore(from: copy, into: database.path, stamp: "T1"))
    #expect(try cadreCount(database.path) == 1)
    #expect(try cadreCount(aside) == 2)
  }

  @Test("restore refuses a damaged file, another program's file and a newer laogan's, changing nothing")
  func restoreRefusals() throws {
    let garbage = try folder.write("garbage.db", Data(repeating: 0x41, count: 8192))
    #expect(throws: LaoganError.self) {
      try LaoganDatabase.restore(from: garbage.path, into: database.path, stamp: "T")
    }
    let other = try DatabaseQueue(path: folder.path("other.db"))
    try other.write { try $0.execute(sql: "CREATE TABLE t (x)") }
    try other.close()
    #expect(throws: LaoganError.notLaoganDatabase(path: folder.path("other.db"))) {
      try LaoganDatabase.restore(from: folder.path("other.db"), into: database.path, stamp: "T")
    }
    // A backup cut short in the middle.
    try database.backup(to: folder.path("whole.db"))
    let whole = try Data(contentsOf: URL(fileURLWithPath: folder.path("whole.db")))
    let cut = try folder.write("cut.db", whole.prefix(whole.count / 2))
    #expect(throws: (any Error).self) { try LaoganDatabase.restore(from: cut.path, into: database.path, stamp: "T") }
    #expect(!FileManager.default.fileExists(atPath: database.path + ".before-restore-T"))
  }

  @Test("an older laogan's database is copied beside itself, then migrated")
  func upgrade() throws {
    let path = folder.path("old.db")
    try olderDatabase(
      at: path, upTo: "v1-roster",
      oneCadreSQL)
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    #expect(FileManager.default.fileExists(atPath: path + ".before-upgrade-v1-roster"))
    #expect(try upgraded.readSQLite { try Migrations.migrator.hasCompletedMigrations($0) })
    #expect(try cadreCount(path + ".before-upgrade-v1-roster") == 1)
  }

  @Test("check is silent on clean data and names each finding on the sample files")
  func check() throws {
    #expect(try database.check(full: true).isEmpty)
    let samples: [any RecordKind.Type] = [OrganizationKind.self, CadreKind.self, FundKind.self, PaymentKind.self]
    for kind in samples {
      let file = fixtures.appendingPathComponent("\(kind.name).csv")
      _ = try database.importRecords(kind, from: file, options: ImportOptions(), testContext)
    }
    let kinds = Set(try database.check(full: false).map(\.kind))
    #expect(kinds.contains(.paidAfterDeath))
    #expect(kinds.contains(.scheduledPaidTwice))
    #expect(!kinds.contains(.databaseDamaged))
  }

  @Test("check finds a longevity subsidy below its tier, a member with no organization and an overdrawn fund")
  func checkRules() throws {
    _ = try database.addBenefitRule(
      BenefitRule(item: .longevitySubsidy, monthly: Fen(20_000), fromMonth: Month(year: 2023, month: 1)!, minAge: 90),
      testContext)
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区,党员\n甲,\(KnownIDs.woman1930),退休,兴义,是\n")
    _ = try load(PaymentKind.self, "身份证号,项目,所属月份,金额\n\(KnownIDs.woman1930),高龄补贴,2023-06,100\n")
    // Written around laogan, as sqlite3 could: the fund rules never see it, and `check` must.
    try DatabaseQueue(path: folder.path("laogan.db")).write { db in
      try db.execute(
        sql: "INSERT INTO payment (cadre_id, item, paid_on, amount_fen) VALUES (1, '困难帮扶', '2023-07-01', 500)")
    }
    let kinds = Set(try database.check(full: false).map(\.kind))
    #expect(kinds == [.longevityBelowTier, .memberWithoutOrganization, .fundBelowZero])
  }

  @Test("a v3 database migrates to ids that are never reused, above every id its audit log ever named")
  func idsNeverReused() throws {
    let path = folder.path("v3.db")
    // As an old undo left it: activity 7 was inserted and deleted (only the log remembers it), and its
    // participant row stayed behind.
    try olderDatabase(
      at: path, upTo: "v3-living-treatment",
      """
      \(oneCadreSQL)
      INSERT INTO command_run (operator, ran_at, command) VALUES ('王芳', '2024-01-01T00:00:00Z', 'activity add');
      INSERT INTO audit_entry (run_id, action, table_name, record_id, before, after)
      VALUES (1, 'insert', 'activity', 7, NULL, '{}');
      INSERT INTO participant (event_table, event_id, cadre_id) VALUES ('activity', 7, 1);
      """)
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    let findings = try upgraded.check(full: true)
    #expect(findings.map(\.kind) == [.orphanedParticipant])
    #expect(findings.first?.record == "participant activity 7")
    let cells: [ActivityField: String] = [.heldOn: "2024-02-01", .kind: "政治学习", .title: "学习", .region: "兴义"]
    let (activity, _) = try upgraded.addRecord(ActivityKind.self, cells: cells, testContext)
    #expect(activity.id == 8)
    #expect(try upgraded.readSQLite { try Cadre.fetchCount($0) } == 1)
  }

  @Test("an older log's per-row insert images stay readable and undoable after inserts became ranges")
  func oldAuditEntries() throws {
    let path = folder.path("v4.db")
    try olderDatabase(
      at: path, upTo: "v4-ids-never-reused",
      """
      \(oneCadreSQL)
      INSERT INTO command_run (operator, ran_at, command) VALUES ('王芳', '2024-01-01T00:00:00Z', 'import cadres a.csv');
      INSERT INTO audit_entry (run_id, action, table_name, record_id, before, after)
      SELECT 1, 'insert', 'cadre', id, NULL, json_object('id', id, 'name', name, 'resident_id', resident_id)
      FROM cadre;
      """)
    let upgraded = try LaoganDatabase(path: path, mode: .existing)
    let line = try #require(try upgraded.auditLines(AuditFilter(table: "cadre", recordID: 1), reveal: false).first)
    #expect(line.records == "1" && line.command == "import cadres a.csv")
    #expect(line.changes == "编号=1; 姓名=甲; 身份证号=522301********0011")
    try upgraded.undo(try #require(try upgraded.undoPlan()), testContext)
    #expect(try upgraded.readSQLite { try Cadre.fetchCount($0) } == 0)
  }

  @Test("undo reverts the last command's inserts and updates, is itself audited, and can be redone by import")
  func undo() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    _ = try database.editRecord(CadreKind.self, "甲", changes: [.rank: "正厅级"], testContext)
    let plan = try #require(try database.undoPlan())
    #expect(plan.lines.map(\.action) == ["update"])
    try database.undo(plan, testContext)
    #expect(try database.cadre("甲").rank == nil)
    let importPlan = try #require(try database.undoPlan())
    #expect(importPlan.lines.map(\.action) == ["insert"])
    try database.undo(importPlan, testContext)
    #expect(try database.readSQLite { try Cadre.fetchCount($0) } == 0)
    #expect(try database.undoPlan() == nil)
    #expect(try database.auditLines(AuditFilter(), reveal: false).map(\.action).prefix(2) == ["delete", "update"])
  }

  @Test(
    "two undos shown the same command: one reverts it, the other is refused; a command run meanwhile is never undone instead"
  )
  func undoRace() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    _ = try database.editRecord(CadreKind.self, "甲", changes: [.rank: "正厅级"], testContext)
    let first = try #require(try database.undoPlan())
    let second = try #require(try database.undoPlan())
    try database.undo(first, testContext)
    #expect(throws: LaoganError.undoRefused("审计组 \(second.runID) 已由另一个 undo 撤销")) {
      try database.undo(second, testContext)
    }
    #expect(try database.cadre("甲").rank == nil)
    // The next undo is the import's, not the refused undo's: the edit stays undone.
    let next = try #require(try database.undoPlan())
    #expect(next.lines.map(\.action) == ["insert"])

    // A plan shown before another clerk's command commits refers to a command that is no longer last.
    _ = try database.editRecord(CadreKind.self, "甲", changes: [.rank: "副厅级"], testContext)
    let stale = try #require(try database.undoPlan())
    _ = try database.editRecord(CadreKind.self, "甲", changes: [.rank: "正县处级"], testContext)
    #expect(throws: LaoganError.self) { try database.undo(stale, testContext) }
    #expect(try database.cadre("甲").rank == .countyChief)
  }

  @Test("check says each step as it starts, in order, and how far it has come, ending at 1")
  func checkProgress() throws {
    var steps: [(name: String, fraction: Double)] = []
    _ = try database.check(full: false) { steps.append(($0, $1)) }
    #expect(steps.count == LaoganDatabase.checkSteps + 1)
    #expect(steps.first?.name == "quick_check" && steps.first?.fraction == 0)
    #expect(steps.map(\.name).contains("possible_duplicate") && steps.map(\.name).contains("key_collision"))
    #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.fraction < $1.fraction })
    #expect(steps.last?.fraction == 1)
  }

  @Test("inside one command the log keeps the order of the writes; inserts are logged as ranges of ids")
  func auditOrder() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let cadreID = try #require(try database.cadre("甲").id)
    let month = try #require(Month(year: 2023, month: 1))
    try database.write(testContext) { writer in
      var first = Payment(
        id: nil, cadreID: cadreID, item: .specialNeeds, month: month, paidOn: nil, amount: Fen(100), note: nil,
        ruleID: nil, voidedReason: nil)
      var second = first
      try writer.insert(&first)
      try writer.insert(&second)
      var changed = first
      changed.amount = Fen(200)
      try writer.update(changed, from: first)
      var third = second
      third.id = nil
      try writer.insert(&third)
    }
    let entries = try database.read { db in
      try db.rows(
        sql: """
          SELECT action, record_id, last_record_id, json_extract(after, '$.amount_fen') AS amount FROM audit_entry
          WHERE run_id = (SELECT max(id) FROM command_run) ORDER BY id
          """
      ).map { row in
        "\(row["action"] as String) \(row["record_id"] as Int64)"
          + ((row["last_record_id"] as Int64?).map { "–\($0)" } ?? "")
          + ((row["amount"] as Int64?).map { " \($0)" } ?? "")
      }
    }
    #expect(entries == ["insert 1–2", "update 1 200", "insert 3–3"])
  }

  @Test(
    "a roster is logged as one range of cadres and one of memberships; a run never grows past rows it points to")
  func rosterRanges() throws {
    _ = try load(OrganizationKind.self, "名称,类型,地区\n甲支部,党支部,兴义\n乙支部,党支部,兴义\n")
    let header = "姓名,身份证号,类别,管理地区,所在党组织\n"
    _ = try load(CadreKind.self, header + "甲,\(KnownIDs.man1946),退休,兴义,甲支部\n乙,\(KnownIDs.man1950),退休,兴义,甲支部\n")
    #expect(try lastRunEntries() == ["insert cadre 1–2", "insert membership 1–2"])

    // Read ahead over what is stored: 甲 moves, 乙 stays, 丙 is new. 丙's membership cannot join the run of
    // 甲's new one: it would then be undone after 丙, whom it points to.
    let file = try folder.write(
      "roster.csv",
      utf8: header + "甲,\(KnownIDs.man1946),退休,兴义,乙支部\n乙,\(KnownIDs.man1950),退休,兴义,甲支部\n"
        + "丙,\(KnownIDs.woman1930),离休,兴义,乙支部\n")
    let summary = try database.importRecords(
      CadreKind.self, from: file, options: ImportOptions(update: true), testContext)
    #expect(summary.updated == 1 && summary.unchanged == 1 && summary.added == 1)
    // 甲's row changed only in its organization, which is a membership: no cadre entry with before = after.
    #expect(
      try lastRunEntries() == [
        "update membership 1–1", "insert membership 3–3", "insert cadre 3–3", "insert membership 4–4",
      ])
    #expect(try database.cadre("甲").partyOrganization == "乙支部")

    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(try database.cadre("甲").partyOrganization == "甲支部")
    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(try database.readSQLite { [try Cadre.fetchCount($0), try Membership.fetchCount($0)] } == [0, 0])
  }

  /// The last command's audit entries as `action table first–last`.
  func lastRunEntries() throws -> [String] {
    try database.read { db in
      try db.rows(
        sql: """
          SELECT action, table_name, record_id, COALESCE(last_record_id, record_id) AS last FROM audit_entry
          WHERE run_id = (SELECT max(id) FROM command_run) ORDER BY id
          """
      ).map {
        "\($0["action"] as String) \($0["table_name"] as String) \($0["record_id"] as Int64)–\($0["last"] as Int64)"
      }
    }
  }

  @Test(
    "rows that wait to be stored together take the ids SQLite would give, never reused, and are seen by the next read")
  func waitingRows() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let file = "身份证号,项目,所属月份,金额\n" + (1...3).map { "\(KnownIDs.man1946),特需费,2023-0\($0),100\n" }.joined()
    _ = try load(PaymentKind.self, file)
    try database.undo(try #require(try database.undoPlan()), testContext)
    _ = try load(PaymentKind.self, file)
    #expect(try database.read { try $0.values(Int64.self, sql: "SELECT id FROM payment ORDER BY id") } == [4, 5, 6])

    let cadreID = try #require(try database.cadre("甲").id)
    try database.write(testContext) { writer in
      var first = Payment(
        id: nil, cadreID: cadreID, item: .specialNeeds, month: Month(year: 2023, month: 7), paidOn: nil,
        amount: Fen(100), note: nil, ruleID: nil, voidedReason: nil)
      var second = first
      try writer.insert(&first, canWait: true)
      #expect(first.id == 7)
      #expect(try writer.lookup.db.value(Int.self, sql: "SELECT COUNT(*) FROM payment") == 4)
      try writer.insert(&second, canWait: true)
      var changed = second
      changed.amount = Fen(200)
      try writer.update(changed, from: second)
    }
    let entries = try database.read { db in
      try db.rows(
        sql: """
          SELECT action, record_id, last_record_id FROM audit_entry
          WHERE run_id = (SELECT max(id) FROM command_run) ORDER BY id
          """
      ).map { "\($0["action"] as String) \($0["record_id"] as Int64)–\(($0["last_record_id"] as Int64?) ?? 0)" }
    }
    #expect(entries == ["insert 7–8", "update 8–0"])
    #expect(try database.readSQLite { try Payment.fetchOne($0, key: 8)?.amount } == Fen(200))
  }

  /// The look-ups are made at their first use, perhaps after the command already wrote a cadre: they must know
  /// it, or a cadre the reading thread found ahead would be trusted over the row just written.
  @Test("a look-up first used after the command wrote a cadre does not trust what was found ahead")
  func lookupMadeLate() throws {
    try database.write(testContext) { writer in
      var cadre = Cadre(
        name: "乙", sex: .female, bornOn: CalendarDate(valid: 1930, 1, 1), residentID: KnownIDs.woman1930,
        category: .retired, regionCode: "522301", isPartyMember: false, resettledElsewhere: false, needsCare: false)
      try writer.insert(&cadre)
      #expect(!writer.lookup.cadresUnchanged)
    }
    try database.write(testContext) { writer in #expect(writer.lookup.cadresUnchanged) }
  }

  @Test(
    "when a cadre changes, a command's look-ups forget the cadres they remembered and stop using those found ahead")
  func lookupForgets() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let cadre = try database.cadre("甲")
    let died = try #require(CalendarDate(iso: "2024-05-01"))
    try database.write(testContext) { writer in
      #expect(try writer.lookup.cadre(residentID: KnownIDs.man1946)?.diedOn == nil)
      // A row whose cadre the reading thread found before the change (`WorkAhead`).
      var row = FieldReader<PaymentField>(cells: [.residentID: KnownIDs.man1946])
      row.found = (.residentID, try #require(try writer.lookup.cadre(residentID: KnownIDs.man1946)))
      #expect(try row.cadre(.residentID, writer.lookup)?.diedOn == nil)
      var dead = cadre
      dead.diedOn = died
      try writer.update(dead, from: cadre)
      #expect(try writer.lookup.cadre(residentID: KnownIDs.man1946)?.diedOn == died)
      #expect(try row.cadre(.residentID, writer.lookup)?.diedOn == died)
    }
  }

  @Test("undoing a payment's edit sets its columns back; its generated counting day follows")
  func undoPaymentEdit() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    _ = try load(PaymentKind.self, "身份证号,项目,所属月份,金额\n\(KnownIDs.man1946),生活费,2023-06,100\n")
    _ = try database.editRecord(PaymentKind.self, "1", changes: [.month: "2023-07", .amount: "150"], testContext)
    try database.undo(try #require(try database.undoPlan()), testContext)
    let row = try database.read { db in
      try db.value(String.self, sql: "SELECT month || ' ' || amount_fen || ' ' || counted_on FROM payment WHERE id = 1")
    }
    #expect(row == "2023-06 10000 2023-06-01")
  }

  @Test("undo refuses when a later command changed the same record")
  func undoRefused() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let plan = try #require(try database.undoPlan())
    _ = try database.editRecord(CadreKind.self, "甲", changes: [.rank: "正厅级"], testContext)
    #expect(throws: LaoganError.self) { try database.undo(plan, testContext) }
    #expect(try database.readSQLite { try Cadre.fetchCount($0) } == 1)
  }

  @Test("undoing a fact import lets the same file be imported again")
  func undoImport() throws {
    _ = try load(CadreKind.self, "姓名,身份证号,类别,管理地区\n甲,\(KnownIDs.man1946),退休,兴义\n")
    let file = try folder.write("h.csv", utf8: "身份证号,体检日期\n\(KnownIDs.man1946),2023-05-01\n")
    _ = try database.importRecords(HealthCheckKind.self, from: file, options: ImportOptions(), testContext)
    try database.undo(try #require(try database.undoPlan()), testContext)
    #expect(
      try database.importRecords(HealthCheckKind.self, from: file, options: ImportOptions(), testContext).added == 1)
  }
}
