#!/usr/bin/python3
"""TempEval-3 style scorer for the temporal expressions found by `annals dates`.

Reads the TimeML gold of TimeBank and AQUAINT (TimeBank/*.tml, AQUAINT/*.tml
under --timebank), writes one JSON Lines corpus per part, runs

    ANNALS dates --format jsonl PART.jsonl

once per part and scores its output against the gold TIMEX3s:

  strict   the system span has exactly the gold byte offsets
  relaxed  the spans overlap; every gold and every system expression is used
           at most once (greedy one-to-one matching, largest overlap first)
  type F1, value F1
           TempEval-3 attribute F1: among the relaxed matches count those
           whose attribute is right (N); P = N / system count,
           R = N / gold count, F1 = 2PR / (P + R)

The gold is every TIMEX3 inside <TEXT>; the document creation time (the
TIMEX3 in <DCT>) is not an expression to find, it becomes the `published`
field of the corpus record (its date part, YYYY-MM-DD).  TimeBank 1.2 has
1,243 such expressions and AQUAINT 579: the 1,822 of TempEval-3's TBAQ
(2,078 TIMEX3 elements in all, minus the 256 DCTs).

Offsets are UTF-8 byte offsets into the record's `text`, end exclusive.

Exit status: 0 scored, 1 a --min-* gate failed, 2 fatal (no gold, the
binary missing or failing with exit status 2 or a signal).

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
from evalkit import Fatal, prf
import xml.etree.ElementTree as ET

PARTS = ("TimeBank", "AQUAINT")
ALL = "all"
TYPES = ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------
# Gold

class Timex(object):
    """One temporal expression, gold or system.

    start/end are UTF-8 byte offsets (end exclusive) or None for a system
    record too broken to place in the text (it can never match).
    """

    __slots__ = ("doc", "start", "end", "text", "type", "value", "tid",
                 "line", "problem")

    def __init__(self, doc, start, end, text, type_, value, tid=None,
                 line=None, problem=None):
        self.doc = doc
        self.start = start
        self.end = end
        self.text = text
        self.type = type_
        self.value = value
        self.tid = tid
        self.line = line
        self.problem = problem

    def span(self):
        return (self.start, self.end)

    def __repr__(self):
        return "Timex(%r, %r, %r, %r, %r, %r)" % (
            self.doc, self.start, self.end, self.text, self.type, self.value)


class GoldDoc(object):
    __slots__ = ("id", "part", "path", "dct", "published", "text", "data",
                 "timexes")

    def __init__(self, id_, part, path, dct, text, timexes):
        self.id = id_
        self.part = part
        self.path = path
        self.dct = dct
        self.published = dct[:10] if dct and len(dct) >= 10 else None
        self.text = text
        self.data = text.encode("utf-8")
        self.timexes = timexes


def _char_to_byte_table(text):
    """table[i] = UTF-8 byte offset of character i (len(text)+1 entries)."""
    table = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        table[i] = n
        o = ord(ch)
        n += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
    table[len(text)] = n
    return table


def _walk_text(elem, pieces, found, pos):
    """Append elem's character content (text of it and of its descendants,
    tails included but not elem's own tail) to pieces; record every TIMEX3
    below elem (char offsets) in found.  Returns the new position."""
    if elem.text:
        pieces.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        start = pos
        pos = _walk_text(child, pieces, found, pos)
        if child.tag == "TIMEX3":
            found.append((start, pos, child))
        if child.tail:
            pieces.append(child.tail)
            pos += len(child.tail)
    return pos


def parse_tml(path, part):
    """Parse one TimeML file into a GoldDoc.  Raises ValueError if the file
    is not usable (not XML, no TEXT)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise ValueError("%s: %s" % (path, e))
    base = os.path.basename(path)
    if base.endswith(".tml"):
        base = base[:-4]
    docid = root.find("DOCID")
    doc_id = (docid.text or "").strip() if docid is not None else ""
    if not doc_id:
        doc_id = base

    dct = None
    dct_elem = root.find("DCT")
    candidates = []
    if dct_elem is not None:
        candidates = list(dct_elem.iter("TIMEX3"))
    creation = [t for t in candidates
                if t.get("functionInDocument") == "CREATION_TIME"]
    if not creation:
        creation = [t for t in root.iter("TIMEX3")
                    if t.get("functionInDocument") == "CREATION_TIME"]
    if creation:
        dct = creation[0].get("value")

    text_elem = root.find("TEXT")
    if text_elem is None:
        raise ValueError("%s: no <TEXT> element" % path)
    pieces = []
    found = []
    _walk_text(text_elem, pieces, found, 0)
    text = "".join(pieces)
    table = _char_to_byte_table(text)
    found.sort(key=lambda f: (f[0], f[1]))
    timexes = []
    for cs, ce, el in found:
        timexes.append(Timex(doc_id, table[cs], table[ce], text[cs:ce],
                             el.get("type"), el.get("value"),
                             tid=el.get("tid")))
    return GoldDoc(doc_id, part, path, dct, text, timexes)


