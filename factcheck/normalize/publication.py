"""When was a source published? Inferred from its own text, with the evidence written down.

A new source needs a publication date before its relative dates ("last September") mean
anything. The evidence, strongest first:
- a dateline near the top: a line that is mostly a full date ("Tuesday, 7th July 2020, 11:01 am");
- an "Updated ..." line: published on or before it;
- dated reader comments: published on or before the first of them;
- a weekday written with a date but no year ("Friday, October 25"): the years it fits, and the
  tense of its sentence says whether the piece was written before or after it.
Every inference is a proposal for a person to confirm; none is ever written as reviewed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.models import DateRange
from factcheck.normalize import parse
from factcheck.normalize.values import DateValue
from factcheck.text.tense import tense_near

HEAD_LINES = 12  # a dateline sits in the first lines of a piece
COMMENT_WINDOW = 7  # days before the first dated comment assumed to hold the publication
WEEKDAY_WINDOW = 62  # days between a piece and a weekday-date it mentions without a year
_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|amended)\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"^\s*(?:published|posted|first published|date[d]?)\b", re.IGNORECASE)
_COMMENT = re.compile(r"(?:\d{1,2}:\d{2}\s*(?:am|pm)?|\bat\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm))", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


@dataclass(frozen=True)
class Publication:
    """A proposed publication date (or range) and why; `published` is None when nothing dates it."""

    published: DateRange | None
    evidence: tuple[str, ...]


def _day_dates(line: str, ref: DateRange | None = None) -> list[DateValue]:
    return [
        v for v in parse(line, ref)
        if isinstance(v, DateValue) and v.range is not None and v.range.is_day and not v.ambiguous
    ]  # fmt: skip


def _short(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= 80 else line[:79] + "…"


def infer_publication(text: str, today: dt.date | None = None) -> Publication:
    """The publication date or range a source's text supports, with one evidence line per clue."""
    today = today or dt.date.today()
    lines = text.splitlines()
    low, high = DateRange.EARLIEST, DateRange.LATEST
    evidence: list[str] = []
    for number, line in enumerate(lines[:HEAD_LINES], start=1):
        dates = _day_dates(line)
        if not dates:
            continue
        date = dates[0]
        covered = len(date.text) / max(1, len(re.sub(r"[\s\d:.,apm]+$", "", line.strip(), flags=re.IGNORECASE)))
        assert date.range is not None
        if _UPDATED.match(line):
            high = min(high, date.range.end)
            evidence.append(f'Line {number}, "{_short(line)}": published on or before {date.range.human()}.')
        elif _PUBLISHED.match(line) or covered >= 0.6:
            return Publication(date.range, (f'Dateline, line {number}: "{_short(line)}".',))
    comments = [
        (n, line, dates[0]) for n, line in enumerate(lines, start=1)
        if n > HEAD_LINES and _COMMENT.search(line) and (dates := _day_dates(line))
    ]  # fmt: skip
    if comments:
        n, line, first = min(comments, key=lambda c: c[2].range.start if c[2].range else dt.date.max)
        assert first.range is not None
        if first.range.end < high:
            high = first.range.end
            evidence.append(f"The first dated reader comment, line {n} (\"{_short(line)}\"): published on or "
                            f"before {first.range.human()}.")  # fmt: skip
    low, high, clues = _weekday_dates(text, low, high, today)
    evidence.extend(clues)
    if high == DateRange.LATEST and low == DateRange.EARLIEST:
        return Publication(None, tuple(evidence) or ("No dateline, dated comment or dated weekday found.",))
    if low == DateRange.EARLIEST:
        low = high - dt.timedelta(days=COMMENT_WINDOW)
        evidence.append(f"Assumed written within {COMMENT_WINDOW} days before that: check it.")
    if high == DateRange.LATEST:
        high = min(today, low + dt.timedelta(days=WEEKDAY_WINDOW))
    return Publication(DateRange(low, max(low, high)), tuple(evidence))


def _weekday_dates(text: str, low: dt.date, high: dt.date, today: dt.date) -> tuple[dt.date, dt.date, list[str]]:
    """Bounds from "Friday, October 25" written without a year: the years in which it fits, near the
    years the piece names, and before or after it by the tense of its sentence."""
    years = {int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text) if int(y) <= today.year + 1}
    clues: list[str] = []
    for m in _WEEKDAY.finditer(text):
        window = text[m.start() : m.start() + 40]
        if re.search(r"\b(?:19|20)\d\d\b", window):
            continue  # the year is written: a dateline or a plain date, read elsewhere
        written = _day_dates(window, DateRange.day(today))
        if not written or written[0].span[0] != 0:
            continue
        date = written[0]
        if date.range is None:
            continue
        month, mday = date.range.start.month, date.range.start.day
        weekday = _WEEKDAYS.index(m.group().lower()[:3])
        fits = sorted(y for y in years | {y - 1 for y in years} if _weekday_of(y, month, mday) == weekday)
        if len(fits) != 1:
            continue
        date = date.with_range(DateRange.day(dt.date(fits[0], month, mday)), date.notes)
        assert date.range is not None
        day = date.range.start
        tense = tense_near(text, m.start(), m.start() + len(date.text))
        line = text.count("\n", 0, m.start()) + 1
        if tense == "future":
            high = min(high, day - dt.timedelta(days=1))
            clues.append(f"Line {line}: \"{date.text}\" fits only {day.year} near the years the piece names, and is "
                         f"in the future tense: written before {date.range.human()}.")  # fmt: skip
            low = max(low, day - dt.timedelta(days=WEEKDAY_WINDOW)) if low == DateRange.EARLIEST else low
        elif tense == "past":
            low = max(low, day)
            clues.append(f"Line {line}: \"{date.text}\" fits only {day.year} and is in the past tense: "
                         f"written on or after {date.range.human()}.")  # fmt: skip
    return low, high, clues
