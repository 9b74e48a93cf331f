#!/bin/sh
# The hostile-input suite (issue 9): input meant to break a reader. Each
# case ends with the correct output or a clear error naming the file, within
# a time bound and (without sanitizers) a memory bound; the bounds catch a
# hang or a blow-up, they do not measure speed (make bench does).
#   ANNALS=./annals sh tests/e2e/hostile.sh     (ANNALS_SAN=1: sanitizer build)
# Ends with "hostile: N passed, N failed".
ANNALS=${ANNALS:-./annals}
PY=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d /tmp/annals-hostile.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/e2e/lib.sh
# Sanitizers slow annals down and inflate its memory: more time, no RSS bound.
SLOW=1
[ "${ANNALS_SAN:-}" = 1 ] && SLOW=6

# bounded NAME WANT_STATUS SECONDS MAX_MB STDIN CMD... : like run, under
# a time bound, with peak memory checked; stdout in $T/out, stderr in $T/err
bounded() {
    name=$1; want=$2; secs=$(( $3 * SLOW )); mb=$4; in=$5; shift 5
    set -- $("$PY" tests/e2e/bounded.py "$secs" "$in" "$T/out" "$T/err" "$@")
    if [ "$1" != "$want" ]; then
        bad "$name" "status $1 after $2 s, wanted $want; stderr: $(head -c 300 "$T/err")"
        return 1
    fi
    if [ "$SLOW" = 1 ] && [ "$3" -gt "$mb" ]; then
        bad "$name" "peak memory $3 MB, bound $mb MB"
        return 1
    fi
    echo "     ($name: $2 s, $3 MB)"
    return 0
}

# has_timex FILE TEXT VALUE: a JSON Lines timex with this text and value?
has_timex() {
    "$PY" -c 'import json,sys
want = (sys.argv[2], sys.argv[3])
sys.exit(0 if any((t["text"], t["value"]) == want for t in map(json.loads, open(sys.argv[1], encoding="utf-8"))) else 1)' "$@"
}

# --- bytes that are not UTF-8, or not what they seem -------------------------
# overlong encodings, surrogates, code points past U+10FFFF, a lone
# continuation byte, a cut sequence: read past, offsets kept to the bytes
printf 'Bad \300\257 \340\200\257 \360\200\200\257 \355\240\200 \364\220\200\200 \200 \342\202 end. On June 3, 2020, troops seized the town.\n' > "$T/utf.txt"
if bounded "invalid utf-8" 0 10 200 - "$ANNALS" dates -f jsonl "$T/utf.txt"; then
    valid_json -l "$T/out" && has_timex "$T/out" "June 3, 2020" 2020-06-03 &&
        [ "$("$PY" -c 'import json,sys; t=json.loads(open(sys.argv[1]).readline()); print(open(sys.argv[2],"rb").read()[t["start"]:t["end"]].decode())' "$T/out" "$T/utf.txt")" = "June 3, 2020" ] &&
        ok "invalid utf-8" || bad "invalid utf-8" "$(head -c 300 "$T/out")"
fi
if bounded "invalid utf-8 extract" 0 10 200 - "$ANNALS" extract "$T/utf.txt"; then
    valid_json "$T/out" && ok "invalid utf-8 extract" || bad "invalid utf-8 extract"
fi
printf 'A\000B. On June 3, 2020, talks were held.\000\000 On June 4, 2020, more.\n' > "$T/nul.txt"
bounded "nul bytes" 0 10 200 - "$ANNALS" dates -f jsonl "$T/nul.txt" &&
    { has_timex "$T/out" "June 4, 2020" 2020-06-04 && ok "nul bytes" || bad "nul bytes" "$(cat "$T/out")"; }