def load_gold(timebank_dir, parts=PARTS, warn=None):
    """{part: [GoldDoc, ...]} for the parts whose directory exists."""
    gold = collections.OrderedDict()
    seen = {}
    for part in parts:
        d = os.path.join(timebank_dir, part)
        if not os.path.isdir(d):
            if warn:
                warn("no directory %s: part %s skipped" % (d, part))
            continue
        docs = []
        for name in sorted(os.listdir(d)):
            if not name.endswith(".tml"):
                continue
            path = os.path.join(d, name)
            try:
                doc = parse_tml(path, part)
            except ValueError as e:
                if warn:
                    warn("skipped %s" % e)
                continue
            if doc.id in seen:
                raise Fatal("document id %s twice: %s and %s"
                            % (doc.id, seen[doc.id], path))
            seen[doc.id] = path
            docs.append(doc)
        if docs:
            gold[part] = docs
        elif warn:
            warn("no .tml files in %s: part %s skipped" % (d, part))
    return gold


def write_corpus(docs, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            rec = collections.OrderedDict()
            rec["id"] = doc.id
            if doc.published:
                rec["published"] = doc.published
            rec["text"] = doc.text
            f.write(json.dumps(rec, ensure_ascii=False))
            f.write("\n")


# --------------------------------------------------------------------------
# System output

def parse_system(output, docs_by_id, warn=None):
    """Parse `annals dates --format jsonl` output.

    Returns ({doc id: [Timex, ...]}, problems) where problems counts
    records that were dropped or are suspicious.  A record that names a
    document of the corpus but whose offsets cannot be used is kept with
    start/end None: it counts as a system expression that matches nothing.
    Records for unknown documents and lines that are not JSON objects are
    dropped (they cannot be attributed to any document)."""
    by_doc = collections.defaultdict(list)
    problems = collections.Counter()

    def note(kind, msg):
        problems[kind] += 1
        if warn and problems[kind] <= 5:
            warn(msg)
        elif warn and problems[kind] == 6:
            warn("(more records with problem '%s' not shown)" % kind)

    for lineno, line in enumerate(output.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            note("not json", "output line %d is not JSON: %.80s"
                 % (lineno, line))
            continue
        if not isinstance(rec, dict):
            note("not json", "output line %d is not a JSON object" % lineno)
            continue
        doc_id = rec.get("doc")
        doc = docs_by_id.get(doc_id) if isinstance(doc_id, str) else None
        if doc is None:
            note("unknown doc", "output line %d: unknown document %r"
                 % (lineno, doc_id))
            continue
        start, end = rec.get("start"), rec.get("end")
        text = rec.get("text")
        ttype, value = rec.get("type"), rec.get("value")
        problem = None
        if (not isinstance(start, int) or not isinstance(end, int)
                or isinstance(start, bool) or isinstance(end, bool)):
            problem = "offsets not integers"
        elif not (0 <= start < end <= len(doc.data)):
            problem = "offsets out of range"
        if problem:
            note(problem, "output line %d (%s): %s: start=%r end=%r"
                 % (lineno, doc_id, problem, start, end))
            tx = Timex(doc_id, None, None, text if isinstance(text, str)
                       else "", ttype, value, line=lineno, problem=problem)
        else:
            span_text = doc.data[start:end].decode("utf-8", "replace")
            if isinstance(text, str) and text != span_text:
                note("text differs",
                     "output line %d (%s): text %r but bytes %d-%d are %r"
                     % (lineno, doc_id, text, start, end, span_text))
            tx = Timex(doc_id, start, end, span_text, ttype, value,
                       line=lineno)
        by_doc[doc_id].append(tx)

    for doc_id, lst in by_doc.items():
        spans = collections.Counter(t.span() for t in lst
                                    if t.start is not None)
        dups = sum(n - 1 for n in spans.values() if n > 1)
        if dups:
            note("duplicate span", "%s: %d duplicate span(s) in the output"
                 % (doc_id, dups))
    return by_doc, problems


# --------------------------------------------------------------------------
# Matching and figures

def match_strict(gold, system):
    """One-to-one pairs (gold index, system index) with identical spans."""
    free = collections.defaultdict(list)
    for gi, g in enumerate(gold):
        free[g.span()].append(gi)
    pairs = []
    for si, s in enumerate(system):
        if s.start is None:
            continue
        lst = free.get(s.span())
        if lst:
            pairs.append((lst.pop(0), si))
    return pairs


def match_relaxed(gold, system):
    """One-to-one pairs (gold index, system index) of overlapping spans,
    chosen greedily: the pair with the largest overlap first; ties go to the
    pair whose union is shortest (an exact match beats a longer span that
    contains the gold), then to the earlier one."""
    cands = []
    for si, s in enumerate(system):
        if s.start is None:
            continue
        for gi, g in enumerate(gold):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                union = max(g.end, s.end) - min(g.start, s.start)
                cands.append((-ov, union, g.start, s.start, gi, si))
    cands.sort()
    used_g, used_s = set(), set()
    pairs = []
    for _, _, _, _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    pairs.sort()
    return pairs


COUNT_KEYS = ("docs", "gold", "sys", "strict", "relaxed", "type", "value")


def figures(counts):
    """Figures from counts (a dict with COUNT_KEYS)."""
    out = collections.OrderedDict((k, counts[k]) for k in COUNT_KEYS)
    for name in ("strict", "relaxed", "type", "value"):
        p, r, f = prf(counts[name], counts["sys"], counts["gold"])
        out[name + "_p"] = p
        out[name + "_r"] = r
        out[name + "_f1"] = f
    rel = counts["relaxed"]
    out["type_accuracy"] = counts["type"] / rel if rel else 0.0
    out["value_accuracy"] = counts["value"] / rel if rel else 0.0
    return out


class DocResult(object):
    """Matching of one document, kept for the error listings."""

    __slots__ = ("doc", "gold", "system", "strict", "relaxed")

    def __init__(self, doc, gold, system, strict, relaxed):
        self.doc = doc
        self.gold = gold
        self.system = system
        self.strict = strict
        self.relaxed = relaxed


def score_doc(doc, system):
    gold = doc.timexes
    return DocResult(doc, gold, system, match_strict(gold, system),
                     match_relaxed(gold, system))


def count(results):
    c = dict.fromkeys(COUNT_KEYS, 0)
    for r in results:
        c["docs"] += 1
        c["gold"] += len(r.gold)
        c["sys"] += len(r.system)
        c["strict"] += len(r.strict)
        c["relaxed"] += len(r.relaxed)
        for gi, si in r.relaxed:
            g, s = r.gold[gi], r.system[si]
            if g.type == s.type:
                c["type"] += 1
            if g.value == s.value:
                c["value"] += 1
    return c


def score_part(docs, by_doc):
    return [score_doc(doc, by_doc.get(doc.id, [])) for doc in docs]


# --------------------------------------------------------------------------
# Running the binary

def run_annals(annals, corpus, timeout, warn):
    """Run `annals dates --format jsonl corpus`; returns its stdout."""
    return evalkit.run_annals(annals, ["dates", "--format", "jsonl"], corpus, timeout, warn)


# --------------------------------------------------------------------------
# Reports

def fmt_table(rows):
    """rows: [(part, figures)] -> aligned text table."""
    head1 = ("", "", "", "strict", "", "", "relaxed", "", "", "type",
             "value")
    head2 = ("part", "gold", "sys", "P", "R", "F1", "P", "R", "F1", "F1",
             "F1")
    body = []
    for part, f in rows:
        body.append((part, str(f["gold"]), str(f["sys"]),
                     "%.4f" % f["strict_p"], "%.4f" % f["strict_r"],
                     "%.4f" % f["strict_f1"],
                     "%.4f" % f["relaxed_p"], "%.4f" % f["relaxed_r"],
                     "%.4f" % f["relaxed_f1"],
                     "%.4f" % f["type_f1"], "%.4f" % f["value_f1"]))
    allrows = [head1, head2] + body
    widths = [max(len(r[i]) for r in allrows) for i in range(len(head2))]
    lines = []
    for k, r in enumerate(allrows):
        cells = []
        for i, c in enumerate(r):
            cells.append(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]))
        # a bar between the column groups
        line = "  ".join(cells[:3]) + " | " + "  ".join(cells[3:6]) \
            + " | " + "  ".join(cells[6:9]) + " | " + "  ".join(cells[9:])
        lines.append(line.rstrip())
        if k == 1:
            lines.append("-" * len(line))
    return "\n".join(lines)


