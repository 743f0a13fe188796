"""The minutes-to-the-hour form of a time ("ten to four", "a quarter till six", "twenty after nine") and
the counts that look like it: a range of counts ("two to three degrees", "five to six people"), a span of
hours after "from" ("from ten to four"), a count of a noun ("ten after four years")."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.normalize.times import times


def clocks(text: str) -> list[str]:
    return [v.to_dict()["from"] for v in factcheck.parse(text, ref="2020-01-01") if v.kind == "time"]


def ranges(text: str) -> list[tuple[float, float]]:
    return [(v.low, v.high) for v in factcheck.parse(text, ref="2020-01-01") if v.kind in ("number", "percent")]


# --- class 1: "N to M" is minutes to the hour only where it can be ---------------------------------


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("the alarm sounded at ten to four", "03:50"),
        ("she rang at a quarter to six", "05:45"),
        ("the ferry docked at twenty to nine in the evening", "20:40"),
        ("he left at twenty-five to eleven pm", "22:35"),
        ("the lights went out at five to six", "05:55"),
        ("it was ten to twelve when the verdict came", "11:50"),
        ("at ten minutes to four o'clock", "03:50"),
        ("at three minutes to midnight", "23:57"),
        ("the rocket lifted off at ten to midnight", "23:50"),
        ("half past six", "06:30"),
        ("the vote closed at twenty past ten at night", "22:20"),
        # "between" a time and another: the first is still a time
        ("between ten to four and ten past four", "03:50"),
    ],
)
def test_minutes_to_the_hour_stay_a_time(text, clock):
    assert clocks(text)[:1] == [clock]


@pytest.mark.parametrize(
    "text",
    [
        # a unit or a counted noun after the hour: the pair counts it
        "temperatures of two to three degrees Celsius",
        "five to six people were hurt",
        "a rise of ten to twelve percent",
        "a sentence of five to ten years",
        "crews went out five to six times a week",
        "add eight to twelve ounces of sage",
        "ten to eleven million viewers",
        "five to six new cases a day",
        "children aged five to six-year-olds",
        "ten to twelve-hour shifts",
        "two to three of them",
        # a count that cannot be minutes said without "minutes" (not a five on the clock face)
        "the score was two to three",
        "three to four",
        "seven to eight",
        # minutes to the hour are at most half an hour
        "the vote was forty to twelve",
        # "half" is past the hour, never to it
        "the price fell by half to three",
        # a range or a span of hours after "from" or "between"
        "prices rose from five to six",
        "open from ten to four",
        "the count fell from twenty to nine",
        "between five to six",
    ],
)
def test_a_range_of_counts_is_not_minutes_to_the_hour(text):
    assert clocks(text) == []


@pytest.mark.parametrize(
    "text", ["the clinic is open from ten to four pm", "from ten till four pm", "between ten to four pm"]
)
def test_a_span_of_hours_is_not_minutes_to_the_second(text):
    assert "15:50" not in clocks(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("two to three degrees Celsius", 2, 3),
        ("five to six people", 5, 6),
        ("from five to six", 5, 6),
        ("ten to twelve percent", 10, 12),
    ],
)
def test_the_range_reader_reads_what_the_clock_leaves(text, low, high):
    assert (low, high) in ranges(text)


def test_a_clock_word_after_from_keeps_a_quarter_to_the_hour():
    # (the time reader's: parse prefers the longer range of counts "from a quarter to six" it overlaps)
    assert [v.to_dict()["from"] for v in times("the shop is open from a quarter to six")] == ["05:45"]
    assert clocks("from twenty to nine in the evening until ten") == ["20:40"]


# --- class 2: American "till", "of", "after"; "before" with its minutes ----------------------------


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("the polls closed at ten till four pm", "15:50"),
        ("we met at a quarter till six", "05:45"),
        ("he called at twenty 'til nine", "08:40"),
        ("the game ended at ten of four pm", "15:50"),
        ("it was a quarter of six in the morning", "05:45"),
        ("quarter of nine", "08:45"),
        ("at five of twelve o'clock", "11:55"),
        ("the shooting began at quarter after six", "06:15"),
        ("the polls opened at ten after four pm", "16:10"),
        ("at ten minutes before four", "03:50"),
        ("five minutes before noon", "11:55"),
        ("at quarter past midnight", "00:15"),
    ],
)
def test_american_words_for_to_and_past(text, clock):
    assert clocks(text) == [clock]


@pytest.mark.parametrize(
    "text",
    [
        # "of" is a count's word unless a clock word follows, or the count is a quarter
        "ten of four people",
        "ten of the twelve",
        "two of three",
        "five of six members voted",
        "a quarter of 12 jurors",
        "a quarter of four hundred",
        "a quarter of one percent",
        "the first quarter of 2020",
        # "till" after a count that is an hour itself joins two hours without a clock word
        "we work ten till four",
        # "after" with a counted noun after the hour
        "ten after four years of war",
        "the toll hit twenty after five months",
        # "before" is ordinary English without "minutes"
        "ranked ten before four others",
        "five before noon",
    ],
)
def test_american_words_do_not_make_counts_a_time(text):
    assert [c for c in clocks(text) if c != "12:00"] == []
