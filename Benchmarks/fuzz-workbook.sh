#!/usr/bin/env bash
# Fuzzes the workbook reader with libFuzzer, from a corpus of real workbooks (the repository's fixtures,
# written by openpyxl, and one written by laogan itself). Not part of `swift test`.
#
#   bash Benchmarks/fuzz-workbook.sh          # ten minutes
#   bash Benchmarks/fuzz-workbook.sh 60       # one minute
#
# Crashes, leaks past the RSS limit and timeouts are left as crash-*/oom-*/timeout-* files in
# .build-fuzz/findings; a clean run prints libFuzzer's summary and nothing there.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
out=.build-fuzz
mkdir -p "$out/corpus" "$out/findings"
ln -sfn "$PWD" "$out/laogan"
cp Tests/Fixtures/xlsx/*.xlsx Tests/Fixtures/roster.xlsx "$out/corpus/"
build=(swift build --package-path Benchmarks/fuzz --scratch-path "$out/build" -c release -Xswiftc -sanitize=fuzzer)
"${build[@]}" >/dev/null
fuzzer=$("${build[@]}" --show-bin-path)/WorkbookFuzz
# Swift's own crash reporter would catch the signal first and libFuzzer would keep no crashing input.
SWIFT_BACKTRACE=enable=no "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=200000 \
  -artifact_prefix="$out/findings/" "$out/corpus"
