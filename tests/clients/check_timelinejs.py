"""A TimelineJS export: a slide for each dated, asserted or planned event,
in order, each with a start year and a headline, partial dates as the
precision allows. Usage: check_timelinejs.py FILE.json TIMELINE.json"""
import sys
import expected

t = expected.load(sys.argv[1])
events = [e for e in expected.load(sys.argv[2])["events"]
          if e["date"] and e["modality"] in ("asserted", "planned")]
bad = []
got = [s["unique_id"] for s in t["events"]]
if got != [e["id"] for e in events]:
    bad.append("timelinejs: %d slides for %d events" % (len(got), len(events)))
for s, e in zip(t["events"], events):
    sd, d = s["start_date"], e["date"]
    if sd.get("year") != int(d["start"][:4]) or not s["text"]["headline"]:
        bad.append("timelinejs: %s starts %r" % (e["id"], sd))
    if ("day" in sd) != (d["precision"] in ("day", "week")):
        bad.append("timelinejs: %s: a %s has %r" % (e["id"], d["precision"], sd))
expected.report(bad, len(events), "a slide each, dates at their precision")
