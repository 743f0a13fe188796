"""Scale: verify and search on synthetic projects of growing size, checked against planted answers.

    python benchmarks/bench_scale.py [SIZES...] [--profile sparse|dense|both] [--runs R] [--keep DIR]
                                     [--proposed SHARE] [--factcheck PATH [PATH...]] [--search-only]

For each profile and size (default 100 1000 10000 sources, about 10 claims each) it generates a
project with benchmarks/gen_corpus.py, then times, as separate processes (median of R runs,
default 1):

  cold     `factcheck verify --format json` on a fresh copy (no cache)
  warm     the same again with nothing changed
  edit     after one claims file was edited (one figure's as_of date corrected)
  add      after one source was added: a new file in seeds/, its manifest entry and its claims
  index    the first `factcheck search`, which builds the search index
  search   `factcheck search` once the index is built (median over 5 queries, each run R times)

with the CPU time (user and system) of the cold run, the first search and the later searches.
--search-only times only the searches (the generated files aged past the two seconds in which a
file is read again), with each --factcheck given on the same project in turn: a baseline and now
measured in the same go.

and reports the peak resident memory of any one verify process, the size of the cold run's JSON,
and how the cold run's verdicts score against the generator's key:

  sparse   planted conflicting pairs; found = flagged (conflict or possible), false = any other
           pair flagged;
  dense    planted wrong claims (figures, dates, job titles) that another source shows to be wrong
           (the key's `shown`); found = such a claim in some flagged pair, false = a flagged pair
           with no planted claim in it; `flags` is every flagged pair.

The ratio column is cold time against the previous size. --factcheck runs another install's
`factcheck` (for a baseline measured in the same go); by default the one beside this Python.
"""

from __future__ import annotations

import argparse
import json
import os
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
from gen_dense import generate_dense  # noqa: E402

QUERIES = {
    "sparse": ["road repairs", "Harrow Council", "potholes", "£7.6 million", "social care 2019"],
    "dense": ["chief executive", "waiting list", "agency staff 2019", "£5.8m", "director of children's services"],
}


def timed(args: list[str], out: Path | None = None) -> tuple[float, int, bytes, float]:
    """Wall time, peak RSS in KB of this one process, its stdout (also written to out), and the CPU
    time (user and system) of it and the processes it waited for."""
    start = time.perf_counter()
    with open(out or os.devnull, "wb") as sink:
        proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({code}): {err[:500].decode(errors='replace')}")
    return elapsed, usage.ru_maxrss, out.read_bytes() if out else b"", usage.ru_utime + usage.ru_stime


def score(output: bytes, key: dict) -> dict[str, int]:
    result = json.loads(output)
    flagged = [frozenset(c["id"] for c in d["claims"]) for d in result["discrepancies"]
               if d["verdict"] in ("conflict", "possible")]  # fmt: skip
    if key.get("profile") == "dense":
        every = {e["claim"] for e in key["errors"]}  # a flag on any of them is no false alarm
        planted = {e["claim"]: e["kind"] for e in key["errors"] if e.get("shown", True)}
        hit = {c for pair in flagged for c in pair if c in planted}
        by_kind = {k: sum(1 for c, kk in planted.items() if kk == k and c in hit) for k in ("figure", "date", "title")}
        totals = {k: sum(1 for kk in planted.values() if kk == k) for k in ("figure", "date", "title")}
        return {"planted": len(planted), "found": len(hit), "false": sum(1 for p in flagged if not p & every),
                "flags": len(flagged), **{f"{k}_found": by_kind[k] for k in by_kind},
                **{f"{k}_planted": totals[k] for k in totals}}  # fmt: skip
    pairs = {frozenset(p) for p in key["conflict"]}
    flagged_set = set(flagged)
    return {"planted": len(pairs), "found": len(pairs & flagged_set), "false": len(flagged_set - pairs),
            "flags": len(flagged_set)}  # fmt: skip


