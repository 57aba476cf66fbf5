# Timing helpers a benchmark sources: `best N CMD…`, the shortest wall time of N runs in seconds (nanosecond
# clock, the command's output discarded); `ratio A B`, A over B as "1.23×".
best() {
  local n=$1; shift
  local min=""
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    local t=$(( (end - start) / 1000 ))
    if [[ -z $min || $t -lt $min ]]; then min=$t; fi
  done
  python3 -c "print(f'{$min/1e6:.3f}')"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}×')"; }
