import GRDB
import LaoganText

/// The versioned schema. A migration that has shipped is never edited: a change is a new migration, and
/// `schema.sql` at the top of the repository is kept equal to what these build by a test.
///
/// Migrations use SQL literals, not the app's types, so that a later change to a type cannot rewrite history.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-roster", migrate: createRoster)
    migrator.registerMigration("v2-records", migrate: createRecords)
    migrator.registerMigration("v3-living-treatment", migrate: createLivingTreatment)
    migrator.registerMigration("v4-ids-never-reused", migrate: neverReuseIDs)
    migrator.registerMigration("v5-insert-ranges", migrate: logInsertsAsRanges)
    migrator.registerMigration("v6-branch-officers", migrate: createOfficers)
    migrator.registerMigration("v7-party-dues", migrate: createPartyDues)
    migrator.registerMigration("v8-transfers", migrate: createTransfers)
    migrator.registerMigration("v9-resettlement", migrate: addResettlement)
    migrator.registerMigration("v10-hospital-stays", migrate: createHospitalStays)
    migrator.registerMigration("v11-visit-gifts", migrate: addVisitGifts)
    migrator.registerMigration("v12-family", migrate: createFamily)
    migrator.registerMigration("v13-death-settlement", migrate: addDeathSettlement)
    migrator.registerMigration("v14-honors-by-cadre", migrate: indexHonorsByCadre)
    migrator.registerMigration("v15-text-in-nfc", migrate: normalizeText)
    migrator.registerMigration("v16-search-index", migrate: indexSearchKeys)
    migrator.registerMigration("v17-pensions", migrate: createPensions)
    migrator.registerMigration("v18-meetings", migrate: createMeetings)
    migrator.registerMigration("v19-notices", migrate: createNotices)
    migrator.registerMigration("v20-lunar-birthdays", migrate: addLunarBirthdays)
    migrator.registerMigration("v21-permits-and-trips", migrate: createPermitsAndTrips)
    migrator.registerMigration("v22-senior-university", migrate: createSeniorUniversity)
    return migrator
  }

  /// Regions, the cadre roster and the audit log.
  private static func createRoster(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE region (
          code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6),
          name TEXT NOT NULL UNIQUE,
          short_name TEXT NOT NULL UNIQUE
        );
        INSERT INTO region (code, name, short_name) VALUES
          ('522300', '黔西南布依族苗族自治州', '黔西南州'),
          ('522301', '兴义市', '兴义'),
          ('522302', '兴仁市', '兴仁'),
          ('522323', '普安县', '普安'),
          ('522324', '晴隆县', '晴隆'),
          ('522325', '贞丰县', '贞丰'),
          ('522326', '望谟县', '望谟'),
          ('522327', '册亨县', '册亨'),
          ('522328', '安龙县', '安龙');

        CREATE TABLE cadre (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL CHECK (name <> ''),
          sex TEXT NOT NULL CHECK (sex IN ('男', '女')),
          ethnicity TEXT,
          born_on TEXT NOT NULL CHECK (born_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          resident_id TEXT NOT NULL UNIQUE CHECK (length(resident_id) = 18),
          category TEXT NOT NULL CHECK (category IN ('离休', '退休')),
          started_work_on TEXT,
          retired_on TEXT,
          former_unit TEXT,
          unit_type TEXT CHECK (unit_type IN ('机关', '事业', '企业')),
          former_post TEXT,
          rank TEXT CHECK (rank IN ('正省部级', '副省部级', '正厅级', '副厅级', '正县处级', '副县处级',
                                    '正乡科级', '副乡科级', '科员及其他')),
          region_code TEXT NOT NULL REFERENCES region(code),
          party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
          joined_party_on TEXT,
          residence TEXT,
          resettled_elsewhere INTEGER NOT NULL DEFAULT 0 CHECK (resettled_elsewhere IN (0, 1)),
          needs_care INTEGER NOT NULL DEFAULT 0 CHECK (needs_care IN (0, 1)),
          phone TEXT,
          emergency_contact TEXT,
          emergency_phone TEXT,
          died_on TEXT,
          note TEXT,
          voided_reason TEXT,
          search_keys TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX cadre_on_region_code ON cadre(region_code);
        CREATE INDEX cadre_on_name ON cadre(name);

        CREATE TABLE command_run (
          id INTEGER PRIMARY KEY,
          operator TEXT NOT NULL,
          ran_at TEXT NOT NULL,
          command TEXT NOT NULL,
          undone_by INTEGER REFERENCES command_run(id)
        );
        CREATE TABLE audit_entry (
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES command_run(id),
          action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'reveal')),
          table_name TEXT NOT NULL,
          record_id INTEGER,
          before TEXT,
          after TEXT
        );
        CREATE INDEX audit_entry_on_run_id ON audit_entry(run_id);
        CREATE INDEX audit_entry_on_record ON audit_entry(table_name, record_id);
        """)
  }

  /// Party organizations with membership history, associations, venues, events and honours; the files
  /// already imported as facts.
  private static func createRecords(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE party_organization (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (name <> ''),
          kind TEXT NOT NULL CHECK (kind IN ('党委', '党总支', '党支部')),
          region_code TEXT NOT NULL REFERENCES region(code),
          off_site INTEGER NOT NULL DEFAULT 0 CHECK (off_site IN (0, 1)),
          located_in TEXT,
          model_level TEXT NOT NULL DEFAULT '无' CHECK (model_level IN ('州级', '县级', '无')),
          named_on TEXT,
          established_on TEXT,
          dissolved_on TEXT,
          secretary_id INTEGER REFERENCES cadre(id),
          voided_reason TEXT
        );
        CREATE INDEX party_organization_on_region_code ON party_organization(region_code);

        CREATE TABLE membership (
          id INTEGER PRIMARY KEY,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          organization_id INTEGER NOT NULL REFERENCES party_organization(id),
          joined_on TEXT,
          left_on TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
        );
        CREATE UNIQUE INDEX membership_current ON membership(cadre_id) WHERE left_on IS NULL;
        CREATE INDEX membership_on_cadre_id ON membership(cadre_id);
        CREATE INDEX membership_on_organization_id ON membership(organization_id);

        CREATE TABLE association (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (name <> ''),
          category TEXT NOT NULL CHECK (category IN ('书画', '摄影', '诗词', '楹联', '歌舞', '老年体协', '其他')),
          region_code TEXT NOT NULL REFERENCES region(code),
          established_on TEXT,
          dissolved_on TEXT,
          leader TEXT,
          voided_reason TEXT
        );
        CREATE TABLE association_member (
          id INTEGER PRIMARY KEY,
          association_id INTEGER NOT NULL REFERENCES association(id),
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          joined_on TEXT,
          left_on TEXT
        );
        CREATE UNIQUE INDEX association_member_current ON association_member(association_id, cadre_id)
          WHERE left_on IS NULL;
        CREATE INDEX association_member_on_cadre_id ON association_member(cadre_id);

        CREATE TABLE venue (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE CHECK (name <> ''),
          kind TEXT NOT NULL CHECK (kind IN ('老年大学', '老干部活动中心', '五老工作室', '银龄志愿服务队', '网络平台')),
          region_code TEXT NOT NULL REFERENCES region(code),
          open_to_public INTEGER NOT NULL DEFAULT 0 CHECK (open_to_public IN (0, 1)),
          established_on TEXT,
          dissolved_on TEXT,
          voided_reason TEXT
        );

        CREATE TABLE activity (
          id INTEGER PRIMARY KEY,
          held_on TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('培训班', '调研', '送学上门', '主题宣讲', '政治学习', '文体活动', '座谈会', '其他')),
          title TEXT NOT NULL CHECK (title <> ''),
          region_code TEXT NOT NULL REFERENCES region(code),
          place TEXT CHECK (place IN ('机关', '社区', '企业', '农村', '其他')),
          organization_id INTEGER REFERENCES party_organization(id),
          person_times INTEGER CHECK (person_times >= 0),
          audience INTEGER CHECK (audience >= 0),
          voided_reason TEXT
        );
        CREATE INDEX activity_on_held_on ON activity(held_on);

        CREATE TABLE treatment_event (
          id INTEGER PRIMARY KEY,
          held_on TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('阅读文件', '参加会议活动', '参观学习', '情况通报', '征订党刊党报', '走访慰问')),
          title TEXT NOT NULL CHECK (title <> ''),
          region_code TEXT NOT NULL REFERENCES region(code),
          occasion TEXT CHECK (occasion IN ('生日看望', '住院看望', '节日慰问', '日常走访', '异地安置人员慰问', '遗属慰问')),
          person_times INTEGER CHECK (person_times >= 0),
          visitors TEXT,
          voided_reason TEXT
        );
        CREATE INDEX treatment_event_on_held_on ON treatment_event(held_on);

        CREATE TABLE contribution (
          id INTEGER PRIMARY KEY,
          done_on TEXT NOT NULL,
          area TEXT NOT NULL CHECK (area IN ('宣传政策', '传播文化', '化解矛盾纠纷', '关心下一代', '乡村振兴', '社会治理', '文明城市')),
          advantage TEXT NOT NULL CHECK (advantage IN ('政治', '经验', '威望')),
          title TEXT NOT NULL CHECK (title <> ''),
          region_code TEXT NOT NULL REFERENCES region(code),
          person_times INTEGER CHECK (person_times >= 0),
          outcome TEXT,
          voided_reason TEXT
        );
        CREATE INDEX contribution_on_done_on ON contribution(done_on);

        CREATE TABLE participant (
          event_table TEXT NOT NULL CHECK (event_table IN ('activity', 'treatment_event', 'contribution')),
          event_id INTEGER NOT NULL,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          PRIMARY KEY (event_table, event_id, cadre_id)
        ) WITHOUT ROWID;
        CREATE INDEX participant_on_cadre_id ON participant(cadre_id);

        CREATE TABLE honor (
          id INTEGER PRIMARY KEY,
          awarded_on TEXT NOT NULL,
          title TEXT NOT NULL CHECK (title <> ''),
          level TEXT NOT NULL CHECK (level IN ('国家级', '省级', '州级', '县级')),
          region_code TEXT NOT NULL REFERENCES region(code),
          cadre_id INTEGER REFERENCES cadre(id),
          collective_name TEXT,
          voided_reason TEXT,
          CHECK ((cadre_id IS NULL) <> (collective_name IS NULL))
        );
        CREATE INDEX honor_on_awarded_on ON honor(awarded_on);

        CREATE TABLE imported_file (
          kind TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          run_id INTEGER NOT NULL REFERENCES command_run(id),
          PRIMARY KEY (kind, sha256)
        );
        """)
  }

  /// Benefit rules and payments, the hardship fund, health checks and green-channel cards. Money is integer 分.
  private static func createLivingTreatment(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE benefit_rule (
          id INTEGER PRIMARY KEY,
          item TEXT NOT NULL CHECK (item IN ('特需费', '生活费', '高龄补贴')),
          monthly_fen INTEGER NOT NULL CHECK (monthly_fen > 0),
          from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          to_month TEXT CHECK (to_month IS NULL OR to_month >= from_month),
          min_age INTEGER CHECK (min_age >= 0),
          max_age INTEGER CHECK (max_age IS NULL OR min_age IS NULL OR max_age >= min_age),
          category TEXT CHECK (category IN ('离休', '退休')),
          rank TEXT CHECK (rank IN ('正省部级', '副省部级', '正厅级', '副厅级', '正县处级', '副县处级',
                                    '正乡科级', '副乡科级', '科员及其他')),
          voided_reason TEXT
        );

        CREATE TABLE payment (
          id INTEGER PRIMARY KEY,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          item TEXT NOT NULL CHECK (item IN ('特需费', '医疗补助费', '生活费', '高龄补贴', '困难帮扶')),
          month TEXT CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          paid_on TEXT,
          amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
          note TEXT,
          rule_id INTEGER REFERENCES benefit_rule(id),
          voided_reason TEXT,
          counted_on TEXT GENERATED ALWAYS AS (COALESCE(month || '-01', paid_on)) STORED,
          CHECK (month IS NOT NULL OR paid_on IS NOT NULL)
        );
        CREATE INDEX payment_on_cadre_item_month ON payment(cadre_id, item, month);
        CREATE INDEX payment_on_counted_on ON payment(counted_on, item);
        CREATE INDEX payment_counted ON payment(item, counted_on, cadre_id, amount_fen) WHERE voided_reason IS NULL;

        CREATE TABLE fund_entry (
          id INTEGER PRIMARY KEY,
          entered_on TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('拨入', '支出')),
          amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
          reason TEXT,
          voided_reason TEXT
        );

        CREATE TABLE health_check (
          id INTEGER PRIMARY KEY,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          checked_on TEXT NOT NULL,
          voided_reason TEXT
        );
        CREATE INDEX health_check_on_checked_on ON health_check(checked_on);
        CREATE INDEX health_check_on_cadre_id ON health_check(cadre_id);

        CREATE TABLE green_card (
          id INTEGER PRIMARY KEY,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          card_number TEXT NOT NULL UNIQUE CHECK (card_number <> ''),
          issued_on TEXT NOT NULL,
          expires_on TEXT,
          voided_reason TEXT
        );
        CREATE INDEX green_card_on_cadre_id ON green_card(cadre_id);
        """)
  }

  /// Ids are never handed out twice (SPEC §14): without AUTOINCREMENT SQLite gives a new row the largest id
  /// plus one, so a row that `undo` deleted gave its id to the next record, and anything still naming the old
  /// row — an audit entry, a participant list — named the new one. Each audited table is rebuilt with
  /// AUTOINCREMENT (SQLite cannot add it in place), its counter starting above every id it or the audit log
  /// has ever held; an event's participants now go when the event row goes.
  private static func neverReuseIDs(_ db: Database) throws {
    let tables = [
      "cadre", "command_run", "audit_entry", "party_organization", "membership", "association",
      "association_member", "venue", "activity", "treatment_event", "contribution", "honor", "benefit_rule",
      "payment", "fund_entry", "health_check", "green_card",
    ]
    for table in tables {
      guard
        let create = try String.fetchOne(
          db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
      else { continue }
      let indexes = try String.fetchAll(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        arguments: [table])
      // Generated columns (payment.counted_on) are computed again, not copied.
      let columns = try String.fetchAll(
        db, sql: "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid", arguments: [table]
      ).joined(separator: ", ")
      try db.execute(
        sql: create.replacingOccurrences(of: "CREATE TABLE \(table) (", with: "CREATE TABLE new_\(table) (")
          .replacingOccurrences(of: "id INTEGER PRIMARY KEY,", with: "id INTEGER PRIMARY KEY AUTOINCREMENT,"))
      try db.execute(
        sql: """
          INSERT INTO new_\(table) (\(columns)) SELECT \(columns) FROM \(table);
          DROP TABLE \(table);
          ALTER TABLE new_\(table) RENAME TO \(table);
          DELETE FROM sqlite_sequence WHERE name = '\(table)';
          INSERT INTO sqlite_sequence (name, seq) VALUES ('\(table)', max(
            coalesce((SELECT max(id) FROM \(table)), 0),
            coalesce((SELECT max(record_id) FROM audit_entry WHERE table_name = '\(table)'), 0)));
          """)
      for index in indexes { try db.execute(sql: index) }
    }
    for event in ["activity", "treatment_event", "contribution"] {
      try db.execute(
        sql: """
          CREATE TRIGGER \(event)_participants_go_with_it AFTER DELETE ON \(event) BEGIN
            DELETE FROM participant WHERE event_table = '\(event)' AND event_id = OLD.id;
          END;
          """)
    }
  }

  /// Inserts are logged as ranges of ids (SPEC §14): an inserted row's after-image is the row itself, so one
  /// entry `record_id … last_record_id` stands for a command's run of new rows in a table, instead of a JSON
  /// copy of each (which made the log most of the file). Entries written before keep their images and are read
  /// as ranges of one.
  private static func logInsertsAsRanges(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE audit_entry ADD COLUMN last_record_id INTEGER
          CHECK (last_record_id IS NULL OR (action = 'insert' AND last_record_id >= record_id));
        """)
  }

  /// The branches' officers and elections, and members' status (SPEC §11). The organization's 书记 becomes its
  /// current officer of that post: each 书记 on file moves to an officer row (start unknown), and the column
  /// goes, so there is one place that says who leads a branch.
  private static func createOfficers(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE officer (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          organization_id INTEGER NOT NULL REFERENCES party_organization(id),
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          post TEXT NOT NULL CHECK (post IN ('书记', '副书记', '组织委员', '宣传委员', '纪检委员', '委员')),
          started_on TEXT,
          ended_on TEXT,
          voided_reason TEXT,
          CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
        );
        CREATE INDEX officer_on_organization_id ON officer(organization_id, post);
        CREATE INDEX officer_on_cadre_id ON officer(cadre_id);
        INSERT INTO officer (organization_id, cadre_id, post)
          SELECT id, secretary_id, '书记' FROM party_organization WHERE secretary_id IS NOT NULL;
        ALTER TABLE party_organization DROP COLUMN secretary_id;
        ALTER TABLE party_organization ADD COLUMN elected_on TEXT;
        ALTER TABLE cadre ADD COLUMN party_status TEXT CHECK (party_status IN ('正常', '流动', '失联'));
        ALTER TABLE cadre ADD COLUMN away_to TEXT;
        """)
  }

  /// 党费 (SPEC §11): each member's monthly standard from a month on, and what was paid for each month.
  private static func createPartyDues(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE dues_standard (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          monthly_fen INTEGER NOT NULL CHECK (monthly_fen > 0),
          voided_reason TEXT
        );
        CREATE INDEX dues_standard_on_cadre_id ON dues_standard(cadre_id, from_month);
        CREATE TABLE dues_payment (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
          paid_on TEXT,
          voided_reason TEXT
        );
        CREATE INDEX dues_payment_on_cadre_id ON dues_payment(cadre_id, month);
        -- The dues reports read a span of months: this index alone answers them, without the table.
        CREATE INDEX dues_payment_by_month ON dues_payment(month, cadre_id, amount_fen) WHERE voided_reason IS NULL;
        """)
  }

  /// 迁入 and 迁出 (SPEC §10): whether the bureau manages a cadre on a day follows from them (`ManagedRule`).
  /// One transfer a cadre a day: two on one day would leave the day's state to their order of entry.
  private static func createTransfers(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE transfer (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          direction TEXT NOT NULL CHECK (direction IN ('迁入', '迁出')),
          transferred_on TEXT NOT NULL,
          counterpart TEXT NOT NULL,
          party_relation_moved INTEGER,
          file_moved INTEGER,
          note TEXT,
          voided_reason TEXT
        );
        CREATE UNIQUE INDEX transfer_on_cadre_id ON transfer(cadre_id, transferred_on) WHERE voided_reason IS NULL;
        """)
  }

  /// 易地安置 (SPEC §10): where a cadre resettled elsewhere lives, and whether inside the province.
  private static func addResettlement(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE cadre ADD COLUMN resettled_to TEXT;
        ALTER TABLE cadre ADD COLUMN resettlement_scope TEXT CHECK (resettlement_scope IN ('省内', '省外'));
        """)
  }

  /// Hospital stays (SPEC §10), with no diagnosis.
  private static func createHospitalStays(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE hospital_stay (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          admitted_on TEXT NOT NULL,
          discharged_on TEXT CHECK (discharged_on IS NULL OR discharged_on >= admitted_on),
          hospital TEXT NOT NULL CHECK (hospital <> ''),
          long_term INTEGER NOT NULL DEFAULT 0 CHECK (long_term IN (0, 1)),
          note TEXT,
          voided_reason TEXT
        );
        CREATE INDEX hospital_stay_on_cadre_id ON hospital_stay(cadre_id, admitted_on);
        CREATE INDEX hospital_stay_on_admitted_on ON hospital_stay(admitted_on) WHERE voided_reason IS NULL;
        """)
  }

  /// A 走访慰问's 慰问金额 and 慰问品 (SPEC §10).
  private static func addVisitGifts(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE treatment_event ADD COLUMN gift_amount_fen INTEGER CHECK (gift_amount_fen > 0);
        ALTER TABLE treatment_event ADD COLUMN gifts TEXT;
        """)
  }

  /// A cadre's family (SPEC §10), named by cadre, 关系 and 姓名 together (`family_key`, as `FamilyKind.key`
  /// spells it).
  private static func createFamily(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE family_member (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          relation TEXT NOT NULL CHECK (relation IN ('配偶', '子女', '父母', '其他')),
          name TEXT NOT NULL CHECK (name <> ''),
          resident_id TEXT,
          born_on TEXT,
          died_on TEXT,
          unable_to_work INTEGER NOT NULL DEFAULT 0 CHECK (unable_to_work IN (0, 1)),
          lives_with INTEGER NOT NULL DEFAULT 0 CHECK (lives_with IN (0, 1)),
          phone TEXT,
          note TEXT,
          voided_reason TEXT,
          family_key TEXT GENERATED ALWAYS AS (cadre_id || '|' || relation || '|' || name) STORED
        );
        CREATE UNIQUE INDEX family_member_on_family_key ON family_member(family_key);
        CREATE INDEX family_member_on_cadre_id ON family_member(cadre_id);
        """)
  }
  /// Death and its settlement (SPEC §10): the cadre's 去世原因 and 送别方式; the three items that follow a death
  /// (丧葬费, 一次性抚恤金, 遗属补助 — the last by rule), labels added to the item lists of `payment` and
  /// `benefit_rule`, and each payment's 领取人 from the family.
  private static func addDeathSettlement(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE cadre ADD COLUMN death_cause TEXT;
        ALTER TABLE cadre ADD COLUMN farewell TEXT;
        ALTER TABLE payment ADD COLUMN recipient_id INTEGER REFERENCES family_member(id);
        CREATE INDEX payment_on_recipient_id ON payment(recipient_id) WHERE recipient_id IS NOT NULL;
        """)
    try addLabels(["丧葬费", "一次性抚恤金", "遗属补助"], to: "item", of: "payment", db)
    try addLabels(["遗属补助"], to: "item", of: "benefit_rule", db)
  }

  /// Adds `labels` to the closed list of `table.column`, its `CHECK (column IN (…))`: how a label added to one
  /// of the model's closed lists reaches the schema, one call in a migration of its own (`ClosedListTests` fails
  /// until it does). A list that only grows is met by every stored row, so the table's text is rewritten in
  /// place, SQLite's documented way for a change that leaves the stored rows as they are, rather than copying
  /// a table of millions of payments; `schema_version` moves on so that every connection reads it again. A
  /// shared database gets the new list from the migrated schema (`SharedUpgrade`).
  static func addLabels(_ labels: [String], to column: String, of table: String, _ db: Database) throws {
    let sql =
      try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
    let lists = sql.ranges(of: "CHECK (\(column) IN (")
    // No label holds a parenthesis, so the list ends at the first one closing after it opens.
    guard lists.count == 1, let end = sql[lists[0].upperBound...].firstIndex(of: ")") else {
      throw LaoganError.database("\(table).\(column) 没有唯一的可选值列表（CHECK … IN）")
    }
    let added = labels.map { ", '\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined()
    let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
    try db.execute(sql: "PRAGMA writable_schema = ON")
    try db.execute(
      sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
      arguments: [sql.replacingCharacters(in: end..<end, with: added), table])
    try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
    try db.execute(sql: "PRAGMA writable_schema = OFF")
  }

  /// A cadre's honours found by the cadre: the 光荣在党50年 list asks of each of its members whether the badge
  /// was awarded, and scanned every honour for each (a third of the list's time at scale 10).
  private static func indexHonorsByCadre(_ db: Database) throws {
    try db.execute(sql: "CREATE INDEX honor_on_cadre_id ON honor(cadre_id) WHERE cadre_id IS NOT NULL")
  }

  /// Every text a clerk entered in NFC, and keys with full-width letters and digits folded (`CellText`), as
  /// every door now stores them: a branch named with a CJK compatibility ideograph and its unified twin become
  /// one spelling. A row whose new spelling would collide with another's unique key is left as it was, and
  /// `laogan check` names it (`key_collision`). The audit log keeps what was written then. Unicode's stability
  /// policy keeps NFC's results fixed, so this means the same whenever it runs.
  private static func normalizeText(_ db: Database) throws {
    db.add(
      function: DatabaseFunction("laogan_nfc", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(CellText.normalized)
      })
    db.add(
      function: DatabaseFunction("laogan_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(CellText.key)
      })
    let keys: Set<String> = [
      "cadre.name", "party_organization.name", "association.name", "venue.name", "green_card.card_number",
      "family_member.name",
    ]
    let columns = try Row.fetchAll(
      db,
      sql: """
        SELECT m.name AS table_name, c.name AS column_name FROM sqlite_master m, pragma_table_xinfo(m.name) c
        WHERE m.type = 'table' AND upper(c.type) = 'TEXT' AND c.hidden = 0
          AND m.name NOT IN ('grdb_migrations', 'audit_entry', 'command_run', 'imported_file', 'region')
          AND m.name NOT LIKE 'sqlite_%'
        ORDER BY m.name, c.cid
        """)
    for row in columns {
      let table: String = row["table_name"]
      let column: String = row["column_name"]
      let function = keys.contains("\(table).\(column)") ? "laogan_key" : "laogan_nfc"
      try db.execute(
        sql:
          "UPDATE OR IGNORE \(table) SET \(column) = \(function)(\(column)) WHERE \(column) <> \(function)(\(column))")
    }
  }

  /// A search by pinyin answers from an index of the keys' words (SQLite's FTS5, a prefix query per search)
  /// instead of reading every cadre's keys: 0.5 s at scale 10, typed and retyped. The index is kept by
  /// triggers, so every write — a command, an import, an undo — keeps it. The keys are written again first,
  /// as this version reads names (every common reading of a given name's character); they are derived from
  /// the name, so the audit log is not told.
  private static func indexSearchKeys(_ db: Database) throws {
    let rekey = try db.makeStatement(sql: "UPDATE cadre SET search_keys = ? WHERE id = ?")
    let cadres = try Row.fetchCursor(db, sql: "SELECT id, name, search_keys FROM cadre")
    while let cadre = try cadres.next() {
      let keys = PinyinKeys.shared.keys(for: cadre["name"])
      if keys != cadre["search_keys"] { try rekey.execute(arguments: [keys, cadre["id"]]) }
    }
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE cadre_search USING fts5(
          search_keys, content = 'cadre', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0',
          prefix = '1 2'
        );
        INSERT INTO cadre_search (cadre_search) VALUES ('rebuild');
        CREATE TRIGGER cadre_search_on_insert AFTER INSERT ON cadre BEGIN
          INSERT INTO cadre_search (rowid, search_keys) VALUES (new.id, new.search_keys);
        END;
        CREATE TRIGGER cadre_search_on_delete AFTER DELETE ON cadre BEGIN
          INSERT INTO cadre_search (cadre_search, rowid, search_keys) VALUES ('delete', old.id, old.search_keys);
        END;
        CREATE TRIGGER cadre_search_on_update AFTER UPDATE OF search_keys ON cadre BEGIN
          INSERT INTO cadre_search (cadre_search, rowid, search_keys) VALUES ('delete', old.id, old.search_keys);
          INSERT INTO cadre_search (rowid, search_keys) VALUES (new.id, new.search_keys);
        END;
        """)
  }

  /// 离退休费 (SPEC §16): a cadre's monthly pension from a month on, what `dues-standard derive` reads.
  private static func createPensions(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE pension (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          monthly_fen INTEGER NOT NULL CHECK (monthly_fen > 0),
          voided_reason TEXT
        );
        CREATE INDEX pension_on_cadre_id ON pension(cadre_id, from_month);
        """)
  }

  /// 组织生活 (SPEC §16): a Party organization's meetings, and who attended (`participant` rows of `meeting`) or
  /// was excused (`meeting_leave`), two labels added to the participant list's closed list of event tables.
  private static func createMeetings(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meeting (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          organization_id INTEGER NOT NULL REFERENCES party_organization(id),
          held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          kind TEXT NOT NULL CHECK (kind IN ('支部党员大会', '支委会', '党小组会', '党课', '主题党日')),
          topic TEXT,
          voided_reason TEXT
        );
        CREATE INDEX meeting_on_organization_id ON meeting(organization_id, held_on);
        CREATE TRIGGER meeting_participants_go_with_it AFTER DELETE ON meeting BEGIN
          DELETE FROM participant WHERE event_table IN ('meeting', 'meeting_leave') AND event_id = OLD.id;
        END;
        """)
    try addLabels(["meeting", "meeting_leave"], to: "event_table", of: "participant", db)
  }

  /// 通知 (SPEC §16): a notice, the cadres it was sent to (chosen when it was recorded, kept as they were), and
  /// which of them a gateway's failure report says were not reached. A recipient has an id of its own, so that
  /// the rows of one notice are one range in the audit log and `undo` takes them back as any insert.
  private static func createNotices(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE notice (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          sent_on TEXT NOT NULL CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          title TEXT NOT NULL CHECK (title <> ''),
          body TEXT,
          chosen_by TEXT NOT NULL
        );
        CREATE TABLE notice_recipient (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          notice_id INTEGER NOT NULL REFERENCES notice(id),
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          unreached INTEGER NOT NULL DEFAULT 0 CHECK (unreached IN (0, 1)),
          UNIQUE (notice_id, cadre_id)
        );
        CREATE INDEX notice_recipient_on_cadre_id ON notice_recipient(cadre_id);
        """)
  }

  /// 农历生日 (SPEC §17): whether a cadre keeps their birthday by the lunar calendar; none does until told.
  private static func addLunarBirthdays(_ db: Database) throws {
    try db.execute(
      sql: "ALTER TABLE cadre ADD COLUMN lunar_birthday INTEGER NOT NULL DEFAULT 0 CHECK (lunar_birthday IN (0, 1))")
  }

  /// 证照 and 出国(境) (SPEC §17): the permits in the bureau's custody, the trips they travel on, and each time a
  /// permit left the cabinet and came back. At most one loan of a permit is open.
  private static func createPermitsAndTrips(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE permit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          kind TEXT NOT NULL CHECK (kind IN ('护照', '往来港澳通行证', '往来台湾通行证')),
          number TEXT NOT NULL UNIQUE CHECK (number <> ''),
          issued_on TEXT,
          valid_until TEXT NOT NULL CHECK (issued_on IS NULL OR valid_until >= issued_on),
          voided_reason TEXT
        );
        CREATE INDEX permit_on_cadre_id ON permit(cadre_id);
        CREATE INDEX permit_on_valid_until ON permit(valid_until) WHERE voided_reason IS NULL;
        CREATE TABLE trip (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cadre_id INTEGER NOT NULL REFERENCES cadre(id),
          destination TEXT NOT NULL CHECK (destination <> ''),
          purpose TEXT,
          departed_on TEXT NOT NULL,
          planned_return_on TEXT NOT NULL CHECK (planned_return_on >= departed_on),
          returned_on TEXT CHECK (returned_on IS NULL OR returned_on >= departed_on),
          permit_id INTEGER NOT NULL REFERENCES permit(id),
          voided_reason TEXT
        );
        CREATE INDEX trip_on_cadre_id ON trip(cadre_id, departed_on);
        CREATE INDEX trip_on_departed_on ON trip(departed_on) WHERE voided_reason IS NULL;
        CREATE INDEX trip_on_permit_id ON trip(permit_id);
        CREATE TABLE permit_loan (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          permit_id INTEGER NOT NULL REFERENCES permit(id),
          trip_id INTEGER REFERENCES trip(id),
          lent_on TEXT NOT NULL,
          returned_on TEXT CHECK (returned_on IS NULL OR returned_on >= lent_on)
        );
        CREATE UNIQUE INDEX permit_loan_open ON permit_loan(permit_id) WHERE returned_on IS NULL;
        CREATE INDEX permit_loan_on_trip_id ON permit_loan(trip_id);
        """)
  }

  /// The 老年大学 (SPEC §17): terms, their courses (named by term and 课程), and the students of each — a cadre,
  /// or a 社会学员 by name — holding a place or waiting for one.
  private static func createSeniorUniversity(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE term (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL UNIQUE CHECK (name <> ''),
          starts_on TEXT NOT NULL,
          ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
          voided_reason TEXT
        );
        CREATE TABLE course (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          term_id INTEGER NOT NULL REFERENCES term(id),
          name TEXT NOT NULL CHECK (name <> ''),
          course_key TEXT NOT NULL UNIQUE,
          class_name TEXT,
          teacher TEXT,
          place TEXT,
          capacity INTEGER NOT NULL CHECK (capacity > 0),
          fee_fen INTEGER CHECK (fee_fen > 0),
          max_age INTEGER CHECK (max_age BETWEEN 40 AND 150),
          voided_reason TEXT
        );
        CREATE INDEX course_on_term_id ON course(term_id);
        CREATE TABLE enrolment (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          course_id INTEGER NOT NULL REFERENCES course(id),
          cadre_id INTEGER REFERENCES cadre(id),
          name TEXT CHECK (name <> ''),
          resident_id TEXT,
          phone TEXT,
          enrolled_on TEXT NOT NULL,
          charged_fen INTEGER NOT NULL CHECK (charged_fen >= 0),
          reduction_reason TEXT,
          waiting INTEGER NOT NULL DEFAULT 0 CHECK (waiting IN (0, 1)),
          voided_reason TEXT,
          CHECK ((cadre_id IS NULL) <> (name IS NULL))
        );
        CREATE INDEX enrolment_on_course_id ON enrolment(course_id, waiting, enrolled_on);
        CREATE INDEX enrolment_on_cadre_id ON enrolment(cadre_id);
        """)
  }
}
