"""Absolute dates as written ("12 October 2019", "March 2020", "2019/20", "the 1990s"), a month
without a year placed by the tense around it."""

from __future__ import annotations

import datetime as dt
import re

from factcheck.models import DateRange
from factcheck.normalize.dates.calendar import (
    _SPACES,
    AwaitsTense,
    _weekday_check,
    _year,
    academic_year,
    fin_year,
    part_of,
    season_range,
    two_figure_year,
)
from factcheck.normalize.dates.patterns import (
    _MONTH_WORDS,
    _POSITION_WORDS,
    _SEASON_WORDS,
    BARE_MONTH,
    BARE_MONTH_WORDS,
    DAY_MONTH,
    DAY_WORD_GATE,
    DAY_WORDS,
    DECADE,
    FIN_YEAR,
    FIN_YEAR_CORE,
    FY_CODE,
    ISO_DAY,
    MONTH_DAY,
    MONTH_SPAN_YEAR,
    MONTH_WORD_DAY,
    MONTH_YEAR,
    MONTHS,
    PART_BEFORE,
    PART_YEAR,
    QUARTER,
    SEASON_YEAR,
    WEEKDAYS,
    WORD_DAY_MONTH,
    YEAR,
    YEAR_WORD_GATE,
    Rule,
    before_common_era,
    count_follows,
    counted_after,
    days_beside_months,
    modal_may,
    modal_may_without_year,
    year_group,
    year_in_words,
)
from factcheck.normalize.numbers import Scan, matches_at_words, word_set
from factcheck.normalize.values import (
    DateValue,
    month_end,
    month_range,
    year_range,
)


def _year_for(month: int, ref: dt.date, tense: str | None, day: int = 1) -> int:
    """The year of a month (and day) written without one, as seen from ref in the given tense."""
    if tense == "past":
        return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    if tense == "future":
        return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    return ref.year


def _day_candidate(m: re.Match[str], scan: Scan) -> DateValue | None:
    """The date a match of a day and a month stands for (its day in figures, "d", or in words, "dw")."""
    text = scan.text
    month = MONTHS[m.group("m")]
    d = DAY_WORDS[_SPACES("-", m.group("dw"))] if "dw" in m.re.groupindex else int(m.group("d"))
    wd = m.group("wd") if "wd" in m.re.groupindex else None
    if not 1 <= d <= 31:
        return None
    year = _stated_year(m)
    if year:
        try:
            day = dt.date(year, month, d)
        except ValueError:
            return None
        return DateValue("date", text[m.start() : m.end()], m.span(), DateRange.day(day), "day",
                         notes=_weekday_check(wd, day))  # fmt: skip

    def made(tense: str | None) -> tuple[Rule, tuple[str, ...]]:
        def rule(ref: dt.date) -> DateRange:
            year = _year_for(month, ref, tense, min(d, 28))
            if wd:  # the weekday names the year: the nearest one to the reference that fits
                for y in (ref.year, ref.year - 1, ref.year + 1, ref.year - 2, ref.year + 2):
                    try:
                        if dt.date(y, month, d).weekday() == WEEKDAYS[wd.lower()]:
                            year = y
                            break
                    except ValueError:
                        continue
            try:
                return DateRange.day(dt.date(year, month, d))
            except ValueError:
                return DateRange.day(month_end(year, month))

        return rule, ("year from the weekday" if wd else _year_note(tense),)

    if wd:  # no tense needed
        rule, notes = made(None)
        return DateValue("date", text[m.start() : m.end()], m.span(), None, "day", True, notes, rule)
    return DateValue("date", text[m.start() : m.end()], m.span(), None, "day", True, (), AwaitsTense(scan, made))


def _stated_year(m: re.Match[str]) -> int:
    """The year a match of a day and a month states, in figures or in words; 0 where it states none."""
    group = year_group(m)
    if group == "yw":
        return year_in_words(m.group("yw")) or 0
    return int(m.group("y")) if group else 0


def _counted_year(text: str, m: re.Match[str]) -> bool:
    """Whether what a match took as its year is a count: what it counts follows ("on 3 March 1500
    workers", "on the first of May two thousand people"). See counted_after."""
    group = year_group(m)
    if group == "yw":
        return count_follows(text, m.end("yw"))
    return group == "y" and counted_after(text, m)


def _without_year(rx: re.Pattern[str], low: str, m: re.Match[str]) -> re.Match[str]:
    """m read again up to the figure it took as a year: the day and month alone."""
    again = rx.match(low, m.start(), m.start(year_group(m) or "y"))
    assert again is not None  # the year is optional in each pattern that calls this
    return again


def _day_of(rx: re.Pattern[str], m: re.Match[str], scan: Scan) -> DateValue | None:
    """The date a match of rx, a day and a month with an optional year, stands for: without the year where
    that is a count ("on 3 March 1500 workers"), and none where its "may" is the verb ("17 may well leave")."""
    if _counted_year(scan.text, m):
        m = _without_year(rx, scan.lower, m)
    return None if modal_may_without_year(m, scan.text) else _day_candidate(m, scan)


