#!/usr/bin/python3
"""A stand-in for `annals dates` to test tools/eval_dates.py.

Called the way the scorer calls the real binary:

    fake_annals_gold.py dates --format jsonl CORPUS.jsonl

and driven by environment variables:

  FAKE_ANNALS_TIMEBANK  directory with TimeBank/*.tml and AQUAINT/*.tml whose
                        gold the fake prints back (modes gold, perturb, skip)
  FAKE_ANNALS_MODE      gold     (default) every gold TIMEX3 of the corpus's
                                 documents, exactly
                        perturb  the gold changed by the rule of perturb()
                        skip     like gold, then exit status 1
                        canned   the records of FAKE_ANNALS_CANNED (a JSONL
                                 file) whose doc is in the corpus
                        fail     print nothing, exit status 2

The fake checks that each corpus record's text and published date are the
ones of the TimeML file, and fails (exit 2) if not.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in tools/
sys.path.insert(0, os.path.dirname(HERE))

import eval_dates  # noqa: E402

TYPES = eval_dates.TYPES


def perturb(doc):
    """The perturbed output for one GoldDoc, as a list of record dicts.

    For the i-th gold expression of the document (document order):
      i % 6 == 0  dropped                          (a miss)
      i % 6 == 1  start moved one byte right, when the expression is
                  at least two bytes long          (relaxed, not strict)
      i % 6 == 2  value wrong (value + "X")
      i % 6 == 3  type wrong (the next of DATE, TIME, DURATION, SET)
      i % 6 == 4  value and type wrong
      i % 6 == 5  unchanged
    and one false positive per document: the first run of at least three
    ASCII letters that overlaps no gold expression (if there is one).
    """
    out = []
    for i, t in enumerate(doc.timexes):
        k = i % 6
        start, end, ttype, value = t.start, t.end, t.type, t.value
        if k == 0:
            continue
        if k == 1 and end - start >= 2:
            start += 1
        if k in (2, 4):
            value = (value or "") + "X"
        if k in (3, 4):
            ttype = TYPES[(TYPES.index(ttype) + 1) % len(TYPES)] \
                if ttype in TYPES else "DATE"
        out.append(record(doc, start, end, ttype, value))
    fp = false_positive_span(doc)
    if fp:
        out.append(record(doc, fp[0], fp[1], "DATE", "XXXX"))
    return out


def false_positive_span(doc):
    data = doc.data
    n = len(data)
    i = 0
    while i < n:
        if not (65 <= data[i] <= 90 or 97 <= data[i] <= 122):
            i += 1
            continue
        j = i
        while j < n and (65 <= data[j] <= 90 or 97 <= data[j] <= 122):
            j += 1
        if j - i >= 3 and not any(t.start < j and i < t.end
                                  for t in doc.timexes):
            return (i, j)
        i = j
    return None


def record(doc, start, end, ttype, value):
    return {"doc": doc.id, "start": start, "end": end,
            "text": doc.data[start:end].decode("utf-8", "replace"),
            "type": ttype, "value": value}


def fail(msg):
    print("fake_annals_gold: " + msg, file=sys.stderr)
    sys.exit(2)


def main(argv):
    if argv[:3] != ["dates", "--format", "jsonl"] or len(argv) != 4:
        fail("usage: fake_annals_gold.py dates --format jsonl CORPUS.jsonl")
    mode = os.environ.get("FAKE_ANNALS_MODE", "gold")
    if mode == "fail":
        fail("failing on purpose (FAKE_ANNALS_MODE=fail)")
    corpus = []
    with open(argv[3], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                corpus.append(json.loads(line))
    ids = set(r["id"] for r in corpus)

    if mode == "canned":
        path = os.environ.get("FAKE_ANNALS_CANNED")
        if not path:
            fail("FAKE_ANNALS_CANNED is not set")
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and json.loads(line).get("doc") in ids:
                    sys.stdout.write(line)
        return 0

    if mode not in ("gold", "perturb", "skip"):
        fail("unknown FAKE_ANNALS_MODE %r" % mode)
    tb = os.environ.get("FAKE_ANNALS_TIMEBANK")
    if not tb:
        fail("FAKE_ANNALS_TIMEBANK is not set")
    docs = {}
    for part_docs in eval_dates.load_gold(tb).values():
        for d in part_docs:
            docs[d.id] = d
    out = sys.stdout
    for r in corpus:
        doc = docs.get(r["id"])
        if doc is None:
            fail("document %s is not in %s" % (r["id"], tb))
        if r["text"] != doc.text:
            fail("document %s: corpus text differs from the TimeML text"
                 % r["id"])
        if r.get("published") != doc.published:
            fail("document %s: published %r, DCT %r"
                 % (r["id"], r.get("published"), doc.dct))
        if mode == "perturb":
            recs = perturb(doc)
        else:
            recs = [record(doc, t.start, t.end, t.type, t.value)
                    for t in doc.timexes]
        for rec in recs:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 1 if mode == "skip" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
