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
from collections.abc import Callable

from factcheck.models import DateRange
from factcheck.normalize.numbers import VAGUE, Scan, word_set, words_to_number
from factcheck.normalize.values import (
    DateValue,
    Duration,
    add_months,
    month_end,
    month_range,
    year_range,
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30.44,
             "quarter": 91.31, "year": 365.25, "decade": 3652.5}  # fmt: skip
FY_START_MONTH = 4  # UK financial year: 1 April to 31 March

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
MONTH = rf"(?P<m>{_M})\.?"
WEEKDAY = rf"(?:(?P<wd>{_W})\.?,?\s+(?:the\s+)?)"
YEAR4 = r"(?P<y>1[6-9]\d\d|20\d\d|21\d\d)"
ORD = r"(?:st|nd|rd|th)?"
_NUMWORDS = (
    r"\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|few|several|a\s+couple\s+of|couple\s+of|"
    r"a\s+handful\s+of"
)
UNIT = r"(?P<unit>hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?)"

DAY_MONTH = re.compile(rf"\b{WEEKDAY}?(?P<d>[0-3]?\d){ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR4})?\b")
MONTH_DAY = re.compile(rf"\b{WEEKDAY}?{MONTH}\s+(?:the\s+)?(?P<d>[0-3]?\d){ORD}\b(?:,?\s+{YEAR4})?")
MONTH_YEAR = re.compile(rf"\b{MONTH},?\s+(?:of\s+)?{YEAR4}\b")
ISO_DAY = re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b")
NUMERIC_DAY = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
FIN_YEAR = re.compile(
    r"\b(?P<kind>(?:financial|fiscal|academic|school|tax)\s+year\s+)?(?P<a>(?:19|20)\d\d)\s?[/–-]\s?(?P<b>\d\d(?:\d\d)?)\b",
)
FY_CODE = re.compile(r"\bFY\s?'?(?P<y>(?:19|20)?\d\d)\b")
QUARTER = re.compile(
    r"\b(?:q(?P<q>[1-4])\s+(?:of\s+)?(?P<y>\d{4})|(?:the\s+)?(?P<qw>first|second|third|fourth|final|last)\s+quarter\s+of\s+(?P<y2>\d{4}))\b",
)
SEASON_YEAR = re.compile(r"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>\d{4})\b")
PART_OF = r"(?:the\s+)?(?P<pos>early|mid|late|end\s+of|start\s+of|beginning\s+of|middle\s+of|turn\s+of)"
PART_YEAR = re.compile(rf"\b{PART_OF}[\s-]+(?:(?P<m2>{_M})\s+)?(?P<y>\d{{4}})\b")
DECADE = re.compile(r"\b(?:the\s+)?(?P<d>1[6-9]\d0|20\d0)s\b")
YEAR = re.compile(r"(?<![£$€\d.,/-])\b(?P<y>1[89]\d\d|20\d\d)\b(?![%\d]|\s?[/–-]\s?\d|,\d|\.\d)")
BARE_MONTH = re.compile(rf"\b(?P<m>{'|'.join(m.capitalize() for m in MONTHS if len(m) > 3)})\b")

