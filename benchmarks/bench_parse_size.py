"""Parse time against the size of the text: parse() must stay linear on hostile input.

    python benchmarks/bench_parse_size.py [--max-kb 1024] [--repeat 3]

For texts of 1 KB up to --max-kb (doubling each step) made of one repeated piece ("2019 ",
"1 ", "1/", "£7m and ", and a news sentence), prints the median time of --repeat parses and its
time per KB. On a linear parser the last column stays flat as the size doubles; a quadratic
one doubles it at each line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.normalize import MAX_TEXT, parse  # noqa: E402

PIECES = ["2019 ", "1 ", "1/", "£7m and ", "The council spent £7.6m on roads in 2019/20, up 4% on last year. "]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'piece':<22} {'KB':>6} {'values':>8} {'median s':>9} {'ms per KB':>10}")
    for piece in PIECES:
        kb = 1
        while kb <= args.max_kb:
            size = min(kb * 1024, MAX_TEXT)
            text = (piece * (size // len(piece) + 1))[:size]
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = parse(text)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"{piece[:20]!r:<22} {kb:>6} {len(found):>8} {median:>9.3f} {1000 * median / kb:>10.2f}")
            kb *= 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