printf 'Talks resume\rBy A. Writer | June 3, 2020\r\rOn Monday, the talks resumed.\r\nOn Tuesday they ended.\nFriday: more.\r' > "$T/cr.txt"
if bounded "cr and mixed line ends" 0 10 200 - "$ANNALS" extract --timexes "$T/cr.txt"; then
    [ "$(jget "$T/out" 'd["documents"][0]["dct"]')" = 2020-06-03 ] &&
        [ "$(jget "$T/out" '" ".join(t["value"] for t in d["timexes"] if t["text"] in ("Monday", "Tuesday"))')" = "2020-06-01 2020-06-02" ] &&
        ok "cr and mixed line ends" || bad "cr and mixed line ends" "$(head -c 600 "$T/out")"
fi
printf '\357\273\277{"id":"b1","text":"On June 3, 2020, talks."}\n\357\273\277{"id":"b2","text":"On June 4, 2020, talks."}\n' > "$T/bom.jsonl"
bounded "bom in json lines" 0 10 200 - "$ANNALS" dates --dct 2020-06-10 -f jsonl "$T/bom.jsonl" &&
    { has_timex "$T/out" "June 3, 2020" 2020-06-03 && has_timex "$T/out" "June 4, 2020" 2020-06-04 &&
      [ ! -s "$T/err" ] && ok "bom in json lines" || bad "bom in json lines" "$(cat "$T/err")"; }
printf '{"id":"s","text":"cut \\ud83d here. On June 3, 2020, talks."}\n' > "$T/sur.jsonl"
bounded "half a surrogate pair" 0 10 200 - "$ANNALS" dates -f jsonl "$T/sur.jsonl" &&
    { has_timex "$T/out" "June 3, 2020" 2020-06-03 && grep -q "sur.jsonl:1: 1 broken" "$T/err" &&
      ok "half a surrogate pair" || bad "half a surrogate pair" "$(cat "$T/err")"; }

# --- size ---------------------------------------------------------------------
"$PY" -c 'import sys; sys.stdout.write("war and peace " * 7500000)' > "$T/big.txt"
bounded "100 MB without a newline" 0 120 2048 - "$ANNALS" extract "$T/big.txt" &&
    { valid_json "$T/out" && ok "100 MB without a newline" || bad "100 MB without a newline"; }
rm -f "$T/big.txt"
"$PY" -c 'import json,sys; sys.stdout.write(json.dumps({"id": "huge", "text": "On June 3, 2020, talks. " + "war and peace " * 7500000}) + "\n")' > "$T/huge.jsonl"
bounded "a 100 MB JSON Lines record" 0 120 3072 - "$ANNALS" dates -f jsonl "$T/huge.jsonl" &&
    { has_timex "$T/out" "June 3, 2020" 2020-06-03 && ok "a 100 MB JSON Lines record" || bad "a 100 MB JSON Lines record"; }
rm -f "$T/huge.jsonl"
"$PY" -c '
import sys
w = sys.stdout.write
for i in range(1000000):
    w("{\"id\":\"d%d\",\"text\":\"Talks on May %d.\"}\n" % (i, i % 28 + 1))' > "$T/tiny.jsonl"