TODAY = re.compile(
    r"\b(?P<w>today|tonight|this\s+(?:morning|afternoon|evening)|yesterday(?:\s+(?:morning|afternoon|evening))?|tomorrow(?:\s+(?:morning|afternoon|evening))?)\b",
)
CALENDAR = re.compile(
    rf"\b(?:{PART_OF}[\s-]+)?(?P<rel>this|last|next)\s+(?P<unit>week|month|year|decade|quarter|financial\s+year|fiscal\s+year|academic\s+year|school\s+year|fortnight|weekend)\b",
)
PART_OF_THE = re.compile(
    r"\b(?:at\s+)?the\s+(?P<pos>end|start|beginning|middle)\s+of\s+the\s+(?P<unit>week|month|year|financial\s+year)\b",
)
LAST_NAMED = re.compile(
    rf"\b(?:(?P<pos>early|mid|late)[\s-]+)?(?P<rel>last|this|next|this\s+coming|this\s+past)\s+(?P<name>{_M}|spring|summer|autumn|fall|winter|{_W})\b",
)
WINDOW = re.compile(
    rf"\b(?:(?:in|over|during|for|within)\s+)?the\s+(?P<dir>last|past|previous|next|coming|following)\s+(?:(?P<n>{_NUMWORDS})\s+)?{UNIT}\b",
)
OFFSET = re.compile(
    rf"\b(?:(?P<q>just|only|nearly|almost|about|around|some|roughly|more\s+than|less\s+than|over|under)\s+)?(?:(?P<n>{_NUMWORDS})[\s-]+)?{UNIT}\s+(?P<dir>ago|later|after|before|earlier|previously|on|afterwards)\b",
)
BARE_WEEKDAY = re.compile(
    rf"\b(?:on|from|by|until|till|since|before|after)\s+(?P<wd>{'|'.join(w for w in WEEKDAYS if len(w) > 3)})\b"
    r"(?!,?\s+(?:the\s+)?[0-9])"
)
BARE_SEASON = re.compile(
    r"\b(?:in|by|until|till|since|from|during|over|through)\s+(?:the\s+)?(?P<s>spring|summer|autumn|winter|fall)\b"
    r"(?!\s+(?:of\s+)?[0-9])"
)
MONTH_REL_YEAR = re.compile(rf"\b{MONTH}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")
WITHIN = re.compile(rf"\bwithin\s+(?:(?P<n>{_NUMWORDS})\s+)?{UNIT}\b")
LATER_THIS = re.compile(r"\b(?P<w>later|earlier)\s+this\s+(?P<unit>week|month|year)\b")
DURATION = re.compile(
    rf"\b(?:(?P<q>just|only|nearly|almost|about|around|some|roughly|more\s+than|less\s+than|over|under|at\s+least|up\s+to)\s+)?(?P<n>{_NUMWORDS})(?:\s?(?:-|–|to|or)\s?(?P<n2>\d+|{_NUMWORDS}))?[\s-]+{UNIT}(?![\w-])(?!\s+old\b)",
)

Rule = Callable[[dt.date], DateRange]

# Cheap pre-checks for the two costliest patterns: a unit of time followed by a direction word
# (the shape of every offset), and a unit of time with a count just before it (every duration).
OFFSET_GATE = re.compile(
    r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?\s+"
    r"(?:ago|later|after|before|earlier|previously|on|afterwards)\b"
)
_UNIT_AT = re.compile(r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?\b")
_COUNT_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty few several of".split()
)


def _counted_unit(low: str) -> bool:
    """Whether some unit of time has a count just before it ("three days", "10-year", "a few weeks")."""
    for m in _UNIT_AT.finditer(low):
        head = low[max(0, m.start() - 14) : m.start()]
        if not head or head[-1] not in " -":
            continue
        prev = head.replace("-", " ").split()[-1:]
        if prev and (prev[0][-1].isdigit() or prev[0] in _COUNT_WORDS):
            return True
    return False


# Gates: the words each reader needs, so that text without them skips the reader's regex.
UNIT_WORDS = frozenset(
    f"{u}{s}" for u in ("hour", "day", "week", "fortnight", "month", "quarter", "year", "decade") for s in ("", "s")
)
_DEICTIC = frozenset({"this", "last", "next"})
_TODAY_WORDS = frozenset({"today", "tonight", "this", "yesterday", "tomorrow"})
_PART_WORDS = frozenset({"end", "start", "beginning", "middle"})
_WINDOW_WORDS = frozenset({"last", "past", "previous", "next", "coming", "following"})
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_SEASON_WORDS = frozenset(SEASONS)
_POSITION_WORDS = frozenset({"early", "mid", "late", "end", "start", "beginning", "middle", "turn"})


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _unit(word: str) -> str:
    return word.lower().rstrip("s") if word.lower() != "hours" else "hour"


