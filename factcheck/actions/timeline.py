"""timeline: the values of one quantity over time, across sources.

"Unallocated cases at children's services": over 500, around 150 in April 2019, 232 in October
2019, zero in July 2020 — each point with the time its value refers to (its `as_of` or `period`,
else its source's publication date), its reading as an interval, and where it was said.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.judge.verdicts import property_key
from factcheck.models import Claim
from factcheck.normalize.claims import ClaimValue, glossary_index, normalize_claim
from factcheck.normalize.values import Quantity
from factcheck.project import Project
from factcheck.registry.load import alias_index, load_registry
from factcheck.results import Point, Timeline
from factcheck.sources.load import load_sources
from factcheck.text.fold import name_key


class TimelineError(FactcheckError):
    """The subject or property asked for is not in the registry."""


def timeline(root: str | Path | Project, subject: str, property: str | None = None) -> tuple[Timeline, ...]:
    """The timelines of a subject's quantities: one for `property`, or one for each of its
    properties with figures when no property is named (the longest first)."""
    project = Project.at(root)
    sources = {s.name: s for s in load_sources(project.root, project.settings)}
    registry = load_registry(project.root, set(sources), project.settings)
    entity = _find_subject(subject, registry.entities)
    glossary = glossary_index(registry.terms)
    claims = [c for c in registry.claims if c.subject == entity.id and c.status != "rejected"]
    by_property: dict[str, list[Claim]] = {}
    for claim in claims:
        by_property.setdefault(property_key(claim.property), []).append(claim)
    if property is not None:
        key = _find_property(property, by_property, entity.name)
        by_property = {key: by_property[key]}
    out = []
    for group in by_property.values():
        values = [normalize_claim(c, sources[c.source], glossary) for c in group]
        figures = [cv for cv in values if isinstance(cv.value, Quantity)]
        if not figures:
            continue
        points = sorted((_point(cv) for cv in figures), key=_when)
        units = {cv.value.unit for cv in figures if isinstance(cv.value, Quantity)}
        out.append(Timeline(entity.id, entity.name, group[0].property, units.pop() if len(units) == 1 else None,
                            tuple(points)))  # fmt: skip
    if not out:
        raise TimelineError(
            f"'{entity.name}' has no figures" + (f" for '{property}'" if property else ""),
            hint="see its claims with `factcheck search --subject`",
        )
    return tuple(sorted(out, key=lambda t: -len(t.points)))


def _point(cv: ClaimValue) -> Point:
    v = cv.value
    assert isinstance(v, Quantity)
    return Point(cv.claim.id, cv.claim.source, cv.claim.quote, cv.claim.value, v.describe(), v.low, v.high,
                 cv.time, cv.time_label)  # fmt: skip


def _when(p: Point) -> tuple[int, Any, Any]:
    return (0, p.time.start, p.time.end) if p.time else (1, None, None)


def _find_subject(text: str, entities: tuple[Any, ...]) -> Any:
    index = alias_index(entities)
    found = index.get(name_key(text))
    by_id = {e.id: e for e in entities}
    if found is not None:
        return by_id[found]
    names = {name: e.id for e in entities for name in (e.name, *e.aliases)}
    best = _closest(text, names)
    if best is not None:
        return by_id[names[best]]
    raise TimelineError(f"no subject '{text}'", hint="see the subjects with `factcheck search` or claims/entities.yaml")


def _find_property(text: str, by_property: dict[str, list[Claim]], subject: str) -> str:
    key = property_key(text)
    if key in by_property:
        return key
    best = _closest(key, by_property)
    if best is not None:
        return best
    known = ", ".join(sorted({cs[0].property for cs in by_property.values()})[:8])
    raise TimelineError(f"'{subject}' has no property '{text}'", hint=f"its properties: {known}")


def _closest(text: str, choices: Iterable[str], at: float = 86) -> str | None:
    """The choice nearest to text (rapidfuzz WRatio), if it scores at least `at`."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(text, list(choices), scorer=fuzz.WRatio, processor=utils.default_process)
    return str(best[0]) if best is not None and best[1] >= at else None