def _flat(s):
    """s with every run of white space made one space."""
    return re.sub(r"\s+", " ", s)


def context(doc, start, end, width=40):
    """'...left [span] right...' around bytes start-end of doc, one line."""
    if start is None:
        return "(no span)"
    data = doc.data
    left = data[max(0, start - width):start].decode("utf-8", "replace")
    mid = data[start:end].decode("utf-8", "replace")
    right = data[end:end + width].decode("utf-8", "replace")
    return "%s%s[%s]%s%s" % ("..." if start > width else "",
                               _flat(left), _flat(mid), _flat(right),
                               "..." if end + width < len(data) else "")


def _desc(t):
    return "%r %s %s" % (t.text, t.type, t.value)


def error_lists(results):
    """The errors of a part, as lists of tuples, in document order."""
    misses, fps, partial, wrong_type, wrong_value = [], [], [], [], []
    for r in results:
        mg = set(gi for gi, _ in r.relaxed)
        ms = set(si for _, si in r.relaxed)
        for gi, g in enumerate(r.gold):
            if gi not in mg:
                misses.append((r.doc, g))
        for si, s in enumerate(r.system):
            if si not in ms:
                fps.append((r.doc, s))
        for gi, si in r.relaxed:
            g, s = r.gold[gi], r.system[si]
            if g.span() != s.span():
                partial.append((r.doc, g, s))
            if g.type != s.type:
                wrong_type.append((r.doc, g, s))
            if g.value != s.value:
                wrong_value.append((r.doc, g, s))
    return misses, fps, partial, wrong_type, wrong_value