def _count(word: str | None, plural: bool) -> tuple[float, float]:
    """How many units: "three" → 3, "a" → 1, "a few" → 2–5, none and plural ("days") → 2–6."""
    if word is None:
        return (2.0, 6.0) if plural else (1.0, 1.0)
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in ("a", "an"):
        return 1.0, 1.0
    if w in VAGUE:
        return VAGUE[w]
    if w in ("few",):
        return VAGUE["a few"]
    try:
        n = float(w)
    except ValueError:
        n = words_to_number(w) or 1.0
    return n, n


def duration_days(word: str | None, unit_word: str) -> tuple[float, float]:
    """Days an amount of time covers. A count of weeks or longer is rounded to half a unit."""
    unit = _unit(unit_word)
    lo, hi = _count(word, unit_word.lower().endswith("s"))
    days = UNIT_DAYS[unit]
    slack = 0.5 if unit not in ("hour", "day") and lo == hi and lo >= 1 else 0.0
    return max(0.0, (lo - slack) * days), (hi + slack) * days


def resolve(rule: Rule, ref: DateRange) -> DateRange:
    """Apply a relative rule to every day of a reference range, as the union of both ends."""
    first = rule(ref.start)
    if ref.is_day:
        return first
    return first.union(rule(ref.end))


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
    pos = re.sub(r"\s+", " ", pos.lower()).removesuffix(" of")
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
    unit = re.sub(r"\s+", " ", unit.lower())
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


def _named_rule(rel: str, name: str) -> Rule:
    rel = re.sub(r"\s+", " ", rel.lower())
    key = name.lower()

    def rule(day: dt.date) -> DateRange:
        if key in MONTHS:
            month = MONTHS[key]
            if rel in ("last", "this past"):
                year = day.year if month < day.month else day.year - 1
            elif rel in ("next", "this coming"):
                year = day.year if month > day.month else day.year + 1
            else:
                year = day.year
            return month_range(year, month)
        if key in SEASONS:
            this = season_range(key, day.year if not (key == "winter" and day.month <= 2) else day.year - 1)
            if rel in ("last", "this past"):
                return this if this.end < day else season_range(key, this.start.year - 1)
            if rel in ("next", "this coming"):
                return this if this.start > day else season_range(key, this.start.year + 1)
            return this
        wd = WEEKDAYS[key]
        delta = wd - day.weekday()
        if rel in ("last", "this past"):
            delta = delta - 7 if delta >= 0 else delta
        elif rel in ("next", "this coming"):
            delta = delta + 7 if delta <= 0 else delta
        return DateRange.day(day + dt.timedelta(days=delta))

    return rule


def _weekday_check(wd: str | None, day: dt.date) -> tuple[str, ...]:
    if not wd:
        return ()
    want = WEEKDAYS[wd.lower()]
    if day.weekday() != want:
        return (f"weekday mismatch: {day.isoformat()} is a {day:%A}, not a {wd.capitalize()}",)
    return ()


# Words that say which way a month without a year points from the reference.
_FUTURE_CUES = frozenset(
    {
        "will",
        "shall",
        "ll",
        "due",
        "expected",
        "scheduled",
        "planned",
        "plans",
        "plan",
        "next",
        "upcoming",
        "coming",
        "until",
        "till",
        "by",
        "from",
        "starting",
        "going",
    }
)
_PAST_CUES = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "since",
        "ago",
        "last",
        "been",
        "earlier",
        "previously",
        # common irregular past forms; regular ones end in -ed
        "fell",
        "rose",
        "said",
        "went",
        "came",
        "took",
        "made",
        "left",
        "began",
        "grew",
        "paid",
        "won",
        "lost",
        "met",
        "saw",
        "told",
        "gave",
        "found",
        "spent",
        "sold",
        "bought",
        "became",
        "held",
        "led",
        "ran",
        "wrote",
        "spoke",
        "chose",
        "knew",
        "thought",
        "brought",
        "felt",
        "kept",
        "sent",
        "built",
        "froze",
        "struck",
        "stood",
        "quit",
        "announced",
    }
)
_NOT_PAST = frozenset(
    {
        "need",
        "speed",
        "feed",
        "seed",
        "red",
        "bed",
        "shed",
        "hundred",
        "exceed",
        "proceed",
        "succeed",
        "indeed",
        "bred",
        "united",
        "limited",
        "based",
        "related",
        "proposed",
    }
)
_SENTENCE_START = re.compile(r"[.!?;]\s+[^.!?;]*$")
_TENSE_WORD = re.compile(r"[A-Za-z']+")


