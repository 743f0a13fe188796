"""Three classes of misread dates and lengths of time, each with the phrases that must not change:
years before the common era and years with their era written; round years in words, which alone
are counts; counts of time written with a fraction."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import parse
from factcheck.models import DateRange
from factcheck.normalize.dates import patterns as p
from factcheck.normalize.dates.patterns import has_fraction
from factcheck.normalize.values import DateValue, Duration, Quantity

REF = "2020-01-01"


def _dates(text: str) -> list[DateValue]:
    return [v for v in parse(text, ref=REF) if isinstance(v, DateValue)]


def _year(y: int) -> DateRange:
    return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31))


# --- years before the common era: never read as the same year AD ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The settlement was founded in 2000 B.C. by farmers.",
        "Grain has been grown there since 1800 BC",
        "the temple dates from about 1450 BCE",
        "a bronze blade cast in 1900 B.C.E., archaeologists say",
        "the tablets were written before 2000BC",
        "the walls were raised in the 5th century BC",
        "a city abandoned in the seventh century B.C.",
        "pottery from two thousand BC",
        "occupied from 1500 to 1200 BC",
        "a settlement of 1700-1600 BCE",
        "early 1900 BC",
    ],
)
def test_a_year_before_the_common_era_is_no_date(text: str) -> None:
    assert _dates(text) == []


def test_the_figure_of_a_year_bc_stays_a_count_as_written() -> None:
    values = parse("the town was razed in 1750 BC", ref=REF)
    assert [(v.kind, v.text) for v in values] == [("number", "1750")]


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("Vesuvius buried Pompeii in AD 79.", "AD 79", 79),
        ("Pompeii was buried in 79 AD", "79 AD", 79),
        ("the Norman conquest of 1066 CE", "1066 CE", 1066),
        ("Rome was sacked in A.D. 410", "A.D. 410", 410),
        ("coins struck in 250 C.E. were found", "250 C.E.", 250),
        ("AD 1348 saw the plague reach England", "AD 1348", 1348),
        ("the wall was finished by 122 AD", "122 AD", 122),
    ],
)
def test_a_year_with_its_era_is_a_year_of_any_size(text: str, written: str, year: int) -> None:
    dates = _dates(text)
    assert [(d.text, d.range) for d in dates] == [(written, _year(year))]


@pytest.mark.parametrize(
    ("text", "year"),
    [("the 2017 BC election", 2017), ("in 2019 BC Hydro raised its rates", 2019), ("since 2001 BC Ferries has", 2001)],
)
def test_bc_before_a_name_or_qualifying_a_noun_is_british_columbia(text: str, year: int) -> None:
    assert [d.range.start.year for d in _dates(text) if d.range] == [year]


def test_a_span_from_bc_to_ad_is_no_span_of_years_ad() -> None:
    dates = _dates("the empire lasted from 300 BC to 200 AD")
    assert [(d.text, d.range) for d in dates] == [("200 AD", _year(200))]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The library opened in 2003.", 2003),
        ("the abbey was built in 1150", 1150),
        ("Sales fell in 1998, the ABC report said", 1998),
    ],
)
def test_years_without_an_era_are_read_as_before(text: str, year: int) -> None:
    assert [d.range for d in _dates(text)] == [_year(year)]


@pytest.mark.parametrize(
    "text",
    ["she bought 40 ads in 2019 and 79 adverts", "the CEO said 250 staff would go", "an ad for 79 pence"],
)
def test_ad_and_ce_inside_other_words_mark_no_era(text: str) -> None:
    assert all(d.range is None or d.range.start.year >= 1800 for d in _dates(text))


# --- round years in words: alone they are counts ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two thousand people marched through the city.",
        "the plant will cut eleven hundred jobs",
        "nineteen hundred homes lost power",
        "some twelve hundred delegates attended",
        "Twenty hundred tickets went on sale",
    ],
)
def test_a_round_year_in_words_alone_is_no_date(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("the bridge was built in eleven hundred", 1100),
        ("by nineteen hundred the town had doubled", 1900),
        ("Since two thousand, prices have risen", 2000),
        ("the millennium bug of the year two thousand", 2000),
        ("two thousand and eight was a hard year", 2008),
        ("nineteen ninety-two was a hard year", 1992),
        ("the plan for twenty twenty", 2020),
    ],
)
def test_years_in_words_introduced_or_not_round_stay_years(text: str, year: int) -> None:
    assert [d.range for d in _dates(text)] == [_year(year)]


# --- counts of time written with a fraction --------------------------------------------------------


def _durations(text: str) -> list[Duration]:
    return [v for v in parse(text, ref=REF) if isinstance(v, Duration)]


@pytest.mark.parametrize(
    ("text", "written", "count", "unit"),
    [
        ("The ferry crossing takes 3/4 hour.", "3/4 hour", 0.75, "hour"),
        ("after marching 3 3/4 hours", "3 3/4 hours", 3.75, "hour"),
        ("a 1/2 day closure", "a 1/2 day", 0.5, "day"),
        ("a 3/4 hour drive", "a 3/4 hour", 0.75, "hour"),
        ("he served 2 1/2 years in prison", "2 1/2 years", 2.5, "year"),
        ("she waited 1 1/2 hours", "1 1/2 hours", 1.5, "hour"),
        ("a 2½ years wait", "2½ years", 2.5, "year"),
        ("it took 1¾ hours", "1¾ hours", 1.75, "hour"),
        ("about ¾ hour", "about ¾ hour", 0.75, "hour"),
    ],
)
def test_a_count_of_time_with_a_fraction_counts_the_whole_fraction(
    text: str, written: str, count: float, unit: str
) -> None:
    (d,) = _durations(text)
    assert (d.text, d.counts, d.unit) == (written, (count,), unit)


def test_the_length_of_a_fractional_count() -> None:
    (hours,) = _durations("The ferry crossing takes 3/4 hour.")
    assert hours.low_days == hours.high_days == round(0.75 / 24, 2)
    (years,) = _durations("he served 2 1/2 years in prison")
    # to half its fraction, as "two and a half years" is read
    (said,) = _durations("he served two and a half years in prison")
    assert (years.low_days, years.high_days) == (said.low_days, said.high_days)
    assert years.low_days < 2.5 * 365.25 < years.high_days


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2 1/2 years later the plant closed", dt.date(2022, 4, 2), dt.date(2022, 10, 1)),
        ("the deal collapsed 1 1/2 years ago", dt.date(2018, 4, 2), dt.date(2018, 10, 1)),
        ("over the last 1/2 year", dt.date(2019, 7, 2), dt.date(2020, 1, 1)),
    ],
)
def test_an_offset_with_a_fraction_moves_by_the_whole_fraction(text: str, start: dt.date, end: dt.date) -> None:
    (d,) = _dates(text)
    assert d.range == DateRange(start, end)


def test_an_offset_in_hours_with_a_fraction_is_read_whole() -> None:
    (d,) = _dates("the alarm sounded 1 1/2 hours ago")
    assert d.text == "1 1/2 hours ago"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("four and a half hours", "four and a half hours"),
        ("4 1/2 hours", "4 1/2 hours"),
        ("2 ½ years", "2 ½ years"),
        ("30 days", "30 days"),
        ("a 10-year plan", "10-year"),
    ],
)
def test_lengths_of_time_read_before_are_read_as_before(text: str, written: str) -> None:
    assert [d.text for d in _durations(text)] == [written]


@pytest.mark.parametrize("text", ["open 24/7 days a year", "the 7/10 days"])
def test_a_slash_that_is_no_fraction_gives_no_count_of_time(text: str) -> None:
    assert not any(d.text.startswith(("7 days", "10 days", "24/7")) for d in _durations(text))


def test_a_fraction_of_money_beside_a_unit_of_time_is_left_to_the_money_reader() -> None:
    values = parse("a fare of £3 for 1/2 hour", ref=REF)
    assert [v.text for v in values if isinstance(v, Quantity) and v.kind == "money"] == ["£3"]


# --- the gate of the fraction patterns ---------------------------------------------------------------

_TIME_PIECES = st.sampled_from(
    "3 3/4 1/2 24/7 ½ ¾ 2½ a an the last within about hours hour days years later ago - / 1 2 and half".split()
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TIME_PIECES, max_size=8).map(" ".join))
def test_where_a_text_has_no_fraction_the_fraction_patterns_read_what_the_plain_ones_do(text: str) -> None:
    if has_fraction(text):
        return
    for plain, fraction in (
        (p.DURATION, p.DURATION_FRACTION),
        (p.OFFSET, p.OFFSET_FRACTION),
        (p.WINDOW, p.WINDOW_FRACTION),
        (p.WITHIN, p.WITHIN_FRACTION),
    ):
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fraction.finditer(text)]