def print_verbose(part, results, out):
    misses, fps, partial, wrong_type, wrong_value = error_lists(results)
    p = lambda s="": print(s, file=out)
    p()
    p("=" * 78)
    p("%s: %d missed, %d false positive(s), %d partial span(s), "
      "%d wrong type(s), %d wrong value(s)"
      % (part, len(misses), len(fps), len(partial), len(wrong_type),
         len(wrong_value)))
    p("=" * 78)
    p()
    p("-- %s: missed (gold not found) [%d]" % (part, len(misses)))
    for doc, g in misses:
        p("%s @%d: %s" % (doc.id, g.start, _desc(g)))
        p("      %s" % context(doc, g.start, g.end))
    p()
    p("-- %s: false positives (system extras) [%d]" % (part, len(fps)))
    for doc, s in fps:
        where = "@%d" % s.start if s.start is not None else \
            "line %s (%s)" % (s.line, s.problem)
        p("%s %s: %s" % (doc.id, where, _desc(s)))
        p("      %s" % context(doc, s.start, s.end))
    p()
    p("-- %s: partial spans (relaxed, not strict) [%d]"
      % (part, len(partial)))
    for doc, g, s in partial:
        p("%s @%d: gold %r  system %r" % (doc.id, g.start, g.text, s.text))
        p("      %s" % context(doc, g.start, g.end))
    p()
    p("-- %s: wrong types [%d]" % (part, len(wrong_type)))
    for doc, g, s in wrong_type:
        p("%s @%d: %r gold %s  system %s" % (doc.id, g.start, g.text,
                                             g.type, s.type))
        p("      %s" % context(doc, g.start, g.end))
    p()
    p("-- %s: wrong values [%d]" % (part, len(wrong_value)))
    for doc, g, s in wrong_value:
        p("%s @%d: %r (%s) gold %s  system %s%s"
          % (doc.id, g.start, g.text, g.type, g.value, s.value,
             "" if s.text == g.text else "  (system span %r)" % s.text))
        p("      %s" % context(doc, g.start, g.end))


def print_summary_errors(results, out, n=40):
    misses, fps = [], []
    for rs in results:
        m, f, _, _, _ = error_lists(rs)
        misses += m
        fps += f
    mc = collections.Counter(_flat(g.text).strip().lower() for _, g in misses)
    fc = collections.Counter(_flat(s.text).strip().lower() for _, s in fps)
    for title, c, total in (("missed gold strings", mc, len(misses)),
                            ("false-positive strings", fc, len(fps))):
        print(file=out)
        print("-- %d most frequent %s (%d in all, %d distinct)"
              % (n, title, total, len(c)), file=out)
        for s, k in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]:
            print("%6d  %s" % (k, s), file=out)


