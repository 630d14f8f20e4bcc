"""The radiculo command-line tool as a user runs it: exit codes, stdin, the text report."""
import json
import pathlib
import subprocess
import sys
import tempfile

cli, vectors = sys.argv[1], pathlib.Path(sys.argv[2])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args, stdin=None):
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True)


typical = (vectors / "conservative-typical.json")
case = json.loads(typical.read_text())
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(case["input"], f)
    path = f.name

plan = run("evaluate", path)
check(plan.returncode == 0, f"valid file: exit {plan.returncode}")
check(json.loads(plan.stdout)["triage"] == "conservative", "valid file: triage")
check(run("evaluate", "-", stdin=json.dumps(case["input"])).stdout == plan.stdout, "stdin and file give the same plan")

invalid = run("evaluate", "-", stdin='{"painScore": 11}')
check(invalid.returncode == 2, f"invalid input: exit {invalid.returncode}")
check(json.loads(invalid.stdout)["ok"] is False, "invalid input: error JSON on stdout")

check(run("evaluate", "/nonexistent/assessment.json").returncode == 1, "unreadable file: exit 1")
check(run("frobnicate").returncode == 1, "unknown command: exit 1")
check(run().returncode == 1, "no command: exit 1")

text = run("evaluate", "--text", path)
check(text.returncode == 0, "text report: exit 0")
for expected in ["conservative", "6 weeks", "NSAID", "References", "[1]", "bed rest"]:
    check(expected.lower() in text.stdout.lower(), f"text report mentions {expected!r}")
check("{" not in text.stdout, "text report has no JSON or unfilled placeholder")
text_invalid = run("evaluate", "--text", "-", stdin='{"painScore": 11}')
check(text_invalid.returncode == 2 and "/painScore" in text_invalid.stdout, "text report of invalid input names the field")

version = run("--version")
check(version.returncode == 0 and "engineVersion" in json.loads(version.stdout), "--version")

for failure in failures:
    print("FAIL:", failure)
print(f"cli: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
