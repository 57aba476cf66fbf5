#!/usr/bin/env bash
# laogan's benchmarks — not part of `swift test`, because timings on shared machines are noisy.
#
#   bash Benchmarks/run.sh          # scales 1 and 10
#   bash Benchmarks/run.sh 1        # scale 1 only
#
# For each scale it builds the demo (release build) and measures, printing a Markdown table:
#   1. CSV import of the demo's cadres and of 1,000,000 payments: time, rows/s, peak memory and the database
#      file's size after it, against sqlite3 storing the same rows on a copy of the same database in the same
#      run: `.import` into a scratch table, then INSERT … SELECT into the same tables (their indexes and
#      constraints, names resolved by join, 元 turned into 分) — without an audit entry (the target: laogan
#      within 1.5× of it for payments, 2× for cadres), and with the range entries laogan's log writes for an
#      import (for comparison). sqlite3 names no bad line and makes no pinyin keys; laogan does both. The same
#      million payments as an .xlsx (written by openpyxl, when Debian's python3-openpyxl is there), against
#      laogan's own CSV import of them;
#   2. the 323 report for a month and a year, against the same SQL run by sqlite3 (`report 323 --print-sql`);
#      24 months of 党费 for every living member imported (against the same rows stored by sqlite3), and
#      `report dues` for a year and `report dues --owed` on that database;
#   3. `benefit run` for one month;
#   4. roll-up (SPEC §13): the demo split into its nine regions' own files, `report 323 --year 2022 --merge`
#      over them against the same report on the one database; at scale 10 also each region split again into
#      ten files of ~3,000 cadres, the report over those ninety files, with its peak memory;
#   5. the casework lists of SPEC §10 on the demo: 重阳, 光荣在党50年, in hospital, deaths (target: each under
#      0.5 s at scale 10);
#   6. start-up: `laogan --version`;
#   7. where PostgreSQL is installed, the shared database at each scale against the file and psql
#      (Benchmarks/postgres.sh), and nine clerks at once (Benchmarks/nine.sh): both engines in one run.
# Times are the best of several runs where a run is short. Needs sqlite3 and python3 (and psql for 7).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
L="$PWD/.build/release/laogan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure CMD…: prints "seconds peak_kb" of one run; stdout of CMD is discarded.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}
source Benchmarks/timing.sh
# least A B: the smaller of two times, B alone when A is empty.
least() { if [[ -z $1 ]]; then echo "$2"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b < a ? b : a) }'; fi; }
rate() { python3 -c "print(f'{$1/$2:,.0f}')"; }
# mb FILE: its size in MB, after a checkpoint folds its WAL in.
mb() {
  sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.0f}')" "$1"
}
# sizes LAOGAN_DB BASELINE_DB: "laogan MB / baseline MB (ratio)".
sizes() {
  local ours theirs
  ours=$(mb "$1"); theirs=$(mb "$2")
  echo "$ours MB / $theirs MB ($(ratio "$ours" "$theirs"))"
}
# audit_rows TABLE: the SQL that logs the rows of TABLE added since `mark` as laogan's log does: one range entry.
audit_rows() {
  echo "INSERT INTO audit_entry (run_id, action, table_name, record_id, last_record_id)
      SELECT (SELECT MAX(id) FROM command_run), 'insert', '$1', MIN(id), MAX(id)
      FROM $1 WHERE id > (SELECT $1 FROM mark) HAVING COUNT(*) > 0;"
}
# same_rows DB CSV SQL: the "same rows" baseline — CSV into temp.staging, then SQL, with laogan's page cache.
same_rows() {
  measure sqlite3 "$1" "PRAGMA cache_size = -32768" ".mode csv" ".import --schema temp $2 staging" "$3"
}
# cadre_sql EXTRA: the demo's roster stored by SQL, and its memberships; EXTRA runs before the commit.
cadre_sql() {
  echo "BEGIN IMMEDIATE;
    INSERT INTO command_run (operator, ran_at, command) VALUES ('bench', datetime(), 'sqlite3');
    CREATE TEMP TABLE mark AS SELECT (SELECT COALESCE(MAX(id), 0) FROM cadre) AS cadre,
                                     (SELECT COALESCE(MAX(id), 0) FROM membership) AS membership;
    INSERT INTO cadre (name, sex, ethnicity, born_on, resident_id, category, started_work_on, retired_on,
        former_unit, unit_type, former_post, rank, region_code, party_member, joined_party_on, residence,
        resettled_elsewhere, needs_care, phone, emergency_contact, emergency_phone, died_on, note)
      SELECT 姓名, 性别, NULLIF(民族, ''), 出生日期, 身份证号, 类别, NULLIF(参加工作日期, ''),
        NULLIF(离退休日期, ''), NULLIF(原工作单位, ''), NULLIF(原单位性质, ''), NULLIF(原职务, ''),
        NULLIF(职级, ''), 管理地区, 党员 = '是', NULLIF(入党日期, ''), NULLIF(居住地, ''), 异地安置 = '是',
        生活不能自理 = '是', NULLIF(联系电话, ''), NULLIF(紧急联系人, ''), NULLIF(紧急联系电话, ''),
        NULLIF(去世日期, ''), NULLIF(备注, '')
      FROM temp.staging ORDER BY rowid;
    INSERT INTO membership (cadre_id, organization_id)
      SELECT c.id, o.id FROM temp.staging s JOIN cadre c ON c.resident_id = s.身份证号
      JOIN party_organization o ON o.name = s.所在党组织 ORDER BY s.rowid;
    $1
    COMMIT;"
}
# split_part DB CODE PARTS BUCKET OUT: OUT becomes DB's share of region CODE, as a county would keep it
# (Tests/Fixtures/keep-one-region.sql): PARTS 1 keeps the region whole.
split_part() {
  cp "$1" "$5"
  sqlite3 "$5" "CREATE TEMP TABLE keep_region (code TEXT); INSERT INTO keep_region VALUES ('$2');
    CREATE TEMP TABLE keep_part (parts INTEGER, bucket INTEGER); INSERT INTO keep_part VALUES ($3, $4);" \
    ".read Tests/Fixtures/keep-one-region.sql" >/dev/null
}
# payment_sql EXTRA: the million payments stored by SQL.
payment_sql() {
  echo "BEGIN IMMEDIATE;
    INSERT INTO command_run (operator, ran_at, command) VALUES ('bench', datetime(), 'sqlite3');
    CREATE TEMP TABLE mark AS SELECT COALESCE(MAX(id), 0) AS payment FROM payment;
    INSERT INTO payment (cadre_id, item, month, amount_fen)
      SELECT c.id, s.项目, s.所属月份, CAST(round(s.金额 * 100) AS INTEGER)
      FROM temp.staging s JOIN cadre c ON c.resident_id = s.身份证号 ORDER BY s.rowid;
    $1
    COMMIT;"
}