# --------------------------------------------------------------------------
# Main

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Score `annals dates` against the TimeBank and AQUAINT "
        "TIMEX3 gold, TempEval-3 style.")
    ap.add_argument("--timebank", default=os.path.join(
        "..", "shared", "corpus", "timebank"),
        help="directory holding TimeBank/*.tml and AQUAINT/*.tml "
        "(default: %(default)s)")
    ap.add_argument("--annals", default=os.path.join(".", "annals"),
                    help="the annals binary (default: %(default)s); a *.py "
                    "file is run with this Python")
    ap.add_argument("--part", action="append", choices=PARTS,
                    help="score only this part (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list misses, false positives, partial spans, "
                    "wrong types and wrong values per part")
    ap.add_argument("--summary-errors", action="store_true",
                    help="print the most frequent missed and false-positive "
                    "strings")
    ap.add_argument("--json", metavar="FILE",
                    help="write the figures as JSON to FILE ('-' = stdout)")
    ap.add_argument("--min-value-f1", type=float, metavar="X",
                    help="exit 1 if the combined value F1 is below X "
                    "(0-1; a number above 1 is read as a percentage)")
    ap.add_argument("--min-relaxed-f1", type=float, metavar="X",
                    help="exit 1 if the combined relaxed F1 is below X")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the corpora and the system outputs to DIR "
                    "(kept) instead of a temporary directory")
    ap.add_argument("--timeout", type=float, default=900,
                    help="seconds allowed per run of the binary "
                    "(default: %(default)s)")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    out = sys.stdout

    def warn(msg):
        print("eval_dates: warning: " + msg, file=sys.stderr)

    try:
        return _main(args, out, warn)
    except Fatal as e:
        print("eval_dates: error: %s" % e, file=sys.stderr)
        return 2


def _main(args, out, warn):
    if not os.path.isdir(args.timebank):
        raise Fatal("no TimeBank directory %s (use --timebank DIR)"
                    % args.timebank)
    parts = tuple(p for p in PARTS if not args.part or p in args.part)
    gold = load_gold(args.timebank, parts, warn)
    if not gold:
        raise Fatal("no TimeML files under %s/{%s}"
                    % (args.timebank, ",".join(parts)))
    annals = args.annals
    if not os.path.exists(annals):
        raise Fatal("annals binary not found: %s (build it, or pass "
                    "--annals PATH)" % annals)

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir, tmp = args.keep, None
    else:
        tmp = tempfile.mkdtemp(prefix="eval_dates.")
        workdir = tmp
    try:
        results = collections.OrderedDict()
        problems = collections.Counter()
        for part, docs in gold.items():
            corpus = os.path.join(workdir, part + ".jsonl")
            write_corpus(docs, corpus)
            output = run_annals(annals, corpus, args.timeout, warn)
            if args.keep:
                with open(os.path.join(workdir, part + ".out.jsonl"), "w",
                          encoding="utf-8") as f:
                    f.write(output)
            by_doc, probs = parse_system(
                output, dict((d.id, d) for d in docs), warn)
            problems.update(probs)
            results[part] = score_part(docs, by_doc)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    table_rows = []
    report = collections.OrderedDict()
    total = dict.fromkeys(COUNT_KEYS, 0)
    for part, rs in results.items():
        c = count(rs)
        for k in COUNT_KEYS:
            total[k] += c[k]
        f = figures(c)
        table_rows.append((part, f))
        report[part] = f
    combined = figures(total)
    if len(results) > 1:
        table_rows.append((ALL, combined))
    report[ALL] = combined

    print(fmt_table(table_rows), file=out)
    if problems:
        print("system output problems: " + ", ".join(
            "%s %d" % (k, v) for k, v in sorted(problems.items())), file=out)

    if args.verbose:
        for part, rs in results.items():
            print_verbose(part, rs, out)
    if args.summary_errors:
        print_summary_errors(list(results.values()), out)

    if args.json:
        doc = collections.OrderedDict()
        doc["annals"] = annals
        doc["timebank"] = args.timebank
        doc["parts"] = report
        doc["output_problems"] = dict(problems)
        text = json.dumps(doc, indent=2) + "\n"
        if args.json == "-":
            out.write(text)
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                f.write(text)

    ok = True
    for name, key in (("value F1", "value_f1"), ("relaxed F1", "relaxed_f1")):
        ok &= evalkit.gate("eval_dates", "combined " + name, combined[key],
                           getattr(args, "min_" + key))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
