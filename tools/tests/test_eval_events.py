"""Tests of tools/eval_events.py and tools/eval_plover.py.

Run from /work/main:  /usr/bin/python3 -m unittest discover -s tools/tests

Hand-made data (no corpus text in it), in tools/tests/data/:
  events-gold/            two tiny gold articles (mini-a, mini-b) and
                          articles.tsv
  events-corpus.jsonl     their texts (and one unrelated record)
  events-system.json      a hand-made annals/1 output for them, built to
                          exercise every participant rule; its figures are
                          worked out by hand in MiniCannedTest
  events-plover.json      six PLOVER-format records (and a DOCUMENT record)
  events-plover-system.json  a hand-made output for them
The system is tools/tests/fake_annals_events.py (see its doc string).  The
real-gold tests look for the corpus at $EVAL_EVENTS_CORPUS or
../shared/corpus/news/allsides-geo.jsonl (relative to the repository) and the
PLOVER file at ../shared/corpus/plover/PLOVER_GSR_CAMEO.txt, and are skipped
when they are absent.
"""

import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.dirname(HERE)
REPO = os.path.dirname(TOOLS)
sys.dont_write_bytecode = True  # leave no __pycache__ in tools/
sys.path.insert(0, TOOLS)

import eval_events as ee  # noqa: E402
import eval_plover as ep  # noqa: E402

SCORER = os.path.join(TOOLS, "eval_events.py")
PLOVER_SCORER = os.path.join(TOOLS, "eval_plover.py")
FAKE = os.path.join(HERE, "fake_annals_events.py")
DATA = os.path.join(HERE, "data")
MINI_GOLD = os.path.join(DATA, "events-gold")
MINI_CORPUS = os.path.join(DATA, "events-corpus.jsonl")
MINI_SYS = os.path.join(DATA, "events-system.json")
MINI_PLOVER = os.path.join(DATA, "events-plover.json")
MINI_PLOVER_SYS = os.path.join(DATA, "events-plover-system.json")
MAPPING = os.path.join(REPO, "docs", "plover-mapping.md")

REAL_GOLD = os.path.join(REPO, "tests", "gold", "events")
REAL_CORPUS = os.environ.get("EVAL_EVENTS_CORPUS") or os.path.normpath(
    os.path.join(REPO, "..", "shared", "corpus", "news",
                 "allsides-geo.jsonl"))
HAVE_REAL = os.path.isfile(REAL_CORPUS) and os.path.isdir(REAL_GOLD)
REAL_PLOVER = os.path.normpath(os.path.join(
    REPO, "..", "shared", "corpus", "plover", "PLOVER_GSR_CAMEO.txt"))
HAVE_PLOVER = os.path.isfile(REAL_PLOVER)


def run(script, args, mode="canned", canned=MINI_SYS, gold=MINI_GOLD,
        annals=FAKE):
    env = dict(os.environ)
    env["FAKE_EVENTS_MODE"] = mode
    env["FAKE_EVENTS_CANNED"] = canned
    env["FAKE_EVENTS_GOLD"] = gold
    cmd = [sys.executable, script, "--annals", annals] + list(args)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, universal_newlines=True, cwd=REPO)
    return p.returncode, p.stdout, p.stderr


def run_events(args=(), gold=MINI_GOLD, corpus=MINI_CORPUS, **kw):
    """Run eval_events with --json; returns (status, report, out, err)."""
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, "figures.json")
        rc, out, err = run(SCORER, ["--gold", gold, "--corpus", corpus,
                                    "--json", path] + list(args),
                           gold=gold, **kw)
        rep = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                rep = json.load(f)
        return rc, rep, out, err
    finally:
        shutil.rmtree(d)


def run_plover(args=(), plover=MINI_PLOVER, canned=MINI_PLOVER_SYS, **kw):
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, "figures.json")
        rc, out, err = run(PLOVER_SCORER, ["--plover", plover, "--mapping",
                                           MAPPING, "--json", path]
                           + list(args), canned=canned, **kw)
        rep = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                rep = json.load(f)
        return rc, rep, out, err
    finally:
        shutil.rmtree(d)


def P(name, country=None, kind="person", role="actor"):
    return ee.Participant(name, country, kind, role)