def edit_claims(root: Path, run: int) -> None:
    """Edit one claims file as a checker would: the date one figure holds at is corrected (its claims
    change, so it is checked again and what it takes part in is judged again)."""
    file = root / "claims" / "src-00001.yaml"
    text = file.read_text(encoding="utf-8")
    at = text.index("    as_of: ")
    end = text.index("\n", at)
    month = ("January", "March", "May", "July", "September", "November")[run % 6]
    file.write_text(f"{text[:at]}    as_of: {month} {2015 + run % 5}{text[end:]}", encoding="utf-8")


def add_source(root: Path, run: int) -> None:
    """A new source: a copy of the second one under a new name, its text changed so its hash is new,
    with its claims under new ids."""
    name = f"added-{run:03d}"
    text = (root / "seeds" / "src-00002.txt").read_text(encoding="utf-8")
    (root / "seeds" / f"{name}.txt").write_text(text + f"\nUpdated edition {run}.\n", encoding="utf-8")
    with open(root / "seeds" / "manifest.yaml", "a", encoding="utf-8") as manifest:
        manifest.write(f"  - file: {name}.txt\n    title: Added {run}\n    published: 2024-06-0{run % 9 + 1}\n")
    claims = (root / "claims" / "src-00002.yaml").read_text(encoding="utf-8")
    claims = claims.replace("source: src-00002.txt", f"source: {name}.txt").replace("id: s00002-", f"id: {name}-")
    (root / "claims" / f"{name}.yaml").write_text(claims, encoding="utf-8")


def measure_search(factcheck: list[str], root: Path, profile: str, runs: int) -> dict:
    """The first search (which builds the index) and the later ones: wall and CPU, medians."""
    shutil.rmtree(root / ".factcheck", ignore_errors=True)
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))
    time.sleep(2.1)  # the ctime the ageing set must be old enough to be trusted, as after a verify
    search = [*factcheck, "search", "--root", str(root), "--format", "json"]
    index, _, _, index_cpu = timed([*search[:2], "anything", *search[2:]])
    later = [timed([*search[:2], q, *search[2:]]) for q in QUERIES[profile] for _ in range(runs)]
    return {"index": index, "index_cpu": index_cpu, "search": statistics.median(t[0] for t in later),
            "search_cpu": statistics.median(t[3] for t in later)}  # fmt: skip


