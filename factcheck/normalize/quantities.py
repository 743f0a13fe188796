"""Money, counts, percentages and rates found around each figure, with qualifiers and ranges.

Precision convention (a rule of reporting): a figure with a scale word is rounded to its last
written digit, so "£7m" stands for £6.5m–£7.5m and "£7.6 million" for £7.55m–£7.65m. Whole
numbers without a scale word ("232", "£1,100") are taken as exact; decimals ("7.6%") carry half
their last digit. Qualifiers then widen or open the interval.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from factcheck.normalize import currencies
from factcheck.normalize.numbers import (
    FIGURE_WORDS,
    ORDINAL_WORD,
    ORDINALS,
    VAGUE,
    VAGUE_PLURAL,
    VAGUE_PLURALS,
    VAGUE_TIMES,
    Figure,
    Scan,
    find_figures,
    starting_words,
)
from factcheck.normalize.values import Quantity

SCALES = {
    "k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "mln": 1e6, "million": 1e6,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "billion": 1e9, "tn": 1e12, "trn": 1e12, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "hundred": 1e2, "quadrillion": 1e15, "quintillion": 1e18,
    "crore": 1e7, "crores": 1e7, "cr": 1e7,
}  # fmt: skip
# "7m", "£250-million", "3 lakh", "1.2k", "£3 mn". "b" and "cr" only after a currency: "30 b" is a list
# item. After a space an abbreviation that may be a unit of length or weight ("5 m", "5 k") or a letter
# ("30 b") is a scale only after a currency ("¥30 b", "$5 m"); _scale checks.
SCALE_AFTER = re.compile(
    r"(?:(?P<tight>k|m|mn|mil|mln|bn|bln|tn|trn|b|cr)\b\.?(?<!\.)|[ \t\u00a0](?P<spaced>mn|mln|bn|bln|tn|trn|cr|k|m|b)\b\.?(?<!\.)"
    r"|[ \t\u00a0-]?(?P<word>(?:hundred[ \t]+)?(?:thousand|million|billion|trillion|quadrillion|quintillion)|hundred"
    r"|lakhs?|crores?)\b"
    r"|[ \t]?(?P<grand>grand)\b)",
    re.IGNORECASE,
)
# "12%", "12 per cent", "4.5pc", "10 pct", "2 percentage points", "25 basis points", "25bp"
PERCENT_AFTER = re.compile(
    r"(?:\s?%|\s?(?:pc|pct)\b|\s(?:per[\s-]?cent|percent)\b|\s(?P<points>percentage[\s-]+points?|points?)\b"
    r"|\s?(?P<bp>basis[\s-]+points?|(?-i:bps?))\b)",  # "bp" in lower case: "2003 BP" names a company
    re.IGNORECASE,
)


def _may_follow(text: str, pos: int, heads: str, gaps: str | None = None) -> bool:
    """A cheap look before a pattern is run at pos: whether the character there, or the one after a
    gap (one of gaps, or any white space as `\\s` matches it), is one its matches can start with. Any
    character outside ASCII may be, as a match without regard to case can fold one onto a letter.
    Most figures fail it."""
    c = text[pos : pos + 1]
    if c and (c.isspace() if gaps is None else c in gaps):
        c = text[pos + 1 : pos + 2]
    return bool(c) and (c in heads or not c.isascii())


_SCALE_HEADS = "kmbtclghqKMBTCLGHQ"  # the first letters SCALE_AFTER can match, after at most one gap
# After a gap SCALE_AFTER matches a word ("hundred", "thousand", "million", "billion", "trillion",
# "quadrillion", "quintillion", "lakh", "crore", "grand") or a short form ("mn", "mln", "bn", "bln", "tn",
# "trn", "cr"): its first two letters; or one letter alone ("k", "m", "b"). ("7m" and "3k" stand
# against the figure.)
_SCALE_WORD_HEADS = frozenset(("hu", "th", "mi", "bi", "tr", "qu", "la", "cr", "gr", "mn", "ml", "bn", "bl", "tn"))


def _may_scale_after(head: str) -> bool:
    """Whether SCALE_AFTER may match where head (the next three characters, or what the text has)
    starts: a look at two letters after a gap, where _may_follow's at one lets "to", "miles" and
    "times" through. Never False where SCALE_AFTER matches."""
    if not head.isascii():
        return True  # a letter outside ASCII may fold onto one of the pattern's
    if head[:1] in (" ", "\t", "-"):
        # a word, or one letter alone ("$5 m": a scale only after a currency, which _scale checks)
        return head[1:3].lower() in _SCALE_WORD_HEADS or (head[1:2] in _ONE_LETTER_SCALES and not head[2:3].isalpha())
    return head[:1] in _SCALE_HEADS and head[:1] != ""


_ONE_LETTER_SCALES = frozenset("kmbKMB")
_PERCENT_HEADS = "%pPbB"
_RATE_HEADS = "/aepAEP"
PERIODS = {
    "hour": "hour", "hr": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "annum": "year", "pa": "year", "p.a.": "year", "quarter": "quarter",
    "mo": "month", "mth": "month", "yr": "year", "wk": "week",
}  # fmt: skip
RATE_AFTER = re.compile(
    r"(?:[\s-](?:a|an|per|each|every)[\s-](?P<period>hour|hr|day|week|month|year|annum|quarter|yr|wk)\b"
    r"|\s(?P<pa>pa|p\.a\.)(?!\w)|/(?P<slash>hour|hr|day|week|month|year|(?:mo|mth|yr|wk)\b))",  # "$9.99/mo"
    re.IGNORECASE,
)
# Qualifiers, as the words stand before a figure. Each maps to how it shapes the interval.
QUALIFIERS = {
    "more than": "above", "over": "above", "above": "above", "in excess of": "above",
    "upwards of": "above", "greater than": "above", "exceeding": "above", "just over": "just_above",
    "at least": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "less than": "below", "fewer than": "below", "under": "below", "below": "below",
    "just under": "just_below", "up to": "at_most", "as many as": "at_most",
    "as much as": "at_most", "no more than": "at_most", "at most": "at_most",
    "a maximum of": "at_most", "around": "about", "about": "about", "roughly": "about",
    "approximately": "about", "some": "about", "circa": "about", "c.": "about",
    "an estimated": "about", "estimated": "about", "close to": "nearly", "nearly": "nearly",
    "almost": "nearly", "just": "about_exact", "only": "exact", "exactly": "exact",
}  # fmt: skip
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIERS)
# The letters of those last words ("c." gives "c"): a text whose words hold none of them has no qualifier.
_QUALIFIER_GATE = frozenset(piece for w in _QUALIFIER_LAST_WORDS for piece in re.findall("[a-z]+", w))
# The last three characters before the space where a qualifier ends there: the last three letters of a
# longer word, or a word of two ("of", "to", "as", "c.") after a space, tab, newline or bracket (the
# words are split at the first three, and a bracket before the first is let go).
_QUALIFIER_WORDS_OF_TWO = frozenset(w for w in _QUALIFIER_LAST_WORDS if len(w) == 2)
_QUALIFIER_ENDS = frozenset(w[-3:] for w in _QUALIFIER_LAST_WORDS if len(w) > 3) | frozenset(
    gap + w for w in _QUALIFIER_WORDS_OF_TWO for gap in " \t\n("
)
assert all(len(w) != 3 for w in _QUALIFIER_LAST_WORDS)  # (a word of three would need its own case)
# The last three words before a figure, read backwards: one match on the reversed window.
_LAST_WORDS_REVERSED = re.compile(r"\s+(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?")
# After a verb of movement "up to" says where a figure went, not a ceiling: "has gone back up to 232".
_RISE_BEFORE_UP = re.compile(
    r"\b(?:back|gone|went|go|goes|going|come|came|climbed|crept|creeping|moved|shot|risen|rose|jumped)\s+$"
)


def qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier ending just before a figure ("more than", "up to") and the length it covers."""
    # the cheapest look first, at the last three characters of a word one space before the figure:
    # most figures have no qualifier, and no qualifier ends in "the", "and" or "was"
    if start > 2 and text[start - 1] == " " and not text[start - 2].isspace():
        if start > 3:
            if text[start - 4 : start - 1].lower() not in _QUALIFIER_ENDS:
                return None
        elif text[:2].lower() not in _QUALIFIER_WORDS_OF_TWO:
            return None
    lead = max(0, start - 28)
    window = text[lead:start]
    if not window or not window[-1].isspace():
        return None
    # a cheap look at the last word first: most figures have no qualifier
    stripped = window.rstrip()
    last = stripped[max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t")) + 1 :]
    if not last or last.lower().lstrip("(") not in _QUALIFIER_LAST_WORDS:
        return None
    m = _LAST_WORDS_REVERSED.match(window[::-1])
    if m is None:
        return None
    reversed_words = m.groups()  # the last word, the one before it, the one before that (or None)
    # the last one, two and three words as written (a third word is found only after a second)
    phrases = [reversed_words[0][::-1]]
    for word in reversed_words[1:]:
        if word is None:
            break
        phrases.append(word[::-1] + " " + phrases[-1])
    for n in range(len(phrases), 0, -1):
        covered = m.end(n)
        if lead > 0 and covered == start - lead and not text[lead - 1].isspace():
            continue  # the first word was cut by the window
        phrase = phrases[n - 1].lower().lstrip("(")
        if phrase == "up to" and _RISE_BEFORE_UP.search(text.lower(), max(0, start - covered - 12), start - covered):
            return None
        if phrase in QUALIFIERS:
            return phrase, covered - (1 if reversed_words[n - 1].endswith("(") else 0)
    return None


_SUBUNIT_NEXT = re.compile(r"\s?(?:cents?|pence|penny|p|sen|paise|kopecks)\b", re.IGNORECASE)
_CENTS = ("cent", "cents")  # the hundredths of the dollars, the euro, the peso, the rand...
_AND_CENTS = re.compile(r",?\s*(?:and\s+)?")
RANGE_JOIN = re.compile(r"^\s?(?:-|–|—|to|and|or)\s?", re.IGNORECASE)
RATIO_JOIN = re.compile(r"^\s(?:out\s+of|in|of\s+every)\s", re.IGNORECASE)


def _may_join(gap: str) -> bool:
    """A cheap look at the gap between two figures: could RANGE_JOIN or RATIO_JOIN match it? Both
    start with at most one space and then a dash or one of a few letters ("to", "and", "or",
    "out of", "in"); a text dense with figures mostly has commas and other words between them."""
    c = gap[1:2] if gap[:1].isspace() else gap[:1]
    return bool(c) and (c in "-–—tTaAoOiI" or not c.isascii())


BETWEEN_BEFORE = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
APPROX_SHARE = 0.10  # "around 150" is read as 150 give or take 10%


def _scale(text: str, pos: int, has_currency: bool) -> tuple[float, int, bool]:
    """The scale word after a figure, where it ends, and whether it is a bare "m" with no currency."""
    m = SCALE_AFTER.match(text, pos)
    if not m:
        return 1.0, pos, False
    word = (m.group("tight") or m.group("spaced") or m.group("word") or m.group("grand")).lower()
    # "b" and "cr" against the figure, and any one letter after a space ("5 m", "3 k"), only after a currency
    if (word in ("b", "cr") or (len(word) == 1 and m.group("spaced"))) and not has_currency:
        return 1.0, pos, False
    bare_m = bool(m.group("tight")) and word == "m" and not has_currency
    if bare_m and text[m.end() : m.end() + 1].isalpha():
        return 1.0, pos, False
    if word.startswith("hundred") and len(word) > 7:  # "4 hundred million": hundreds of the scale after
        return 100 * SCALES[word.split()[-1]], m.end(), bare_m
    return SCALES[word], m.end(), bare_m


def _exact(x: float) -> Decimal:
    """The decimal a float was written as ("8.2" -> 8.2 exactly), for edge arithmetic without drift."""
    return Decimal(repr(x))


_EXACT_SCALES = {x: _exact(x) for x in SCALES.values()}  # the scales, once, as decimals


def _bounds(low: float, high: float, kind: str | None) -> tuple[float | None, float | None]:
    """The interval a qualifier makes of [low, high], worked out in exact decimals so an edge such as
    £8.25m stays £8,250,000 and not £8,249,999.999..."""
    if kind is None or kind in ("exact", "about_exact"):
        return low, high
    if high < 0 and kind in ("about", "nearly", "just_above", "just_below"):
        # a negative figure: the share is of its size ("nearly -1" is -1 to -0.9), so mirror it
        b_low, b_high = _bounds(-high, -low, kind)
        return (None if b_high is None else -b_high), (None if b_low is None else -b_low)
    if high <= 0 and kind in ("below", "at_most"):
        return None, high  # "under -5": no floor at zero
    lo, hi, share = _exact(low), _exact(high), _exact(APPROX_SHARE)
    if kind in ("above", "at_least"):
        return low, None
    if kind == "just_above":
        return low, float(hi * (1 + share))
    if kind in ("below", "at_most"):
        return 0.0, high
    if kind == "just_below":
        return float(lo * (1 - share)), high
    if kind == "about":
        mid = (lo + hi) / 2
        return float(min(lo, mid * (1 - share))), float(max(hi, mid * (1 + share)))
    if kind == "nearly":
        return float(lo * (1 - share)), high
    return low, high


class Reading(NamedTuple):
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str | None
    bare_m: bool  # a bare "7m": millions, or metres
    subunit: bool  # pence, cents, sen: a hundredth of the unit
    grand: bool  # "grand": a thousand of a currency the text may not name
    # the figure alone: nothing read around it (no sign, currency or scale) and nothing after it that
    # can make it a percentage; most figures are read so, and find_quantities then has little to do
    bare: bool = False


_new_reading = partial(tuple.__new__, Reading)  # Reading((...)) without the named tuple's own __new__


_SIGN_WORD_ENDS = frozenset({"minus", "ative"})  # the last letters of "minus" and "negative"
# (a sign word joined to the figure by a hyphen too: "minus-30 degrees", as agency copy writes it)
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,%)-])[-−]|\b(?:minus|negative)(?:\s+|-))$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _what_may_follow(head: str) -> tuple[bool, bool, bool, bool]:
    """Whether a scale word, a currency, a percentage or a rate may start where head (the next three
    characters of the text) starts: each pattern looks at no more than that before it runs. Most
    figures are followed by a plain word and run none; the answer is kept per head, so the looks
    are made once for the few dozen heads a text has, not once per figure."""
    return (
        _may_scale_after(head),
        currencies.may_start_after(head, 0),
        _may_follow(head, 0, _PERCENT_HEADS),
        _may_follow(head, 0, _RATE_HEADS) or (head[:1] == "-" and _may_follow(head, 1, _RATE_HEADS)),  # "£9-an-hour"
    )


