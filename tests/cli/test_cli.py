"""The radiculo command-line tool as a user runs it: exit codes, stdin, the text report."""
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile

cli, vectors = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
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

# Input is read only up to the engine's limit, then refused: a 10 MB file on stdin
# is read no further than 64 KiB (plus one read buffer), by the file offset the CLI leaves.
LIMIT = 64 * 1024
with tempfile.TemporaryFile() as big:
    big.write(b" " * (10 * 1024 * 1024))
    big.seek(0)
    refused = subprocess.run([cli, "evaluate", "-"], stdin=big, capture_output=True, text=True)
    consumed = os.lseek(big.fileno(), 0, os.SEEK_CUR)
check(refused.returncode == 2 and "larger than 64 KiB" in refused.stdout, f"10 MB on stdin: exit {refused.returncode}")
check(consumed <= 2 * LIMIT, f"10 MB on stdin: read {consumed} bytes, not at most the limit")


def limit_memory():
    # An endless input must not take the machine's memory if the limit ever broke: 1 GiB of
    # address space is plenty for the CLI. Not under AddressSanitizer, which reserves far more.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


sanitized = b"__asan_init" in pathlib.Path(cli).read_bytes()
endless = subprocess.run([cli, "evaluate", "/dev/zero"], capture_output=True, text=True, timeout=60,
                         preexec_fn=None if sanitized else limit_memory)
check(endless.returncode == 2 and "larger than 64 KiB" in endless.stdout, f"/dev/zero: exit {endless.returncode}")

# A directory or an unreadable file is an I/O error (exit 1), not invalid input.
with tempfile.TemporaryDirectory() as folder:
    directory = run("evaluate", folder)
    check(directory.returncode == 1 and directory.stdout == "", f"a directory: exit {directory.returncode}")
    check("Is a directory" in directory.stderr, f"a directory: says why: {directory.stderr!r}")

    # `--` ends the options, so files named like options can be read; an unknown option is a
    # usage error, never a file name.
    for name in ["--text", "-x"]:
        (pathlib.Path(folder) / name).write_text(json.dumps(case["input"]))
        named = subprocess.run([cli, "evaluate", "--", name], capture_output=True, text=True, cwd=folder)
        check(named.returncode == 0 and named.stdout == plan.stdout, f"evaluate -- {name}: exit {named.returncode}")
    as_text = subprocess.run([cli, "evaluate", "--text", "--", "--text"], capture_output=True, text=True, cwd=folder)
    check(as_text.returncode == 0 and "References" in as_text.stdout, f"evaluate --text -- --text: exit {as_text.returncode}")
    unknown = subprocess.run([cli, "evaluate", "-x"], capture_output=True, text=True, cwd=folder)
    check(unknown.returncode == 1 and "usage" in unknown.stderr and unknown.stdout == "", f"unknown option -x: exit {unknown.returncode}")

# A plan that cannot be written is a failure (exit 1), not a plan (exit 0).
with open("/dev/full", "w") as full:
    unwritten = subprocess.run([cli, "evaluate", path], stdout=full, stderr=subprocess.PIPE, text=True)
check(unwritten.returncode == 1, f"stdout on a full disk: exit {unwritten.returncode}")

# --text prints no terminal control characters from the input: keys (error fields)
# and the text of parse errors carry C0, DEL and C1 controls, raw and as UTF-8 (U+009B is CSI).
hostile_keys = [r"\u001b]0;pwned\u0007\u001b[2J\u001b[31mEMERGENCY: none, go home\u001b[0m",  # JSON escapes
                r"\u009b2J\u007f\u0085\u2028\u202e",
                "raw\u009b2J\u007f\u0085\u202e",  # raw in the JSON text, which allows them in strings
                r"tab\there"]
hostile = "{" + ", ".join(f'"{key}": 1' for key in hostile_keys) + ', "symptomWeeks": 3, "painScore": 5}'
hostile_parse_error = '{"symptomWeeks": 3, "\u009b[2J\u007f'  # unterminated: the message quotes it
terminal_controls = set(range(0x20)) - {0x0A} | set(range(0x7F, 0xA0)) | {0x2028, 0x2029} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
for name, text in [("keys", hostile), ("parse error", hostile_parse_error)]:
    shown = subprocess.run([cli, "evaluate", "--text", "-"], input=text.encode(), capture_output=True)
    out = shown.stdout.decode("utf-8")
    controls = sorted(f"U+{ord(c):04X}" for c in set(out) if ord(c) in terminal_controls)
    check(shown.returncode == 2 and not controls, f"--text with hostile {name}: exit {shown.returncode}, controls {controls}")
    check("\\u009b" in out, f"--text with hostile {name}: the controls are shown escaped")

usage = run("--help")
check(usage.returncode == 0 and usage.stdout.startswith("usage: radiculo evaluate"), f"--help: exit {usage.returncode}")

version = run("--version")
check(version.returncode == 0 and "engineVersion" in json.loads(version.stdout), "--version")

for failure in failures:
    print("FAIL:", failure)
print(f"cli: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
