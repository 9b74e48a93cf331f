#!/usr/bin/python3
"""Event scorer: `annals extract` against the hand-annotated event gold set.

Reads the gold (tests/gold/events/<id>.json, the ids and order of
articles.tsv), takes the text of each gold article from the JSON Lines corpus
(shared/corpus/news/allsides-geo.jsonl), writes one temporary corpus of those
articles, runs

    ANNALS extract --format json CORPUS.jsonl

once, and scores the `events` of the annals/1 document it writes.

What counts as a match
----------------------
Events are compared per article.  A system event belongs to the article(s)
its mentions point into (mention `doc`).  An event with mentions in several
articles (a cross-document merge) is split: its share in each article counts
as one system event there.  An event with no usable mention belongs to no
article: it counts as a system event that matches nothing.

A system event S and a gold event G of the same article are a candidate pair
when S.type == G.type and

  (a) they share a participant: some participant (actor or target; the roles
      are not compared) of G matches some participant of S, or
  (b) G has no participant at all (22 of the 238 gold events: "the Brexit
      referendum", "riots") and some mention of S overlaps some mention of G
      (byte ranges intersect).  A system event without participants can
      therefore only match a gold event without participants.

Two participants match when one of these holds:

  1. Same name.  Names are compared as token lists: accents folded, lower
     case, every run of characters other than letters and digits (periods,
     hyphens, apostrophes...) is a break, a run of one-letter tokens is
     joined into one token ("U.S." = "US" = "us", "George H. W. Bush" =
     "George H.W. Bush"), and the token "the" is dropped everywhere
     ("the Islamic State." = "Islamic State").
  2. Same state: both have kind "state" and the same non-null country code
     ("United States"/USA/state = "Washington"/USA/state).  Kind "state" on
     one side only is not enough.
  3. Surname: both are persons (kind "person", or no kind given on one side)
     and, after dropping leading titles (Mr, Mrs, Ms, Dr, President, King,
     Sheikh... see TITLES), the particles "al"/"el" and trailing Jr/Sr/II/III,
     the shorter name is a final segment of the longer one: "Putin" ~
     "Vladimir Putin" ~ "President Vladimir Putin", "Assad" ~ "Bashar
     al-Assad", "Jong Un" ~ "Kim Jong Un".  Not "Kim" ~ "Kim Jong Un" (the
     family name comes first there), not "George W. Bush" ~ "George H. W.
     Bush", and never between non-persons ("Korea" is not "North Korea").

The matching is one-to-one (every gold and every system event used at most
once), computed per article and type as a maximum-weight bipartite matching
whose weights order the candidate pairs lexicographically:

  1. as many pairs as possible (maximum cardinality), then
  2. as many pairs as possible whose mentions overlap, counting a pair
     twice when a system trigger overlaps a gold mention (the trigger span
     is the first occurrence of the mention's `trigger` inside the system
     mention, which may span a whole sentence), then
  3. as many shared gold participants as possible, then
  4. as many pairs as possible with the same date.

Figures
-------
  event P/R/F1   matched / system events, matched / gold events
  dated F1       the same, counting only matched pairs whose dates agree:
                 system date.value == gold date, where a null system date
                 and a null gold date agree too
  date accuracy  among matched pairs whose gold date is not null, the share
                 with system date.value == gold date
  modality acc.  among matched pairs, the share with the same modality
                 (reported, not gated)
  span F1        a looser match, reported to tell "event not found" from
                 "found with the wrong participants" (not gated): the same
                 type, and a system trigger span overlaps a gold mention;
                 participants are not required (one-to-one as above)

Overall and per type (the 18 types of shared/docs/event-types.md; a system
type outside them gets a row of its own, marked '*').

The corpus record of each gold article carries its `published` date: the
gold's `dct` (the date the gold dates were resolved against), else the
corpus record's `published`.

Exit status: 0 scored, 1 a --min-* gate failed, 2 fatal (gold or corpus
missing, the binary missing or failing with exit status 2 or a signal, its
output not JSON).

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
import unicodedata

TYPES = ("meeting", "talks", "agreement", "ceasefire", "offer", "withdrawal",
         "seizure", "attack", "sanctions", "evacuation", "deployment",
         "arrest", "release", "threat", "protest", "election",
         "leadership_change", "aid")
MODALITIES = ("asserted", "planned", "negated", "hypothetical")
ALL = "all"

# Leading tokens dropped from person names before the surname rule.
TITLES = frozenset("""
    mr mrs ms miss mx dr prof sir dame lord lady rev
    president vice pm premier chancellor minister secretary
    gen general col colonel lt maj major capt captain adm admiral sgt
    sen senator rep representative gov governor mayor judge justice
    king queen prince princess emperor sheikh sheik emir ayatollah imam
    pope cardinal archbishop bishop
