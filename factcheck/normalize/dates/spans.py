"""Dates built from other dates: spans ("from 3 to 17 March 2001", "between March and May"),
offsets from a stated anchor ("two days after 3 May", "the day before yesterday", "2 months 10
days ago"), and a day picked inside a week or month ("Friday next week", "the last Tuesday of
next month", "the first Monday in May").

A span is one value: its range runs from the first date's start to the second's end, and its
`ends` keep the two dates as written, as a range of figures keeps both figures.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.models import DateRange
from factcheck.normalize.dates.calendar import _week
from factcheck.normalize.dates.patterns import _M, _W, MONTHS, UNIT_DAYS, WEEKDAYS, modal_may
from factcheck.normalize.dates.relative import Offset
from factcheck.normalize.numbers import Scan
from factcheck.normalize.values import DateValue, Duration, Value, add_months, month_end

_YEAR = r"(?P<y>1[0-9]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
# "3 to 17 March 2001", "from 3rd-17th of March", "between 3 and 17 March"
DAYS_THEN_MONTH = re.compile(
    rf"(?=[\dfb])\b(?:(?P<lead>from|between)\s+)?(?P<d1>[0-3]?\d){_ORD}\s*(?P<j>-|–|—|to|until|till|through|and)\s*"
    rf"(?P<d2>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<m>{_M})\.?(?:,?\s+{_YEAR})?\b"
)
# "March 3-17, 2001", "from March 3 to 17"
MONTH_THEN_DAYS = re.compile(
    rf"(?=[abdfjmnos])\b(?:(?P<lead>from|between)\s+)?(?P<m>{_M})\.?\s+(?P<d1>[0-3]?\d){_ORD}\s*(?P<j>-|–|—|to|until|till|through|and)\s*"
    rf"(?P<d2>[0-3]?\d){_ORD}\b(?!\s*(?:{_M}))(?:,?\s+{_YEAR})?"
)
_NTH_WORDS = "first|1st|second|2nd|third|3rd|fourth|4th|last"
_NTH = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1}
# "the last Tuesday of next month", "the first Monday in May 2020", "the second Sunday of the month"
NTH_WEEKDAY = re.compile(
    rf"\b(?:the\s+)?(?P<nth>{_NTH_WORDS})\s+(?P<wd>{_W})\s+(?:of|in)\s+"
    rf"(?:(?P<rel>this|last|next)\s+month|the\s+month|(?P<m>{_M})(?:\s+{_YEAR})?)\b"
)
# what every match of NTH_WEEKDAY holds, led by literals: searched for first (NTH_WEEKDAY, led by "\b",
# is tried at every place of a text; see DAY_MONTH_CORE)
NTH_WEEKDAY_CORE = re.compile(rf"(?:{_NTH_WORDS})\s+(?:{_W})\s+(?:of|in)\s").search
# "Friday next week", "next week Friday", "Tuesday of last week"
WEEKDAY_OF_WEEK = re.compile(
    rf"\b(?:(?P<wd>{_W})\s+(?:of\s+)?(?P<rel>this|last|next)\s+week|(?P<rel2>this|last|next)\s+week\s*,?\s*(?:on\s+)?(?P<wd2>{_W}))\b"
)
# "the day before yesterday", "the day after tomorrow", "the week before" (an anchor may follow)
UNIT_BESIDE = re.compile(
    r"t(?<!\wt)he\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?:\s+(?P<deixis>yesterday|today|tomorrow))?\b"
)
SPAN_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")
SPAN_LEAD = re.compile(r"(?:from|between)\s+$")
ANCHOR_JOIN = re.compile(r"\s+(?:after|before|from)\s+")
COMPOUND_JOIN = re.compile(r"(?:\s+|,\s+|\s+and\s+)")


def _days_span(m: re.Match[str], scan: Scan) -> DateValue | None:
    text = scan.text
    d1, d2, month = int(m.group("d1")), int(m.group("d2")), MONTHS[m.group("m").lower()]
    if not (1 <= d1 < d2 <= 31) or (m.group("j") == "and" and not m.group("lead")):
        return None
    if modal_may(m, text):
        return None
    s, e = m.span()
    words = text[s:e]

    def days(year: int) -> tuple[DateRange, DateRange] | None:
        last = month_end(year, month).day
        if d2 > last:
            return None
        a, b = dt.date(year, month, d1), dt.date(year, month, d2)
        return DateRange.day(a), DateRange.day(b)

    if m.group("y"):
        ends = days(int(m.group("y")))
        if ends is None:
            return None
        return DateValue("date", words, (s, e), ends[0].union(ends[1]), "range", notes=("a span",), ends=ends)
    tense = scan.tense_at(s, e)

    def rule(ref: dt.date) -> DateRange:
        year = ref.year
        if tense == "past" and (month, d1) > (ref.month, ref.day):
            year -= 1
        elif tense == "future" and (month, d2) < (ref.month, ref.day):
            year += 1
        got = days(year) or days(year - 1)
        assert got is not None
        return got[0].union(got[1])

    return DateValue(
        "date", words, (s, e), None, "range", True, ("a span; no year: taken from the reference date",), rule
    )


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth >= 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * nth)
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def inner_days(text: str | Scan) -> list[DateValue]:
    """Spans of days in one month, a weekday inside a week or month, and "the day before"."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[DateValue] = []
    if scan.has_digit and not words.isdisjoint(_MONTH_GATE) and _DAYS_JOINED(low):
        for rx in (DAYS_THEN_MONTH, MONTH_THEN_DAYS):
            for m in rx.finditer(low):
                v = _days_span(m, scan)
                if v is not None:
                    out.append(v)
    if not words.isdisjoint(_WEEKDAY_GATE):
        for m in NTH_WEEKDAY.finditer(low) if NTH_WEEKDAY_CORE(low) else ():
            nth, wd = _NTH[m.group("nth")], WEEKDAYS[m.group("wd")]
            s, e = m.span()
            if m.group("m") and m.group("y"):
                try:
                    day = _nth_weekday(int(m.group("y")), MONTHS[m.group("m")], wd, nth)
                except ValueError:
                    continue
                out.append(DateValue("date", text[s:e], (s, e), DateRange.day(day), "day"))
                continue
            shift = {"this": 0, "last": -1, "next": 1}.get(m.group("rel") or "", 0)
            month = MONTHS[m.group("m")] if m.group("m") else None

            def rule(
                ref: dt.date, nth: int = nth, wd: int = wd, shift: int = shift, month: int | None = month
            ) -> DateRange:
                if month is None:
                    first = add_months(ref.replace(day=1), shift)
                    return DateRange.day(_nth_weekday(first.year, first.month, wd, nth))
                return DateRange.day(_nth_weekday(ref.year, month, wd, nth))

            out.append(DateValue("date", text[s:e], (s, e), None, "day", True, (), rule))
        for m in WEEKDAY_OF_WEEK.finditer(low) if "week" in words else ():
            wd = WEEKDAYS[m.group("wd") or m.group("wd2")]
            shift = {"this": 0, "last": -1, "next": 1}[m.group("rel") or m.group("rel2")]
            s, e = m.span()
            out.append(DateValue("date", text[s:e], (s, e), None, "day", True, (),
                                 lambda ref, wd=wd, shift=shift: DateRange.day(_week(ref, shift).start + dt.timedelta(days=wd))))  # fmt: skip
    if not words.isdisjoint(_BEFORE_AFTER) and "the" in words and not words.isdisjoint(_BESIDE_UNITS):
        for m in UNIT_BESIDE.finditer(low):
            days = round(UNIT_DAYS[m.group("unit")])
            sign = -1 if m.group("dir") == "before" else 1
            base = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(m.group("deixis") or "", 0)
            s, e = m.span()
            out.append(DateValue("date", text[s:e], (s, e), None, "day" if days == 1 else "range", True, (),
                                 Offset(base + sign * days, base + sign * days)))  # fmt: skip
    return out


