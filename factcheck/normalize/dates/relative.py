"""Dates at their stated precision, and relative expressions resolved against a reference.

A relative expression ("last September", "a week after") is kept with a rule that resolves it
against one reference day; against a reference *range* (a source dated only by evidence) the
rule is applied at both ends and the results joined, so the uncertainty carries through.

Offsets follow English grammar: in "X after <event>" the phrase dates the event named after
"after", which came X *before* the reference ("the news comes a week after it was announced"
dates the announcement a week before the news). "X later" and "X ago" date the reference's own
clause: X after, or X before, the reference.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.models import DateRange
from factcheck.normalize.dates.calendar import (
    AwaitsTense,
    _calendar_unit,
    _count,
    _named_rule,
    _unit,
    duration_days,
    fraction_count,
    not_a_fraction,
    part_of,
    resolve,
    season_range,
)
from factcheck.normalize.dates.patterns import (
    _CALENDAR_UNIT_WORDS,
    _DEICTIC,
    _MONTH_WORDS,
    _NAMED_WORDS,
    _PART_WORDS,
    _SEASON_WORDS,
    _TODAY_WORDS,
    _WEEKDAY_WORDS,
    _WINDOW_WORDS,
    BARE_SEASON,
    BARE_WEEKDAY,
    CALENDAR,
    CALENDAR_CORE,
    DURATION,
    DURATION_FRACTION,
    LAST_NAMED,
    LAST_NAMED_CORE,
    LATER_THIS,
    MONTH_REL_YEAR,
    MONTHS,
    NAMED_WEEKDAY,
    NOT_LAST_NIGHT_AFTER,
    NOT_LAST_NIGHT_BEFORE,
    OFFSET,
    OFFSET_FRACTION,
    OFFSET_GATE,
    PART_OF_THE,
    SEASONS,
    TODAY,
    UNIT_DAYS,
    UNIT_WORDS,
    WEEKDAYS,
    WINDOW,
    WINDOW_CORE,
    WINDOW_FRACTION,
    WITHIN,
    WITHIN_FRACTION,
    Rule,
    _counted_unit,
    has_fraction,
)
from factcheck.normalize.numbers import Scan, matches_at_words, words_to_number
from factcheck.normalize.values import (
    DateValue,
    Duration,
    month_range,
)


def _weekday_rule(name: str, tense: str | None) -> Rule:
    """A weekday on its own: the nearest one after (future) or before (past) the reference, or either."""
    want = WEEKDAYS[name]

    def rule(day: dt.date) -> DateRange:
        ahead = day + dt.timedelta(days=(want - day.weekday()) % 7)
        behind = day - dt.timedelta(days=(day.weekday() - want) % 7)
        if tense == "future":
            return DateRange.day(ahead)
        if tense == "past":
            return DateRange.day(behind)
        return DateRange(behind, ahead)

    return rule


def _weekday_note(tense: str | None) -> str:
    if tense == "future":
        return "weekday alone: the next one from the reference date (future tense)"
    if tense == "past":
        return "weekday alone: the last one up to the reference date (past tense)"
    return "ambiguous: a weekday alone, with no tense to say whether the last or the next one"


def _season_rule(name: str, tense: str | None) -> Rule:
    """A season without a year: future tense, the first one not yet over; past, the last one begun."""

    def rule(day: dt.date) -> DateRange:
        seasons = [season_range(name, y) for y in (day.year - 2, day.year - 1, day.year, day.year + 1)]
        if tense == "future":
            return next(s for s in seasons if s.end >= day)
        if tense == "past":
            return [s for s in seasons if s.start <= day][-1]
        return season_range(name, day.year)

    return rule


def _season_note(tense: str | None) -> str:
    if tense == "future":
        return "season without a year: the first one not yet over at the reference date (future tense)"
    if tense == "past":
        return "season without a year: the most recent one begun by the reference date (past tense)"
    return "season without a year: the one in the reference date's year"


# Rules made from what a phrase says; each binds its numbers when made, not when applied.
def _days_from(shift: int) -> Rule:
    return lambda d: DateRange.day(d + dt.timedelta(days=shift))


def _days_before(days: int) -> Rule:
    return lambda d: DateRange(d - dt.timedelta(days=days), d)


def _days_after(days: int) -> Rule:
    return lambda d: DateRange(d, d + dt.timedelta(days=days))


@dataclass(frozen=True)
class Offset:
    """A rule that moves the reference day by low to high days; kept as data so that an offset
    written against a stated anchor ("two days after 3 May") can be applied to that anchor."""

    low: int
    high: int

    def __call__(self, d: dt.date) -> DateRange:
        return DateRange.day(d).shift(self.low, self.high)


def _offset(low: int, high: int) -> Rule:
    return Offset(low, high)


def _month_of_year(month: int, shift: int) -> Rule:
    return lambda d: month_range(d.year + shift, month)


def _part_of_unit(unit: str, shift: int, pos: str | None) -> Rule:
    return lambda d: part_of(_calendar_unit(unit, d, shift), pos)


def _part_of_rule(rule: Rule, pos: str | None) -> Rule:
    return lambda d: part_of(rule(d), pos)


# Every word some pattern below needs: text with none of them holds no relative date.
_RELATIVE_GATE = (
    _TODAY_WORDS | _DEICTIC | _PART_WORDS | _WINDOW_WORDS | _WEEKDAY_WORDS | _SEASON_WORDS | UNIT_WORDS | {"within"}
)


_LATER_EARLIER = frozenset({"later", "earlier"})
RELATIVE_TRIGGERS = _RELATIVE_GATE  # relative_dates finds nothing in a text with none of these words
DURATION_TRIGGERS = UNIT_WORDS  # nor durations in one with no unit of time


def relative_dates(text: str | Scan) -> list[DateValue]:
    """Every expression whose date depends on when it was written."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[DateValue] = []
    if words.isdisjoint(_RELATIVE_GATE):
        return out
    deictic = not words.isdisjoint(_DEICTIC)
    fractions = has_fraction(text)  # a count may be written with one ("the last 2 1/2 years")

    def add(m: re.Match[str], rule: Rule, granularity: str, notes: tuple[str, ...] = ()) -> None:
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), None, granularity, True, notes, rule))

    for m in TODAY.finditer(low) if not words.isdisjoint(_TODAY_WORDS) else ():
        w = m.group("w").lower()
        if w.startswith("last") and (NOT_LAST_NIGHT_BEFORE.search(low, max(0, m.start() - 8), m.start())
                                     or NOT_LAST_NIGHT_AFTER.match(low, m.end())):  # fmt: skip
            continue
        shift = -1 if w.startswith(("yesterday", "last")) else 1 if w.startswith("tomorrow") else 0  # last night: yesterday
        add(m, _days_from(shift), "day")
    for m in CALENDAR.finditer(low) if deictic and not words.isdisjoint(_CALENDAR_UNIT_WORDS) and CALENDAR_CORE(low) else ():
        shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        unit, pos = m.group("unit"), m.group("pos")
        add(m, _part_of_unit(unit, shift, pos), "part" if pos else re.sub(r"\s+", "_", unit.lower()))
    for m in PART_OF_THE.finditer(low) if not words.isdisjoint(_PART_WORDS) else ():
        unit, pos = m.group("unit"), m.group("pos")
        add(m, _part_of_unit(unit, 0, pos), "part")
    for m in LAST_NAMED.finditer(low) if deictic and not words.isdisjoint(_NAMED_WORDS) and LAST_NAMED_CORE(low) else ():
        this = m.group("rel").lower() == "this"
        tense = scan.tense_at(*m.span()) if this else None  # "this Friday": coming or just gone, by tense
        rule = _named_rule(m.group("rel"), m.group("name"), tense)
        pos = m.group("pos")
        name = m.group("name").lower()
        gran = "month" if name in MONTHS else "season" if name in SEASONS else "day"
        notes: tuple[str, ...] = ()
        if name in MONTHS and m.group("rel").lower() == "last":
            notes = ("'last' + month read as the most recent past one",)
        elif this and tense is not None:
            notes = (f"'this' read as the nearest one {'on or after' if tense == 'future' else 'up to'} "
                     f"the reference date ({tense} tense)",)  # fmt: skip
        add(m, _part_of_rule(rule, pos) if pos else rule, gran, notes)
    window = not words.isdisjoint(_WINDOW_WORDS) and not words.isdisjoint(UNIT_WORDS) and WINDOW_CORE(low)
    for m in (WINDOW_FRACTION if fractions else WINDOW).finditer(low) if window else ():
        if not_a_fraction(m.group("n")):
            continue
        lo, hi = _count(m.group("n"), False)
        span_days = round(hi * UNIT_DAYS[_unit(m.group("unit"))])
        past = m.group("dir").lower() in ("last", "past", "previous")
        add(m, _days_before(span_days) if past else _days_after(span_days), "range")
    for m in BARE_WEEKDAY.finditer(low) if not words.isdisjoint(_WEEKDAY_WORDS) else ():
        # "on Friday": the next one in the future tense, the last one in the past; else either
        tense = scan.tense_at(*m.span())
        out.append(DateValue("date", text[m.start("wd") : m.end("wd")], m.span("wd"), None, "day", True,
                             (_weekday_note(tense),), _weekday_rule(m.group("wd"), tense)))  # fmt: skip
    for m in NAMED_WEEKDAY.finditer(text) if not words.isdisjoint(_WEEKDAY_WORDS) else ():
        tense = scan.tense_at(*m.span())
        out.append(DateValue("date", m.group("wd"), m.span("wd"), None, "day", True,
                             (_weekday_note(tense),), _weekday_rule(m.group("wd").lower(), tense)))  # fmt: skip
    for m in BARE_SEASON.finditer(low) if not words.isdisjoint(_SEASON_WORDS) else ():
        # "in spring": the season named from the tense around it, as "last", "next" or "this" would
        tense = scan.tense_at(*m.span())
        out.append(DateValue("date", text[m.start("s") : m.end("s")], m.span("s"), None, "season", True,
                             (_season_note(tense),), _season_rule(m.group("s"), tense)))  # fmt: skip
    month_rel_year = deictic and "year" in words and not words.isdisjoint(_MONTH_WORDS)
    for m in matches_at_words(MONTH_REL_YEAR.match, low, low, words & _MONTH_WORDS) if month_rel_year else ():
        shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        month = MONTHS[m.group("m").lower()]
        add(m, _month_of_year(month, shift), "month")
    offsets = not words.isdisjoint(UNIT_WORDS) and OFFSET_GATE.search(low) is not None
    for m in (OFFSET_FRACTION if fractions else OFFSET).finditer(low) if offsets else ():
        if m.group("n") is None and not m.group("unit").lower().endswith("s"):
            continue  # "day after" with no count is not an offset
        if not_a_fraction(m.group("n")):
            continue  # "24/7 days later"
        lo, hi = duration_days(m.group("n"), m.group("unit"))
        q = (m.group("q") or "").lower()
        if q in ("more than", "over"):
            hi = hi * 2
        elif q in ("less than", "under", "nearly", "almost"):
            lo = 0.0 if q in ("less than", "under") else lo * 0.8
        elif q in ("just", "only") and m.group("n") is not None:
            # "just a week": no more than about a week
            hi = min(hi, _count(m.group("n"), False)[1] * UNIT_DAYS[_unit(m.group("unit"))] + 1)
        direction = m.group("dir").lower()
        sign = 1 if direction in ("later", "before", "on", "afterwards") else -1
        a, b = sorted((sign * round(lo), sign * round(hi)))
        add(m, _offset(a, b), "range",
            ("dates the event named after 'after', before the reference",) if direction == "after" else ())  # fmt: skip
    for m in (WITHIN_FRACTION if fractions else WITHIN).finditer(low) if "within" in words else ():
        if not_a_fraction(m.group("n")):
            continue
        # "within a month" is a limit: the whole count, without the half-unit slack of "a month ago"
        lo, hi = _count(m.group("n"), False)
        add(m, _days_after(round(hi * UNIT_DAYS[_unit(m.group("unit"))])), "range")
    for m in LATER_THIS.finditer(low) if "this" in words and not words.isdisjoint(_LATER_EARLIER) else ():
        later = m.group("w").lower() == "later"
        unit = m.group("unit")

        def rule(d: dt.date, u: str = unit, later: bool = later) -> DateRange:
            whole = _calendar_unit(u, d, 0)
            return DateRange(d, whole.end) if later else DateRange(whole.start, d)

        add(m, rule, "range")
    return out


