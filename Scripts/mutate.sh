#!/usr/bin/env bash
# Plants one bug at a time in a rule users rely on (Scripts/mutations.json: the file, the text and the text that
# replaces it, the rule it breaks, and the tests that should notice), builds, runs those tests, and prints which
# mutations the tests killed and which survived. Not part of `swift test`: it builds once a mutation.
#
#   bash Scripts/mutate.sh            # every mutation
#   bash Scripts/mutate.sh ID…        # only these
#
# A survivor is a rule no test holds at its boundary: give it a test that fails under the mutation, or write in
# the mutation's entry why it cannot matter. The bugs are planted in a copy of the committed tree (a git
# worktree with its own build folder), never in the files being edited; a mutation's tests get 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
list="$PWD/Scripts/mutations.json"
work=$(mktemp -d)
tree="$work/tree"
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$tree" HEAD >/dev/null 2>&1
cd "$tree"
export PYTHONIOENCODING=utf-8

# field ID KEY: one field of a mutation.
field() {
  python3 -c 'import json, sys; print(next(m for m in json.load(open(sys.argv[1], encoding="utf-8")) if m["id"] == sys.argv[2])[sys.argv[3]])' \
    "$list" "$1" "$2"
}
ids=("$@")
if [[ ${#ids[@]} -eq 0 ]]; then
  mapfile -t ids < <(python3 -c 'import json, sys; print("\n".join(m["id"] for m in json.load(open(sys.argv[1], encoding="utf-8"))))' "$list")
fi

# The tests must pass before anything is planted, or a failure would count as a kill; and each filter must
# pick at least one test, or its mutation would survive for want of a test run.
echo "mutate: building the committed tree in $tree" >&2
swift build --build-tests >"$work/build.log" 2>&1 || { echo "mutate: the tree does not build:" >&2; tail -20 "$work/build.log" >&2; exit 1; }
swift test list --skip-build >"$work/tests.txt" 2>/dev/null
for id in "${ids[@]}"; do
  grep -Eq "$(field "$id" filter)" "$work/tests.txt" || { echo "mutate: $id: its filter names no test" >&2; exit 1; }
done
filters=$(for id in "${ids[@]}"; do field "$id" filter; done | paste -sd'|')
timeout 1200 swift test --skip-build --filter "$filters" >"$work/baseline.log" 2>&1 || {
  echo "mutate: the tests fail without any mutation:" >&2; grep -E "✘|error" "$work/baseline.log" >&2; exit 1; }

killed=0 survived=() broken=()
echo "| mutation | rule | tests | result |"
echo "|---|---|---|---|"
for id in "${ids[@]}"; do
  file=$(field "$id" file)
  filter=$(field "$id" filter)
  cp "$file" "$work/original"
  python3 - "$list" "$id" <<'PY'
import json, sys
m = next(m for m in json.load(open(sys.argv[1], encoding="utf-8")) if m["id"] == sys.argv[2])
text = open(m["file"], encoding="utf-8").read()
if text.count(m["original"]) != 1:
    sys.exit(f"mutate: {m['id']}: the text to change is in {m['file']} {text.count(m['original'])} times, not once")
open(m["file"], "w", encoding="utf-8").write(text.replace(m["original"], m["mutated"]))
PY
  if ! swift build --build-tests >"$work/build.log" 2>&1; then
    result="does not compile"; broken+=("$id")
  elif timeout 600 swift test --skip-build --filter "$filter" >"$work/test.log" 2>&1; then
    result="**survived**"; survived+=("$id")
  else
    result="killed"; killed=$((killed + 1))
  fi
  cp "$work/original" "$file"
  echo "| $id | $(field "$id" rule) | \`$filter\` | $result |"
done
total=$(( ${#ids[@]} - ${#broken[@]} ))
echo
echo "killed $killed of $total ($(python3 -c "print(f'{100 * $killed / max($total, 1):.0f}')")%)"
[[ ${#survived[@]} -eq 0 ]] || echo "survivors: ${survived[*]}"
[[ ${#broken[@]} -eq 0 ]] || echo "not compiled (fix the mutation): ${broken[*]}"
