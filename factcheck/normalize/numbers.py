"""Reading figures: numerals with their precision, number words, fractions and ordinals."""

from __future__ import annotations

import re
import string
from typing import NamedTuple

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
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2,
    "a tenth": 0.1, "one tenth": 0.1,
}  # fmt: skip
# Vague counts: read as the range a careful reader would grant them.
VAGUE = {
    "a couple of": (2.0, 2.0), "a couple": (2.0, 2.0), "a few": (2.0, 5.0), "few": (2.0, 5.0),
    "several": (3.0, 9.0), "a dozen": (12.0, 12.0), "dozens of": (24.0, 99.0),
    "hundreds of": (200.0, 999.0), "thousands of": (2000.0, 9999.0), "a handful of": (2.0, 6.0),
}  # fmt: skip

_WORD_ATOM = "|".join(sorted(list(SMALL) + list(TENS) + list(MULTIPLIERS) + ["dozen"], key=len, reverse=True))
# A run of number words: "twenty-three", "one hundred and twenty", "three million".
# "one-off" and "one-time" are idioms, not counts.
WORD_NUMBER = re.compile(rf"\b(?:{_WORD_ATOM})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_ATOM}))*\b(?!-(?:off|time)\b)")
# "a", "an" and "no" only count before a scale word, which is in the set itself
NUMBER_WORDS = (frozenset(SMALL) | frozenset(TENS) | frozenset(MULTIPLIERS) | {"dozen"}) - {"a", "an", "no"}
FRACTION_RE = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True)) + r")\b")
ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b")
FRACTION_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "tenth"})
# ASCII digits only, and a leading lookahead: both let the regex engine skip ahead fast.
NUMERAL = re.compile(r"(?=[0-9])(?<![\w.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?![0-9])")
FRACTION_OF_SCALE = re.compile(
    r"\b(half|a quarter|three quarters|a third|two thirds)\s+(?:of\s+)?an?\s+"
    r"(million|billion|thousand|dozen)\b",
)


WORD = re.compile(r"[a-z]+")
HAS_DIGIT = re.compile(r"[0-9]").search
HAS_YEAR = re.compile(r"[0-9]{4}").search
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def word_set(text: str) -> frozenset[str]:
    """The lower-case words of text: a cheap gate that lets each reader skip text it cannot match."""
    return frozenset(WORD.findall(text.lower()))


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

    @classmethod
    def of(cls, text: str | Scan) -> Scan:
        if isinstance(text, Scan):
            return text
        lower = text.lower()
        if len(lower) != len(text):  # a few letters (e.g. "İ") grow when lower-cased: keep offsets
            lower = text.translate(_ASCII_LOWER)
        has_digit = HAS_DIGIT(text) is not None
        return cls(text, lower, frozenset(WORD.findall(lower)), has_digit, has_digit and HAS_YEAR(text) is not None)


class Figure(NamedTuple):
    """A number read from text: its value and the half-width of its last written digit (a named
    tuple for speed: there is one per figure in every phrase)."""

    value: float
    half_unit: float  # 0 when the figure is exact (an integer count)
    start: int
    end: int
    is_word: bool = False


def read_numeral(match: re.Match[str]) -> Figure:
    whole, decimals = match.group(1), match.group(2)
    value = float(whole.replace(",", "") + ("." + decimals if decimals else ""))
    half = 0.5 * 10 ** (-len(decimals)) if decimals else 0.0
    return Figure(value, half, match.start(), match.end())


def words_to_number(text: str) -> float | None:
    """`twenty-three` → 23, `one hundred and five` → 105, `a dozen` → 12; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in ("hundred", "dozen", *MULTIPLIERS)):
        return None  # an article, not a number, unless it leads a scale: "a hundred", "a dozen"
    if tokens == ["no"] or (tokens[0] == "no" and len(tokens) > 1):
        return None
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        if tok in SMALL:
            current += SMALL[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_figures(text: str | Scan) -> list[Figure]:
    """Every numeral and number-word run in text, in order."""
    scan = Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    found: list[Figure] = []
    if scan.has_digit:
        for m in NUMERAL.finditer(text):
            found.append(read_numeral(m))
    fractions = [m.span() for m in FRACTION_RE.finditer(low)] if not words.isdisjoint(FRACTION_WORDS) else []
    for m in WORD_NUMBER.finditer(low) if not words.isdisjoint(NUMBER_WORDS) else ():
        value = words_to_number(m.group(0))
        if value is None:
            continue
        if any(a <= m.start() < b and b - a >= m.end() - m.start() for a, b in fractions):
            continue  # "two-thirds", "three quarters": a fraction, read as one by the quantity finder
        # "a"/"an" only count when followed by another number word ("a hundred", "a dozen")
        biggest = max((v for w, v in MULTIPLIERS.items() if w in m.group(0) and v > 100), default=0)
        found.append(Figure(value, 0.5 * biggest, m.start(), m.end(), is_word=True))
    for m in FRACTION_OF_SCALE.finditer(low) if fractions else ():
        scale = MULTIPLIERS.get(m.group(2), 12)
        value = FRACTIONS[m.group(1)] * scale
        found.append(Figure(value, 0.1 * value, m.start(), m.end(), is_word=True))
    if len(found) < 2 or not (fractions or any(f.is_word for f in found)):
        return found  # numerals alone come in order and never overlap
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    # keep the longest reading where two overlap ("half a million" over "a million")
    kept: list[Figure] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept
