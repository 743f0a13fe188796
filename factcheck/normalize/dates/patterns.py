"""The words and patterns of dates: month and weekday names, seasons, units of time, and the
regular expressions (with cheap word gates) that find each kind of date expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from factcheck.models import DateRange
from factcheck.normalize.numbers import ORDINALS, UNICODE_FRACTIONS, starting_words, words_to_number
from factcheck.normalize.values import DateValue

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
_M_AT_WORD = starting_words(sorted(MONTHS, key=len, reverse=True))  # _M, each where a word starts (see starting_words)
_W = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
MONTH = rf"(?P<m>{_M})\.?"
WEEKDAY = rf"(?:(?P<wd>{_W})\.?,?\s+(?:the\s+)?)"
# A year after a month's name or a day and month: any from 1000 ("on 5 November 1605", "July 4, 1776",
# "October 1266"), not one with a thousands part after it. (One before 1800 is no year where what it
# counts follows: see counted_after.)
YEAR4 = r"(?P<y>1[0-7]\d\d(?![,.]\d)|1[89]\d\d|20\d\d|21\d\d)"
# What a count names after its figure ("1500 people", "1200 workers"): a plural in lower case (not a name,
# "1787 Cornwallis"), not a verb ending in -s. Read in the text as written, for its capitals.
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:was|has|does|goes|says|gets|makes|takes|comes|seems|looks|sees|marks|saw)\b)"
    r"(?:[a-z]{2,}s(?<!ss)(?<!us)(?<!is)|people|men|women|children|staff)\b"
).match  # (a plural ends in "s", but not "ss", "us" or "is": "the 2010 census", "the 1998 crisis")


def count_follows(text: str, at: int) -> bool:
    """Whether what a count names follows at in text ("1500 people", "1200 workers")."""
    return _COUNTED_AFTER(text, at) is not None


def counted_after(text: str, m: re.Match[str], group: str = "y") -> bool:
    """Whether the figure a match took as a year before 1800 is a count: what it counts follows it ("on 3
    March 1500 workers walked out", "circa 1500 people"). From 1800 a year is read as before."""
    return int(m.group(group)) < 1800 and count_follows(text, m.end(group))


ORD = r"(?:st|nd|rd|th)?"
# a count in figures is a whole figure, thousands and all: never the digits after a figure's comma or
# point ("000 years" inside "5,000 years"; the check on the character before comes after the first
# digit, so that the engine gives up at once where no digit stands)
_NUMWORDS = (
    r"\d(?<![\d.,]\d)\d*(?:,\d{3})*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|few|several|a\s+couple\s+of|couple\s+of|"
    r"a\s+handful\s+of"
)
# A count written with a fraction: "3/4", "2 1/2", "2½", "¾", "a 1/2" (an article before a fraction is
# no count of its own). Read whole, never as the figure after its slash ("4 hours" in "3/4 hours"); the
# patterns that take one are tried where has_fraction says a text may hold one, the plain ones elsewhere.
_FRACTION_CHARS = "".join(UNICODE_FRACTIONS)
_FRACTION_COUNT = (
    rf"(?:an?\s+|\d(?<![\d.,/]\d)\d*\s)?\d(?<![\d.,/]\d)\d?/\d{{1,3}}(?![\d/])"
    rf"|(?:an?\s+|\d(?<![\d.,/]\d)\d*)?[{_FRACTION_CHARS}]"
)
_FRACTION_CHAR = re.compile(f"[{_FRACTION_CHARS}]").search


def has_fraction(text: str) -> bool:
    """Whether text may hold a count written with a fraction: a slash, or a fraction character."""
    return "/" in text or (not text.isascii() and _FRACTION_CHAR(text) is not None)


UNIT = r"(?P<unit>hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?)"

# Patterns read the lower-case copy of a text. Those that scan a whole text start with a look at
# the one character a match can begin with ("(?=[\dmtwfs])"): the engine then gives up at most
# places at once instead of trying every branch (about twice as fast; the matches are the same).
DAY_MONTH = re.compile(rf"(?=[\dmtwfs])\b{WEEKDAY}?(?P<d>[0-3]?\d){ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR4})?\b")
MONTH_DAY = re.compile(rf"(?=[adfjmnostw])\b{WEEKDAY}?{MONTH}\s+(?:the\s+)?(?P<d>[0-3]?\d){ORD}\b(?:,?\s+{YEAR4})?")
# "the first of May", "the twenty-third of June 2019": a day in words (an ordinal), then "of" and a month
DAY_WORDS = {w: n for w, n in ORDINALS.items() if n <= 20 or n == 30}
DAY_WORDS |= {f"twenty-{w}": 20 + n for w, n in ORDINALS.items() if n < 10} | {"thirty-first": 31}
_DAY_WORD = "|".join(w.replace("-", "[\\s-]") for w in sorted(DAY_WORDS, key=len, reverse=True))
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A year said in words: two number words ("nineteen ninety-two", "eighteen oh five", "twenty twenty",
# "nineteen hundred"), or "two thousand" and what follows it ("two thousand and eight")
YEAR_PAIR = rf"(?:{_TEENS}|twenty)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|oh[\s-]+(?:{_UNITS})|hundred)"
YEAR_THOUSAND = rf"two\s+thousand(?:(?:\s+and)?\s+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS}))?"
YEAR_WORD_GATE = frozenset(_TEENS.split("|")) | {"twenty", "thousand"}  # a word of every year said in words


def year_in_words(said: str) -> int | None:
    """The year a match of YEAR_PAIR or YEAR_THOUSAND says, or None ("oh" is a hundred and no more:
    "nineteen oh five" is 1905)."""
    value = words_to_number(said.replace("oh ", "hundred ").replace("oh-", "hundred "))
    return int(value) if value is not None and 1000 <= value <= 2099 else None


# after a day and a month, the year in figures (YEAR4) or in words ("the fifth of June, twenty twelve")
_DAY_YEAR = rf"(?:{YEAR4}|(?P<yw>{YEAR_PAIR}|{YEAR_THOUSAND}))"
WORD_DAY_MONTH = re.compile(rf"\b{WEEKDAY}?(?:the\s+)?(?P<dw>{_DAY_WORD})\s+of\s+{MONTH}(?:,?\s+{_DAY_YEAR})?\b")
DAY_WORD_GATE = frozenset(w.split("-")[0] for w in DAY_WORDS)  # one of these words is in every match
# "July twenty-fifth, twenty twelve", "June the ninth 1994": a month, a day in words, and a year, as
# broadcast transcripts say a date (without the year, a month's name before an ordinal is too often
# something else: "since March third parties have..."). Led by the month, tried where one stands.
MONTH_WORD_DAY = re.compile(rf"(?P<m>{_M_AT_WORD})\.?\s+(?:the\s+)?(?P<dw>{_DAY_WORD})(?![\w-]),?\s+{_DAY_YEAR}\b")
# What every match of each of DAY_MONTH and MONTH_DAY holds, led by a class or by literals (which the engine
# skips to, where a pattern led by a look-ahead or "\b" is tried at every place): a search that tells whether
# the pattern can match at all. Most text with a month word and a figure has neither ("may", "18 months").
DAY_MONTH_CORE = re.compile(rf"\d{ORD}\s+(?:of\s+)?(?:{_M})").search
MONTH_DAY_CORE = re.compile(rf"(?:{_M})\.?\s+(?:the\s+)?[0-3]?\d{ORD}\b").search  # not "March 2019"
_DAY_AFTER_MONTH = re.compile(rf"\.?\s+(?:the\s+)?[0-3]?\d{ORD}\b").match  # MONTH_DAY_CORE after its month
_ORDINAL_ENDS = ("st", "nd", "rd", "th")


def days_beside_months(low: str, months: frozenset[str]) -> tuple[bool, bool]:
    """Whether DAY_MONTH_CORE and MONTH_DAY_CORE each match low at one of the month words it has
    (months: a month is a whole word in every match of DAY_MONTH and MONTH_DAY). Each place the words
    stand, found by str.find, is looked at on its own: a search of the whole text for either core is
    tried at every letter that starts a month's name (a text has one month word or two)."""
    before = after = False
    for word in months:
        at = low.find(word)
        while at != -1:
            before = before or _day_ends(low, at)
            after = after or _DAY_AFTER_MONTH(low, at + len(word)) is not None
            if before and after:
                return True, True
            at = low.find(word, at + 1)
    return before, after


def _day_ends(low: str, at: int) -> bool:
    r"""Whether low[:at] ends with a day as DAY_MONTH_CORE reads one before its month: a figure, perhaps
    an ordinal ending, white space, and perhaps "of" and white space. (str.rstrip strips what the
    regex engine calls white space, \s.)"""
    head = low[:at]
    bare = head.rstrip()
    if len(bare) == len(head):
        return False
    if bare.endswith("of"):
        inner = bare[:-2]
        day = inner.rstrip()
        if len(day) < len(inner) and _ends_in_a_figure(day):
            return True
    return _ends_in_a_figure(bare)


def _ends_in_a_figure(text: str) -> bool:
    r""" "3", "3rd": a decimal digit (\d), perhaps with an ordinal ending."""
    if text[-1:].isdecimal():
        return True
    return text.endswith(_ORDINAL_ENDS) and text[-3:-2].isdecimal()


MONTH_YEAR = re.compile(rf"(?P<m>{_M_AT_WORD})\.?,?\s+(?:of\s+)?{YEAR4}\b")
# "\b" before the year, after its first digit; a time may follow after a "T" (ISO 8601: 2017-06-05T10:30)
ISO_DAY = re.compile(r"(?P<y>\d(?<!\w\d)\d{3})-(?P<mo>\d{2})-(?P<d>\d{2})(?:\b|(?=T\d))")
NUMERIC_DAY = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
FIN_YEAR = re.compile(
    r"\b(?P<kind>(?:financial|fiscal|academic|school|tax)\s+year\s+)?(?P<a>(?:19|20)\d\d)\s?[/–-]\s?(?P<b>\d\d(?:\d\d)?)\b",
)
FY_CODE = re.compile(r"\bFY\s?'?(?P<y>(?:19|20)?\d\d)\b")
QUARTER = re.compile(
    r"\b(?:q(?P<q>[1-4])\s+(?:of\s+)?(?P<y>\d{4})|(?:the\s+)?(?P<qw>first|second|third|fourth|final|last)\s+quarter\s+of\s+(?P<y2>\d{4}))\b",
)
SEASON_YEAR = re.compile(rf"(?P<s>{starting_words(['spring', 'summer', 'autumn', 'fall', 'winter'])})\s+(?:of\s+)?(?P<y>\d{{4}})\b")
PART_OF = r"(?:the\s+)?(?P<pos>early|mid|late|end\s+of|start\s+of|beginning\s+of|middle\s+of|turn\s+of)"
# with "end-" and "start-" as news shorthand writes them ("by end-2022", "end-March"): before a year or a
# month only (the patterns led by an optional part run at every place in a text, so theirs stays short)
_PART_OF_NAMED = PART_OF.removesuffix(")") + r"|end(?=-)|start(?=-))"
PART_YEAR = re.compile(rf"\b{_PART_OF_NAMED}[\s-]+(?:(?P<m2>{_M})\.?,?\s+)?(?P<y>\d{{4}})\b")
# "the 1990s", "the mid-1980s", "the 1470s", "the late '90s": a decade in four figures (not "1000s", which
# is thousands), or in two after an apostrophe
# where only one century is meant ('30s to '90s, '00s, '10s; "the '20s" may be the 1920s or the 2020s)
DECADE = re.compile(
    rf"(?:\b{PART_OF}[\s-]+|\bthe\s+)?(?:\b(?P<d>1[1-9]\d0|10[1-9]0|20\d0)|['\u2018\u2019](?P<dd>[013-9]0))s\b"
)
# Patterns led by a figure check the character before it after its first digit ("1(?<!...1)"), not
# before it: a pattern that starts with a literal lets the engine skip straight to the places that
# digit stands (a leading look-behind has it try every place in the text; the matches are the same).
YEAR = re.compile(r"(?P<y>1(?<![£$€.,/\w-]1)[89]\d\d|2(?<![£$€.,/\w-]2)0\d\d)\b(?![%\d]|\s?[/–-]\s?\d|,\d|\.\d)")
# "2000 BC", "400 B.C.", "3000 BCE" (matched where a date ends): a year before the common era, which no
# date can hold; so is the first year of a span whose last one is ("from 1500 to 1200 BC", "1500-1200 BC")
_BEFORE_COMMON_ERA = re.compile(
    r"(?:\s*(?:-|–|—|to|and|until|till|or)\s*\d[\d,]*)?\s?b\.?c\.?(?:e\.?)?(?!\w)", re.IGNORECASE
).match


def before_common_era(text: str, words: frozenset[str], values: list[DateValue]) -> list[DateValue]:
    """values without the dates that a year before the common era follows: a date has no year BC, and
    the figure stays a count as written. (words: the text's, as a Scan has them; "B.C." is "b" and "c")"""
    if not values or ("bc" not in words and "bce" not in words and not ("b" in words and "c" in words)):
        return values
    return [v for v in values if not _era_follows(text, v)]


# "BC Hydro", "the 2017 BC election": British Columbia, not the era. Plain "BC" before a name, or
# after "the" and a year that then qualifies the word after ("the 2017 BC election")
_PROVINCE_AFTER = re.compile(r"BC [A-Za-z]").match
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE).search


def _era_follows(text: str, v: DateValue) -> bool:
    era = _BEFORE_COMMON_ERA(text, v.span[1])
    if era is None:
        return False
    at = era.end() - 2
    if _PROVINCE_AFTER(text, at) and (text[at + 3].isupper() or _THE_BEFORE(text, 0, v.span[0])):
        return False
    return True


_BARE_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
BARE_MONTH = re.compile(rf"(?P<m>{starting_words(m.capitalize() for m in _BARE_MONTHS)})\b")
BARE_MONTH_WORDS = frozenset(_BARE_MONTHS)

_PART_OF_DAY = r"\s+(?:morning|afternoon|evening)"
_TODAY_WORDS_AT = starting_words(
    ["today", "tonight", rf"this{_PART_OF_DAY}", rf"yesterday(?:{_PART_OF_DAY})?", rf"tomorrow(?:{_PART_OF_DAY})?",
     r"last\s+night"]
)
TODAY = re.compile(
    rf"(?P<w>{_TODAY_WORDS_AT})\b",
)
# "the last night of the run", "his last night in office": a last night of something, not yesterday's
NOT_LAST_NIGHT_BEFORE = re.compile(r"\b(?:the|his|her|its|my|our|their|your|a)\s+$")
NOT_LAST_NIGHT_AFTER = re.compile(r"^\s+(?:of|in|at|on|before|as)\b")
_CALENDAR_UNIT = r"week|month|year|decade|quarter|financial\s+year|fiscal\s+year|academic\s+year|school\s+year|fortnight|weekend"
CALENDAR = re.compile(rf"\b(?:{PART_OF}[\s-]+)?(?P<rel>this|last|next)\s+(?P<unit>{_CALENDAR_UNIT})\b")
PART_OF_THE = re.compile(
    r"\b(?:at\s+)?the\s+(?P<pos>end|start|beginning|middle)\s+of\s+the\s+(?P<unit>week|month|year|financial\s+year)\b",
)
_NAMED = rf"{_M}|spring|summer|autumn|fall|winter|{_W}"
LAST_NAMED = re.compile(
    rf"\b(?:(?P<pos>early|mid|late)[\s-]+)?(?P<rel>last|this|next|this\s+coming|this\s+past)\s+(?P<name>{_NAMED})\b",
)


def _window(count: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?:in|over|during|for|within)\s+)?the\s+(?P<dir>last|past|previous|next|coming|following)\s+(?:(?P<n>{count})\s+)?{UNIT}\b",
    )


