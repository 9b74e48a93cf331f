"""Tests of tools/eval_dates.py.

Run from /work/main:  /usr/bin/python3 -m unittest discover -s tools/tests

The hand-made TimeML documents are tools/tests/data/timebank/{TimeBank,
AQUAINT}/MINI000*.tml and the hand-made system output for them is
tools/tests/data/mini_system.jsonl.  The real-corpus tests look for the
corpus at $EVAL_DATES_TIMEBANK or ../shared/corpus/timebank (relative to the
repository) and are skipped when it is absent.
"""

import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from xml.sax.saxutils import unescape

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.dirname(HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in tools/
sys.path.insert(0, TOOLS)

import eval_dates as ed  # noqa: E402

SCORER = os.path.join(TOOLS, "eval_dates.py")
FAKE = os.path.join(HERE, "fake_annals_gold.py")
DATA = os.path.join(HERE, "data")
MINI_TB = os.path.join(DATA, "timebank")
MINI_SYS = os.path.join(DATA, "mini_system.jsonl")
REAL_TB = os.environ.get("EVAL_DATES_TIMEBANK") or os.path.normpath(
    os.path.join(TOOLS, "..", "..", "shared", "corpus", "timebank"))
HAVE_REAL = all(os.path.isdir(os.path.join(REAL_TB, p)) for p in ed.PARTS)


def run_scorer(args, mode="gold", timebank=MINI_TB, canned=MINI_SYS,
               annals=FAKE):
    env = dict(os.environ)
    env["FAKE_ANNALS_MODE"] = mode
    env["FAKE_ANNALS_TIMEBANK"] = timebank
    env["FAKE_ANNALS_CANNED"] = canned
    cmd = [sys.executable, SCORER, "--timebank", timebank,
           "--annals", annals] + list(args)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def run_json(args=(), **kw):
    """Run the scorer with --json; returns (status, parts, stdout, stderr)."""
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, "figures.json")
        rc, out, err = run_scorer(["--json", path] + list(args), **kw)
        parts = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                parts = json.load(f)["parts"]
        return rc, parts, out, err
    finally:
        shutil.rmtree(d)


def tx(start, end, ttype="DATE", value="2021", doc="d"):
    return ed.Timex(doc, start, end, "x" * (end - start), ttype, value)


class GoldParsingTest(unittest.TestCase):
    """The hand-made documents, offsets counted by hand."""

    def setUp(self):
        self.gold = ed.load_gold(MINI_TB)

    def test_parts_and_counts(self):
        self.assertEqual(list(self.gold), ["TimeBank", "AQUAINT"])
        self.assertEqual([d.id for d in self.gold["TimeBank"]], ["MINI0001"])
        self.assertEqual([d.id for d in self.gold["AQUAINT"]], ["MINI0002"])
        self.assertEqual(len(self.gold["TimeBank"][0].timexes), 6)
        self.assertEqual(len(self.gold["AQUAINT"][0].timexes), 4)

    def test_dct(self):
        d1 = self.gold["TimeBank"][0]
        self.assertEqual(d1.dct, "2021-06-18T09:30")
        self.assertEqual(d1.published, "2021-06-18")
        self.assertEqual(self.gold["AQUAINT"][0].published, "2021-06-16")

    def test_plain_text(self):
        d1 = self.gold["TimeBank"][0]
        # tags gone, entity decoded, non-ASCII kept, TITLE not included
        self.assertTrue(d1.text.startswith("\nGEN\u00c8VE, June 18 (Wire)"))
        self.assertIn("Ruritania & Freedonia met on Thursday for three",
                      d1.text)
        self.assertNotIn("<", d1.text)
        self.assertNotIn("Hand-made", d1.text)
        self.assertTrue(d1.text.endswith("every week.\n"))
        self.assertEqual(len(d1.text), 242)
        self.assertEqual(len(d1.data), 246)  # È and é twice: 2 bytes each

    def test_byte_offsets(self):
        d1 = self.gold["TimeBank"][0]
        got = [(t.start, t.end, t.text, t.type, t.value) for t in d1.timexes]
        self.assertEqual(got, [
            (10, 17, "June 18", "DATE", "2021-06-18"),
            (73, 81, "Thursday", "DATE", "2021-06-17"),
            (86, 97, "three hours", "DURATION", "PT3H"),
            (125, 135, "this month", "DATE", "2021-06"),
            (168, 183, "early July 2021", "DATE", "2021-07"),
            (234, 244, "every week", "SET", "P1W"),
        ])
        for t in d1.timexes:
            self.assertEqual(d1.data[t.start:t.end].decode("utf-8"), t.text)
        d2 = self.gold["AQUAINT"][0]
        self.assertEqual([(t.start, t.end) for t in d2.timexes],
                         [(16, 22), (60, 64), (86, 94), (98, 104)])

    def test_corpus_file(self):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "c.jsonl")
            ed.write_corpus(self.gold["TimeBank"], path)
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            self.assertEqual(len(lines), 1)
            rec = json.loads(lines[0])
            self.assertEqual(rec["id"], "MINI0001")
            self.assertEqual(rec["published"], "2021-06-18")
            self.assertEqual(rec["text"], self.gold["TimeBank"][0].text)
        finally:
            shutil.rmtree(d)