""".split())
# Particles dropped anywhere from person names before the surname rule.
PARTICLES = frozenset(("al", "el"))
# Trailing tokens dropped from person names before the surname rule.
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

CONTEXT = 30          # bytes of context either side in --verbose listings


# --------------------------------------------------------------------------
# Participants

Participant = collections.namedtuple("Participant",
                                     "name country kind role")

_BREAK = re.compile(r"[\W_]+", re.UNICODE)


def name_tokens(name):
    """The comparison form of a name: a tuple of tokens (see the top)."""
    if not isinstance(name, str):
        return ()
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    raw = _BREAK.sub(" ", s).split()
    out = []
    run = []
    for t in raw + [""]:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out.append("".join(run))
            run = []
        if t and t != "the":
            out.append(t)
    return tuple(out)


def person_tokens(tokens):
    """tokens without leading titles, particles and trailing suffixes."""
    toks = [t for t in tokens if t not in PARTICLES]
    while len(toks) > 1 and toks[0] in TITLES:
        toks.pop(0)
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks.pop()
    return tuple(toks)


def _kind(p):
    k = p.kind
    return k if isinstance(k, str) and k else None


def _country(p):
    c = p.country
    return c.strip().upper() if isinstance(c, str) and c.strip() else None


def same_participant(a, b):
    """True when participants a and b match (rules 1-3 at the top)."""
    ta, tb = name_tokens(a.name), name_tokens(b.name)
    if ta and ta == tb:
        return True
    ka, kb = _kind(a), _kind(b)
    if ka == "state" and kb == "state":
        ca = _country(a)
        if ca is not None and ca == _country(b):
            return True
    if ka in (None, "person") and kb in (None, "person") \
            and "person" in (ka, kb):
        pa, pb = person_tokens(ta), person_tokens(tb)
        if pa and pb:
            short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
            if long_[len(long_) - len(short):] == short:
                return True
    return False


def shared_participants(gold_parts, sys_parts):
    """How many gold participants match some system participant."""
    return sum(1 for g in gold_parts
               if any(same_participant(g, s) for s in sys_parts))


def _participants(lst, role, note=None, where=""):
    out = []
    if lst is None:
        return out
    if not isinstance(lst, list):
        if note:
            note("bad participants", "%s: %s is not a list" % (where, role))
        return out
    for p in lst:
        if not isinstance(p, dict):
            if note:
                note("bad participants", "%s: a %s entry is not an object"
                     % (where, role))
            continue
        out.append(Participant(p.get("name"), p.get("country"),
                               p.get("kind"), role))
    return out


def fmt_participants(parts):
    def one(p):
        s = p.name if isinstance(p.name, str) else "?"
        extra = [x for x in (_country(p), _kind(p)) if x]
        return s + ("(%s)" % ",".join(extra) if extra else "")
    actors = [one(p) for p in parts if p.role == "actor"]
    targets = [one(p) for p in parts if p.role == "target"]
    return "%s -> %s" % ("; ".join(actors) or "-", "; ".join(targets) or "-")


# --------------------------------------------------------------------------
# Gold and corpus

class Event(object):
    """One event of one article, gold or system.

    mentions: [(start, end, trigger)] byte offsets into the article's text;
    start/end None for a system mention whose offsets are unusable.
    date: the TIMEX3 value or None.  index: position in the gold file or in
    the system output's events[].  For a system event, split is True when
    the output event has mentions in more than one article."""

    __slots__ = ("doc", "index", "type", "modality", "date", "participants",
                 "mentions", "split", "note", "triggers")

    def __init__(self, doc, index, type_, modality, date, participants,
                 mentions, split=False, note=None):
        self.doc = doc
        self.index = index
        self.type = type_
        self.modality = modality
        self.date = date
        self.participants = participants
        self.mentions = mentions
        self.split = split
        self.note = note
        # the trigger spans: for a gold mention the mention itself; for a
        # system mention the first occurrence of its trigger inside it
        # (set by parse_system), else the whole mention
        self.triggers = self.spans()

    def spans(self):
        return [(s, e) for s, e, _ in self.mentions if s is not None]

    def __repr__(self):
        return "Event(%r, %r, %r, %r, %r)" % (
            self.doc, self.index, self.type, self.date,
            [p.name for p in self.participants])


class Article(object):
    __slots__ = ("id", "dct", "published", "record", "text", "data", "gold")

    def __init__(self, id_, dct, gold):
        self.id = id_
        self.dct = dct
        self.published = None
        self.record = None
        self.text = None
        self.data = None
        self.gold = gold


def read_articles_tsv(path):
    """[(id, published or None)] from articles.tsv (header line first)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines:
        return rows
    head = lines[0].split("\t")
    try:
        i_id = head.index("id")
    except ValueError:
        raise Fatal("%s: no 'id' column in the header" % path)
    i_pub = head.index("published") if "published" in head else None
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        pub = cells[i_pub] if i_pub is not None and i_pub < len(cells) \
            else None
        rows.append((cells[i_id].strip(), pub or None))
    return rows


