#!/usr/bin/env bash
# Attacks on laogan's files, as a clerk's machine meets them — not part of `swift test`, because they need
# root (a small tmpfs, a read-only mount) and take minutes. Each attack prints one line, PASS or FAIL, and the
# script exits non-zero if any failed.
#
#   sudo bash Benchmarks/attack.sh          # every attack
#   sudo bash Benchmarks/attack.sh kill     # one of: kill, disk, corrupt, readonly, clerks
#
# kill      kill -9 during an import, a backup and a restore, many times at random moments: afterwards the
#           database is either as before or as after (never a third state, never a 0-byte or unreadable file),
#           `check` passes, and no half-written backup carries the real name.
# disk      backup and import onto a 4 MB tmpfs that fills: 磁盘已满 with the folder, no file left behind, the
#           next backup to a roomier place works, the database unchanged.
# corrupt   19 copies of a roster's database, each with the start of one page scribbled over: `check` exits 2 with database_damaged
#           (never 0, never SQLite's English), `backup` refuses, and a write says 数据库文件损坏.
# readonly  the database on a read-only bind mount: lists and reports work, a write says 只读.
# clerks    two clerks at once: imports, edits and undos from two processes, no "database is locked", and two
#           undos shown the same command revert it once.
set -uo pipefail
cd "$(dirname "$0")/.."
swift build >/dev/null || exit 1
L="$PWD/.build/debug/laogan"
WORK=$(mktemp -d /tmp/laogan-attack.XXXXXX)
trap 'umount "$WORK/small" "$WORK/ro" 2>/dev/null; rm -rf "$WORK"' EXIT
FAILED=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=1; }
export LAOGAN_OPERATOR=attack

