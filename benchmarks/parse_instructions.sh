#!/usr/bin/env bash
# Machine instructions (valgrind's callgrind "Ir") that factcheck.parse takes on every fourth phrase
# of the benchmark (ours and the third-party dev set) and on 100 KB of text dense with values, the
# interpreter's start-up subtracted. Unlike CPU seconds, the count does not move with the load of a
# shared machine; it leaves out cache misses, so it is a guide beside the timings, not instead of them.
# Slow (a few minutes). Run from a checkout's root, with the interpreter of that checkout:
#   benchmarks/parse_instructions.sh [PYTHON]        (default .venv/bin/python; needs valgrind)
set -euo pipefail
PY=${1:-.venv/bin/python}
command -v valgrind >/dev/null || { echo "parse_instructions: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
code='
import sys
sys.path.insert(0, "benchmarks")
import bench_parse as bp
from factcheck.normalize import parse
phrases = bp.load_phrases(bp.PHRASE_FILES) + bp.load_cases(bp.THIRD_PARTY / "dev.jsonl")
what = sys.argv[1]
if what == "phrases":
    for p in phrases[::4]:
        parse(p.text, p.ref)
elif what == "dense":
    parse(bp.dense_text(100_000))
'
# A fixed hash seed: string hashes, and so the order sets are walked in, change from run to run, which
# moved the count by up to 3% between runs of the same code. Compile the package first
# (python -m compileall -q factcheck): with PYTHONDONTWRITEBYTECODE set, a stale or missing .pyc is
# compiled again inside the counted run.
count() { PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PY" -c "$code" "$1" 2>&1 | awk '/Collected/ {print $4}'; }
start=$(count none)
phrases=$(count phrases)
dense=$(count dense)
echo "phrases (every 4th of ours + dev): $(( (phrases - start) / 1000000 )) M instructions"
echo "100 KB dense text:                 $(( (dense - start) / 1000000 )) M instructions"
