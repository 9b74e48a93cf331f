#!/bin/sh
# make check-valgrind: the binary under valgrind (memcheck, leak check) on
# each command and format, with PCRE2's JIT off (valgrind cannot follow JIT
# code). Any error or leak fails. Ends with "valgrind: N passed, N failed".
ANNALS=${ANNALS:-./annals}
T=$(mktemp -d /tmp/annals-vg.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
export ANNALS_NO_JIT=1
vg() {
    name=$1; shift
    if valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            "$ANNALS" "$@" >"$T/out" 2>"$T/err"; then
        pass=$((pass + 1)); echo "ok   $name"
    else
        rc=$?
        if [ $rc -eq 99 ] || grep -q "==[0-9]*==" "$T/err"; then
            fail=$((fail + 1)); echo "FAIL $name"; grep "==[0-9]*==" "$T/err" | head -20
        else
            pass=$((pass + 1)); echo "ok   $name (exit $rc, no valgrind error)"
        fi
    fi
}
printf '{"id":"a","text":"On June 16, 2021, Putin met Biden in Geneva."}\n{broken\n' > "$T/in.jsonl"
vg "extract samples" extract -f json -j 2 samples
vg "extract text" extract -f text samples/border-crossing.txt
vg "extract jsonl stream" extract -f jsonl -j 2 tests/merge-corpus/corpus.jsonl
vg "extract broken jsonl" extract -f json "$T/in.jsonl"
vg "extract --merge" extract --merge -f json -o "$T/merged.json" tests/merge-corpus/corpus.jsonl
vg "dates" dates -f json samples/singapore-summit.txt
vg "dates text" dates -f text --dct 2021-07-18 samples/sanctions-eu.txt
"$ANNALS" extract -q -f json -o "$T/a.json" tests/merge-corpus/corpus.jsonl
vg "merge" merge -f json "$T/a.json" "$T/merged.json"
for f in ics html csv timelinejs; do vg "export $f" export -q --format $f "$T/a.json"; done
mkdir -p "$T/d"; cp samples/*.txt "$T/d/"; cp "$T/in.jsonl" "$T/d/"
vg "shard --check" shard --check -n 3 -o "$T/shards" tests/merge-corpus/corpus.jsonl "$T/d"
vg "extract a shard" extract -f jsonl --documents -o "$T/s0.jsonl" "$T/shards/shard-0000.jsonl"
vg "extract shards" extract -f json "$T/shards"
vg "merge --documents" merge -f jsonl --documents "$T/s0.jsonl" "$T/a.json"
# the repairs and the lenient reader: a BOM, half a surrogate pair, bad timeline lines
printf '\357\273\277{"id":"s","text":"cut \\ud83d. On June 3, 2020, talks in Geneva."}\n' > "$T/fix.jsonl"
vg "extract repaired jsonl" extract -f json "$T/fix.jsonl"
"$ANNALS" extract -q -f jsonl -o "$T/ev.jsonl" tests/merge-corpus/corpus.jsonl
{ head -n 3 "$T/ev.jsonl"; echo '{"id": broken}'; echo '{"id":"ev-9","type":"picnic"}'; tail -n +4 "$T/ev.jsonl"; } > "$T/bad-ev.jsonl"
vg "merge --keep-going" merge -k -q -f json "$T/bad-ev.jsonl"
vg "export several, lenient" export -q -f ics "$T/bad-ev.jsonl" "$T/a.json"
vg "grammar-check" grammar-check grammars/en
vg "bad option" extract --nope
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
