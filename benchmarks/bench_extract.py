"""Extraction recall and precision against the hand-curated registry.

Copies the project's seeds into a scratch project with an empty claims/ folder (or, with
--keep-entities, with the curated entities.yaml), runs extract, and matches each curated claim
to a proposal: same source, overlapping quote (as places in the source), and the same value (the
same reading once normalized, or the same words). Prints recall and precision per kind and the
curated figures and dates that were missed, and times the extraction (median of --repeat runs).

    python benchmarks/bench_extract.py [--root .] [--keep-entities] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from factcheck.actions.extract import propose
from factcheck.models import Claim
from factcheck.normalize import parse_value
from factcheck.registry.load import load_registry
from factcheck.results import ProposedClaim
from factcheck.sources.load import load_sources
from factcheck.text.fold import fold_plain

FIGURE_KINDS = ("money", "number", "percent", "rate", "date", "duration")


def kind_of(claim: Claim) -> str | None:
    if claim.kind:
        return claim.kind
    value = parse_value(claim.value)
    return value.kind if value is not None else None


def span_in(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(fold_plain(quote).casefold())
    return (at, at + len(fold_plain(quote))) if at >= 0 else None


def same_value(a: str, b: str, ref: object) -> bool:
    fa, fb = fold_plain(a).casefold().strip(" .,"), fold_plain(b).casefold().strip(" .,")
    if fa == fb or fa in fb or fb in fa:
        return True
    va, vb = parse_value(a, ref), parse_value(b, ref)  # type: ignore[arg-type]
    if va is None or vb is None:
        return False
    return va.describe() == vb.describe()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=".", type=Path)
    ap.add_argument("--keep-entities", action="store_true", help="start from the curated entities.yaml")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    root: Path = args.root
    sources = load_sources(root)
    by_name = {s.name: s for s in sources}
    curated = [c for c in load_registry(root, set(by_name)).claims if c.status != "rejected"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(root / "seeds", work / "seeds")
        (work / "claims").mkdir()
        if args.keep_entities:
            shutil.copy(root / "claims" / "entities.yaml", work / "claims" / "entities.yaml")
        times = []
        proposals: tuple[ProposedClaim, ...] = ()
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            proposals = propose(work).claims
            times.append(time.perf_counter() - t0)
    folded = {name: fold_plain(s.text).casefold() for name, s in by_name.items()}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[Claim] = []
    matched_proposals: set[str] = set()
    for c in curated:
        kind = kind_of(c) or "text"
        total[kind] += 1
        cs = span_in(folded[c.source], c.quote)
        ref = by_name[c.source].published
        hit = None
        for p in proposals:
            if p.source != c.source:
                continue
            ps = span_in(folded[p.source], p.quote)
            if cs and ps and cs[0] < ps[1] and ps[0] < cs[1] and same_value(c.value, p.value, ref):
                hit = p
                break
        if hit:
            found[kind] += 1
            matched_proposals.add(hit.id)
        elif kind in FIGURE_KINDS:
            missed.append(c)
    proposed_by_kind = Counter(p.kind for p in proposals)
    useful_by_kind = Counter(p.kind for p in proposals if p.id in matched_proposals)
    print(f"extract on {len(sources)} sources ({'curated entities' if args.keep_entities else 'empty claims/'}): "
          f"{len(proposals)} proposals, {len(curated)} curated claims; "
          f"median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs")  # fmt: skip
    print(f"{'kind':<10} {'curated':>7} {'found':>6} {'recall':>7} {'proposed':>9} {'precision':>10}")
    kinds = sorted(set(total) | set(proposed_by_kind), key=lambda k: (k not in FIGURE_KINDS, k))
    for kind in kinds:
        recall = f"{100 * found[kind] / total[kind]:.1f}%" if total[kind] else "—"
        precision = f"{100 * useful_by_kind[kind] / proposed_by_kind[kind]:.1f}%" if proposed_by_kind[kind] else "—"
        print(f"{kind:<10} {total[kind]:>7} {found[kind]:>6} {recall:>7} {proposed_by_kind[kind]:>9} {precision:>10}")
    fig_total = sum(total[k] for k in FIGURE_KINDS)
    fig_found = sum(found[k] for k in FIGURE_KINDS)
    print(f"figures and dates: {fig_found}/{fig_total} = {100 * fig_found / max(1, fig_total):.1f}% recall")
    for c in missed:
        print(f"  missed {c.id}: {c.value!r} in {c.quote[:80]!r}")
    print(
        "precision counts a proposal as useful only when a curated claim matches it; the curated "
        "registry does not record every figure, so precision is a lower bound."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
