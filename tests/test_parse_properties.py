"""Properties of the parser that must hold for any input (hypothesis)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.models import DateRange
from factcheck.normalize import DateValue, Duration, Quantity, TimeValue

# Words that steer the parser into its branches, so random phrases reach them often.
NEWS_WORDS = st.sampled_from(
    "£ $ € 7 7.6 65,000 232 1,100 £4m £7.6m 0.5 2019 2020 2017/18 2019-20 FY2021 Q3 1990s m bn k million "
    "billion thousand pence p pounds euros per cent % percentage points a an the day week month year years "
    "hour per pa more than over under at least up to around about nearly almost roughly some between and or "
    "to – - out of in one two three twenty-three a dozen half a quarter third fifth last next this early mid "
    "late September May March spring winter Monday Tuesday 8 25th October yesterday today tomorrow ago later "
    "earlier after before within since by will was fell 03/04/2019 12/11/20 2021-04-22 , . ( ) "
    # forms of issue 16: currencies, fractions, negatives, times, spans, holidays
    "USD250 ₹ Rs RM kr HK$ A$ C$ ¥ 19,99 € EUR yuan Danish crowns cents dollars grand lakh crore 1.2k 3e6 "
    "minus -4 − two-thirds 3/8 ½ seven eighths point six and a half 9.15pm 21:07 2130 GMT noon midnight "
    "past quarter o'clock from until 1620 nineteen ninety-two century H1 Christmas Easter Ramadan Diwali "
    "Thanksgiving Friday next week first Monday of".split()
)
PHRASES = st.one_of(st.text(max_size=120), st.lists(NEWS_WORDS, max_size=16).map(" ".join))
REFS = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.tuples(st.dates(dt.date(1950, 1, 1), dt.date(2090, 1, 1)), st.integers(0, 400)).map(
        lambda p: DateRange(p[0], p[0] + dt.timedelta(days=p[1]))
    ),
)


@settings(max_examples=600, deadline=None)
@given(PHRASES, REFS)
def test_parse_never_crashes_and_every_value_is_well_formed(text, ref):
    found = factcheck.parse(text, ref=ref)
    previous_end = 0
    for v in found:
        start, end = v.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == v.text  # spans always index the input
        assert start >= previous_end  # in order, never overlapping
        previous_end = end
        if isinstance(v, Quantity):
            if v.low is not None:
                assert v.low <= v.value + 1e-9 * abs(v.value)
            if v.high is not None:
                assert v.value <= v.high + 1e-9 * abs(v.value)
        elif isinstance(v, Duration):
            assert v.low_days >= 0
            assert v.high_days is None or v.low_days <= v.high_days
        elif isinstance(v, DateValue):
            if v.range is not None:
                assert v.range.start <= v.range.end
                for reading in v.readings:
                    assert v.range.contains(reading)
            else:  # unresolved: relative with no reference, or resolved to before year 1 ("2000 years ago")
                assert v.relative and (ref is None or any("outside the calendar" in n for n in v.notes))
            for end_date in v.ends:  # a span's two ends lie inside it
                assert v.range is not None and v.range.contains(end_date)
        elif isinstance(v, TimeValue):
            assert 0 <= v.low <= v.high < 24 * 60
        v.to_dict()  # always serialisable


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**12), st.sampled_from(["£", "$", "€"]))
def test_any_whole_amount_reads_back_exactly(n, symbol):
    [v] = factcheck.parse(f"It cost {symbol}{n:,} in all.")
    assert v.kind == "money" and v.value == n and v.low == n == v.high


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 999), st.integers(0, 9), st.sampled_from([("m", 1e6), (" million", 1e6), ("bn", 1e9)]))
def test_a_scaled_amount_stands_for_half_its_last_digit_either_side(whole, tenth, scale):
    suffix, factor = scale
    [v] = factcheck.parse(f"a £{whole}.{tenth}{suffix} gap")
    value = (whole + tenth / 10) * factor
    assert abs(v.value - value) < 1e-6 * value
    assert abs((v.high - v.low) - 0.1 * factor) < 1e-6 * factor


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2199, 12, 31)), st.booleans())
def test_any_written_date_reads_back_to_that_day(day, with_weekday):
    weekday = f"{calendar.day_name[day.weekday()]} " if with_weekday else ""
    [v] = factcheck.parse(f"It was {weekday}{day.day} {calendar.month_name[day.month]} {day.year}.")
    assert v.range == DateRange.day(day)
    assert not any("mismatch" in n for n in v.notes)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        [
            "yesterday",
            "last week",
            "next month",
            "last September",
            "a week ago",
            "three days later",
            "early next year",
            "in the last week",
            "within a month",
            "next spring",
        ]
    ),  # fmt: skip
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 1, 1)),
    st.integers(0, 60),
)
def test_a_reference_range_covers_both_its_ends(phrase, first, extra_days):
    last = first + dt.timedelta(days=extra_days)
    [over_range] = factcheck.parse(phrase, ref=DateRange(first, last))
    [at_first] = factcheck.parse(phrase, ref=first)
    [at_last] = factcheck.parse(phrase, ref=last)
    assert over_range.range.contains(at_first.range) and over_range.range.contains(at_last.range)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from(["/", ".", "-"]))
def test_any_numeric_date_reads_back_day_first(day, sep):
    [v] = factcheck.parse(f"Signed on {day.day:02d}{sep}{day.month:02d}{sep}{day.year}.")
    assert v.range == DateRange.day(day)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_any_24_hour_clock_reads_back_as_a_time(hour, minute):
    [v] = factcheck.parse(f"It happened at {hour:02d}:{minute:02d} local time.")
    assert isinstance(v, TimeValue) and v.low == v.high == hour * 60 + minute


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 15), st.integers(2, 64))
def test_a_digit_fraction_reads_as_its_value(num, den):
    text = f"about {num}/{den} of them"
    found = [v for v in factcheck.parse(text) if v.kind == "number"]
    if num < den:
        assert any(abs(v.value - num / den) < 1e-9 for v in found)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2090, 1, 1)), st.integers(1, 27), st.integers(1, 27))
def test_a_span_of_days_is_one_value_from_its_first_to_its_last_day(day, a, b):
    first, last = sorted((a, b))
    if first == last:
        return
    month = calendar.month_name[day.month]
    [v] = factcheck.parse(f"from {first} to {last} {month} {day.year}")
    assert v.range == DateRange(dt.date(day.year, day.month, first), dt.date(day.year, day.month, last))
    assert [e.start.day for e in v.ends] == [first, last]


@pytest.mark.parametrize("text", ["Christmas to 2019", "from December 2019 to 2019", "Easter to 2021", "from 30 June to June"])
def test_a_span_whose_second_end_starts_before_its_first_is_not_a_span(text):
    for value in factcheck.parse(text, ref="2020-01-01"):
        if value.kind == "date" and value.range is not None and getattr(value, "ends", None):
            assert all(value.range.contains(end) for end in value.ends)


@pytest.mark.parametrize("text", ["1e400", "1e-400", "2x10^999 people", "7E+309 km", "5 * 10**500"])
def test_an_exponent_beyond_any_quantity_leaves_the_mantissa_and_never_overflows(text):
    (value,) = [v for v in factcheck.parse(text) if v.kind == "number"]
    assert value.text == text[: value.span[1]] and value.value == float(value.text)
