"""Runs Python's dateparser over a JSON Lines corpus: search_dates(text) per
article with the publication date as the relative base. Prints
"<seconds> <results>". Run with /usr/bin/python3 (Debian's dateparser)."""
import datetime, json, sys, time
from dateparser.search import search_dates

docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
t = time.perf_counter()
found = 0
for d in docs:
    base = datetime.datetime(2000, 1, 1)
    if d.get("published"):
        base = datetime.datetime.fromisoformat(d["published"][:10])
    r = search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base})
    found += len(r or [])
print("%.4f %d" % (time.perf_counter() - t, found))
