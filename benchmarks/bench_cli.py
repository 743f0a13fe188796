"""Start-up and verify times of the command, as medians, with a bare-Python baseline run alongside.

    python benchmarks/bench_cli.py [--runs 15]

Prints one row per command: median wall time, and the ratio to `python -c pass` measured in
the same run (the machine is noisy; the ratio travels better than the seconds).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def median_seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("factcheck") or str(Path(sys.executable).with_name("factcheck"))
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "factcheck --help": [exe, "--help"],
        "factcheck verify (text)": [exe, "verify"],
        "factcheck verify --format json": [exe, "verify", "--format", "json"],
        "factcheck search 7.6m": [exe, "search", "7.6 million"],
        "factcheck report --format html": [exe, "report", "--format", "html"],
        "factcheck parse (one phrase)": [exe, "parse", "a £7.6 million deficit last September", "--ref", "2020-07-07"],
    }
    results = {name: median_seconds(argv, args.runs) for name, argv in cases.items()}
    base = results["python -c pass (baseline)"]
    print(f"{'command':34} {'median s':>9} {'x baseline':>11}   ({args.runs} runs each)")
    for name, seconds in results.items():
        print(f"{name:34} {seconds:9.3f} {seconds / base:11.1f}")


if __name__ == "__main__":
    main()
