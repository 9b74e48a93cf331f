"""What an annals iCalendar export must hold, computed from the timeline
itself by the rules of docs/exports.md (written apart from the C code, so
that the two check each other).

As a program: expected.py TIMELINE.json [--all] prints the list as JSON
for the JavaScript check."""
import datetime
import json
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def label(d):
    """The period as the summary names it: June 2021, Q3 2021, 2021..."""
    p, start = d["precision"], d["start"]
    if p == "month":
        return "%s %s" % (MONTHS[int(start[5:7]) - 1], start[:4])
    if p == "quarter":
        return "Q%d %s" % ((int(start[5:7]) + 2) // 3, start[:4])
    if p == "season":
        return "%s %s" % (SEASONS.get(d["value"][5:], "season"), d["value"][:4])
    if p == "year":
        return start[:4]
    if p == "decade":
        return "the %ss" % start[:4]
    return d["value"]


def clean(s):
    """TEXT carries no control character: what the exporter does to them."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(" " if (ord(c) < 32 and c not in "\n\t") or ord(c) == 127 else c for c in s)


def uid(e, dct):
    """An event's UID by docs/exports.md: the id of its earliest-published
    report (documents without a date last, then by document id, then by
    report id), or its own id when it has no reports."""
    best = None
    for r in e.get("reports") or []:
        if not r.get("mentions"):
            continue
        doc = e["mentions"][r["mentions"][0]]["doc"]
        day = dct.get(doc)
        key = (day is None, day or "", doc, r["id"])
        if best is None or key < best[0]:
            best = (key, r["id"])
    return (best[1] if best else e["id"]) + "@annals"


def events(timeline, keep_all=False):
    """{uid: (start, end exclusive, summary)} of the events a calendar gets."""
    out = {}
    dct = {d["id"]: d.get("dct") for d in timeline.get("documents", [])}
    for e in timeline["events"]:
        d = e.get("date")
        if not d:
            continue
        if e["modality"] in ("negated", "hypothetical") and not keep_all:
            continue
        start = datetime.date.fromisoformat(d["start"])
        if d["precision"] in ("day", "week"):
            end = datetime.date.fromisoformat(d["end"]) + datetime.timedelta(days=1)
            prefix = ""
        else:
            end = start + datetime.timedelta(days=1)
            prefix = "[%s] " % label(d)
        if e["modality"] in ("negated", "hypothetical"):
            prefix = "[%s] %s" % (e["modality"], prefix)
        summary = clean(prefix + (e.get("summary") or e["type"]))
        out[uid(e, dct)] = (start.isoformat(), end.isoformat(), summary)
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def compare(want, got, who):
    """Both {uid: (start, end, summary)}; returns a list of differences."""
    bad = []
    for uid in sorted(set(want) | set(got)):
        if uid not in got:
            bad.append("%s: %s missing" % (who, uid))
        elif uid not in want:
            bad.append("%s: %s not in the timeline" % (who, uid))
        elif want[uid] != got[uid]:
            bad.append("%s: %s is %r, wanted %r" % (who, uid, got[uid], want[uid]))
    return bad


def report(bad, n, what="UIDs, dates and summaries as in the timeline"):
    """Prints what differs (at most 5 lines) and exits 1, or says how many matched."""
    for line in bad[:5]:
        print("     " + line)
    if bad:
        print("     (%d differences)" % len(bad))
        sys.exit(1)
    print("     %d events, %s" % (n, what))


if __name__ == "__main__":
    want = events(load(sys.argv[1]), "--all" in sys.argv[2:])
    json.dump({k: list(v) for k, v in want.items()}, sys.stdout, ensure_ascii=False)
