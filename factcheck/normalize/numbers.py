"""Reading figures: numerals with their precision, number words, fractions and ordinals."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import NamedTuple

from factcheck.text.fold import around
from factcheck.text.tense import tense_near

SMALL = {
    "zero": 0, "nil": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "million": 1_000_000,
    "crore": 10_000_000, "crores": 10_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "quadrillion": 10**15, "quintillion": 10**18,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# The denominators of fractions in words: an ordinal read as "parts of" ("seven eighths"), plus
# the two with names of their own. "second" is left out: "one second" is a time.
DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4, "thousandth": 1000, "thousandths": 1000}
DENOMINATORS |= {w: n for w, n in ORDINALS.items() if n > 2} | {w + "s": n for w, n in ORDINALS.items() if n > 2}
FRACTIONS = {"half": 0.5}  # a fraction word that stands alone; every other one is read by FRACTION_RE
UNICODE_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}  # fmt: skip
# Vague counts: read as the range a careful reader would grant them.
VAGUE = {
    "a couple of": (2.0, 2.0), "a couple": (2.0, 2.0), "a few": (2.0, 5.0), "few": (2.0, 5.0),
    "several": (3.0, 9.0), "a dozen": (12.0, 12.0), "a handful of": (2.0, 6.0),
}  # fmt: skip
# A count given as a plural of a unit ("dozens", "thousands of", "millions"): at least two of the unit,
# fewer than ten (a writer with more would say "tens of thousands"). "tens of" or "hundreds of" before
# one scales it ("tens of thousands": 20,000 to 99,999; "hundreds of millions").
VAGUE_PLURALS = {
    "tens": (20.0, 99.0), "dozens": (24.0, 99.0), "scores": (40.0, 199.0), "hundreds": (200.0, 999.0),
    "thousands": (2e3, 1e4 - 1), "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1),
    "trillions": (2e12, 1e13 - 1),
}  # fmt: skip
VAGUE_PLURAL = re.compile(
    r"\b(?:(?P<times>tens|hundreds)\s+of\s+)?(?P<unit>"
    + "|".join(VAGUE_PLURALS)
    + r")\b(?!-)(?:\s+of\b)?"
)
VAGUE_TIMES = {"tens": 10, "hundreds": 100}


def starting_words(alternatives: Iterable[str]) -> str:
    r"""Alternatives (words, or patterns that start with a letter or digit) that each begin where a word
    begins, as `\b(?:one|two)` says, written so that each starts with its own first character and checks
    only after it that no word character stands before (once for all that start alike; those are
    tried in the order given, as in the alternation): a pattern led by literals lets the regex engine
    skip straight to the characters they start with, where one led by `\b` has it try every place in
    the text. The matches are the same."""
    by_first: dict[str, list[str]] = {}  # the rest of each alternative, in order, by its first character
    for a in alternatives:
        assert a[0].isalnum(), a
        by_first.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{first}(?<!\\w{first})(?:{'|'.join(rests)})" for first, rests in by_first.items())


_SCALE_ATOMS = ["hundred", "dozen", *(w for w in MULTIPLIERS if w != "hundred")]
_ATOMS = sorted([w for w in SMALL if w not in ("a", "an", "no")] + list(TENS) + _SCALE_ATOMS, key=len, reverse=True)
_WORD_ATOM = "|".join(_ATOMS)
# "and" and a comma join number words only after a scale word: "two hundred and five", but
# "between three and five" is two numbers.
_AFTER_SCALE = (
    "(?:"
    + "|".join(f"(?<={w})" for w in ("hundred", "thousand", "million", "billion", "trillion", "quadrillion",
                                     "quintillion", "lakh", "crore"))
    + ")"
)
_DIGIT_WORD = "zero|oh|one|two|three|four|five|six|seven|eight|nine|o"  # "one point o five"
# "point five", "point zero two": a decimal with no whole part, said digit by digit. Not after a word
# that makes "point" the noun ("at that point five people", "from this point two roads").
# (led by its "p", each look behind then checks the word before it)
_NOUN_BEFORE = "".join(f"(?<!{w} p)" for w in ("the", "that", "this", "a", "one", "some", "any", "each", "every",
                                               "which", "what", "no", "its", "his", "her", "their", "our", "my", "your"))
_LEAD_POINT = rf"p(?<!\wp){_NOUN_BEFORE}oint(?:\s+(?:{_DIGIT_WORD}))+"
# A run of number words: "twenty-three", "one hundred and twenty", "three million", "four thousand,
# seven hundred" (a comma only after a scale word: "one, two" is a list), "six point two five".
# "a"/"an" count only before a scale word ("a hundred", "a dozen"), so "three and a half" stops at
# "three" and the fraction reader takes the rest. "one-off" and "one-time" are idioms, not counts.
# (Written as "a" or "an" before a scale word and the first word, or the first word alone, each
# alternative led by its first letter: see starting_words.)
WORD_NUMBER = re.compile(
    rf"(?:{_LEAD_POINT}|(?:a(?<!\wa)n?[\s-]+(?={'|'.join(_SCALE_ATOMS)})(?:{_WORD_ATOM})|{starting_words(_ATOMS)})"
    rf"(?:(?:[\s-]+|{_AFTER_SCALE}(?:\s+and|,)\s+)(?:{_WORD_ATOM}))*"
    rf"(?:\s+point(?:\s+(?:{_DIGIT_WORD}))+)?)\b(?!-(?:off|time)\b)"
)
NUMBER_WORDS = (frozenset(SMALL) | frozenset(TENS) | frozenset(MULTIPLIERS) | {"dozen", "point"}) - {"a", "an", "no"}
_SCALE_WORDS = frozenset(_SCALE_ATOMS)
# Where WORD_NUMBER can start with "a" or "an": before a scale word.
_ARTICLE_LEAD = re.compile(rf"a(?<!\wa)n?[\s-]+(?={'|'.join(_SCALE_ATOMS)})")


def matches_at_words(match: Callable[[str, int], re.Match[str] | None], text: str, low: str,
                     words: Iterable[str], also: Iterable[int] = ()) -> list[re.Match[str]]:  # fmt: skip
    """The matches that pattern.finditer(text) gives, for a pattern (match: its bound `match`) each of whose
    matches starts with one of words, as a whole word, in low (the lower-case copy of text), or at one of
    the places in also: tried only there, each word's places found by str.find. A pattern led by a
    month's name or a number word is tried at every letter that starts one, most places in a text; a
    text names a month or a number once or twice."""
    starts = list(also)
    for word in words:
        at = low.find(word)
        while at != -1:
            starts.append(at)
            at = low.find(word, at + 1)
    starts.sort()
    out = []
    end = 0
    for at in starts:
        if at >= end and (m := match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


def _word_numbers(low: str, words: frozenset[str], wanted: frozenset[str]) -> list[re.Match[str]]:
    """WORD_NUMBER.finditer(low), tried only where a match can start: where one of the number words
    the text has begins (each match starts with a whole number word), or at "a" or "an" before a
    scale word. (wanted: some of the text's words, among them all it has of NUMBER_WORDS.)"""
    articles = (
        [m.start() for m in _ARTICLE_LEAD.finditer(low)]
        if not wanted.isdisjoint(_SCALE_WORDS) and ("a" in words or "an" in words)
        else ()
    )
    return matches_at_words(WORD_NUMBER.match, low, low, wanted & NUMBER_WORDS, articles)
_NUMERATOR = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]+"
# "seven eighths", "two-thirds", "a quarter", "one sixteenth"; a whole part before "and": "three
# and a half", "2 and three quarters". A plural denominator needs a numerator above one, a
# singular one "a", "an" or "one" ("the third" is an ordinal, read elsewhere).
_UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# The whole part may be tens and units ("twenty-one and a half"), or a count and a scale word, the
# fraction then of the scale's unit: "a million and a half" is 1.5 million, "two dozen and a half" 30.
FRACTION_RE = re.compile(
    rf"\b(?:(?:(?P<count>a|an|{_WORD_ATOM}|[0-9]+)[\s-]+(?=(?:{'|'.join(_SCALE_ATOMS)})\s))?"
    rf"(?P<whole>(?:{'|'.join(TENS)})[\s-]+(?:{'|'.join(_UNIT_WORDS)})|{_WORD_ATOM}|[0-9]+)\s+and\s+)?"
    rf"(?P<num>{_NUMERATOR})[\s-]+"
    rf"(?P<den>{'|'.join(sorted(DENOMINATORS, key=len, reverse=True))})\b"
)
FRACTION_WORDS = frozenset(DENOMINATORS)
# "3/8", "2 1/2": a fraction in digits when the denominator is small and no year or day follows.
DIGIT_FRACTION = re.compile(
    r"(?<![\w/.,-])(?:(?P<whole>[0-9]+)\s)?(?P<num>[0-9]{1,2})/(?P<den>[0-9]{1,3})(?:st|nd|rd|th)?(?![\w/]|[.,-][0-9])"
)
ORDINAL_WORD = re.compile(r"(?:" + starting_words(sorted(ORDINALS, key=len, reverse=True)) + r")\b")
# Figures in digits. ASCII digits, and a leading lookahead, let the regex engine skip ahead fast.
# Thousands with commas or thin spaces; a decimal point, or a decimal comma when a currency sign
# follows ("19,99 €"); ".5"; scientific notation ("1.2e6", "3.1 x 10^8").
# (thousands grouped in the Indian way, "1,29,999" and "12,34,56,789", as well as by threes)
NUMERAL = re.compile(
    r"(?=[0-9]|\.[0-9])(?<![0-9,])(?<![0-9]\.)(?<!\.\.)"
    r"(?:(?P<eu>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),(?P<eudec>[0-9]{2})(?=\s?(?:€|EUR|kr|zł|Kč|CHF|SEK|NOK|DKK)))?"
    r"(?(eu)|(?:(?P<whole>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+|[0-9]+)"
    r"(?:\.(?P<dec>[0-9]+))?|(?<![\w)\]])\.(?P<lead>[0-9]+))(?![0-9])"
    r"(?:[eE](?P<exp>[-+]?[0-9]{1,3})(?![\w])|\s?[x×*]\s?10(?:\^|\*\*)(?P<exp10>[-+]?[0-9]{1,3})(?![0-9]))?)"
)
# led by a class, not a repeat ("[0-9]+"): the regex engine then skips to each digit instead of trying a
# match at every place in the text (half the instructions of a search)
_DIGITS = re.compile(r"[0-9][0-9]*")