def _offset(count: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?P<q>just|only|nearly|almost|about|around|some|roughly|more\s+than|less\s+than|over|under)\s+)?(?:(?P<n>{count})[\s-]+)?{UNIT}\s+(?P<dir>ago|later|after|before|earlier|previously|on|afterwards)\b",
    )


WINDOW, WINDOW_FRACTION = _window(_NUMWORDS), _window(f"{_FRACTION_COUNT}|{_NUMWORDS}")
OFFSET, OFFSET_FRACTION = _offset(_NUMWORDS), _offset(f"{_FRACTION_COUNT}|{_NUMWORDS}")
BARE_WEEKDAY = re.compile(
    rf"\b(?:on|from|by|until|till|since|before|after)\s+(?P<wd>{'|'.join(w for w in WEEKDAYS if len(w) > 3)})\b"
    r"(?!,?\s+(?:the\s+)?[0-9])"
)
# A weekday with a capital and nothing to introduce it, as agency copy writes it: "said Friday".
NAMED_WEEKDAY = re.compile(
    rf"(?P<wd>{starting_words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split())})\b(?!,?\s+(?:the\s+)?[0-9])"
)
BARE_SEASON = re.compile(
    rf"(?:{starting_words('in by until till since from during over through'.split())})\s+(?:the\s+)?(?P<s>spring|summer|autumn|winter|fall)\b"
    r"(?!\s+(?:of\s+)?[0-9])"
)
# "June-August 2018", "Jan.-Mar. 2020", "March–May 2020": two months joined by a dash or slash, then the year
MONTH_SPAN_YEAR = re.compile(rf"(?P<m1>{_M_AT_WORD})\.?\s?[-–—/]\s?(?P<m2>{_M})\.?,?\s+{YEAR4}\b")
# what may stand before a month written without a year and take a part of it: "early June", "the end of March"
PART_BEFORE = re.compile(rf"\b{_PART_OF_NAMED}[\s-]+$")
MONTH_REL_YEAR = re.compile(rf"(?P<m>{_M_AT_WORD})\.?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")