def ev(type_="attack", parts=(), spans=((0, 5),), date=None, doc="d"):
    e = ee.Event(doc, 0, type_, "asserted", date, list(parts),
                 [(s, t, "x") for s, t in spans])
    return e


# --------------------------------------------------------------------------
# Participant rules

class NameTest(unittest.TestCase):

    def test_tokens(self):
        t = ee.name_tokens
        self.assertEqual(t("Vladimir Putin"), ("vladimir", "putin"))
        self.assertEqual(t("the Islamic State."), ("islamic", "state"))
        self.assertEqual(t("The Hague"), ("hague",))
        self.assertEqual(t("U.S."), ("us",))
        self.assertEqual(t("US"), ("us",))
        self.assertEqual(t("U. S. Navy"), ("us", "navy"))
        self.assertEqual(t("George H. W. Bush"), t("George H.W. Bush"))
        self.assertNotEqual(t("George W. Bush"), t("George H.W. Bush"))
        self.assertEqual(t("Recep Tayyip Erdoğan"), t("recep tayyip erdogan"))
        self.assertEqual(t("Bashar al-Assad"), ("bashar", "al", "assad"))
        self.assertEqual(t("Kim Dong-chul"), ("kim", "dong", "chul"))
        self.assertEqual(t(""), ())
        self.assertEqual(t(None), ())

    def test_person_tokens(self):
        pt = lambda s: ee.person_tokens(ee.name_tokens(s))
        self.assertEqual(pt("President Vladimir Putin"), ("vladimir", "putin"))
        self.assertEqual(pt("Mr. Trump"), ("trump",))
        self.assertEqual(pt("Bashar al-Assad"), ("bashar", "assad"))
        self.assertEqual(pt("Martin Luther King Jr."),
                         ("martin", "luther", "king"))
        self.assertEqual(pt("President"), ("president",))   # never empty


class SameParticipantTest(unittest.TestCase):

    def same(self, a, b):
        r1 = ee.same_participant(a, b)
        r2 = ee.same_participant(b, a)
        self.assertEqual(r1, r2, "not symmetric: %r %r" % (a, b))
        return r1

    def test_same_name(self):
        self.assertTrue(self.same(P("Islamic State", None, "armed_group"),
                                  P("the Islamic State.", None, "other")))
        self.assertTrue(self.same(P("U.S. Navy", "USA", "organisation"),
                                  P("US Navy", None, "organisation")))
        self.assertTrue(self.same(P("Émile Durand"), P("Emile Durand", None,
                                                       None)))
        self.assertFalse(self.same(P("US Treasury", "USA", "organisation"),
                                   P("United States", "USA", "state")))

    def test_state_by_country(self):
        self.assertTrue(self.same(P("United States", "USA", "state"),
                                  P("Washington", "USA", "state")))
        self.assertTrue(self.same(P("United States", "USA", "state"),
                                  P("the Americans", "usa", "state")))
        self.assertFalse(self.same(P("United States", "USA", "state"),
                                   P("Pentagon", "USA", "organisation")))
        self.assertFalse(self.same(P("Russia", "RUS", "state"),
                                   P("Moscow", "UKR", "state")))
        self.assertFalse(self.same(P("Someland", None, "state"),
                                   P("Otherland", None, "state")))
        # persons of the same country are not the same person
        self.assertFalse(self.same(P("Joe Biden", "USA"),
                                   P("Donald Trump", "USA")))

    def test_surname(self):
        self.assertTrue(self.same(P("Putin", "RUS"), P("Vladimir Putin")))
        self.assertTrue(self.same(P("President Vladimir Putin"),
                                  P("Vladimir Putin", "RUS")))
        self.assertTrue(self.same(P("Mr. Putin"), P("Vladimir Putin")))
        self.assertTrue(self.same(P("Assad"), P("Bashar al-Assad")))
        self.assertTrue(self.same(P("Bashar Assad"), P("Bashar al-Assad")))
        self.assertTrue(self.same(P("Jong Un"), P("Kim Jong Un")))
        self.assertTrue(self.same(P("Bush"), P("George H.W. Bush")))
        self.assertTrue(self.same(P("Putin", None, None), P("Vladimir Putin")))
        self.assertFalse(self.same(P("Kim"), P("Kim Jong Un")))
        self.assertFalse(self.same(P("Vladimir"), P("Vladimir Putin")))
        self.assertFalse(self.same(P("George W. Bush"),
                                   P("George H. W. Bush")))
        self.assertFalse(self.same(P("Theresa May"), P("Brian May")))
        # only between persons
        self.assertFalse(self.same(P("Korea", None, "other"),
                                   P("North Korea", "PRK", "state")))
        self.assertFalse(self.same(P("State", None, "organisation"),
                                   P("Islamic State", None, "armed_group")))
        self.assertFalse(self.same(P("Putin", None, "organisation"),
                                   P("Vladimir Putin")))
        self.assertFalse(self.same(P("Korea", None, None),
                                   P("North Korea", None, None)))

    def test_shared_count(self):
        gold = [P("Vladimir Putin"), P("Joe Biden", role="target")]
        self.assertEqual(ee.shared_participants(gold, [P("Biden")]), 1)
        self.assertEqual(ee.shared_participants(
            gold, [P("Putin"), P("Biden", role="actor")]), 2)
        self.assertEqual(ee.shared_participants(gold, []), 0)