# A closer look for a currency's name, on the next five characters, made where the look above lets one
# through: two letters pass many plain words ("40 years", "5 per cent", "10 people").
_may_name_after = lru_cache(maxsize=4096)(currencies.may_start_after_closely)


@lru_cache(maxsize=4096)
def _nothing_may_follow(head: str) -> bool:
    """Whether no scale word, currency or percentage may start where head starts (a rate is read only
    after money or a percentage)."""
    may_scale, may_name, may_percent, _ = _what_may_follow(head)
    return not (may_scale or may_name or may_percent)


# What the text before a figure can end with where a currency ends there: a capital, or one of these
# (a gap or a minus, which may_end_prefix looks past, a sign, the last letter of "Rs.", "kr", "Ksh"...)
_PREFIX_TAILS = frozenset(" -−") | currencies.PREFIX_LAST_CHARS


# The last characters of the letters of a currency written before a figure ("Rs", "kr.", "Ksh"), and
# the last two of each: where a word ends in one of the first, a currency is looked for only after the second.
_WORD_TAILS = frozenset(w[-1] for w in currencies.PREFIX_WORD_ENDS) - frozenset(currencies.SIGNS)
_WORD_TAILS_2 = frozenset(w[-2:] for w in currencies.PREFIX_WORD_ENDS)