if bounded "a million tiny documents" 0 300 512 - "$ANNALS" extract -f jsonl -q "$T/tiny.jsonl"; then
    got=$("$PY" -c 'import json,sys
print(len({json.loads(l)["id"] for l in open(sys.argv[1])}))' "$T/out")
    [ "$got" = 1000000 ] && ok "a million tiny documents" || bad "a million tiny documents" "$got documents out"
fi
rm -f "$T/tiny.jsonl"

# --- JSON built to hurt ---------------------------------------------------------
"$PY" -c 'import sys; sys.stdout.write("[" * 200000 + "]" * 200000 + "\n{\"id\":\"ok\",\"text\":\"On June 3, 2020, talks.\"}\n")' > "$T/deep.jsonl"
bounded "deeply nested json lines" 1 20 300 - "$ANNALS" dates -f jsonl "$T/deep.jsonl" &&
    { grep -q "deep.jsonl:1: invalid JSON" "$T/err" && has_timex "$T/out" "June 3, 2020" 2020-06-03 &&
      ok "deeply nested json lines" || bad "deeply nested json lines" "$(cat "$T/err")"; }
"$PY" -c 'import sys; sys.stdout.write("{\"format\":\"annals/1\",\"documents\":[],\"events\":[" + "[" * 200000 + "]" * 200000 + "]}")' > "$T/deep.json"
bounded "deeply nested timeline" 2 20 300 - "$ANNALS" merge "$T/deep.json" &&
    { grep -q "deep.json:1:[0-9]*: invalid JSON" "$T/err" && [ ! -s "$T/out" ] &&
      ok "deeply nested timeline" || bad "deeply nested timeline" "$(cat "$T/err")"; }
cc -O2 -std=c11 -o "$T/gen_events" tools/gen_events.c 2>/dev/null
if [ -x "$T/gen_events" ]; then
    "$T/gen_events" 300000 > "$T/many.jsonl"
    if bounded "a 300,000-event timeline" 0 120 2048 - "$ANNALS" merge -f jsonl -o "$T/merged.jsonl" "$T/many.jsonl"; then
        "$PY" - "$T/many.jsonl" "$T/merged.jsonl" <<'PYEOF' && ok "a 300,000-event timeline" || bad "a 300,000-event timeline"
import json, sys
def keys(path):
    k = set()
    for line in open(path):
        e = json.loads(line)
        for m in e["mentions"]:
            k.add((m["doc"], m["start"], m["end"], e["type"]))
    return k
sys.exit(0 if keys(sys.argv[1]) == keys(sys.argv[2]) else 1)
PYEOF
    fi
    rm -f "$T/many.jsonl" "$T/merged.jsonl"
else
    bad "a 300,000-event timeline" "cannot build tools/gen_events.c"
fi
"$PY" -c 'import json,sys; json.dump({"format": "annals/1", "documents": [{"id": "a", "title": "x" * 50000000, "dct": None, "dct_from": "none"}], "events": []}, sys.stdout)' > "$T/bigstr.json"
bounded "a 50 MB string in a timeline" 0 60 1024 - "$ANNALS" merge -f json "$T/bigstr.json" &&
    { [ "$(jget "$T/out" 'len(d["documents"][0]["title"])')" = 50000000 ] &&
      ok "a 50 MB string in a timeline" || bad "a 50 MB string in a timeline"; }
rm -f "$T/bigstr.json"

# a shard whose #text directive promises more than the file holds (found
# by fuzz_shard: it used to allocate whatever the number said)
printf '#annals-shard/1 0 1\n#text "a.txt" 99999999999999\nOn June 3, 2020, talks.\n' > "$T/lying.jsonl"
bounded "a shard that lies about a length" 1 10 100 - "$ANNALS" extract -f jsonl "$T/lying.jsonl" &&
    { grep -q "lying.jsonl:2: the text of a.txt is cut short" "$T/err" && ok "a shard that lies about a length" ||
      bad "a shard that lies about a length" "$(cat "$T/err")"; }

# --- absurd dates -----------------------------------------------------------------
printf 'It was the year 0 and then year 99999; on February 30, 2021, on 2021-02-30, on 30/02/2021, on 0000-00-00 and on 99999-12-31 nothing happened. On February 28, 2021, talks began.\n' > "$T/absurd.txt"
if bounded "absurd dates in text" 0 10 200 - "$ANNALS" dates -f jsonl --dct 2021-03-01 "$T/absurd.txt"; then
    "$PY" - "$T/out" <<'PYEOF' && ok "absurd dates in text" || bad "absurd dates in text" "$(cat "$T/out")"
import json, re, sys, datetime
ok = True
for t in map(json.loads, open(sys.argv[1])):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", t["value"])
    if m:
        try:
            datetime.date(*map(int, m.groups()))
        except ValueError:
            ok = False
    if "30" in t["text"] and "02" in t["text"] or "February 30" in t["text"] or "99999" in t["value"]:
        ok = False
found = [t["value"] for t in map(json.loads, open(sys.argv[1])) if t["text"] == "February 28, 2021"]
sys.exit(0 if ok and found == ["2021-02-28"] else 1)
PYEOF
fi
for d in 0000-01-01 99999-01-01 2021-02-30 2021-13-01 2021-1-1; do
    bounded "--dct $d" 2 10 200 - "$ANNALS" extract --dct "$d" "$T/absurd.txt" &&
        { grep -q "'$d' is not a valid date" "$T/err" && [ ! -s "$T/out" ] && ok "--dct $d" || bad "--dct $d" "$(cat "$T/err")"; }
done
printf '{"id":"p","published":"2021-02-30","text":"On Monday, talks."}\n' > "$T/pub.jsonl"
bounded "published 2021-02-30" 0 10 200 - "$ANNALS" extract --timexes "$T/pub.jsonl" &&
    { grep -q "pub.jsonl:1: \"published\"" "$T/err" && [ "$(jget "$T/out" 'd["documents"][0]["dct"]')" = None ] &&
      ok "published 2021-02-30" || bad "published 2021-02-30" "$(cat "$T/err")"; }
mention='"mentions":[{"doc":"a","start":0,"end":5,"text":"Talks","trigger":"talks"}]'
for v in 2021-02-30 0000-01-01 99999-01-01; do
    printf '{"id":"ev-1","type":"talks","modality":"asserted","date":{"value":"%s","precision":"day","start":"%s","end":"%s"},%s}\n' \
        "$v" "$v" "$v" "$mention" > "$T/absurd-tl.jsonl"
    bounded "timeline date $v" 2 10 200 - "$ANNALS" merge "$T/absurd-tl.jsonl" &&
        { grep -q "absurd-tl.jsonl:1: \"date\"" "$T/err" && [ ! -s "$T/out" ] && ok "timeline date $v" || bad "timeline date $v" "$(cat "$T/err")"; }
done
# export reads on past a bad line (exit 1): here nothing is left to export
bounded "export of a bad timeline" 1 10 200 - "$ANNALS" export -f ics "$T/absurd-tl.jsonl" &&
    { grep -q "absurd-tl.jsonl:1: \"date\".*skipped" "$T/err" && ! grep -q BEGIN:VEVENT "$T/out" &&
      ok "export of a bad timeline" || bad "export of a bad timeline" "$(cat "$T/err")"; }

# --- backtracking bait for every rule ------------------------------------------
# For each rule of the built-in grammars, 4 KB made of its anchor words with
# the digits, commas, dashes and small words its patterns repeat over.
"$PY" - grammars/en > "$T/bait.txt" <<'PYEOF'
import glob, itertools, os, sys
filler = ["1", "12", "2021", ",", ", ,", "-", "the", "of", "and", "'s", "on", "in", "(", "...", "a"]
out = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.gram"))):
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        words = []
        for line in block.splitlines():
            parts = line.split()
            if parts[:1] == ["anchor"]:
                for a in parts[1:]:
                    if a == "DIGIT": words.append("1999")
                    elif a.startswith("table:"): words += ["June", "Monday", "March", "May"]
                    else: words.append(a.rstrip("*"))
        if not words:
            continue
        line, cyc = [], itertools.cycle(filler)
        for w in itertools.cycle(words):
            line += [w, next(cyc)]
            if sum(len(x) + 1 for x in line) > 4000:
                break
        out.append(" ".join(line))
sys.stdout.write("\n".join(out) + "\n")
PYEOF
rules=$(wc -l < "$T/bait.txt")
bounded "bait for $rules rules" 0 30 300 - "$ANNALS" extract --timexes "$T/bait.txt" &&
    { valid_json "$T/out" && [ "$rules" -gt 100 ] && ok "bait for $rules rules" || bad "bait for $rules rules"; }
# and the same bait as one line: rules meet chunks of 4 KB, not lines
tr '\n' ' ' < "$T/bait.txt" > "$T/bait1.txt"
bounded "bait as one line" 0 30 300 - "$ANNALS" extract "$T/bait1.txt" &&
    { valid_json "$T/out" && ok "bait as one line" || bad "bait as one line"; }

# --- files that cannot be read, outputs that cannot be written ---------------------
printf 'On June 3, 2020, talks.\n' > "$T/locked.txt"
if [ "$(id -u)" != 0 ]; then
    chmod 000 "$T/locked.txt"
    bounded "unreadable file" 2 10 200 - "$ANNALS" extract "$T/locked.txt" &&
        { grep -q "locked.txt: Permission denied" "$T/err" && [ ! -s "$T/out" ] && ok "unreadable file" || bad "unreadable file" "$(cat "$T/err")"; }
    chmod 644 "$T/locked.txt"
else
    # root reads any file; /proc/self/mem opens and then fails to read
    bounded "unreadable file" 1 10 200 - "$ANNALS" extract /proc/self/mem "$T/locked.txt" &&
        { grep -q "/proc/self/mem: read error" "$T/err" && [ "$(jget "$T/out" 'len(d["documents"])')" = 1 ] &&
          ok "unreadable file" || bad "unreadable file" "$(cat "$T/err")"; }
fi
bounded "a directory as a timeline" 2 10 200 - "$ANNALS" merge "$T" &&
    { grep -q "$T" "$T/err" && ok "a directory as a timeline" || bad "a directory as a timeline" "$(cat "$T/err")"; }
bounded "-o into a missing directory" 2 10 200 - "$ANNALS" extract -o "$T/no/such/dir/x.json" "$T/locked.txt" &&
    { grep -q "no/such/dir/x.json" "$T/err" && ok "-o into a missing directory" || bad "-o into a missing directory"; }
bounded "-o under a file" 2 10 200 - "$ANNALS" extract samples/border-crossing.txt -f json -o "$T/locked.txt/x" &&
    { grep -q "locked.txt/x" "$T/err" && ok "-o under a file" || bad "-o under a file"; }
if [ -c /dev/full ]; then
    bounded "-o /dev/full" 2 10 200 - "$ANNALS" extract samples/border-crossing.txt -f json -o /dev/full &&
        { grep -q "/dev/full: write failed" "$T/err" && [ -c /dev/full ] && ok "-o /dev/full" || bad "-o /dev/full" "$(cat "$T/err")"; }
fi
bounded "stdout /dev/full" 2 10 200 - sh -c "'$ANNALS' extract samples/border-crossing.txt > /dev/full" &&
    { grep -q "write error" "$T/err" && ok "stdout /dev/full" || bad "stdout /dev/full" "$(cat "$T/err")"; }
# stopped while writing: the old file stays whole and no temporary is left
"$PY" -c '
import sys
for i in range(300000):
    sys.stdout.write("{\"id\":\"d%d\",\"text\":\"On May %d, talks were held in Geneva.\"}\n" % (i, i % 28 + 1))' > "$T/stream.jsonl"
echo old > "$T/kept.jsonl"
"$ANNALS" extract -f jsonl -q -o "$T/kept.jsonl" "$T/stream.jsonl" & pid=$!
sleep 1
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
left=$(ls "$T" | grep -c 'kept.jsonl.tmp')
if [ "$rc" = 143 ] && [ "$(cat "$T/kept.jsonl")" = old ] && [ "$left" = 0 ]; then ok "-o stopped by a signal"
elif [ "$rc" = 0 ] && valid_json -l "$T/kept.jsonl"; then ok "-o stopped by a signal (finished first)"
else bad "-o stopped by a signal" "exit $rc, temporaries left: $left"; fi

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