class MatchingTest(unittest.TestCase):

    def test_strict_one_to_one(self):
        gold = [tx(0, 5), tx(10, 15)]
        system = [tx(0, 5), tx(0, 5), tx(10, 14)]
        self.assertEqual(ed.match_strict(gold, system), [(0, 0)])

    def test_relaxed_largest_overlap_first(self):
        # system 0 overlaps gold 0 by 2 and gold 1 by 5: it takes gold 1,
        # system 1 then gets gold 0
        gold = [tx(0, 10), tx(12, 20)]
        system = [tx(8, 17), tx(3, 6)]
        self.assertEqual(ed.match_relaxed(gold, system), [(0, 1), (1, 0)])

    def test_relaxed_each_used_once(self):
        gold = [tx(0, 10)]
        system = [tx(0, 4), tx(5, 10), tx(2, 9)]
        self.assertEqual(ed.match_relaxed(gold, system), [(0, 2)])
        # one system span over two gold: only one of them is matched
        gold = [tx(0, 4), tx(5, 12)]
        system = [tx(0, 12)]
        self.assertEqual(ed.match_relaxed(gold, system), [(1, 0)])

    def test_relaxed_tie_prefers_exact(self):
        gold = [tx(5, 10)]
        system = [tx(2, 10), tx(5, 10), tx(5, 14)]
        self.assertEqual(ed.match_relaxed(gold, system), [(0, 1)])

    def test_touching_is_not_overlap(self):
        self.assertEqual(ed.match_relaxed([tx(0, 5)], [tx(5, 9)]), [])

    def test_unplaced_system_record_never_matches(self):
        bad = ed.Timex("d", None, None, "", "DATE", "2021", problem="x")
        self.assertEqual(ed.match_relaxed([tx(0, 5)], [bad]), [])
        self.assertEqual(ed.match_strict([tx(0, 5)], [bad]), [])

    def test_prf(self):
        self.assertEqual(ed.prf(0, 0, 0), (0.0, 0.0, 0.0))
        p, r, f = ed.prf(3, 4, 6)
        self.assertAlmostEqual(p, 0.75)
        self.assertAlmostEqual(r, 0.5)
        self.assertAlmostEqual(f, 0.6)

    def test_counts_and_attribute_f1(self):
        doc = ed.GoldDoc("d", "TimeBank", "-", "2021-01-01",
                         "x" * 40, [tx(0, 5, "DATE", "2021-01-01"),
                                    tx(10, 15, "DURATION", "P1D"),
                                    tx(20, 25, "DATE", "2021-01"),
                                    tx(30, 35, "SET", "P1W")])
        system = [tx(0, 5, "DATE", "2021-01-01"),     # all right
                  tx(9, 15, "DATE", "P1D"),           # relaxed, type wrong
                  tx(20, 25, "DATE", "2021-02"),      # value wrong
                  tx(36, 39, "DATE", "2021")]         # false positive
        c = ed.count([ed.score_doc(doc, system)])
        self.assertEqual(c, {"docs": 1, "gold": 4, "sys": 4, "strict": 2,
                             "relaxed": 3, "type": 2, "value": 2})
        f = ed.figures(c)
        self.assertAlmostEqual(f["strict_f1"], 0.5)
        self.assertAlmostEqual(f["relaxed_f1"], 0.75)
        self.assertAlmostEqual(f["type_p"], 0.5)
        self.assertAlmostEqual(f["type_f1"], 0.5)
        self.assertAlmostEqual(f["value_f1"], 0.5)
        self.assertAlmostEqual(f["value_accuracy"], 2 / 3)


