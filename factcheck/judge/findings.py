"""Findings: the pairs of one question gathered into one finding, its claims into sides that agree.

All claims about one subject and property (after aliases) form one finding. Claims that agree —
every pair between them corroborated, rounding or consistent — stand on one side; a claim joins the
first side it agrees with in full, so a vague "last week" that fits two conflicting dates stands with
the first and the conflict stays between the two dates' sides. The finding's verdict and explanation
are those of its most serious pair, so a reporter reads one entry per question with every source on
each side, however many pairs it took.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factcheck.judge.verdicts import property_key
from factcheck.models import ClaimView, Discrepancy, Finding, Verdict

AGREE = frozenset({Verdict.CORROBORATED, Verdict.ROUNDING, Verdict.CONSISTENT})
_ORDER = {v: i for i, v in enumerate(Verdict)}


def _when(c: ClaimView) -> tuple[str, str, int]:
    return (c.published.start.isoformat() if c.published else "9999", c.source, c.line)


def gather(discrepancies: Iterable[Discrepancy]) -> tuple[Finding, ...]:
    """One finding per subject and property, most serious first."""
    groups: dict[tuple[str, str], list[Discrepancy]] = defaultdict(list)
    for d in discrepancies:
        groups[(d.subject, property_key(d.property))].append(d)
    found = [_finding(pairs) for pairs in groups.values()]
    return tuple(sorted(found, key=lambda f: (_ORDER[f.verdict], f.subject, property_key(f.property))))


def _finding(pairs: list[Discrepancy]) -> Finding:
    claims: dict[str, ClaimView] = {}
    agree: set[frozenset[str]] = set()
    for d in pairs:
        for c in d.claims:
            claims.setdefault(c.id, c)
        if d.verdict in AGREE:
            agree.add(frozenset(c.id for c in d.claims))
    sides: list[list[ClaimView]] = []
    for c in sorted(claims.values(), key=_when):
        for side in sides:
            if all(frozenset((c.id, m.id)) in agree for m in side):
                side.append(c)
                break
        else:
            sides.append([c])
    worst = min(pairs, key=lambda d: (_ORDER[d.verdict], not d.needs_attention, d.id))
    return Finding(
        subject=worst.subject,
        subject_name=worst.subject_name,
        property=worst.property,
        verdict=worst.verdict,
        explanation=worst.explanation,
        sides=tuple(tuple(side) for side in sides),
        pairs=tuple(pairs),
    )