echo "| scale | measure | laogan | same rows by sqlite3 | ratio (target) | same rows + laogan's audit | ratio" \
  "| file: laogan / same rows | peak memory |"
echo "|---|---|---|---|---|---|---|---|---|"
for scale in ${*:-1 10}; do
  demo="$work/demo-$scale.db"
  read -r secs kb < <(measure "$L" demo --db "$demo" --scale "$scale")
  echo "| $scale | demo build | ${secs} s | | | | | $(mb "$demo") MB | $((kb / 1024)) MB |"

  # 1. Import of cadres: the demo's roster exported (revealed) and imported into a fresh database.
  "$L" export organizations --reveal --force --db "$demo" --output "$work/orgs.csv" 2>/dev/null
  "$L" export cadres --reveal --force --db "$demo" --output "$work/cadres.csv" 2>/dev/null
  rows=$(( $(wc -l < "$work/cadres.csv") - 1 ))
  organized="$work/organized-$scale.db"
  "$L" init --db "$organized" 2>/dev/null
  "$L" import organizations "$work/orgs.csv" --db "$organized" >/dev/null 2>&1
  fresh="$work/fresh-$scale.db"
  # A roster imports in about a second, where one run's noise is ±20%: the best of three rounds, each on fresh
  # copies, for laogan and both baselines alike; the peak memory is the largest of laogan's three.
  secs="" kb=0 same="" audited=""
  for _ in 1 2 3; do
    for db in "$fresh" "$work/same-$scale.db" "$work/same-audit-$scale.db"; do cp "$organized" "$db"; done
    read -r run_secs run_kb < <(measure "$L" import cadres "$work/cadres.csv" --db "$fresh")
    read -r run_same _ < <(same_rows "$work/same-$scale.db" "$work/cadres.csv" "$(cadre_sql "")")
    read -r run_audited _ < <(same_rows "$work/same-audit-$scale.db" "$work/cadres.csv" \
      "$(cadre_sql "$(audit_rows cadre) $(audit_rows membership)")")
    secs=$(least "$secs" "$run_secs") same=$(least "$same" "$run_same") audited=$(least "$audited" "$run_audited")
    kb=$(( run_kb > kb ? run_kb : kb ))
  done
  echo "| $scale | import cadres ($rows rows) | ${secs} s, $(rate "$rows" "$secs") rows/s | ${same} s" \
    "| $(ratio "$secs" "$same") | ${audited} s | $(ratio "$secs" "$audited")" \
    "| $(sizes "$fresh" "$work/same-$scale.db") | $((kb / 1024)) MB |"

  # 1. Import of 1,000,000 payments for the demo's cadres (items that do not draw on the hardship fund).
  python3 Benchmarks/payments.py "$work/cadres.csv" "$work/payments.csv"
  cp "$demo" "$work/pay-$scale.db"
  cp "$demo" "$work/same-pay-$scale.db"
  cp "$demo" "$work/same-pay-audit-$scale.db"
  read -r secs kb < <(measure "$L" import payments "$work/payments.csv" --db "$work/pay-$scale.db")
  read -r same _ < <(same_rows "$work/same-pay-$scale.db" "$work/payments.csv" "$(payment_sql "")")
  read -r audited _ < <(same_rows "$work/same-pay-audit-$scale.db" "$work/payments.csv" \
    "$(payment_sql "$(audit_rows payment)")")
  echo "| $scale | import payments (1,000,000 rows) | ${secs} s, $(rate 1000000 "$secs") rows/s | ${same} s" \
    "| $(ratio "$secs" "$same") | ${audited} s | $(ratio "$secs" "$audited")" \
    "| $(sizes "$work/pay-$scale.db" "$work/same-pay-$scale.db") | $((kb / 1024)) MB |"
  # The same million payments as an .xlsx workbook (written by openpyxl's streaming writer: inline strings,
  # amounts as numbers), against laogan importing the CSV above.
  if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
    /usr/bin/python3 - "$work/payments.csv" "$work/payments.xlsx" <<'PY'