class ParseSystemTest(unittest.TestCase):

    def setUp(self):
        gold = ed.load_gold(MINI_TB)
        self.docs = dict((d.id, d) for docs in gold.values() for d in docs)

    def test_records(self):
        out = "\n".join([
            json.dumps({"doc": "MINI0002", "start": 16, "end": 22,
                        "text": "Monday", "type": "DATE",
                        "value": "2021-06-14"}),
            "not json at all",
            json.dumps({"doc": "NOPE", "start": 0, "end": 3, "text": "abc",
                        "type": "DATE", "value": "2021"}),
            json.dumps({"doc": "MINI0002", "start": 16, "end": 22,
                        "text": "Sunday", "type": "DATE", "value": "x"}),
            json.dumps({"doc": "MINI0002", "start": "16", "end": 22,
                        "type": "DATE", "value": "x"}),
            json.dumps({"doc": "MINI0002", "start": 22, "end": 16,
                        "type": "DATE", "value": "x"}),
            "",
        ])
        by_doc, problems = ed.parse_system(out, self.docs)
        self.assertEqual(list(by_doc), ["MINI0002"])
        recs = by_doc["MINI0002"]
        self.assertEqual(len(recs), 4)
        self.assertEqual(recs[0].span(), (16, 22))
        self.assertEqual(recs[1].text, "Monday")  # offsets rule, not text
        self.assertIsNone(recs[2].start)
        self.assertIsNone(recs[3].start)
        self.assertEqual(problems, collections.Counter({
            "not json": 1, "unknown doc": 1, "text differs": 1,
            "offsets not integers": 1, "offsets out of range": 1,
            "duplicate span": 1}))