def load_gold_file(path, doc_id):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise Fatal("cannot read gold %s: %s" % (path, e))
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise Fatal("gold %s: not an object with an events list" % path)
    if data.get("id") not in (None, doc_id):
        raise Fatal("gold %s has id %r" % (path, data.get("id")))
    events = []
    for i, ev in enumerate(data["events"]):
        where = "gold %s event %d" % (doc_id, i)
        if not isinstance(ev, dict):
            raise Fatal(where + ": not an object")
        parts = _participants(ev.get("actors"), "actor") + \
            _participants(ev.get("targets"), "target")
        mentions = []
        for m in ev.get("mentions") or []:
            if not (isinstance(m, dict) and isinstance(m.get("start"), int)
                    and isinstance(m.get("end"), int)):
                raise Fatal(where + ": a mention without integer offsets")
            mentions.append((m["start"], m["end"], m.get("trigger") or ""))
        date = ev.get("date")
        if isinstance(date, dict):
            date = date.get("value")
        events.append(Event(doc_id, i, ev.get("type"), ev.get("modality"),
                            date if isinstance(date, str) else None, parts,
                            mentions, note=ev.get("note")))
    return data.get("dct"), events


def load_gold(gold_dir, only=None, warn=None):
    """[Article] in the order of articles.tsv (else of the file names)."""
    if not os.path.isdir(gold_dir):
        raise Fatal("no gold directory %s (use --gold DIR)" % gold_dir)
    tsv = os.path.join(gold_dir, "articles.tsv")
    if os.path.exists(tsv):
        rows = read_articles_tsv(tsv)
    else:
        rows = [(n[:-5], None) for n in sorted(os.listdir(gold_dir))
                if n.endswith(".json")]
    if only:
        known = set(r[0] for r in rows)
        for a in only:
            if a not in known:
                raise Fatal("article %s is not in the gold" % a)
        rows = [r for r in rows if r[0] in only]
    if not rows:
        raise Fatal("no gold articles in %s" % gold_dir)
    articles = []
    seen = set()
    for doc_id, pub in rows:
        if doc_id in seen:
            raise Fatal("article %s twice in the gold" % doc_id)
        seen.add(doc_id)
        path = os.path.join(gold_dir, doc_id + ".json")
        if not os.path.exists(path):
            raise Fatal("no gold file %s" % path)
        dct, events = load_gold_file(path, doc_id)
        if warn:
            for ev in events:
                if ev.type not in TYPES:
                    warn("gold %s event %d: unknown type %r"
                         % (doc_id, ev.index, ev.type))
        art = Article(doc_id, dct or pub, events)
        articles.append(art)
    return articles


