#!/bin/sh
# The figures of docs/scaling.md (make bench): the news corpus through
# shard, extract on one thread and merge, in CPU seconds (which a shared
# machine disturbs less than wall time) and peak memory. Figures, not tests.
set -e
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
T=$(mktemp -d /tmp/annals-bench-shard.XXXXXX)
trap 'rm -rf "$T"' EXIT
if [ ! -f "$CORPUS" ]; then echo "bench shard: $CORPUS not found; skipped"; exit 0; fi
if [ ! -x /usr/bin/time ]; then echo "bench shard: needs GNU time (/usr/bin/time); skipped"; exit 0; fi
mb=$(awk -v b="$(wc -c < "$CORPUS")" 'BEGIN { printf "%.1f", b / 1e6 }')
articles=$(wc -l < "$CORPUS")
# run NAME CMD...: prints NAME, CPU seconds, wall seconds, peak memory; CPU in $cpu
run() {
    name=$1; shift
    /usr/bin/time -f '%U %S %e %M' -o "$T/time" "$@" >/dev/null 2>"$T/err" || [ $? -eq 1 ]
    set -- $(cat "$T/time")
    cpu=$(awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }')
    printf '  %-34s %7s CPU-s %7s s wall %7d KB peak\n' "$name" "$cpu" "$3" "$4"
}
echo "bench shard: the news corpus, $articles articles, $mb MB"
run "shard -n 8" "$ANNALS" shard -n 8 -o "$T/s" "$CORPUS"
run "shard --check -n 8" "$ANNALS" shard --check -n 8 -o "$T/sc" "$CORPUS"
run "extract -j 1 -f jsonl --documents" "$ANNALS" extract -q -j 1 -f jsonl --documents -o "$T/ev.jsonl" "$CORPUS"
echo "  extract: $(awk -v m="$mb" -v c="$cpu" 'BEGIN { printf "%.1f MB/s, %.0f articles/s", m / c, '"$articles"' / c }') a core"
reports=$(grep -vc '^{"document"' "$T/ev.jsonl")
run "merge ($reports reports)" "$ANNALS" merge -f json -o "$T/m.json" "$T/ev.jsonl"
echo "  merge: $(awk -v r="$reports" -v c="$cpu" 'BEGIN { printf "%.0f CPU-s a million reports", c / r * 1e6 }');" \
     "$(awk -v r="$reports" -v a="$articles" 'BEGIN { printf "%.1f reports an article", r / a }')"
