"""Warm paths of verify on a project that was verified once already (its cache made by that run).

    python benchmarks/bench_warm.py PROJECT [--runs R] [--factcheck CMD...]

Times, as separate processes, `factcheck verify --format json` R times each (default 3) with
nothing changed, after one claims file was edited, and after one source was added (as
bench_scale.py edits and adds), and prints the median wall and CPU time (user and system) of each
and the largest resident set. A project kept by `bench_scale.py --keep DIR` (DIR/dense-10000) is
one to use: its cold run is the costly part, so it is done once, apart. The project is changed
by the edits and additions; copy it first to keep it as it was. `--factcheck` gives the command
(another install's `factcheck`, or a script that runs one), by default the one beside this Python.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import add_source, edit_claims, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--factcheck", nargs="+", default=[str(Path(sys.executable).parent / "factcheck")])
    args = parser.parse_args()
    verify = [*args.factcheck, "verify", "--root", str(args.project), "--format", "json"]
    time.sleep(2.1)  # files written within two seconds are read again by their content, not trusted by stat
    rows: dict[str, list[tuple[float, float]]] = {}
    peak = 0
    for label, change in (("warm", None), ("edit", edit_claims), ("add", add_source)):
        for run in range(args.runs):
            if change is not None:
                change(args.project, 100 + run)
            wall, rss, _out, cpu = timed(verify)
            rows.setdefault(label, []).append((wall, cpu))
            peak = max(peak, rss)
    print(f"{'run':>5} {'wall s':>7} {'cpu s':>6}   (median of {args.runs}; {' '.join(args.factcheck)})")
    for label, times in rows.items():
        print(f"{label:>5} {statistics.median(t[0] for t in times):>7.2f} {statistics.median(t[1] for t in times):>6.2f}"
              f"   cpu each: {', '.join(f'{t[1]:.2f}' for t in times)}")  # fmt: skip
    print(f"peak MB {peak / 1024:.0f}")


if __name__ == "__main__":
    main()
