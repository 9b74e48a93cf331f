#!/bin/sh
# Dates alone, side by side on the same texts (make bench): annals dates,
# chrono-node (npm; chrono.parse(text, published)) and Python's dateparser
# (Debian python3-dateparser; search_dates, on a sample: it is slow).
# annals runs on one thread (-j 1), as the other two do.
# Prints MB/s for each and annals' speed ratio. Figures, not tests.
set -e
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
PY=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
DOCS=${BENCH_DOCS:-2000}     # articles for annals and chrono-node
DP_DOCS=${BENCH_DP_DOCS:-40} # articles for dateparser
[ -f "$CORPUS" ] || { echo "bench dates: $CORPUS not found; skipped"; exit 0; }
T=$(mktemp -d /tmp/annals-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
head -n "$DOCS" "$CORPUS" > "$T/docs.jsonl"
head -n "$DP_DOCS" "$CORPUS" > "$T/dp.jsonl"
mb() { "$PY" -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])) / 1e6)" "$1"; }
MB=$(mb "$T/docs.jsonl")
DPMB=$(mb "$T/dp.jsonl")

set -- $("$PY" "$HERE/measure.py" --repeat 3 "$ANNALS" dates -j 1 --format jsonl -q "$T/docs.jsonl")
A=$1
set -- $("$PY" "$HERE/measure.py" --repeat 3 "$ANNALS" dates -j 1 --format jsonl -q "$T/dp.jsonl")
ADP=$1
printf 'bench dates: %d articles, %.1f MB of text\n' "$DOCS" "$MB"
printf '  annals dates -j 1 %6.3f s  %8.2f MB/s\n' "$A" "$(echo "$MB/$A" | bc -l)"

if [ ! -d "$HERE/node_modules/chrono-node" ]; then
    (cd "$HERE" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) || true
fi
if [ -d "$HERE/node_modules/chrono-node" ]; then
    set -- $(node "$HERE/chrono_run.js" "$T/docs.jsonl")
    printf '  chrono-node      %7.3f s  %8.2f MB/s   annals is %.1fx faster\n' "$1" \
        "$(echo "$MB/$1" | bc -l)" "$(echo "$1/$A" | bc -l)"
else
    echo "  chrono-node: not installed (npm install in bench/ failed); skipped"
fi
if /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
    set -- $(/usr/bin/python3 "$HERE/dateparser_run.py" "$T/dp.jsonl")
    printf '  dateparser       %7.3f s  %8.2f MB/s   annals is %.1fx faster (on %d articles, %.2f MB)\n' "$1" \
        "$(echo "$DPMB/$1" | bc -l)" "$(echo "$1/$ADP" | bc -l)" "$DP_DOCS" "$DPMB"
else
    echo "  dateparser: not installed (apt-get install python3-dateparser); skipped"
fi