def attach_corpus(articles, corpus, warn=None):
    """Fill each article's text and published date from the corpus."""
    want = dict((a.id, a) for a in articles)
    try:
        f = open(corpus, encoding="utf-8")
    except OSError as e:
        raise Fatal("cannot read the corpus %s: %s (use --corpus FILE)"
                    % (corpus, e))
    with f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            # cheap pre-filter: the corpus is large, most lines are not gold
            if not any(i in line for i in want):
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            art = want.get(rec.get("id")) if isinstance(rec, dict) else None
            if art is None or art.record is not None:
                continue
            if not isinstance(rec.get("text"), str):
                raise Fatal("%s:%d: article %s has no text"
                            % (corpus, lineno, art.id))
            art.record = rec
    missing = [a.id for a in articles if a.record is None]
    if missing:
        raise Fatal("%d gold article(s) not in %s: %s"
                    % (len(missing), corpus, " ".join(missing[:10])))
    for a in articles:
        a.text = a.record["text"]
        a.data = a.text.encode("utf-8")
        pub = a.record.get("published")
        pub = pub[:10] if isinstance(pub, str) and pub else None
        if a.dct and pub and a.dct != pub and warn:
            warn("%s: gold dct %s, corpus published %s (the gold's is used)"
                 % (a.id, a.dct, pub))
        a.published = a.dct or pub
        if warn:
            bad = 0
            for ev in a.gold:
                for s, e, trig in ev.mentions:
                    if not (0 <= s < e <= len(a.data)) or \
                            a.data[s:e].decode("utf-8", "replace") != trig:
                        bad += 1
            if bad:
                warn("%s: %d gold mention(s) whose bytes are not their "
                     "trigger" % (a.id, bad))


