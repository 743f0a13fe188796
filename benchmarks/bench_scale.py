"""Scale: verify and search on synthetic projects of growing size, checked against planted answers.

    python benchmarks/bench_scale.py [SIZES...] [--runs R] [--keep DIR] [--proposed SHARE]

For each size (default 100 1000 10000 sources, about 10 claims each) it generates a project with
benchmarks/gen_corpus.py, then times, as separate processes (median of R runs, default 1):

  cold     `factcheck verify` on a fresh copy
  warm     `factcheck verify` again with nothing changed
  changed  `factcheck verify` after one claims file was edited (a comment appended)
  index    the first `factcheck search`, which builds the search index
  search   `factcheck search` for one query once the index is built (median over 5 queries)

and reports peak memory (max RSS of the verify processes), and how many planted conflicts verify
found and how many other pairs it flagged as conflict or possible (false alarms). The ratio
column is cold time against the previous size. With --proposed, that share of the sources has
only proposed claims (as extract leaves them), which are paired by evidence, not by topic.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

FACTCHECK = [str(Path(sys.executable).parent / "factcheck")]
QUERIES = ["road repairs", "Harrow Council", "potholes", "£7.6 million", "social care 2019"]


def timed(args: list[str]) -> tuple[float, int, str]:
    """Wall time, the peak RSS so far of any child (KB), and stdout of one run."""
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[:500]}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.stdout


def score(output: str, key: dict) -> tuple[int, int]:
    result = json.loads(output)
    planted = {frozenset(p) for p in key["conflict"]}
    flagged = {frozenset(c["id"] for c in d["claims"]) for d in result["discrepancies"]
               if d["verdict"] in ("conflict", "possible")}  # fmt: skip
    return len(planted & flagged), len(flagged - planted)


def measure(size: int, work: Path, runs: int, proposed: float = 0.0) -> dict[str, float]:
    root = work / f"p{size}"
    key = generate(size, root, proposed=proposed)
    verify = [*FACTCHECK, "verify", "--root", str(root), "--format", "json"]
    cold, warm, changed = [], [], []
    for _ in range(runs):
        shutil.rmtree(root / ".factcheck", ignore_errors=True)
        t, _, out = timed(verify)
        cold.append(t)
        warm.append(timed(verify)[0])
        claims_file = root / "claims" / "src-00000.yaml"
        claims_file.write_text(claims_file.read_text() + f"# edited {time.time()}\n")
        changed.append(timed(verify)[0])
    found, false_alarms = score(out, key)
    index = timed([*FACTCHECK, "search", "anything", "--root", str(root), "--format", "json"])[0]
    searches = [timed([*FACTCHECK, "search", q, "--root", str(root), "--format", "json"])[0] for q in QUERIES]
    return {
        "sources": size, "claims": key["claims"], "cold": statistics.median(cold), "warm": statistics.median(warm),
        "changed": statistics.median(changed), "index": index, "search": statistics.median(searches),
        "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "planted": len(key["conflict"]), "found": found, "false_alarms": false_alarms,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the projects here and keep them")
    parser.add_argument("--proposed", type=float, default=0.0, help="share of sources with only proposed claims")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    rows = []
    print(f"{'sources':>8} {'claims':>8} {'cold s':>8} {'ratio':>6} {'warm s':>8} {'1 edit s':>8} {'index s':>8} {'search s':>8} "
          f"{'peak MB':>8} {'planted':>8} {'found':>6} {'false':>6}")  # fmt: skip
    for size in args.sizes:
        row = measure(size, work, args.runs, args.proposed)
        ratio = f"{row['cold'] / rows[-1]['cold']:.1f}x" if rows else "-"
        rows.append(row)
        print(f"{row['sources']:>8} {row['claims']:>8} {row['cold']:>8.2f} {ratio:>6} {row['warm']:>8.2f} "
              f"{row['changed']:>8.2f} {row['index']:>8.2f} {row['search']:>8.2f} {row['peak_mb']:>8.0f} {row['planted']:>8} "
              f"{row['found']:>6} {row['false_alarms']:>6}", flush=True)  # fmt: skip
    print("peak MB is the largest resident set of any factcheck process so far in this run")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
