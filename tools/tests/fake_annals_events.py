#!/usr/bin/python3
"""A stand-in for `annals extract` to test tools/eval_events.py (and
tools/eval_plover.py).

Called the way the scorers call the real binary:

    fake_annals_events.py extract --format json CORPUS.jsonl

and driven by environment variables:

  FAKE_EVENTS_GOLD    the event gold directory (<id>.json) whose events the
                      fake echoes back (modes gold, perturb, skip)
  FAKE_EVENTS_MODE    gold     (default) every gold event of the corpus's
                               articles, in annals/1 form
                      perturb  the gold changed by the rule of perturb()
                      skip     like gold, then exit status 1
                      canned   the file FAKE_EVENTS_CANNED, as it is
                      garbage  text that is not JSON
                      fail     print nothing, exit status 2

In modes gold, perturb and skip the fake checks that each corpus record's
published date is the gold's dct and that every gold mention's bytes in the
record's text are its trigger, and fails (exit 2) if not.

The fake reads the gold files itself (not through eval_events), so that the
scorer's gold reader is tested too.
"""

import calendar
import json
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in tools/

TYPES = ("meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal",
         "seizure", "attack", "sanctions", "evacuation", "deployment",
         "arrest", "release", "threat", "protest", "election",
         "leadership_change", "aid")
WRONG_DATE = "1900-01-01"
PERIOD = 5


def date_object(value):
    """{value, precision, start, end} for a TIMEX3 value (rough)."""
    if value is None:
        return None
    y = value[:4]
    rest = value[4:]
    if not y.isdigit():
        return {"value": value, "precision": "year", "start": None,
                "end": None}
    yi = int(y)
    if len(rest) == 6 and rest[0] == "-" and rest[3] == "-":
        return {"value": value, "precision": "day", "start": value,
                "end": value}
    if len(rest) == 3 and rest[1:].isdigit():
        m = int(rest[1:])
        last = calendar.monthrange(yi, m)[1]
        return {"value": value, "precision": "month",
                "start": "%s-%02d-01" % (y, m),
                "end": "%s-%02d-%02d" % (y, m, last)}
    if rest.startswith("-W"):
        return {"value": value, "precision": "week", "start": None,
                "end": None}
    if rest.startswith("-Q"):
        q = int(rest[2:])
        m0, m1 = 3 * q - 2, 3 * q
        return {"value": value, "precision": "quarter",
                "start": "%s-%02d-01" % (y, m0),
                "end": "%s-%02d-%02d" % (y, m1,
                                         calendar.monthrange(yi, m1)[1])}
    if rest == "":
        return {"value": value, "precision": "year", "start": y + "-01-01",
                "end": y + "-12-31"}
    return {"value": value, "precision": "season", "start": None,
            "end": None}


def event_object(doc_id, data, ev, n, type_=None, date=False, actors=None,
                 targets=None, mentions=None):
    """One annals/1 event from a gold event (with optional changes)."""
    ms = []
    for m in (mentions if mentions is not None else ev["mentions"]):
        ms.append({"doc": doc_id, "start": m["start"], "end": m["end"],
                   "sentence": data[m["start"]:m["end"]].decode("utf-8"),
                   "trigger": m["trigger"], "date_text": None})
    value = ev.get("date") if date is False else date
    return {
        "id": "ev-fake-%s-%d" % (doc_id, n),
        "type": type_ or ev["type"],
        "modality": ev["modality"],
        "date": date_object(value),
        "actors": actors if actors is not None else ev["actors"],
        "targets": targets if targets is not None else ev["targets"],
        "location": ev.get("location"),
        "summary": "",
        "confidence": 1.0,
        "mentions": ms,
    }


def rewrite_participant(p):
    """The same participant under another name that eval_events' rules
    still match: persons by surname with a title, states by country,
    anything else with 'The' and punctuation added."""
    p = dict(p)
    if p.get("kind") == "person":
        p["name"] = "Mr. " + p["name"].split()[-1]
    elif p.get("kind") == "state" and p.get("country"):
        p["name"] = "State of " + p["country"].lower()
    else:
        p["name"] = "The " + p["name"].upper() + "!"
    return p


def free_span(data, gold_events):
    """A 1-byte span overlapping no gold mention of the article."""
    covered = set()
    for ev in gold_events:
        for m in ev["mentions"]:
            covered.update(range(m["start"], m["end"]))
    for i in range(len(data)):
        if i not in covered and data[i] < 0x80:
            return i, i + 1
    return None


