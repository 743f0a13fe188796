"""The unit of checking and of caching: one claims file with what was found in it."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import Anchor, Claim, Problem
from factcheck.normalize.claims import ClaimValue


@dataclass(frozen=True)
class Unit:
    """One claims file, checked: its claims, their anchors, their values and the problems found."""

    file: str  # claims/<name>
    claims: tuple[Claim, ...]
    anchors: tuple[Anchor, ...]
    values: tuple[ClaimValue, ...]
    problems: tuple[Problem, ...]
    groups: tuple[str, ...] = ()  # the keys its claims are found by for comparison (comparison_keys)
