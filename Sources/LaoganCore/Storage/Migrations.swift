import GRDB

/// The versioned schema. A migration that has shipped is never edited: a change is a new migration, and
/// `schema.sql` at the top of the repository is kept equal to what these build by a test.
///
/// Migrations use SQL literals, not the app's types, so that a later change to a type cannot rewrite history.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-roster", migrate: createRoster)
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
          party_organization TEXT,
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
          command TEXT NOT NULL
        );
        CREATE TABLE audit_entry (
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES command_run(id),
          action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'reveal')),
          table_name TEXT NOT NULL,
          record_id INTEGER,
          before TEXT,
          after TEXT
        );
        CREATE INDEX audit_entry_on_run_id ON audit_entry(run_id);
        CREATE INDEX audit_entry_on_record ON audit_entry(table_name, record_id);
        """)
  }
}
