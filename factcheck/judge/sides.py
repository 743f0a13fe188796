"""A finding's sides: its claims in groups that agree, worked out from the verdict of each pair.

A question keeps the verdict of every pair of its claims as one character (`CODE`), row by row
(`cell`). Taken in order of publication, each claim joins the first side whose every claim it
agrees with (corroborated, rounding, consistent), so a vague "last week" that fits two
conflicting dates stands with the first and the conflict stays between the two dates' sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.models import ClaimView, Discrepancy, Verdict

AGREE = frozenset({Verdict.CORROBORATED, Verdict.ROUNDING, Verdict.CONSISTENT})
CODE = {v: str(n) for n, v in enumerate(Verdict)}
VERDICT = {str(n): v for n, v in enumerate(Verdict)}
_AGREEING = frozenset(CODE[v] for v in AGREE)


def cell(i: int, j: int, n: int) -> int:
    """Where the pair i < j of n claims is in a question's codes."""
    return i * n - i * (i + 1) // 2 + (j - i - 1)


def when(c: ClaimView) -> tuple[str, str, int]:
    return (c.published.start.isoformat() if c.published else "9999", c.source, c.line)


def make_sides(claims: Sequence[ClaimView], codes: str, listed: Iterable[Discrepancy]) -> tuple[tuple[int, ...], ...]:
    """A question's claims in sides, by index. A listed pair's verdict counts over its code (a
    reviewer may have changed it)."""
    n = len(claims)
    at = {c.id: i for i, c in enumerate(claims)}
    agree = bytearray(codes.translate(_AGREE_BITS), "ascii")  # 1 where a pair agrees, by cell
    for d in listed:
        i, j = sorted((at[d.claims[0].id], at[d.claims[1].id]))
        agree[cell(i, j, n)] = d.verdict in AGREE
    starts = [cell(i, i + 1, n) - i - 1 for i in range(n)]  # cell(i, j, n) is starts[i] + j

    sides: list[list[int]] = []
    for i in sorted(range(n), key=lambda i: when(claims[i])):
        for side in sides:
            if all(agree[starts[i] + m] if i < m else agree[starts[m] + i] for m in side):
                side.append(i)
                break
        else:
            sides.append([i])
    return tuple(tuple(side) for side in sides)


_AGREE_BITS = {ord(c): 1 if c in _AGREEING else 0 for c in {*CODE.values(), "L", "-"}}
