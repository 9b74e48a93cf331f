"""Python's csv module reads an annals CSV export: one row an event, in
the timeline's order, with its fields; written back by the csv module,
the file is the same to the byte. Usage: check_csv.py FILE.csv TIMELINE.json"""
import csv
import io
import sys
import expected

COLUMNS = ["id", "date", "date_end", "precision", "type", "cameo", "plover", "actors",
           "actor_countries", "targets", "target_countries", "location", "country",
           "modality", "summary", "sentence", "sources", "urls"]


def cell(s):
    """What a spreadsheet-safe cell holds: formulas defused by an apostrophe."""
    s = s or ""
    return "'" + s if s[:1] in ("=", "+", "-", "@") else s


with open(sys.argv[1], encoding="utf-8", newline="") as f:
    raw = f.read()
rows = list(csv.reader(io.StringIO(raw, newline="")))
events = expected.load(sys.argv[2])["events"]
bad = []
if rows[0] != COLUMNS:
    bad.append("csv: header is %r" % rows[0])
if len(rows) - 1 != len(events):
    bad.append("csv: %d rows for %d events" % (len(rows) - 1, len(events)))
for row, e in zip(rows[1:], events):
    r = dict(zip(COLUMNS, row))
    d = e.get("date") or {}
    want = {"id": e["id"], "date": d.get("start", ""), "date_end": d.get("end", ""),
            "precision": d.get("precision", ""), "type": e["type"], "modality": e["modality"],
            "summary": cell(e.get("summary") or e["type"]),
            "actors": cell("; ".join(p["name"] for p in e["actors"])),
            "targets": cell("; ".join(p["name"] for p in e["targets"])),
            "location": cell((e.get("location") or {}).get("name", ""))}
    for k, v in want.items():
        if r.get(k) != v:
            bad.append("csv: %s: %s is %r, wanted %r" % (e["id"], k, r.get(k), v))
    if len(row) != len(COLUMNS):
        bad.append("csv: %s: %d fields" % (e["id"], len(row)))
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\r\n").writerows(rows)
if out.getvalue() != raw:
    bad.append("csv: written back by the csv module, the file differs")
expected.report(bad, len(events), "one row each, fields as in the timeline, byte-identical when rewritten")
