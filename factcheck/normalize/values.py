"""Typed values with their uncertainty as an interval: what normalization hands to comparison."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from factcheck.models import DateRange

CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}

# A frozen dataclass's generated __init__ sets each field with its own call of object.__setattr__
# (eleven calls for a Quantity). A value is made for every candidate reading of every phrase, so each
# class below has its own __init__ that fills the instance's dictionary in one step; its fields,
# defaults, repr, equality and hash are still the dataclass's.
_fill = object.__setattr__


def _fmt_number(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def format_amount(x: float, unit: str | None) -> str:
    """Human form of one figure: £7.6m, £1,100, 85%, 232."""
    base = unit.split("/")[0] if unit else None
    symbol = CURRENCY_SYMBOLS.get(base or "", "")
    if base in CURRENCY_SYMBOLS or (base and len(base) == 3 and base.isupper()):
        prefix = symbol or f"{base} "
        if abs(x) >= 1_000_000_000:
            text = f"{prefix}{_fmt_number(round(x / 1e9, 6))}bn"
        elif abs(x) >= 1_000_000:
            text = f"{prefix}{_fmt_number(round(x / 1e6, 6))}m"
        else:
            text = f"{prefix}{_fmt_number(round(x, 2))}"
    elif base == "%":
        text = f"{_fmt_number(round(x, 6))}%"
    elif base == "fraction":
        text = _fmt_number(round(x, 6))
    else:
        text = _fmt_number(round(x, 6))
        if base:
            text = f"{text} {base}"
    if unit and "/" in unit:
        period = unit.split("/", 1)[1]
        text = f"{text} {'an' if period == 'hour' else 'a'} {period}"  # "$15 an hour"
    return text


@dataclass(frozen=True, init=False)
class Quantity:
    """Money, a count or other number, a percentage, or a rate, with the interval it stands for."""

    kind: str  # "money" | "number" | "percent" | "rate"
    text: str
    span: tuple[int, int]
    value: float  # the figure as written
    low: float | None  # None: unbounded below
    high: float | None  # None: unbounded above
    unit: str | None = None  # ISO 4217 code, "%", "GBP/day", "fraction", or None for a count
    qualifier: str | None = None
    notes: tuple[str, ...] = ()
    figures: tuple[float, ...] = ()  # both figures of a range or an either-or, as written
    readings: tuple[float, ...] = ()  # two or more readings when the text is ambiguous

    def __init__(self, kind: str, text: str, span: tuple[int, int], value: float, low: float | None,
                 high: float | None, unit: str | None = None, qualifier: str | None = None,
                 notes: tuple[str, ...] = (), figures: tuple[float, ...] = (), readings: tuple[float, ...] = ()) -> None:
        _fill(self, "__dict__", {"kind": kind, "text": text, "span": span, "value": value, "low": low, "high": high,
                                 "unit": unit, "qualifier": qualifier, "notes": notes, "figures": figures,
                                 "readings": readings})  # fmt: skip

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "figures": list(self.figures),
            "ambiguous": self.ambiguous,
            "readings": list(self.readings),
            "notes": list(self.notes),
        }

    def describe(self) -> str:
        """The interval in words, e.g. `£6.5m–£7.5m` or `more than £65,000 a year`."""
        if self.low is not None and self.high is not None:
            if math.isclose(self.low, self.high):
                return format_amount(self.low, self.unit)
            return f"{format_amount(self.low, self.unit)}–{format_amount(self.high, self.unit)}"
        if self.low is not None:
            return f"{format_amount(self.low, self.unit)} or more"
        if self.high is not None:
            return f"up to {format_amount(self.high, self.unit)}"
        return "any amount"


@dataclass(frozen=True, init=False)
class DateValue:
    """A date at its precision: a day, a month, a year, a financial year... as an inclusive range."""

    kind: str  # "date"
    text: str
    span: tuple[int, int]
    range: DateRange | None  # None: relative and not yet resolved
    granularity: str  # day, week, month, quarter, season, year, financial_year, decade, range
    relative: bool = False
    notes: tuple[str, ...] = ()
    # for a relative expression: how to resolve it against a reference range
    rule: Any = field(default=None, compare=False, repr=False)
    readings: tuple[DateRange, ...] = ()  # the separate readings of an ambiguous date; `range` covers them
    ends: tuple[DateRange, ...] = ()  # the two dates a span is written between ("from 3 to 17 March")

    def __init__(self, kind: str, text: str, span: tuple[int, int], range: DateRange | None, granularity: str,
                 relative: bool = False, notes: tuple[str, ...] = (), rule: Any = None,
                 readings: tuple[DateRange, ...] = (), ends: tuple[DateRange, ...] = ()) -> None:
        _fill(self, "__dict__", {"kind": kind, "text": text, "span": span, "range": range,
                                 "granularity": granularity, "relative": relative, "notes": notes, "rule": rule,
                                 "readings": readings, "ends": ends})  # fmt: skip

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "from": self.range.start.isoformat() if self.range else None,
            "to": self.range.end.isoformat() if self.range else None,
            "granularity": self.granularity,
            "relative": self.relative,
            "resolved": self.range is not None,
            "ambiguous": self.ambiguous,
            "readings": [{"from": r.start.isoformat(), "to": r.end.isoformat()} for r in self.readings],
            "notes": list(self.notes),
        }

    def with_range(self, span: DateRange | None, notes: tuple[str, ...]) -> DateValue:
        """This value resolved to span (a direct constructor call: `dataclasses.replace` is slow)."""
        return DateValue(self.kind, self.text, self.span, span, self.granularity, self.relative, notes, self.rule,
                         self.readings, self.ends)  # fmt: skip

    def resolved_only(self) -> DateValue:
        """This value without its rule: what is kept once it has been resolved (a rule is a closure,
        which cannot be stored)."""
        return DateValue(self.kind, self.text, self.span, self.range, self.granularity, self.relative, self.notes,
                         None, self.readings, self.ends)  # fmt: skip

    def describe(self) -> str:
        return self.range.human() if self.range else f"'{self.text}' (unresolved)"


@dataclass(frozen=True, init=False)
class Duration:
    """A length of time, in days, as an interval. `direction` says which way an offset points."""

    kind: str  # "duration"
    text: str
    span: tuple[int, int]
    low_days: float
    high_days: float | None
    unit: str  # day, week, month, year ...
    qualifier: str | None = None
    notes: tuple[str, ...] = ()
    counts: tuple[float, ...] = ()  # the count or counts as written ("10 or 20 years": 10, 20)

    def __init__(self, kind: str, text: str, span: tuple[int, int], low_days: float, high_days: float | None,
                 unit: str, qualifier: str | None = None, notes: tuple[str, ...] = (),
                 counts: tuple[float, ...] = ()) -> None:
        _fill(self, "__dict__", {"kind": kind, "text": text, "span": span, "low_days": low_days,
                                 "high_days": high_days, "unit": unit, "qualifier": qualifier, "notes": notes,
                                 "counts": counts})  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "low_days": self.low_days,
            "high_days": self.high_days,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "notes": list(self.notes),
        }

    def describe(self) -> str:
        if self.high_days is None:
            return f"{_fmt_number(self.low_days)} days or more"
        if math.isclose(self.low_days, self.high_days):
            return f"{_fmt_number(self.low_days)} days"
        return f"{_fmt_number(self.low_days)}–{_fmt_number(self.high_days)} days"


@dataclass(frozen=True, init=False)
class TimeValue:
    """A time of day, in minutes after midnight as an interval, with the zone it was written in."""

    kind: str  # "time"
    text: str
    span: tuple[int, int]
    low: int  # minutes after midnight
    high: int
    zone: str | None = None  # "GMT", "EST", "local"... as written
    utc_offset: int | None = None  # minutes east of UTC, where the zone is known
    notes: tuple[str, ...] = ()

    def __init__(self, kind: str, text: str, span: tuple[int, int], low: int, high: int, zone: str | None = None,
                 utc_offset: int | None = None, notes: tuple[str, ...] = ()) -> None:
        _fill(self, "__dict__", {"kind": kind, "text": text, "span": span, "low": low, "high": high, "zone": zone,
                                 "utc_offset": utc_offset, "notes": notes})  # fmt: skip

    @staticmethod
    def clock(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "span": list(self.span),
            "from": self.clock(self.low),
            "to": self.clock(self.high),
            "zone": self.zone,
            "utc_offset": self.utc_offset,
            "notes": list(self.notes),
        }

    def describe(self) -> str:
        when = self.clock(self.low) if self.low == self.high else f"{self.clock(self.low)}–{self.clock(self.high)}"
        return f"{when} {self.zone}" if self.zone else when

    def in_utc(self) -> tuple[int, int] | None:
        """The interval in minutes after midnight UTC, where the zone says how to get there."""
        if self.utc_offset is None:
            return None
        return (self.low - self.utc_offset) % 1440, (self.high - self.utc_offset) % 1440


Value = Quantity | DateValue | Duration | TimeValue


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = month_end(year, month).day
    return dt.date(year, month, min(day.day, last))


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


# Ranges are immutable, and a text dense with dates names the same few months and years again and
# again: each is built once.
@lru_cache(maxsize=1024)
def month_range(year: int, month: int) -> DateRange:
    return DateRange(dt.date(year, month, 1), month_end(year, month))


@lru_cache(maxsize=1024)
def year_range(year: int) -> DateRange:
    return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
