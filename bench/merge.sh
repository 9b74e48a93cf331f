#!/bin/sh
# Merge speed and memory (make bench): 1,000,000 generated events (18
# types, 2,000 actors, ten years, a third of them second reports of another
# event) through `annals merge`. Figures, not tests. N=... for another size.
set -e
ANNALS=${ANNALS:-./annals}
CC=${CC:-cc}
N=${N:-1000000}
HERE=$(dirname "$0")
T=$(mktemp -d /tmp/annals-bench-merge.XXXXXX)
trap 'rm -rf "$T"' EXIT
$CC -O2 -std=c11 -o "$T/gen_events" "$HERE/../tools/gen_events.c"
"$T/gen_events" "$N" > "$T/events.jsonl"
echo "bench merge: $N generated events ($(du -m "$T/events.jsonl" | cut -f1) MB of JSON Lines)"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$ANNALS" merge --format jsonl -o "$T/merged.jsonl" "$T/events.jsonl" 2> "$T/time"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/time" |
           awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$T/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
else
    # no GNU time: the wall clock from date, the peak from /proc
    start=$(date +%s.%N)
    "$ANNALS" merge --format jsonl -o "$T/merged.jsonl" "$T/events.jsonl" & pid=$!
    rss=0
    while kill -0 $pid 2>/dev/null; do
        r=$(sed -n 's/VmHWM: *\([0-9]*\) kB/\1/p' /proc/$pid/status 2>/dev/null || true)
        [ -n "$r" ] && rss=$r
        sleep 0.2
    done
    wait $pid
    wall=$(echo "$(date +%s.%N) - $start" | bc -l)
    cpu="?"
fi
out=$(wc -l < "$T/merged.jsonl")
echo "  $out events out"
# scored by the occurrence each report's summary names
"${PYTHON:-/usr/bin/python3}" - "$T/merged.jsonl" "$(( N - N / 3 ))" <<'PYEOF'
import json, sys
over = split = 0; seen = {}
for line in open(sys.argv[1]):
    e = json.loads(line)
    occ = {r["summary"] for r in e.get("reports", [e])}
    over += len(occ) > 1
    for o in occ: seen[o] = seen.get(o, 0) + 1
split = sum(1 for v in seen.values() if v > 1)
print("  %d occurrences generated; %d merged events join two or more, %d occurrences are split"
      % (int(sys.argv[2]), over, split))
PYEOF
echo "  wall $(printf '%.1f' "$wall") s ($(echo "$N / $wall" | bc) events/s), CPU $cpu s, peak RSS $(( rss / 1024 )) MB"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the wall clock)"
