"""verify: the whole pipeline over one project — sources, registry, anchors, values, verdicts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from factcheck.anchor import anchor_quote, load_recorded, prepare, value_in
from factcheck.baseline import apply_reviews, load_reviews
from factcheck.compare import compare
from factcheck.models import AnchorStatus, Problem, Severity, Verification
from factcheck.normalize.claims import glossary_index, normalize_claim
from factcheck.registry import load_registry
from factcheck.sources import load_sources

PROGRESS_STEP = 200  # claims per progress step
PREPARED_KEPT = 32  # prepared sources kept in memory at once


def verify(root: str | Path = ".", progress: Callable[[str, int], None] | None = None) -> Verification:
    """Check every quote, every value and every cross-source pair in the project at root.

    Raises a FactcheckError when the project cannot be read at all (a malformed registry file);
    everything else is reported in the result's problems and discrepancies. `progress(name, total)`
    is called once for every PROGRESS_STEP claims, for a progress bar.
    """
    root = Path(root)
    sources = load_sources(root)
    by_name = {s.name: s for s in sources}
    registry = load_registry(root, set(by_name))
    recorded = load_recorded(root / "claims")
    # sources are prepared (folded, with an offset map) as their claims come up and only a few are
    # kept: claims files follow their sources, so each is prepared once and memory stays flat
    prepared = functools.lru_cache(maxsize=PREPARED_KEPT)(lambda name: prepare(by_name[name]))
    glossary = glossary_index(registry.terms)
    problems: list[Problem] = []
    anchors = []
    values = []
    lines: dict[str, int] = {}

    def report(severity: str, message: str, claim_id: str, where: str) -> None:
        problems.append(Problem(Severity(severity), f"{where}: {message}", claim_id, claim.source))

    for source in sources:
        for warning in source.warnings:
            problems.append(Problem(Severity.WARNING, f"{source.path} {warning}", None, source.name))
    steps = -(-len(registry.claims) // PROGRESS_STEP)
    for n, claim in enumerate(registry.claims):
        if progress is not None and n % PROGRESS_STEP == 0:
            progress(claim.source, steps)
        if claim.status == "rejected":
            continue
        where = f"{claim.file}:{claim.line_of('quote')}"
        anchor = anchor_quote(claim, prepared(claim.source), recorded.get(claim.id))
        anchors.append(anchor)
        lines[claim.id] = anchor.line
        if anchor.status is AnchorStatus.ORPHANED and not by_name[claim.source].text.strip():
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, which is empty "
                   "(restore the source's text, or remove the claim)", claim.id, where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.ORPHANED:
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}; nearest passage "
                   f"(line {anchor.line}, score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim.id, where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY and not value_in(claim.value, anchor.exact):
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, and the nearest passage (line "
                   f"{anchor.line}) does not have its value '{claim.value}': \"{excerpt(anchor.exact)}\"", claim.id,
                   where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY:
            report("warning", f"quote of '{claim.id}' matches seeds/{claim.source} line {anchor.line} only "
                   f"approximately (score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim.id, where)  # fmt: skip
        elif anchor.status is AnchorStatus.MOVED:
            report("warning", f"seeds/{claim.source} changed since anchors were recorded; quote of "
                   f"'{claim.id}' moved to line {anchor.line}", claim.id, where)  # fmt: skip
        value_where = f"{claim.file}:{claim.line_of('value')}"
        if not value_in(claim.value, claim.quote):
            report("error", f"value '{claim.value}' of '{claim.id}' does not occur in its quote", claim.id, value_where)
            continue
        cv = normalize_claim(claim, by_name[claim.source], glossary)
        for severity, message in cv.problems:
            report(severity, f"'{claim.id}': {message}", claim.id, value_where)
        values.append(cv)
    discrepancies = compare(values, registry.entities, lines, glossary)
    discrepancies = apply_reviews(discrepancies, load_reviews(root))
    return Verification(
        root=str(root),
        sources=sources,
        claims=registry.claims,
        anchors=tuple(anchors),
        problems=tuple(problems),
        discrepancies=discrepancies,
        entities=registry.entities,
    )


def excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
