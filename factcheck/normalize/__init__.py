"""Literal → typed value with its uncertainty as an interval.

`parse(text, ref)` finds every value in running text; `parse_value(text, ref)` reads the one
value a claim states. Candidates from each reader are merged: where two overlap, the longer
reading wins ("25 October" over "25"), and on a tie a date beats a duration beats a number.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from functools import lru_cache
from operator import attrgetter

from factcheck.errors import ParseError
from factcheck.models import DateRange
from factcheck.normalize.dates.absolute import absolute_dates
from factcheck.normalize.dates.holidays import TRIGGERS as _HOLIDAYS
from factcheck.normalize.dates.holidays import holidays
from factcheck.normalize.dates.numeric import WORD_TRIGGERS as _NUMERIC_WORDS
from factcheck.normalize.dates.numeric import numeric_dates
from factcheck.normalize.dates.patterns import _MONTH_WORDS as _MONTHS
from factcheck.normalize.dates.patterns import count_follows
from factcheck.normalize.dates.relative import DURATION_TRIGGERS as _UNITS_OF_TIME
from factcheck.normalize.dates.relative import RELATIVE_TRIGGERS as _RELATIVE
from factcheck.normalize.dates.relative import durations, relative_dates, resolved
from factcheck.normalize.dates.spans import INNER_TRIGGERS as _INNER
from factcheck.normalize.dates.spans import inner_days, joined
from factcheck.normalize.numbers import Scan
from factcheck.normalize.quantities import find_quantities
from factcheck.normalize.times import CLOCK_GATE as _CLOCK_FIGURES
from factcheck.normalize.times import TRIGGERS as _CLOCK_WORDS
from factcheck.normalize.times import times
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue, Value

__all__ = ["parse", "parse_value", "parse_ref", "Value", "Quantity", "DateValue", "Duration", "TimeValue"]

_PRIORITY = {"time": 4, "date": 3, "duration": 2, "money": 1, "rate": 1, "percent": 1, "number": 0}
MAX_TEXT = 1_000_000  # characters; longer input is refused rather than scanned


def parse_ref(ref: str | dt.date | DateRange | None) -> DateRange | None:
    """A reference date from `2020-07-07`, `2019-10-01..2019-10-09`, a date or a range."""
    if ref is None or isinstance(ref, DateRange):
        return ref
    if isinstance(ref, dt.date):
        return _ref_of_day(ref)
    return _ref_of_text(ref)


# the range of a reference given as a day, kept as the text's is: a caller passes the same day for every
# phrase of a source (building the range took 1.7 µs a phrase under load, looking it up 0.6)
_ref_of_day = lru_cache(maxsize=256)(DateRange.day)


@lru_cache(maxsize=256)
def _ref_of_text(ref: str) -> DateRange:
    """The range a reference date written as text stands for (kept: a source's date is given for
    each of its phrases)."""
    try:
        return DateRange.parse_iso(ref)
    except ValueError as exc:
        raise ParseError(
            f"reference date '{ref}' is not a date",
            hint="write YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD",
        ) from exc


def parse(text: str, ref: str | dt.date | DateRange | None = None, within: str | None = None) -> list[Value]:
    """Every money amount, number, percentage, rate, date, duration and time of day in text, in order.

    within is the passage text was taken from (a claim's quote): a date without its year or week
    ("on Thursday", "in March") is placed from ref by the tense of its sentence there ("was completed
    late on Thursday night": the last Thursday; "will sign on Thursday": the next one)."""
    if len(text) > MAX_TEXT:
        raise ParseError(f"text of {len(text):,} characters is over the {MAX_TEXT:,} limit")
    span_ref = parse_ref(ref)
    # Reading a text makes no reference cycles (its values, matches and rules refer only downwards), so
    # the cycle collector has nothing to find in what it builds. Left on, it walked the growing lists of
    # candidates again and again: a quarter of the time on a text dense with values. (Switched off in
    # place, not by a context manager: entering and leaving one cost 0.45 µs of a phrase's 50 to 70.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, span_ref, within)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, span_ref: DateRange | None, within: str | None) -> list[Value]:
    scan = Scan.of(text, within or "")
    # Each reader is called only where the text has what it needs (its trigger words, or figures): a
    # reader that cannot match costs a call and its own gates, and most phrases hold one kind of value
    # or two. The readers keep their finer gates; these are the words or figures every pattern of each needs.
    words, digits = scan.words, scan.has_digit
    candidates: list[Value] = []
    if not words.isdisjoint(_RELATIVE):
        candidates += relative_dates(scan)
    if digits or not words.isdisjoint(_MONTHS):
        candidates += absolute_dates(scan)
    if digits or not words.isdisjoint(_NUMERIC_WORDS):
        candidates += numeric_dates(scan)
    if not words.isdisjoint(_INNER):
        candidates += inner_days(scan)
    if not words.isdisjoint(_HOLIDAYS):
        candidates += holidays(scan)
    clocks: list[TimeValue] = times(scan) if not words.isdisjoint(_CLOCK_WORDS) or (digits and _CLOCK_FIGURES(text)) else []
    candidates += clocks
    if not words.isdisjoint(_UNITS_OF_TIME):
        candidates += durations(scan)
    if scan.has_year and candidates:  # "1862 families": a year only where four digits are written
        candidates = [v for v in candidates if not (v.kind == "date" and len(v.text) == 4 and _FOUR_DIGITS(v.text)
                                                    and count_follows(text, v.span[1])
                                                    and not _YEAR_LEAD.search(text, 0, v.span[0]))]  # fmt: skip
    # (each filter looks only at the values it can drop: the years above, the counts below)
    counts = find_quantities(scan)
    if scan.has_year and counts and candidates and not words.isdisjoint(_ROUGHLY_WORDS):
        counts = _years_said_roughly(counts, candidates)
    if clocks and counts:  # the hour of "about 3pm" is a time's, not a count of 3 with a hedge
        # a count is dropped where it ends strictly inside a time; a map of those places keeps this
        # linear (checking every time for every count made a text dense with both quadratic)
        inside = bytearray(len(text) + 1)
        for clock in clocks:
            s, e = clock.span
            inside[s + 1 : e] = b"\x01" * max(0, e - s - 1)
        counts = [v for v in counts if not inside[v.span[1]]]
    candidates += counts
    if not candidates:
        return candidates
    if len(candidates) > 1:
        chosen = _without_overlaps(candidates, len(text))
    else:  # nothing to choose between
        chosen = [v for v in candidates if v.span[1] > v.span[0]]
    # a date resolved only when it is relative: most values need no reference
    return joined([resolved(v, span_ref) if isinstance(v, DateValue) and v.range is None else v for v in chosen], text)


_SPAN = attrgetter("span")
_FOUR_DIGITS = re.compile(r"\d{4}").fullmatch
# "1862 families", "1500 people": four figures followed by what they count are a count, not a year
_YEAR_LEAD = re.compile(r"\b(?:in|since|by|until|till|from|during|before|after|year|of\s+the)\s+$", re.I)
# "around 1966", "c. 1450": a year said roughly, where the year's date is also read (so nothing it counts follows)
_ROUGHLY = frozenset({"around", "about", "roughly", "approximately", "circa", "c."})
_ROUGHLY_WORDS = frozenset(q.rstrip(".") for q in _ROUGHLY)  # as a Scan's words hold them


def _years_said_roughly(counts: list[Quantity], candidates: list[Value]) -> list[Quantity]:
    """counts without those that are a year said roughly ("Around 1966, the firm..."): their qualifier made
    them longer than the year, which would win the overlap."""
    years = {v.span[1] for v in candidates if v.kind == "date" and len(v.text) == 4 and _FOUR_DIGITS(v.text)}
    if not years:
        return counts
    return [q for q in counts if not (q.qualifier in _ROUGHLY and q.span[1] in years and q.kind == "number")]


def _without_overlaps(candidates: list[Value], length: int) -> list[Value]:
    """The candidates to keep, in text order. Where spans overlap, the longest is preferred, then by
    kind, then the first in the text; each candidate is kept unless it overlaps one preferred to it.
    Only candidates in one run of overlapping spans are weighed against one another: in a text dense
    with values most overlap nothing, and a text with many values is read in linear time."""
    candidates.sort(key=_SPAN)  # stable: candidates with one span keep the order the readers gave
    taken = bytearray(length)
    chosen: list[Value] = []
    run: list[Value] = []
    run_start = reach = 0
    for cand in candidates:
        s, e = cand.span
        if s < reach:  # overlaps the run (no candidate after it can overlap what is before it)
            run.append(cand)
            if e > reach:
                reach = e
            continue
        if len(run) == 1:
            if reach > run_start:  # an empty span is never a value
                chosen.append(run[0])
        elif run:
            chosen += _preferred(run, taken)
        run = [cand]
        run_start, reach = s, e
    if len(run) == 1:
        if reach > run_start:
            chosen.append(run[0])
    elif run:
        chosen += _preferred(run, taken)
    return chosen


def _preferred(run: list[Value], taken: bytearray) -> list[Value]:
    """Of one run of overlapping candidates, in text order, those kept: each in order of preference
    unless it overlaps one kept before (taken maps the characters kept values cover)."""
    if len(run) == 2:  # the most common run ("2019" a date and a count): one of the two, without the sort
        a, b = run
        (s1, e1), (s2, e2) = a.span, b.span
        # b starts inside a, so the two overlap unless b is empty; on a tie the first (as the stable sort)
        if e2 > s2 and (e2 - s2, _PRIORITY[b.kind], -s2) > (e1 - s1, _PRIORITY[a.kind], -s1):
            return [b]
        return [a]
    run.sort(key=_preference)  # stable: on a tie, the order the readers gave
    kept = []
    for v in run:
        s, e = v.span
        if e <= s or taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append(v)
    kept.sort(key=_SPAN)
    return kept


def _preference(v: Value) -> tuple[int, int, int]:
    return -(v.span[1] - v.span[0]), -_PRIORITY[v.kind], v.span[0]


def parse_value(text: str, ref: str | dt.date | DateRange | None = None, within: str | None = None) -> Value | None:
    """The single value a claim states: the reading that covers most of text, or None (within as for parse)."""
    return best_value(parse(text, ref, within))


def best_value(values: list[Value]) -> Value | None:
    """Of the values parse found in a text, the one a claim's value states: the longest, then by kind."""
    if not values:
        return None
    return max(values, key=lambda v: (v.span[1] - v.span[0], _PRIORITY[v.kind]))