_OF_AFTER = re.compile(r"\s+of\b").match


def durations(text: str | Scan) -> list[Duration]:
    """Lengths of time that are not offsets: "seven years", "10 or 20 years", "three days"."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[Duration] = []
    counted = not words.isdisjoint(UNIT_WORDS) and _counted_unit(low)
    for m in (DURATION_FRACTION if has_fraction(text) else DURATION).finditer(low) if counted else ():
        if not_a_fraction(m.group("n")) or not_a_fraction(m.group("n2")):
            continue  # "24/7 days": no count of days
        if m.group("unit").lower().startswith("quarter") and (
            _OF_AFTER(text, m.end()) or text[m.start("unit") - 1] == "-" or m.end() == len(text)
        ):
            continue  # "a quarter of the budget", "three-quarters": a fraction, not three months
        lo, hi = duration_days(m.group("n"), m.group("unit"))
        if m.group("half"):  # "four and a half months", "4 1/2 hours": half a unit more, to the nearest quarter
            unit_days = UNIT_DAYS[_unit(m.group("unit"))]
            slack = (hi - lo) / 2 - 0.25 * unit_days
            lo, hi = lo + 0.5 * unit_days + max(0.0, slack), hi + 0.5 * unit_days - max(0.0, slack)
        if m.group("n2"):
            lo2, hi2 = duration_days(m.group("n2"), m.group("unit"))
            hi = max(hi, hi2)
        q = (m.group("q") or "").lower() or None
        high: float | None = hi
        if q in ("more than", "over", "at least"):
            high = None
        elif q in ("less than", "under", "up to"):
            lo = 0.0
        elif q in ("about", "around", "roughly", "some"):
            lo, high = lo * 0.9, hi * 1.1
        counts = tuple(c for c in (_written_count(m.group("n")), _written_count(m.group("n2"))) if c is not None)
        if m.group("half") and counts:
            counts = (counts[0] + 0.5, *counts[1:])
        out.append(Duration("duration", text[m.start() : m.end()], m.span(), round(lo, 2),
                            None if high is None else round(high, 2), _unit(m.group("unit")), q, (), counts))  # fmt: skip
    return out


def _written_count(word: str | None) -> float | None:
    """The count before a unit of time as written ("19" in "19 years", 3 in "three days")."""
    if not word:
        return None
    fraction = fraction_count(word)
    if fraction is not None:
        return fraction[0]  # "2 1/2 years", "2½ years"
    try:
        return float(word.replace(",", ""))  # "5,000 years"
    except ValueError:
        return words_to_number(word)


def resolved(value: DateValue, ref: DateRange | None) -> DateValue:
    """The value with its range worked out against ref; unchanged when it needs no reference."""
    if value.range is not None or value.rule is None:
        return value
    if isinstance(value.rule, AwaitsTense):
        value = value.rule.settle(value)
    if ref is None:
        return value.with_range(None, value.notes + ("relative: needs a reference date",))
    try:
        span = resolve(value.rule, ref)
    except (OverflowError, ValueError):  # "a billion years after": no calendar date
        return value.with_range(None, value.notes + ("relative: falls outside the calendar",))
    notes = value.notes
    if not ref.is_day:
        notes = notes + (f"resolved against a reference range {ref.iso()}",)
    return value.with_range(span, notes)