# --------------------------------------------------------------------------
# Matching

class MatchingTest(unittest.TestCase):

    def test_hungarian_max_cardinality(self):
        # greedy on weight would take (0, 0) alone (12 < 7 + 7)
        w = {(0, 0): 12, (0, 1): 7, (1, 0): 7}
        self.assertEqual(ee.max_weight_matching(2, 2, w), [(0, 1), (1, 0)])
        self.assertEqual(ee.max_weight_matching(3, 1, {(2, 0): 1}), [(2, 0)])
        self.assertEqual(ee.max_weight_matching(1, 3, {(0, 1): 1,
                                                       (0, 2): 2}), [(0, 2)])
        self.assertEqual(ee.max_weight_matching(2, 2, {}), [])

    def test_hungarian_optimal(self):
        # brute force over small random graphs
        import itertools
        import random
        rnd = random.Random(7)
        for _ in range(200):
            n, m = rnd.randint(1, 4), rnd.randint(1, 4)
            w = {}
            for i in range(n):
                for j in range(m):
                    if rnd.random() < 0.6:
                        w[(i, j)] = rnd.randint(1, 9)
            got = ee.max_weight_matching(n, m, w)
            self.assertEqual(len(set(i for i, _ in got)), len(got))
            self.assertEqual(len(set(j for _, j in got)), len(got))
            best = 0
            for perm in itertools.permutations(range(max(n, m))):
                s = sum(w.get((i, perm[i]), 0) for i in range(n)
                        if perm[i] < m)
                best = max(best, s)
            self.assertEqual(sum(w[p] for p in got), best, (n, m, w))

    def test_candidates(self):
        g = ev("attack", [P("Islamic State", None, "armed_group")])
        self.assertIsNotNone(ee.pair_weight(g, ev("attack", [
            P("the Islamic State", None, "armed_group")], spans=((90, 95),))))
        # another type
        self.assertIsNone(ee.pair_weight(g, ev("arrest", [
            P("Islamic State", None, "armed_group")])))
        # no shared participant, even with overlapping mentions
        self.assertIsNone(ee.pair_weight(g, ev("attack", [P("Taliban")])))
        self.assertIsNone(ee.pair_weight(g, ev("attack", [])))
        # a gold event without participants: overlap is enough
        g0 = ev("protest", [], spans=((10, 20),))
        self.assertIsNotNone(ee.pair_weight(g0, ev("protest", [],
                                                   spans=((15, 30),))))
        self.assertIsNotNone(ee.pair_weight(g0, ev("protest", [P("X")],
                                                   spans=((0, 11),))))
        self.assertIsNone(ee.pair_weight(g0, ev("protest", [],
                                                spans=((20, 30),))))

    def test_prefers_overlap_then_date(self):
        isis = P("Islamic State", None, "armed_group")
        g1 = ev("attack", [isis], spans=((0, 5),), date="2020-01-01")
        g2 = ev("attack", [isis], spans=((50, 55),), date=None)
        s = ev("attack", [isis], spans=((48, 60),), date="2020-01-01")
        self.assertEqual(ee.match_events([g1, g2], [s]), [(1, 0)])
        # no overlap anywhere: the date decides
        s = ev("attack", [isis], spans=((100, 110),), date="2020-01-01")
        self.assertEqual(ee.match_events([g1, g2], [s]), [(0, 0)])
        s.date = None
        self.assertEqual(ee.match_events([g1, g2], [s]), [(1, 0)])

    def test_trigger_overlap_beats_sentence_overlap(self):
        isis = P("Islamic State", None, "armed_group")
        g1 = ev("attack", [isis], spans=((10, 18),))
        g2 = ev("attack", [isis], spans=((40, 46),))
        s = ev("attack", [isis], spans=((0, 80),))
        s.triggers = [(40, 46)]
        self.assertEqual(ee.match_events([g1, g2], [s]), [(1, 0)])

    def test_one_to_one_per_type(self):
        a, b = P("Alpha Aa"), P("Beta Bb")
        gold = [ev("meeting", [a, b]), ev("meeting", [a]),
                ev("attack", [a])]
        system = [ev("meeting", [a]), ev("meeting", [a]), ev("meeting", [a]),
                  ev("attack", [b])]
        pairs = ee.match_events(gold, system)
        self.assertEqual(len(pairs), 2)
        self.assertEqual(sorted(g for g, _ in pairs), [0, 1])