def perturb(doc_id, data, gold_events):
    """The perturbed output for one article.

    For the i-th gold event of the article (file order), k = i % 5:
      k == 0  dropped                                  (a miss)
      k == 1  type changed to the first type after it (in TYPES order,
              cyclically) that no gold event of the article has
                                                       (a miss and an extra)
      k == 2  date changed to 1900-01-01               (matched, wrong date)
      k == 3  participants renamed by rewrite_participant (matched)
      k == 4  unchanged, plus an extra event of the same type with no
              participants and one mention on a byte that no gold mention
              covers                                   (matched + an extra)
    """
    gold_types = set(ev["type"] for ev in gold_events)
    out = []
    for i, ev in enumerate(gold_events):
        k = i % PERIOD
        if k == 0:
            continue
        if k == 1:
            j = TYPES.index(ev["type"])
            for step in range(1, len(TYPES) + 1):
                t = TYPES[(j + step) % len(TYPES)]
                if t not in gold_types:
                    break
            out.append(event_object(doc_id, data, ev, len(out), type_=t))
        elif k == 2:
            out.append(event_object(doc_id, data, ev, len(out),
                                    date=WRONG_DATE))
        elif k == 3:
            out.append(event_object(
                doc_id, data, ev, len(out),
                actors=[rewrite_participant(p) for p in ev["actors"]],
                targets=[rewrite_participant(p) for p in ev["targets"]]))
        else:
            out.append(event_object(doc_id, data, ev, len(out)))
            span = free_span(data, gold_events)
            m = {"start": span[0], "end": span[1],
                 "trigger": data[span[0]:span[1]].decode("utf-8")}
            out.append(event_object(doc_id, data, ev, len(out), date=None,
                                    actors=[], targets=[], mentions=[m]))
    return out


def fail(msg):
    print("fake_annals_events: " + msg, file=sys.stderr)
    sys.exit(2)


def main(argv):
    if argv[:3] != ["extract", "--format", "json"] or len(argv) != 4:
        fail("usage: fake_annals_events.py extract --format json "
             "CORPUS.jsonl")
    mode = os.environ.get("FAKE_EVENTS_MODE", "gold")
    if mode == "fail":
        fail("failing on purpose (FAKE_EVENTS_MODE=fail)")
    if mode == "garbage":
        sys.stdout.write("this is not JSON\n")
        return 0
    if mode == "canned":
        path = os.environ.get("FAKE_EVENTS_CANNED")
        if not path:
            fail("FAKE_EVENTS_CANNED is not set")
        with open(path, encoding="utf-8") as f:
            sys.stdout.write(f.read())
        return 0
    if mode not in ("gold", "perturb", "skip"):
        fail("unknown FAKE_EVENTS_MODE %r" % mode)
    gold_dir = os.environ.get("FAKE_EVENTS_GOLD")
    if not gold_dir:
        fail("FAKE_EVENTS_GOLD is not set")

    documents, events = [], []
    with open(argv[3], encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for rec in records:
        doc_id = rec["id"]
        path = os.path.join(gold_dir, doc_id + ".json")
        if not os.path.exists(path):
            fail("no gold for %s" % doc_id)
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        if rec.get("published") != gold.get("dct"):
            fail("%s: published %r, gold dct %r"
                 % (doc_id, rec.get("published"), gold.get("dct")))
        data = rec["text"].encode("utf-8")
        for ev in gold["events"]:
            for m in ev["mentions"]:
                if data[m["start"]:m["end"]].decode("utf-8", "replace") \
                        != m["trigger"]:
                    fail("%s: gold mention %d-%d is not %r in the corpus "
                         "text" % (doc_id, m["start"], m["end"],
                                   m["trigger"]))
        documents.append({"id": doc_id, "source": rec.get("source"),
                          "title": rec.get("title"), "url": rec.get("url"),
                          "dct": rec.get("published"),
                          "dct_from": "metadata"})
        if mode == "perturb":
            evs = perturb(doc_id, data, gold["events"])
        else:
            evs = [event_object(doc_id, data, ev, n)
                   for n, ev in enumerate(gold["events"])]
        events.extend(evs)
    doc = {"format": "annals/1", "generator": "fake_annals_events",
           "documents": documents, "events": events}
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return 1 if mode == "skip" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