import csv, openpyxl, sys
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("发放")
with open(sys.argv[1], encoding="utf-8") as f:
    rows = csv.reader(f)
    sheet.append(next(rows))
    for resident, item, month, amount in rows:
        sheet.append([resident, item, month, float(amount)])
book.save(sys.argv[2])
PY
    cp "$demo" "$work/xlsx-$scale.db"
    read -r xsecs xkb < <(measure "$L" import payments "$work/payments.xlsx" --db "$work/xlsx-$scale.db")
    echo "| $scale | import payments.xlsx (1,000,000 rows) | ${xsecs} s, $(rate 1000000 "$xsecs") rows/s" \
      "| ${secs} s (laogan, same rows as CSV) | $(ratio "$xsecs" "$secs") | | | $(mb "$work/xlsx-$scale.db") MB" \
      "| $((xkb / 1024)) MB |"
  fi

  # 2. The 323 report, against its own SQL run by sqlite3; on the database with the extra million payments.
  for period in "--month 2024-06" "--year 2024"; do
    # shellcheck disable=SC2086
    "$L" report 323 $period --print-sql --db "$work/pay-$scale.db" > "$work/report.sql"
    # shellcheck disable=SC2086
    ours=$(best 5 "$L" report 323 $period --db "$work/pay-$scale.db")
    raw=$(best 5 sqlite3 "$work/pay-$scale.db" ".read $work/report.sql")
    echo "| $scale | report 323 $period | ${ours} s | ${raw} s (its SQL) | $(ratio "$ours" "$raw") | | | | |"
  done

  # 2. 24 months of 党费 (2024-01 … 2025-12) for every member alive on the demo's last day, then the dues reports.
  sqlite3 -csv -header "$demo" "SELECT resident_id AS 身份证号 FROM cadre WHERE party_member = 1 AND died_on IS NULL" \
    > "$work/members.csv"
  python3 - "$work/members.csv" "$work/dues.csv" <<'PY'
import csv, random, sys
random.seed(11)
with open(sys.argv[1], encoding="utf-8") as f:
    ids = [row["身份证号"] for row in csv.DictReader(f)]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("身份证号,所属月份,金额\n")
    for month in range(24):
        for rid in ids:
            if random.random() < 0.02:
                continue
            out.write(f"{rid},{2024 + month // 12}-{1 + month % 12:02d},{random.choice([5, 10, 15, 20])}.00\n")