def _numerals(text: str) -> list[Figure]:
    """The figures of NUMERAL.finditer(text) that are figures (not part of a name such as "A4"), tried
    only where a numeral can start: at a digit, or at a point just before one (".5"). A numeral is led
    by look-arounds, which give the regex engine no character to skip to, so a scan of the whole text
    tried every place; the search for a digit skips in one step. Most numerals are plain whole numbers
    ("40", "2019"): where nothing before the digits is what NUMERAL looks behind at, and nothing after
    them can go on into a decimal, a group of thousands, an exponent or a decimal comma, the run of
    digits is all NUMERAL would match, and its figure is made here without it (NUMERAL, trying each
    longer form first, took a third of the time of reading all figures)."""
    out: list[Figure] = []
    pos = 0
    search, match = _DIGITS.search, NUMERAL.match
    while (d := search(text, pos)) is not None:
        at, end = d.span()
        before = text[at - 1 : at]  # "" at the start of the text
        if before not in _BEFORE_NOT_PLAIN and _ends_plainly(text[end : end + 2]):
            pos = end
            if not (before.isalpha() and _in_a_name(text, at)):
                out.append(_new_figure((float(d.group()), 0.0, at, end, False, False)))
            continue
        if before in _EURO_LAST and text[max(0, at - 4) : at].rstrip().endswith(_EURO_SIGNS):
            e = _EURO_FIGURE.match(text, at)  # "€10,50", "EUR 1.234,56": a decimal comma after a euro sign
            if e is not None:
                pos = e.end()
                whole, cents = e.group(1).replace(".", ""), e.group(2)
                out.append(_new_figure((float(f"{whole}.{cents}"), 0.005, at, pos, False, False)))
                continue
        m = match(text, at - 1) if at > pos and before == "." else None
        if m is None:
            m = match(text, at)
        if m is None:
            pos = at + 1
            continue
        pos = m.end()
        s = m.start()
        if _in_a_name(text, s):
            continue
        if m.group("lead") and s and (text[s - 1].isalnum() or text[s - 1] in ")]"):
            continue  # "file.5", "(a).2": not a decimal
        out.append(read_numeral(m))
    return out