# --------------------------------------------------------------------------
# The hand-made gold and output, run end to end

class MiniCannedTest(unittest.TestCase):
    """tools/tests/data/events-system.json against events-gold, by hand:

    mini-a gold: G0 meeting Putin->Biden 2021-06-16; G1 sanctions United
    States->Russia 2021-06-16; G2 attack Islamic State; G3 attack U.S. Navy
    ->Islamic State 2021-06-15; G4 protest (no participants); G5 arrest
    ->Émile Durand.  mini-b gold: H0 threat North Korea; H1 meeting Kim Jong
    Un->Moon Jae-in; H2 election (no participants) 2020-01-04.

    output: S0 meeting "Putin" 06-16 -> G0 (surname; wins the tie with S8
    on the date).  S1 sanctions "Washington"/USA/state 06-17 -> G1 (state by
    country), wrong date.  S2 sanctions "US Treasury" (organisation): extra.
    S3 attack "the Islamic State." whose sentence mention covers G2 and G3
    and whose trigger is G3's, and S4 attack "US Navy" on G3's trigger:
    maximum cardinality gives S3->G2, S4->G3 (both dated right).  S5 protest
    without participants overlapping G4 -> G4.  S6 election in mini-a:
    extra.  S7 arrest "Emile Durand", modality planned -> G5 (wrong
    modality).  S8 meeting "Jong Un"->"Biden" with mentions in both
    articles: extra in mini-a, -> H1 in mini-b.  S9 threat "Korea"/other:
    extra (H0 missed).  S10 election without participants -> H2.  S11
    attack without mentions: unattributed extra.  S12 type "riot": extra.
    """

    @classmethod
    def setUpClass(cls):
        cls.rc, cls.rep, cls.out, cls.err = run_events(["--verbose"])

    def test_status(self):
        self.assertEqual(self.rc, 0, self.err)

    def test_overall(self):
        o = self.rep["overall"]
        self.assertEqual((o["gold"], o["sys"], o["matched"], o["dated"]),
                         (9, 14, 8, 7))
        self.assertEqual((o["date_gold"], o["date_right"]), (4, 3))
        self.assertEqual(o["modality_right"], 7)
        self.assertAlmostEqual(o["p"], 8 / 14)
        self.assertAlmostEqual(o["r"], 8 / 9)
        self.assertAlmostEqual(o["f1"], 16 / 23)
        self.assertAlmostEqual(o["dated_f1"], 14 / 23)
        self.assertAlmostEqual(o["date_accuracy"], 0.75)
        self.assertAlmostEqual(o["modality_accuracy"], 7 / 8)
        # span matching: G2 is lost (no system trigger on it), H0 is won
        # (S9's trigger is on it; participants are not compared)
        self.assertEqual(o["span_matched"], 8)
        self.assertEqual(self.rep["types"]["attack"]["span_matched"], 1)
        self.assertEqual(self.rep["types"]["threat"]["span_matched"], 1)
        self.assertAlmostEqual(o["span_f1"], 16 / 23)

    def test_per_type(self):
        t = self.rep["types"]
        want = {  # gold, sys, matched, dated, date_gold, date_right
            "meeting": (2, 3, 2, 2, 1, 1),
            "sanctions": (1, 2, 1, 0, 1, 0),
            "attack": (2, 3, 2, 2, 1, 1),
            "protest": (1, 1, 1, 1, 0, 0),
            "arrest": (1, 1, 1, 1, 0, 0),
            "threat": (1, 1, 0, 0, 0, 0),
            "election": (1, 2, 1, 1, 1, 1),
            "riot": (0, 1, 0, 0, 0, 0),
        }
        for name, f in t.items():
            got = (f["gold"], f["sys"], f["matched"], f["dated"],
                   f["date_gold"], f["date_right"])
            self.assertEqual(got, want.get(name, (0,) * 6), name)
        self.assertEqual(list(t)[:18], list(ee.TYPES))
        self.assertAlmostEqual(t["meeting"]["f1"], 0.8)
        self.assertAlmostEqual(t["threat"]["f1"], 0.0)

    def test_per_article_and_notes(self):
        a = self.rep["per_article"]
        self.assertEqual(a["mini-a"], {"gold": 6, "sys": 10, "matched": 6,
                                       "dated": 5})
        self.assertEqual(a["mini-b"], {"gold": 3, "sys": 3, "matched": 2,
                                       "dated": 2})
        self.assertEqual(self.rep["unattributed"], 1)
        self.assertEqual(self.rep["split_events"], 1)
        self.assertEqual(self.rep["output_problems"],
                         {"no mention": 1, "unknown type": 1})

    def test_table_and_verbose(self):
        out = self.out
        self.assertIn("*riot", out)
        self.assertRegex(out, r"(?m)^all\s+9\s+14\s+8\s+0\.5714\s+0\.8889"
                         r"\s+0\.6957 \|\s+7\s+0\.6087\s+0\.7500$")
        self.assertIn("== mini-a (2021-06-17): gold 6, system 10, matched 6,"
                      " dated 5", out)
        self.assertIn("  missed  threat asserted  North Korea(PRK,state)",
                      out)
        self.assertIn("  extra   threat asserted  Korea(other)", out)
        self.assertIn("  date    sanctions  gold 2021-06-16  system "
                      "2021-06-17", out)
        self.assertIn("  modality arrest  gold asserted  system planned", out)
        self.assertIn("[threatened]", out)
        self.assertIn("(split)", out)
        self.assertIn("== (no document): 1 system event(s)", out)

    def test_gates(self):
        rc, _, _, err = run_events(["--min-f1", "0.69", "--min-dated-f1",
                                    "0.6", "--min-date-acc", "75"])
        self.assertEqual(rc, 0, err)
        for gate in (["--min-f1", "0.70"], ["--min-dated-f1", "61"],
                     ["--min-date-acc", "0.76"]):
            rc, rep, _, err = run_events(gate)
            self.assertEqual(rc, 1, gate)
            self.assertIn("FAIL", err)
            self.assertIsNotNone(rep)     # the figures are written anyway

    def test_article_filter(self):
        rc, rep, _, err = run_events(["--article", "mini-b"])
        self.assertEqual(rc, 0, err)
        o = rep["overall"]
        # S0-S7 and S12 no longer point into a scored article; S8 does
        self.assertEqual((o["gold"], o["matched"]), (3, 2))
        self.assertEqual(rep["unattributed"], 10)
        rc, _, _, err = run_events(["--article", "nope"])
        self.assertEqual(rc, 2)


class MiniFakeModesTest(unittest.TestCase):

    def test_gold_is_perfect(self):
        rc, rep, out, err = run_events(mode="gold")
        self.assertEqual(rc, 0, err)
        o = rep["overall"]
        self.assertEqual((o["gold"], o["sys"], o["matched"]), (9, 9, 9))
        for k in ("f1", "dated_f1", "date_accuracy", "modality_accuracy"):
            self.assertEqual(o[k], 1.0, k)

    def test_perturb(self):
        rc, rep, out, err = run_events(mode="perturb")
        self.assertEqual(rc, 0, err)
        want = predict_perturb(MINI_GOLD)
        check_against_prediction(self, rep, want)

    def test_skip_warns(self):
        rc, rep, out, err = run_events(mode="skip")
        self.assertEqual(rc, 0)
        self.assertIn("exited 1", err)
        self.assertEqual(rep["overall"]["f1"], 1.0)

    def test_fatal(self):
        for mode in ("fail", "garbage"):
            rc, rep, out, err = run_events(mode=mode)
            self.assertEqual(rc, 2, mode)
            self.assertIsNone(rep)
            self.assertIn("eval_events: error:", err)
        rc, _, _, err = run_events(annals=os.path.join(DATA, "no-such"))
        self.assertEqual(rc, 2)
        self.assertIn("not found", err)
        rc, _, _, err = run_events(corpus=os.path.join(DATA, "no-such"))
        self.assertEqual(rc, 2)
        d = tempfile.mkdtemp()
        try:
            c = os.path.join(d, "c.jsonl")
            with open(MINI_CORPUS, encoding="utf-8") as f:
                lines = [l for l in f if '"mini-b"' not in l]
            with open(c, "w", encoding="utf-8") as f:
                f.writelines(lines)
            rc, _, _, err = run_events(corpus=c)
            self.assertEqual(rc, 2)
            self.assertIn("mini-b", err)
        finally:
            shutil.rmtree(d)

    def test_empty_output(self):
        """What the binary writes before the extractor exists."""
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "empty.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"format": "annals/1", "documents": [],
                           "events": []}, f)
            rc, rep, out, err = run_events(canned=path)
            self.assertEqual(rc, 0, err)
            o = rep["overall"]
            self.assertEqual((o["gold"], o["sys"], o["matched"]), (9, 0, 0))
            self.assertEqual((o["p"], o["r"], o["f1"], o["date_accuracy"]),
                             (0.0, 0.0, 0.0, 0.0))
            self.assertIn("document missing", out)
            rc, _, _, err = run_events(["--min-f1", "0.01"], canned=path)
            self.assertEqual(rc, 1)
            rc, prep, _, err = run_plover(canned=path)
            self.assertEqual(rc, 0, err)
            self.assertEqual(prep["overall"]["right"], 0)
            self.assertEqual(prep["overall"]["none"], 4)
        finally:
            shutil.rmtree(d)

    def test_keep(self):
        d = tempfile.mkdtemp()
        try:
            rc, _, _, err = run_events(["--keep", d], mode="gold")
            self.assertEqual(rc, 0, err)
            with open(os.path.join(d, "events-gold.jsonl"),
                      encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            self.assertEqual([r["id"] for r in recs], ["mini-a", "mini-b"])
            # the gold dct, not the corpus's date-time
            self.assertEqual(recs[0]["published"], "2021-06-17")
            self.assertEqual(recs[0]["title"], "test mini-a")
            self.assertTrue(os.path.exists(os.path.join(
                d, "events-gold.out.json")))
        finally:
            shutil.rmtree(d)


# --------------------------------------------------------------------------
# The real gold set

PERIOD = 5


def predict_perturb(gold_dir):
    """The figures the fake's perturb mode must get, worked out from the
    gold files alone (see perturb() in fake_annals_events.py)."""
    with open(os.path.join(gold_dir, "articles.tsv"), encoding="utf-8") as f:
        ids = [l.split("\t")[0] for l in f.read().splitlines()[1:] if l]
    per = collections.defaultdict(collections.Counter)
    for doc_id in ids:
        with open(os.path.join(gold_dir, doc_id + ".json"),
                  encoding="utf-8") as f:
            events = json.load(f)["events"]
        types = set(e["type"] for e in events)
        for i, e in enumerate(events):
            t, k = e["type"], i % PERIOD
            per[t]["gold"] += 1
            if k == 1:
                j = ee.TYPES.index(t)
                new = next(ee.TYPES[(j + s) % 18] for s in range(1, 19)
                           if ee.TYPES[(j + s) % 18] not in types)
                per[new]["sys"] += 1
                continue
            if k == 0:
                continue
            per[t]["sys"] += 2 if k == 4 else 1
            per[t]["matched"] += 1
            per[t]["span_matched"] += 1
            per[t]["modality_right"] += 1
            if e["date"] is not None:
                per[t]["date_gold"] += 1
            if k in (3, 4):
                per[t]["dated"] += 1
                if e["date"] is not None:
                    per[t]["date_right"] += 1
    return per


def check_against_prediction(test, rep, per):
    total = collections.Counter()
    for t in ee.TYPES:
        got = rep["types"][t]
        for key in ee.COUNT_KEYS:
            test.assertEqual(got[key], per[t][key], "%s %s" % (t, key))
            total[key] += per[t][key]
    o = rep["overall"]
    for key in ee.COUNT_KEYS:
        test.assertEqual(o[key], total[key], key)
    p, r = total["matched"] / total["sys"], total["matched"] / total["gold"]
    test.assertAlmostEqual(o["f1"], 2 * p * r / (p + r))
    test.assertAlmostEqual(o["date_accuracy"],
                           total["date_right"] / total["date_gold"])


@unittest.skipUnless(HAVE_REAL, "no event gold corpus at %s" % REAL_CORPUS)
class RealGoldTest(unittest.TestCase):

    def test_gold_is_perfect(self):
        rc, rep, out, err = run_events(gold=REAL_GOLD, corpus=REAL_CORPUS,
                                       mode="gold")
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        o = rep["overall"]
        self.assertEqual(rep["articles"], 40)
        self.assertEqual((o["gold"], o["sys"], o["matched"], o["dated"]),
                         (238, 238, 238, 238))
        self.assertEqual((o["date_gold"], o["date_right"]), (114, 114))
        for k in ("p", "r", "f1", "dated_f1", "date_accuracy",
                  "modality_accuracy"):
            self.assertEqual(o[k], 1.0, k)
        for t, f in rep["types"].items():
            if f["gold"]:
                self.assertEqual((f["f1"], f["dated_f1"]), (1.0, 1.0), t)
        for a, f in rep["per_article"].items():
            self.assertEqual(f["gold"], f["matched"], a)

    def test_perturb(self):
        rc, rep, out, err = run_events(gold=REAL_GOLD, corpus=REAL_CORPUS,
                                       mode="perturb")
        self.assertEqual(rc, 0, err)
        check_against_prediction(self, rep, predict_perturb(REAL_GOLD))
        o = rep["overall"]
        # and the figures as numbers, for the record
        self.assertEqual((o["gold"], o["sys"], o["matched"], o["dated"]),
                         (238, 206, 116, 69))
        self.assertEqual((o["date_gold"], o["date_right"]), (50, 28))


# --------------------------------------------------------------------------
# PLOVER

class PloverMappingTest(unittest.TestCase):

    def setUp(self):
        self.m = ep.load_mapping(MAPPING)

    def test_tables(self):
        self.assertEqual(self.m.defaults["CONSULT"], "meeting")
        self.assertEqual(self.m.defaults["DEMAND"], "none")
        self.assertEqual(self.m.defaults["DOCUMENT"], "none")
        for t in list(self.m.defaults.values()) + [r.type
                                                   for r in self.m.rules]:
            self.assertTrue(t == "none" or t in ee.TYPES, t)
        self.assertEqual(ep.TYPES, ee.TYPES)

    def test_rules(self):
        rec = {"event": "REJECT", "eventText": "said not meet demands release"}
        self.assertEqual(self.m.expected(rec)[0], "release")
        rec = {"event": "REJECT", "eventText": "said removing sanctions out"}
        self.assertEqual(self.m.expected(rec)[0], "sanctions")
        # 'aid' at the start of a word only
        rec = {"event": "AGREE", "eventText": "said prepared to lift ban"}
        self.assertEqual(self.m.expected(rec)[0], "offer")
        rec = {"event": "ASSAULT", "mode": "torture", "eventText": "x"}
        self.assertEqual(self.m.expected(rec)[0], "none")
        self.assertEqual(self.m.expected(rec, categories_only=True)[0],
                         "attack")
        rec = {"event": "DEMAND", "id": "PLOVER-GSR01-DEMAND-0033",
               "eventText": "demanded"}
        self.assertEqual(self.m.expected(rec)[0], "ceasefire")
        self.assertEqual(self.m.expected({"event": "NEWCAT"})[0], "none")

    def test_bad_mapping(self):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "m.md")
            with open(path, "w") as f:
                f.write("| PLOVER category | annals type | reason |\n"
                        "|---|---|---|\n| AGREE | deal | x |\n")
            with self.assertRaises(ep.Fatal):
                ep.load_mapping(path)
            with open(path, "w") as f:
                f.write("no tables\n")
            with self.assertRaises(ep.Fatal):
                ep.load_mapping(path)
        finally:
            shutil.rmtree(d)

    @unittest.skipUnless(HAVE_PLOVER, "no PLOVER file at %s" % REAL_PLOVER)
    def test_covers_the_real_file(self):
        recs = ep.load_plover(REAL_PLOVER)
        self.assertEqual(len(recs), 322)
        self.assertEqual(len(set(r["cid"] for r in recs)), 322)
        cats = set(r["event"] for r in recs)
        self.assertEqual(len(cats), 18)
        self.assertTrue(cats <= set(self.m.defaults), cats
                        - set(self.m.defaults))
        used = set()
        for r in recs:
            _, rule = self.m.expected(r)
            if rule is not None:
                used.add(id(rule))
        unused = ["%s %s" % (r.category, r) for r in self.m.rules
                  if id(r) not in used]
        self.assertEqual(unused, [], "refinements that match no record")


