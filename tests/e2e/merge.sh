#!/bin/sh
# End-to-end tests of 'annals merge' and 'annals extract --merge'. Run from
# the top of the tree:  ANNALS=./annals sh tests/e2e/merge.sh
# Prints "ok" / "FAIL" (and "skip" where the extractor, not the merge, lacks
# an event) and ends with "merge: N passed, N failed".
ANNALS=${ANNALS:-./annals}
PY=${PYTHON:-/usr/bin/python3}
MC=tests/merge-corpus
T=$(mktemp -d /tmp/annals-merge.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/e2e/lib.sh
expect() { run "$@"; } # this suite's name for run

# --- usage --------------------------------------------------------------------
expect "help" 0 "$ANNALS" merge --help && grep -q "annals merge monday.json" "$T/out" && ok "help" || bad "help"
expect "no input" 2 "$ANNALS" merge && grep -q "no timelines" "$T/err" && ok "no input" || bad "no input"
expect "bad format" 2 "$ANNALS" merge --format csv x.json && ok "bad format"
expect "missing file" 2 "$ANNALS" merge "$T/nope.json" && grep -q "nope.json: cannot open" "$T/err" && ok "missing file" \
    || bad "missing file" "$(cat "$T/err")"

# --- the corpus in two halves, one as JSON, one as JSON Lines ------------------
head -n 11 "$MC/corpus.jsonl" > "$T/a.jsonl"
tail -n +12 "$MC/corpus.jsonl" > "$T/b.jsonl"
"$ANNALS" extract -o "$T/a.json" "$T/a.jsonl" && "$ANNALS" extract --format jsonl -o "$T/b.events" "$T/b.jsonl" \
    && ok "extract halves" || bad "extract halves"
expect "json + jsonl" 0 "$ANNALS" merge -o "$T/ab.json" "$T/a.json" "$T/b.events" && ok "json + jsonl"
expect "order" 0 "$ANNALS" merge "$T/b.events" "$T/a.json" && cmp -s "$T/out" "$T/ab.json" && ok "order independent" \
    || bad "order independent" "merge B A differs from merge A B"
expect "idempotent" 0 "$ANNALS" merge "$T/ab.json" "$T/ab.json" && cmp -s "$T/out" "$T/ab.json" && ok "idempotent" \
    || bad "idempotent" "merge M M differs from M"
expect "again" 0 "$ANNALS" merge "$T/ab.json" "$T/a.json" && cmp -s "$T/out" "$T/ab.json" && ok "merging a part again" \
    || bad "merging a part again"
expect "jsonl out" 0 "$ANNALS" merge --format jsonl "$T/ab.json" && \
    [ "$(wc -l < "$T/out")" -eq "$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$T/ab.json")" ] \
    && ok "jsonl out" || bad "jsonl out"
"$ANNALS" extract --merge "$MC/corpus.jsonl" > "$T/xm.json" 2>/dev/null
# (JSON Lines carry no document metadata, so compare the events)
"$PY" -c 'import json,sys; a,b=(json.load(open(f))["events"] for f in sys.argv[1:]); sys.exit(a != b)' "$T/xm.json" "$T/ab.json" \
    && ok "extract --merge = merge of extracts" || bad "extract --merge = merge of extracts"

# --- bad input: named by file and line; nothing written without --keep-going ---
{ head -n 2 "$T/b.events"; echo '{"id": "ev-1", "type": "picnic"}'; tail -n +3 "$T/b.events"; } > "$T/bad.jsonl"
expect "bad line" 2 "$ANNALS" merge -o "$T/never.json" "$T/a.json" "$T/bad.jsonl" && \
    grep -q "bad.jsonl:3: \"type\" is \"picnic\"" "$T/err" && [ ! -e "$T/never.json" ] && ok "bad line: named, nothing written" \
    || bad "bad line: named, nothing written" "$(cat "$T/err")"
expect "keep going" 1 "$ANNALS" merge --keep-going -o "$T/kept.json" "$T/a.json" "$T/bad.jsonl" && \
    grep -q "bad.jsonl:3:" "$T/err" && [ -s "$T/kept.json" ] && ok "keep going" || bad "keep going"
# the lines after the bad one are merged too: only that line is lost
expect "keep going past the line" 1 "$ANNALS" merge --keep-going -f jsonl "$T/bad.jsonl" && \
    [ "$(grep -c . "$T/out")" -gt 0 ] && \
    "$PY" -c 'import json,sys
inp = {(m["doc"], m["start"]) for l in open(sys.argv[1]) if "picnic" not in l for m in json.loads(l)["mentions"]}
out = {(m["doc"], m["start"]) for l in open(sys.argv[2]) for m in json.loads(l)["mentions"]}
sys.exit(inp != out)' "$T/bad.jsonl" "$T/out" && ok "keep going past the line" || bad "keep going past the line" "$(cat "$T/err")"
expect "export past the line" 1 "$ANNALS" export -f csv "$T/bad.jsonl" && grep -q "bad.jsonl:3:.*skipped" "$T/err" && \
    [ "$(tail -n +2 "$T/out" | grep -c .)" -ge "$(( $(grep -c . "$T/bad.jsonl") - 1 ))" ] && ok "export past the line" \
    || bad "export past the line" "$(cat "$T/err")"
printf '{"format": "annals/1", "documents": [], "events": [\n' > "$T/trunc.json"
expect "truncated" 2 "$ANNALS" merge "$T/trunc.json" && grep -q "trunc.json:2:" "$T/err" && ok "truncated document: file:line" \
    || bad "truncated document: file:line" "$(cat "$T/err")"

# --- the merge corpus, from an ideal extraction built from key.json -----------
# One event a reported article, with the names, date and modality the key
# says that article gives: the merge alone must find the 5 events and the
# 5 singletons, each citing exactly its articles.
"$PY" - "$MC" > "$T/ideal.jsonl" <<'PYEOF'
import json, sys, re
mc = sys.argv[1]
key = json.load(open(mc + "/key.json"))
texts = {}
for line in open(mc + "/corpus.jsonl", encoding="utf-8"):
    d = json.loads(line); texts[d["id"]] = d["text"]
STATES = {"Washington", "Pyongyang", "Moscow", "Ankara", "U.S.", "Iran", "Ukraine", "Russia", "the United States"}
def span(rep):
    t = texts[rep["id"]].encode("utf-8"); s = t.find(rep["date_text"].encode("utf-8"))
    return (max(s, 0), max(s, 0) + len(rep["date_text"].encode("utf-8")))
def date(v):
    if len(v) == 10: return {"value": v, "precision": "day", "start": v, "end": v}
    import calendar; y, m = map(int, v.split("-")); last = calendar.monthrange(y, m)[1]
    return {"value": v, "precision": "month", "start": v + "-01", "end": "%s-%02d" % (v, last)}
def parties(names, participants):
    out = []
    for n in names:
        cc, kind = None, "group"  # an unresolved description: "the insurgents"
        for p in participants:
            if n.lower().replace("the ", "") in p.lower():
                cc = (re.search(r"\(([A-Z]{3})\)", p) or [None, None])[1]
                kind = "armed_group" if "armed group" in p else "person"
        if n in STATES: kind = "state"
        out.append({"name": n, "country": cc, "kind": kind})
    return out
def emit(ev, rep, participants):
    s, e = span(rep)
    loc = ev.get("location")
    print(json.dumps({"id": "ev-%s" % rep["id"], "type": ev["type"], "modality": rep["modality"],
        "date": date(rep["date_value"]), "actors": parties(rep["names"], participants), "targets": [],
        "location": {"name": loc["name"], "country": loc["country"]} if loc else None,
        "summary": ev["name"], "confidence": 0.8,
        "mentions": [{"doc": rep["id"], "start": s, "end": e, "sentence": None, "trigger": None,
                      "date_text": rep["date_text"]}]}))
for ev in key["events"]:
    for rep in ev["reported"]: emit(ev, rep, ev["participants"])
for sg in key["singletons"]:
    emit(sg, sg["reported"], [])
PYEOF
expect "ideal merge" 0 "$ANNALS" merge "$T/ideal.jsonl" && "$PY" - "$MC/key.json" "$T/out" > "$T/res" <<'PYEOF'
import json, sys
key = json.load(open(sys.argv[1])); out = json.load(open(sys.argv[2]))
cites = [sorted({m["doc"] for m in e["mentions"]}) for e in out["events"]]
want = [sorted(e["articles"]) for e in key["events"]] + [[s["id"]] for s in key["singletons"]]
for w in want:
    print(("ok   " if w in cites else "FAIL ") + "ideal merge-corpus event " + ",".join(w))
print(("ok   " if len(cites) == key["expected_event_count"] else "FAIL ") +
      "ideal merge-corpus: %d events, want %d" % (len(cites), key["expected_event_count"]))
e2 = [e for e in out["events"] if "mc15" in {m["doc"] for m in e["mentions"]}][0]
dr = {d["value"]: d["docs"] for d in e2.get("date_reports", [])}
print(("ok   " if e2["date"]["value"] == "2020-01-03" and dr.get("2020-01-02") == ["mc15"] else "FAIL ") +
      "ideal merge-corpus: Soleimani strike dated 2020-01-03, 2020-01-02 kept in date_reports")
e1 = [e for e in out["events"] if "mc14" in {m["doc"] for m in e["mentions"]}][0]
print(("ok   " if e1["modality"] == "asserted" and e1["sources"] == 4 else "FAIL ") +
      "ideal merge-corpus: planned-then-held summit is one asserted event of 4 sources")
PYEOF
while read -r st rest; do
    if [ "$st" = ok ]; then ok "$rest"; else bad "$rest"; fi
done < "$T/res"

# --- the merge corpus through the extractor -----------------------------------
# Each key event must come out as one event citing every article in which
# the extractor found a report of it (same type, a date that contains or
# is within a day of the key's); no two key events may be merged. Articles
# where the extractor finds no such report are listed, not failed: that is
# the extractor's part.
"$ANNALS" extract --format jsonl "$MC/corpus.jsonl" > "$T/raw.jsonl" 2>/dev/null
"$PY" - "$MC/key.json" "$T/raw.jsonl" "$T/xm.json" > "$T/res" <<'PYEOF'
import json, sys, datetime
key = json.load(open(sys.argv[1]))
raw = [json.loads(l) for l in open(sys.argv[2])]
out = json.load(open(sys.argv[3]))["events"]
def day(s): return datetime.date.fromisoformat(s)
def fits(ev, want):
    d = ev.get("date")
    if not d: return False
    w = day(want); s, e = day(d["start"]), day(d["end"])
    return (s <= w <= e and (e - s).days < 92) or (s == e and abs((s - w).days) <= 1)
owner = {}
for k in key["events"]:
    found = sorted({m["doc"] for ev in raw if ev["type"] == k["type"] and fits(ev, k["date"])
                    for m in ev["mentions"] if m["doc"] in k["articles"]})
    missing = sorted(set(k["articles"]) - set(found))
    note = " (extractor finds none in %s)" % ",".join(missing) if missing else ""
    if len(found) < 2:
        print("skip extracted merge-corpus %s: reports in %d of %d articles%s" % (k["key"], len(found), len(k["articles"]), note))
        continue
    hit = [e for e in out if e["type"] == k["type"] and set(found) <= {m["doc"] for m in e["mentions"]}]
    print(("ok   " if len(hit) == 1 else "FAIL ") + "extracted merge-corpus %s %s: one event citing %s%s" %
          (k["key"], k["type"], ",".join(found), note))
    for e in hit: owner[id(e)] = k["key"]
for k in key["events"]:
    for e in out:
        docs = {m["doc"] for m in e["mentions"]}
        other = [j for j in key["events"] if j is not k and j["type"] == e["type"] and docs & set(j["articles"])]
        if e["type"] == k["type"] and docs & set(k["articles"]) and other and fits(e, k["date"]):
            print("FAIL extracted merge-corpus %s merged with %s" % (k["key"], other[0]["key"]))
for s in key["singletons"]:
    r = s["reported"]
    bad = [e for e in out if e["type"] == s["type"] and r["id"] in {m["doc"] for m in e["mentions"]}
           and len({m["doc"] for m in e["mentions"]}) > 1]
    print(("ok   " if not bad else "FAIL ") + "extracted merge-corpus singleton %s stays alone" % r["id"])
PYEOF
while read -r st rest; do
    case $st in
    ok) ok "$rest" ;;
    skip) echo "skip $rest" ;;
    *) bad "$rest" ;;
    esac
done < "$T/res"

echo "merge: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
