-- The current laogan schema, as the migrations build it (kept equal by DatabaseTests).

CREATE TABLE "activity" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE "association" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  category TEXT NOT NULL CHECK (category IN ('书画', '摄影', '诗词', '楹联', '歌舞', '老年体协', '其他')),
  region_code TEXT NOT NULL REFERENCES region(code),
  established_on TEXT,
  dissolved_on TEXT,
  leader TEXT,
  voided_reason TEXT
);

CREATE TABLE "association_member" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  association_id INTEGER NOT NULL REFERENCES association(id),
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  joined_on TEXT,
  left_on TEXT
);

CREATE TABLE "audit_entry" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES command_run(id),
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'reveal')),
  table_name TEXT NOT NULL,
  record_id INTEGER,
  before TEXT,
  after TEXT
, last_record_id INTEGER
  CHECK (last_record_id IS NULL OR (action = 'insert' AND last_record_id >= record_id)));

CREATE TABLE "benefit_rule" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item TEXT NOT NULL CHECK (item IN ('特需费', '生活费', '高龄补贴', '遗属补助')),
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

CREATE TABLE "cadre" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
, party_status TEXT CHECK (party_status IN ('正常', '流动', '失联')), away_to TEXT, resettled_to TEXT, resettlement_scope TEXT CHECK (resettlement_scope IN ('省内', '省外')), death_cause TEXT, farewell TEXT, lunar_birthday INTEGER NOT NULL DEFAULT 0 CHECK (lunar_birthday IN (0, 1)));

CREATE VIRTUAL TABLE cadre_search USING fts5(
  search_keys, content = 'cadre', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0',
  prefix = '1 2'
);

CREATE TABLE "command_run" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  operator TEXT NOT NULL,
  ran_at TEXT NOT NULL,
  command TEXT NOT NULL,
  undone_by INTEGER REFERENCES command_run(id)
);

CREATE TABLE "contribution" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  done_on TEXT NOT NULL,
  area TEXT NOT NULL CHECK (area IN ('宣传政策', '传播文化', '化解矛盾纠纷', '关心下一代', '乡村振兴', '社会治理', '文明城市')),
  advantage TEXT NOT NULL CHECK (advantage IN ('政治', '经验', '威望')),
  title TEXT NOT NULL CHECK (title <> ''),
  region_code TEXT NOT NULL REFERENCES region(code),
  person_times INTEGER CHECK (person_times >= 0),
  outcome TEXT,
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

CREATE TABLE dues_payment (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  paid_on TEXT,
  voided_reason TEXT
);

CREATE TABLE dues_standard (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  monthly_fen INTEGER NOT NULL CHECK (monthly_fen > 0),
  voided_reason TEXT
);

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

CREATE TABLE "fund_entry" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entered_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('拨入', '支出')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  reason TEXT,
  voided_reason TEXT
);

CREATE TABLE "green_card" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  card_number TEXT NOT NULL UNIQUE CHECK (card_number <> ''),
  issued_on TEXT NOT NULL,
  expires_on TEXT,
  voided_reason TEXT
);

CREATE TABLE "health_check" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  checked_on TEXT NOT NULL,
  voided_reason TEXT
);

CREATE TABLE "honor" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  awarded_on TEXT NOT NULL,
  title TEXT NOT NULL CHECK (title <> ''),
  level TEXT NOT NULL CHECK (level IN ('国家级', '省级', '州级', '县级')),
  region_code TEXT NOT NULL REFERENCES region(code),
  cadre_id INTEGER REFERENCES cadre(id),
  collective_name TEXT,
  voided_reason TEXT,
  CHECK ((cadre_id IS NULL) <> (collective_name IS NULL))
);

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

CREATE TABLE imported_file (
  kind TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES command_run(id),
  PRIMARY KEY (kind, sha256)
);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  organization_id INTEGER NOT NULL REFERENCES party_organization(id),
  held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('支部党员大会', '支委会', '党小组会', '党课', '主题党日')),
  topic TEXT,
  voided_reason TEXT
);

CREATE TABLE "membership" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  organization_id INTEGER NOT NULL REFERENCES party_organization(id),
  joined_on TEXT,
  left_on TEXT CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
);

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

CREATE TABLE participant (
  event_table TEXT NOT NULL CHECK (event_table IN ('activity', 'treatment_event', 'contribution', 'meeting', 'meeting_leave')),
  event_id INTEGER NOT NULL,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  PRIMARY KEY (event_table, event_id, cadre_id)
) WITHOUT ROWID;

