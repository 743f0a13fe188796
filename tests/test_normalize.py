"""Normalization: literal → typed value with its interval."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import normalize
from factcheck.normalize import parse, parse_value
from factcheck.normalize.values import DateValue, Duration, Quantity

D = dt.date


def one(text: str, ref: str | None = None):
    value = parse_value(text, ref)
    assert value is not None, text
    return value


@pytest.mark.parametrize(
    ("text", "low", "value", "high"),
    [
        ("£7m", 6_500_000, 7_000_000, 7_500_000),
        ("£7.6 million", 7_550_000, 7_600_000, 7_650_000),
        ("£4.4 million", 4_350_000, 4_400_000, 4_450_000),
        ("£417.7 million", 417_650_000, 417_700_000, 417_750_000),
        ("£1,100", 1_100, 1_100, 1_100),
        ("£65,000", 65_000, 65_000, 65_000),
        ("$3.5bn", 3.45e9, 3.5e9, 3.55e9),
        ("half a million pounds", 450_000, 500_000, 550_000),
        ("50p", 0.5, 0.5, 0.5),
    ],
)
def test_money_carries_its_stated_precision(text, low, value, high):
    money = one(text)
    assert isinstance(money, Quantity) and money.kind == "money"
    assert (money.low, money.value, money.high) == pytest.approx((low, value, high))


def test_money_currency_codes():
    assert one("£7m").unit == "GBP"
    assert one("$5").unit == "USD"
    assert one("€20").unit == "EUR"
    assert one("20 euros").unit == "EUR"
    assert one("GBP 5m").unit == "GBP"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than £65,000", 65_000, None),
        ("over 500", 500, None),
        ("at least 10", 10, None),
        ("up to £5,000", 0, 5_000),
        ("under 20", 0, 20),
        ("around 150", 135, 165),
        ("about 40", 36, 44),
    ],
)
def test_qualifiers_shape_the_interval(text, low, high):
    q = one(text)
    assert q.low == pytest.approx(low)
    assert (q.high is None) if high is None else q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "value"),
    [("seven", 7), ("two", 2), ("zero", 0), ("twenty-three", 23), ("a dozen", 12), ("232", 232), ("1,500", 1500)],
)
def test_counts_are_exact(text, value):
    q = one(text)
    assert q.kind == "number"
    assert q.low == q.value == q.high == value


def test_fractions_and_ranges():
    assert one("three out of four").value == pytest.approx(0.75)
    assert one("one in five").value == pytest.approx(0.2)
    q = one("10 or 20")
    assert (q.low, q.high) == (10, 20)
    q = one("between 10 and 20")
    assert (q.low, q.high) == (10, 20)
    q = one("£5m–£7m")
    assert (q.low, q.high) == (4_500_000, 7_500_000)


def test_percent_and_rates():
    p = one("85%")
    assert p.kind == "percent" and p.unit == "%" and (p.low, p.high) == (84.5, 85.5)
    assert one("2.5 percentage points").unit == "percentage points"
    assert one("£1,100 a day").unit == "GBP/day"
    assert one("£36 per hour").unit == "GBP/hour"
    assert one("£150 a week").unit == "GBP/week"
    assert one("5 per cent a year").unit == "%/year"


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        ("2019-10-11", None, D(2019, 10, 11), D(2019, 10, 11)),
        ("Tuesday, 7th July 2020", None, D(2020, 7, 7), D(2020, 7, 7)),
        ("June 2019", None, D(2019, 6, 1), D(2019, 6, 30)),
        ("2020", None, D(2020, 1, 1), D(2020, 12, 31)),
        ("2017/18", None, D(2017, 4, 1), D(2018, 8, 31)),  # financial or academic: both
        ("overspent by £35m in 2017/18", None, D(2017, 4, 1), D(2018, 3, 31)),
        ("pupils sat exams in 2017/18", None, D(2017, 9, 1), D(2018, 8, 31)),
        ("Q3 2019", None, D(2019, 7, 1), D(2019, 9, 30)),
        ("the 1990s", None, D(1990, 1, 1), D(1999, 12, 31)),
        ("25 October", "2019-10-08", D(2019, 10, 25), D(2019, 10, 25)),
        ("February", "2019-10-08", D(2019, 2, 1), D(2019, 2, 28)),
        ("February this year", "2019-10-08", D(2019, 2, 1), D(2019, 2, 28)),
        ("last September", "2020-07-07", D(2019, 9, 1), D(2019, 9, 30)),
        ("Last July", "2020-07-07", D(2019, 7, 1), D(2019, 7, 31)),
        ("this year", "2019-10-08", D(2019, 1, 1), D(2019, 12, 31)),
        ("last year", "2020-07-07", D(2019, 1, 1), D(2019, 12, 31)),
        ("next year", "2019-10-08", D(2020, 1, 1), D(2020, 12, 31)),
        ("early next year", "2020-07-07", D(2021, 1, 1), D(2021, 4, 30)),
        ("this morning", "2019-10-08", D(2019, 10, 8), D(2019, 10, 8)),
        ("yesterday", "2019-10-08", D(2019, 10, 7), D(2019, 10, 7)),
        ("in the last week", "2019-10-11", D(2019, 10, 4), D(2019, 10, 11)),
        ("this financial year", "2019-10-08", D(2019, 4, 1), D(2020, 3, 31)),
        ("at the end of the month", "2019-10-08", D(2019, 10, 22), D(2019, 10, 31)),
        ("three days later", "2020-01-10", D(2020, 1, 13), D(2020, 1, 13)),
    ],
)
def test_dates_at_their_precision(text, ref, start, end):
    d = one(text, ref)
    assert isinstance(d, DateValue)
    assert (d.range.start, d.range.end) == (start, end)


def test_weekday_names_the_year_and_is_checked():
    d = one("Friday, October 25", "2019-10-01..2019-10-24")
    assert d.range.start == D(2019, 10, 25)
    wrong = one("Monday, October 25, 2019")
    assert any("weekday mismatch" in n for n in wrong.notes)


def test_relative_date_from_a_range_is_a_range():
    d = one("a week after", "2019-10-07..2019-10-09")
    assert d.range.start < D(2019, 10, 1) < d.range.end
    assert d.range.end <= D(2019, 10, 9)


def test_just_a_week_means_no_more_than_about_a_week():
    d = one("just a week after", "2019-10-08")
    assert d.range == one("just a week after", "2019-10-08").range
    assert d.range.start >= D(2019, 9, 30)


def test_relative_date_without_reference_stays_unresolved():
    d = one("last September")
    assert d.range is None and any("needs a reference" in n for n in d.notes)


def test_ambiguous_numeric_date_is_day_first_and_says_so():
    d = one("1/2/2020")
    assert d.range.start == d.range.end == D(2020, 2, 1)
    assert any("ambiguous" in n for n in d.notes)


def test_durations():
    d = one("10 or 20 years")
    assert isinstance(d, Duration)
    assert d.low_days < 10 * 366 and d.high_days > 20 * 365


def test_parse_finds_every_value_in_running_text():
    text = "The department is currently £7m over budget and overspent by £35m in 2017/18."
    kinds = [(v.kind, v.text) for v in parse(text)]
    assert kinds == [("money", "£7m"), ("money", "£35m"), ("date", "2017/18")]


def test_reference_must_be_a_date():
    with pytest.raises(normalize.ParseError):
        parse("last year", ref="soon")


# Property tests: the parser never crashes, spans index the input, and low ≤ value ≤ high.
news_words = st.sampled_from(
    ["£7m", "£7.6 million", "over", "around", "232", "last", "September", "a week after", "2017/18",
     "three out of four", "per hour", "%", "between", "and", "or", "Friday,", "October 25", "early",
     "next year", "the", "council", "-", "–", "/", "1/2/2020", "half a", "million", "bn", "p", "this"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(news_words, max_size=12).map(" ".join)),
       st.sampled_from([None, "2019-10-08", "2019-10-01..2019-10-09"]))  # fmt: skip
def test_parser_never_crashes_and_values_are_well_formed(text, ref):
    for value in parse(text, ref):
        start, end = value.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == value.text
        if isinstance(value, Quantity):
            assert value.low is None or value.low <= value.value + 1e-9
            assert value.high is None or value.value <= value.high + 1e-9
        if isinstance(value, DateValue) and value.range is not None:
            assert value.range.start <= value.range.end
        if isinstance(value, Duration):
            assert value.high_days is None or value.low_days <= value.high_days
        assert value.to_dict()["span"] == [start, end]


@pytest.mark.parametrize(
    ("value", "count"),
    [("11 counts", 11), ("eleven counts", 11), ("forty fire engines", 40), (" 3 people injured", 3), ("a dozen charges", 12)],
)
def test_a_figure_followed_by_what_it_counts_is_a_count(value, count):
    from factcheck.models import Claim, Source
    from factcheck.normalize.claims import normalize_claim

    claim = Claim("c", "a.txt", value, "s", "p", value)
    read = normalize_claim(claim, Source("a.txt", "seeds/a.txt", "", ""), {}).value
    assert isinstance(read, Quantity) and read.value == count


@pytest.mark.parametrize("value", ["chapter 11 of the act", "11 Downing Street and the Treasury", "2019 was a record"])
def test_a_figure_inside_other_words_leaves_the_value_as_text(value):
    from factcheck.models import Claim, Source
    from factcheck.normalize.claims import normalize_claim

    claim = Claim("c", "a.txt", value, "s", "p", value)
    read = normalize_claim(claim, Source("a.txt", "seeds/a.txt", "", ""), {}).value
    assert not isinstance(read, Quantity)
