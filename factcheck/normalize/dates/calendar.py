"""Calendar arithmetic: weeks, months, UK financial and academic years, seasons, parts of a
period, and applying a relative rule to a reference range."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from factcheck.models import DateRange
from factcheck.normalize.dates.patterns import FY_START_MONTH, MONTHS, SEASONS, UNIT_DAYS, WEEKDAYS, Rule
from factcheck.normalize.numbers import UNICODE_FRACTIONS, VAGUE, Scan, words_to_number
from factcheck.normalize.values import (
    DateValue,
    add_months,
    month_end,
    month_range,
    year_range,
)

_SPACES = re.compile(r"\s+").sub  # compiled once: re.sub looks its pattern up in a cache on every call


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def two_figure_year(yy: int) -> int:
    """The year an apostrophe's two figures say where nothing nearer names the century ("the '90s", "since
    '82"): '30 to '99 in the 1900s, '00 to '29 in the 2000s."""
    return yy + (1900 if yy >= 30 else 2000)


def _unit(word: str) -> str:
    return word.lower().rstrip("s") if word.lower() != "hours" else "hour"


# the denominator of each fraction character ("¾": 4)
_DENOMINATORS = {ch: next(d for d in range(2, 9) if abs(v * d - round(v * d)) < 1e-9) for ch, v in UNICODE_FRACTIONS.items()}


_ARTICLES = ("a", "an")


def fraction_count(word: str) -> tuple[float, int] | None:
    """A count written with a fraction and the fraction's denominator: "3/4" → (0.75, 4), "2 1/2" →
    (2.5, 2), "2½" → (2.5, 2), "a 1/2" → (0.5, 2). None for any other count, and for a slash that is
    no fraction ("24/7")."""
    parts = word.split()
    if not parts or len(parts) > 2 or (len(parts) == 2 and not parts[0].isdigit() and parts[0].lower() not in _ARTICLES):
        return None
    whole = int(parts[0]) if len(parts) == 2 and parts[0].isdigit() else 0
    last = parts[-1]
    if "/" in last:
        num, _, den = last.partition("/")
        if not (num.isdigit() and den.isdigit()) or not 0 < int(num) < int(den):
            return None
        return whole + int(num) / int(den), int(den)
    end = last[-1]
    if end in UNICODE_FRACTIONS and whole == 0 and (len(last) == 1 or last[:-1].isdigit()):
        return (int(last[:-1]) if len(last) > 1 else 0) + UNICODE_FRACTIONS[end], _DENOMINATORS[end]
    return None


def not_a_fraction(word: str | None) -> bool:
    """Whether a count that a pattern read as a fraction in figures is none ("24/7 days")."""
    return word is not None and "/" in word and fraction_count(word) is None


def _count(word: str | None, plural: bool) -> tuple[float, float]:
    """How many units: "three" → 3, "a" → 1, "a few" → 2–5, "2 1/2" → 2.5, none and plural ("days") → 2–6."""
    if word is None:
        return (2.0, 6.0) if plural else (1.0, 1.0)
    w = _SPACES(" ", word.lower().strip())
    if w in ("a", "an"):
        return 1.0, 1.0
    fraction = fraction_count(w) if "/" in w or w[-1:] in UNICODE_FRACTIONS else None
    if fraction is not None:
        return fraction[0], fraction[0]
    if w in VAGUE:
        return VAGUE[w]
    if w in ("few",):
        return VAGUE["a few"]
    try:
        n = float(w.replace(",", ""))  # "5,000"
    except ValueError:
        n = words_to_number(w) or 1.0
    return n, n


def duration_days(word: str | None, unit_word: str) -> tuple[float, float]:
    """Days an amount of time covers. A count of weeks or longer is rounded to half a unit, or to half
    the fraction it is written with."""
    unit = _unit(unit_word)
    lo, hi = _count(word, unit_word.lower().endswith("s"))
    days = UNIT_DAYS[unit]
    slack = 0.5 if unit not in ("hour", "day") and lo == hi and lo >= 1 else 0.0
    fraction = fraction_count(word) if word and not lo.is_integer() and lo == hi else None
    if fraction is not None:  # "2 1/2 years": to half its fraction ("2¾ years": to an eighth of a year)
        slack = 0.5 / fraction[1] if unit not in ("hour", "day") else 0.0
    return max(0.0, (lo - slack) * days), (hi + slack) * days


def resolve(rule: Rule, ref: DateRange) -> DateRange:
    """Apply a relative rule to every day of a reference range, as the union of both ends."""
    first = rule(ref.start)
    if ref.is_day:
        return first
    return first.union(rule(ref.end))


class AwaitsTense:
    """The rule and notes of a date written without its year ("in December", "on 3 May"), made once
    the tense of its sentence is known. A tense is the costliest thing such a date needs, and many
    of them are the month inside a longer date that wins ("19 December 2013"): the tense is worked
    out only for the values parse keeps (by `settle`, as they are resolved)."""

    __slots__ = ("scan", "make")

    def __init__(self, scan: Scan, make: Callable[[str | None], tuple[Rule, tuple[str, ...]]]) -> None:
        self.scan = scan
        self.make = make  # tense -> (rule, notes)

    def settle(self, value: DateValue) -> DateValue:
        """value with the rule and the notes its tense gives."""
        rule, notes = self.make(self.scan.tense_at(*value.span))
        return DateValue(value.kind, value.text, value.span, value.range, value.granularity, value.relative, notes,
                         rule, value.readings, value.ends)  # fmt: skip


def _week(day: dt.date, shift: int = 0) -> DateRange:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
    return DateRange(monday, monday + dt.timedelta(days=6))


