# annals export and the export formats of extract: sourced by run.sh,
# whose run/ok/bad/jget helpers and $T it uses.

"$ANNALS" extract samples/sanctions-eu.txt > "$T/tl.json" 2>/dev/null

run "export help" 0 "$ANNALS" export --help &&
    { grep -q "^Examples:" "$T/out" && grep -q "khal import" "$T/out" && ok "export help" || bad "export help"; }
run "export no format" 2 "$ANNALS" export "$T/tl.json" &&
    { grep -q "which format" "$T/err" && ok "export no format" || bad "export no format" "$(cat "$T/err")"; }
run "export bad format" 2 "$ANNALS" export -f pdf "$T/tl.json" &&
    { grep -q "unknown format 'pdf'" "$T/err" && ok "export bad format" || bad "export bad format"; }
run "export no timeline" 2 "$ANNALS" export -f ics && ok "export no timeline"
SOURCE_DATE_EPOCH=soon run "export bad epoch" 2 "$ANNALS" export -f ics "$T/tl.json" && ok "export bad epoch"

# the format from the file's extension; the left-out counts on stderr
if SOURCE_DATE_EPOCH=1700000000 run "export ics" 0 "$ANNALS" export -o "$T/a.ics" "$T/tl.json"; then
    want=$(jget "$T/tl.json" 'sum(1 for e in d["events"] if e["date"] and e["modality"] in ("asserted","planned"))')
    undated=$(jget "$T/tl.json" 'sum(1 for e in d["events"] if not e["date"])')
    got=$(grep -c '^BEGIN:VEVENT' "$T/a.ics")
    if [ "$got" = "$want" ] && [ "$(head -c 17 "$T/a.ics")" = "$(printf 'BEGIN:VCALENDAR\r\n')" ] &&
       { [ "$undated" = 0 ] || grep -q "^annals: $undated undated event" "$T/err"; } &&
       [ ! -s "$T/out" ]; then ok "export ics"
    else bad "export ics" "$got VEVENTs, wanted $want; stderr: $(cat "$T/err")"; fi
fi
SOURCE_DATE_EPOCH=1700000000 "$ANNALS" export -q -f ics "$T/tl.json" > "$T/b.ics" 2>"$T/err"
cmp -s "$T/a.ics" "$T/b.ics" && [ ! -s "$T/err" ] && ok "export ics stable, quiet" || bad "export ics stable, quiet"
run "export ics --all" 0 "$ANNALS" export -q --all -f ics -n "EU; sanctions" "$T/tl.json" &&
    { [ "$(grep -c '^BEGIN:VEVENT' "$T/out")" = "$(jget "$T/tl.json" 'sum(1 for e in d["events"] if e["date"])')" ] &&
      grep -q '^X-WR-CALNAME:EU\\; sanctions' "$T/out" && ok "export ics --all" || bad "export ics --all"; }

# bad input: named with its line, the rest still written, exit 1
printf '{"id":"ev-1","type":"meeting","modality":"asserted","mentions":[{"doc":"a","start":0,"end":1}]}\nnot json\n' > "$T/broken.jsonl"
if run "export broken timeline" 1 "$ANNALS" export -f csv "$T/tl.json" "$T/broken.jsonl" "$T/nowhere.json"; then
    rows=$(($(wc -l < "$T/out") - 1))
    want=$(($(jget "$T/tl.json" 'len(d["events"])') + 1))
    grep -q "broken.jsonl:2: invalid JSON" "$T/err" && grep -q "nowhere.json: cannot read" "$T/err" &&
        [ "$rows" = "$want" ] && ok "export broken timeline" || bad "export broken timeline" "$rows rows; $(cat "$T/err")"
fi
run "export unwritable" 2 "$ANNALS" export -o "$T/no/such/dir/x.html" "$T/tl.json" &&
    { [ ! -e "$T/no" ] && ok "export unwritable" || bad "export unwritable"; }

# extract writes the exports too
run "extract --format html" 0 "$ANNALS" extract -f html samples/sanctions-eu.txt &&
    { grep -q '<!DOCTYPE html>' "$T/out" && ok "extract --format html" || bad "extract --format html"; }
run "extract --format timelinejs" 0 "$ANNALS" extract -q -f timelinejs samples/sanctions-eu.txt &&
    { valid_json "$T/out" && ok "extract --format timelinejs" || bad "extract --format timelinejs"; }

# a calendar's UID survives later coverage: the event's id changes as
# sources join it, the UID (its earliest-published report) does not
printf '{"id":"uid-a","published":"2021-06-16","text":"Russian President Vladimir Putin met U.S. President Joe Biden in Geneva on Wednesday."}\n' > "$T/ua.jsonl"
printf '{"id":"uid-b","published":"2021-06-17","text":"Vladimir Putin and Joe Biden met in Geneva on Wednesday, June 16."}\n' > "$T/ub.jsonl"
printf '{"id":"uid-c","published":"2021-06-18","text":"Vladimir Putin met Joe Biden in Geneva on June 16."}\n' > "$T/uc.jsonl"
for x in a b c; do "$ANNALS" extract -f json "$T/u$x.jsonl" > "$T/u$x.json" 2>/dev/null; done
"$ANNALS" merge "$T/ua.json" "$T/ub.json" > "$T/uab.json" 2>/dev/null
"$ANNALS" merge "$T/uab.json" "$T/uc.json" > "$T/uabc.json" 2>/dev/null
u1=$("$ANNALS" export -f ics "$T/ua.json" 2>/dev/null | grep '^UID:')
u2=$("$ANNALS" export -f ics "$T/uab.json" 2>/dev/null | grep '^UID:')
u3=$("$ANNALS" export -f ics "$T/uabc.json" 2>/dev/null | grep '^UID:')
id1=$(jget "$T/ua.json" 'd["events"][0]["id"]')
ids=$(jget "$T/uabc.json" '" ".join(str(e["sources"]) + e["id"] for e in d["events"])')
[ -n "$u1" ] && [ "$u1" = "$u2" ] && [ "$u2" = "$u3" ] && [ "$u1" = "$(printf 'UID:%s@annals\r' "$id1")" ] &&
    [ "$ids" != "3$id1" ] && [ "${ids#3}" != "$ids" ] &&
    ok "ics UID survives later coverage" || bad "ics UID survives later coverage" "$u1 / $u2 / $u3; $ids"
# several timelines are merged first: one calendar event per occurrence,
# and a timeline given twice adds nothing
n2=$("$ANNALS" export -f ics "$T/ua.json" "$T/ua.json" 2>/dev/null | grep -c '^BEGIN:VEVENT')
n3=$("$ANNALS" export -f ics "$T/ua.json" "$T/ub.json" "$T/uc.json" 2>/dev/null | grep -c '^BEGIN:VEVENT')
u4=$("$ANNALS" export -f ics "$T/uc.json" "$T/ub.json" "$T/ua.json" 2>/dev/null | grep '^UID:')
[ "$n2" = 1 ] && [ "$n3" = 1 ] && [ "$u4" = "$u1" ] && ok "export merges its inputs" ||
    bad "export merges its inputs" "$n2 and $n3 events; $u4"