def write_corpus(articles, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for a in articles:
            rec = collections.OrderedDict()
            rec["id"] = a.id
            if a.published:
                rec["published"] = a.published
            for k in ("title", "url", "source"):
                if a.record.get(k) is not None:
                    rec[k] = a.record[k]
            rec["text"] = a.text
            f.write(json.dumps(rec, ensure_ascii=False))
            f.write("\n")


# --------------------------------------------------------------------------
# System output

UNATTRIBUTED = "(no document)"


def parse_system(doc, articles, warn=None):
    """Split the events of an annals/1 document by article.

    Returns ({article id: [Event]}, [Event] unattributed, problems Counter,
    notes Counter)."""
    problems = collections.Counter()
    notes = collections.Counter()

    def note(kind, msg):
        problems[kind] += 1
        if warn and problems[kind] <= 5:
            warn(msg)
        elif warn and problems[kind] == 6:
            warn("(more events with problem '%s' not shown)" % kind)

    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise Fatal("the output is not an annals/1 document (no events list)")
    if doc.get("format") != "annals/1" and warn:
        warn("output format is %r, not 'annals/1'" % doc.get("format"))
    by_id = dict((a.id, a) for a in articles)

    docs = doc.get("documents")
    if isinstance(docs, list):
        listed = set()
        for d in docs:
            if not isinstance(d, dict):
                continue
            listed.add(d.get("id"))
            a = by_id.get(d.get("id"))
            if a is not None and a.published and d.get("dct") \
                    and d.get("dct") != a.published:
                note("dct differs", "document %s: output dct %s, published "
                     "%s" % (a.id, d.get("dct"), a.published))
        for a in articles:
            if a.id not in listed:
                note("document missing", "document %s is not in the "
                     "output's documents[]" % a.id)

    by_doc = collections.defaultdict(list)
    unattributed = []
    for k, ev in enumerate(doc["events"]):
        where = "output event %d" % k
        if not isinstance(ev, dict):
            note("not an object", where + " is not an object")
            unattributed.append(Event(None, k, None, None, None, [], []))
            continue
        type_ = ev.get("type")
        if not isinstance(type_, str):
            note("no type", where + ": no type")
            type_ = "(none)"
        elif type_ not in TYPES:
            note("unknown type", "%s: unknown type %r" % (where, type_))
        date = ev.get("date")
        if date is None:
            value = None
        elif isinstance(date, dict):
            value = date.get("value")
            if value is not None and not isinstance(value, str):
                note("bad date", where + ": date.value is not a string")
                value = None
        elif isinstance(date, str):
            note("bad date", where + ": date is a string, not an object")
            value = date
        else:
            note("bad date", where + ": date is neither null nor an object")
            value = None
        parts = _participants(ev.get("actors"), "actor", note, where) + \
            _participants(ev.get("targets"), "target", note, where)
        per_doc = collections.OrderedDict()
        mentions = ev.get("mentions")
        if not isinstance(mentions, list):
            mentions = []
        for m in mentions:
            if not isinstance(m, dict):
                note("bad mention", where + ": a mention is not an object")
                continue
            a = by_id.get(m.get("doc"))
            if a is None:
                note("unknown doc", "%s: mention of unknown document %r"
                     % (where, m.get("doc")))
                continue
            s, e = m.get("start"), m.get("end")
            trig = m.get("trigger") if isinstance(m.get("trigger"), str) \
                else ""
            if not (isinstance(s, int) and isinstance(e, int)
                    and not isinstance(s, bool) and not isinstance(e, bool)
                    and 0 <= s < e <= len(a.data)):
                note("bad offsets", "%s (%s): unusable mention offsets "
                     "start=%r end=%r" % (where, a.id, s, e))
                s = e = None
            per_doc.setdefault(a.id, []).append((s, e, trig))
        if not per_doc:
            note("no mention", where + ": no mention in a gold article")
            unattributed.append(Event(None, k, type_, ev.get("modality"),
                                      value, parts, []))
            continue
        split = len(per_doc) > 1
        if split:
            notes["split events"] += 1
        for doc_id, ms in per_doc.items():
            sev = Event(doc_id, k, type_, ev.get("modality"), value, parts,
                        ms, split=split)
            data = by_id[doc_id].data
            sev.triggers = [focus(data, m, 0) for m in ms
                            if m[0] is not None]
            by_doc[doc_id].append(sev)
    return by_doc, unattributed, problems, notes


# --------------------------------------------------------------------------
# Matching

def _overlap(spans_a, spans_b):
    for a0, a1 in spans_a:
        for b0, b1 in spans_b:
            if max(a0, b0) < min(a1, b1):
                return True
    return False


def mentions_overlap(g, s):
    """2: a system trigger span overlaps a gold mention; 1: only the
    mention spans overlap; 0: no overlap."""
    if not _overlap(g.spans(), s.spans()):
        return 0
    return 2 if _overlap(g.spans(), s.triggers) else 1


_B = 1000   # base of the lexicographic pair weights


def pair_weight(g, s, span_only=False):
    """The weight of a candidate pair, or None when g and s cannot match.
    span_only: the looser "span" match (same type, and a system trigger
    overlaps a gold mention; participants not required)."""
    if g.type != s.type:
        return None
    overlap = mentions_overlap(g, s)
    shared = shared_participants(g.participants, s.participants)
    if span_only:
        if overlap < 2:
            return None
    elif shared == 0 and not (not g.participants and overlap):
        return None
    return (_B ** 3 + overlap * _B ** 2 + min(shared, _B - 1) * _B
            + (1 if g.date == s.date else 0))


def max_weight_matching(n_rows, n_cols, weights):
    """Maximum-weight one-to-one matching of a bipartite graph.

    weights: {(row, col): positive int} for the allowed pairs.  Returns the
    chosen pairs [(row, col)], sorted.  Hungarian algorithm (shortest
    augmenting paths with potentials) on the square matrix padded with
    zero-weight (disallowed) cells; disallowed cells are dropped at the end.
    """
    if not weights:
        return []
    n = max(n_rows, n_cols)
    INF = float("inf")
    cost = [[-weights.get((i, j), 0) for j in range(n)] for i in range(n)]
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    p = [0] * (n + 1)      # p[j]: row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = INF
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if (i, j - 1) in weights:
            pairs.append((i, j - 1))
    pairs.sort()
    return pairs


def match_events(gold, system, span_only=False):
    """One-to-one pairs (gold index, system index) of one article."""
    pairs = []
    types = sorted(set(g.type for g in gold) & set(s.type for s in system),
                   key=str)
    for t in types:
        gi = [i for i, g in enumerate(gold) if g.type == t]
        si = [j for j, s in enumerate(system) if s.type == t]
        weights = {}
        for a, i in enumerate(gi):
            for b, j in enumerate(si):
                w = pair_weight(gold[i], system[j], span_only)
                if w is not None:
                    weights[(a, b)] = w
        for a, b in max_weight_matching(len(gi), len(si), weights):
            pairs.append((gi[a], si[b]))
    pairs.sort()
    return pairs


class ArticleResult(object):
    __slots__ = ("article", "gold", "system", "pairs", "span_pairs")

    def __init__(self, article, gold, system, pairs, span_pairs=()):
        self.article = article
        self.gold = gold
        self.system = system
        self.pairs = pairs
        self.span_pairs = span_pairs


def score_articles(articles, by_doc):
    out = []
    for a in articles:
        system = by_doc.get(a.id, [])
        out.append(ArticleResult(a, a.gold, system,
                                 match_events(a.gold, system),
                                 match_events(a.gold, system, True)))
    return out


# --------------------------------------------------------------------------
# Figures

COUNT_KEYS = ("gold", "sys", "matched", "dated", "date_gold", "date_right",
              "modality_right", "span_matched")


def count(results, unattributed=()):
    """{type: counts} and the overall counts (under ALL)."""
    per = collections.OrderedDict((t, dict.fromkeys(COUNT_KEYS, 0))
                                  for t in TYPES)

    def c(t):
        if t not in per:
            per[t] = dict.fromkeys(COUNT_KEYS, 0)
        return per[t]

    for r in results:
        for g in r.gold:
            c(g.type)["gold"] += 1
        for s in r.system:
            c(s.type)["sys"] += 1
        for gi, si in r.pairs:
            g, s = r.gold[gi], r.system[si]
            k = c(g.type)
            k["matched"] += 1
            if g.date == s.date:
                k["dated"] += 1
            if g.date is not None:
                k["date_gold"] += 1
                if g.date == s.date:
                    k["date_right"] += 1
            if g.modality == s.modality:
                k["modality_right"] += 1
        for gi, si in r.span_pairs:
            c(r.gold[gi].type)["span_matched"] += 1
    for s in unattributed:
        c(s.type if s.type is not None else "(none)")["sys"] += 1
    total = dict.fromkeys(COUNT_KEYS, 0)
    for k in per.values():
        for key in COUNT_KEYS:
            total[key] += k[key]
    return per, total


def figures(k):
    out = collections.OrderedDict((key, k[key]) for key in COUNT_KEYS)
    p, r, f = prf(k["matched"], k["sys"], k["gold"])
    out["p"], out["r"], out["f1"] = p, r, f
    p, r, f = prf(k["dated"], k["sys"], k["gold"])
    out["dated_p"], out["dated_r"], out["dated_f1"] = p, r, f
    out["date_accuracy"] = k["date_right"] / k["date_gold"] \
        if k["date_gold"] else 0.0
    out["modality_accuracy"] = k["modality_right"] / k["matched"] \
        if k["matched"] else 0.0
    p, r, f = prf(k["span_matched"], k["sys"], k["gold"])
    out["span_p"], out["span_r"], out["span_f1"] = p, r, f
    return out


def fmt_table(rows):
    """rows: [(label, figures)] -> aligned text."""
    head = ("type", "gold", "sys", "matched", "P", "R", "F1", "dated",
            "dated F1", "date acc")
    body = []
    for label, f in rows:
        body.append((label, str(f["gold"]), str(f["sys"]), str(f["matched"]),
                     "%.4f" % f["p"], "%.4f" % f["r"], "%.4f" % f["f1"],
                     str(f["dated"]), "%.4f" % f["dated_f1"],
                     "%.4f" % f["date_accuracy"] if f["date_gold"] else "-"))
    allrows = [head] + body
    widths = [max(len(r[i]) for r in allrows) for i in range(len(head))]
    lines = []
    for k, r in enumerate(allrows):
        cells = [c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                 for i, c in enumerate(r)]
        lines.append(("  ".join(cells[:7]) + " | " + "  ".join(cells[7:]))
                     .rstrip())
        if k == 0 or k == len(allrows) - 2:
            lines.append("-" * len(lines[-1]))
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Listings (--verbose)

def _flat(s):
    return re.sub(r"\s+", " ", s)


def context(data, start, end, width=CONTEXT):
    """'...left [span] right...' around bytes start-end, one line."""
    if start is None or data is None:
        return "(no usable span)"
    left = data[max(0, start - width):start].decode("utf-8", "ignore")
    mid = data[start:end].decode("utf-8", "replace")
    right = data[end:end + width].decode("utf-8", "ignore")
    return "%s%s[%s]%s%s" % ("..." if start > width else "", _flat(left),
                               _flat(mid), _flat(right),
                               "..." if end + width < len(data) else "")


def focus(data, mention, limit=40):
    """The span of a mention's trigger: the first occurrence of the trigger
    inside the mention, else the mention (its first `limit` bytes if limit
    is not 0)."""
    s, e, trig = mention
    if s is None:
        return None, None
    if trig:
        t = trig.encode("utf-8")
        i = data.find(t, s, e)
        if i >= 0:
            return i, i + len(t)
    return s, min(e, s + limit) if limit else e


def _desc(ev):
    date = ev.date if ev.date is not None else "null"
    return "%s %s  %s  date=%s%s" % (
        ev.type, ev.modality or "?", fmt_participants(ev.participants),
        date, "  (split)" if ev.split else "")


def _show_mention(p, data, ev, indent="        "):
    if not ev.mentions:
        p(indent + "(no mention)")
        return
    m = ev.mentions[0]
    s, e = focus(data, m)
    more = len(ev.mentions) - 1
    p("%s%r @%s: %s%s" % (indent, m[2], s if s is not None else "?",
                           context(data, s, e),
                           "  (+%d more)" % more if more else ""))


def print_verbose(results, unattributed, out):
    p = lambda s="": print(s, file=out)
    for r in results:
        a = r.article
        mg = set(gi for gi, _ in r.pairs)
        ms = set(si for _, si in r.pairs)
        misses = [g for i, g in enumerate(r.gold) if i not in mg]
        extras = [s for j, s in enumerate(r.system) if j not in ms]
        wrong_date = [(r.gold[gi], r.system[si]) for gi, si in r.pairs
                      if r.gold[gi].date != r.system[si].date]
        wrong_mod = [(r.gold[gi], r.system[si]) for gi, si in r.pairs
                     if r.gold[gi].modality != r.system[si].modality]
        p()
        p("== %s (%s): gold %d, system %d, matched %d, dated %d"
          % (a.id, a.published or "no date", len(r.gold), len(r.system),
             len(r.pairs), len(r.pairs) - len(wrong_date)))
        for g in misses:
            p("  missed  " + _desc(g))
            _show_mention(p, a.data, g)
        for s in extras:
            p("  extra   " + _desc(s))
            _show_mention(p, a.data, s)
        for g, s in wrong_date:
            p("  date    %s  gold %s  system %s"
              % (g.type, g.date if g.date is not None else "null",
                 s.date if s.date is not None else "null"))
            _show_mention(p, a.data, g)
        for g, s in wrong_mod:
            p("  modality %s  gold %s  system %s"
              % (g.type, g.modality, s.modality))
            _show_mention(p, a.data, g)
    if unattributed:
        p()
        p("== %s: %d system event(s) without a mention in a gold article"
          % (UNATTRIBUTED, len(unattributed)))
        for s in unattributed:
            p("  extra   output event %d: %s" % (s.index, _desc(s)))


# --------------------------------------------------------------------------
# Running the binary

def run_annals(annals, corpus, timeout, warn):
    """Run `annals extract --format json corpus`; returns the parsed JSON."""
    text = evalkit.run_annals(annals, ["extract", "--format", "json"], corpus, timeout, warn)
    try:
        return json.loads(text), text
    except ValueError as e:
        raise Fatal("output of %s is not one JSON document: %s (starts %r)"
                    % (annals, e, text[:80]))


# --------------------------------------------------------------------------
# Main

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Score `annals extract` events against the event gold "
        "set (P/R/F1 per type, dated F1, date accuracy).")
    ap.add_argument("--annals", default=os.path.join(".", "annals"),
                    help="the annals binary (default: %(default)s); a *.py "
                    "file is run with this Python")
    ap.add_argument("--corpus", default=os.path.join(
        "..", "shared", "corpus", "news", "allsides-geo.jsonl"),
        help="JSON Lines corpus holding the gold articles' texts "
        "(default: %(default)s)")
    ap.add_argument("--gold", default=os.path.join("tests", "gold",
                                                   "events"),
                    help="gold directory: <id>.json and articles.tsv "
                    "(default: %(default)s)")
    ap.add_argument("--article", action="append", metavar="ID",
                    help="score only this article (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list misses, extras, wrong dates and modalities "
                    "per article, with context")
    ap.add_argument("--json", metavar="FILE",
                    help="write the figures as JSON to FILE ('-' = stdout)")
    ap.add_argument("--min-f1", type=float, metavar="X",
                    help="exit 1 if the overall event F1 is below X (0-1; "
                    "a number above 1 is read as a percentage)")
    ap.add_argument("--min-dated-f1", type=float, metavar="X",
                    help="exit 1 if the overall dated F1 is below X")
    ap.add_argument("--min-date-acc", type=float, metavar="X",
                    help="exit 1 if the date accuracy is below X")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the corpus and the system output to DIR "
                    "(kept) instead of a temporary directory")
    ap.add_argument("--timeout", type=float, default=900,
                    help="seconds allowed for the run of the binary "
                    "(default: %(default)s)")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)

    def warn(msg):
        print("eval_events: warning: " + msg, file=sys.stderr)

    try:
        return _main(args, sys.stdout, warn)
    except Fatal as e:
        print("eval_events: error: %s" % e, file=sys.stderr)
        return 2