def _month(day: dt.date, shift: int = 0) -> DateRange:
    first = add_months(day.replace(day=1), shift)
    return month_range(first.year, first.month)


def fin_year(start_year: int) -> DateRange:
    return DateRange(
        dt.date(start_year, FY_START_MONTH, 1), dt.date(start_year + 1, FY_START_MONTH, 1) - dt.timedelta(days=1)
    )


def _fin_year_of(day: dt.date, shift: int = 0) -> DateRange:
    start_year = day.year if day.month >= FY_START_MONTH else day.year - 1
    return fin_year(start_year + shift)


def academic_year(start_year: int) -> DateRange:
    return DateRange(dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31))


def season_range(name: str, year: int) -> DateRange:
    a, b = SEASONS[name.lower()]
    if a > b:  # winter runs into the next year
        return DateRange(dt.date(year, a, 1), month_end(year + 1, b))
    return DateRange(dt.date(year, a, 1), month_end(year, b))


def part_of(span: DateRange, pos: str | None) -> DateRange:
    """Early, mid or late: the first, middle or last third of a span (by months when whole)."""
    if not pos:
        return span
    pos = _SPACES(" ", pos.lower()).removesuffix(" of")
    whole_months = span.start.day == 1 and (span.end + dt.timedelta(days=1)).day == 1
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    if whole_months and months >= 3 and months % 3 == 0:
        k = months // 3
        first_end = add_months(span.start, k) - dt.timedelta(days=1)
        last_start = add_months(span.start, 2 * k)
        parts = {
            "early": DateRange(span.start, first_end),
            "mid": DateRange(first_end + dt.timedelta(days=1), last_start - dt.timedelta(days=1)),
            "late": DateRange(last_start, span.end),
        }
    else:
        third = max(1, span.days // 3)
        parts = {
            "early": DateRange(span.start, span.start + dt.timedelta(days=third - 1)),
            "mid": DateRange(span.start + dt.timedelta(days=third), span.end - dt.timedelta(days=third)),
            "late": DateRange(span.end - dt.timedelta(days=third - 1), span.end),
        }
    if pos in ("early", "start", "beginning"):
        return parts["early"]
    if pos in ("late", "end"):
        return parts["late"]
    if pos == "turn":
        half = max(1, span.days // 6)
        return DateRange(span.start - dt.timedelta(days=half), span.start + dt.timedelta(days=half))
    return parts["mid"]


def _calendar_unit(unit: str, day: dt.date, shift: int) -> DateRange:
    unit = _SPACES(" ", unit.lower())
    if unit == "week":
        return _week(day, shift)
    if unit == "weekend":
        sat = _week(day, shift).start + dt.timedelta(days=5)
        return DateRange(sat, sat + dt.timedelta(days=1))
    if unit == "fortnight":
        return _week(day, shift * 2).union(_week(day, shift * 2 + 1))
    if unit == "month":
        return _month(day, shift)
    if unit == "quarter":
        q = (day.month - 1) // 3 + shift
        y, q = day.year + q // 4, q % 4
        return DateRange(dt.date(y, q * 3 + 1, 1), month_end(y, q * 3 + 3))
    if unit in ("financial year", "fiscal year"):
        return _fin_year_of(day, shift)
    if unit in ("academic year", "school year"):
        start = day.year if day.month >= 9 else day.year - 1
        return academic_year(start + shift)
    if unit == "decade":
        d0 = day.year // 10 * 10 + 10 * shift
        return DateRange(dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31))
    return year_range(day.year + shift)


def _named_rule(rel: str, name: str, tense: str | None = None) -> Rule:
    """ "last March", "next Friday", "this spring". "this" reads by the tense of its sentence when
    there is one: the nearest such day, month or season on or after the reference in the future
    tense ("will sign this Friday"), on or before it in the past ("was signed this Monday"); with no
    tense, the one in the reference's own week, or year."""
    rel = _SPACES(" ", rel.lower())
    key = name.lower()
    if rel == "this" and tense in ("future", "past"):
        rel = "this coming" if tense == "future" else "this past"
        inclusive = True
    else:
        inclusive = False

    def rule(day: dt.date) -> DateRange:
        if key in MONTHS:
            month = MONTHS[key]
            if rel in ("last", "this past"):
                year = day.year if month < day.month or (inclusive and month == day.month) else day.year - 1
            elif rel in ("next", "this coming"):
                year = day.year if month > day.month or (inclusive and month == day.month) else day.year + 1
            else:
                year = day.year
            return month_range(year, month)
        if key in SEASONS:
            this = season_range(key, day.year if not (key == "winter" and day.month <= 2) else day.year - 1)
            if rel in ("last", "this past"):
                begun = this.start <= day if inclusive else this.end < day
                return this if begun else season_range(key, this.start.year - 1)
            if rel in ("next", "this coming"):
                not_over = this.end >= day if inclusive else this.start > day
                return this if not_over else season_range(key, this.start.year + 1)
            return this
        wd = WEEKDAYS[key]
        delta = wd - day.weekday()
        if rel in ("last", "this past"):
            delta = delta - 7 if delta > 0 or (delta == 0 and not inclusive) else delta
        elif rel in ("next", "this coming"):
            delta = delta + 7 if delta < 0 or (delta == 0 and not inclusive) else delta
        return DateRange.day(day + dt.timedelta(days=delta))

    return rule


def _weekday_check(wd: str | None, day: dt.date) -> tuple[str, ...]:
    if not wd:
        return ()
    want = WEEKDAYS[wd.lower()]
    if day.weekday() != want:
        return (f"weekday mismatch: {day.isoformat()} is a {day:%A}, not a {wd.capitalize()}",)
    return ()
