#!/usr/bin/python3
"""Inter-annotator agreement of two event annotations of the same articles.

Usage (from /work/main):

    /usr/bin/python3 tools/gold_agreement.py [DIR_A DIR_B] [--per-article]
        [--corpus PATH] [--check-offsets]

DIR_A and DIR_B default to tests/gold/events/annot-A and annot-B.  Each holds
one <id>.json per article: {"id", "annotator", "dct", "events": [{"type",
"modality", "actors", "targets", "location", "date", "mentions": [{"start",
"end", "trigger"}], "note"}]}, offsets being UTF-8 byte offsets into the
article text (end exclusive).  Only articles present in both folders count.

Alignment, per article, one-to-one and greedy, in three passes:
  1. same type and a mention span of one overlaps a mention span of the other
     (a shared trigger position); the pair with the largest overlap first;
  2. of the rest: same type and a shared participant name (actors, targets,
     case-insensitive);
  3. of the rest: same type and a shared participant country.

Figures printed:
  event F1     2 * aligned / (|A| + |B|), overall and per type (P and R
               taking B as the reference);
  type kappa   Cohen's kappa of the event types over aligned mention spans:
               every mention of every event is a unit; A's and B's units are
               paired one-to-one by overlapping span (the same type preferred,
               then the largest overlap); the pairs' types are compared;
  modality     observed agreement and Cohen's kappa over aligned events;
  date         over aligned events: both null, both the same value, one null
               and the other not, different values.

Standard library only.
"""

import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOLD = os.path.join(ROOT, "tests", "gold", "events")

TYPES = ("meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal",
         "seizure", "attack", "sanctions", "evacuation", "deployment",
         "arrest", "release", "threat", "protest", "election",
         "leadership_change", "aid")
MODALITIES = ("asserted", "planned", "negated", "hypothetical")


def load_dir(path):
    out = {}
    for name in sorted(os.listdir(path)):
        if name.endswith(".json"):
            with open(os.path.join(path, name), encoding="utf-8") as f:
                doc = json.load(f)
            out[doc["id"]] = doc
    return out


def overlap(m, n):
    return min(m["end"], n["end"]) - max(m["start"], n["start"])


def span_overlap(ea, eb):
    """Largest overlap in bytes between a mention of ea and one of eb
    (0 when two mentions only touch a shared zero-length position)."""
    best = -1
    for m in ea["mentions"]:
        for n in eb["mentions"]:
            o = overlap(m, n)
            if o > 0 or (m["start"] == n["start"]):
                best = max(best, o)
    return best


def participants(ev, key):
    vals = set()
    for p in ev.get("actors", []) + ev.get("targets", []):
        v = p.get(key)
        if v:
            vals.add(v.strip().lower())
    return vals


def align_events(evs_a, evs_b):
    """Return a list of (i, j) pairs, i into evs_a and j into evs_b."""
    pairs = []
    used_a, used_b = set(), set()

    def greedy(cands):
        for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j))

    def candidates(score):
        c = []
        for i, ea in enumerate(evs_a):
            if i in used_a:
                continue
            for j, eb in enumerate(evs_b):
                if j in used_b or ea["type"] != eb["type"]:
                    continue
                s = score(ea, eb)
                if s is not None:
                    c.append((s, i, j))
        return c

    def by_span(a, b):
        o = span_overlap(a, b)
        return o if o >= 0 else None

    greedy(candidates(by_span))
    for key in ("name", "country"):
        greedy(candidates(lambda a, b, k=key:
                          len(participants(a, k) & participants(b, k)) or None))
    return sorted(pairs)


def align_mentions(evs_a, evs_b):
    """Pair mention units one-to-one; return a list of (type_a, type_b)."""
    ua = [(m, e["type"]) for e in evs_a for m in e["mentions"]]
    ub = [(m, e["type"]) for e in evs_b for m in e["mentions"]]
    cands = []
    for i, (m, ta) in enumerate(ua):
        for j, (n, tb) in enumerate(ub):
            o = overlap(m, n)
            if o > 0:
                cands.append((ta == tb, o, i, j))
    cands.sort(key=lambda c: (not c[0], -c[1], c[2], c[3]))
    used_a, used_b, out = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((ua[i][1], ub[j][1]))
    return out, len(ua), len(ub)


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan"), float("nan")
    po = sum(1 for a, b in pairs if a == b) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    k = (po - pe) / (1 - pe) if pe < 1 else 1.0
    return po, k


def f1(m, na, nb):
    p = m / na if na else 0.0
    r = m / nb if nb else 0.0
    return p, r, (2 * m / (na + nb) if na + nb else 0.0)


