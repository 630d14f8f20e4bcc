"""`radiculo schema` agrees with the engine: every case the engine accepts validates, and every
case it rejects for a reason a schema can express fails validation (draft 2020-12)."""
import json
import pathlib
import re
import subprocess
import sys

import jsonschema

cli, vectors = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads(subprocess.run([cli, "schema"], capture_output=True, text=True, check=True).stdout)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")  # Python accepts NaN and Infinity; JSON does not


failures, checked = [], 0
for path in sorted(vectors.glob("*.json")):
    case = json.loads(path.read_text())
    # A lone surrogate (a vector's text is a JavaScript string) reaches the engine as U+FFFD, as
    # any UTF-8 encoder writes it; a Python str holds surrogates only unpaired.
    text = re.sub("[\ud800-\udfff]", "\ufffd", case.get("inputText", json.dumps(case.get("input"))))
    engine = json.loads(subprocess.run([cli, "evaluate", "-"], input=text, capture_output=True, text=True).stdout)
    try:
        valid = validator.is_valid(json.loads(text, parse_constant=reject_constant))
    except (ValueError, RecursionError):
        valid = False  # not JSON at all: no schema accepts it
    checked += 1
    if engine["ok"] and not valid:
        failures.append(f"{case['name']}: engine accepts, schema rejects")
    if not engine["ok"] and valid and case.get("schemaExpressible", True):
        failures.append(f"{case['name']}: engine rejects, schema accepts")
    # A case marked beyond the schema's reach is one the engine rejects and the schema accepts
    # (a cross-field rule, a duplicate key, ...); anything else means the mark is wrong.
    if not case.get("schemaExpressible", True) and (engine["ok"] or not valid):
        failures.append(f"{case['name']}: marked schemaExpressible false, but "
                        + ("the engine accepts it" if engine["ok"] else "the schema rejects it too"))

for failure in failures:
    print("FAIL:", failure)
print(f"schema: {checked} cases checked, {len(failures)} disagreement(s)")
sys.exit(1 if failures else 0)
