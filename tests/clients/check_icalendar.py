"""Python's icalendar reads an annals .ics: every event there, with its
UID, dates and summary. Usage: check_icalendar.py FILE.ics TIMELINE.json [--all]"""
import sys
import icalendar
import expected

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
got = {}
for ev in cal.walk("VEVENT"):
    got[str(ev["UID"])] = (ev.decoded("DTSTART").isoformat(), ev.decoded("DTEND").isoformat(),
                           str(ev["SUMMARY"]))
assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal and "METHOD" not in cal
want = expected.events(expected.load(sys.argv[2]), "--all" in sys.argv[3:])
expected.report(expected.compare(want, got, "icalendar"), len(want))