def _within(count: str) -> re.Pattern[str]:
    return re.compile(rf"w(?<!\ww)ithin\s+(?:(?P<n>{count})\s+)?{UNIT}\b")


WITHIN, WITHIN_FRACTION = _within(_NUMWORDS), _within(f"{_FRACTION_COUNT}|{_NUMWORDS}")
LATER_THIS = re.compile(r"\b(?P<w>later|earlier)\s+this\s+(?P<unit>week|month|year)\b")
# (the second count of a range is never "a" or "an": "£30,000-a-year" is a rate, not 30,000 to one year)


def _duration(count: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?P<q>just|only|nearly|almost|about|around|some|roughly|more\s+than|less\s+than|over|under|at\s+least|up\s+to)\s+)?(?P<n>{count})(?P<half>\s+and\s+a\s+half|\s?(?:\u00bd|1\s?/\s?2))?(?:\s?(?:-|–|to|or)\s?(?!an?\b)(?P<n2>\d+|{count}))?[\s-]+{UNIT}(?![\w-])(?!\s+old\b)",
    )


DURATION, DURATION_FRACTION = _duration(_NUMWORDS), _duration(f"{_FRACTION_COUNT}|{_NUMWORDS}")

Rule = Callable[[dt.date], DateRange]


def modal_may(m: re.Match[str], text: str, group: str = "m") -> bool:
    """Whether the month a match names is the verb "may": written "may" without its capital."""
    return m.group(group).lower() == "may" and not text[m.start(group)].isupper()


