"""The cheap checks that let a date or time reader skip a costly pattern must never skip a match:
wherever the pattern matches, its check says yes (hypothesis, on text built from the words the
patterns look for)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.dates import patterns as p
from factcheck.normalize.numbers import matches_at_words
from factcheck.normalize.times import _clock_gate

PIECES = st.sampled_from(
    "3 17 03 2019 2019/20 1999-2000 31st 2nd of the may May march sept. Sept jan this last next coming past "
    "week month year financial fiscal decade weekend early mid late end start friday Friday spring winter "
    "first second third 4th - – / . , : 9.15 21:07 12.5 59 60 x 1 a the in of tuesday past "
    "following days 3 weeks nineteen ninety two thousand and five oh twenty twenty-one hundred".split()
    + ["the past", "the next ", "first Tuesday of", "last friday in ", "three", "5th of", "\u00a0", "\u0663", "may.", "May", "June 2019", "Sept", "sep", "of 2020", "last year", "MAY"]
)
SEPARATORS = st.sampled_from(["", " ", "  ", "-", ", ", "\n"])
TEXTS = st.one_of(
    st.text(alphabet="0123456789:./- a", max_size=14),
    st.lists(st.tuples(PIECES, SEPARATORS).map("".join), max_size=10).map("".join),
)
CHECKED = [
    (p.DAY_MONTH, p.DAY_MONTH_CORE),
    (p.MONTH_DAY, p.MONTH_DAY_CORE),
    (p.CALENDAR, p.CALENDAR_CORE),
    (p.LAST_NAMED, p.LAST_NAMED_CORE),
    (p.FIN_YEAR, p.FIN_YEAR_CORE),
]
CLOCK_SHAPE = re.compile(r"[0-9][:.][0-5][0-9]").search


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_a_pattern_matches_only_where_its_core_does(text: str) -> None:
    low = text.lower()
    for pattern, core in CHECKED:
        if pattern.search(low):
            assert core(low), (pattern.pattern, low)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_the_clock_gate_is_the_search_for_a_clock_shape(text: str) -> None:
    assert _clock_gate(text) == (CLOCK_SHAPE(text) is not None)


ISO_AS_WRITTEN = re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789-a _é", max_size=24))
def test_the_iso_day_led_by_its_first_digit_finds_what_a_leading_boundary_did(text: str) -> None:
    assert [m.span() for m in p.ISO_DAY.finditer(text)] == [m.span() for m in ISO_AS_WRITTEN.finditer(text)]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789 a٣\ud800", max_size=20))
def test_eight_digits_in_a_row_as_the_search_finds_them(text: str) -> None:
    from factcheck.normalize.dates.numeric import _eight_digits

    assert _eight_digits(text) == (re.search(r"[0-9]{8}", text) is not None)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_the_readers_gates_never_skip_a_match(text: str) -> None:
    from factcheck.normalize.dates import numeric, relative, spans

    low = text.lower()
    if spans.NTH_WEEKDAY.search(low):
        assert spans.NTH_WEEKDAY_CORE(low)
    if relative.WINDOW.search(low):
        assert p.WINDOW_CORE(low)
    if numeric.YEAR_WORDS.search(low):
        words = set(re.findall("[a-z]+", low))
        assert (words & numeric._YEAR_WORD_GATE and words & numeric._YEAR_WORD_SECOND) or {"two", "thousand"} <= words


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_days_beside_months_says_where_day_month_and_month_day_can_match(text: str) -> None:
    low = text.lower()
    before, after = p.days_beside_months(low, frozenset(re.findall("[a-z]+", low)) & p._MONTH_WORDS)
    if p.DAY_MONTH.search(low):
        assert before
    if p.MONTH_DAY.search(low):
        assert after
    # and the two cores, where a month stands as a word
    assert before <= bool(p.DAY_MONTH_CORE(low)) and after <= bool(p.MONTH_DAY_CORE(low))


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_patterns_led_by_a_month_found_at_the_month_words_as_by_a_search_of_the_whole_text(text: str) -> None:
    low = text.lower()
    words = frozenset(re.findall("[a-z]+", low))
    for pattern, s, wanted in (
        (p.MONTH_YEAR, low, p._MONTH_WORDS),
        (p.MONTH_REL_YEAR, low, p._MONTH_WORDS),
        (p.BARE_MONTH, text, p.BARE_MONTH_WORDS),
    ):
        found = matches_at_words(pattern.match, s, low, words & wanted)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(s)], pattern.pattern


CLOCK_WORDS = st.lists(
    st.sampled_from(
        "half quarter a past to after before three four twenty twenty-five five one ten often someone 3 12 "
        "o'clock pm in the morning minutes , .".split()
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=3000, deadline=None)
@given(CLOCK_WORDS)
def test_past_to_found_where_its_count_of_minutes_stands_as_by_a_search_of_the_whole_text(text: str) -> None:
    from factcheck.normalize.times import _PAST_TO_MINUTES, PAST_TO

    words = frozenset(re.findall("[a-z]+", text))
    leads = words & _PAST_TO_MINUTES | ({"a"} if "quarter" in words else set())
    found = matches_at_words(PAST_TO.match, text, text, leads)
    assert [m.span() for m in found] == [m.span() for m in PAST_TO.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123/.-a٣", max_size=12))
def test_the_separated_shape_led_by_its_separator_is_the_shape_led_by_a_figure(text: str) -> None:
    from factcheck.normalize.dates.numeric import _SEPARATED

    assert (_SEPARATED(text) is not None) == (re.search(r"[0-9][/.-][0-9]{1,2}[/.-][0-9]", text) is not None)
