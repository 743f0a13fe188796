"""Relative to what: a date written as an offset from an event the text names ("just days after
Helen Marsh's departure", "ten days after it was declared") is counted from that event's date when
the registry dates the event, not from the publication date.

The event is found among the registry's other date claims by the words after the offset: the claim
whose subject and property share the most terms with them (synonyms counted as one, "departure" and
"left"). When none does, the phrase is a bare "after the blaze" and the claim's own subject has a
date of its own ("Holme Bridge Mill fire · date"), that is the event. Otherwise the value stays
counted from the publication date, and the verdict says so and is at most `possible`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.models import DateRange, Entity
from factcheck.normalize import parse_value
from factcheck.normalize.claims import ClaimValue
from factcheck.normalize.values import DateValue
from factcheck.text.fold import fold_plain
from factcheck.text.vocabulary import terms

OFFSET_END = re.compile(r"\b(?:after|before|later|earlier)\s*$", re.IGNORECASE)
TAIL_TERMS = 8  # the words after the offset that name its event
GENERIC = frozenset({"date", "day", "when", "time", "start"})
_REF = dt.date(2000, 6, 15)  # any day: an offset is measured by resolving against it
PUBLISHED = "published"  # ClaimValue.anchor of an offset counted from its source's date
# A name set off by commas is part of the phrase, not its end: "days after the commissioner, Malcolm
# Newsam, stepped down" names the event after the name.
APPOSITIVE = re.compile(r",\s+((?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]+),(?=\s)")


def _key(term: str) -> str:
    return term if term.startswith("~") else term[:5]  # "discovered" meets "discovery"


@functools.lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(_key(t) for t, _s, _e in terms(text)) - {_key(g) for g in GENERIC}


def names_an_event(cv: ClaimValue) -> bool:
    """A relative date written as an offset from something the quote names, with no relative_to."""
    v = cv.value
    return (isinstance(v, DateValue) and v.relative and not cv.claim.relative_to
            and OFFSET_END.search(cv.claim.value) is not None)  # fmt: skip


def _tail(cv: ClaimValue) -> str:
    quote = fold_plain(cv.claim.quote)
    at = quote.casefold().find(fold_plain(cv.claim.value).casefold())
    if at < 0:
        return ""
    rest = APPOSITIVE.sub(r" \1 ", quote[at + len(cv.claim.value) :])
    rest = re.split(r"[.;:!?]|,\s", rest, maxsplit=1)[0]
    return " ".join(rest.split()[:TAIL_TERMS])


@functools.lru_cache(maxsize=4096)
def _offset(text: str) -> tuple[int, int] | None:
    """The days from the named event to the claim's date, low and high ("two weeks after": 14±)."""
    value = parse_value(text, DateRange.day(_REF))
    if not isinstance(value, DateValue) or value.range is None:
        return None
    # the parser dates the event named after the word from the claim's date; turn it round
    return -(value.range.end - _REF).days, -(value.range.start - _REF).days


def anchor_on_events(values: list[ClaimValue], entities: Iterable[Entity]) -> list[ClaimValue]:
    """`values` with every offset from a named event resolved from that event's date where the
    registry has it, and marked as counted from the publication date where it has not."""
    offsets = [i for i, cv in enumerate(values) if names_an_event(cv)]
    if not offsets:
        return values
    entities = list(entities)
    names = {e.id: e.name for e in entities}
    called = {e.id: _terms(" ".join((e.name, *e.aliases))) for e in entities}
    events: dict[tuple[str, str], list[ClaimValue]] = defaultdict(list)
    for cv in values:
        v = cv.value
        if isinstance(v, DateValue) and v.range is not None and not names_an_event(cv):
            events[(cv.claim.subject, fold_plain(cv.claim.property).casefold())].append(cv)
    out = list(values)
    for i in offsets:
        cv = values[i]
        own = (cv.claim.subject, fold_plain(cv.claim.property).casefold())
        tail = _terms(_tail(cv))
        if tail & called.get(cv.claim.subject, frozenset()) - _terms(cv.claim.property):
            # "a week after ... Newsam was to leave", filed under Newsam: the offset dates the event it
            # names, from the time of writing
            out[i] = dataclasses.replace(cv, anchor=PUBLISHED)
            continue
        best: tuple[int, float, tuple[str, str]] | None = None
        for key in events:
            if key == own:
                continue
            happened, who = _terms(key[1]), called.get(key[0]) or _terms(key[0])
            # an event is named by what happened, or by its subject when its property says only "date"
            shared = len(tail & happened) + (len(tail & who) if (tail & happened or _generic(key[1])) else 0)
            size = len(happened | who) or 1
            if shared and (best is None or (shared, shared / size) > best[:2]):
                best = (shared, shared / size, key)
        if best is None:  # "after the blaze": the subject's own date, when it has exactly one
            own_dates = [k for k in events if k[0] == cv.claim.subject and k != own and _generic(k[1])]
            best = (0, 0.0, own_dates[0]) if len(own_dates) == 1 else None
        offset = _offset(cv.claim.value)
        if best is None or offset is None:
            out[i] = dataclasses.replace(cv, anchor=PUBLISHED)
            continue
        key = best[2]
        spans = [e.value.range for e in events[key] if isinstance(e.value, DateValue) and e.value.range]
        event = functools.reduce(DateRange.union, spans)
        low, high = offset
        when = DateRange(event.start + dt.timedelta(days=low), event.end + dt.timedelta(days=high))
        written = "', '".join(dict.fromkeys(e.claim.value for e in events[key]))
        what = f"{names.get(key[0], key[0])} · {key[1]} ('{written}': {event.human()})"
        assert isinstance(cv.value, DateValue)
        out[i] = dataclasses.replace(cv, value=cv.value.with_range(when, cv.value.notes), anchor=what)
    return out


def _generic(prop: str) -> bool:
    return set(re.findall(r"[a-z]+", prop)) <= GENERIC | {"of", "the"}