def _year_note(tense: str | None) -> str:
    if tense == "past":
        return "no year: the most recent one up to the reference date (past tense)"
    if tense == "future":
        return "no year: the next one from the reference date (future tense)"
    return "no year: taken from the reference date"


_FY_MONEY = frozenset(
    {
        "budget",
        "budgets",
        "spend",
        "spending",
        "spent",
        "overspend",
        "overspent",
        "deficit",
        "surplus",
        "revenue",
        "tax",
        "accounts",
        "funding",
        "financial",
        "fiscal",
        "savings",
        "cost",
        "costs",
        "profit",
        "profits",
        "loss",
        "losses",
    }
)
_FY_SCHOOL = frozenset(
    {"academic", "school", "schools", "pupils", "students", "term", "university", "exam", "exams", "teachers", "season"}
)


def _split_year(m: re.Match[str], text: str) -> DateValue | None:
    """ "2019/20", "2019-20": a financial or an academic year, told apart by the words around it."""
    a, b = int(m.group("a")), m.group("b")
    bn = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
    if bn != a + 1:
        return None
    kind = (m.group("kind") or "").lower()
    if "academic" in kind or "school" in kind:
        return DateValue("date", text[m.start() : m.end()], m.span(), academic_year(a), "academic_year")
    if kind:
        return DateValue("date", text[m.start() : m.end()], m.span(), fin_year(a), "financial_year")
    around = word_set(text[max(0, m.start() - 80) : m.end() + 80]) | (
        {"financial"} if "£" in text or "$" in text else set()
    )
    money, school = bool(around & _FY_MONEY), bool(around & _FY_SCHOOL)
    if money and not school:
        return DateValue("date", text[m.start() : m.end()], m.span(), fin_year(a), "financial_year",
                         notes=("read as a financial year (April to March) from the words around it",))  # fmt: skip
    if school and not money:
        return DateValue("date", text[m.start() : m.end()], m.span(), academic_year(a), "academic_year",
                         notes=("read as an academic year (September to August) from the words around it",))  # fmt: skip
    fy, ay = fin_year(a), academic_year(a)
    return DateValue("date", text[m.start() : m.end()], m.span(), fy.union(ay), "year_span",
                     notes=("ambiguous: a financial year (April to March) or an academic year (September to August)",),
                     readings=(fy, ay))  # fmt: skip


_QUARTER_WORDS = frozenset({"q", "quarter"})
# the gate of MONTH_SPAN_YEAR: two words joined by a dash or slash ("june-august", "jan.-mar."), led by
# the dash so that the engine skips to each dash (led by a letter, it tried nearly every place)
_MONTHS_JOINED = re.compile(r"[-–—/](?:(?<=[a-z.].)|(?<=[a-z.]\s.))\s?[a-z]").search


