#!/usr/bin/python3
"""PLOVER type check: does `annals extract` give the PLOVER gold sentences
the event type that their PLOVER category maps to?

Reads the PLOVER gold standard records (shared/corpus/plover/
PLOVER_GSR_CAMEO.txt: a JSON array, one object per coded example sentence;
docs/plover-mapping.md describes it) and the mapping from PLOVER categories
to annals types (the two tables of docs/plover-mapping.md: a default type per
category, then refinements by mode, by event phrase or by record id).  Writes
one JSON Lines corpus with one record per sentence (id: the record's id, with
-2, -3... added to an id met before; published: the record's `date`; text:
the sentence, surrounding braces removed), runs

    ANNALS extract --format json CORPUS.jsonl

once, and reports, of the sentences whose expected type is not `none`:

  right   annals produced at least one event of the expected type in the
          sentence (any modality, any participants)
  none    annals produced no event in it
  other   annals produced events, none of the expected type

with tables per expected type and per PLOVER category and a confusion
summary (expected type -> the types produced instead).  Sentences whose
expected type is `none` are outside the accuracy; how many of them got an
event anyway is reported beside it.  An event counts for every sentence that
one of its mentions points into.

Exit status: 0 scored, 1 the --min-accuracy gate failed, 2 fatal.

Standard library only; runs under /usr/bin/python3.
"""

import argparse
import collections
import json
import os
import re
import shutil
import sys
import tempfile

import evalkit
from evalkit import Fatal

TYPES = ("meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal",
         "seizure", "attack", "sanctions", "evacuation", "deployment",
         "arrest", "release", "threat", "protest", "election",
         "leadership_change", "aid")
NONE = "none"
ID_PREFIX = "PLOVER-GSR01-"


# --------------------------------------------------------------------------
# The mapping (docs/plover-mapping.md)

def _cells(line):
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return None
    return [c.strip().strip("`").strip() for c in line[1:-1].split("|")]


def md_tables(text):
    """Every pipe table of a markdown text: [(header cells, [row cells])]."""
    tables = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        head = _cells(lines[i])
        sep = _cells(lines[i + 1]) if i + 1 < len(lines) else None
        if head and sep and all(re.match(r"^:?-+:?$", c) for c in sep):
            rows = []
            j = i + 2
            while j < len(lines):
                cells = _cells(lines[j])
                if cells is None:
                    break
                rows.append(cells)
                j += 1
            tables.append(([h.lower() for h in head], rows))
            i = j
        else:
            i += 1
    return tables


class Rule(object):
    __slots__ = ("category", "kind", "arg", "type", "line")

    def __init__(self, category, kind, arg, type_):
        self.category = category
        self.kind = kind
        self.arg = arg
        self.type = type_

    def matches(self, rec):
        if self.kind == "mode":
            return (rec.get("mode") or "").strip().lower() == \
                self.arg.lower()
        if self.kind == "phrase":
            return re.search(r"(?<![a-z])" + re.escape(self.arg.lower()),
                             (rec.get("eventText") or "").lower()) \
                is not None
        # id
        rid = rec.get("id") or ""
        return rid == self.arg or rid == ID_PREFIX + self.arg

    def __str__(self):
        return "%s %s" % (self.kind, self.arg)


class Mapping(object):
    def __init__(self, defaults, rules):
        self.defaults = defaults      # {category: type or NONE}
        self.rules = rules            # [Rule] in table order

    def expected(self, rec, categories_only=False):
        """(type or NONE, the rule that decided it or None)."""
        cat = rec.get("event")
        if not categories_only:
            for r in self.rules:
                if r.category == cat and r.matches(rec):
                    return r.type, r
        return self.defaults.get(cat, NONE), None


