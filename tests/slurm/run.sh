#!/usr/bin/env bash
# make check-slurm: contrib/slurm/annals-slurm.sh on a real one-node Slurm
# cluster started here (tests/slurm/cluster.sh) and stopped afterwards,
# even on failure. Needs root, slurm-wlm and munge (.ci/run installs them).
#   1. the news corpus (6,525 articles) in 8 shards through the job array
#      and the merge tree: byte for byte what `annals extract --merge`
#      writes on one machine; both wall times printed
#   2. a shard that fails once is retried; one that always fails is
#      reported by name; running again redoes only that shard
#   3. the GNU parallel commands of docs/scaling.md (this machine as the
#      host) give extract --merge too
# Ends with "slurm: N passed, N failed".
set -uo pipefail
ANNALS=${ANNALS:-$(pwd)/annals}
SHARED=${SHARED:-../shared}
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
DRIVER=$(pwd)/contrib/slurm/annals-slurm.sh
. tests/slurm/cluster.sh

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "     $2"; }

for tool in slurmctld slurmd munged sbatch; do
    command -v "$tool" >/dev/null || { echo "slurm: $tool not found (apt-get install slurm-wlm munge)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "slurm: the test cluster runs as root" >&2; exit 1; }
[ -f "$CORPUS" ] || { echo "slurm: $CORPUS not found (set SHARED=)" >&2; exit 1; }

T=$(mktemp -d /tmp/annals-slurm.XXXXXX)
trap 'cluster_stop; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

cluster_start "$T/cluster" || { cat "$T"/cluster/*.log >&2; exit 1; }
ok "one-node cluster up ($(sinfo -h -o '%N %c CPUs'))"

# --- 1. the news corpus, 8 shards, against one machine -----------------------
t0=$(now)
"$ANNALS" extract -q --merge -f json -o "$T/single.json" "$CORPUS"
t1=$(now)
echo "     one machine: annals extract --merge: $(secs "$t0" "$t1") s"
"$DRIVER" -n 8 -o "$T/run" -f 3 -e csv -e ics --check --annals "$ANNALS" --wait "$CORPUS" > "$T/driver.out" 2>&1
rc=$?
t2=$(now)
echo "     slurm: shard, 8 extract tasks, merge tree (fan-in 3), exports: $(secs "$t1" "$t2") s"
[ "$rc" -eq 0 ] && [ -e "$T/run/DONE" ] && ok "slurm run done" || bad "slurm run done" "$(cat "$T/driver.out"; cat "$T/run/FAILED" 2>/dev/null)"
cmp -s "$T/run/timeline.json" "$T/single.json" && ok "timeline.json byte-identical to extract --merge on one machine" \
    || bad "timeline.json byte-identical to extract --merge on one machine" "$(cmp "$T/run/timeline.json" "$T/single.json" 2>&1)"
[ "$(ls "$T/run/extract/"*.jsonl | wc -l)" -eq 8 ] && ok "8 shards extracted" || bad "8 shards extracted"
ls "$T"/run/logs/extract-3-*.log "$T"/run/logs/extract-4+3-*.log >/dev/null 2>&1 \
    && ok "in two job arrays (MaxArraySize=4), logs named by shard" || bad "in two job arrays" "$(ls "$T/run/logs")"
ls "$T/run/merge/" | tr '\n' ' ' | grep -qx "L1-0000.jsonl L1-0001.jsonl L1-0002.jsonl " && ok "a tree: 8 -> 3 -> 1" \
    || bad "a tree: 8 -> 3 -> 1" "$(ls "$T/run/merge")"
"$ANNALS" export -q -f csv "$T/single.json" | cmp -s - "$T/run/timeline.csv" && [ -s "$T/run/timeline.ics" ] \
    && ok "exports written" || bad "exports written"

# --- 2. failures: retried, reported by name, redone alone ----------------------
MC=tests/merge-corpus/corpus.jsonl
"$ANNALS" extract -q --merge -f json -o "$T/mc.json" "$MC"
# an annals that fails on shard-0002 once, and on shard-0001 always
cat > "$T/flaky" <<FLAKY
#!/bin/sh
case "\$*" in
    *extract*shard-0002.jsonl) [ -e "$T/failed-once" ] || { touch "$T/failed-once"; echo "flaky: shard-0002 fails once" >&2; exit 2; } ;;
    *extract*shard-0001.jsonl) echo "flaky: shard-0001 always fails" >&2; exit 2 ;;
esac
exec "$ANNALS" "\$@"
FLAKY
chmod +x "$T/flaky"
"$DRIVER" -n 4 -o "$T/mc" -r 2 --annals "$T/flaky" --wait "$MC" > "$T/flaky.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && grep -q "shard-0001.jsonl" "$T/mc/FAILED" && ! grep -q "shard-0002" "$T/mc/FAILED" \
    && ok "a shard that always fails is reported by name" || bad "a shard that always fails is reported by name" "$(cat "$T/flaky.out" "$T/mc/FAILED" 2>&1)"
[ -e "$T/failed-once" ] && [ -e "$T/mc/extract/shard-0002.jsonl" ] && ok "a shard that failed once was retried" \
    || bad "a shard that failed once was retried"
grep -l "retry 2 of 2: shard-0001.jsonl" "$T"/mc/logs/check-*.log >/dev/null && ok "retries logged by name" || bad "retries logged by name"
kept() { stat -c '%n %y %i' "$T/mc/extract/shard-0000.jsonl" "$T/mc/extract/shard-0002.jsonl" "$T/mc/extract/shard-0003.jsonl"; }
kept > "$T/before"
"$DRIVER" -n 4 -o "$T/mc" --annals "$ANNALS" --wait "$MC" > "$T/again.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q "extracting 1 of 4 shards" "$T/again.out" && ok "the re-run extracts only the missing shard" \
    || bad "the re-run extracts only the missing shard" "$(cat "$T/again.out")"
kept | cmp -s - "$T/before" && ok "the shards done before are not redone" || bad "the shards done before are not redone"
cmp -s "$T/mc/timeline.json" "$T/mc.json" && ok "after the re-run: extract --merge, byte for byte" \
    || bad "after the re-run: extract --merge, byte for byte"
"$DRIVER" -n 4 -o "$T/mc" --annals "$ANNALS" --wait "$MC" > "$T/third.out" 2>&1 && grep -q "timeline.json is there" "$T/third.out" \
    && ok "a run that is done is not redone" || bad "a run that is done is not redone" "$(cat "$T/third.out")"
"$DRIVER" -n 5 -o "$T/mc" --annals "$ANNALS" "$MC" > "$T/other.out" 2>&1
[ $? -eq 2 ] && grep -q "other inputs or shard count" "$T/other.out" && ok "another run in the same directory is refused" \
    || bad "another run in the same directory is refused" "$(cat "$T/other.out")"

"$DRIVER" -n 2 -o "$T/q" --annals "$ANNALS" "$MC" > "$T/q1.out" 2>&1
"$DRIVER" -n 2 -o "$T/q" --annals "$ANNALS" "$MC" > "$T/q2.out" 2>&1
[ $? -eq 2 ] && grep -q "still queued or running" "$T/q2.out" && ok "no second submission while jobs of the run are queued" \
    || bad "no second submission while jobs of the run are queued" "$(cat "$T/q1.out" "$T/q2.out")"
i=0
while [ ! -e "$T/q/DONE" ] && [ $i -lt 120 ]; do sleep 1; i=$((i + 1)); done
cmp -s "$T/q/timeline.json" "$T/mc.json" && ok "without --wait: done in the background" || bad "without --wait: done in the background"

# --- 3. the GNU parallel recipe of docs/scaling.md, this machine as the host ---
if command -v parallel >/dev/null; then
    mkdir -p "$T/gp/bin" && ln -s "$ANNALS" "$T/gp/bin/annals" && echo "2/:" > "$T/gp/nodes.txt"
    sed -n '/^cd \/shared\/run$/,/^annals merge -o timeline.json m1\/\*.jsonl$/p' docs/scaling.md |
        sed "s|^cd /shared/run\$|cd '$T/gp'|; s|/data/archive/|$(pwd)/$MC|; s|-n 256|-n 5|" > "$T/gp/run.sh"
    [ "$(wc -l < "$T/gp/run.sh")" -gt 5 ] && PATH="$T/gp/bin:$PATH" bash "$T/gp/run.sh" > "$T/gp/out" 2>&1 &&
        cmp -s "$T/gp/timeline.json" "$T/mc.json" && ok "docs/scaling.md's GNU parallel recipe = extract --merge" \
        || bad "docs/scaling.md's GNU parallel recipe = extract --merge" "$(cat "$T/gp/out")"
else
    echo "skip GNU parallel recipe (no parallel)"
fi

echo "slurm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
