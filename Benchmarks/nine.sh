#!/usr/bin/env bash
# Nine clerks at once on one shared database (SPEC §15): not part of `swift test` (timings are noisy).
#
#   bash Benchmarks/nine.sh
#
# The scale-1 demo's roster split into its nine regions (without their branches, which an empty database
# lacks), and a million payments among them (Benchmarks/payments.py, each region's share by its cadres).
# Two empty shared databases on a throwaway cluster (Benchmarks/cluster.sh):
#   1. one process imports the nine regions' rosters and payments, one file after another;
#   2. nine processes, one a region, each import its roster and then its payments, all at once, while a
#      tenth runs `report 323 --by-region` every second.
# Then checks that every command succeeded, that both databases hold the same cadres and the same payments
# (every row once), and that no report saw half an import: each region's cadres and payments in every report
# are none, its roster alone, or its roster and all its payments. Prints the times, the server's refusals of
# a transaction that the clerks' commands retried (serialization failures and deadlocks, from its log), and
# the reports run. Needs python3 and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
L="$PWD/.build/release/laogan"
source Benchmarks/cluster.sh

"$L" demo --db "$work/demo.db" >/dev/null
"$L" export cadres --reveal --force --db "$work/demo.db" --output "$work/cadres.csv" 2>/dev/null
python3 - "$work" <<'PY'
import csv, subprocess, sys
work = sys.argv[1]
with open(f"{work}/cadres.csv", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
dropped = {"所在党组织", "党员状态", "外出流向"}
fields = [name for name in rows[0] if name not in dropped]
regions = sorted({row["管理地区"] for row in rows})
for code in regions:
    mine = [row for row in rows if row["管理地区"] == code]
    with open(f"{work}/{code}-cadres.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(mine)
    share = round(1_000_000 * len(mine) / len(rows))
    subprocess.run(["python3", "Benchmarks/payments.py", f"{work}/{code}-cadres.csv", f"{work}/{code}-payments.csv",
                    str(share)], check=True)
print(" ".join(regions), file=open(f"{work}/regions", "w"))
PY
read -r -a regions <"$work/regions"
for db in one nine; do
  sql postgres -c "CREATE DATABASE $db"
  "$L" init --db "postgresql://laogan@/$db?host=$work" 2>/dev/null
done

# A region's roster, then its payments, into a database; its outcome in $work/status-DB-CODE.
region() {
  local db=$1 code=$2 address="postgresql://laogan@/$1?host=$work"
  if "$L" import cadres "$work/$code-cadres.csv" --db "$address" >/dev/null 2>"$work/err-$db-$code" &&
    "$L" import payments "$work/$code-payments.csv" --db "$address" >/dev/null 2>>"$work/err-$db-$code"; then
    echo 0 >"$work/status-$db-$code"
  else
    echo 1 >"$work/status-$db-$code"
  fi
}
refusals() { grep -cE "could not serialize access|deadlock detected" "$work/log" || true; }

start=$(date +%s%N)
for code in "${regions[@]}"; do region one "$code"; done
alone=$(python3 -c "print(f'{($(date +%s%N) - $start) / 1e9:.1f}')")

before=$(refusals)
mkdir "$work/reports"
(
  n=0
  while [[ ! -e $work/done ]]; do
    n=$((n + 1))
    "$L" report 323 --year 2025 --by-region --format json --db "postgresql://laogan@/nine?host=$work" \
      >"$work/reports/$n.json" 2>"$work/reports/$n.err" || echo "$n" >>"$work/reports/failed"
    sleep 1
  done
) &
reporter=$!
start=$(date +%s%N)
pids=()
for code in "${regions[@]}"; do region nine "$code" & pids+=($!); done
wait "${pids[@]}"
together=$(python3 -c "print(f'{($(date +%s%N) - $start) / 1e9:.1f}')")
touch "$work/done"
wait "$reporter"
retried=$(($(refusals) - before))
# The last report, after every import: each region's final figures.
"$L" report 323 --year 2025 --by-region --format json --db "postgresql://laogan@/nine?host=$work" \
  >"$work/reports/final.json"

failed=0
for code in "${regions[@]}"; do
  for db in one nine; do
    if [[ $(cat "$work/status-$db-$code") != 0 ]]; then
      echo "FAILED: $db $code: $(cat "$work/err-$db-$code")" >&2
      failed=1
    fi
  done
done
[[ ! -e $work/reports/failed ]] || { echo "FAILED: reports $(tr '\n' ' ' <"$work/reports/failed")" >&2; failed=1; }
rows="SELECT count(*), md5(string_agg(c.resident_id || p.item || p.month || p.amount_fen, ',' ORDER BY c.resident_id, p.item, p.month, p.amount_fen))
      FROM payment p JOIN cadre c ON c.id = p.cadre_id"
cadres="SELECT count(*), md5(string_agg(resident_id || name || region_code, ',' ORDER BY resident_id)) FROM cadre"
for query in "$rows" "$cadres"; do
  if [[ $(sql one -c "$query") != $(sql nine -c "$query") ]]; then
    echo "DIFFERENT: $query" >&2
    failed=1
  fi
done
read -r payments cadre_count <<<"$(sql nine -c "SELECT (SELECT count(*) FROM payment), (SELECT count(*) FROM cadre)" | tr '|' ' ')"
halves=$(python3 - "$work/reports" <<'PY'
import glob, json, sys
folder = sys.argv[1]
final = json.load(open(f"{folder}/final.json"))["indicators"]
cadres = "construction.political.cadres"
amounts = [key for key in final if key.startswith("treatment.living.") and key.endswith(".amount_fen")]
def state(indicators, region):
    return (indicators[cadres]["by_region"][region], sum(indicators[key]["by_region"][region] for key in amounts))
halves = 0
for path in glob.glob(f"{folder}/[0-9]*.json"):
    seen = json.load(open(path))["indicators"]
    for region in final[cadres]["by_region"]:
        roster, paid = state(final, region)
        if state(seen, region) not in [(0, 0), (roster, 0), (roster, paid)]:
            print(f"{path}: {region} {state(seen, region)}", file=sys.stderr)
            halves += 1
print(halves)
PY
)
reports=$(ls "$work/reports" | grep -c '^[0-9]*\.json$')
[[ $halves == 0 ]] || failed=1

echo "| nine regions: $cadre_count cadres, $payments payments | elapsed | the server's refusals, retried |"
echo "|---|---|---|"
echo "| one process, the nine regions one after another | ${alone} s | |"
echo "| nine processes at once, a tenth running report 323 every second | ${together} s | $retried |"
echo
echo "$reports reports of 323 by region ran during the nine imports; $halves saw a region's import half done."
[[ $failed == 0 ]] && echo "Every command succeeded; both databases hold the same cadres and the same payments."
exit $failed