_EURO_SIGNS = ("€", "EUR")
_EURO_LAST = frozenset("€R ")  # the character before a figure that a euro sign before it leaves
_EURO_FIGURE = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),([0-9]{2})(?![0-9])")


def _in_a_name(text: str, start: int) -> bool:
    """ "A4", "COVID19": a figure against a letter is part of a name, unless a currency ends there ("USD250")."""
    return start > 0 and text[start - 1].isalpha() and not _JOINED_CURRENCY.search(text, max(0, start - 3), start)


_BEFORE_NOT_PLAIN = frozenset("0123456789,.")  # what NUMERAL's look-behinds look at


@lru_cache(maxsize=1024)
def _ends_plainly(after: str) -> bool:
    """Whether NUMERAL's match of a run of digits stops where after (the next two characters, or what
    the text has) starts: it goes on only into a point or a comma before a digit, a thin or no-break
    space (thousands), an exponent (e, x, ×, *, perhaps after a space). Kept per pair of characters:
    a text has a few, the phrases of a source a few dozen."""
    c, then = after[:1], after[1:2]
    if not c:
        return True
    if c == " ":
        return then not in _TIMES_SIGNS
    if c == "." or c == ",":
        return not "0" <= then <= "9"
    return c not in "eExX×*" and not c.isspace()