class MiniEndToEndTest(unittest.TestCase):
    """The whole scorer on the hand-made documents and hand-made output
    (tools/tests/data/mini_system.jsonl).  Expected, by hand:

      TimeBank (MINI0001): gold 6, sys 7 (a duplicate and 'second' extra)
        strict 3 (June 18, three hours, this month)
        relaxed 5 (+ 'on Thursday', 'July 2021'; 'every week' missed)
        type right 4 ('three hours' typed DATE), value right 4
      AQUAINT (MINI0002): gold 4, sys 6 ('on Monday' loses to 'Monday',
        one record with offsets out of range)
        strict 2, relaxed 4, type right 4, value right 3 ('6 a.m.')
    F1 = 2 * right / (sys + gold).
    """

    def test_figures(self):
        rc, parts, out, err = run_json(mode="canned")
        self.assertEqual(rc, 0, err)
        exp = {"TimeBank": (6, 7, 3, 5, 4, 4),
               "AQUAINT": (4, 6, 2, 4, 4, 3),
               "all": (10, 13, 5, 9, 8, 7)}
        for part, (g, s, st, rel, ty, va) in exp.items():
            f = parts[part]
            self.assertEqual((f["gold"], f["sys"], f["strict"], f["relaxed"],
                              f["type"], f["value"]),
                             (g, s, st, rel, ty, va), part)
            for key, n in (("strict", st), ("relaxed", rel), ("type", ty),
                           ("value", va)):
                self.assertAlmostEqual(f[key + "_p"], n / s)
                self.assertAlmostEqual(f[key + "_r"], n / g)
                self.assertAlmostEqual(f[key + "_f1"], 2 * n / (s + g))
        self.assertAlmostEqual(parts["all"]["value_f1"], 14 / 23)
        self.assertIn("0.4348", out)   # combined strict F1, 10/23
        lines = [l for l in out.splitlines() if l.startswith("all ")]
        self.assertEqual(len(lines), 1)
        self.assertIn("offsets out of range", err)

    def test_verbose(self):
        rc, out, err = run_scorer(["--verbose"], mode="canned")
        self.assertEqual(rc, 0, err)
        self.assertIn("-- TimeBank: missed (gold not found) [1]", out)
        self.assertIn("MINI0001 @234: 'every week' SET P1W", out)
        self.assertIn("[every week].", out)
        self.assertIn("-- AQUAINT: false positives (system extras) [2]",
                      out)
        self.assertIn("MINI0002 @13: 'on Monday' DATE 2021-06-14", out)
        self.assertIn("-- TimeBank: wrong types [1]", out)
        self.assertIn("'three hours' gold DURATION  system DATE", out)
        self.assertIn("-- AQUAINT: wrong values [1]", out)
        self.assertIn("gold 2021-06-16T06:00  system T06:00", out)
        self.assertLess(out.index("-- TimeBank: missed"),
                        out.index("-- AQUAINT: missed"))

    def test_summary_errors(self):
        rc, out, err = run_scorer(["--summary-errors"], mode="canned")
        self.assertEqual(rc, 0, err)
        self.assertIn("missed gold strings (1 in all, 1 distinct)", out)
        self.assertRegex(out, r"\n +1  every week\n")
        self.assertIn("false-positive strings (4 in all, 4 distinct)", out)
        self.assertRegex(out, r"\n +1  on monday\n")

    def test_gates(self):
        # combined relaxed F1 18/23 = 0.7826, value F1 14/23 = 0.6087
        rc, _, err = run_scorer(["--min-relaxed-f1", "0.78",
                                 "--min-value-f1", "0.60"], mode="canned")
        self.assertEqual(rc, 0, err)
        rc, _, err = run_scorer(["--min-relaxed-f1", "0.79"], mode="canned")
        self.assertEqual(rc, 1)
        self.assertIn("relaxed F1 0.7826 is below 0.7900", err)
        rc, _, err = run_scorer(["--min-value-f1", "61"], mode="canned")
        self.assertEqual(rc, 1)
        self.assertIn("value F1 0.6087 is below 0.6100", err)

    def test_gold_mode_scores_one(self):
        rc, parts, out, err = run_json(mode="gold")
        self.assertEqual(rc, 0, err)
        for part in ("TimeBank", "AQUAINT", "all"):
            for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"):
                self.assertEqual(parts[part][key], 1.0, (part, key))

    def test_one_part(self):
        rc, parts, out, err = run_json(["--part", "AQUAINT"], mode="canned")
        self.assertEqual(rc, 0, err)
        self.assertEqual(sorted(parts), ["AQUAINT", "all"])
        self.assertEqual(parts["all"]["gold"], 4)


class BinaryFailureTest(unittest.TestCase):

    def test_missing_binary(self):
        rc, out, err = run_scorer([], annals=os.path.join(DATA, "no-such"))
        self.assertEqual(rc, 2)
        self.assertIn("annals binary not found", err)

    def test_binary_fails(self):
        rc, out, err = run_scorer([], mode="fail")
        self.assertEqual(rc, 2)
        self.assertIn("failed (exit status 2)", err)
        self.assertIn("failing on purpose", err)

    def test_binary_skips_some_input(self):
        rc, parts, out, err = run_json(mode="skip")
        self.assertEqual(rc, 0, err)
        self.assertIn("exited 1 (some input skipped)", err)
        self.assertEqual(parts["all"]["value_f1"], 1.0)

    def test_missing_timebank(self):
        rc, out, err = run_scorer([], timebank=os.path.join(DATA, "nope"))
        self.assertEqual(rc, 2)
        self.assertIn("no TimeBank directory", err)