_MONTH_GATE = frozenset(MONTHS)
# What both patterns of a span of days hold, without the month: two days and the word between them
# ("3 to 17", "3rd-17th"); most text with a month and a figure has no such pair.
_DAYS_JOINED = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till|through|and)\s*\d").search
_BESIDE_UNITS = frozenset({"day", "week", "month", "year"})
_BEFORE_AFTER = frozenset({"before", "after"})
_WEEKDAY_GATE = frozenset(WEEKDAYS)
# inner_days finds nothing in a text with none of these words: each of its patterns needs a month, a
# weekday, or "before" or "after"
INNER_TRIGGERS = _MONTH_GATE | _WEEKDAY_GATE | _BEFORE_AFTER


def _resolve_against(v: DateValue, anchor: dt.date) -> DateRange | None:
    if v.rule is None:
        return v.range
    try:
        return v.rule(anchor)
    except (OverflowError, ValueError):
        return None


_MAX_JOIN_GAP = 10  # characters between two values that make one ("from 3 May to 7 June": " to ")
_JOIN_FIRST = ("date", "duration")


def joined(values: list[Value], text: str) -> list[Value]:
    """Adjacent values that make one date: a span of two dates, an offset from a date written
    beside it, two offsets added together. Values come resolved and in text order."""
    if len(values) < 2:
        return values
    # every join ends on a date and starts with a date or a length of time: only such pairs are looked at
    # (found by kind alone, in one pass: in most texts there are none, and the values come back as they are)
    kinds = [v.kind for v in values]
    pairs = [i for i, kind in enumerate(kinds[1:]) if kind == "date" and kinds[i] in _JOIN_FIRST]
    out: list[Value] = []
    done = 0  # values[:done] are in out
    for i in pairs:
        if i < done:
            continue  # its first value was joined to the one before it
        a, b = values[i], values[i + 1]
        merged = _join(a, b, text) if 0 <= b.span[0] - a.span[1] <= _MAX_JOIN_GAP else None
        if merged is not None:
            out += values[done:i]
            out.append(merged)
            done = i + 2
    if not done:
        return values
    out += values[done:]
    return out


