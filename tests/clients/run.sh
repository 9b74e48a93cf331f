#!/bin/sh
# make check-clients: real calendar software, a browser and Python read
# annals' exports of the seed article's timeline and of the merged
# timeline of 1,000 corpus articles.
#   ANNALS=./annals SHARED=../shared sh tests/clients/run.sh
#   UPDATE_REFERENCE=1 ...   also replaces tests/clients/reference.png
# Needs (Debian) khal, python3-icalendar, chromium, nodejs, npm; ical.js
# comes from npm (package.json, package-lock.json) into node_modules/.
# Each check prints "ok" or "FAIL"; the last line is "clients: N passed, N failed".
ANNALS=${ANNALS:-./annals}
SHARED=${SHARED:-../shared}
PY=/usr/bin/python3 # python3-icalendar installs for the system Python
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d /tmp/annals-clients.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
# a fixed DTSTAMP: the same timeline gives the same file
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "$2" ] && echo "$2" | sed 's/^/     /'; }

# check NAME CMD...: runs CMD; its output says what it saw or what differs
check() {
    name=$1; shift
    if "$@" >"$T/check.out" 2>&1; then ok "$name"; cat "$T/check.out"
    else bad "$name" "$(head -c 1500 "$T/check.out")"; fi
}

# ---- the tools --------------------------------------------------------------
missing=
for tool in khal chromium node npm "$PY"; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
"$PY" -c 'import icalendar' 2>/dev/null || missing="$missing python3-icalendar"
if [ -n "$missing" ]; then
    bad "tools" "missing:$missing (apt-get install khal python3-icalendar chromium nodejs npm)"
    echo "clients: $pass passed, $fail failed"
    exit 1
fi
if [ ! -f "$HERE/node_modules/ical.js/package.json" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) >"$T/npm.log" 2>&1 ||
        bad "npm ci" "$(tail -5 "$T/npm.log")"
fi

# ---- the timelines ------------------------------------------------------------
SEED="$SHARED/corpus/seed/000_9cf351623de6f674.txt"
CORPUS="$SHARED/corpus/news/allsides-geo.jsonl"
"$ANNALS" extract -q "$SEED" >"$T/seed.json" || bad "extract the seed"
head -n 1000 "$CORPUS" | "$ANNALS" extract -q -i jsonl - >"$T/articles.json" ||
    bad "extract 1,000 corpus articles"
"$ANNALS" merge -q -o "$T/merged.json" "$T/articles.json"
[ $? -le 1 ] || bad "merge 1,000 corpus articles"
"$PY" -c 'import json,sys; print("     merged: %d events from %d documents" %
    (len(json.load(open(sys.argv[1]))["events"]), len(json.load(open(sys.argv[1]))["documents"])))' \
    "$T/merged.json" 2>/dev/null

# an updated timeline: one summary changed, as a later run might
updated() {
    "$PY" - "$1" "$2" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for e in d["events"]:
    if e["date"] and e["modality"] in ("asserted", "planned"):
        e["summary"] = (e["summary"] or e["type"]) + " (updated)"
        break
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))
PYEOF
}

# khal_fresh DIR: a config with one empty calendar, apart from the user's
khal_fresh() {
    mkdir -p "$1/cal" "$1/data"
    cat >"$1/config" <<EOF
[calendars]
[[annals]]
path = $1/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = annals
EOF
}

khal_in() {
    dir=$1; shift
    XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir" COLUMNS=100000 khal -c "$dir/config" "$@"
}

# khal_check NAME DIR TIMELINE [--all]: what khal lists back is the timeline
khal_check() {
    # search matches every event by its UID; list would walk every day
    khal_in "$2" search --format '{uid}|{start-date}|{end-date}|{title}' '@annals' >"$T/khal.out" 2>&1
    check "$1" "$PY" "$HERE/check_khal.py" "$T/khal.out" "$3" $4
}

