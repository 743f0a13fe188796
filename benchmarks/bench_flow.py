"""extract + verify on one real story, as a reporter runs them: the time from an empty claims/ to findings.

A scratch project is made with `factcheck init`, the story's texts are copied into seeds/ (no manifest:
extract proposes the dates), then `factcheck extract` and `factcheck verify` run as commands, each in
its own process, with a fresh project (no cache) every run. Prints, per step and for the two together,
the median wall time and the median CPU time (user + sys of the child processes) over --repeat runs,
and `factcheck --help` for scale. The machine is shared: quote CPU time beside wall time.

    python benchmarks/bench_flow.py [--texts benchmarks/realnews/texts/ecb_athens_bank] [--repeat 5]

The default story (ECB+ topic 8, 11 texts) is git-ignored; rebuild it with
benchmarks/realnews/rebuild_ecb.py or copy it from another checkout.

Each command is timed as a user runs it once factcheck is installed: with its bytecode compiled
(`pip install .` compiles it; an editable install writes it on first use unless
PYTHONDONTWRITEBYTECODE is set, as on this workplace's machines, where each command would spend
0.2 to 0.3 s of CPU compiling factcheck again). The script says whether the checkout's bytecode
was there, and compiles it first when it was not.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTCHECK = [sys.executable, "-m", "factcheck"]


def timed(args: list[str], cwd: Path, ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command run to its end; fails loudly on an error exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(FACTCHECK + args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        sys.exit(f"factcheck {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[:300]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bytecode() -> str:
    """Whether factcheck's modules have fresh bytecode; compiles what is missing."""
    import compileall
    import importlib.util

    import factcheck

    package = Path(factcheck.__file__).parent
    modules = list(package.rglob("*.py"))

    def stale() -> int:
        return sum(1 for m in modules if not _fresh(m, Path(importlib.util.cache_from_source(str(m)))))

    missing = stale()
    if not missing:
        return f"bytecode: all {len(modules)} modules of factcheck have it"
    compileall.compile_dir(str(package), quiet=1)
    return f"bytecode: {missing} of {len(modules)} modules of factcheck had none or a stale one; compiled first"


def _fresh(module: Path, cached: Path) -> bool:
    try:
        return cached.stat().st_mtime >= module.stat().st_mtime
    except OSError:
        return False


def one_run(texts: list[Path], scratch: Path) -> dict[str, tuple[float, float]]:
    project = scratch / "story"
    if project.exists():
        shutil.rmtree(project)
    subprocess.run(FACTCHECK + ["--quiet", "init", str(project)], check=True, capture_output=True)
    for text in texts:
        shutil.copyfile(text, project / "seeds" / text.name)
    out = {"extract": timed(["--quiet", "extract"], project), "verify": timed(["--quiet", "verify"], project)}
    out["extract + verify"] = (out["extract"][0] + out["verify"][0], out["extract"][1] + out["verify"][1])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=HERE / "realnews" / "texts" / "ecb_athens_bank")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(bytecode())
    texts = sorted(p for p in args.texts.glob("*") if p.is_file())
    if not texts:
        sys.exit(f"no texts in {args.texts}: rebuild them with benchmarks/realnews/rebuild_ecb.py")
    size = sum(p.stat().st_size for p in texts)
    print(f"{args.texts.name}: {len(texts)} sources, {size:,} bytes; {args.repeat} runs, {os.cpu_count()} cores")
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            runs.append(one_run(texts, Path(tmp)))
        helps = [timed(["--help"], Path(tmp), ok=(0,)) for _ in range(args.repeat)]
    print(f"{'step':<18}{'wall median':>12}{'CPU median':>12}{'wall min':>10}")
    for step in ("extract", "verify", "extract + verify"):
        walls, cpus = [r[step][0] for r in runs], [r[step][1] for r in runs]
        print(f"{step:<18}{statistics.median(walls):>11.3f}s{statistics.median(cpus):>11.3f}s{min(walls):>9.3f}s")
    walls, cpus = [h[0] for h in helps], [h[1] for h in helps]
    print(f"{'--help':<18}{statistics.median(walls):>11.3f}s{statistics.median(cpus):>11.3f}s{min(walls):>9.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