_TIMES_SIGNS = frozenset("xX×*")


FRACTION_OF_SCALE = re.compile(
    r"\b(half|a quarter|three quarters|a third|two thirds)\s+(?:of\s+)?an?\s+"
    r"(million|billion|thousand|dozen)\b",
)
_HALF_OF_SCALE = {"half": 0.5, "a quarter": 0.25, "three quarters": 0.75, "a third": 1 / 3, "two thirds": 2 / 3}
# A letter just before a figure is allowed only when it ends a currency written against it ("USD250").
_JOINED_CURRENCY = re.compile(r"(?:[A-Z]{3}|RM|Rs|Rp|Y=|\$US|kr)$")


WORD = re.compile(r"[a-z]+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Every byte but a-z made a space, and every digit a tab: the words of a lower-case text, as WORD finds
# them, are then the pieces split() returns (a character outside ASCII encodes to bytes over 127, so it
# splits too), and its digits are where the tabs are (a digit's byte is never part of a longer character).
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 9 if 48 <= b <= 57 else 32 for b in range(256))


def _letters_and_digits(lower: str) -> bytes:
    return lower.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY)


def _words(lower: str) -> frozenset[str]:
    return frozenset(_letters_and_digits(lower).decode("ascii").split())


def word_set(text: str) -> frozenset[str]:
    """The lower-case words of text: a cheap gate that lets each reader skip text it cannot match."""
    return _words(text.lower())


_new_tuple = tuple.__new__