def check_offsets(docs, corpus):
    texts = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in docs:
                texts[rec["id"]] = rec["text"].encode("utf-8")
    bad = 0
    for aid, doc in sorted(docs.items()):
        t = texts.get(aid)
        for e in doc["events"]:
            for m in e["mentions"]:
                if t is None or t[m["start"]:m["end"]].decode("utf-8", "replace") != m["trigger"]:
                    bad += 1
                    print("offset mismatch: %s %s %r" % (aid, (m["start"], m["end"]), m["trigger"]))
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir_a", nargs="?", default=os.path.join(GOLD, "annot-A"))
    ap.add_argument("dir_b", nargs="?", default=os.path.join(GOLD, "annot-B"))
    ap.add_argument("--per-article", action="store_true",
                    help="also print aligned/unaligned counts per article")
    ap.add_argument("--check-offsets", action="store_true",
                    help="verify every mention against the corpus text")
    ap.add_argument("--corpus", default=os.path.join(
        os.path.dirname(ROOT), "shared", "corpus", "news", "allsides-geo.jsonl"))
    args = ap.parse_args(argv)

    da, db = load_dir(args.dir_a), load_dir(args.dir_b)
    ids = sorted(set(da) & set(db))
    if not ids:
        print("no article annotated in both folders", file=sys.stderr)
        return 2

    name_a = da[ids[0]].get("annotator") or "A"
    name_b = db[ids[0]].get("annotator") or "B"
    n_a = collections.Counter()
    n_b = collections.Counter()
    n_m = collections.Counter()
    mention_pairs, mu_a, mu_b = [], 0, 0
    mod_pairs, dates = [], collections.Counter()
    for aid in ids:
        ea, eb = da[aid]["events"], db[aid]["events"]
        pairs = align_events(ea, eb)
        for e in ea:
            n_a[e["type"]] += 1
        for e in eb:
            n_b[e["type"]] += 1
        for i, j in pairs:
            n_m[ea[i]["type"]] += 1
            mod_pairs.append((ea[i]["modality"], eb[j]["modality"]))
            va, vb = ea[i].get("date"), eb[j].get("date")
            if va is None and vb is None:
                dates["both null"] += 1
            elif va == vb:
                dates["same value"] += 1
            elif va is None or vb is None:
                dates["one null"] += 1
            else:
                dates["different values"] += 1
        mp, ca, cb = align_mentions(ea, eb)
        mention_pairs += mp
        mu_a += ca
        mu_b += cb
        if args.per_article:
            print("%-18s %s %3d  %s %3d  aligned %3d"
                  % (aid, name_a, len(ea), name_b, len(eb), len(pairs)))

    ta, tb, tm = sum(n_a.values()), sum(n_b.values()), sum(n_m.values())
    p, r, f = f1(tm, ta, tb)
    print("articles: %d   events %s: %d   %s: %d   aligned: %d"
          % (len(ids), name_a, ta, name_b, tb, tm))
    print("event F1 (%s vs %s): P %.3f  R %.3f  F1 %.3f" % (name_a, name_b, p, r, f))
    print()
    print("%-18s %8s %8s %7s %6s" % ("type", name_a[:8], name_b[:8], "aligned", "F1"))
    for t in TYPES + tuple(sorted((set(n_a) | set(n_b)) - set(TYPES))):
        if n_a[t] or n_b[t]:
            print("%-18s %8d %8d %7d %6.3f" % (t, n_a[t], n_b[t], n_m[t],
                                              f1(n_m[t], n_a[t], n_b[t])[2]))
    print()
    po, k = kappa(mention_pairs)
    print("type agreement on aligned mention spans: %d pairs (of %d %s / %d %s mentions)"
          % (len(mention_pairs), mu_a, name_a, mu_b, name_b))
    print("  observed %.3f  Cohen's kappa %.3f" % (po, k))
    po, k = kappa(mod_pairs)
    print("modality agreement on aligned events: %d pairs" % len(mod_pairs))
    print("  observed %.3f  Cohen's kappa %.3f" % (po, k))
    confusion = collections.Counter((a, b) for a, b in mod_pairs if a != b)
    for (a, b), c in sorted(confusion.items(), key=lambda x: -x[1]):
        print("    %s %-12s %s %-12s %d" % (name_a, a, name_b, b, c))
    n = sum(dates.values())
    dated = n - dates["both null"]
    print("date agreement on aligned events: %d pairs" % n)
    for key in ("same value", "both null", "one null", "different values"):
        print("  %-17s %4d" % (key, dates[key]))
    if n:
        print("  exact (incl. both null) %.3f" % ((dates["same value"] + dates["both null"]) / n))
    if dated:
        print("  exact where either is dated %.3f" % (dates["same value"] / dated))

    if args.check_offsets:
        bad = check_offsets(da, args.corpus) + check_offsets(db, args.corpus)
        print("offset mismatches: %d" % bad)
        if bad:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