CREATE TABLE "party_organization" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('党委', '党总支', '党支部')),
  region_code TEXT NOT NULL REFERENCES region(code),
  off_site INTEGER NOT NULL DEFAULT 0 CHECK (off_site IN (0, 1)),
  located_in TEXT,
  model_level TEXT NOT NULL DEFAULT '无' CHECK (model_level IN ('州级', '县级', '无')),
  named_on TEXT,
  established_on TEXT,
  dissolved_on TEXT,
  voided_reason TEXT
, elected_on TEXT);

CREATE TABLE "payment" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  item TEXT NOT NULL CHECK (item IN ('特需费', '医疗补助费', '生活费', '高龄补贴', '困难帮扶', '丧葬费', '一次性抚恤金', '遗属补助')),
  month TEXT CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  paid_on TEXT,
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  note TEXT,
  rule_id INTEGER REFERENCES benefit_rule(id),
  voided_reason TEXT,
  counted_on TEXT GENERATED ALWAYS AS (COALESCE(month || '-01', paid_on)) STORED, recipient_id INTEGER REFERENCES family_member(id),
  CHECK (month IS NOT NULL OR paid_on IS NOT NULL)
);

CREATE TABLE pension (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  monthly_fen INTEGER NOT NULL CHECK (monthly_fen > 0),
  voided_reason TEXT
);

CREATE TABLE permit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id INTEGER NOT NULL REFERENCES cadre(id),
  kind TEXT NOT NULL CHECK (kind IN ('护照', '往来港澳通行证', '往来台湾通行证')),
  number TEXT NOT NULL UNIQUE CHECK (number <> ''),
  issued_on TEXT,
  valid_until TEXT NOT NULL CHECK (issued_on IS NULL OR valid_until >= issued_on),
  voided_reason TEXT
);

CREATE TABLE permit_loan (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  permit_id INTEGER NOT NULL REFERENCES permit(id),
  trip_id INTEGER REFERENCES trip(id),
  lent_on TEXT NOT NULL,
  returned_on TEXT CHECK (returned_on IS NULL OR returned_on >= lent_on)
);

CREATE TABLE region (
  code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6),
  name TEXT NOT NULL UNIQUE,
  short_name TEXT NOT NULL UNIQUE
);

CREATE TABLE term (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  voided_reason TEXT
);

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

CREATE TABLE "treatment_event" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('阅读文件', '参加会议活动', '参观学习', '情况通报', '征订党刊党报', '走访慰问')),
  title TEXT NOT NULL CHECK (title <> ''),
  region_code TEXT NOT NULL REFERENCES region(code),
  occasion TEXT CHECK (occasion IN ('生日看望', '住院看望', '节日慰问', '日常走访', '异地安置人员慰问', '遗属慰问')),
  person_times INTEGER CHECK (person_times >= 0),
  visitors TEXT,
  voided_reason TEXT
, gift_amount_fen INTEGER CHECK (gift_amount_fen > 0), gifts TEXT);

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

CREATE TABLE "venue" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('老年大学', '老干部活动中心', '五老工作室', '银龄志愿服务队', '网络平台')),
  region_code TEXT NOT NULL REFERENCES region(code),
  open_to_public INTEGER NOT NULL DEFAULT 0 CHECK (open_to_public IN (0, 1)),
  established_on TEXT,
  dissolved_on TEXT,
  voided_reason TEXT
);

CREATE INDEX activity_on_held_on ON activity(held_on);

CREATE TRIGGER activity_participants_go_with_it AFTER DELETE ON activity BEGIN
  DELETE FROM participant WHERE event_table = 'activity' AND event_id = OLD.id;
END;

CREATE UNIQUE INDEX association_member_current ON association_member(association_id, cadre_id)
  WHERE left_on IS NULL;

CREATE INDEX association_member_on_cadre_id ON association_member(cadre_id);

CREATE INDEX audit_entry_on_record ON audit_entry(table_name, record_id);

CREATE INDEX audit_entry_on_run_id ON audit_entry(run_id);

CREATE INDEX cadre_on_name ON cadre(name);

CREATE INDEX cadre_on_region_code ON cadre(region_code);

CREATE TRIGGER cadre_search_on_delete AFTER DELETE ON cadre BEGIN
  INSERT INTO cadre_search (cadre_search, rowid, search_keys) VALUES ('delete', old.id, old.search_keys);
END;

CREATE TRIGGER cadre_search_on_insert AFTER INSERT ON cadre BEGIN
  INSERT INTO cadre_search (rowid, search_keys) VALUES (new.id, new.search_keys);
END;

