#!/usr/bin/python3
"""Writes the exact input text of every case in tests/vectors/ to a seed corpus directory, one
file per case, named after the case: `inputText` as it stands, or `input` serialised as the
GoogleTest runner does (nlohmann's compact dump: sorted keys, no spaces).

    tests/fuzz/seed_corpus.py tests/vectors build-asan/fuzz/seeds
"""
import json
import pathlib
import re
import sys


def input_text(case):
    if "inputText" in case:
        return case["inputText"]
    return json.dumps(case["input"], separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def main(vector_dir, out_dir):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.input"):
        old.unlink()
    count = 0
    for path in sorted(pathlib.Path(vector_dir).glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        # A lone surrogate as U+FFFD, as the engine receives it from any runner.
        text = re.sub("[\ud800-\udfff]", "\ufffd", input_text(case))
        (out / (case["name"] + ".input")).write_bytes(text.encode("utf-8"))
        count += 1
    print(f"seed_corpus: {count} inputs from {vector_dir} in {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
