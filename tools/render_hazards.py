#!/usr/bin/python3
"""Renders docs/safety/hazards.json to docs/safety/hazards.md, the hazard log a clinical safety
officer reads and signs, and to web/hazard-log.html, the same log shipped with the page and linked
from its intended-use page. Run after changing the JSON:

    tools/render_hazards.py
"""
import html
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "safety" / "hazards.json"
OUT = ROOT / "docs" / "safety" / "hazards.md"
PAGE = ROOT / "web" / "hazard-log.html"

# The risk matrix of NHS clinical risk management (DCB0129 / DCB0160): rating 1 (acceptable) to
# 5 (unacceptable), by likelihood (rows) and severity (columns, minor to catastrophic).
MATRIX = {
    "very high": [3, 4, 4, 5, 5],
    "high": [2, 3, 3, 4, 5],
    "medium": [2, 2, 3, 3, 4],
    "low": [1, 2, 2, 3, 4],
    "very low": [1, 1, 1, 2, 3],
}


def rating(log, risk):
    return MATRIX[risk["likelihood"]][log["severities"].index(risk["severity"])]


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def describe(log, risk):
    return f"{risk['severity']} × {risk['likelihood']} = **{rating(log, risk)}**"


def render(log):
    hazards = log["hazards"]
    lines = []
    add = lines.append
    add("# Hazard log")
    add("")
    add("<!-- Generated from docs/safety/hazards.json by tools/render_hazards.py. Do not edit by hand. -->")
    add("")
    add(f"{len(hazards)} hazards. Each control names the triage, recommendation, question, rule beyond the source "
        "(`docs/traceability.md`) or test that prevents the harm, and the cases in `tests/vectors/` that show it "
        "working; `tests/safety/test_hazards.py` fails when a hazard has no control, a control names an id that "
        "does not exist, or a control has no case that shows it. How risk is rated and who signs: "
        "[the clinical risk management plan](README.md).")
    add("")
    add("| # | Hazard | Initial risk | Residual risk |")
    add("|---|---|---|---|")
    for h in hazards:
        add(f"| [{h['id']}](#{h['id'].lower()}) | {cell(h['title'])} | {describe(log, h['initialRisk'])} | "
            f"{describe(log, h['residualRisk'])} |")
    for h in hazards:
        add("")
        add(f"## {h['id']}")
        add("")
        add(f"**{cell(h['title'])}.** {cell(h['harm'])}")
        add("")
        add("Causes: " + " ".join(cell(c) for c in h["causes"]))
        add("")
        add("| Control | What it does | Shown by |")
        add("|---|---|---|")
        for c in h["controls"]:
            add(f"| {c['type']} `{c['id']}` | {cell(c['what'])} | {', '.join(f'`{v}`' for v in c['vectors'])} |")
        add("")
        add(f"Risk: initial {describe(log, h['initialRisk'])}; residual {describe(log, h['residualRisk'])}."
            + (f" {cell(h['residualNote'])}" if h["residualNote"] else ""))
        add("")
        add(f"Found by: {', '.join(h['foundBy'])}. Clinical safety officer ✓ ☐")
    add("")
    return "\n".join(lines)


def render_page(log):
    """The log as a static page: no script, the page's own styles, the same strict policy."""
    e = html.escape
    hazards = log["hazards"]
    out = ["<!doctype html>", '<html lang="en" dir="ltr">', "<head>", '  <meta charset="utf-8">',
           '  <meta name="viewport" content="width=device-width, initial-scale=1">',
           '  <meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\'; img-src \'self\'; base-uri \'none\'; form-action \'none\'">',
           '  <meta name="referrer" content="no-referrer">',
           "  <title>Radiculo: hazard log</title>", '  <link rel="stylesheet" href="styles/base.css">',
           '  <link rel="stylesheet" href="styles/about.css">',
           '  <link rel="stylesheet" href="print.min.css" media="print">', "</head>",
           '<body class="about-page">', '<main id="main" class="about-page__main hazard-log">',
           "<!-- Generated from docs/safety/hazards.json by tools/render_hazards.py. Do not edit by hand. -->",
           '<p><a href="./">Radiculo</a></p>', '<h1 class="about-page__title">Hazard log</h1>',
           f"<p>{len(hazards)} hazards: every known way this aid could cause harm, what prevents it, and the test cases "
           "that show each control working. Risk is rated severity × likelihood on the NHS matrix (1 acceptable to 5 "
           "unacceptable), before and after the controls; the ratings are the engineering team's first estimates, "
           "pending review by a clinical safety officer.</p>",
           '<table class="hazard-log__summary"><thead><tr><th scope="col">#</th><th scope="col">Hazard</th>'
           '<th scope="col">Initial risk</th><th scope="col">Residual risk</th></tr></thead><tbody>']
    plain = lambda risk: f"{risk['severity']} × {risk['likelihood']} = {rating(log, risk)}"
    for h in hazards:
        out.append(f'<tr><td><a href="#{h["id"].lower()}">{h["id"]}</a></td><td>{e(h["title"])}</td>'
                   f"<td>{e(plain(h['initialRisk']))}</td><td>{e(plain(h['residualRisk']))}</td></tr>")
    out.append("</tbody></table>")
    for h in hazards:
        out.append(f'<section class="hazard" id="{h["id"].lower()}" aria-labelledby="{h["id"].lower()}-title">')
        out.append(f'<h2 id="{h["id"].lower()}-title">{h["id"]}: {e(h["title"])}</h2>')
        out.append(f"<p>{e(h['harm'])}</p>")
        out.append(f"<p><strong>Causes:</strong> {e(' '.join(h['causes']))}</p>")
        out.append("<ul>")
        for c in h["controls"]:
            out.append(f"<li><strong>{e(c['type'])} <code>{e(c['id'])}</code></strong>: {e(c['what'])} "
                       f"(shown by {e(', '.join(c['vectors']))})</li>")
        out.append("</ul>")
        note = f" {e(h['residualNote'])}" if h["residualNote"] else ""
        out.append(f"<p><strong>Risk:</strong> initial {e(plain(h['initialRisk']))}; residual "
                   f"{e(plain(h['residualRisk']))}.{note}</p>")
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def main():
    log = json.loads(SOURCE.read_text(encoding="utf-8"))
    OUT.write_text(render(log), encoding="utf-8")
    PAGE.write_text(render_page(log), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} and {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
