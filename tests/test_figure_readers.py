"""The figure and quantity readers' shortcuts hold to the plain rules they stand for (hypothesis).

Each shortcut (a cheap look before a pattern, a reading made without its pattern) is checked against
the rule written the plain way, on random text and on text made of the characters the rules turn on.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.numbers import Scan

# Characters the readers look at around a figure, and some that change length or case when lowered.
TRICKY = st.text(
    alphabet=st.sampled_from(list("aeEpsmkx×*0123456789 .,-−\t\n\u00a0\u2009$£€½İKﬀ٣²(") + ["\ud800"]),
    max_size=40,
)
TEXTS = st.one_of(st.text(max_size=80), TRICKY)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_a_scan_has_the_words_and_digits_of_its_text(text):
    scan = Scan.of(text)
    assert len(scan.lower) == len(text)
    assert scan.words == frozenset(re.findall(r"[a-z]+", scan.lower))
    assert scan.has_digit == (re.search(r"[0-9]", text) is not None)
    assert scan.has_year == (re.search(r"[0-9]{4}", text) is not None)


# Pieces of text around a figure that the looks before the patterns turn on.
PIECES = st.sampled_from(
    ["5", "40", " ", "  ", "\t", "-", "\u00a0", "yen", "Yen", "new zealand", "New", "news", "USD", "Usd", "EUR",
     "kr", "Kr.", "p", "P", "per cent", "pence", "people", "$", "€", "zł", "Kč", "hong kong", "u.s.", "US",
     "dollars", "crowns", "danish", "more than", "over", "(about", "c.", "than", "the", "as many as", "up to",
     "gone", "\n", "x", "İ", "K", "ſ", "thousand", "million", "miles", "m", "bn", "k", "grand", "to", "lakh",
     "Crores", "tn", "b", "Rs", "Rs.", "rs", "Rp", "kr.", "Fr.", "dlrs", "dlr", "Ksh", "KSh", "Y=", "minus", "Minus",
     "negative", "NEGATIVE", "us", "−", "£", "HK$", "A", "is", "the."]
)
# each piece after a gap or none, as words and figures stand in a text
AROUND = st.lists(st.tuples(st.sampled_from(["", "", " ", "-", "\t"]), PIECES), max_size=8).map(
    lambda pieces: "".join(gap + piece for gap, piece in pieces)
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(AROUND, TRICKY))
def test_the_close_look_for_a_currency_after_a_figure_never_misses_one(text):
    from factcheck.normalize import currencies

    for pos in range(len(text) + 1):
        if currencies.AFTER.match(text, pos):
            assert currencies.may_start_after_closely(text[pos : pos + 5]), (text, pos)


@settings(max_examples=500, deadline=None)
@given(st.one_of(AROUND, TRICKY))
def test_the_looks_for_a_scale_or_a_currency_after_a_figure_never_miss_one(text):
    from factcheck.normalize import currencies
    from factcheck.normalize.quantities import SCALE_AFTER, _may_scale_after

    for pos in range(len(text) + 1):
        if SCALE_AFTER.match(text, pos):
            assert _may_scale_after(text[pos : pos + 3]), (text, pos)
        if currencies.AFTER.match(text, pos):
            assert currencies.may_start_after(text, pos), (text, pos)


@settings(max_examples=500, deadline=None)
@given(st.one_of(AROUND, TRICKY))
def test_the_look_before_a_figure_never_misses_a_currency_or_a_sign(text):
    from factcheck.normalize import currencies
    from factcheck.normalize.quantities import _SIGN_WORD_ENDS, _what_may_lead

    for start in range(len(text) + 1):
        may_currency, may_sign = _what_may_lead(text[start - 3 : start] if start > 2 else text[:start])
        # what _read looks at, as it was written before the look was kept per three characters
        lead = text[start - 1 : start] if start else ""
        if lead == " ":
            lead = text[start - 2 : start - 1] if start > 1 else ""
        before = text[max(0, start - 9) : start]
        if lead and (lead in " -−" or lead in currencies.PREFIX_LAST_CHARS or lead.isupper()):
            if currencies.may_end_prefix(before):
                assert may_currency, (text, start)
        prev = text[start - 1] if start else ""
        if (prev and prev in "-−") or (
            prev == " "
            and ((word_end := text[start - 2 : start - 1]) in "sSeE" or word_end.isspace())
            and text[max(0, start - 10) : start].rstrip()[-5:].lower() in _SIGN_WORD_ENDS
        ):
            assert may_sign, (text, start)


def _qualifier_before_as_written(text: str, start: int) -> tuple[str, int] | None:
    """qualifier_before as it was written before its cheapest look: the last word (split at a space,
    tab or newline) against the last words of the qualifiers, then up to three words against the list."""
    from factcheck.normalize.quantities import _QUALIFIER_LAST_WORDS, _RISE_BEFORE_UP, QUALIFIERS

    lead = max(0, start - 28)
    window = text[lead:start]
    if not window or not window[-1].isspace():
        return None
    stripped = window.rstrip()
    last = stripped[max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t")) + 1 :]
    if not last or last.lower().lstrip("(") not in _QUALIFIER_LAST_WORDS:
        return None
    words = re.match(r"\s+(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?", window[::-1])
    if words is None:
        return None
    for n in (3, 2, 1):
        if words.group(n) is None:
            continue
        covered = words.end(n)
        if lead > 0 and covered == start - lead and not text[lead - 1].isspace():
            continue  # the first word was cut by the window
        phrase = " ".join(words.group(k)[::-1] for k in range(n, 0, -1)).lower().lstrip("(")
        if phrase == "up to" and _RISE_BEFORE_UP.search(text.lower(), max(0, start - covered - 12), start - covered):
            return None
        if phrase in QUALIFIERS:
            return phrase, covered - (1 if words.group(n).endswith("(") else 0)
    return None


@settings(max_examples=500, deadline=None)
@given(st.one_of(AROUND, TRICKY))
def test_the_qualifier_before_a_figure_is_the_one_its_words_say(text):
    from factcheck.normalize.quantities import qualifier_before

    for start in range(len(text) + 1):
        assert qualifier_before(text, start) == _qualifier_before_as_written(text, start), (text, start)