def _main(args, out, warn):
    articles = load_gold(args.gold, args.article, warn)
    attach_corpus(articles, args.corpus, warn)
    if not os.path.exists(args.annals):
        raise Fatal("annals binary not found: %s (build it with make, or "
                    "pass --annals PATH)" % args.annals)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir, tmp = args.keep, None
    else:
        tmp = tempfile.mkdtemp(prefix="eval_events.")
        workdir = tmp
    try:
        corpus = os.path.join(workdir, "events-gold.jsonl")
        write_corpus(articles, corpus)
        doc, text = run_annals(args.annals, corpus, args.timeout, warn)
        if args.keep:
            with open(os.path.join(workdir, "events-gold.out.json"), "w",
                      encoding="utf-8") as f:
                f.write(text)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    by_doc, unattributed, problems, notes = parse_system(doc, articles, warn)
    results = score_articles(articles, by_doc)
    per, total = count(results, unattributed)

    n_gold = sum(len(a.gold) for a in articles)
    n_sys = total["sys"]
    print("eval_events: %d article(s), %d gold event(s), %d system event(s) "
          "(%s)" % (len(articles), n_gold, n_sys, args.annals), file=out)
    print(file=out)
    rows = []
    for t, k in per.items():
        label = t if t in TYPES else "*" + str(t)
        rows.append((label, figures(k)))
    overall = figures(total)
    rows.append((ALL, overall))
    print(fmt_table(rows), file=out)
    print(file=out)
    print("event F1 %.4f (P %.4f R %.4f) | dated F1 %.4f | date accuracy "
          "%.4f (%d/%d matched events with a gold date) | modality "
          "accuracy %.4f (%d/%d)"
          % (overall["f1"], overall["p"], overall["r"], overall["dated_f1"],
             overall["date_accuracy"], total["date_right"],
             total["date_gold"], overall["modality_accuracy"],
             total["modality_right"], total["matched"]), file=out)
    print("span F1 %.4f (P %.4f R %.4f): same type and a system trigger on a "
          "gold mention, participants not compared (not gated)"
          % (overall["span_f1"], overall["span_p"], overall["span_r"]),
          file=out)
    if notes["split events"]:
        print("%d output event(s) have mentions in several articles; each "
              "article's share counts as one system event"
              % notes["split events"], file=out)
    if unattributed:
        print("%d output event(s) have no mention in a gold article (count "
              "as unmatched system events)" % len(unattributed), file=out)
    if problems:
        print("system output problems: " + ", ".join(
            "%s %d" % (k, v) for k, v in sorted(problems.items())), file=out)

    if args.verbose:
        print_verbose(results, unattributed, out)

    if args.json:
        rep = collections.OrderedDict()
        rep["annals"] = args.annals
        rep["gold"] = args.gold
        rep["corpus"] = args.corpus
        rep["articles"] = len(articles)
        rep["overall"] = overall
        rep["types"] = collections.OrderedDict(
            (t, figures(k)) for t, k in per.items())
        per_article = collections.OrderedDict()
        for r in results:
            dated = sum(1 for gi, si in r.pairs
                        if r.gold[gi].date == r.system[si].date)
            per_article[r.article.id] = collections.OrderedDict((
                ("gold", len(r.gold)), ("sys", len(r.system)),
                ("matched", len(r.pairs)), ("dated", dated)))
        rep["per_article"] = per_article
        rep["unattributed"] = len(unattributed)
        rep["split_events"] = notes["split events"]
        rep["output_problems"] = dict(problems)
        text = json.dumps(rep, indent=2) + "\n"
        if args.json == "-":
            out.write(text)
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                f.write(text)

    ok = True
    for name, key, limit in (("event F1", "f1", args.min_f1),
                             ("dated F1", "dated_f1", args.min_dated_f1),
                             ("date accuracy", "date_accuracy",
                              args.min_date_acc)):
        ok &= evalkit.gate("eval_events", name, overall[key], limit)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
