"""Dates written in figures or counted in large units: "14/09/2018", "14.09.2018", "2018-07",
"7/2012", "20180914", "2019 August", years before 1800 after a word that introduces a date, alone in
parentheses or in a span ("from 1550 to 1620"), a year after "circa", years said in words ("nineteen
ninety-two"), centuries, and quarters and halves of a year.

Numeric day and month are read day first, as British copy writes them; where the other order
also makes a date, a note says so. (The value is the day-first day alone, not an interval over both
readings: a reporter reading "03/04/2019" in British copy means 3 April.)
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.models import DateRange
from factcheck.normalize.dates.calendar import _calendar_unit, _year, part_of, two_figure_year
from factcheck.normalize.dates.patterns import (
    _M,
    _TEENS,
    _TENS,
    MONTHS,
    YEAR,
    YEAR_PAIR,
    YEAR_THOUSAND,
    YEAR_WORD_GATE,
    before_common_era,
    count_follows,
    counted_after,
    modal_may,
    year_in_words,
)
from factcheck.normalize.numbers import ORDINALS, Scan
from factcheck.normalize.values import DateValue, month_end, month_range, year_range

# Those led by a year check the character before it after its first digit, as YEAR in patterns.py does.
# 14/09/2018, 14.09.2018, 14-09-18: day, month, year with one separator used twice.
DMY = re.compile(r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-]|[.,]\d)")
# 2018/09/14, 2018.09.14
YMD = re.compile(
    r"(?P<y>(?:1(?<![\w./-]1)[6-9]|2(?<![\w./-]2)0)\d\d)(?P<sep>[/.])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\w/]|[.,]\d)"
)
# 20180914: eight digits that make a valid day between 1600 and 2099 (a stop or comma may follow, as at
# the end of a sentence, but not a decimal part or a file's extension)
COMPACT = re.compile(r"(?P<y>(?:1(?<![\w.,-]1)[6-9]|2(?<![\w.,-]2)0)\d\d)(?P<mo>[01]\d)(?P<d>[0-3]\d)(?![\w-]|[.,]\w)")
# 2018-07 (year and month), 7/2012 and 07/2012 (month and year)
YEAR_MONTH_NUM = re.compile(r"(?P<y>(?:1(?<![\w./-]1)[6-9]|2(?<![\w./-]2)0)\d\d)-(?P<mo>0[1-9]|1[0-2])(?![\w/-]|[.,]\d)")
MONTH_YEAR_NUM = re.compile(r"(?<![\w./-])(?P<mo>0?[1-9]|1[0-2])/(?P<y>(?:1[6-9]|20)\d\d)(?![\w/-]|[.,]\d)")
# 2001-2005, 1990–95: a span of years (one year apart is a financial or academic year, read elsewhere)
YEAR_SPAN = re.compile(
    r"(?P<a>1(?<![\w.,/-]1)[0-9]\d\d|2(?<![\w.,/-]2)0\d\d)\s?[-–—]\s?(?P<b>1[0-9]\d\d|20\d\d|\d\d)(?![\w%/-]|[.,]\d)"
)
# 3-Jun-2019, 03-Jun-19, 3/Jun/2019: a day, a month's name and a year joined by one separator used twice
DAY_MON_YEAR = re.compile(
    rf"(?<![\w./-])(?P<d>[0-3]?\d)(?P<sep>[-/])(?P<m>{_M})\.?(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/-]|[.,]\d)"
)
# Jan-15-2020, Sept/3/2019, march-7-2021: a month's name, a day and a year, in the other order
MON_DAY_YEAR = re.compile(
    rf"\b(?P<m>{_M})\.?(?P<sep>[-/])(?P<d>[0-3]?\d)(?P=sep)(?P<y>(?:1[6-9]|20)\d\d)(?![\w/-]|[.,]\d)"
)
# the gate of these: a figure and a letter joined by a hyphen or slash ("3-jun", "jun-2019", "sept/3")
_NAME_JOINED = re.compile(r"[-/](?:(?<=[0-9].)[a-z]|(?<=[a-z.].)[0-9])").search  # led by the separator
# June-2019, Sept-2020 (not "Jun-19": that may be the 19th)
MONTH_DASH_YEAR = re.compile(rf"\b(?P<m>{_M})\.?-(?P<y>(?:1[6-9]|20)\d\d)(?![\w/-]|[.,]\d)")
# 2019 August
YEAR_THEN_MONTH = re.compile(rf"(?P<y>(?:1(?<!\w1)[6-9]|2(?<!\w2)0)\d\d)\s+(?P<m>{_M})\b(?!\s+\d)")
# A year before 1800 is a date only after a word that introduces one ("in 1620", "born 1537").
# (The "1" comes first, the check on the character before it after, so the engine can skip to each "1".)
OLD_YEAR = re.compile(r"(?P<y>1(?<![\w.,]1)[0-7]\d\d)(?![\w%]|[,.]\d)")
_DATE_WORD_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|around|circa|c\.|born|died|before|after|during|towards?|between|and|to"
    r"|year|early|late|mid)[\s-]+$"
)
# "since '82", "the class of '98", "by ’99": a year of two figures after an apostrophe, read after a word
# that introduces a date only (a quotation may open on a figure: "he said '15 more'"). Its century: that
# of the year in full the text last wrote before it, the nearest ("in 1894 ... and '95"); without one, as a
# decade so written is read ("the '90s"): '30 to '99 in the 1900s, '00 to '29 in the 2000s
SHORT_YEAR = re.compile(r"['\u2018\u2019](?P<yy>\d\d)(?![\w%'\u2018\u2019]|[.,]\d)")
# "AD 79", "A.D. 410", "79 AD", "1066 CE": a year of any size with its era written beside it (in
# capitals or with stops: "ad" alone is an advertisement)
ERA_YEAR = re.compile(
    r"(?:\bAD|\b[Aa]\.[Dd]\.)\s?(?P<y>[1-9]\d{0,3})(?![\w%]|[,.]\d)"
    r"|(?P<y2>[1-9](?<![\w.,]\d)\d{0,3})\s?(?:AD|CE|[Aa]\.[Dd]\.|[Cc]\.[Ee]\.)(?!\w)"
)


# "as early as 1675", "so late as 1780": "early" and "late" with "as" between them and the year
_AS_EARLY_AS = re.compile(r"\b(?:as|so)\s+(?:early|late)\s+as\s+$")
# "(1759)", "( 1612 )", "(1740 or 1741)": a figure alone in parentheses, or two joined by "or", as history
# writes the year of what it names ("(1500 people)" holds more than a figure)
PAREN_YEARS = re.compile(r"\(\s*(?P<y>1(?<!\d1)[0-7]\d\d)(?:\s+or\s+(?P<y2>1\d\d\d))?\s*\)")
_YEAR_ENDS = r"(?![\w%]|[,.]\d)"
# "c. 1450", "ca. 1620", "circa 1290", "c.1700": about that year (not before what a count names: "circa
# 1500 people"); the figures' reader reads the hedge with a count, so the date takes it too
CIRCA_YEAR = re.compile(rf"c(?<!\wc)(?:a?\.|irca\b)\s?(?P<y>1(?<!\d1)\d{{3}}|2(?<!\d2)0\d\d){_YEAR_ENDS}")
# "from 1550 to 1620", "between 1400 and 1450": a span of years, the first before 1800 (from 1800 the
# figures' reader leaves two years to the dates), unless a count or a measure follows ("from 1500 to 3000
# feet", "between 1200 and 1500 people")
OLD_YEAR_SPAN = re.compile(
    r"\b(?P<lead>from|between)\s+(?P<a>1[0-7]\d\d)\s+(?P<j>to|and|until|till)\s+(?P<b>1\d\d\d|20\d\d)"
    rf"{_YEAR_ENDS}(?!\s+(?:feet|foot|ft|m|km|kg|lb|tonnes|a|an|per|each|or\s+more)\b)"
)


def _introduced(low: str, at: int) -> bool:
    """Whether a word that introduces a date ends just before at ("in ", "since ", "the year ", "as early as ")."""
    if _DATE_WORD_BEFORE.search(low, max(0, at - 9), at) is not None:
        return True
    return low.endswith("as ", 0, at) and _AS_EARLY_AS.search(low, max(0, at - 16), at) is not None


# "nineteen ninety-two", "eighteen oh five", "twenty twenty", "two thousand and eight"
YEAR_WORDS = re.compile(rf"\b(?:(?P<pair>{YEAR_PAIR})|(?:the\s+year\s+)?(?P<thousand>{YEAR_THOUSAND}))\b")
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
CENTURY = re.compile(
    rf"\b(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?(?:(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)|(?:(?P<t>twenty)[\s-]+)?(?P<w>{_ORD_WORDS}))"
    r"[\s-]+century\b"
)
_QW = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
# "the third quarter", "third-quarter", "Q3", "this year's second quarter", "the 1989 fourth quarter",
# "the first half of next year", "H1 2019"
PERIOD_OF_YEAR = re.compile(
    r"\b(?:(?P<own>this|last|next)\s+year'?s\s+|the\s+(?P<yb>\d{4})\s+|the\s+)?"
    r"(?:(?P<qw>first|second|third|fourth|final)[\s-](?P<unit>quarter|half)|q(?P<q>[1-4])|h(?P<h>[12]))\b"
    r"(?:\s+(?:of\s+)?(?:(?P<rel>this|last|next)\s+year|(?P<y>\d{4})|(?P<fy>fy\s?\d{2,4})))?"
)
# quarters and halves as results tables code them: "2Q20", "1H21", "3Q 2019", "Q3'19", "H1 '21"
PERIOD_CODE = re.compile(
    r"\b(?:(?P<n>[1-4])(?P<u>[qh])\s?['\u2019]?|(?P<u2>[qh])(?P<n2>[1-4])\s?['\u2019])(?P<y>[0-9]{2}(?:[0-9]{2})?)\b"
)
_PERIOD_CODE_WORDS = frozenset({"q", "h"})
CURRENT_PERIOD = re.compile(r"\b(?:the\s+)?(?:current|latest|present)\s+(?P<unit>quarter|year|month|week)\b")


# "[0-9][/.-][0-9]{1,2}[/.-][0-9]", led by its first separator (the figure before it looked back at): most
# text has more figures than separators, and the engine tries a match at each character that leads one
_SEPARATED = re.compile(r"[/.-](?<=[0-9][/.-])[0-9]{1,2}[/.-][0-9]").search
# Every byte a space but a digit's, which is a tab (no byte of a character outside ASCII is one).
_DIGITS_MARKED = bytes(9 if 48 <= b <= 57 else 32 for b in range(256))


def _eight_digits(text: str) -> bool:
    """Whether text has eight digits 0-9 in a row (as a search for "[0-9]{8}" says), in three steps of C
    over its bytes: a regex search, which has to look at each character in turn, cost ten times as much."""
    return b"\t\t\t\t\t\t\t\t" in text.encode("utf-8", "surrogatepass").translate(_DIGITS_MARKED)


_MONTH_WORDS = frozenset(MONTHS)


def _day(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _value(m: re.Match[str], text: str, span: DateRange, granularity: str, notes: tuple[str, ...] = (),
           readings: tuple[DateRange, ...] = (), group: int | str = 0) -> DateValue:  # fmt: skip
    s, e = m.span(group)
    return DateValue("date", text[s:e], (s, e), span, granularity, notes=notes, readings=readings)


def numeric_dates(text: str | Scan) -> list[DateValue]:
    """Every date in figures and every large period of a year that the other readers leave."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[DateValue] = []
    if scan.has_digit:
        separated = _SEPARATED(text) is not None
        for m in DMY.finditer(text) if separated else ():
            a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
            first, other = _day(y, b, a), _day(y, a, b)  # day first; month first
            if first is None and other is None:
                continue
            if first is None:
                assert other is not None
                out.append(
                    _value(m, text, DateRange.day(other), "day", ("read month first: no month is numbered over 12",))
                )
            elif other is not None and other != first:
                out.append(_value(m, text, DateRange.day(first), "day",
                                  (f"ambiguous: read day first, as British copy writes dates; month first it would be {other}",)))  # fmt: skip
            else:
                out.append(_value(m, text, DateRange.day(first), "day"))
        for m in YMD.finditer(text) if separated and scan.has_year else ():
            day = _day(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
            if day:
                out.append(_value(m, text, DateRange.day(day), "day"))
        for m in COMPACT.finditer(text) if scan.has_year and _eight_digits(text) else ():
            day = _day(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
            if day:
                out.append(_value(m, text, DateRange.day(day), "day"))
        for m in YEAR_MONTH_NUM.finditer(text) if scan.has_year and "-" in text else ():
            out.append(_value(m, text, month_range(int(m.group("y")), int(m.group("mo"))), "month"))
        for m in MONTH_YEAR_NUM.finditer(text) if scan.has_year and "/" in text else ():
            out.append(_value(m, text, month_range(int(m.group("y")), int(m.group("mo"))), "month"))
        dashed = "-" in text or "–" in text or "—" in text
        for m in YEAR_SPAN.finditer(text) if scan.has_year and dashed else ():
            a, last = int(m.group("a")), m.group("b")
            end = int(last) if len(last) == 4 else a // 100 * 100 + int(last)
            if end > a + 1:
                ends = (year_range(a), year_range(end))
                out.append(DateValue("date", m.group(0), m.span(), DateRange(ends[0].start, ends[1].end), "range",
                                     notes=("a span of years",), ends=ends))  # fmt: skip
        named = not words.isdisjoint(_MONTH_WORDS)
        joined = named and ("-" in text or "/" in text) and _NAME_JOINED(low) is not None
        for m in DAY_MON_YEAR.finditer(low) if joined else ():
            day = _day(_year(m.group("y")), MONTHS[m.group("m")], int(m.group("d")))
            if day:
                out.append(_value(m, text, DateRange.day(day), "day"))
        for m in MON_DAY_YEAR.finditer(low) if joined and scan.has_year else ():
            day = _day(int(m.group("y")), MONTHS[m.group("m")], int(m.group("d")))
            if day:
                out.append(_value(m, text, DateRange.day(day), "day"))
        for m in MONTH_DASH_YEAR.finditer(low) if joined and scan.has_year else ():
            out.append(_value(m, text, month_range(int(m.group("y")), MONTHS[m.group("m")]), "month"))
        for m in YEAR_THEN_MONTH.finditer(low) if scan.has_year and named else ():
            if modal_may(m, text):
                continue
            out.append(_value(m, text, month_range(int(m.group("y")), MONTHS[m.group("m")]), "month"))
        old = len(out)
        for m in OLD_YEAR.finditer(low) if scan.has_year else ():  # four digits in a row
            if not _introduced(low, m.start()):
                continue
            out.append(_value(m, text, year_range(int(m.group("y"))), "year", group="y"))
        if scan.has_year and "(" in text:
            out += _years_in_parentheses(text, low)
        circa = scan.has_year and not words.isdisjoint(_CIRCA_WORDS)
        for m in CIRCA_YEAR.finditer(low) if circa else ():
            if counted_after(text, m):
                continue
            out.append(_value(m, text, year_range(int(m.group("y"))), "year", ("circa: about that year",)))
        # (the first year of a span is one that "from" or "between" introduces: found above)
        for m in OLD_YEAR_SPAN.finditer(low) if len(out) > old and ("from" in words or "between" in words) else ():
            a, b, joiner = int(m.group("a")), int(m.group("b")), m.group("j")
            if b <= a or a == 1000 or (joiner == "and") != (m.group("lead") == "between") or count_follows(text, m.end()):
                continue  # "from 1000 to 2000" is a count far more often than the years
            ends = (year_range(a), year_range(b))
            out.append(DateValue("date", text[m.start() : m.end()], m.span(), DateRange(ends[0].start, ends[1].end),
                                 "range", notes=("a span of years",), ends=ends))  # fmt: skip
        quoted = "'" in text or "\u2019" in text or "\u2018" in text
        out += _short_years(scan) if quoted else ()
        # (the words of "AD", "CE", "A.D." and "C.E." as a Scan holds them: "ad", "ce", "a" and "d", "c" and "e")
        era = "ad" in words or "ce" in words or ("d" in words and "a" in words) or ("c" in words and "e" in words)
        for m in ERA_YEAR.finditer(text) if era else ():
            out.append(_value(m, text, year_range(int(m.group("y") or m.group("y2"))), "year"))
    # a year in words is two number words ("nineteen ninety-two", "twenty oh five") or "two thousand"
    pair = not words.isdisjoint(_YEAR_WORD_GATE) and not words.isdisjoint(_YEAR_WORD_SECOND)
    if pair or ("thousand" in words and "two" in words):
        for m in YEAR_WORDS.finditer(low):
            said = year_in_words(m.group(0).removeprefix("the year "))
            if said is None:
                continue
            # "two thousand people", "eleven hundred jobs": a round hundred or thousand is a count unless
            # a word that introduces a date stands before it ("in two thousand", "by nineteen hundred")
            if said % 100 == 0 and not m.group(0).startswith("the") and not _introduced(low, m.start()):
                continue
            out.append(_value(m, text, year_range(said), "year", ("a year in words",)))
    if "century" in words or "centuries" in words:
        for m in CENTURY.finditer(low):
            n = int(m.group("n")) if m.group("n") else ORDINALS.get(m.group("w") or "", 0)
            if m.group("t"):
                n += 20  # "twenty-first"
            if not 1 <= n <= 21:
                continue
            span = DateRange(dt.date(max(1, (n - 1) * 100), 1, 1), dt.date((n - 1) * 100 + 99, 12, 31))
            out.append(_value(m, text, part_of(span, m.group("pos")), "century",
                              ("a century as news counts it: the 1900s for the 20th",)))  # fmt: skip
    if not words.isdisjoint(_PERIOD_GATE):
        out.extend(_periods_of_year(scan, not words.isdisjoint(_PART_OF_YEAR), not words.isdisjoint(_CURRENT)))
    return before_common_era(text, words, out)


def _short_years(scan: Scan) -> list[DateValue]:
    """Each year of two figures after an apostrophe that a word introducing a date leads (SHORT_YEAR)."""
    text, low = scan.text, scan.lower
    out: list[DateValue] = []
    written: list[re.Match[str]] | None = None  # the years in full in text, found at the first need
    for m in SHORT_YEAR.finditer(text):
        if not _introduced(low, m.start()):
            continue
        yy = int(m.group("yy"))
        if written is None:
            written = list(YEAR.finditer(text)) if scan.has_year else []
        before = [int(w.group("y")) for w in written if w.end() <= m.start()][-1:]
        if before:
            year = min((c * 100 + yy for c in (18, 19, 20)), key=lambda y: abs(y - before[0]))
            note = f"a year of two figures: the one nearest {before[0]}, written before it"
        else:
            year = two_figure_year(yy)
            note = "a year of two figures: '30 to '99 taken as the 1900s, '00 to '29 as the 2000s"
        out.append(_value(m, text, year_range(year), "year", (note,)))
    return out


def _years_in_parentheses(text: str, low: str) -> list[DateValue]:
    """Each year before 1800 alone in parentheses (PAREN_YEARS); two joined by "or" are one date of two readings."""
    out: list[DateValue] = []
    for m in PAREN_YEARS.finditer(low):
        first = year_range(int(m.group("y")))
        if m.group("y2") is None:
            out.append(_value(m, text, first, "year", group="y"))
            continue
        second = year_range(int(m.group("y2")))
        if second.start <= first.start:
            continue
        s, e = m.start("y"), m.end("y2")
        out.append(DateValue("date", text[s:e], (s, e), first.union(second), "year",
                             notes=(f"ambiguous: {m.group('y')} or {m.group('y2')}",), readings=(first, second)))  # fmt: skip
    return out


_CIRCA_WORDS = frozenset({"c", "ca", "circa"})  # "c. 1450", "ca. 1450", "circa 1450", as a Scan's words
_YEAR_WORD_GATE = YEAR_WORD_GATE
_YEAR_WORD_SECOND = frozenset(_TENS.split("|")) | frozenset(_TEENS.split("|")) | {"oh", "hundred"}
_PART_OF_YEAR = frozenset({"quarter", "half", "q", "h"})  # what PERIOD_OF_YEAR needs
_CURRENT = frozenset({"current", "latest", "present"})  # and CURRENT_PERIOD
_PERIOD_GATE = _PART_OF_YEAR | _CURRENT
# Without figures numeric_dates needs one of these words: a year in words, a century, a part of a year
WORD_TRIGGERS = _YEAR_WORD_GATE | {"century", "centuries"} | _PERIOD_GATE


def _quarter(y: int, q: int) -> DateRange:
    return DateRange(dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q))


def _half(y: int, h: int) -> DateRange:
    return DateRange(dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h))