PY
  dues_rows=$(( $(wc -l < "$work/dues.csv") - 1 ))
  cp "$demo" "$work/dues-$scale.db"
  cp "$demo" "$work/same-dues-$scale.db"
  read -r secs kb < <(measure "$L" import dues "$work/dues.csv" --db "$work/dues-$scale.db")
  read -r same _ < <(same_rows "$work/same-dues-$scale.db" "$work/dues.csv" "
    BEGIN IMMEDIATE;
    INSERT INTO dues_payment (cadre_id, month, amount_fen)
      SELECT c.id, s.所属月份, CAST(round(s.金额 * 100) AS INTEGER)
      FROM temp.staging s JOIN cadre c ON c.resident_id = s.身份证号 ORDER BY s.rowid;
    COMMIT;")
  echo "| $scale | import dues ($dues_rows rows) | ${secs} s, $(rate "$dues_rows" "$secs") rows/s | ${same} s" \
    "| $(ratio "$secs" "$same") | | | $(sizes "$work/dues-$scale.db" "$work/same-dues-$scale.db") | $((kb / 1024)) MB |"
  for dues in "--year 2025" "--owed --on 2025-12"; do
    # shellcheck disable=SC2086
    read -r secs kb < <(measure "$L" report dues $dues --db "$work/dues-$scale.db")
    echo "| $scale | report dues $dues | ${secs} s | | | | | | $((kb / 1024)) MB |"
  done

  # 2. cadre find, typed and retyped at a terminal: the best of five, for initials, a whole reading, a
  #    surname's first letters and characters (the target: under 50 ms at scale 10, process start included).
  for query in zsf daichangsheng wangg 张; do
    secs=$(best 5 "$L" cadre find "$query" --limit 20 --no-pager --db "$demo")
    echo "| $scale | cadre find $query | ${secs} s | | | | | | |"
  done

  # 2. A branch's Party life over the demo's meetings (the target: each under 1 s at scale 10).
  for words in "party-life --year 2022" "absent --on 2023-06-12"; do
    # shellcheck disable=SC2086
    secs=$(best 3 "$L" report $words --no-pager --db "$demo")
    echo "| $scale | report $words | ${secs} s | | | | | | |"
  done

  # 2. Services: the month's birthdays by either calendar, who is abroad, the 老年大学's term (the target:
  #    each under 0.5 s at scale 10).
  for words in "birthdays --month 2023-06" "abroad --on 2023-06-12" "university --term 2023年春季"; do
    # shellcheck disable=SC2086
    secs=$(best 3 "$L" report $words --no-pager --db "$demo")
    echo "| $scale | report $words | ${secs} s | | | | | | |"
  done

  # 3. benefit run for a month after the demo's last one.
  cp "$demo" "$work/run-$scale.db"
  read -r secs kb < <(measure "$L" benefit run --month 2023-07 --db "$work/run-$scale.db")
  echo "| $scale | benefit run --month 2023-07 | ${secs} s | | | | | | $((kb / 1024)) MB |"

  # 4. Roll-up: each region's own file, then (scale 10) each region's file split in ten.
  mkdir -p "$work/regions-$scale" "$work/ninety-$scale"
  codes=$(sqlite3 "$demo" "SELECT code FROM region ORDER BY code")
  for code in $codes; do split_part "$demo" "$code" 1 0 "$work/regions-$scale/$code.db"; done
  one=$(best 5 "$L" report 323 --year 2022 --db "$demo")
  merged=$(best 5 "$L" report 323 --year 2022 --merge "$work/regions-$scale"/*.db)
  echo "| $scale | report 323 --year 2022 --merge the 9 regions' files | ${merged} s | ${one} s (one database)" \
    "| $(ratio "$merged" "$one") | | | | |"
  if (( scale >= 10 )); then
    for code in $codes; do
      for part in 0 1 2 3 4 5 6 7 8 9; do
        split_part "$work/regions-$scale/$code.db" "$code" 10 "$part" "$work/ninety-$scale/$code-$part.db"
      done
    done
    cadres=$(for f in "$work/ninety-$scale"/*.db; do sqlite3 "$f" "SELECT COUNT(*) FROM cadre"; done | sort -n | sed -n '1p;$p' | paste -sd-)
    best 3 "$L" report 323 --year 2022 --merge "$work/ninety-$scale"/*.db >/dev/null
    read -r secs kb < <(measure "$L" report 323 --year 2022 --merge "$work/ninety-$scale"/*.db)
    echo "| $scale | report 323 --year 2022 --merge 90 files ($cadres cadres each) | ${secs} s | | | | | |" \
      "$((kb / 1024)) MB |"
  fi
  rm -rf "$work/regions-$scale" "$work/ninety-$scale"

  # 5. The year's lists and the day's casework on the demo.
  for list in "chongyang --year 2023" "party-50 --year 2023" "in-hospital --on 2023-06-12" "deaths --year 2023"; do
    # shellcheck disable=SC2086
    secs=$(best 3 "$L" report $list --db "$demo")
    echo "| $scale | report $list | ${secs} s | | | | | | |"
  done
done

# 6. Start-up.
echo "| – | laogan --version | $(best 20 "$L" --version) s | $(best 20 sqlite3 --version) s (sqlite3 --version)" \
  "| | | | | |"

# 7. The shared database, where a server is installed.
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  for scale in ${*:-1 10}; do
    echo
    echo "PostgreSQL, scale $scale:"
    bash Benchmarks/postgres.sh "$scale"
  done
  echo
  bash Benchmarks/nine.sh
else
  echo
  echo "PostgreSQL is not installed (apt-get install postgresql): the shared database's benchmarks were left out."
fi