# A roster of N cadres with valid 身份证号 (born 1940–1959 in 兴义), and a payment file for them.
roster() {
  python3 - "$1" <<'EOF'
import sys
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print("姓名,身份证号,类别,管理地区")
for i in range(int(sys.argv[1])):
    body = "522301%04d%02d%02d%03d" % (1940 + i % 20, 1 + i % 12, 1 + i % 28, i // 240 % 1000)
    print("干部%d,%s%s,退休,兴义" % (i, body, "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]))
EOF
}
# database FILE N: a new laogan database holding a roster of N cadres, the roster beside it as FILE.csv.
database() {
  roster "$2" >"$1.csv"
  "$L" init --db "$1" >/dev/null 2>&1
  "$L" import cadres "$1.csv" --db "$1" >/dev/null 2>&1
}
count() { "$L" cadre list --format csv --db "$1" 2>/dev/null | tail -n +2 | wc -l; }

attack_kill() {
  local db="$WORK/kill.db" file="$WORK/roster.csv" bad=0
  roster 20000 >"$file"
  "$L" init --db "$db" >/dev/null 2>&1
  for round in $(seq 1 15); do
    "$L" import cadres "$file" --db "$db" --update >/dev/null 2>&1 &
    sleep "0.$((RANDOM % 9 + 1))"
    kill -9 $! 2>/dev/null; wait $! 2>/dev/null
    n=$(count "$db")
    [[ "$n" == 0 || "$n" == 20000 ]] || { echo "  import round $round left $n cadres"; bad=1; }
    "$L" check --db "$db" >/dev/null 2>&1 || { echo "  import round $round: check exit $?"; bad=1; }
  done
  "$L" import cadres "$file" --db "$db" --update >/dev/null 2>&1
  for round in $(seq 1 15); do
    rm -f "$WORK/copy.db"
    "$L" backup "$WORK/copy.db" --db "$db" >/dev/null 2>&1 &
    sleep "0.0$((RANDOM % 9 + 1))"
    kill -9 $! 2>/dev/null; wait $! 2>/dev/null
    if [[ -e "$WORK/copy.db" ]] && [[ $(count "$WORK/copy.db") != 20000 ]]; then
      echo "  backup round $round: copy.db exists and is not whole"; bad=1
    fi
    rm -f "$WORK"/.copy.db.*
  done
  "$L" backup "$WORK/whole.db" --db "$db" >/dev/null 2>&1
  for round in $(seq 1 15); do
    "$L" restore "$WORK/whole.db" --yes --db "$db" >/dev/null 2>&1 &
    sleep "0.0$((RANDOM % 9 + 1))"
    kill -9 $! 2>/dev/null; wait $! 2>/dev/null
    [[ -s "$db" ]] || { echo "  restore round $round left an empty file"; bad=1; }
    [[ $(count "$db") == 20000 ]] || { echo "  restore round $round: database not whole"; bad=1; }
    "$L" check --db "$db" >/dev/null 2>&1 || { echo "  restore round $round: check fails"; bad=1; }
  done
  ((bad)) && fail "kill -9 during import, backup and restore" || pass "kill -9 during import, backup and restore (45 kills)"
}

attack_disk() {
  local db="$WORK/disk.db" small="$WORK/small" bad=0
  mkdir -p "$small"
  mount -t tmpfs -o size=4m tmpfs "$small" || { fail "disk: cannot mount a tmpfs (run as root)"; return; }
  database "$db" 30000
  local before; before=$(sha256sum "$db" | cut -d' ' -f1)
  out=$("$L" backup "$small/u盘备份.db" --db "$db" 2>&1)
  [[ $? == 1 && "$out" == *磁盘已满* && "$out" == *"$small"* ]] || { echo "  backup said: $out"; bad=1; }
  [[ -z "$(ls -A "$small")" ]] || { echo "  left on the full disk: $(ls -A "$small")"; bad=1; }
  "$L" backup "$WORK/roomy.db" --db "$db" >/dev/null 2>&1 || { echo "  a roomy backup failed"; bad=1; }
  [[ $(sha256sum "$db" | cut -d' ' -f1) == "$before" ]] || { echo "  the database changed"; bad=1; }
  # The database itself on the small disk: an import that fills it is refused and leaves it as it was.
  "$L" init --db "$small/db.db" >/dev/null 2>&1
  out=$("$L" import cadres "$db.csv" --db "$small/db.db" 2>&1)
  [[ $? == 1 && "$out" == *磁盘已满* ]] || { echo "  import said: $out"; bad=1; }
  [[ $(count "$small/db.db") == 0 ]] || { echo "  import left rows"; bad=1; }
  umount "$small"
  ((bad)) && fail "full disk" || pass "full disk: backup and import say 磁盘已满 and leave nothing"
}

attack_corrupt() {
  local db="$WORK/c.db" bad=0
  database "$db" 20000
  local size; size=$(stat -c %s "$db")
  for i in $(seq 1 19); do
    cp "$db" "$WORK/d$i.db"
    python3 - "$WORK/d$i.db" "$((size * i / 20))" <<'EOF'
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(int(sys.argv[2]) // 4096 * 4096)
    f.write(b"\x5a" * 2000)
EOF
    out=$("$L" check --db "$WORK/d$i.db" 2>&1); status=$?
    if [[ $status != 2 || "$out" != *database_damaged* ]]; then echo "  copy $i: check exit $status: ${out:0:120}"; bad=1; fi
    out=$("$L" backup "$WORK/b$i.db" --db "$WORK/d$i.db" 2>&1)
    [[ $? == 1 && ! -e "$WORK/b$i.db" ]] || { echo "  copy $i: backup said ${out:0:120}"; bad=1; }
  done
  ((bad)) && fail "corrupted copies" || pass "19 corrupted copies: check names database_damaged, backup refuses"
}

attack_readonly() {
  local bad=0 ro="$WORK/ro"
  mkdir -p "$WORK/rw" "$ro"
  database "$WORK/rw/x.db" 100
  mount --bind "$WORK/rw" "$ro" && mount -o remount,ro,bind "$ro" || { fail "readonly: cannot mount (run as root)"; return; }
  [[ $(count "$ro/x.db") == 100 ]] || { echo "  list failed"; bad=1; }
  "$L" report 323 --year 2026 --db "$ro/x.db" >/dev/null 2>&1 || { echo "  report failed"; bad=1; }
  out=$("$L" cadre void 1 --reason x --db "$ro/x.db" 2>&1)
  [[ $? == 1 && "$out" == *只读* ]] || { echo "  write said: $out"; bad=1; }
  umount "$ro"
  ((bad)) && fail "read-only mount" || pass "read-only mount: reads work, a write says 只读"
}

attack_clerks() {
  local db="$WORK/two.db" bad=0
  database "$db" 5000
  for i in $(seq 1 10); do "$L" cadre edit "$i" 职级=正县处级 --db "$db" >/dev/null 2>&1; done
  "$L" undo --yes --db "$db" >"$WORK/u1" 2>&1 &
  "$L" undo --yes --db "$db" >"$WORK/u2" 2>&1 &
  wait
  grep -q "已撤销" "$WORK/u1" "$WORK/u2" || bad=1
  [[ $(grep -l "已撤销" "$WORK/u1" "$WORK/u2" | wc -l) == 2 ]] && ! grep -q "已由另一个" "$WORK/u1" "$WORK/u2" &&
    [[ $(grep -h "将撤销审计组" "$WORK/u1" "$WORK/u2" | sort -u | wc -l) == 1 ]] && { echo "  both undid one command"; bad=1; }
  grep -qi "locked" "$WORK/u1" "$WORK/u2" && { echo "  database is locked"; bad=1; }
  ((bad)) && fail "two clerks" || pass "two clerks: two undos of one command revert it once"
}

for attack in ${1:-kill disk corrupt readonly clerks}; do "attack_$attack"; done
exit $FAILED