_OF_A_WHOLE = re.compile(r"\s+of\s+(?:a|an|the|its|their|his|her)\b").match  # "a third quarter of the budget"


def _periods_of_year(scan: Scan, parts: bool, current: bool) -> list[DateValue]:
    text, low = scan.text, scan.lower
    out: list[DateValue] = []
    for m in PERIOD_CODE.finditer(low) if scan.has_digit and not scan.words.isdisjoint(_PERIOD_CODE_WORDS) else ():
        n, half = int(m.group("n") or m.group("n2")), (m.group("u") or m.group("u2")) == "h"
        capital = text[m.start("u") if m.group("u") else m.start("u2")].isupper()  # "1h30" is a time, "4q" no period
        if capital and not (half and n > 2):
            out.append(_value(m, text, (_half if half else _quarter)(_year(m.group("y")), n), "half" if half else "quarter"))
    for m in PERIOD_OF_YEAR.finditer(low) if parts else ():
        if m.group("unit") == "quarter" and _OF_A_WHOLE(low, m.end()):
            continue  # "a third quarter of the budget" is not a date
        if m.group("qw") and not (m.group("own") or m.group("yb") or m.group("rel") or m.group("y")):
            if not (low[max(0, m.start() - 4) : m.start()].endswith("the ") or m.group(0).startswith("the ")
                    or "-" in m.group(0)):  # fmt: skip
                continue  # "a second half": a count, not a period
        half = m.group("unit") == "half" or m.group("h") is not None
        n = int(m.group("q") or m.group("h") or 0) or _QW[m.group("qw")]
        if half and n > 2:
            continue
        piece = _half if half else _quarter
        gran = "half" if half else "quarter"
        year = m.group("y") or m.group("yb")
        if year:
            out.append(_value(m, text, piece(int(year), n), gran))
            continue
        if m.group("q") or m.group("h"):
            if m.group("fy"):
                continue
        rel = m.group("rel") or m.group("own")
        shift = {"this": 0, "last": -1, "next": 1}.get(rel or "", 0)
        tense = None if rel else scan.tense_at(*m.span())

        def rule(ref: dt.date, n: int = n, piece=piece, shift: int = shift, tense: str | None = tense) -> DateRange:
            span = piece(ref.year + shift, n)
            if tense == "past" and span.start > ref:
                span = piece(ref.year - 1, n)
            elif tense == "future" and span.end < ref:
                span = piece(ref.year + 1, n)
            return span

        note = "the year taken from the reference date" if not rel else f"{rel} year, from the reference date"
        s, e = m.span()
        out.append(DateValue("date", text[s:e], (s, e), None, gran, True, (note,), rule))
    for m in CURRENT_PERIOD.finditer(low) if current else ():
        unit = m.group("unit")
        s, e = m.span()
        out.append(DateValue("date", text[s:e], (s, e), None, unit, True, (),
                             lambda ref, u=unit: _calendar_unit(u, ref, 0)))  # fmt: skip
    return out
