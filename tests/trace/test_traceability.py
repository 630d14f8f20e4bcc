#!/usr/bin/python3
"""Traceability of the content to its source (docs/traceability.json), checked:

  - every statement is numbered S1..Sn, has words, source references and anchors, and is either
    implemented (recommendation ids and/or triage rules), a conflict resolved in favour of another
    statement, answered by a rule beyond the source, or out of scope with a reason;
  - every id and rule it names exists in content/rules.json, and every recommendation id of
    content/rules.json traces to at least one statement; every triage rule traces to a statement
    or is listed under rulesBeyondSource with a reason;
  - every traced id and rule has a case in tests/vectors/ that triggers it (ok:true, the id in
    expect.ids, or expect.triage the rule);
  - with --against-source-page, and the source page on this machine (../shared/seed/ beside the
    repository, or RADICULO_SEED; without it the run says so and exits 77, ctest's "skipped"): every anchor is a verbatim fragment of it, each statement's references are
    those the page gives for that line, and every line of the page that states something clinical
    (it ends in reference numbers or introduces a list) holds an anchor: no statement left out;
  - docs/traceability.md is what tools/render_traceability.py makes of the JSON.

    /usr/bin/python3 tests/trace/test_traceability.py [--against-source-page]
"""
import json
import os
import pathlib
import re
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import render_traceability  # noqa: E402

TRACE = json.loads((ROOT / "docs" / "traceability.json").read_text(encoding="utf-8"))
RULES = json.loads((ROOT / "content" / "rules.json").read_text(encoding="utf-8"))
VECTORS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "vectors").glob("*.json"))]
SEED = pathlib.Path(os.environ.get("RADICULO_SEED", ROOT.parent / "shared" / "seed" / "000_b8897b2f8a220f40.txt"))

STATEMENTS = TRACE["statements"]
TRIAGES = list(RULES["triageTable"])
IDS = list(RULES["recommendations"])
SOURCE_REFERENCES = {r["number"] for r in RULES["references"] if not r["beyondSource"]}
ALL_REFERENCES = {r["number"] for r in RULES["references"]}


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


BEYOND = TRACE["rulesBeyondSource"]
QUESTIONS = set(json.loads((ROOT / "content" / "lang" / "en.json").read_text(encoding="utf-8"))["questions"])


def traced_ids():
    return {i for s in STATEMENTS + BEYOND for i in s.get("implementedBy", {}).get("recommendations", [])}


def traced_triages():
    return {t for s in STATEMENTS + BEYOND for t in s.get("implementedBy", {}).get("triage", [])}


