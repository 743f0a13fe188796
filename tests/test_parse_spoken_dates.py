"""Dates as transcripts and read-out copy give them, and shorthand forms of a date: a day and year said
in words, "may" between a day and a year, a year shortened with an apostrophe after a word that
introduces a date, and a month's name before a day and year joined by dashes or slashes. Each class is
held by phrases of its own, written for these tests, and by phrases that must not change."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck

REF = "2021-03-01"


def dates(text: str) -> list[tuple[str, dt.date, dt.date, str]]:
    return [
        (v.text, v.range.start, v.range.end, v.granularity)
        for v in factcheck.parse(text, ref=REF)
        if v.kind == "date" and v.range is not None
    ]


def one_day(text: str) -> tuple[str, dt.date]:
    found = [v for v in factcheck.parse(text, ref=REF) if v.kind == "date"]
    assert len(found) == 1, f"expected one date in {text!r}, got {[v.to_dict() for v in found]}"
    v = found[0]
    assert v.range is not None and v.granularity == "day" and v.range.start == v.range.end, v.to_dict()
    return v.text, v.range.start


# --- 1. a date said in words: a month, an ordinal day in words, a year in words -------------------------


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        # the month first
        ("the flood came on march thirtieth nineteen ninety", "march thirtieth nineteen ninety", dt.date(1990, 3, 30)),
        (
            "It opened October twenty-second, nineteen eighty-one.",
            "October twenty-second, nineteen eighty-one",
            dt.date(1981, 10, 22),
        ),
        (
            "signed on February ninth two thousand and three",
            "February ninth two thousand and three",
            dt.date(2003, 2, 9),
        ),
        ("april the eleventh twenty nineteen was wet", "april the eleventh twenty nineteen", dt.date(2019, 4, 11)),
        (
            "December thirty-first nineteen ninety-nine at midnight",
            "December thirty-first nineteen ninety-nine",
            dt.date(1999, 12, 31),
        ),
        ("by September fourth twenty oh eight", "September fourth twenty oh eight", dt.date(2008, 9, 4)),
        ("on Jan. second, two thousand one", "Jan. second, two thousand one", dt.date(2001, 1, 2)),
        # the month first, a day in words and the year in figures
        ("August twenty-first, 1986", "August twenty-first, 1986", dt.date(1986, 8, 21)),
        # the day first
        (
            "the twenty third of october nineteen sixty-two",
            "the twenty third of october nineteen sixty-two",
            dt.date(1962, 10, 23),
        ),
        ("on the ninth of February, twenty twenty", "the ninth of February, twenty twenty", dt.date(2020, 2, 9)),
        (
            "The first of December two thousand and ten",
            "The first of December two thousand and ten",
            dt.date(2010, 12, 1),
        ),
        ("the thirtieth of june, nineteen forty", "the thirtieth of june, nineteen forty", dt.date(1940, 6, 30)),
        ("the eleventh of may twenty twelve", "the eleventh of may twenty twelve", dt.date(2012, 5, 11)),
    ],
)
def test_a_date_said_in_words_is_one_day(text: str, said: str, day: dt.date) -> None:
    assert one_day(text) == (said, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day that no month has is no date
        ("february thirtieth nineteen ninety", None),
        # a count after the year: the day and month alone, the count its own
        ("on the first of March two thousand people marched", "the first of March"),
        # a month's name then an ordinal without a year: not read as a day ("third parties")
        ("Since March third parties have bid", None),
        ("In April second homes sold well", None),
        # the verb may before ordinal words and a year in words is still the verb without a year
        ("we may first need twenty people", None),
    ],
)
def test_words_that_are_no_spoken_date(text: str, expected: str | None) -> None:
    days = [d for d in dates(text) if d[3] == "day"]
    if expected is None:
        assert days == []
    else:
        assert [d[0] for d in days] == [expected]


def test_a_spoken_day_keeps_its_weekday_check() -> None:
    (v,) = [v for v in factcheck.parse("Friday, the fifth of March twenty twenty-one", ref=REF) if v.kind == "date"]
    assert v.range is not None and v.range.start == dt.date(2021, 3, 5)


# --- 2. "may" between a day and a year is the month ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        ("born 17 may 2010 in leeds", "17 may 2010", dt.date(2010, 5, 17)),
        ("the vote on 3 may 2019", "3 may 2019", dt.date(2019, 5, 3)),
        ("from the 22nd of may 1998", "22nd of may 1998", dt.date(1998, 5, 22)),
        ("the seventeenth of may twenty ten", "the seventeenth of may twenty ten", dt.date(2010, 5, 17)),
        ("may 4th, 2006 was the day", "may 4th, 2006", dt.date(2006, 5, 4)),
    ],
)
def test_may_between_a_day_and_a_year_is_the_month(text: str, said: str, day: dt.date) -> None:
    assert one_day(text) == (said, day)


@pytest.mark.parametrize(
    "text",
    [
        "17 may well leave",
        "the 3 may be enough",
        "the first of them may go",
        "the fifth of may be the last",
        "you may 2019 forget",
        "they may 2020 see",
    ],
)
def test_may_the_verb_without_a_day_and_a_year_is_no_day(text: str) -> None:
    assert [d for d in dates(text) if d[3] == "day"] == []


# --- 3. a year shortened with an apostrophe after a word that introduces a date -----------------------


@pytest.mark.parametrize(
    ("text", "said", "year"),
    [
        ("unbeaten since '87", "'87", 1987),
        ("he left in '04 for Madrid", "'04", 2004),
        ("the class of '95 meets again", "'95", 1995),
        ("done by \u201999, they said", "\u201999", 1999),
        ("the summer of \u201869", "\u201869", 1969),
        ("before '29 the town was small", "'29", 2029),
        ("in '30 the dam was built", "'30", 1930),
    ],
)
def test_a_year_after_an_apostrophe_after_a_date_word(text: str, said: str, year: int) -> None:
    years = [d for d in dates(text) if d[3] == "year"]
    assert [(d[0], d[1], d[2]) for d in years] == [(said, dt.date(year, 1, 1), dt.date(year, 12, 31))]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The drought began in 1894, and by '96 the farms were empty", [1894, 1896]),
        ("in 1862 the road was started; in '65 it was done", [1862, 1865]),
        ("first elected in 1997, again in '01", [1997, 2001]),
    ],
)
def test_a_shortened_year_takes_the_century_of_a_year_written_before_it(text: str, years: list[int]) -> None:
    assert [d[1].year for d in dates(text) if d[3] == "year"] == years


def test_two_shortened_years_make_a_span() -> None:
    (span,) = [v for v in factcheck.parse("a record from '12 to '16", ref=REF) if v.kind == "date"]
    assert span.range is not None and span.granularity == "range"
    assert (span.text, span.range.start, span.range.end) == (
        "from '12 to '16",
        dt.date(2012, 1, 1),
        dt.date(2016, 12, 31),
    )


@pytest.mark.parametrize(
    "text",
    [
        "he said '5 more' and left",
        "she told them '45 minutes, no more'",
        "the figure '82' was printed",
        "a score of '82%' on the test",
        "in the '90s",  # a decade, read as one already
        "the '82s were tall",
        "in '123 ways'",
    ],
)
def test_a_quoted_figure_is_no_shortened_year(text: str) -> None:
    assert [d for d in dates(text) if d[3] == "year"] == []


def test_the_decade_after_an_apostrophe_is_unchanged() -> None:
    assert [(d[0], d[1].year, d[3]) for d in dates("music of the '80s")] == [("the '80s", 1980, "decade")]


# --- 4. a month's name, then the day and year joined by dashes or slashes -----------------------------


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        ("filed Feb-28-2019 at noon", "Feb-28-2019", dt.date(2019, 2, 28)),
        ("posted Oct/9/2017", "Oct/9/2017", dt.date(2017, 10, 9)),
        ("due april-30-2022", "april-30-2022", dt.date(2022, 4, 30)),
        ("Sept/3/2019", "Sept/3/2019", dt.date(2019, 9, 3)),
        ("from Dec-01-2015", "Dec-01-2015", dt.date(2015, 12, 1)),
        ("May-5-2011 release", "May-5-2011", dt.date(2011, 5, 5)),
    ],
)
def test_a_month_then_day_and_year_joined(text: str, said: str, day: dt.date) -> None:
    assert one_day(text) == (said, day)


@pytest.mark.parametrize(
    "text",
    [
        "Feb-30-2019",  # no such day
        "jun-5/2019",  # two separators
        "Mar-3-4",
        "Aug-10-12",  # days 10 to 12 of August, perhaps: no year of four figures
    ],
)
def test_no_month_day_year_where_the_parts_do_not_make_one(text: str) -> None:
    assert [d for d in dates(text) if d[3] == "day"] == []


def test_the_day_first_form_is_unchanged() -> None:
    assert one_day("on 15-Jan-2020") == ("15-Jan-2020", dt.date(2020, 1, 15))
