#!/bin/sh
# Anchors must never cost a match: runs the corpus once with the built-in
# grammars and once with every `anchor` line removed (every rule tried
# everywhere), and compares the two outputs byte for byte, for extract
# and for dates. Slow (the unanchored run is several times slower).
#   tools/check_anchors.sh [CORPUS.jsonl]     ANNALS=./annals by default
set -eu
ANNALS=${ANNALS:-./annals}
CORPUS=${1:-../shared/corpus/news/allsides-geo.jsonl}
T=$(mktemp -d /tmp/annals-anchors.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir "$T/g"
for f in grammars/en/*; do
    sed '/^[[:space:]]*anchor[[:space:]]/d' "$f" > "$T/g/$(basename "$f")"
done
fail=0
for cmd in extract dates; do
    "$ANNALS" $cmd -f jsonl -q "$CORPUS" > "$T/anchored.jsonl" || true
    "$ANNALS" $cmd --grammars "$T/g" -f jsonl -q "$CORPUS" > "$T/plain.jsonl" || true
    if cmp -s "$T/anchored.jsonl" "$T/plain.jsonl"; then
        echo "check-anchors: $cmd: the same output with and without anchors"
    else
        echo "check-anchors: $cmd: anchors lose or change matches:"
        diff "$T/plain.jsonl" "$T/anchored.jsonl" | cut -c1-300 | head -20
        fail=1
    fi
done
exit $fail