def year_group(m: re.Match[str]) -> str | None:
    """The group of the year a match of a day and a month took, if it took one: "y" in figures, "yw" in words."""
    if m.group("y"):
        return "y"
    return "yw" if "yw" in m.re.groupindex and m.group("yw") else None


def modal_may_without_year(m: re.Match[str], text: str) -> bool:
    """Whether a match of a day and a month names "may" as the verb: written without its capital, and
    without a year beside the day ("17 may 2010", "the fifth of may twenty ten" are the month whatever
    their case; "17 may well leave" is the verb)."""
    return modal_may(m, text) and year_group(m) is None

# The part that every match of a pattern holds, led by literals or a class (as DAY_MONTH_CORE): a search
# for it, where the pattern itself starts with "\b" or an optional part and is tried at every place,
# tells at a fraction of the cost whether the pattern can match at all.
CALENDAR_CORE = re.compile(rf"(?:this|last|next)\s+(?:{_CALENDAR_UNIT})\b").search
LAST_NAMED_CORE = re.compile(rf"(?:last|this|next|this\s+coming|this\s+past)\s+(?:{_NAMED})\b").search
WINDOW_CORE = re.compile(r"the\s+(?:last|past|previous|next|coming|following)\s").search
FIN_YEAR_CORE = re.compile(r"(?:19|20)\d\d\s?[/–-]\s?\d\d").search

