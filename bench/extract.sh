#!/bin/sh
# Extraction speed (make bench): one long article end to end, and the news
# corpus through `extract` and `dates`. Figures, not tests.
set -e
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
PY=${PYTHON:-/usr/bin/python3}
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
HERE=$(dirname "$0")
T=$(mktemp -d /tmp/annals-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
if [ ! -f "$CORPUS" ]; then echo "bench extract: $CORPUS not found; skipped"; exit 0; fi

# The corpus article closest to 5,000 words, as a plain text file.
"$PY" - "$CORPUS" "$T/a5000.txt" <<'PYEOF'
import json, sys
best = None
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    w = len(r["text"].split())
    if best is None or abs(w - 5000) < abs(best[0] - 5000):
        best = (w, r)
open(sys.argv[2], "w", encoding="utf-8").write(best[1]["text"])
print("bench extract: a %d-word article (%s)" % (best[0], best[1]["id"]))
PYEOF
set -- $("$PY" "$HERE/measure.py" --repeat 30 "$ANNALS" extract --dct 2020-01-01 "$T/a5000.txt")
echo "  one 5,000-word article, end to end (start-up included): median $(echo "$1*1000" | bc -l | xargs printf '%.1f') ms, best $(echo "$2*1000" | bc -l | xargs printf '%.1f') ms"
set -- $("$PY" "$HERE/measure.py" --repeat 30 "$ANNALS" extract --dct 2020-01-01 /dev/null)
echo "  start-up alone (grammars compiled, gazetteers loaded): median $(echo "$1*1000" | bc -l | xargs printf '%.1f') ms"

MB=$("$PY" -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$CORPUS")
DOCS=$(wc -l < "$CORPUS")
for cmd in extract dates; do
    for j in 1 2; do
        set -- $("$PY" "$HERE/measure.py" "$ANNALS" $cmd -j $j --format jsonl -q "$CORPUS")
        printf '  %-7s corpus %.1f MB, %d docs, %d thread(s): %.2f s, %.1f MB/s, %.0f docs/s, peak RSS %.0f MB\n' \
            "$cmd" "$MB" "$DOCS" "$j" "$1" "$(echo "$MB/$1" | bc -l)" "$(echo "$DOCS/$1" | bc -l)" "$3"
    done
done

# Memory on a stream ten times the corpus (about 400 MB), JSON Lines in and out.
mkfifo "$T/stream"
( for i in 1 2 3 4 5 6 7 8 9 10; do cat "$CORPUS"; done > "$T/stream" ) &
set -- $("$PY" "$HERE/measure.py" sh -c "'$ANNALS' extract -f jsonl -i jsonl -q - < '$T/stream'")
wait
printf '  extract a %.0f MB stream (JSON Lines in and out, all threads): %.1f s, %.1f MB/s, peak RSS %.0f MB\n' \
    "$(echo "$MB*10" | bc -l)" "$1" "$(echo "$MB*10/$1" | bc -l)" "$3"