class Scan(NamedTuple):
    """One text prepared once for every reader: its lower-case copy (same length, so spans carry
    over), its words (each reader skips text that lacks its trigger words) and whether it has digits.
    Matching lower-case patterns against `lower` is about twice as fast as case-insensitive ones.
    A named tuple, not a dataclass: it is built for every phrase and must be cheap."""

    text: str
    lower: str
    words: frozenset[str]
    has_digit: bool
    has_year: bool  # four digits in a row somewhere: the gate for every pattern that needs a year
    within: str = ""  # the passage text was taken from (a claim's quote), read only for a tense

    @classmethod
    def of(cls, text: str | Scan, within: str = "") -> Scan:
        if isinstance(text, Scan):
            return text
        lower = text.lower()
        if len(lower) != len(text):  # a few letters (e.g. "İ") grow when lower-cased: keep offsets
            lower = text.translate(_ASCII_LOWER)
        # one translation gives the words and the digits (a digit, four in a row): two regex searches for
        # those took a third of the time of making a Scan
        marked = lower.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY)  # (_letters_and_digits, without the call)
        has_digit = b"\t" in marked
        # tuple.__new__: the named tuple's own __new__ is a Python function, and a Scan is made for every phrase
        return _new_tuple(cls, (text, lower, frozenset(marked.decode("ascii").split()), has_digit,
                                has_digit and b"\t\t\t\t" in marked, within))  # fmt: skip

    def tense_at(self, start: int, end: int) -> str | None:
        """The tense of the sentence around text[start:end], read in the passage text was taken from
        when there is one ("on Thursday" in "The deal was completed late on Thursday night": past).
        Worked out only here: few values need it, and a claim's value is found in its quote again."""
        before, after = around(self.within, self.text) if self.within else ("", "")
        if not before and not after:
            return tense_near(self.text, start, end)
        return tense_near(before + self.text + after, len(before) + start, len(before) + end)


class Figure(NamedTuple):
    """A number read from text: its value and the half-width of its last written digit (a named
    tuple for speed: there is one per figure in every phrase)."""

    value: float
    half_unit: float  # 0 when the figure is exact (an integer count)
    start: int
    end: int
    is_word: bool = False
    is_fraction: bool = False


# Figure((value, half_unit, start, end, is_word, is_fraction)) without the Python-level __new__ of a
# named tuple: a numeral is read this way for every figure in a text.
_new_figure = partial(tuple.__new__, Figure)


_TIMES_TEN = re.compile(r"\s?[x×*]\s?10(?:\^|\*\*)")
MAX_EXPONENT = 100  # a googol: no count, sum or measure in prose comes near it


def read_numeral(match: re.Match[str]) -> Figure:
    eu, eudec, whole, dec, lead, exp, exp10 = match.groups()
    if whole is not None and whole.isdigit() and dec is None and exp is None and exp10 is None:
        # most figures are plain whole numbers ("1997", "40"): exact, no separators, no exponent
        return _new_figure((float(whole), 0.0, match.start(), match.end(), False, False))
    if eu is not None:  # "1.234,56 €": points for thousands, a comma for decimals
        whole, decimals = eu.replace(".", ""), eudec
    else:
        whole, decimals = whole or "0", dec or lead
    digits = whole.replace(",", "")
    if not digits.isdigit():  # thin or no-break spaces between thousands
        digits = "".join(c for c in digits if "0" <= c <= "9")
    value = float(digits + "." + decimals) if decimals else float(digits)
    half = 0.5 * 10 ** (-len(decimals)) if decimals else 0.0
    end = match.end()
    if exp or exp10:
        times_ten = None if exp else _TIMES_TEN.search(match.string, match.start(), match.end())
        marker = times_ten.start() if times_ten else match.start("exp") - 1
        if abs(int(exp or exp10)) > MAX_EXPONENT:  # beyond any quantity in prose (and a float): the mantissa only
            end, exp, exp10 = marker, None, None
    exp = exp or exp10
    if exp:
        value *= 10.0 ** int(exp)
        half *= 10.0 ** int(exp)
    return _new_figure((value, half, match.start(), end, False, False))


