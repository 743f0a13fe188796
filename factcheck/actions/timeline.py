"""timeline: the values of one quantity over time, across sources.

"Unallocated cases at children's services": over 500, around 150 in April 2019, 232 in October
2019, zero in July 2020 — each point with the time its value refers to (its `as_of` or `period`,
else a date its quote gives it, else its source's publication date), its reading as an interval,
and where it was said. A property whose values are dates ("the reopening": March, then June) is a
timeline of what each source said, placed at when it said it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.judge.verdicts import property_key
from factcheck.models import Claim, DateRange
from factcheck.normalize.claims import ClaimValue, glossary_index, normalize_claim
from factcheck.normalize.values import DateValue, Quantity
from factcheck.project import Project
from factcheck.registry.load import alias_index, load_registry
from factcheck.results import Point, Timeline
from factcheck.sources.load import load_sources
from factcheck.text.fold import fold_plain, name_key


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
        keys = _find_property(property, by_property, entity.name)
        by_property = {keys[0]: [c for k in keys for c in by_property[k]]}
    out = []
    for group in by_property.values():
        values = [normalize_claim(c, sources[c.source], glossary) for c in group]
        figures = [cv for cv in values if isinstance(cv.value, Quantity)]
        dates = [(cv, span) for cv in values if not isinstance(cv.value, Quantity)
                 if (span := _date_of_value(cv, sources[cv.claim.source].published)) is not None]  # fmt: skip
        if figures:
            points = sorted((_point(cv, sources[cv.claim.source].published) for cv in figures), key=_when)
            units = {cv.value.unit for cv in figures if isinstance(cv.value, Quantity)}
            unit = units.pop() if len(units) == 1 else None
        elif dates:  # a date said at different times: each placed at when it was said
            points = sorted((_date_point(cv, span) for cv, span in dates), key=_when)
            unit = "date"
        else:
            continue
        out.append(Timeline(entity.id, entity.name, group[0].property, unit, tuple(points)))
    if not out:
        raise TimelineError(
            f"'{entity.name}' has no figures or dates" + (f" for '{property}'" if property else ""),
            hint="see its claims with `factcheck search --subject`",
        )
    return tuple(sorted(out, key=lambda t: -len(t.points)))


def _point(cv: ClaimValue, published: DateRange | None) -> Point:
    v = cv.value
    assert isinstance(v, Quantity)
    time, label = cv.time, cv.time_label
    if label not in ("as of", "period"):
        written = _date_in_quote(cv.claim, published)
        if written is not None:
            time, label = written, "in the text"
    return Point(cv.claim.id, cv.claim.source, cv.claim.quote, cv.claim.value, v.describe(), v.low, v.high,
                 time, label)  # fmt: skip


def _date_in_quote(claim: Claim, published: DateRange | None) -> DateRange | None:
    """The date the quote gives its figure ("In March, 45 children were waiting"): of the dates
    written in the quote, the one nearest the value; None when the quote dates nothing."""
    from factcheck.normalize import parse

    at = claim.quote.casefold().find(claim.value.casefold())
    if at < 0:
        return None
    value_span = (at, at + len(claim.value))
    found = [v for v in parse(claim.quote, published) if isinstance(v, DateValue) and v.range is not None
             and not (v.span[0] < value_span[1] and value_span[0] < v.span[1])]  # fmt: skip
    if not found:
        return None
    nearest = min(found, key=lambda v: min(abs(v.span[0] - value_span[1]), abs(value_span[0] - v.span[1])))
    return nearest.range


def _date_of_value(cv: ClaimValue, published: DateRange | None) -> DateRange | None:
    """The days a date-valued claim names, read in its quote, where the words around it settle
    what the value alone cannot ("will reopen in March": March is a month, and the next one)."""
    from factcheck.normalize import parse

    at = cv.claim.quote.casefold().find(cv.claim.value.casefold())
    if at >= 0:
        end = at + len(cv.claim.value)
        for v in parse(cv.claim.quote, published):
            if isinstance(v, DateValue) and v.range is not None and v.span[0] < end and at < v.span[1]:
                return v.range
    if isinstance(cv.value, DateValue):
        return cv.value.range
    return None


def _date_point(cv: ClaimValue, dates: DateRange) -> Point:
    return Point(cv.claim.id, cv.claim.source, cv.claim.quote, cv.claim.value, dates.human(), None, None,
                 cv.published, "published" if cv.published else "", dates=dates)  # fmt: skip


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


def _find_property(text: str, by_property: dict[str, list[Claim]], subject: str) -> list[str]:
    """The properties text names: its own, else every property whose words include all of its
    words ("reopening" finds "reopening" and "reopening date"), else the nearest by spelling."""
    key = property_key(text)
    wanted = _words(key)
    by_words = [k for k in by_property if wanted and wanted <= _words(k)]
    if key in by_property:
        return [key, *(k for k in by_words if k != key)]
    if by_words:
        return sorted(by_words, key=lambda k: (len(_words(k)), k))
    best = _closest(key, by_property)
    if best is not None:
        return [best]
    known = ", ".join(sorted({cs[0].property for cs in by_property.values()})[:8])
    raise TimelineError(f"'{subject}' has no property '{text}'", hint=f"its properties: {known}")


def _words(text: str) -> set[str]:
    """A property's words, plural and singular alike ("cases" is "case")."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in re.findall(r"[a-z0-9]+", fold_plain(text).casefold())}  # fmt: skip


def _closest(text: str, choices: Iterable[str], at: float = 86) -> str | None:
    """The choice nearest to text (rapidfuzz WRatio), if it scores at least `at`."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(text, list(choices), scorer=fuzz.WRatio, processor=utils.default_process)
    return str(best[0]) if best is not None and best[1] >= at else None