class Statements(unittest.TestCase):
    def test_numbered_in_order(self):
        self.assertEqual([s["id"] for s in STATEMENTS], [f"S{n}" for n in range(1, len(STATEMENTS) + 1)])

    def test_each_has_words_references_and_anchors(self):
        for s in STATEMENTS:
            with self.subTest(s["id"]):
                self.assertTrue(s["statement"].strip())
                self.assertTrue(s["section"].strip())
                self.assertTrue(s["anchors"] and all(a.strip() for a in s["anchors"]))
                self.assertLessEqual(set(s["references"]), SOURCE_REFERENCES, "the source's own references only")
                if "implementedBy" in s:
                    self.assertTrue(s["references"], "an implemented statement cites the source")

    def test_a_resolved_conflict_names_the_other_statement_and_the_choice(self):
        ids = {s["id"] for s in STATEMENTS}
        for s in STATEMENTS:
            if "conflict" in s:
                with self.subTest(s["id"]):
                    self.assertIn(s["conflict"]["with"], ids)
                    self.assertIn(s["conflict"]["chosen"], SOURCE_REFERENCES)
                    self.assertTrue(s["conflict"]["resolution"].strip())

    def test_each_is_implemented_resolved_answered_or_out_of_scope(self):
        # Implemented by lines or rules; a conflict resolved in favour of another statement; answered
        # by a rule beyond the source that goes further than it; or out of scope, with a reason.
        kinds = ("implementedBy", "conflict", "answeredBy", "outOfScope")
        for s in STATEMENTS:
            with self.subTest(s["id"]):
                self.assertEqual(sum(kind in s for kind in kinds), 1, "exactly one of " + " / ".join(kinds))
                if "answeredBy" in s:
                    self.assertIn(s["answeredBy"]["rule"], {r["id"] for r in BEYOND})
                    self.assertTrue(s["answeredBy"]["how"].strip())
                elif "conflict" in s:
                    continue
                elif "outOfScope" in s:
                    self.assertTrue(s["outOfScope"].strip(), "out of scope needs a reason")
                else:
                    impl = s["implementedBy"]
                    self.assertLessEqual(set(impl), {"recommendations", "triage"})
                    self.assertTrue(impl.get("recommendations") or impl.get("triage"), "implemented by nothing")

    def test_names_only_what_the_content_has(self):
        for s in STATEMENTS:
            impl = s.get("implementedBy", {})
            with self.subTest(s["id"]):
                self.assertLessEqual(set(impl.get("recommendations", [])), set(IDS))
                self.assertLessEqual(set(impl.get("triage", [])), set(TRIAGES))
        # B<n>, each once, in increasing order: parallel branches hold ranges of numbers, so a gap
        # between ranges is allowed until they meet.
        numbers = [int(r["id"][1:]) if re.fullmatch(r"B[1-9][0-9]*", r["id"]) else 0 for r in BEYOND]
        self.assertTrue(all(numbers), "rules beyond the source are numbered B1, B2, ...")
        self.assertEqual(numbers, sorted(set(numbers)), "each number once, in increasing order")
        for rule in BEYOND:
            with self.subTest(rule["id"]):
                impl = rule["implementedBy"]
                self.assertLessEqual(set(impl), {"recommendations", "triage", "questions"})
                self.assertTrue(any(impl.values()), "a rule beyond the source implemented by nothing")
                self.assertLessEqual(set(impl.get("recommendations", [])), set(IDS))
                self.assertLessEqual(set(impl.get("triage", [])), set(TRIAGES))
                self.assertLessEqual(set(impl.get("questions", [])), QUESTIONS)
                self.assertTrue(rule["rule"].strip() and rule["reason"].strip())
                self.assertIsInstance(rule["own"], bool, "say whether the rule is Radiculo's own choice")
                self.assertTrue(rule["references"] or rule["own"], "a rule beyond the source cites its source or is Radiculo's own")
                self.assertLessEqual(set(rule["references"]), ALL_REFERENCES)


class Coverage(unittest.TestCase):
    def test_every_recommendation_id_traces_to_a_statement(self):
        self.assertEqual(sorted(set(IDS) - traced_ids()), [], "recommendation ids that trace to nothing")

    def test_every_line_beyond_the_source_is_listed_as_such(self):
        # A line citing no reference of the source page is beyond it: it must be a rule beyond the source.
        beyond_ids = {i for r in BEYOND for i in r["implementedBy"].get("recommendations", [])}
        for rec_id, rec in RULES["recommendations"].items():
            if not set(rec["citations"]) & SOURCE_REFERENCES:
                with self.subTest(rec_id):
                    self.assertIn(rec_id, beyond_ids)

    def test_every_triage_rule_traces_to_a_statement_or_is_explained(self):
        self.assertEqual(sorted(set(TRIAGES) - traced_triages()), [], "triage rules that trace to nothing")

    def test_every_traced_id_and_rule_has_a_triggering_vector(self):
        plans = [v["expect"] for v in VECTORS if v["expect"]["ok"]]
        for rec_id in sorted(traced_ids()):
            with self.subTest(id=rec_id):
                self.assertTrue(any(rec_id in e.get("ids", []) for e in plans), f"no case in tests/vectors/ triggers {rec_id}")
        for triage in sorted(traced_triages()):
            with self.subTest(triage=triage):
                self.assertTrue(any(e.get("triage") == triage for e in plans), f"no case in tests/vectors/ reaches {triage}")
        asked = lambda e, key: key in e.get("redFlagsPresent", []) + e.get("unanswered", []) + e.get("assessedFindings", [])
        for rule in BEYOND:
            for key in rule["implementedBy"].get("questions", []):
                with self.subTest(rule=rule["id"], question=key):
                    self.assertTrue(any(asked(v["expect"], key) or key in v.get("input", {}) for v in VECTORS if v["expect"]["ok"]),
                                    f"no case in tests/vectors/ answers {key}")