@lru_cache(maxsize=4096)
def _what_may_lead(before: str) -> tuple[bool, bool]:
    """Whether a currency, and whether a sign ("-", "minus", "negative"), may end just before a figure
    whose three characters before are before (fewer at the start of the text): the looks _read makes
    first, kept per three characters (a text has a few dozen, a set of phrases a few hundred). A
    currency is looked for where the last character, or the one before a space, can end one (and,
    after a word, where it ends as "Rs", "kr" or the like do); a sign where a minus stands there, or a
    space after a word that may end in "minus" or "negative" (or after a second gap, which the look
    at the word skips)."""
    prev = before[-1:]
    lead = before[-2:-1] if prev == " " else prev
    word_end = before[-2:-1]  # "" at the start of the text: the look at the word then finds none
    tail = before[-3:-1] if prev == " " else before[-2:]  # the end of the word, where lead ends one
    return (
        bool(lead)
        and (lead.isupper() or lead in _PREFIX_TAILS)
        and (lead not in _WORD_TAILS or len(tail) < 2 or tail in _WORD_TAILS_2),
        prev in ("-", "−")
        or (
            prev == " "
            and (word_end.isspace() or (word_end in "sSeE" and (len(before) < 3 or tail.lower() in ("us", "ve"))))
        ),
    )