def load_mapping(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise Fatal("cannot read the mapping %s: %s (use --mapping FILE)"
                    % (path, e))
    defaults = collections.OrderedDict()
    rules = []
    found_cat = found_ref = False
    for head, rows in md_tables(text):
        if "plover category" not in head or "annals type" not in head:
            continue
        ic = head.index("plover category")
        it = head.index("annals type")
        iw = head.index("when") if "when" in head else None
        if iw is None:
            found_cat = True
        else:
            found_ref = True
        for cells in rows:
            if len(cells) < len(head):
                raise Fatal("%s: short table row %r" % (path, "|".join(cells)))
            cat = cells[ic].upper()
            type_ = cells[it].lower()
            if type_ != NONE and type_ not in TYPES:
                raise Fatal("%s: %s: %r is not an annals type"
                            % (path, cat, cells[it]))
            if iw is None:
                if cat in defaults:
                    raise Fatal("%s: category %s twice" % (path, cat))
                defaults[cat] = type_
                continue
            when = cells[iw].split(None, 1)
            if len(when) != 2 or when[0] not in ("mode", "phrase", "id"):
                raise Fatal("%s: %s: bad 'when' %r (mode X, phrase W or "
                            "id N)" % (path, cat, cells[iw]))
            rules.append(Rule(cat, when[0], when[1].strip(), type_))
    if not found_cat:
        raise Fatal("%s: no table with columns 'PLOVER category' and "
                    "'annals type'" % path)
    for r in rules:
        if r.category not in defaults:
            raise Fatal("%s: refinement for unknown category %s"
                        % (path, r.category))
    if not found_ref:
        rules = []
    return Mapping(defaults, rules)


# --------------------------------------------------------------------------
# The PLOVER records

def load_plover(path):
    """The coded sentences: [record dict] with a unique 'cid' (corpus id)
    and a cleaned 'sentence'.  The DOCUMENT record and records without a
    text are skipped."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise Fatal("cannot read %s: %s (use --plover FILE)" % (path, e))
    except ValueError as e:
        raise Fatal("%s is not JSON: %s" % (path, e))
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise Fatal("%s: not a JSON array of records" % path)
    out = []
    seen = collections.Counter()
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT":
            continue
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip() \
                or not isinstance(rec.get("event"), str):
            continue
        rid = rec.get("id") or "record"
        seen[rid] += 1
        rec = dict(rec)
        rec["cid"] = rid if seen[rid] == 1 else "%s-%d" % (rid, seen[rid])
        s = text.strip()
        if s.startswith("{") and s.endswith("}"):
            s = s[1:-1].strip()
        rec["sentence"] = s
        out.append(rec)
    if not out:
        raise Fatal("%s: no coded sentences" % path)
    return out


def write_corpus(records, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for rec in records:
            r = collections.OrderedDict()
            r["id"] = rec["cid"]
            d = rec.get("date")
            if isinstance(d, str) and re.match(r"^\d{4}-\d\d-\d\d$", d):
                r["published"] = d
            r["source"] = "PLOVER_GSR_CAMEO"
            r["text"] = rec["sentence"]
            f.write(json.dumps(r, ensure_ascii=False))
            f.write("\n")


# --------------------------------------------------------------------------
# Running the binary

def run_annals(annals, corpus, timeout, warn):
    text = evalkit.run_annals(annals, ["extract", "--format", "json"], corpus, timeout, warn)
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise Fatal("output of %s is not one JSON document: %s" % (annals, e))
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise Fatal("output of %s is not an annals/1 document" % annals)
    return doc, text


def events_by_doc(doc):
    """{doc id: [(type, plover code)]} from an annals/1 document."""
    out = collections.defaultdict(list)
    for ev in doc["events"]:
        if not isinstance(ev, dict):
            continue
        type_ = ev.get("type") if isinstance(ev.get("type"), str) \
            else "(none)"
        docs = []
        for m in ev.get("mentions") or []:
            if isinstance(m, dict) and isinstance(m.get("doc"), str) \
                    and m["doc"] not in docs:
                docs.append(m["doc"])
        for d in docs:
            out[d].append((type_, ev.get("plover")))
    return out


# --------------------------------------------------------------------------
# Scoring

class Item(object):
    __slots__ = ("rec", "expected", "rule", "produced", "plover")

    def __init__(self, rec, expected, rule, produced, plover):
        self.rec = rec
        self.expected = expected
        self.rule = rule
        self.produced = produced     # [type] in output order
        self.plover = plover         # [plover code]

    @property
    def status(self):
        if self.expected in self.produced:
            return "right"
        return "none" if not self.produced else "other"


def score(records, mapping, by_doc, categories_only=False):
    items = []
    for rec in records:
        expected, rule = mapping.expected(rec, categories_only)
        evs = by_doc.get(rec["cid"], [])
        items.append(Item(rec, expected, rule, [t for t, _ in evs],
                          [p for _, p in evs]))
    return items


def _blank():
    return collections.OrderedDict((("sentences", 0), ("right", 0),
                                    ("none", 0), ("other", 0)))


def summarise(items):
    overall = _blank()
    per_type = collections.OrderedDict((t, _blank()) for t in TYPES)
    per_cat = collections.OrderedDict()
    confusion = collections.OrderedDict()
    unmapped = collections.OrderedDict((("sentences", 0),
                                        ("with_events", 0)))
    unmapped_types = collections.Counter()
    plover_right = plover_n = 0
    for it in items:
        cat = it.rec["event"]
        c = per_cat.setdefault(cat, collections.OrderedDict((
            ("sentences", 0), ("mapped", 0), ("right", 0), ("none", 0),
            ("other", 0))))
        c["sentences"] += 1
        if it.produced:
            plover_n += 1
            if cat in it.plover:
                plover_right += 1
        if it.expected == NONE:
            unmapped["sentences"] += 1
            if it.produced:
                unmapped["with_events"] += 1
                unmapped_types.update(set(it.produced))
            continue
        c["mapped"] += 1
        st = it.status
        c[st] += 1
        for k in (overall, per_type.setdefault(it.expected, _blank())):
            k["sentences"] += 1
            k[st] += 1
        if st != "right":
            conf = confusion.setdefault(it.expected, collections.Counter())
            if st == "none":
                conf["(no event)"] += 1
            else:
                conf.update(set(it.produced))
    for k in [overall] + list(per_type.values()) + list(per_cat.values()):
        n = k.get("mapped", k["sentences"])
        k["accuracy"] = k["right"] / n if n else 0.0
    return collections.OrderedDict((
        ("overall", overall), ("types", per_type), ("categories", per_cat),
        ("confusion", collections.OrderedDict(
            (t, dict(c)) for t, c in confusion.items())),
        ("unmapped", unmapped),
        ("unmapped_event_types", dict(unmapped_types)),
        ("plover_field", collections.OrderedDict((
            ("sentences_with_events", plover_n),
            ("same_category", plover_right))))))


def fmt_rows(head, rows):
    allrows = [head] + rows
    widths = [max(len(r[i]) for r in allrows) for i in range(len(head))]
    lines = []
    for k, r in enumerate(allrows):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0
                               else c.rjust(widths[i])
                               for i, c in enumerate(r)).rstrip())
        if k == 0:
            lines.append("-" * len(lines[-1]))
    return "\n".join(lines)


def report(summary, items, out, verbose=False):
    p = lambda s="": print(s, file=out)
    o = summary["overall"]
    um = summary["unmapped"]
    p("type accuracy %.4f: %d of %d mapped sentences got an event of the "
      "expected type; %d got no event, %d only other types"
      % (o["accuracy"], o["right"], o["sentences"], o["none"], o["other"]))
    p("unmapped (expected none): %d sentences, %d of them got events anyway%s"
      % (um["sentences"], um["with_events"],
         " (" + ", ".join("%s %d" % kv for kv in sorted(
             summary["unmapped_event_types"].items(),
             key=lambda kv: (-kv[1], kv[0]))) + ")"
         if summary["unmapped_event_types"] else ""))
    pf = summary["plover_field"]
    p("annals' own plover field equals the gold category in %d of the %d "
      "sentences with events" % (pf["same_category"],
                                  pf["sentences_with_events"]))
    p()
    rows = []
    for t, k in summary["types"].items():
        if not k["sentences"]:
            continue
        rows.append((t, str(k["sentences"]), str(k["right"]), str(k["none"]),
                     str(k["other"]), "%.4f" % k["accuracy"]))
    rows.append(("all", str(o["sentences"]), str(o["right"]),
                 str(o["none"]), str(o["other"]), "%.4f" % o["accuracy"]))
    p(fmt_rows(("expected type", "sentences", "right", "none", "other",
                "accuracy"), rows))
    p()
    rows = []
    for c, k in summary["categories"].items():
        rows.append((c, str(k["sentences"]), str(k["mapped"]),
                     str(k["right"]), str(k["none"]), str(k["other"]),
                     "%.4f" % k["accuracy"] if k["mapped"] else "-"))
    p(fmt_rows(("PLOVER", "sentences", "mapped", "right", "none", "other",
                "accuracy"), rows))
    if summary["confusion"]:
        p()
        p("confusion (expected type: what annals produced instead, "
          "sentences)")
        conf = summary["confusion"]
        for t in sorted(conf, key=lambda t: (TYPES.index(t) if t in TYPES
                                             else len(TYPES), t)):
            c = conf[t]
            p("  %-18s %s" % (t, ", ".join(
                "%s %d" % kv for kv in sorted(c.items(),
                                              key=lambda kv: (-kv[1],
                                                              kv[0])))))
    if verbose:
        p()
        p("-- mapped sentences not right")
        for it in items:
            if it.expected == NONE or it.status == "right":
                continue
            rec = it.rec
            p("%s  %s%s -> %s%s  got: %s" % (
                rec["cid"], rec["event"],
                "/" + rec["mode"] if rec.get("mode") and rec["mode"] != "-"
                else "", it.expected,
                "  [%s]" % it.rule if it.rule else "",
                ", ".join(it.produced) or "nothing"))
            p("      %s" % rec["sentence"][:160])
        p()
        p("-- unmapped sentences that got events")
        for it in items:
            if it.expected != NONE or not it.produced:
                continue
            p("%s  %s  got: %s" % (it.rec["cid"], it.rec["event"],
                                   ", ".join(it.produced)))
            p("      %s" % it.rec["sentence"][:160])


# --------------------------------------------------------------------------
# Main

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Check the event types `annals extract` gives to the "
        "PLOVER gold sentences.")
    ap.add_argument("--annals", default=os.path.join(".", "annals"),
                    help="the annals binary (default: %(default)s); a *.py "
                    "file is run with this Python")
    ap.add_argument("--plover", default=os.path.join(
        "..", "shared", "corpus", "plover", "PLOVER_GSR_CAMEO.txt"),
        help="the PLOVER gold records (default: %(default)s)")
    ap.add_argument("--mapping", default=os.path.join(
        "docs", "plover-mapping.md"),
        help="the category -> type tables (default: %(default)s)")
    ap.add_argument("--categories-only", action="store_true",
                    help="use each category's default type only (ignore "
                    "the refinements)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list every mapped sentence not right, and every "
                    "unmapped sentence that got events")
    ap.add_argument("--json", metavar="FILE",
                    help="write the figures as JSON to FILE ('-' = stdout)")
    ap.add_argument("--min-accuracy", type=float, metavar="X",
                    help="exit 1 if the type accuracy is below X (0-1; a "
                    "number above 1 is read as a percentage)")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the corpus and the output to DIR (kept)")
    ap.add_argument("--timeout", type=float, default=600,
                    help="seconds allowed for the binary "
                    "(default: %(default)s)")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)

    def warn(msg):
        print("eval_plover: warning: " + msg, file=sys.stderr)

    try:
        return _main(args, sys.stdout, warn)
    except Fatal as e:
        print("eval_plover: error: %s" % e, file=sys.stderr)
        return 2


def _main(args, out, warn):
    mapping = load_mapping(args.mapping)
    records = load_plover(args.plover)
    cats = sorted(set(r["event"] for r in records))
    for c in cats:
        if c not in mapping.defaults:
            warn("category %s is not in %s: its sentences count as unmapped"
                 % (c, args.mapping))
    if not os.path.exists(args.annals):
        raise Fatal("annals binary not found: %s (build it with make, or "
                    "pass --annals PATH)" % args.annals)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir, tmp = args.keep, None
    else:
        tmp = tempfile.mkdtemp(prefix="eval_plover.")
        workdir = tmp
    try:
        corpus = os.path.join(workdir, "plover.jsonl")
        write_corpus(records, corpus)
        doc, text = run_annals(args.annals, corpus, args.timeout, warn)
        if args.keep:
            with open(os.path.join(workdir, "plover.out.json"), "w",
                      encoding="utf-8") as f:
                f.write(text)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    items = score(records, mapping, events_by_doc(doc), args.categories_only)
    summary = summarise(items)
    print("eval_plover: %d PLOVER sentences in %d categories (%s; %s)"
          % (len(records), len(cats), args.annals,
             "category defaults only" if args.categories_only
             else "with refinements"), file=out)
    report(summary, items, out, args.verbose)

    if args.json:
        rep = collections.OrderedDict()
        rep["annals"] = args.annals
        rep["plover"] = args.plover
        rep["mapping"] = args.mapping
        rep["categories_only"] = bool(args.categories_only)
        rep["sentences"] = len(records)
        rep.update(summary)
        text = json.dumps(rep, indent=2) + "\n"
        if args.json == "-":
            out.write(text)
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                f.write(text)

    ok = evalkit.gate("eval_plover", "type accuracy", summary["overall"]["accuracy"],
                      args.min_accuracy)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
