"""Findings: the pairs of one question gathered into one finding, its claims into sides that agree.

All claims about one subject and property (after aliases) form one finding. Claims that agree —
every pair between them corroborated, rounding or consistent — stand on one side (judge/sides.py).
The finding's verdict and explanation are those of its most serious pair (an open one first; of
equally serious pairs, the first in registry order), so a reporter reads one entry per question
with every source on each side, however many pairs it took.

A finding is made from its question (models.Question): the pairs spelled out, with any decision a
reviewer recorded, and the verdicts of the others, kept only as codes and counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from factcheck.judge.sides import AGREE, make_sides
from factcheck.judge.verdicts import order_discrepancies, property_key
from factcheck.models import Discrepancy, Finding, Question, Verdict

_ORDER = {v: i for i, v in enumerate(Verdict)}


def gather(questions: Iterable[Question],
           reviewed: Callable[[tuple[Discrepancy, ...]], tuple[Discrepancy, ...]] = lambda d: d,
           ) -> tuple[tuple[Finding, ...], tuple[Discrepancy, ...], dict[str, int]]:  # fmt: skip
    """One finding per question, most serious first; with every pair spelled out (after `reviewed`,
    which applies reviewers' decisions) and the count of the other pairs by verdict."""
    found: list[Finding] = []
    spelled: list[Discrepancy] = []
    unlisted: dict[str, int] = {}
    for q in questions:
        listed = reviewed(q.listed)
        spelled.extend(listed)
        for verdict, n in q.tally.items():
            unlisted[verdict] = unlisted.get(verdict, 0) + n
        found.append(finding_of(q, listed))
    found.sort(key=finding_order)
    return tuple(found), order_discrepancies(spelled), unlisted


def finding_order(f: Finding) -> list[Any]:
    """What orders findings: most serious first, then by subject and property (a list: kept as JSON,
    it reads back the same)."""
    return [_ORDER[f.verdict], f.subject, property_key(f.property)]


def finding_of(q: Question, listed: tuple[Discrepancy, ...]) -> Finding:
    """The finding of a question, its spelled-out pairs as `listed` (after any reviews)."""
    changed = any((a.verdict in AGREE) != (b.verdict in AGREE) for a, b in zip(q.listed, listed, strict=True))
    sides = make_sides(q.claims, q.codes, listed) if changed else q.sides  # a reviewer moved a pair
    pairs = [*listed, *([q.worst] if q.worst is not None else [])]
    at = {c.id: i for i, c in enumerate(q.claims)}
    worst = min(pairs, key=lambda d: (_ORDER[d.verdict], not d.needs_attention, sorted(at[c.id] for c in d.claims)))
    tally = dict(q.tally)
    for d in listed:
        tally[d.verdict.value] = tally.get(d.verdict.value, 0) + 1
    return Finding(
        subject=worst.subject,
        subject_name=worst.subject_name,
        property=worst.property,
        verdict=worst.verdict,
        explanation=worst.explanation,
        sides=tuple(tuple(q.claims[i] for i in side) for side in sides),
        pairs=tuple(pairs),
        worst=worst,
        tally=tally,
    )
