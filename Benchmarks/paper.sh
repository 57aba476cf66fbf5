#!/usr/bin/env bash
# The clerk's paper: the month's pack, the year's pack, the 323 with --compare, the 老年大学's term report and
# a class list to sign, printed to PDF by
# LibreOffice headless as a clerk's office prints them, then counted and checked page by page; the HTML report
# printed by headless Chromium when it is installed. PNG pages are left in the work folder to be looked at.
#
#   Benchmarks/paper.sh [WORK]     (default /tmp/laogan-paper; needs libreoffice-calc-nogui and poppler-utils)
#
# Checks, each printed PASS or FAIL (exit 1 on any FAIL):
#   - the month's pack of the demo prints on at most 40 pages, a class list of 30 on one;
#   - no page ends on a section title or a table header (a title or header is followed on its page by a row);
#   - every page that continues a table starts with that table's header.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/laogan-paper}
mkdir -p "$work"
for tool in soffice pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "paper.sh: $tool is missing (apt-get install libreoffice-calc-nogui poppler-utils)"; exit 2; }
done
swift build -c release --product laogan >/dev/null
L=$PWD/.build/release/laogan
db="$work/demo.db"
[ -f "$db" ] || "$L" demo --db "$db" --format json >/dev/null
stamp=2023-07-01T09:00:00+08:00
"$L" report pack --month 2023-06 --db "$db" --generated-at "$stamp" --output "$work/month-pack.xlsx" 2>/dev/null
"$L" report pack --year 2022 --db "$db" --generated-at "$stamp" --output "$work/year-pack.xlsx" 2>/dev/null
"$L" report 323 --from 2022-01-01 --to 2023-06-12 --compare --db "$db" --generated-at "$stamp" \
  --output "$work/323-compare.xlsx" 2>/dev/null
"$L" report 323 --from 2022-01-01 --to 2023-06-12 --compare --db "$db" --generated-at "$stamp" \
  --output "$work/323-compare.html" 2>/dev/null
"$L" report university --term 2023年春季 --db "$db" --generated-at "$stamp" --output "$work/university.xlsx" \
  2>/dev/null
for format in xlsx html; do
  "$L" course roster 书法 --term 2023年春季 --db "$db" --generated-at "$stamp" --output "$work/roster.$format" \
    2>/dev/null
done
(cd "$work" && soffice --headless --convert-to pdf month-pack.xlsx year-pack.xlsx 323-compare.xlsx \
  university.xlsx roster.xlsx >/dev/null 2>&1)
if command -v chromium >/dev/null; then
  for html in 323-compare roster; do
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$work/$html-html.pdf" "file://$work/$html.html" 2>/dev/null
  done
fi

set +e  # from here a failed condition is a FAIL line, not the end of the script
failed=0
check() { # NAME CONDITION-EXIT-STATUS DETAIL
  if [ "$2" -eq 0 ]; then echo "PASS $1 ($3)"; else echo "FAIL $1 ($3)"; failed=1; fi
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

month_pages=$(pages "$work/month-pack.pdf")
[ "$month_pages" -le 40 ]; check "month pack pages" $? "$month_pages pages, at most 40"
echo "     year pack: $(pages "$work/year-pack.pdf") pages; 323 --compare: $(pages "$work/323-compare.pdf") pages;" \
  "university: $(pages "$work/university.pdf") pages"
roster_pages=$(pages "$work/roster.pdf")
[ "$roster_pages" -eq 1 ]; check "class list pages" $? "$roster_pages pages, one"

# Page by page, against the workbook's own rows: its titles (style 1), section titles (style 6) and header
# rows (every cell style 2), compared without blanks, as pdftotext lays each printed line out.
for pdf in month-pack year-pack 323-compare university roster; do
  total=$(pages "$work/$pdf.pdf")
  problems=$(python3 - "$work/$pdf.xlsx" "$work/$pdf.pdf" "$total" <<'PY'
import re, subprocess, sys, zipfile
book, path, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
titles, sections, headers = set(), set(), set()
with zipfile.ZipFile(book) as z:
    for name in z.namelist():
        if not re.match(r"xl/worksheets/sheet\d+\.xml", name):
            continue
        for row in re.findall(r"<row [^>]*>(.*?)</row>", z.read(name).decode()):
            cells = re.findall(r'<c r="[A-Z]+\d+" s="(\d+)"[^>]*?(?:/>|>(.*?)</c>)', row)
            texts = "".join(re.sub(r"<[^>]+>", "", body) for _, body in cells)
            styles = {style for style, _ in cells}
            if styles == {"1"}: titles.add(texts)
            if styles == {"6"}: sections.add(texts)
            if styles == {"2"}: headers.add(re.sub(r"\s", "", texts))
def compact(line): return re.sub(r"\s", "", line)
def is_header(line):
    c = compact(line)
    return len(c) >= 2 and any(c in h for h in headers)
problems = []
for page in range(1, total + 1):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), path, "-"],
                          capture_output=True, text=True).stdout
    lines = [l for l in text.splitlines() if l.strip() and not re.match(r"^\s*第 \d+ 页", l)]
    if not lines:
        problems.append(f"page {page} is empty")
        continue
    first, last = lines[0], lines[-1]
    if compact(first) not in {compact(t) for t in titles} and not is_header(first) \
            and compact(first) not in {compact(t) for t in sections}:
        problems.append(f"page {page} starts without a header: {first.strip()[:40]}")
    if is_header(last) or compact(last) in {compact(t) for t in sections}:
        problems.append(f"page {page} ends on a title or header: {last.strip()[:40]}")
print("\n".join(problems))
PY
)
  [ -z "$problems" ]; check "$pdf page breaks" $? "$total pages${problems:+: $(echo "$problems" | head -3 | tr '\n' ';')}"
  pdftoppm -r 50 -png "$work/$pdf.pdf" "$work/$pdf"
done
for html in 323-compare roster; do
  [ -f "$work/$html-html.pdf" ] || continue
  echo "     HTML $html through Chromium: $(pages "$work/$html-html.pdf") pages"
  pdftoppm -r 50 -png "$work/$html-html.pdf" "$work/$html-html"
done
echo "PNG pages in $work"
exit $failed
