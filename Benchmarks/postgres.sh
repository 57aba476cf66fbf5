#!/usr/bin/env bash
# The shared database (SPEC §15) against the file, on the demo: not part of `swift test` (timings are noisy).
#
#   bash Benchmarks/postgres.sh        # scale 1
#   bash Benchmarks/postgres.sh 10     # scale 10
#
# Starts a throwaway PostgreSQL cluster (Benchmarks/cluster.sh), builds the demo (release build) and
# measures, as a Markdown table:
#   1. `laogan copy` of the demo file into an empty shared database, with its peak memory; the million payments
#      of Benchmarks/payments.py imported into a copy of it, against psql storing the same rows in another copy
#      (`\copy` into a temporary table, then one INSERT … SELECT joining cadres by 身份证号) — the target:
#      within 1.5× of psql, peak memory under 150 MB — and a check that both hold the same rows;
#   2. the 323 report for a year on the file and on the shared database, against its SQL
#      (`report 323 --print-sql`, spelled for each engine) run by sqlite3 and by psql;
#   3. the casework lists and the yearly tables on both engines;
# then checks that every report it ran printed the same bytes on both (times aside). Needs sqlite3 and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
swift build -c release >/dev/null
L="$PWD/.build/release/laogan"
source Benchmarks/cluster.sh
"$bin/psql" -X -q -h "$work" -U laogan -d postgres -c "CREATE DATABASE demo"
shared="postgresql://laogan@/demo?host=$work"
file="$work/demo.db"

source Benchmarks/timing.sh

"$L" demo --db "$file" --scale "$scale" >/dev/null
/usr/bin/time -f "%e %M" -o "$work/time" "$L" init --db "$shared" 2>/dev/null
/usr/bin/time -f "%e %M" -o "$work/time" "$L" copy "$file" "$shared" 2>/dev/null
read -r copied peak <"$work/time"
"$bin/psql" -X -q -h "$work" -U laogan -d demo -c "VACUUM ANALYZE" 2>/dev/null
rows=$(sqlite3 "$file" "SELECT (SELECT count(*) FROM cadre) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM dues_payment) + (SELECT count(*) FROM audit_entry)")

echo "| scale $scale | on the file | on PostgreSQL | ratio | its SQL by sqlite3 / psql | laogan on PostgreSQL ÷ psql |"
echo "|---|---|---|---|---|---|"
echo "| copy the demo in ($rows rows of cadres, payments, 党费 and audit) | | ${copied} s, peak $((peak / 1024)) MB | | | |"

"$L" export cadres --reveal --force --db "$file" --output "$work/cadres.csv" 2>/dev/null
python3 Benchmarks/payments.py "$work/cadres.csv" "$work/payments.csv"
for copy in imported baseline; do
  "$bin/psql" -X -q -h "$work" -U laogan -d postgres -c "CREATE DATABASE $copy TEMPLATE demo"
done
/usr/bin/time -f "%e %M" -o "$work/time" \
  "$L" import payments "$work/payments.csv" --db "postgresql://laogan@/imported?host=$work" >/dev/null 2>&1
read -r imported peak <"$work/time"
cat >"$work/baseline.sql" <<SQL
BEGIN;
INSERT INTO command_run (operator, ran_at, command) VALUES ('bench', now()::text, 'psql');
CREATE TEMPORARY TABLE staging (resident_id text, item text, month text, amount numeric) ON COMMIT DROP;
\\copy staging FROM '$work/payments.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO payment (cadre_id, item, month, amount_fen)
  SELECT c.id, s.item, s.month, round(s.amount * 100)::bigint FROM staging s JOIN cadre c ON c.resident_id = s.resident_id;
COMMIT;
SQL
start=$(date +%s%N)
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -U laogan -d baseline -f "$work/baseline.sql"
baseline=$(python3 -c "print(f'{($(date +%s%N) - $start) / 1e9:.2f}')")
echo "| import payments (1,000,000 rows) | | ${imported} s, peak $((peak / 1024)) MB | | psql: ${baseline} s | $(ratio "$imported" "$baseline") |"
payments="SELECT count(*), sum(amount_fen), sum(cadre_id), count(DISTINCT (cadre_id, item, month)) FROM payment"
for copy in imported baseline; do
  "$bin/psql" -X -q -A -t -h "$work" -U laogan -d "$copy" -c "$payments" >"$work/payments-$copy"
done
cmp -s "$work/payments-imported" "$work/payments-baseline" || { echo "DIFFERENT: the payments imported" >&2; exit 1; }
"$L" report 323 --year 2022 --print-sql --db "$file" >"$work/sqlite.sql"
"$L" report 323 --year 2022 --print-sql --db "$shared" >"$work/postgres.sql"
on_file=$(best 5 "$L" report 323 --year 2022 --db "$file")
on_server=$(best 5 "$L" report 323 --year 2022 --db "$shared")
by_sqlite=$(best 5 sqlite3 "$file" ".read $work/sqlite.sql")
by_psql=$(best 5 "$bin/psql" -X -q -h "$work" -U laogan -d demo -f "$work/postgres.sql")
echo "| report 323 --year 2022 | ${on_file} s | ${on_server} s | $(ratio "$on_server" "$on_file") | ${by_sqlite} s / ${by_psql} s | $(ratio "$on_server" "$by_psql") |"
reports=(
  "report 323 --year 2022 --by-region" "report chongyang --year 2023" "report party-50 --year 2023"
  "report deaths --year 2022" "report basic --year 2022" "report roster --year 2022" "report dues --year 2022"
  "report dues --owed --on 2023-06" "report birthdays --month 2023-06" "report visits-due --month 2023-06"
  "report party-life --year 2022" "check"
)
differ=0
for report in "${reports[@]}"; do
  # shellcheck disable=SC2086
  on_file=$(best 3 "$L" $report --db "$file" || true)
  # shellcheck disable=SC2086
  on_server=$(best 3 "$L" $report --db "$shared")
  echo "| $report | ${on_file} s | ${on_server} s | $(ratio "$on_server" "$on_file") | | |"
  for db in "$file" "$shared"; do
    # shellcheck disable=SC2086
    { "$L" $report --db "$db" 2>&1 || true; } | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?/TIME/g' >"$work/out-$([[ $db == "$file" ]] && echo file || echo server)"
  done
  cmp -s "$work/out-file" "$work/out-server" || { echo "DIFFERENT: $report" >&2; differ=1; }
done
[[ $differ == 0 ]] && echo && echo "Every report above printed the same bytes on both engines (times aside)."
exit $differ