@unittest.skipUnless(HAVE_REAL, "no TimeBank corpus at %s" % REAL_TB)
class RealCorpusTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.gold = ed.load_gold(REAL_TB)

    def test_gold_counts(self):
        # TempEval-3's 1,822 = every TIMEX3 inside <TEXT>, the DCTs not
        # counted: TimeBank 1,243 + AQUAINT 579
        self.assertEqual(len(self.gold["TimeBank"]), 183)
        self.assertEqual(len(self.gold["AQUAINT"]), 73)
        n = dict((p, sum(len(d.timexes) for d in docs))
                 for p, docs in self.gold.items())
        self.assertEqual(n, {"TimeBank": 1243, "AQUAINT": 579})
        for docs in self.gold.values():
            for d in docs:
                self.assertRegex(d.published or "", r"^\d{4}-\d\d-\d\d$")

    def test_parse_agrees_with_plain_regex(self):
        # an independent reading of the raw files: text = TEXT with the
        # tags cut out; the TIMEX3 texts in order
        for docs in self.gold.values():
            for d in docs:
                with open(d.path, encoding="utf-8") as f:
                    raw = f.read()
                body = raw[raw.index("<TEXT>") + 6:raw.index("</TEXT>")]
                plain = unescape(re.sub(r"<[^>]*>", "", body))
                self.assertEqual(plain, d.text, d.id)
                texts = [unescape(re.sub(r"<[^>]*>", "", m))
                         for m in re.findall(r"<TIMEX3\b[^>]*>(.*?)</TIMEX3>",
                                             body, re.S)]
                self.assertEqual(texts, [t.text for t in d.timexes], d.id)
                for t in d.timexes:
                    self.assertEqual(d.data[t.start:t.end].decode("utf-8"),
                                     t.text)

    def test_fake_gold_scores_one(self):
        rc, parts, out, err = run_json(mode="gold", timebank=REAL_TB)
        self.assertEqual(rc, 0, err)
        self.assertEqual(parts["TimeBank"]["gold"], 1243)
        self.assertEqual(parts["AQUAINT"]["gold"], 579)
        for part in ("TimeBank", "AQUAINT", "all"):
            f = parts[part]
            self.assertEqual(f["sys"], f["gold"])
            for key in ("strict", "relaxed", "type", "value"):
                for m in ("_p", "_r", "_f1"):
                    self.assertEqual(f[key + m], 1.0, (part, key + m))

    def test_fake_perturbed(self):
        # expected counts from the rule in fake_annals_gold.perturb()
        exp = {}
        for part, docs in self.gold.items():
            c = collections.Counter()
            for d in docs:
                for i, t in enumerate(d.timexes):
                    k = i % 6
                    c["gold"] += 1
                    if k == 0:
                        continue
                    c["sys"] += 1
                    c["relaxed"] += 1
                    if not (k == 1 and t.end - t.start >= 2):
                        c["strict"] += 1
                    if k not in (3, 4):
                        c["type"] += 1
                    if k not in (2, 4):
                        c["value"] += 1
                text = d.data
                for m in re.finditer(rb"[A-Za-z]{3,}", text):
                    if not any(t.start < m.end() and m.start() < t.end
                               for t in d.timexes):
                        c["sys"] += 1
                        break
            exp[part] = c
        exp["all"] = exp["TimeBank"] + exp["AQUAINT"]
        rc, parts, out, err = run_json(["--min-relaxed-f1", "0.99"],
                                       mode="perturb", timebank=REAL_TB)
        self.assertEqual(rc, 1)
        for part, c in exp.items():
            f = parts[part]
            for key in ("gold", "sys", "strict", "relaxed", "type", "value"):
                self.assertEqual(f[key], c[key], (part, key))
            self.assertAlmostEqual(f["value_f1"],
                                   2 * c["value"] / (c["sys"] + c["gold"]))
            self.assertLess(f["strict_f1"], f["relaxed_f1"])
            self.assertLess(f["value_f1"], f["relaxed_f1"])


if __name__ == "__main__":
    unittest.main()