CREATE TRIGGER cadre_search_on_update AFTER UPDATE OF search_keys ON cadre BEGIN
  INSERT INTO cadre_search (cadre_search, rowid, search_keys) VALUES ('delete', old.id, old.search_keys);
  INSERT INTO cadre_search (rowid, search_keys) VALUES (new.id, new.search_keys);
END;

CREATE INDEX contribution_on_done_on ON contribution(done_on);

CREATE TRIGGER contribution_participants_go_with_it AFTER DELETE ON contribution BEGIN
  DELETE FROM participant WHERE event_table = 'contribution' AND event_id = OLD.id;
END;

CREATE INDEX course_on_term_id ON course(term_id);

CREATE INDEX dues_payment_by_month ON dues_payment(month, cadre_id, amount_fen) WHERE voided_reason IS NULL;

CREATE INDEX dues_payment_on_cadre_id ON dues_payment(cadre_id, month);

CREATE INDEX dues_standard_on_cadre_id ON dues_standard(cadre_id, from_month);

CREATE INDEX enrolment_on_cadre_id ON enrolment(cadre_id);

CREATE INDEX enrolment_on_course_id ON enrolment(course_id, waiting, enrolled_on);

CREATE INDEX family_member_on_cadre_id ON family_member(cadre_id);

CREATE UNIQUE INDEX family_member_on_family_key ON family_member(family_key);

CREATE INDEX green_card_on_cadre_id ON green_card(cadre_id);

CREATE INDEX health_check_on_cadre_id ON health_check(cadre_id);

CREATE INDEX health_check_on_checked_on ON health_check(checked_on);

CREATE INDEX honor_on_awarded_on ON honor(awarded_on);

CREATE INDEX honor_on_cadre_id ON honor(cadre_id) WHERE cadre_id IS NOT NULL;

CREATE INDEX hospital_stay_on_admitted_on ON hospital_stay(admitted_on) WHERE voided_reason IS NULL;

CREATE INDEX hospital_stay_on_cadre_id ON hospital_stay(cadre_id, admitted_on);

CREATE INDEX meeting_on_organization_id ON meeting(organization_id, held_on);

CREATE TRIGGER meeting_participants_go_with_it AFTER DELETE ON meeting BEGIN
  DELETE FROM participant WHERE event_table IN ('meeting', 'meeting_leave') AND event_id = OLD.id;
END;

CREATE UNIQUE INDEX membership_current ON membership(cadre_id) WHERE left_on IS NULL;

CREATE INDEX membership_on_cadre_id ON membership(cadre_id);

CREATE INDEX membership_on_organization_id ON membership(organization_id);

CREATE INDEX notice_recipient_on_cadre_id ON notice_recipient(cadre_id);

CREATE INDEX officer_on_cadre_id ON officer(cadre_id);

CREATE INDEX officer_on_organization_id ON officer(organization_id, post);

CREATE INDEX participant_on_cadre_id ON participant(cadre_id);

CREATE INDEX party_organization_on_region_code ON party_organization(region_code);

CREATE INDEX payment_counted ON payment(item, counted_on, cadre_id, amount_fen) WHERE voided_reason IS NULL;

CREATE INDEX payment_on_cadre_item_month ON payment(cadre_id, item, month);

CREATE INDEX payment_on_counted_on ON payment(counted_on, item);

CREATE INDEX payment_on_recipient_id ON payment(recipient_id) WHERE recipient_id IS NOT NULL;

CREATE INDEX pension_on_cadre_id ON pension(cadre_id, from_month);

CREATE INDEX permit_loan_on_trip_id ON permit_loan(trip_id);

CREATE UNIQUE INDEX permit_loan_open ON permit_loan(permit_id) WHERE returned_on IS NULL;

CREATE INDEX permit_on_cadre_id ON permit(cadre_id);

CREATE INDEX permit_on_valid_until ON permit(valid_until) WHERE voided_reason IS NULL;

CREATE UNIQUE INDEX transfer_on_cadre_id ON transfer(cadre_id, transferred_on) WHERE voided_reason IS NULL;

CREATE INDEX treatment_event_on_held_on ON treatment_event(held_on);

CREATE TRIGGER treatment_event_participants_go_with_it AFTER DELETE ON treatment_event BEGIN
  DELETE FROM participant WHERE event_table = 'treatment_event' AND event_id = OLD.id;
END;

CREATE INDEX trip_on_cadre_id ON trip(cadre_id, departed_on);

CREATE INDEX trip_on_departed_on ON trip(departed_on) WHERE voided_reason IS NULL;

CREATE INDEX trip_on_permit_id ON trip(permit_id);
