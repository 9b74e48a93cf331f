"""khal lists back what it imported: every event once, with its UID,
dates and summary. khal prints an all-day event's last day, not the
exclusive DTEND, and years without padding ("1-11-01").
Usage: check_khal.py KHAL_OUTPUT TIMELINE.json [--all]
(the output of: khal search --format '{uid}|{start-date}|{end-date}|{title}' @annals)"""
import datetime
import sys
import expected


def day(s):
    y, m, d = (int(x) for x in s.split("-"))
    return datetime.date(y, m, d)


got, dups = {}, []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line:
            continue
        uid, start, end, title = line.split("|", 3)
        if uid in got:
            dups.append("khal: %s listed twice" % uid)
        got[uid] = (day(start).isoformat(), (day(end) + datetime.timedelta(days=1)).isoformat(), title)
want = expected.events(expected.load(sys.argv[2]), "--all" in sys.argv[3:])
expected.report(dups + expected.compare(want, got, "khal"), len(want))