def measure(factcheck: list[str], profile: str, size: int, work: Path, runs: int, proposed: float) -> dict:
    root = work / f"{profile}-{size}"
    shutil.rmtree(root, ignore_errors=True)
    key = (generate_dense if profile == "dense" else generate)(size, root, proposed=proposed)
    verify = [*factcheck, "verify", "--root", str(root), "--format", "json"]
    times: dict[str, list[float]] = {k: [] for k in ("cold", "warm", "edit", "add", "cold_cpu", "warm_cpu", "edit_cpu",
                                                     "add_cpu")}  # fmt: skip
    peak = 0
    out_file = work / f"{profile}-{size}.json"
    for run in range(runs):
        shutil.rmtree(root / ".factcheck", ignore_errors=True)
        t, rss, cold_out, cpu = timed(verify, out_file)
        if run == 0:  # scored before any edit: later runs' edits move a date and add copies of a source
            out = cold_out
        times["cold"].append(t)
        times["cold_cpu"].append(cpu)
        peak = max(peak, rss)
        for label, change in (("warm", None), ("edit", edit_claims), ("add", add_source)):
            if change is not None:
                change(root, run)
            t, rss, _, cpu = timed(verify)
            times[label].append(t)
            times[label + "_cpu"].append(cpu)
            peak = max(peak, rss)
    found = score(out, key)
    search = [*factcheck, "search", "--root", str(root), "--format", "json"]
    index, _, _, index_cpu = timed([*search[:2], "anything", *search[2:]])
    later = [timed([*search[:2], q, *search[2:]]) for q in QUERIES[profile]]
    return {"sources": size, "claims": key["claims"], **{k: statistics.median(v) for k, v in times.items()},
            "index": index, "index_cpu": index_cpu, "search": statistics.median(t[0] for t in later),
            "search_cpu": statistics.median(t[3] for t in later), "peak_mb": peak / 1024,
            "json_mb": len(out) / 1e6, **found}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--profile", choices=["sparse", "dense", "both"], default="both")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the projects here and keep them")
    parser.add_argument("--proposed", type=float, default=0.0, help="share of sources with only proposed claims")
    parser.add_argument("--factcheck", nargs="+", default=[str(Path(sys.executable).parent / "factcheck")],
                        help="the factcheck command to time (several, with --search-only)")  # fmt: skip
    parser.add_argument("--search-only", action="store_true", help="time only the first and later searches")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    profiles = ["sparse", "dense"] if args.profile == "both" else [args.profile]
    if args.search_only:
        search_only(args, work, profiles)
        return
    for profile in profiles:
        print(f"\n{profile} ({args.factcheck[0]})")
        print(f"{'sources':>7} {'claims':>7} {'cold s':>7} {'cpu s':>7} {'ratio':>6} {'warm s':>7} {'edit s':>7} {'add s':>7} "
              f"{'index s':>7} {'search s':>8} {'peak MB':>7} {'JSON MB':>7} {'planted':>7} {'found':>6} "
              f"{'false':>6} {'flags':>6}")  # fmt: skip
        rows: list[dict] = []
        for size in args.sizes:
            row = measure([args.factcheck[0]], profile, size, work, args.runs, args.proposed)
            ratio = f"{row['cold'] / rows[-1]['cold']:.1f}x" if rows else "-"
            rows.append(row)
            print(f"{row['sources']:>7} {row['claims']:>7} {row['cold']:>7.2f} {row['cold_cpu']:>7.2f} {ratio:>6} {row['warm']:>7.2f} "
                  f"{row['edit']:>7.2f} {row['add']:>7.2f} {row['index']:>7.2f} {row['search']:>8.2f} "
                  f"{row['peak_mb']:>7.0f} {row['json_mb']:>7.1f} {row['planted']:>7} {row['found']:>6} "
                  f"{row['false']:>6} {row['flags']:>6}", flush=True)  # fmt: skip
            print(f"        cpu s: warm {row['warm_cpu']:.2f}, edit {row['edit_cpu']:.2f}, add {row['add_cpu']:.2f}",
                  flush=True)  # fmt: skip
            if profile == "dense":
                print("        found by kind: " + ", ".join(
                    f"{k} {row[k + '_found']}/{row[k + '_planted']}" for k in ("figure", "date", "title")), flush=True)  # fmt: skip
            print(f"        search: first {row['index']:.2f} s ({row['index_cpu']:.2f} s CPU), later "
                  f"{row['search']:.2f} s ({row['search_cpu']:.2f} s CPU)", flush=True)  # fmt: skip
    print("\ncpu s: user and system time of the run (with its worker processes); peak MB: the largest "
          "resident set of one verify process; JSON MB: the cold run's output")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def search_only(args: argparse.Namespace, work: Path, profiles: list[str]) -> None:
    print(f"{'profile':>7} {'sources':>7} {'claims':>7} {'first s':>8} {'cpu s':>6} {'later s':>8} {'cpu s':>6}  factcheck")
    for profile in profiles:
        for size in args.sizes:
            root = work / f"{profile}-{size}"
            shutil.rmtree(root, ignore_errors=True)
            key = (generate_dense if profile == "dense" else generate)(size, root, proposed=args.proposed)
            for factcheck in args.factcheck:
                r = measure_search([factcheck], root, profile, args.runs)
                print(f"{profile:>7} {size:>7} {key['claims']:>7} {r['index']:>8.2f} {r['index_cpu']:>6.2f} "
                      f"{r['search']:>8.3f} {r['search_cpu']:>6.3f}  {factcheck}", flush=True)  # fmt: skip
    print("\nfirst: the first search, which builds the index; later: the median of the searches after it "
          "(wall and CPU time, user and system)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
