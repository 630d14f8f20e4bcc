#!/usr/bin/python3
"""Writes docs/traceability.md, the table a clinical reviewer signs off, from
docs/traceability.json and content/rules.json. Do not edit the Markdown by hand: edit the JSON
and run this again.

    tools/render_traceability.py           rewrite docs/traceability.md
    tools/render_traceability.py --check   exit 1 if docs/traceability.md is out of date
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
TRACE = ROOT / "docs" / "traceability.json"
RULES = ROOT / "content" / "rules.json"
REVIEW = ROOT / "content" / "review.json"
OUT = ROOT / "docs" / "traceability.md"


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def refs(numbers):
    return ", ".join(f"[{n}]" for n in numbers) if numbers else "—"


def reviewed_on(rules, review, language="en", wording="clinician"):
    """The latest review on record for this content version, language and wording, or None (as the engine)."""
    dates = [r["date"] for r in review["reviews"] if r["contentVersion"] == rules["contentVersion"]
             and language in r["languages"] and wording in r.get("wordings", [])]
    return max(dates) if dates else None


def render(trace, rules, review):
    reviewed = reviewed_on(rules, review)
    table = rules["triageTable"]
    where = {}  # id -> ["conservative: do", ...]
    for triage, rows in table.items():
        for row in rows:
            where.setdefault(row["id"], []).append(f"{triage}: {row['kind']}" + ("" if row["when"] == "always" else f" when {row['when']}"))
    statements = trace["statements"]
    implemented = [s for s in statements if "implementedBy" in s]
    conflicts = [s for s in statements if "conflict" in s]
    answered = [s for s in statements if "answeredBy" in s]
    out_of_scope = [s for s in statements if "outOfScope" in s]
    beyond = trace["rulesBeyondSource"]
    traced_ids = {i for s in implemented + beyond for i in s["implementedBy"].get("recommendations", [])}
    references = {r["number"]: r for r in rules["references"]}

    lines = []
    add = lines.append
    add("# Traceability: source page → Radiculo")
    add("")
    add("<!-- Generated from docs/traceability.json by tools/render_traceability.py. Do not edit by hand. -->")
    add("")
    source = trace["source"]
    add(f"**Source:** “{source['title']}”, {source['publisher']}, last updated {source['lastUpdated']} "
        f"(`{source['document']}`).  ")
    add(f"**Content:** version {rules['contentVersion']}, released {rules['contentReleased']}; clinical review: "
        f"{'pending (no record in content/review.json)' if reviewed is None else reviewed}; review due {rules['reviewDue']}.")
    add("")
    add(f"{len(statements)} clinical statements of the source, numbered in its order and put in our own words: "
        f"**{len(implemented)} implemented**, **{len(conflicts)} resolved in favour of another statement**, "
        f"**{len(answered)} answered by a rule beyond the source**, **{len(out_of_scope)} out of scope**. "
        f"{len(beyond)} rules go beyond the source ({sum(1 for r in beyond if r['own'])} of them Radiculo's own choices). "
        f"All {len(rules['recommendations'])} recommendation ids of `content/rules.json` trace to a statement "
        f"or a rule beyond the source ({len(traced_ids)} traced). Every id, rule and question named here is "
        f"triggered by at least one case in `tests/vectors/` (checked by `tests/trace/test_traceability.py`).")
    add("")
    add("Reading the table: *Implemented by* names the recommendation ids (with where each appears: "
        "triage, kind and condition, from `content/rules.json`) and the **triage rules** whose decision "
        "implements the statement. Source references are the page's own numbers [1]–[5]; from [6] on "
        "they are guidance beyond the page, cited by the rules beyond the source and the evidence notes.")
    add("")
    add("## Statements implemented")
    add("")
    add("| # | Section | Statement (our words) | Source refs | Implemented by | How | Reviewer ✓ |")
    add("|---|---|---|---|---|---|---|")
    for s in implemented:
        impl = s["implementedBy"]
        parts = [f"**rule: {t}**" for t in impl.get("triage", [])]
        parts += [f"`{i}` ({'; '.join(where.get(i, ['not in the triage table']))})" for i in impl.get("recommendations", [])]
        add(f"| {s['id']} | {cell(s['section'])} | {cell(s['statement'])} | {refs(s['references'])} | "
            f"{cell('<br>'.join(parts))} | {cell(s.get('how', ''))} | ☐ |")
    add("")
    if conflicts:
        add("## Conflicts resolved")
        add("")
        add("Where the source contradicts itself, Radiculo chose; the reviewer confirms each choice. "
            "No line implements the statement that was not chosen.")
        add("")
        add("| # | Statement (our words) | Conflicts with | Chosen | Resolution | Reviewer ✓ |")
        add("|---|---|---|---|---|---|")
        for s in conflicts:
            c = s["conflict"]
            add(f"| {s['id']} | {cell(s['statement'])} | {c['with']} | reference [{c['chosen']}] | {cell(c['resolution'])} | ☐ |")
        add("")
    if answered:
        add("## Statements answered by a rule beyond the source")
        add("")
        add("| # | Section | Statement (our words) | Source refs | Rule | How | Reviewer ✓ |")
        add("|---|---|---|---|---|---|---|")
        for s in answered:
            a = s["answeredBy"]
            add(f"| {s['id']} | {cell(s['section'])} | {cell(s['statement'])} | {refs(s['references'])} | {a['rule']} | {cell(a['how'])} | ☐ |")
        add("")
    add("## Statements out of scope")
    add("")
    add("| # | Section | Statement (our words) | Source refs | Why it is not a rule | Reviewer ✓ |")
    add("|---|---|---|---|---|---|")
    for s in out_of_scope:
        add(f"| {s['id']} | {cell(s['section'])} | {cell(s['statement'])} | {refs(s['references'])} | {cell(s['outOfScope'])} | ☐ |")
    add("")
    add("## Rules beyond the source")
    add("")
    add("Each rule below is not in the source page. *Own rule* marks a choice no source makes for us; "
        "the others rest on the references given. Numbers B1.. are used in the code's comments and the hazard log.")
    add("")
    add("| # | Rule | Implemented by | Why | References | Own rule | Reviewer ✓ |")
    add("|---|---|---|---|---|---|---|")
    for r in beyond:
        impl = r["implementedBy"]
        parts = [f"**rule: {t}**" for t in impl.get("triage", [])]
        parts += [f"`{i}`" for i in impl.get("recommendations", [])]
        parts += [f"question `{q}`" for q in impl.get("questions", [])]
        add(f"| {r['id']} | {cell(r['rule'])} | {cell('<br>'.join(parts))} | {cell(r['reason'])} | "
            f"{refs(r['references'])} | {'yes' if r['own'] else 'no'} | ☐ |")
    add("")
    add("## Recommendation ids → statements")
    add("")
    add("| Recommendation id | Citations | Statements and rules beyond the source |")
    add("|---|---|---|")
    for rec_id, rec in rules["recommendations"].items():
        ids = [s["id"] for s in implemented + beyond if rec_id in s["implementedBy"].get("recommendations", [])]
        add(f"| `{rec_id}` | {refs(rec['citations'])} | {', '.join(ids) or '**none**'} |")
    add("")
    add("## Triage rules → statements")
    add("")
    add("| Triage rule | Statements and rules beyond the source |")
    add("|---|---|")
    for triage in table:
        ids = [s["id"] for s in implemented + beyond if triage in s["implementedBy"].get("triage", [])]
        add(f"| **{triage}** | {', '.join(ids) or '**none**'} |")
    add("")
    add("## References")
    add("")
    for number, r in sorted(references.items()):
        beyond = " *(beyond the source page)*" if r.get("beyondSource") else ""
        year = f", {r['year']}" if "year" in r else ""
        add(f"{number}. {cell(r['title'])}. {cell(r['publisher'])}{year}.{beyond}")
    add("")
    add("## Sign-off")
    add("")
    add("I have checked every statement above against the source page, the recommendation ids and triage "
        "rules that implement it (their wording in `content/lang/`), the reasons given for what is out "
        f"of scope, and every rule beyond the source with its references, for content version {rules['contentVersion']}.")
    add("")
    add("| | |")
    add("|---|---|")
    add("| Clinical reviewer (name, role) | |")
    add("| Registration / licence number | |")
    add("| Date | |")
    add("| Signature | |")
    add("| Statements and rules to change (numbers) | |")
    add("")
    return "\n".join(lines)


def main():
    trace = json.loads(TRACE.read_text(encoding="utf-8"))
    rules = json.loads(RULES.read_text(encoding="utf-8"))
    review = json.loads(REVIEW.read_text(encoding="utf-8"))
    text = render(trace, rules, review)
    if sys.argv[1:] == ["--check"]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT.relative_to(ROOT)} is out of date: run tools/render_traceability.py")
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