class PloverRunTest(unittest.TestCase):
    """events-plover.json: CONSULT/visit -> meeting (output: meeting, right);
    CONSULT 'renewed negotiations' -> talks (output: meeting, other); REJECT
    'refused to meet' -> meeting (no output, none); REJECT 'vetoed', the
    same id again -> none (output: attack, unmapped with events); ASSAULT
    mode beat -> none (no output); PROTEST -> protest (output: protest and
    attack, right)."""

    def test_figures(self):
        rc, rep, out, err = run_plover(["--verbose"])
        self.assertEqual(rc, 0, err)
        self.assertEqual(rep["sentences"], 6)
        o = rep["overall"]
        self.assertEqual((o["sentences"], o["right"], o["none"], o["other"]),
                         (4, 2, 1, 1))
        self.assertAlmostEqual(o["accuracy"], 0.5)
        self.assertEqual(rep["unmapped"], {"sentences": 2, "with_events": 1})
        self.assertEqual(rep["unmapped_event_types"], {"attack": 1})
        self.assertEqual(rep["confusion"], {"meeting": {"(no event)": 1},
                                            "talks": {"meeting": 1}})
        c = rep["categories"]
        self.assertEqual((c["CONSULT"]["mapped"], c["CONSULT"]["right"],
                          c["CONSULT"]["other"]), (2, 1, 1))
        self.assertEqual((c["REJECT"]["sentences"], c["REJECT"]["mapped"],
                          c["REJECT"]["none"]), (2, 1, 1))
        self.assertEqual(c["ASSAULT"]["mapped"], 0)
        self.assertEqual(rep["plover_field"], {"sentences_with_events": 4,
                                               "same_category": 2})
        self.assertIn("PLOVER-GSR01-REJECT-9001-2  REJECT  got: attack", out)
        self.assertIn("[phrase negotiations]  got: meeting", out)

    def test_categories_only(self):
        rc, rep, out, err = run_plover(["--categories-only"])
        self.assertEqual(rc, 0, err)
        o = rep["overall"]
        self.assertEqual((o["sentences"], o["right"], o["none"], o["other"]),
                         (4, 3, 1, 0))

    def test_gate_and_corpus(self):
        d = tempfile.mkdtemp()
        try:
            rc, _, _, err = run_plover(["--min-accuracy", "60", "--keep", d])
            self.assertEqual(rc, 1)
            self.assertIn("FAIL", err)
            with open(os.path.join(d, "plover.jsonl"), encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            self.assertEqual(len(recs), 6)
            self.assertEqual(recs[2]["text"],
                             "The president of Freedonia refused to meet "
                             "the envoy.")
            self.assertEqual(recs[2]["id"], "PLOVER-GSR01-REJECT-9001")
            self.assertEqual(recs[3]["id"], "PLOVER-GSR01-REJECT-9001-2")
            self.assertEqual(recs[0]["published"], "2000-01-01")
        finally:
            shutil.rmtree(d)
        rc, _, _, _ = run_plover(["--min-accuracy", "0.5"])
        self.assertEqual(rc, 0)

    def test_fatal(self):
        rc, rep, _, err = run_plover(mode="fail")
        self.assertEqual(rc, 2)
        self.assertIsNone(rep)
        rc, _, _, err = run_plover(plover=os.path.join(DATA, "no-such"))
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    unittest.main()
