#!/bin/sh
# End-to-end tests of the annals binary. Run from the top of the tree:
#   ANNALS=./annals sh tests/e2e/run.sh
# Each case prints "ok" or "FAIL"; the last line is "N passed, N failed".
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
PY=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d /tmp/annals-e2e.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/e2e/lib.sh

# --- samples: the whole output is kept as the expected timeline ----------
for f in samples/*.txt; do
    s=$(basename "$f" .txt)
    if run "sample $s" 0 "$ANNALS" extract "$f"; then
        if cmp -s "$T/out" "tests/e2e/expected/$s.json"; then ok "sample $s"
        else bad "sample $s" "output differs from tests/e2e/expected/$s.json:
$(diff "tests/e2e/expected/$s.json" "$T/out" | head -20)"; fi
    fi
done

# --- the seed article -------------------------------------------------------
SEED="$SHARED/corpus/seed/000_9cf351623de6f674.txt"
if [ -f "$SEED" ]; then
    if run "seed dct" 0 "$ANNALS" extract "$SEED"; then
        got=$(jget "$T/out" '(d["documents"][0]["dct"], d["documents"][0]["dct_from"])')
        [ "$got" = "('2021-07-18', 'text')" ] && ok "seed dct" || bad "seed dct" "$got"
    fi
    # the seed's timeline: the events the article reports, dated where it dates them
    if run "seed events" 0 "$ANNALS" extract "$SEED"; then
        "$PY" - "$T/out" <<'PYEOF' && ok "seed events" || bad "seed events"
import json, sys
ev = json.load(open(sys.argv[1]))["events"]
def find(type_, **want):
    for e in ev:
        if e["type"] != type_: continue
        if all(f(e) for f in want.values()): return e
    raise SystemExit("missing %s %s" % (type_, list(want)))
names = lambda ps: {p["name"] for p in ps}
m = find("meeting", putin=lambda e: "Vladimir Putin" in names(e["actors"]),
         biden=lambda e: "Joe Biden" in names(e["targets"]),
         geneva=lambda e: e["location"] and e["location"]["name"] == "Geneva")
assert m["date"]["value"] == "2021-06-16" and len(m["mentions"]) == 2, m
s = find("seizure", taliban=lambda e: "Taliban" in names(e["actors"]))
assert s["date"]["value"] == "2021-07-14", s["date"]
find("offer", putin=lambda e: "Vladimir Putin" in names(e["actors"]))
find("withdrawal", us=lambda e: "United States" in names(e["actors"]),
     afg=lambda e: e["modality"] == "asserted")
find("talks", three=lambda e: {"Kazakhstan", "Tajikistan", "Uzbekistan"} <= names(e["targets"]))
find("evacuation", planned=lambda e: e["modality"] == "planned")
find("meeting", tashkent=lambda e: e["location"] and e["location"]["name"] == "Tashkent",
     planned=lambda e: e["modality"] == "planned")
# ids are stable and unique
assert len({e["id"] for e in ev}) == len(ev)
PYEOF
    fi
    # the readable timeline: one line an event, date at its precision
    if run "seed text" 0 "$ANNALS" extract -f text "$SEED"; then
        grep -q '^2021-06-16  meeting .*Vladimir Putin.*\[000_9cf351623de6f674\]$' "$T/out" &&
            grep -q '^undated .*(planned)' "$T/out" &&
            grep -q '^# 000_9cf351623de6f674  published 2021-07-18 (text)' "$T/out" &&
            ok "seed text" || bad "seed text" "$(head -5 "$T/out")"
    fi
else
    echo "skip seed dct ($SEED not found)"
fi

# --- the news corpus: every document, with its published date ------------
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
if [ -f "$CORPUS" ]; then
    if run "corpus documents" 0 "$ANNALS" extract --format json "$CORPUS"; then
        "$PY" - "$T/out" "$CORPUS" <<'PYEOF' && ok "corpus documents" || bad "corpus documents"
import json, sys
out = json.load(open(sys.argv[1]))
docs = {d["id"]: d for d in out["documents"]}
n = 0
for line in open(sys.argv[2]):
    r = json.loads(line); n += 1
    d = docs[r["id"]]
    pub = r.get("published") or ""
    if pub and "1800" <= pub[:4] <= "2200":
        assert d["dct"] == pub[:10] and d["dct_from"] == "metadata", r["id"]
    elif pub:  # a placeholder such as 0001-11-30 is no publication date
        assert d["dct_from"] != "metadata", r["id"]
assert n == len(docs) == 6525, (n, len(docs))
PYEOF
    fi
else
    echo "skip corpus documents ($CORPUS not found)"
fi

# --- threads: the output of --jobs N is the output of --jobs 1 --------------
if run "jobs 1" 0 "$ANNALS" extract -j 1 -f json tests/merge-corpus/corpus.jsonl samples; then
    cp "$T/out" "$T/j1"
    for n in 2 5; do
        run "jobs $n" 0 "$ANNALS" extract -j $n -f json tests/merge-corpus/corpus.jsonl samples &&
            { cmp -s "$T/out" "$T/j1" && ok "jobs $n same output" || bad "jobs $n same output"; }
    done
    run "jobs jsonl" 0 "$ANNALS" extract -j 3 -f jsonl tests/merge-corpus/corpus.jsonl samples &&
        { valid_json -l "$T/out" && [ "$(wc -l < "$T/out")" -eq "$(jget "$T/j1" 'len(d["events"])')" ] &&
          ok "jobs jsonl streams every event" || bad "jobs jsonl streams every event"; }
fi
run "bad --jobs" 2 "$ANNALS" extract -j 0 samples && { grep -q "jobs takes a number" "$T/err" && ok "bad --jobs" || bad "bad --jobs"; }

# --- options ------------------------------------------------------------------
if run "--dct option" 0 "$ANNALS" extract --dct 2020-01-02 samples/border-crossing.txt; then
    got=$(jget "$T/out" 'd["documents"][0]["dct"] + " " + d["documents"][0]["dct_from"]')
    [ "$got" = "2020-01-02 option" ] && ok "--dct option" || bad "--dct option" "$got"
fi
run "invalid --dct" 2 "$ANNALS" extract --dct 2021-02-30 samples/border-crossing.txt &&
    { grep -q "2021-02-30" "$T/err" && [ ! -s "$T/out" ] && ok "invalid --dct" || bad "invalid --dct" "$(cat "$T/err")"; }
run "unknown option" 2 "$ANNALS" extract --frobnicate samples/border-crossing.txt &&
    { grep -q "unknown option '--frobnicate'" "$T/err" && ok "unknown option" || bad "unknown option" "$(cat "$T/err")"; }
run "unknown format" 2 "$ANNALS" extract --format xml samples/border-crossing.txt &&
    { grep -q "unknown format 'xml'" "$T/err" && ok "unknown format" || bad "unknown format"; }
run "missing file" 2 "$ANNALS" extract samples/border-crossing.txt "$T/nope.txt" &&
    { grep -q "nope.txt: No such file" "$T/err" && [ ! -s "$T/out" ] && ok "missing file" || bad "missing file" "$(cat "$T/err")"; }
run "unknown command" 2 "$ANNALS" frobnicate && ok "unknown command"
run "merge missing input" 2 "$ANNALS" merge "$T/x.json" && { grep -q "x.json: cannot open" "$T/err" && ok "merge missing input" || bad "merge missing input"; }
run "--version" 0 "$ANNALS" --version && { grep -qx "annals 0.1.0" "$T/out" && ok "--version" || bad "--version"; }
for c in "" extract; do
    run "help $c" 0 "$ANNALS" $c --help && { grep -q "Examples:" "$T/out" && ok "help $c" || bad "help $c"; }
done
run "no command" 2 "$ANNALS" && { grep -q "Usage:" "$T/err" && ok "no command" || bad "no command"; }

# --- output files -------------------------------------------------------------
# -o gives the mode a redirect would: 0666 less the umask, or the old file's
( umask 022; "$ANNALS" extract -q -o "$T/mode.json" samples/border-crossing.txt )
m1=$(stat -c %a "$T/mode.json"); chmod 640 "$T/mode.json"
( umask 022; "$ANNALS" extract -q -o "$T/mode.json" samples/border-crossing.txt )
m2=$(stat -c %a "$T/mode.json")
[ "$m1" = 644 ] && [ "$m2" = 640 ] && ok "-o file mode" || bad "-o file mode" "$m1 then $m2"
# -o to a pipe or a device writes to it; it is never replaced by a file
mkfifo "$T/fifo"
( cat "$T/fifo" > "$T/fifo.out" ) &
"$ANNALS" extract -q -o "$T/fifo" samples/border-crossing.txt
wait
[ -p "$T/fifo" ] && cmp -s "$T/fifo.out" tests/e2e/expected/border-crossing.json && ok "-o a fifo" || bad "-o a fifo"
run "-o a directory" 2 "$ANNALS" extract -o "$T" samples/border-crossing.txt &&
    { grep -q "it is a directory" "$T/err" && ok "-o a directory" || bad "-o a directory"; }
if run "-o file" 0 "$ANNALS" extract -o "$T/tl.json" samples/border-crossing.txt; then
    cmp -s "$T/tl.json" tests/e2e/expected/border-crossing.json && [ ! -s "$T/out" ] &&
        [ -z "$(ls "$T" | grep tmp)" ] && ok "-o file" || bad "-o file"
fi
run "-o missing dir" 2 "$ANNALS" extract -o "$T/no/such/dir/tl.json" samples/border-crossing.txt &&
    { [ ! -e "$T/no" ] && grep -q "tl.json" "$T/err" && ok "-o missing dir" || bad "-o missing dir"; }
echo "old" > "$T/keep.json"
run "-o kept on failure" 2 "$ANNALS" extract -o "$T/keep.json" "$T/nope.txt" &&
    { [ "$(cat "$T/keep.json")" = old ] && ok "-o kept on failure" || bad "-o kept on failure"; }

# --- inputs -------------------------------------------------------------------
mkdir -p "$T/dir/sub"
cp samples/border-crossing.txt "$T/dir/b.txt"
cp samples/sanctions-eu.txt "$T/dir/sub/a.txt"
echo "ignored" > "$T/dir/notes.md"
printf '{"id":"j1","text":"Hello.","published":"2019-01-02"}\n' > "$T/dir/sub/c.jsonl"
if run "directory" 0 "$ANNALS" extract "$T/dir"; then
    got=$(jget "$T/out" '" ".join(x["id"] for x in d["documents"])')
    [ "$got" = "b a j1" ] && ok "directory" || bad "directory" "$got"
fi
if run "stdin" 0 sh -c "\"$ANNALS\" extract - < samples/border-crossing.txt"; then
    got=$(jget "$T/out" 'd["documents"][0]["id"] + " " + d["documents"][0]["dct"]')
    [ "$got" = "stdin 2021-07-15" ] && ok "stdin" || bad "stdin" "$got"
fi
if run "stdin jsonl" 0 sh -c "printf '{\"id\":\"s\",\"text\":\"x\"}\n' | \"$ANNALS\" extract -i jsonl"; then
    [ "$(jget "$T/out" 'd["documents"][0]["id"]')" = s ] && ok "stdin jsonl" || bad "stdin jsonl"
fi
cp samples/border-crossing.txt "$T/dup.txt"
mkdir -p "$T/other" && cp samples/border-crossing.txt "$T/other/dup.txt"
if run "unique ids" 0 "$ANNALS" extract "$T/dup.txt" "$T/other/dup.txt"; then
    [ "$(jget "$T/out" '" ".join(x["id"] for x in d["documents"])')" = "dup dup-2" ] &&
        ok "unique ids" || bad "unique ids"
fi

# --- broken and hostile input -------------------------------------------------
printf '{"id":"a","text":"fine"}\n{"id":"b", text}\n{"id":"c"}\n\n{"id":"d","text":"also fine"}\n' > "$T/broken.jsonl"
if run "broken jsonl" 1 "$ANNALS" extract "$T/broken.jsonl"; then
    valid_json "$T/out" && grep -q "broken.jsonl:2: invalid JSON" "$T/err" &&
        grep -q "broken.jsonl:3: no string \"text\" field" "$T/err" &&
        [ "$(jget "$T/out" '" ".join(x["id"] for x in d["documents"])')" = "a d" ] &&
        ok "broken jsonl" || bad "broken jsonl" "$(cat "$T/err")"
fi
run "broken jsonl quiet" 1 "$ANNALS" extract -q "$T/broken.jsonl" && { [ ! -s "$T/err" ] && ok "broken jsonl quiet" || bad "broken jsonl quiet"; }
: > "$T/empty.txt"
run "empty file" 0 "$ANNALS" extract "$T/empty.txt" && { valid_json "$T/out" && ok "empty file" || bad "empty file"; }
head -c 200000 /dev/urandom > "$T/random.txt"
run "random bytes" 0 "$ANNALS" extract "$T/random.txt" && { valid_json "$T/out" && ok "random bytes" || bad "random bytes"; }
head -c 300000 /dev/urandom > "$T/random.jsonl"
run "random jsonl" 1 "$ANNALS" extract "$T/random.jsonl" && { valid_json "$T/out" && ok "random jsonl" || bad "random jsonl"; }
printf '\357\273\277Title here\r\rBy A | June 3, 2020\r\rText \000 with NUL and \377 bad byte.\r' > "$T/hostile.txt"
if run "bom cr nul" 0 "$ANNALS" extract "$T/hostile.txt"; then
    valid_json "$T/out" && [ "$(jget "$T/out" 'd["documents"][0]["dct"]')" = 2020-06-03 ] &&
        ok "bom cr nul" || bad "bom cr nul"
fi

. tests/e2e/export.sh

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