# ---- iCalendar ------------------------------------------------------------------
for run in "seed" "seed --all" "articles" "merged"; do
    set -- $run
    tl=$1; all=$2; f="$T/$tl$all.ics"
    "$ANNALS" export -q --format ics $all -o "$f" "$T/$tl.json" || { bad "export $tl$all.ics"; continue; }
    "$PY" "$HERE/expected.py" "$T/$tl.json" $all >"$T/expected.json"
    check "ical.js reads $tl$all.ics" node "$HERE/check_icaljs.mjs" "$f" "$T/expected.json"
    check "python icalendar reads $tl$all.ics" "$PY" "$HERE/check_icalendar.py" "$f" "$T/$tl.json" $all
    k="$T/khal-$tl$all"
    khal_fresh "$k"
    if khal_in "$k" import --batch -a annals "$f" >"$T/khal.log" 2>&1; then
        khal_check "khal imports $tl$all.ics and lists it back" "$k" "$T/$tl.json" $all
    else
        bad "khal imports $tl$all.ics" "$(tail -5 "$T/khal.log")"
    fi
    [ -n "$all" ] && continue
    # the same calendar, updated: UIDs stay, so nothing is duplicated
    updated "$T/$tl.json" "$T/$tl-2.json"
    SOURCE_DATE_EPOCH=1800000000 "$ANNALS" export -q --format ics -o "$T/$tl-2.ics" "$T/$tl-2.json"
    if khal_in "$k" import --batch -a annals "$T/$tl-2.ics" >"$T/khal.log" 2>&1; then
        khal_check "khal re-imports an updated $tl.ics: updated, no duplicate" "$k" "$T/$tl-2.json"
    else
        bad "khal re-imports $tl-2.ics" "$(tail -5 "$T/khal.log")"
    fi
done

# ---- HTML in a browser ------------------------------------------------------------
chrome() {
    timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --no-first-run --hide-scrollbars --user-data-dir="$T/chrome" "$@" 2>>"$T/chrome.log"
}
for tl in seed articles merged; do
    "$ANNALS" export -q --format html -o "$T/$tl.html" "$T/$tl.json" || { bad "export $tl.html"; continue; }
    chrome --dump-dom "file://$T/$tl.html" >"$T/$tl.dom"
    check "chromium shows every event of $tl.html" "$PY" "$HERE/check_dom.py" "$T/$tl.dom" "$T/$tl.json"
done
# The screenshot kept as the reference shows our own sample articles (the
# corpus is other people's writing, not to be copied into the project).
"$ANNALS" extract -q -f json samples/*.txt >"$T/samples.json" &&
    "$ANNALS" export -q --format html -n "annals samples" -o "$T/samples.html" "$T/samples.json" ||
    bad "export samples.html"
chrome --window-size=1000,1400 --screenshot="$T/samples.png" "file://$T/samples.html" >/dev/null
if "$PY" - "$T/samples.png" <<'PYEOF'
import struct, sys
b = open(sys.argv[1], "rb").read()
w, h = struct.unpack(">II", b[16:24])
# a blank page compresses to a few kilobytes; text and colour do not
assert b[:8] == b"\x89PNG\r\n\x1a\n" and (w, h) == (1000, 1400) and len(b) > 40000, (w, h, len(b))
PYEOF
then
    ok "chromium screenshot of samples.html ($(wc -c <"$T/samples.png") bytes; reference: tests/clients/reference.png)"
    [ -n "$UPDATE_REFERENCE" ] && cp "$T/samples.png" "$HERE/reference.png"
else
    bad "chromium screenshot of samples.html" "$(tail -3 "$T/chrome.log")"
fi

# ---- CSV and TimelineJS --------------------------------------------------------------
for tl in seed articles merged; do
    "$ANNALS" export -q --format csv -o "$T/$tl.csv" "$T/$tl.json" || { bad "export $tl.csv"; continue; }
    check "python csv round-trips $tl.csv" "$PY" "$HERE/check_csv.py" "$T/$tl.csv" "$T/$tl.json"
done
for tl in articles merged; do
    "$ANNALS" export -q --format timelinejs -o "$T/$tl.tjs" "$T/$tl.json" || { bad "export $tl timelinejs"; continue; }
    check "timelinejs of $tl: a slide for each dated, asserted or planned event" \
        "$PY" "$HERE/check_timelinejs.py" "$T/$tl.tjs" "$T/$tl.json"
done

echo "clients: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