@lru_cache(maxsize=4096)
def _nothing_may_lead(before: str) -> bool:
    """Whether neither a currency nor a sign may end before a figure, as _what_may_lead looks."""
    may_currency, may_sign = _what_may_lead(before)
    return not (may_currency or may_sign)


def _read(text: str, fig: Figure, of: str | None = None) -> Reading:
    """Grows a quantity outward from one figure: sign, currency, scale and a currency after it.
    of: the currency of an amount just before, whose hundredths this figure may be ("one dollar and
    one cent", "seven euros and forty cents"): a subunit that is also an everyday word is then money,
    and cents are that currency's."""
    value, half_unit, start, end, is_word, _ = fig
    unit: str | None = None
    negative = False
    # most figures follow a lower-case word, and then neither the look for a currency nor for a sign is needed
    may_currency, may_sign = _what_may_lead(text[start - 3 : start] if start > 2 else text[:start])
    if may_currency:
        before = text[max(0, start - 9) : start]
        cm = currencies.PREFIX.search(before) if currencies.may_end_prefix(before) else None
        if cm:
            unit = currencies.code_of_prefix(cm)
            if unit is not None:
                negative = bool(cm.group("minus"))
                start -= len(cm.group(0))
                unit = currencies.by_context(unit, text, start)
                may_sign = _what_may_lead(text[start - 3 : start] if start > 2 else text[:start])[1]
    # a sign word ends in "s" or "e" ("minus", "negative"): most figures are spared the slicing
    if may_sign and (
        text[start - 1] in "-−" or text[max(0, start - 10) : start].rstrip()[-5:].lower() in _SIGN_WORD_ENDS
    ):
        sign = _SIGN_BEFORE.search(text, max(0, start - 10), start)
        if sign and not (is_word and sign.group(0)[0] in "-−"):
            negative = not negative
            start = sign.start()
    may_scale, may_name, may_percent, _ = _what_may_follow(text[end : end + 3])
    scale, bare_m = 1.0, False
    if may_scale:
        scale, scaled_end, bare_m = _scale(text, end, unit is not None)
        if scaled_end != end:
            end = scaled_end
            may_name = _what_may_follow(text[end : end + 3])[1]
    subunit = grand = False
    after = currencies.AFTER.match(text, end) if may_name and _may_name_after(text[end : end + 5]) else None
    if after:
        name = (after.group("name") or "").lower()
        code = currencies.code_after(after)
        if name in _POUNDS and not after.group("adj") and _a_weight(text, start, after.end()):
            code = None  # "200 pounds of cocaine", "a 300-pound bear": pounds of weight
        supported = scale > 1 or of is not None or "," in text[fig.start : fig.end] or not currencies.needs_support(name)
        if code and (unit is None or unit == code or name in currencies.SUBUNITS) and supported:
            if not (after.group("p") and is_word):
                if name in currencies.SUBUNITS or after.group("p"):
                    owner = of or unit  # "84 cents" after "$": the dollar's cents; "forty cents" after euros
                    if name in _CENTS and owner is not None:
                        code = owner
                    scale *= 0.01
                    subunit = True
                unit = unit or currencies.by_context(code, text, end)
                end = after.end()
    if (may_scale or after) and text[end - 5 : end].lower() == "grand":
        grand = True
        if unit is None:
            unit = "GBP"
    # (a reading that has the figure's span has no sign, currency or scale, and no currency after it)
    bare = unit is None and not may_percent and start == fig.start and end == fig.end
    if scale == 1.0 and half_unit == 0:  # an exact figure as written: no arithmetic to do
        v = -value if negative else value
        return _new_reading((start, end, v, v - 0.0, v + 0.0, unit, bare_m and unit is None, subunit, grand, bare))
    if scale == 1.0:
        exact, half = _exact(value), _exact(half_unit)
    else:
        in_scale = _EXACT_SCALES.get(scale) or _exact(scale)
        exact = _exact(value) * in_scale  # in decimals: "£8.2m" ends at £8,250,000 exactly
        if scale > 1 and (half_unit == 0 or (is_word and half_unit >= 1)):  # (a decimal in words keeps its digits)
            half = in_scale / 2  # "£7m", "three million": rounded to the nearest whole unit of scale
        else:
            half = _exact(half_unit) * in_scale
    if negative:
        exact = -exact
    return _new_reading((start, end, float(exact), float(exact - half), float(exact + half), unit,
                         bare_m and unit is None, subunit, grand, bare))  # fmt: skip