def absolute_dates(text: str | Scan) -> list[DateValue]:
    """Every date written out in text; those lacking a year carry a rule to take it from the reference."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words, has_digit, has_year = scan.text, scan.lower, scan.words, scan.has_digit, scan.has_year
    months = not words.isdisjoint(_MONTH_WORDS)
    out: list[DateValue] = []
    day_month, month_day = days_beside_months(low, words & _MONTH_WORDS) if has_digit and months else (False, False)
    day_words = months and not words.isdisjoint(DAY_WORD_GATE)
    with_of = day_words and "of" in words
    for rx in (DAY_MONTH,) * day_month + (MONTH_DAY,) * month_day + (WORD_DAY_MONTH,) * with_of:
        for m in rx.finditer(low):
            cand = _day_of(rx, m, scan)
            if cand:
                out.append(cand)
    # (a month's name leads every match, as a whole word, and a year ends it: in figures or in words)
    said_day = day_words and (has_year or not words.isdisjoint(YEAR_WORD_GATE))
    for m in matches_at_words(MONTH_WORD_DAY.match, low, low, words & _MONTH_WORDS) if said_day else ():
        if _counted_year(text, m):  # its year is no optional part: a count there leaves no date
            continue
        cand = _day_candidate(m, scan)
        if cand:
            out.append(cand)
    for m in ISO_DAY.finditer(text) if has_year and "-" in text else ():
        try:
            day = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        except ValueError:
            continue
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), DateRange.day(day), "day"))
    for m in MONTH_SPAN_YEAR.finditer(low) if months and has_year and _MONTHS_JOINED(low) else ():
        m1, m2, y = MONTHS[m.group("m1")], MONTHS[m.group("m2")], int(m.group("y"))
        if modal_may(m, text, "m1") or counted_after(text, m):
            continue
        first = month_range(y if m1 < m2 else y - 1, m1)  # "Nov-Feb 2020": from the November before
        ends = (first, month_range(y, m2))
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), DateRange(first.start, ends[1].end), "range",
                             notes=("a span",), ends=ends))  # fmt: skip
    # (a month's name leads every match, as a whole word: tried only where the text's month words stand)
    for m in matches_at_words(MONTH_YEAR.match, low, low, words & _MONTH_WORDS) if months and has_year else ():
        if counted_after(text, m):
            continue
        out.append(DateValue("date", text[m.start() : m.end()], m.span(),
                             month_range(int(m.group("y")), MONTHS[m.group("m").lower()]), "month"))  # fmt: skip
    for m in FIN_YEAR.finditer(low) if has_year and ("/" in text or "-" in text or "–" in text) and FIN_YEAR_CORE(low) else ():
        cand = _split_year(m, text)
        if cand:
            out.append(cand)
    for m in FY_CODE.finditer(text) if has_digit and "FY" in text else ():
        y = _year(m.group("y"))
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), fin_year(y - 1), "financial_year",
                             notes=(f"read as the UK financial year ending in {y} (April to March)",)))  # fmt: skip
    for m in QUARTER.finditer(low) if has_year and not words.isdisjoint(_QUARTER_WORDS) else ():
        if m.group("q"):
            q, y = int(m.group("q")), int(m.group("y"))
        else:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[m.group("qw").lower()]
            y = int(m.group("y2"))
        out.append(DateValue("date", text[m.start() : m.end()], m.span(),
                             DateRange(dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)), "quarter"))  # fmt: skip
    for m in SEASON_YEAR.finditer(low) if has_year and not words.isdisjoint(_SEASON_WORDS) else ():
        y = int(m.group("y"))
        if m.group("s").lower() == "winter":  # the winter that ends in y, or the one that starts in it
            before, after = season_range("winter", y - 1), season_range("winter", y)
            out.append(DateValue("date", text[m.start() : m.end()], m.span(), before.union(after), "season",
                                 notes=(f"ambiguous: the winter of {y - 1}–{y % 100:02d} or of {y}–{(y + 1) % 100:02d}",),
                                 readings=(before, after)))  # fmt: skip
            continue
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), season_range(m.group("s"), y), "season"))
    for m in PART_YEAR.finditer(low) if has_year and not words.isdisjoint(_POSITION_WORDS) else ():
        y = int(m.group("y"))
        base = month_range(y, MONTHS[m.group("m2").lower()]) if m.group("m2") else year_range(y)
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), part_of(base, m.group("pos")), "part"))
    for m in DECADE.finditer(low) if has_digit and "0s" in text else ():
        d0 = int(m.group("d") or m.group("dd"))
        if d0 < 100:  # "the '90s": the century is the one the pattern allows ('30s to '90s, '00s, '10s)
            d0 = two_figure_year(d0)
        decade = part_of(DateRange(dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31)), m.group("pos"))
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), decade, "decade"))
    for m in YEAR.finditer(text) if has_year else ():
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), year_range(int(m.group("y"))), "year"))
    out = before_common_era(text, words, out)
    return out + _bare_months(scan) if months else out


_DATE_WORD_BEFORE = re.compile(r"\b(in|since|by|until|till|from|of|early|late|mid|before|after|during|between)\s+$").search
_JOIN_WORD_BEFORE = re.compile(r"\b(and|to|through|or)\s+$").search


def _bare_months(scan: Scan) -> list[DateValue]:
    """ "in December": a month with no year, its year guessed from the tense around it."""
    text = scan.text
    out: list[DateValue] = []
    parts = not scan.words.isdisjoint(_POSITION_WORDS)  # "early", "mid", "end"...: a part may be named
    for m in matches_at_words(BARE_MONTH.match, text, scan.lower, scan.words & BARE_MONTH_WORDS):
        name = m.group("m")
        # a part of the month: "early June", "mid-March", "the end of May" (the words before are in the value)
        part = PART_BEFORE.search(text[max(0, m.start() - 20) : m.start()].lower()) if parts and m.start() else None
        if name in ("May", "March") and part is None:  # also verbs: only after a word that introduces a date
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if not _DATE_WORD_BEFORE(before):
                # "and May", "to March": a date only as the end of a span of months
                wider = text[max(0, m.start() - 30) : m.start()].lower()
                if not (_JOIN_WORD_BEFORE(before) and word_set(wider) & _MONTH_WORDS):
                    continue
        month = MONTHS[name.lower()]
        pos = part.group("pos") if part else None
        start = m.start() - (len(part.group(0)) if part else 0)

        def made(tense: str | None, month: int = month, pos: str | None = pos) -> tuple[Rule, tuple[str, ...]]:
            def rule(ref: dt.date) -> DateRange:
                # a whole month: in the past tense the last one begun, in the future the first not yet over
                return part_of(month_range(_year_for(month, ref, tense, 1 if tense != "future" else 31), month), pos)

            return rule, (_year_note(tense),)

        out.append(DateValue("date", text[start : m.end()], (start, m.end()), None, "month" if pos is None else "part",
                             True, (), AwaitsTense(scan, made)))  # fmt: skip
    return out