def _join(a: Value, b: Value, text: str) -> DateValue | None:
    gap_start, gap_end = a.span[1], b.span[0]
    if gap_end - gap_start > _MAX_JOIN_GAP or gap_end < gap_start:
        return None
    gap = text[gap_start:gap_end]
    # "two days after 3 May", "3 days before 14 June 2004", "the day before 3 May"
    if isinstance(a, DateValue) and isinstance(a.rule, Offset) and isinstance(b, DateValue) and b.range is not None:
        if a.text.lower().rstrip().endswith(("after", "before")) and (gap == "" or gap.isspace()):
            low, high = sorted((abs(a.rule.low), abs(a.rule.high)))
            if a.text.lower().rstrip().endswith("before"):
                low, high = -high, -low
            if a.text.lower().startswith("the "):
                low = high = a.rule.low
            span = b.range.shift(low, high)
            return DateValue("date", text[a.span[0] : b.span[1]], (a.span[0], b.span[1]), span, "range",
                             notes=(f"counted from {b.range.human()}",))  # fmt: skip
    # "2 months 10 days ago": a length of time, then an offset
    if isinstance(a, Duration) and isinstance(b, DateValue) and isinstance(b.rule, Offset) and b.range is not None:
        if COMPOUND_JOIN.fullmatch(gap) and a.high_days is not None:
            sign = -1 if b.text.lower().rstrip().endswith(("ago", "earlier", "previously", "after")) else 1
            extra = round(a.low_days + (a.high_days - a.low_days) / 2) * sign
            return DateValue("date", text[a.span[0] : b.span[1]], (a.span[0], b.span[1]), b.range.shift(extra, extra),
                             "range", b.relative, b.notes)  # fmt: skip
    # "from 2001 to 2005", "between March and May", "from 3 May to 7 June 2019"
    if isinstance(a, DateValue) and isinstance(b, DateValue) and b.range is not None and SPAN_JOIN.fullmatch(gap):
        lead = SPAN_LEAD.search(text, max(0, a.span[0] - 9), a.span[0])
        joiner = gap.strip().lower()
        if joiner == "and" and lead is None:
            return None
        if joiner in ("-", "–", "—") and (a.relative or b.relative):
            return None
        first = a.range
        if a.relative and not b.relative:
            first = _resolve_against(a, b.range.end)  # the year of the second date
            if first is not None and first.start > b.range.end:
                first = _resolve_against(a, b.range.end.replace(year=b.range.end.year - 1))
        # a span runs forward: its first end may not start or finish after its second ("Christmas to 1000")
        if first is None or first.start > b.range.start or first.end > b.range.end:
            return None
        if isinstance(a.rule, Offset) or isinstance(b.rule, Offset):
            return None
        start = lead.start() if lead else a.span[0]
        return DateValue("date", text[start : b.span[1]], (start, b.span[1]), DateRange(first.start, b.range.end),
                         "range", a.relative or b.relative, ("a span",), ends=(first, b.range))  # fmt: skip
    return None