_SPLIT_WORDS = re.compile(r"[\s-]+").split
_DIGIT_VALUES = {"zero": 0, "oh": 0, "o": 0} | {w: SMALL[w] for w in _DIGIT_WORD.split("|") if w in SMALL}


@lru_cache(maxsize=4096)
def words_to_number(text: str) -> float | None:
    """`twenty-three` → 23, `one hundred and five` → 105, `a dozen` → 12, `six point two` → 6.2;
    years and times said in pairs: `nineteen ninety-two` → 1992, `one thirty five` → 135. None if
    not a number. (Kept per run of number words: a few dozen of them, "two", "one hundred", make up
    most of what is said.)"""
    low = text.lower().replace(",", " ")
    if low.startswith("point "):  # "point five": no whole part
        low = "zero " + low
    whole, _, point = low.partition(" point ")
    tokens = [t for t in _SPLIT_WORDS(whole.strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in _SCALE_WORDS):
        return None  # an article, not a number, unless it leads a scale: "a hundred", "a dozen"
    if tokens[0] == "no":
        return None
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        small = SMALL.get(tok)
        if small is None and tok in TENS:
            small = TENS[tok]
            if current % 100:  # "nineteen ninety", "one thirty": a pair, said as hundreds
                current *= 100
        elif small is not None and small >= 10 and current % 100:
            current *= 100  # "twenty fifteen", "one fifteen"
        if small is not None:
            current += small
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[tok]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if point:
        digits = "".join(str(_DIGIT_VALUES[t]) for t in point.split() if t in _DIGIT_VALUES)
        if digits:
            value += float("0." + digits)
    return value


def _fraction_value(num: str, den: str) -> float | None:
    n = float(num) if num.isdigit() else {"a": 1, "an": 1}.get(num) or SMALL.get(num)
    d = DENOMINATORS[den]
    plural = den.endswith("s") and den not in ("thirds",) or den in ("thirds", "halves")
    if n is None or (plural and n == 1) or (not plural and n != 1):
        return None  # "one thirds", "two third": not a fraction
    return n / d


def _word_fractions(scan: Scan) -> list[Figure]:
    """ "seven eighths", "a quarter", "three and a half", "2 and two-thirds" """
    out: list[Figure] = []
    for m in FRACTION_RE.finditer(scan.lower):
        value = _fraction_value(m.group("num"), m.group("den"))
        if value is None:
            continue
        whole = m.group("whole")
        if whole is not None and whole in _SCALE_WORDS:  # "a million and a half": a half of a million more
            count = m.group("count")
            n = 1.0 if count in (None, "a", "an") else float(count) if count.isdigit() else words_to_number(count)
            if n is None:
                continue
            scale = 12.0 if whole == "dozen" else float(MULTIPLIERS[whole])
            value = (n + value) * scale
        elif whole is not None:
            w = float(whole) if whole.isdigit() else words_to_number(whole)
            if w is None:
                continue
            value += w
        out.append(Figure(value, 0.0, m.start(), m.end(), is_word=True, is_fraction=whole is None))
    return out


def _digit_fractions(text: str) -> list[Figure]:
    """ "3/8", "2 1/2", "1½", "¾" """
    out: list[Figure] = []
    if "/" in text:
        for m in DIGIT_FRACTION.finditer(text):
            num, den = int(m.group("num")), int(m.group("den"))
            if not 0 < num < den or den > 100:
                continue  # "24/7", "9/11"-style codes and dates are not fractions
            whole = m.group("whole")
            value = num / den + (int(whole) if whole else 0)
            out.append(Figure(value, 0.0, m.start(), m.end(), is_fraction=whole is None))
    for fm in _UNICODE_FRACTION_RE.finditer(text) if not text.isascii() else ():
        i, ch = fm.start(), fm.group(0)
        j = i
        while j > 0 and "0" <= text[j - 1] <= "9":
            j -= 1
        value = UNICODE_FRACTIONS[ch] + (int(text[j:i]) if j < i else 0)
        out.append(Figure(value, 0.0, j, i + 1, is_fraction=j == i))
    return out


_A_GRAND = re.compile(r"\ba(?=\s+grand\b)")
FIGURE_WORDS = FRACTION_WORDS | NUMBER_WORDS | {"half", "grand"}  # the words find_figures looks for
_HALF = re.compile(r"\bhalf\b")
_UNICODE_FRACTION_RE = re.compile("[" + "".join(UNICODE_FRACTIONS) + "]")


def find_figures(text: str | Scan, wanted: frozenset[str] | None = None) -> list[Figure]:
    """Every numeral, number-word run and fraction in text, in order, the longest where two overlap.
    wanted: some of the text's words, among them all it has of FIGURE_WORDS, where the caller has
    found them (a look at a few words is cheaper than at all of them)."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    found: list[Figure] = _numerals(text) if scan.has_digit else []
    numerals = len(found)
    # the words of the text any reader below needs, found once: most texts have none, and each reader's
    # own look at every word of the text cost about as much as this one
    wanted = (words if wanted is None else wanted) & FIGURE_WORDS
    fractions = _word_fractions(scan) if wanted and not wanted.isdisjoint(FRACTION_WORDS) else []
    found.extend(fractions)
    if "/" in text or (not text.isascii() and _UNICODE_FRACTION_RE.search(text)):
        found.extend(_digit_fractions(text))
    if not wanted and len(found) == numerals:
        return found  # numerals alone come in order and never overlap
    for m in _word_numbers(low, words, wanted) if not wanted.isdisjoint(NUMBER_WORDS) else ():
        value = words_to_number(m.group(0))
        if value is None:
            continue
        # rounded to its last scale word when it ends on one ("three million"); "two thousand and
        # five" is exact
        said = m.group(0)
        if " point " in said or said.startswith("point "):  # "six point two five": to its last digit, as 6.25
            decimals = len(said.rpartition("point ")[2].split())
            found.append(_new_figure((value, 0.5 * 10.0**-decimals, m.start(), m.end(), True, False)))
            continue
        scale = MULTIPLIERS.get(said.rsplit(None, 1)[-1].split("-")[-1], 0)
        found.append(_new_figure((value, 0.5 * scale if scale > 100 else 0.0, m.start(), m.end(), True, False)))
    for m in FRACTION_OF_SCALE.finditer(low) if fractions or "half" in wanted else ():
        scale = MULTIPLIERS.get(m.group(2), 12)
        value = _HALF_OF_SCALE[m.group(1)] * scale
        found.append(Figure(value, 0.1 * value, m.start(), m.end(), is_word=True))
    if "grand" in wanted:  # "a grand": a thousand, read with its currency by the quantity finder
        for m in _A_GRAND.finditer(low):
            found.append(Figure(1.0, 0.0, m.start(), m.end(), is_word=True))
    if "half" in wanted:  # "half" alone, where no longer reading takes it
        for m in _HALF.finditer(low):
            found.append(Figure(0.5, 0.0, m.start(), m.end(), is_word=True, is_fraction=True))
    if len(found) < 2 or len(found) == numerals:
        return found  # numerals alone come in order and never overlap
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    # keep the longest reading where two overlap ("half a million" over "a million", "three and a
    # half" over "three"): a later figure that starts inside a kept one but runs longer replaces it
    kept: list[Figure] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            if f.end - f.start > kept[-1].end - kept[-1].start and f.start == kept[-1].start:
                kept[-1] = f
            elif f.end > kept[-1].end and (f.end - f.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = f
            continue
        kept.append(f)
    return kept