def tense_near(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the nearest tense cue to a date in its own sentence.

    Looks back from the date to the sentence's start (nearest word first), then forward to its end:
    modal and scheduling words ("will", "due", "by", "until") point forward; past forms ("was",
    "since", a verb in -ed) point back. A guess for the year of "in December", never for a stated year.
    """
    head = text[max(0, start - 160) : start]
    cut = _SENTENCE_START.search(head)
    head = head[cut.start() + 1 :] if cut else head
    tail = re.split(r"[.!?;]", text[end : end + 160], maxsplit=1)[0]
    before = [w.lower().split("'")[-1] for w in reversed(_TENSE_WORD.findall(head))]  # nearest first
    words = before + [w.lower().split("'")[-1] for w in _TENSE_WORD.findall(tail)]
    for i, w in enumerate(words):
        if w in _FUTURE_CUES:
            return "future"
        if w in _PAST_CUES:
            return "past"
        if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST:
            if i + 1 < len(before) and before[i + 1] in ("be", "being"):
                continue  # "will be published": a passive, its tense is in the words before "be"
            return "past"
    return None


def _year_for(month: int, ref: dt.date, tense: str | None, day: int = 1) -> int:
    """The year of a month (and day) written without one, as seen from ref in the given tense."""
    if tense == "past":
        return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    if tense == "future":
        return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    return ref.year


def _day_candidate(m: re.Match[str], month: int, text: str) -> DateValue | None:
    d = int(m.group("d"))
    wd = m.group("wd")
    if not 1 <= d <= 31:
        return None
    if m.group("y"):
        try:
            day = dt.date(int(m.group("y")), month, d)
        except ValueError:
            return None
        return DateValue("date", text[m.start() : m.end()], m.span(), DateRange.day(day), "day",
                         notes=_weekday_check(wd, day))  # fmt: skip
    tense = None if wd else tense_near(text, *m.span())

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

    note = "year from the weekday" if wd else _year_note(tense)
    return DateValue("date", text[m.start() : m.end()], m.span(), None, "day", True, (note,), rule)


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


def absolute_dates(text: str | Scan) -> list[DateValue]:
    """Every date written out in text; those lacking a year carry a rule to take it from the reference."""
    scan = Scan.of(text)
    text, low, words, has_digit, has_year = scan.text, scan.lower, scan.words, scan.has_digit, scan.has_year
    months = not words.isdisjoint(_MONTH_WORDS)
    out: list[DateValue] = []
    for rx in (DAY_MONTH, MONTH_DAY) if has_digit and months else ():
        for m in rx.finditer(low):
            month = MONTHS[m.group("m")]
            if m.group("m") == "may" and not text[m.start("m")].isupper():
                continue
            cand = _day_candidate(m, month, text)
            if cand:
                out.append(cand)
    for m in ISO_DAY.finditer(text) if has_year and "-" in text else ():
        try:
            day = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        except ValueError:
            continue
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), DateRange.day(day), "day"))
    for m in NUMERIC_DAY.finditer(text) if has_digit and "/" in text else ():
        a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
        readings = []
        for d, mo in ((a, b), (b, a)):
            try:
                readings.append(dt.date(y, mo, d))
            except ValueError:
                pass
        if not readings:
            continue
        if len(readings) == 2 and readings[0] != readings[1]:
            span = DateRange(min(readings), max(readings))
            note = (f"ambiguous: {readings[0]} (day/month) or {readings[1]} (month/day)",)
            out.append(DateValue("date", text[m.start() : m.end()], m.span(), span, "range", notes=note,
                                 readings=tuple(DateRange.day(r) for r in readings)))  # fmt: skip
        else:
            out.append(DateValue("date", text[m.start() : m.end()], m.span(), DateRange.day(readings[0]), "day"))
    for m in MONTH_YEAR.finditer(low) if months and has_year else ():
        out.append(DateValue("date", text[m.start() : m.end()], m.span(),
                             month_range(int(m.group("y")), MONTHS[m.group("m").lower()]), "month"))  # fmt: skip
    for m in FIN_YEAR.finditer(low) if has_year and ("/" in text or "-" in text or "–" in text) else ():
        cand = _split_year(m, text)
        if cand:
            out.append(cand)
    for m in FY_CODE.finditer(text) if has_digit and "FY" in text else ():
        y = _year(m.group("y"))
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), fin_year(y - 1), "financial_year",
                             notes=(f"read as the UK financial year ending in {y} (April to March)",)))  # fmt: skip
    for m in QUARTER.finditer(low) if has_year and not words.isdisjoint({"q", "quarter"}) else ():
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
    for m in DECADE.finditer(low) if has_year and "0s" in text else ():
        d0 = int(m.group("d"))
        out.append(
            DateValue(
                "date",
                text[m.start() : m.end()],
                m.span(),
                DateRange(dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31)),
                "decade",
            )
        )
    for m in YEAR.finditer(text) if has_year else ():
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), year_range(int(m.group("y"))), "year"))
    return out + _bare_months(text, words) if months else out


def _bare_months(text: str, words: frozenset[str]) -> list[DateValue]:
    """ "in December": a month with no year, its year guessed from the tense around it."""
    out: list[DateValue] = []
    for m in BARE_MONTH.finditer(text):
        name = m.group("m")
        if name in ("May", "March"):  # also verbs: only after a word that introduces a date
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(r"\b(in|since|by|until|till|from|of|early|late|mid|before|after|during)\s+$", before):
                continue
        month = MONTHS[name.lower()]
        tense = tense_near(text, *m.span())

        def rule(ref: dt.date, month: int = month, tense: str | None = tense) -> DateRange:
            return month_range(_year_for(month, ref, tense), month)

        out.append(DateValue("date", name, m.span(), None, "month", True, (_year_note(tense),), rule))
    return out


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


def relative_dates(text: str | Scan) -> list[DateValue]:
    """Every expression whose date depends on when it was written."""
    scan = Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[DateValue] = []
    deictic = not words.isdisjoint(_DEICTIC)

    def add(m: re.Match[str], rule: Rule, granularity: str, notes: tuple[str, ...] = ()) -> None:
        out.append(DateValue("date", text[m.start() : m.end()], m.span(), None, granularity, True, notes, rule))

    for m in TODAY.finditer(low) if not words.isdisjoint(_TODAY_WORDS) else ():
        w = m.group("w").lower()
        shift = -1 if w.startswith("yesterday") else 1 if w.startswith("tomorrow") else 0
        add(m, lambda d, s=shift: DateRange.day(d + dt.timedelta(days=s)), "day")
    for m in CALENDAR.finditer(low) if deictic else ():
        shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        unit, pos = m.group("unit"), m.group("pos")
        add(m, lambda d, u=unit, s=shift, p=pos: part_of(_calendar_unit(u, d, s), p),
            "part" if pos else re.sub(r"\s+", "_", unit.lower()))  # fmt: skip
    for m in PART_OF_THE.finditer(low) if not words.isdisjoint(_PART_WORDS) else ():
        unit, pos = m.group("unit"), m.group("pos")
        add(m, lambda d, u=unit, p=pos: part_of(_calendar_unit(u, d, 0), p), "part")
    for m in LAST_NAMED.finditer(low) if deictic else ():
        rule = _named_rule(m.group("rel"), m.group("name"))
        pos = m.group("pos")
        name = m.group("name").lower()
        gran = "month" if name in MONTHS else "season" if name in SEASONS else "day"
        notes: tuple[str, ...] = ()
        if name in MONTHS and m.group("rel").lower() == "last":
            notes = ("'last' + month read as the most recent past one",)
        add(m, (lambda d, r=rule, p=pos: part_of(r(d), p)) if pos else rule, gran, notes)
    for m in WINDOW.finditer(low) if not words.isdisjoint(_WINDOW_WORDS) else ():
        lo, hi = _count(m.group("n"), False)
        span_days = round(hi * UNIT_DAYS[_unit(m.group("unit"))])
        past = m.group("dir").lower() in ("last", "past", "previous")
        if past:
            add(m, lambda d, k=span_days: DateRange(d - dt.timedelta(days=k), d), "range")
        else:
            add(m, lambda d, k=span_days: DateRange(d, d + dt.timedelta(days=k)), "range")
    for m in BARE_WEEKDAY.finditer(low) if not words.isdisjoint(_WEEKDAY_WORDS) else ():
        # "on Friday": the next one in the future tense, the last one in the past; else either
        tense = tense_near(text, *m.span())
        out.append(DateValue("date", text[m.start("wd") : m.end("wd")], m.span("wd"), None, "day", True,
                             (_weekday_note(tense),), _weekday_rule(m.group("wd"), tense)))  # fmt: skip
    for m in BARE_SEASON.finditer(low) if not words.isdisjoint(_SEASON_WORDS) else ():
        # "in spring": the season named from the tense around it, as "last", "next" or "this" would
        tense = tense_near(text, *m.span())
        out.append(DateValue("date", text[m.start("s") : m.end("s")], m.span("s"), None, "season", True,
                             (_season_note(tense),), _season_rule(m.group("s"), tense)))  # fmt: skip
    for m in MONTH_REL_YEAR.finditer(low) if deictic and "year" in words else ():
        shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        month = MONTHS[m.group("m").lower()]
        add(m, lambda d, mo=month, s=shift: month_range(d.year + s, mo), "month")
    offsets = not words.isdisjoint(UNIT_WORDS) and OFFSET_GATE.search(low) is not None
    for m in OFFSET.finditer(low) if offsets else ():
        if m.group("n") is None and not m.group("unit").lower().endswith("s"):
            continue  # "day after" with no count is not an offset
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
        add(m, lambda d, a=a, b=b: DateRange.day(d).shift(a, b), "range",
            ("dates the event named after 'after', before the reference",) if direction == "after" else ())  # fmt: skip
    for m in WITHIN.finditer(low) if "within" in words else ():
        # "within a month" is a limit: the whole count, without the half-unit slack of "a month ago"
        lo, hi = _count(m.group("n"), False)
        add(m, lambda d, k=round(hi * UNIT_DAYS[_unit(m.group("unit"))]): DateRange(d, d + dt.timedelta(days=k)),
            "range")  # fmt: skip
    for m in LATER_THIS.finditer(low) if "this" in words and not words.isdisjoint({"later", "earlier"}) else ():
        later = m.group("w").lower() == "later"
        unit = m.group("unit")

        def rule(d: dt.date, u: str = unit, later: bool = later) -> DateRange:
            whole = _calendar_unit(u, d, 0)
            return DateRange(d, whole.end) if later else DateRange(whole.start, d)

        add(m, rule, "range")
    return out


def durations(text: str | Scan) -> list[Duration]:
    """Lengths of time that are not offsets: "seven years", "10 or 20 years", "three days"."""
    scan = Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[Duration] = []
    for m in DURATION.finditer(low) if not words.isdisjoint(UNIT_WORDS) and _counted_unit(low) else ():
        if m.group("unit").lower().startswith("quarter") and re.match(r"\s+of\b", text[m.end() :]):
            continue  # "a quarter of the budget" is a fraction, not three months
        lo, hi = duration_days(m.group("n"), m.group("unit"))
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
        out.append(Duration("duration", text[m.start() : m.end()], m.span(), round(lo, 2),
                            None if high is None else round(high, 2), _unit(m.group("unit")), q))  # fmt: skip
    return out


def resolved(value: DateValue, ref: DateRange | None) -> DateValue:
    """The value with its range worked out against ref; unchanged when it needs no reference."""
    if value.range is not None or value.rule is None:
        return value
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