_POUNDS = ("pound", "pounds")
# "pounds" as a weight: joined to the figure before a noun ("a 300-pound bear"; not "a ten-pound note"),
# of something that is not money ("200 pounds of cocaine"; not "thousands of pounds of funding"), or
# after a verb of weighing ("weighs 150 pounds", "shed 40 pounds"; not "lost 40 pounds", which may be money)
_WEIGHT_NOUN_AFTER = re.compile(
    r"-pound\s+(?!(?:notes?|coins?|fines?|bills?|tickets?|fees?|bets?|prizes?)\b)[a-z]", re.IGNORECASE
).match
_OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|his|her|their|its|our)\s+)?(?P<what>[A-Za-z'’]+)")
_MONEY_NOUNS = frozenset(
    "money cash funding funds investment investments damage debt debts taxpayers taxpayer public revenue revenues sales"
    " profit profits losses spending savings fees aid support compensation bonuses assets shares stock value credit"
    " loans tax taxes income pay wages salary subsidies grants fines rent bills cuts donations government".split()
)
_WEIGHING_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight\s+of|shed|sheds)\s+(?:about\s+|nearly\s+|almost\s+)?$",
                              re.IGNORECASE)


def _a_weight(text: str, start: int, end: int) -> bool:
    """Whether "pound" or "pounds" ending at end, after the figure at start, is a weight, not money."""
    if end >= 6 and _WEIGHT_NOUN_AFTER(text, end - 6):
        return True
    of = _OF_AFTER.match(text, end)
    if of and of.group("what").lower().rstrip("'’") not in _MONEY_NOUNS:
        return True
    return _WEIGHING_BEFORE.search(text, max(0, start - 20), start) is not None


