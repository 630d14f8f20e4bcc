#!/usr/bin/python3
"""The hazard log (docs/safety/hazards.json), checked: every hazard has a control; every control
names something that exists (a triage or recommendation of content/rules.json, a question of the
content, a rule beyond the source in docs/traceability.json, a test in the repository) and at least
one case in tests/vectors/ that shows it working; residual risk is never above initial risk nor
unacceptable; docs/safety/hazards.md and web/hazard-log.html are what tests/safety/render_hazards.py
makes of the JSON.

    /usr/bin/python3 tests/safety/test_hazards.py
"""
import json
import pathlib
import re
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import render_hazards  # noqa: E402

LOG = json.loads((ROOT / "docs" / "safety" / "hazards.json").read_text(encoding="utf-8"))
RULES = json.loads((ROOT / "content" / "rules.json").read_text(encoding="utf-8"))
TRACE = json.loads((ROOT / "docs" / "traceability.json").read_text(encoding="utf-8"))
QUESTIONS = set(json.loads((ROOT / "content" / "lang" / "en.json").read_text(encoding="utf-8"))["questions"])
VECTORS = {v["name"]: v for v in (json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "tests" / "vectors").glob("*.json"))}
BEYOND = {r["id"]: r for r in TRACE["rulesBeyondSource"]}
HAZARDS = LOG["hazards"]


def answered(vector, key):
    expect, given = vector["expect"], vector.get("input") or {}
    if not expect["ok"]:
        return any(field == f"/{key}" or field.startswith(f"/{key}/") for field in expect["errorFields"])
    return (key in expect.get("redFlagsPresent", []) + expect.get("unanswered", []) + expect.get("assessedFindings", [])
            or key in given or key in (given.get("redFlags") or {}))


def test_exists(reference):
    path, _, name = reference.partition("::")
    file = ROOT / path
    if not file.is_file():
        return False
    return not name or re.search(rf"(TEST(_P)?\(\w+, {re.escape(name)}\)|test\(['`\"].*{re.escape(name)})", file.read_text(encoding="utf-8"))


def shows(control, vector):
    """Does this case show the control working?"""
    kind, ident, expect = control["type"], control["id"], vector["expect"]
    if kind == "triage":
        return expect["ok"] and expect["triage"] == ident
    if kind == "recommendation":
        return expect["ok"] and ident in expect["ids"]
    if kind == "question":
        return answered(vector, ident)
    if kind == "rule":
        impl = BEYOND[ident]["implementedBy"]
        return (expect["ok"] and (expect["triage"] in impl.get("triage", []) or set(expect["ids"]) & set(impl.get("recommendations", []))))\
            or any(answered(vector, q) for q in impl.get("questions", []))
    return True  # a test: the case is one it covers


class Hazards(unittest.TestCase):
    def test_numbered_and_complete(self):
        # H<n>, each once, in increasing order: parallel branches hold ranges of numbers, so a gap
        # between ranges is allowed until they meet.
        numbers = [int(h["id"][1:]) if re.fullmatch(r"H[1-9][0-9]*", h["id"]) else 0 for h in HAZARDS]
        self.assertTrue(all(numbers), "hazards are numbered H1, H2, ...")
        self.assertEqual(numbers, sorted(set(numbers)), "each number once, in increasing order")
        for h in HAZARDS:
            with self.subTest(h["id"]):
                self.assertTrue(h["title"].strip() and h["harm"].strip())
                self.assertTrue(h["causes"], "a hazard names its causes")
                self.assertTrue(h["controls"], "a hazard without a control")
                self.assertTrue(h["foundBy"])

    def test_risk_is_rated_and_reduced(self):
        for h in HAZARDS:
            with self.subTest(h["id"]):
                for risk in (h["initialRisk"], h["residualRisk"]):
                    self.assertIn(risk["severity"], LOG["severities"])
                    self.assertIn(risk["likelihood"], LOG["likelihoods"])
                initial = render_hazards.rating(LOG, h["initialRisk"])
                residual = render_hazards.rating(LOG, h["residualRisk"])
                self.assertLessEqual(residual, initial, "controls never raise the risk")
                self.assertLessEqual(residual, 3, "an unacceptable residual risk (4 or 5) cannot be logged as controlled")


class Controls(unittest.TestCase):
    def test_each_names_what_exists(self):
        for h in HAZARDS:
            for c in h["controls"]:
                with self.subTest(h["id"], control=c["id"]):
                    self.assertTrue(c["what"].strip())
                    exists = {
                        "triage": lambda i: i in RULES["triageTable"],
                        "recommendation": lambda i: i in RULES["recommendations"],
                        "question": lambda i: i in QUESTIONS,
                        "rule": lambda i: i in BEYOND,
                        "test": test_exists,
                    }[c["type"]]
                    self.assertTrue(exists(c["id"]), f"{c['type']} {c['id']} does not exist")

    def test_each_is_shown_by_a_vector(self):
        for h in HAZARDS:
            for c in h["controls"]:
                with self.subTest(h["id"], control=c["id"]):
                    self.assertTrue(c["vectors"], "a control with no vector")
                    for name in c["vectors"]:
                        self.assertIn(name, VECTORS, f"no vector {name} in tests/vectors/")
                        self.assertTrue(shows(c, VECTORS[name]), f"{name} does not show {c['type']} {c['id']}")


class Rendering(unittest.TestCase):
    def test_markdown_is_up_to_date(self):
        actual = (ROOT / "docs" / "safety" / "hazards.md").read_text(encoding="utf-8")
        self.assertEqual(actual, render_hazards.render(LOG), "docs/safety/hazards.md is out of date: run tests/safety/render_hazards.py")
        page = (ROOT / "web" / "hazard-log.html").read_text(encoding="utf-8")
        self.assertEqual(page, render_hazards.render_page(LOG), "web/hazard-log.html is out of date: run tests/safety/render_hazards.py")


if __name__ == "__main__":
    unittest.main(verbosity=2)
