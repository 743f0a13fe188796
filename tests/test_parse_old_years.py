"""Years before 1800 where the text says they are dates: a full date or a month with such a year, a year
alone in parentheses, after "as early as" or "so late as", after "circa", and a span of old years after
"from" or "between"; each with the phrases that must stay counts."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import parse
from factcheck.models import DateRange
from factcheck.normalize.values import DateValue, Quantity

REF = "2020-01-01"


def _dates(text: str) -> list[tuple[str, DateRange | None]]:
    return [(v.text, v.range) for v in parse(text, ref=REF) if isinstance(v, DateValue)]


def _counts(text: str) -> list[tuple[str, float]]:
    return [(v.text, v.value) for v in parse(text, ref=REF) if isinstance(v, Quantity)]


def _day(y: int, m: int, d: int) -> DateRange:
    return DateRange.day(dt.date(y, m, d))


def _month(y: int, m: int) -> DateRange:
    end = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))
    return DateRange(dt.date(y, m, 1), end)


def _year(y: int) -> DateRange:
    return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31))


# --- a month's name anchors a date whose year is before 1800 ---------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("The fleet left harbour on the 9th June, 1497, bound west.", "9th June, 1497", _day(1497, 6, 9)),
        ("The abbey burned on 2 February 1320 and was rebuilt.", "2 February 1320", _day(1320, 2, 2)),
        ("a charter sealed April 17, 1215 at the castle", "April 17, 1215", _day(1215, 4, 17)),
        ("Riots broke out on Sept. 3rd, 1588 in the port", "Sept. 3rd, 1588", _day(1588, 9, 3)),
        ("the king was crowned on the eleventh of May 1509", "the eleventh of May 1509", _day(1509, 5, 11)),
        ("The siege ended on 14 July 1789, historians agree.", "14 July 1789", _day(1789, 7, 14)),
        ("the treaty of 1 January 1000 is a forgery", "1 January 1000", _day(1000, 1, 1)),
    ],
)
def test_a_day_and_month_take_a_year_before_1800(text: str, written: str, day: DateRange) -> None:
    assert _dates(text) == [(written, day)]
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "written", "month"),
    [
        ("The council first met in October 1266 at Perth.", "October 1266", _month(1266, 10)),
        ("Plague reached the town in Aug 1348, records show", "Aug 1348", _month(1348, 8)),
        ("a letter dated December, 1541, survives", "December, 1541", _month(1541, 12)),
        ("June 1066 was wet, the chronicle says", "June 1066", _month(1066, 6)),
    ],
)
def test_a_month_takes_a_year_before_1800(text: str, written: str, month: DateRange) -> None:
    assert _dates(text) == [(written, month)]


@pytest.mark.parametrize(
    ("text", "date", "count"),  # the day and month are read as a date without its year
    [
        ("On 3 March 1500 workers walked out of the yard.", "3 March", 1500.0),
        ("By June 4, 1200 people had signed the petition.", "June 4", 1200.0),
        ("In May 1400 volunteers joined the clean-up.", "May", 1400.0),
        ("by 12 April 1750 children had been vaccinated", "12 April", 1750.0),
    ],
)
def test_a_count_after_a_day_and_month_stays_a_count(text: str, date: str, count: float) -> None:
    assert [written for written, _ in _dates(text)] == [date]
    assert [value for _, value in _counts(text)] == [count]


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("The vote is on 3 March 2021 in the hall.", "3 March 2021", _day(2021, 3, 3)),
        ("figures for 1 May 1999 people", "1 May 1999", _day(1999, 5, 1)),
        ("on 3 March 1850 workers struck", "3 March 1850", _day(1850, 3, 3)),
    ],
)
def test_years_from_1800_are_read_as_before(text: str, written: str, day: DateRange) -> None:
    assert _dates(text) == [(written, day)]


# --- other cues that a figure is a year --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The bridge was finished (1673) and then widened (1702).", [1673, 1702]),
        ("A charter of the town (1458) survives in the archive.", [1458]),
        ("the earliest map ( 1612 ) shows the river", [1612]),
    ],
)
def test_a_year_alone_in_parentheses_is_a_date(text: str, years: list[int]) -> None:
    assert [r for _, r in _dates(text)] == [_year(y) for y in years]


def test_two_years_in_parentheses_joined_by_or_are_one_date_of_two_readings() -> None:
    (value,) = [v for v in parse("the mill was built (1712 or 1713) by monks", ref=REF) if isinstance(v, DateValue)]
    assert value.text == "1712 or 1713"
    assert value.range == DateRange(dt.date(1712, 1, 1), dt.date(1713, 12, 31))
    assert value.readings == (_year(1712), _year(1713))


@pytest.mark.parametrize(
    "text",
    [
        "The crowd (1500 people) filled the square.",
        "attendance rose (1450 to 1600 a night)",
        "Leeds had 1400 entrants (up on 1200 the year before)",
        "(1500 or more) turned up",
    ],
)
def test_a_count_in_parentheses_stays_a_count(text: str) -> None:
    assert _dates(text) == [] or all(r is None or r.start.year >= 1800 for _, r in _dates(text))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("As early as 1590, merchants traded here.", 1590),
        ("as late as 1745 the road was unpaved", 1745),
        ("So early as 1402 the guild kept accounts.", 1402),
        ("so late as 1788, it was still in use", 1788),
    ],
)
def test_as_early_as_and_as_late_as_introduce_a_year(text: str, year: int) -> None:
    assert [r for _, r in _dates(text)] == [_year(year)]


@pytest.mark.parametrize(
    "text",
    ["as many as 1500 attended", "as much as 1200 was spent", "as few as 1100 remain", "as early as 1500 people"],
)
def test_as_many_as_is_a_count(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("a bronze bowl, c. 1450, from Florence", "c. 1450", 1450),
        ("The chapel was built circa 1290.", "circa 1290", 1290),
        ("a portrait (ca. 1620) of the mayor", "ca. 1620", 1620),
        ("the manor house, c.1700", "c.1700", 1700),
        ("Anna Berg (born c. 1978) is a painter.", "c. 1978", 1978),
    ],
)
def test_circa_introduces_a_year(text: str, written: str, year: int) -> None:
    values = [v for v in parse(text, ref=REF) if isinstance(v, DateValue)]
    assert [(v.text, v.range) for v in values] == [(written, _year(year))]


@pytest.mark.parametrize("text", ["circa 1500 people came", "c. 1200 homes were lost", "about 1450 signed"])
def test_circa_before_a_count_is_a_count(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "written", "first", "last"),
    [
        ("Trade grew from 1550 to 1620 along the coast.", "from 1550 to 1620", 1550, 1620),
        ("between 1400 and 1450 the town doubled", "between 1400 and 1450", 1400, 1450),
        ("the Memoirs, from 1714 to 1790, in six volumes", "from 1714 to 1790", 1714, 1790),
        ("from 1780 to 1815 the port was closed", "from 1780 to 1815", 1780, 1815),
    ],
)
def test_a_span_of_old_years_is_a_date(text: str, written: str, first: int, last: int) -> None:
    values = [v for v in parse(text, ref=REF) if isinstance(v, DateValue)]
    assert [(v.text, v.range) for v in values] == [(written, DateRange(dt.date(first, 1, 1), dt.date(last, 12, 31)))]
    assert values[0].ends == (_year(first), _year(last))


@pytest.mark.parametrize(
    "text",
    [
        "from 1500 to 3000 feet above the sea",
        "between 1200 and 1500 people marched",
        "from 1500 to 1800 a year",
        "prices between 1100 and 1300 pounds",
    ],
)
def test_a_range_of_counts_stays_a_count(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [("Building began in the 1470s in earnest.", (1470, 1479)), ("By the late 1580s the trade had died.", (1585, 1589))],
)
def test_a_decade_before_1600(text: str, years: tuple[int, int]) -> None:
    (value,) = [v for v in parse(text, ref=REF) if isinstance(v, DateValue)]
    assert value.range is not None and years[0] <= value.range.start.year and value.range.end.year == years[1]


@pytest.mark.parametrize("text", ["1000s of fans queued", "there were 1000s more"])
def test_1000s_is_thousands(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    "text",
    ["1500 people came", "a 1750 reading on the meter", "It cost 1200 to fix", "1450 was the score"],
)
def test_a_bare_figure_before_1800_stays_a_count(text: str) -> None:
    assert all(r is None or r.start.year >= 1800 for _, r in _dates(text)) and _counts(text)