def _both_years(a: Figure, b: Figure) -> bool:
    """ "2019 to 2020" written in digits: two years, not a range of counts."""
    return (a.half_unit == 0 and not a.is_word and 1800 <= a.value <= 2100
            and b.half_unit == 0 and not b.is_word and 1800 <= b.value <= 2100)  # fmt: skip


def find_quantities(text: str | Scan) -> list[Quantity]:
    """Every money amount, count, percentage and rate in text, longest readings first."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text = scan.text
    # the words of the text the readers of figures and the looks below need, found once (a look at
    # every word of the text for each costs more)
    wanted = scan.words & _QUANTITY_WORDS
    figures = find_figures(scan, wanted)
    may_qualify = not wanted.isdisjoint(_QUALIFIER_GATE)
    out: list[Quantity] = []
    consumed_until = -1
    i = 0
    # the reading of the next figure, made when the gap to it was looked at as a range ("12% and 2019"):
    # where no range is made, that figure is read next as it stands, and the reading is used again
    ahead: tuple[Figure, Reading] | None = None
    count = len(figures)
    while i < count:
        fig = figures[i]
        value, half_unit, start, end, _, is_fraction = fig
        if start < consumed_until:
            i += 1
            continue
        nxt = figures[i + 1] if i + 1 < count else None
        first: Reading | None
        if ahead is not None and ahead[0] is fig:
            first = ahead[1]
        elif half_unit == 0 and _nothing_may_lead(text[start - 3 : start] if start > 2 else text[:start]) and (
            _nothing_may_follow(text[end : end + 3])
        ):
            first = None  # an exact figure with nothing that _read looks for around it: it reads as written
        else:
            first = _read(text, fig)
        ahead = None
        if first is None or first.bare:
            if nxt is None or not 0 <= nxt.start - end <= 12 or not _may_join(text[end : nxt.start]):
                # the figure alone, and no range or ratio to the next: a count as written, perhaps
                # qualified (what the steps below come to for it, made without them)
                low, high = (value, value) if first is None else first[3:5]
                found_q = qualifier_before(text, start) if may_qualify else None
                qualifier: str | None = None
                bounds: tuple[float | None, float | None] = (low, high)
                if found_q:
                    qualifier, length = found_q
                    start -= length
                    bounds = _bounds(low, high, QUALIFIERS[qualifier])
                out.append(Quantity("number", text[start:end], (start, end), value, bounds[0], bounds[1],
                                    "fraction" if is_fraction else None, qualifier))  # fmt: skip
                consumed_until = end
                i += 1
                continue
            if first is None:
                first = _read(text, fig)
        start, end, value, low, high, unit, bare_m = first[:7]
        while i + 1 < count and figures[i + 1].start < end:
            i += 1  # "million" in "£3 million" is part of this reading
        nxt = figures[i + 1] if i + 1 < count else None
        notes: list[str] = []
        if first.grand and not text[fig.start : end].lower().endswith(("£", "$")) and first.unit == "GBP":
            notes.append("'grand' read as a thousand pounds")
        # "eleven dollars and fifty cents", "£5 and 50p": a unit and its hundredths, one amount
        if (
            nxt is not None
            and unit
            and not first.subunit
            and 0 <= nxt.start - end <= 6
            and _SUBUNIT_NEXT.match(text, nxt.end)
        ):
            second = _read(text, nxt, unit)
            if second.subunit and second.unit == unit and _AND_CENTS.fullmatch(text, end, second.start):
                # written to the cent, the amount is exact ("two thousand pesos and fifty cents")
                value = low = high = value + second.value
                end = second.end
                consumed_until = end
                i += 1
                nxt = figures[i + 1] if i + 1 < len(figures) else None
        kind = "money" if unit else "number"
        qualifier = None
        figures_written: tuple[float, ...] = ()
        readings: tuple[float, ...] = ()
        if bare_m:  # "7m" with no currency: millions, or metres
            notes.append(
                f"ambiguous: '{text[fig.start : end]}' read as {fig.value:g} million; it may be {fig.value:g} metres"
            )
            readings = (value, fig.value)
        # a range or a ratio: "£5m–£7m", "between 10 and 20", "10 or 20", "three out of four"
        # (joiners are short: " to £", " out of ")
        if nxt is not None and 0 <= nxt.start - end <= 12 and _may_join(gap := text[end : nxt.start]):
            # a ratio is of two counts, a range needs a joiner right after the first figure: the patterns
            # are run only where those can hold ("£5m in 2019" is neither)
            ratio = unit is None and (RATIO_JOIN.fullmatch(gap + " ") or RATIO_JOIN.fullmatch(gap))
            if ratio and nxt.value and not (  # "85 in 2000" is not a ratio
                nxt.half_unit == 0 and not nxt.is_word and 1000 <= nxt.value <= 2100 and gap.strip() == "in"
            ):
                e2, v2 = _read(text, nxt)[1:3]
                frac = value / v2
                out.append(
                    Quantity(
                        "number",
                        text[start:e2],
                        (start, e2),
                        frac,
                        frac,
                        frac,
                        "fraction",
                        None,
                        (f"{value:g} of {v2:g}",),
                    )  # fmt: skip
                )
                consumed_until = e2
                i += 2
                continue
            # the gap is only a joiner, or a joiner then the second figure's currency: "£5m-£7m"
            upper = nxt if RANGE_JOIN.match(gap) else None
        else:
            upper = None
        if upper is not None:
            joiner = gap.strip().lower()
            second = _read(text, upper)
            ahead = (upper, second)
            between = BETWEEN_BEFORE.search(text[max(0, start - 12) : start])
            # "12% and 2019" is two values: "and" makes a range only after "between" or "from"
            if (joiner != "and" or between) and (unit is not None or not _both_years(fig, upper)) and (
                RANGE_JOIN.fullmatch(gap)
                or RANGE_JOIN.fullmatch(gap + " ")
                or RANGE_JOIN.fullmatch(gap2 := text[end : second.start] if second.start >= end else gap)
                or RANGE_JOIN.fullmatch(gap2 + " ")
            ):
                s2, e2, v2, low2, high2, unit2 = second[:6]
                if unit2 is None or unit is None or unit2 == unit:
                    unit = unit or unit2
                    # "£5-7m": the second figure's scale applies to the first
                    second_scale = v2 / upper.value if upper.value else 1.0
                    if upper.is_word and upper.half_unit > 0:  # "three to five million": the scale is in the words
                        second_scale *= 2 * upper.half_unit
                    if second_scale > 1 and value == fig.value and fig.value < upper.value:
                        value *= second_scale
                        half = (fig.half_unit or 0.5) * second_scale
                        low, high = value - half, value + half
                    if v2 >= value:
                        kind = "money" if unit else "number"
                        if between:
                            start -= len(between.group(0))
                        notes.append(
                            f"ambiguous: either {value:g} or {v2:g}; the interval covers both"
                            if joiner == "or"
                            else "a range"
                        )
                        figures_written = (value, v2)
                        if joiner == "or":
                            readings = (value, v2)
                        end, high = e2, high2
                        consumed_until = e2
                        i += 1
        _, _, may_percent, may_rate = _what_may_follow(text[end : end + 3])
        pm = PERCENT_AFTER.match(text, end) if may_percent else None
        if pm and unit is None:
            unit = "%" if not (pm.group("points") or pm.group("bp")) else "percentage points"
            kind = "percent"
            end = pm.end()
            if fig.half_unit == 0 and not notes:
                low, high = value - 0.5, value + 0.5  # "85%" is rounded to the whole point
            if pm.group("bp"):  # a basis point is a hundredth of a percentage point
                value, low, high = value / 100, low / 100, high / 100
                figures_written = tuple(f / 100 for f in figures_written)
                readings = tuple(r / 100 for r in readings)
            may_rate = _what_may_follow(text[end : end + 3])[3]
        rm = RATE_AFTER.match(text, end) if may_rate and kind != "number" else None
        if rm and kind in ("money", "percent"):
            period = PERIODS[(rm.group("period") or rm.group("pa") or rm.group("slash")).lower()]
            unit = f"{unit}/{period}"
            kind = "rate"
            end = rm.end()
        found_q = qualifier_before(text, start) if may_qualify else None
        bounds = (low, high)
        if found_q:
            qualifier, length = found_q
            start -= length
            bounds = _bounds(low, high, QUALIFIERS[qualifier])  # "more than £65,000": open above
        if kind == "number" and unit is None and fig.is_fraction and not figures_written:
            unit = "fraction"
        out.append(
            Quantity(
                kind,
                text[start:end],
                (start, end),
                value,
                bounds[0],
                bounds[1],
                unit,
                qualifier,
                tuple(notes) if notes else (),
                figures_written,
                readings,
            )  # fmt: skip
        )
        consumed_until = max(consumed_until, end)
        i += 1
    if not wanted.isdisjoint(_VAGUE_OR_ORDINAL_WORDS):
        out.extend(_fractions_and_vague(scan, out))
    if len(out) > 1:
        out.sort(key=_SPAN)
    return out


_SPAN = attrgetter("span")


_VAGUE_RE = re.compile(r"(?:" + starting_words(re.escape(f) for f in sorted(VAGUE, key=len, reverse=True)) + r")\b")
_VAGUE_WORDS = frozenset(w for phrase in VAGUE for w in phrase.split() if w not in ("a", "of"))


def _fractions_and_vague(scan: Scan, taken: list[Quantity]) -> list[Quantity]:
    """Vague counts ("dozens of") and ordinals ("third") not yet read."""
    text, low, words = scan.text, scan.lower, scan.words
    vague = not words.isdisjoint(_VAGUE_WORDS)
    plural = not words.isdisjoint(VAGUE_PLURALS)
    ordinal = not words.isdisjoint(_ORDINAL_KEYS)
    if not (vague or plural or ordinal):
        return []
    free_at = bytearray(b"\x01") * len(text)  # a map of the characters no quantity has taken
    for q in taken:
        free_at[q.span[0] : q.span[1]] = bytes(q.span[1] - q.span[0])

    def claim(s: int, e: int) -> bool:
        if free_at.find(0, s, e) != -1:
            return False
        free_at[s:e] = bytes(e - s)
        return True

    extra: list[Quantity] = []
    for m in VAGUE_PLURAL.finditer(low) if plural else ():
        if claim(m.start(), m.end()):
            lo, hi = VAGUE_PLURALS[m.group("unit")]
            if m.group("times"):
                times = VAGUE_TIMES[m.group("times")]
                lo, hi = lo * times, (hi + 1) * times - 1
            extra.append(_vague_count(text, m, lo, hi))
    for m in _VAGUE_RE.finditer(low) if vague else ():
        if claim(m.start(), m.end()):
            extra.append(_vague_count(text, m, *VAGUE[m.group(0)]))
    for m in ORDINAL_WORD.finditer(low) if ordinal else ():
        if claim(m.start(), m.end()):
            v = float(ORDINALS[m.group(0)])
            extra.append(Quantity("number", text[m.start() : m.end()], m.span(), v, v, v, None, None, ("ordinal",)))
    return extra


_ORDINAL_KEYS = frozenset(ORDINALS)
_VAGUE_OR_ORDINAL_WORDS = _VAGUE_WORDS | _ORDINAL_KEYS | frozenset(VAGUE_PLURALS)  # the words that open _fractions_and_vague
_QUANTITY_WORDS = _QUALIFIER_GATE | _VAGUE_OR_ORDINAL_WORDS | FIGURE_WORDS


def _vague_count(text: str, m: re.Match[str], lo: float, hi: float) -> Quantity:
    """A vague count ("dozens of", "a few") read as lo to hi, with the qualifier before it applied; of
    a currency named after it, an amount of money ("millions of dollars", "tens of thousands of euros")."""
    start, end = m.span()
    unit = None
    after = currencies.AFTER.match(text, end) if _may_name_after(text[end : end + 5]) else None
    name = after.group("name") if after else None
    if (after and name and name.lower() not in currencies.SUBUNITS and not currencies.needs_support(name)
            and not (name.lower() in _POUNDS and _a_weight(text, start, after.end()))):  # fmt: skip
        unit = currencies.code_after(after)
        if unit is not None:
            end = after.end()
    return _qualified(text, Quantity("money" if unit else "number", text[start:end], (start, end), (lo + hi) / 2, lo,
                                     hi, unit, None, ("a vague count",)))  # fmt: skip


def _qualified(text: str, q: Quantity) -> Quantity:
    """A vague count with the qualifier before it applied: "more than dozens"."""
    found = qualifier_before(text, q.span[0])
    if found is None or q.low is None or q.high is None:
        return q
    qualifier, length = found
    low, high = _bounds(q.low, q.high, QUALIFIERS[qualifier])
    start = q.span[0] - length
    return Quantity(q.kind, text[start : q.span[1]], (start, q.span[1]), q.value, low, high, q.unit, qualifier,
                    q.notes)  # fmt: skip