# Cheap pre-checks for the two costliest patterns: a unit of time followed by a direction word
# (the shape of every offset), and a unit of time with a count just before it (every duration).
OFFSET_GATE = re.compile(
    r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?\s+"
    r"(?:ago|later|after|before|earlier|previously|on|afterwards)\b"
)
_UNIT_AT = re.compile(r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?\b")
_COUNT_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty few several of half 2".split()
)


def _counted_unit(low: str) -> bool:
    """Whether some unit of time has a count just before it ("three days", "10-year", "a few weeks")."""
    for m in _UNIT_AT.finditer(low):
        head = low[max(0, m.start() - 14) : m.start()]
        if not head or head[-1] not in " -":
            continue
        prev = head.replace("-", " ").split()[-1:]
        if prev and (prev[0][-1].isdigit() or prev[0][-1] in UNICODE_FRACTIONS or prev[0] in _COUNT_WORDS):
            return True
    return False


# Gates: the words each reader needs, so that text without them skips the reader's regex.
UNIT_WORDS = frozenset(
    f"{u}{s}" for u in ("hour", "day", "week", "fortnight", "month", "quarter", "year", "decade") for s in ("", "s")
)
_DEICTIC = frozenset({"this", "last", "next"})
_TODAY_WORDS = frozenset({"today", "tonight", "this", "yesterday", "tomorrow", "night"})
_PART_WORDS = frozenset({"end", "start", "beginning", "middle"})
_WINDOW_WORDS = frozenset({"last", "past", "previous", "next", "coming", "following"})
_MONTH_WORDS = frozenset(MONTHS)
_CALENDAR_UNIT_WORDS = frozenset({"week", "month", "year", "decade", "quarter", "fortnight", "weekend"})
_NAMED_WORDS = frozenset(MONTHS) | frozenset(SEASONS) | frozenset(WEEKDAYS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_SEASON_WORDS = frozenset(SEASONS)
_POSITION_WORDS = frozenset({"early", "mid", "late", "end", "start", "beginning", "middle", "turn"})