class AgainstTheSourcePage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines = [normalise(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
        cls.text = " ".join(cls.lines)
        # The clinical body: from the first statement to the reference list.
        start = next(i for i, line in enumerate(cls.lines) if line.startswith("Begin with conservative management"))
        end = next(i for i, line in enumerate(cls.lines) if line == "References")
        cls.body = cls.lines[start:end]

    @staticmethod
    def trailing_references(line):
        match = re.search(r"\s((?:\d+,\s*)*\d+)$", line)
        return {int(n) for n in re.split(r",\s*", match.group(1))} if match else set()

    def test_every_anchor_is_verbatim(self):
        for s in STATEMENTS:
            for anchor in s["anchors"]:
                with self.subTest(s["id"], anchor=anchor):
                    self.assertIn(normalise(anchor), self.text)

    def test_references_are_the_pages_own_for_that_line(self):
        for s in STATEMENTS:
            for anchor in s["anchors"]:
                for line in self.lines:
                    given = self.trailing_references(line)
                    if normalise(anchor) in line and given:
                        with self.subTest(s["id"], line=line[:60]):
                            self.assertLessEqual(set(s["references"]), given)

    def test_no_clinical_line_is_left_out(self):
        # Each clause of the line (split at dashes) holds an anchor, and the anchors cover at least
        # half of the line: a second statement in a line cannot hide behind the first one's anchor.
        anchors = [normalise(a) for s in STATEMENTS for a in s["anchors"]]
        for line in self.body:
            if not (self.trailing_references(line) or line.endswith(":")):
                continue
            text = re.sub(r"\s((?:\d+,\s*)*\d+)$", "", line)
            with self.subTest(line=text[:70]):
                for clause in text.split("\u2014"):
                    self.assertTrue(any(a in clause for a in anchors), f"a statement of the source page with no entry: {clause}")
                covered = [False] * len(text)
                for anchor in anchors:
                    for match in re.finditer(re.escape(anchor), text):
                        covered[match.start():match.end()] = [True] * (match.end() - match.start())
                self.assertGreaterEqual(sum(covered) / len(text), 0.5, "anchors cover less than half of the line")


class Rendering(unittest.TestCase):
    def test_markdown_is_up_to_date(self):
        review = json.loads((ROOT / "content" / "review.json").read_text(encoding="utf-8"))
        expected = render_traceability.render(TRACE, RULES, review)
        actual = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
        self.assertEqual(actual, expected, "docs/traceability.md is out of date: run tools/render_traceability.py")


# ctest's "skipped": the checks against the source page cannot run without it.
SKIPPED = 77


def main(argv):
    """Every check but those against the source page; with --against-source-page, only those (exit
    77 = skipped, said on the first line, when the page is not on this machine)."""
    loader = unittest.defaultTestLoader
    if argv[1:] == ["--against-source-page"]:
        if not SEED.exists():
            print(f"SKIPPED: the source page is not on this machine ({SEED}); set RADICULO_SEED to its path")
            return SKIPPED
        suite = loader.loadTestsFromTestCase(AgainstTheSourcePage)
    elif argv[1:]:
        print("usage: test_traceability.py [--against-source-page]", file=sys.stderr)
        return 2
    else:
        cases = [case for case in globals().values()
                 if isinstance(case, type) and issubclass(case, unittest.TestCase) and case is not AgainstTheSourcePage]
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(case) for case in cases)
    return 0 if unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
