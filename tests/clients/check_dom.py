"""The page as Chromium built it (its DOM after the script ran) shows
every event of the timeline, and the filters came to life.
Usage: check_dom.py DOM.html TIMELINE.json"""
import sys
from html.parser import HTMLParser
import expected


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events, self.filters_hidden, self.shown, self._in_shown = [], None, "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "ev" in (a.get("class") or "").split():
            self.events.append(a.get("id"))
        if a.get("id") == "filters":
            self.filters_hidden = "hidden" in a
        self._in_shown = a.get("id") == "shown"

    def handle_data(self, data):
        if self._in_shown:
            self.shown += data


page = Page()
with open(sys.argv[1], encoding="utf-8") as f:
    page.feed(f.read())
ids = [e["id"] for e in expected.load(sys.argv[2])["events"]]
bad = []
if sorted(page.events) != sorted(ids):
    missing = set(ids) - set(page.events)
    bad.append("chromium: %d events on the page, %d in the timeline; missing %s"
               % (len(page.events), len(ids), sorted(missing)[:3]))
if page.filters_hidden is not False:
    bad.append("chromium: the filters did not appear (did the script run?)")
if page.shown.strip() != "%d of %d events shown" % (len(ids), len(ids)):
    bad.append("chromium: the count says %r" % page.shown)
expected.report(bad, len(ids), "each on the page, filters working")
