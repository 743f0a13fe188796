"""`factcheck.parse` as a user calls it: every value in a phrase, with its kind, span and interval."""

from __future__ import annotations

import json

import pytest

import factcheck
from factcheck.cli import app


def values(text: str, ref: str | None = None) -> list[dict]:
    return [v.to_dict() for v in factcheck.parse(text, ref=ref)]


def only(text: str, ref: str | None = None) -> dict:
    found = values(text, ref)
    assert len(found) == 1, f"expected one value in {text!r}, got {found}"
    return found[0]


# --- money ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("£250", 250, "GBP"),
        ("$2.5bn", 2_500_000_000, "USD"),
        ("€40,000", 40_000, "EUR"),
        ("GBP 3.2 million", 3_200_000, "GBP"),
        ("USD 450m", 450_000_000, "USD"),
        ("250,000 pounds", 250_000, "GBP"),
        ("12,000 dollars", 12_000, "USD"),
        ("35 euros", 35, "EUR"),
        ("50 pence", 0.5, "GBP"),
        ("140p", 1.4, "GBP"),
        ("£850k", 850_000, "GBP"),
        ("£3 thousand", 3_000, "GBP"),
        ("£1.2 billion", 1_200_000_000, "GBP"),
        ("half a million pounds", 500_000, "GBP"),
    ],
)
def test_money_in_every_common_form(text, value, unit):
    v = only(text)
    assert v["kind"] == "money"
    assert v["value"] == pytest.approx(value)
    assert v["unit"] == unit
    assert v["low"] <= v["value"] <= v["high"]


def test_the_json_form_of_a_money_value():
    v = only("a £7.6 million deficit")
    assert v["kind"] == "money" and v["text"] == "£7.6 million" and v["span"] == [2, 14]
    assert (v["value"], v["low"], v["high"], v["unit"]) == (7_600_000, 7_550_000, 7_650_000, "GBP")


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-three people", 23),
        ("one hundred and twenty", 120),
        ("a dozen firefighters", 12),
        ("Thirty-five thousand homes", 35_000),
        ("2,043 adults", 2_043),
        ("3.4 million residents", 3_400_000),
        ("she finished third", 3),
        ("the fifth time", 5),
        ("three out of four", 0.75),
        ("one in five children", 0.2),
        ("half of all councils", 0.5),
        ("two-thirds of respondents", 2 / 3),
        ("a quarter of the budget", 0.25),
    ],
)
def test_numbers_words_ordinals_and_fractions(text, value):
    v = only(text)
    assert v["kind"] == "number"
    assert v["value"] == pytest.approx(value)


def test_an_ordinal_says_so():
    assert "ordinal" in only("she finished third")["notes"]


def test_a_one_off_is_not_a_count():
    found = values("Nurses were offered a one-off payment of £1,655.")
    assert [(v["kind"], v["value"]) for v in found] == [("money", 1655)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 500", 500, None),
        ("over 500", 500, None),
        ("at least 17", 17, None),
        ("under 100", 0, 100),
        ("up to 400", 0, 400),
        ("around 150", 135, 165),
        ("about 300", 270, 330),
        ("roughly 70", 63, 77),
        ("some 15,000", 13_500, 16_500),
        ("nearly 40", 36, 40),
        ("almost 1,000", 900, 1_000),
    ],
)
def test_qualifiers_widen_or_open_the_interval(text, low, high):
    v = only(text)
    assert v["low"] == pytest.approx(low)
    assert (v["high"] is None) if high is None else v["high"] == pytest.approx(high)
    assert v["qualifier"] == text.rsplit(" ", 1)[0].lower()


@pytest.mark.parametrize("text", ["has gone back up to 232", "numbers went up to 232", "it rose up to 232"])
def test_up_to_after_a_verb_of_movement_is_where_a_figure_went_not_a_ceiling(text):
    v = factcheck.parse(text)[0].to_dict()
    assert (v["low"], v["high"], v["qualifier"]) == (232, 232, None)


@pytest.mark.parametrize(
    ("text", "figures", "low", "high"),
    [
        ("£5m–£7m", [5e6, 7e6], 4.5e6, 7.5e6),
        ("between £5m and £7m", [5e6, 7e6], 4.5e6, 7.5e6),
        ("£5-7m", [5e6, 7e6], 4.5e6, 7.5e6),
        ("between 10 and 20", [10, 20], 10, 20),
        ("10 or 20", [10, 20], 10, 20),
    ],
)
def test_ranges_keep_both_figures(text, figures, low, high):
    v = only(text)
    assert v["figures"] == figures
    assert (v["low"], v["high"]) == (pytest.approx(low), pytest.approx(high))


def test_percentages_points_and_rates():
    assert only("85%")["unit"] == "%"
    assert only("67.3 per cent")["value"] == pytest.approx(67.3)
    assert only("0.4 percentage points")["unit"] == "percentage points"
    assert only("£1,100 a day")["unit"] == "GBP/day"
    assert only("£36 per hour")["unit"] == "GBP/hour"
    assert only("£2,500 a year")["unit"] == "GBP/year"
    assert only("£30,000 pa")["unit"] == "GBP/year"
    rate = only("9 per cent a year")
    assert (rate["kind"], rate["unit"], rate["value"]) == ("rate", "%/year", 9)


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("14 February 2021", "2021-02-14", "2021-02-14", "day"),
        ("March 1, 2020", "2020-03-01", "2020-03-01", "day"),
        ("the 3rd of May 1985", "1985-05-03", "1985-05-03", "day"),
        ("2021-04-22", "2021-04-22", "2021-04-22", "day"),
        ("Tuesday 8 October 2019", "2019-10-08", "2019-10-08", "day"),
        ("May 2021", "2021-05-01", "2021-05-31", "month"),
        ("Jan 2022", "2022-01-01", "2022-01-31", "month"),
        ("summer 2021", "2021-06-01", "2021-08-31", "season"),
        ("the autumn of 2018", "2018-09-01", "2018-11-30", "season"),
        ("Q3 2019", "2019-07-01", "2019-09-30", "quarter"),
        ("the first quarter of 2020", "2020-01-01", "2020-03-31", "quarter"),
        ("FY2020", "2019-04-01", "2020-03-31", "financial_year"),
        ("the financial year 2019-20", "2019-04-01", "2020-03-31", "financial_year"),
        ("the academic year 2019-20", "2019-09-01", "2020-08-31", "academic_year"),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("early 2019", "2019-01-01", "2019-04-30", "part"),
        ("mid-2018", "2018-05-01", "2018-08-31", "part"),
    ],
)
def test_absolute_dates_at_their_precision(text, start, end, granularity):
    v = only(text)
    assert (v["kind"], v["from"], v["to"], v["granularity"]) == ("date", start, end, granularity)


def test_a_wrong_weekday_is_reported():
    v = only("Monday 8 October 2019")
    assert v["from"] == "2019-10-08"
    assert any("weekday mismatch" in note and "Tuesday" in note for note in v["notes"])
    assert not any("weekday" in n for n in only("Tuesday 8 October 2019")["notes"])


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        ("yesterday", "2021-03-15", "2021-03-14", "2021-03-14"),
        ("today", "2021-03-15", "2021-03-15", "2021-03-15"),
        ("this morning", "2021-03-15", "2021-03-15", "2021-03-15"),
        ("last week", "2021-03-15", "2021-03-08", "2021-03-14"),
        ("next week", "2021-03-15", "2021-03-22", "2021-03-28"),
        ("this week", "2021-03-17", "2021-03-15", "2021-03-21"),
        ("last month", "2021-03-15", "2021-02-01", "2021-02-28"),
        ("next month", "2021-03-15", "2021-04-01", "2021-04-30"),
        ("this month", "2021-03-15", "2021-03-01", "2021-03-31"),
        ("last year", "2021-03-15", "2020-01-01", "2020-12-31"),
        ("next year", "2021-03-15", "2022-01-01", "2022-12-31"),
        ("this year", "2021-03-15", "2021-01-01", "2021-12-31"),
        ("last September", "2020-07-07", "2019-09-01", "2019-09-30"),
        ("next spring", "2021-03-15", "2022-03-01", "2022-05-31"),
        ("early next year", "2020-07-07", "2021-01-01", "2021-04-30"),
        ("mid next year", "2020-07-07", "2021-05-01", "2021-08-31"),
        ("late next year", "2020-07-07", "2021-09-01", "2021-12-31"),
        ("in the last week", "2021-03-15", "2021-03-08", "2021-03-15"),
        ("two days ago", "2021-03-15", "2021-03-13", "2021-03-13"),
        ("three days later", "2021-03-15", "2021-03-18", "2021-03-18"),
        ("within a month", "2021-03-15", "2021-03-15", "2021-04-14"),
    ],
)
def test_relative_dates_against_the_reference(text, ref, start, end):
    v = only(text, ref)
    assert (v["from"], v["to"]) == (start, end)
    assert v["relative"] and v["resolved"]


def test_approximate_offsets_are_intervals():
    week_ago = only("a week ago", "2021-03-15")
    assert week_ago["from"] < "2021-03-08" < week_ago["to"]  # about a week: 3.5 to 10.5 days
    earlier = only("two years earlier", "2021-03-15")
    assert earlier["from"] <= "2019-03-15" <= earlier["to"]
    after = only("days after", "2019-10-11")  # unnamed count of days: 2 to 6, dating an earlier event
    assert ("2019-10-05", "2019-10-09") == (after["from"], after["to"])


def test_a_month_without_a_year_follows_the_tense():
    june = [v for v in values("Inflation fell to 2.1% in June.", "2021-03-15") if v["kind"] == "date"][0]
    assert june["from"] == "2020-06-01"
    march = [v for v in values("The council must save £18m by March.", "2024-09-27") if v["kind"] == "date"][0]
    assert march["from"] == "2025-03-01"
    assert "future tense" in march["notes"][0]


def test_without_a_reference_relative_dates_stay_unresolved_and_say_so():
    v = only("last September")
    assert v["from"] is None and v["to"] is None and not v["resolved"]
    assert any("needs a reference date" in n for n in v["notes"])


def test_a_reference_range_gives_a_range():
    v = only("yesterday", "2019-10-01..2019-10-09")
    assert (v["from"], v["to"]) == ("2019-09-30", "2019-10-08")


# --- ambiguity ------------------------------------------------------------------------------------


def test_an_ambiguous_numeric_date_is_read_day_first_and_names_the_other_reading():
    v = only("03/04/2019")
    assert (v["from"], v["to"]) == ("2019-04-03", "2019-04-03")  # day first, as British copy writes it
    assert "read day first" in v["notes"][0] and "month first it would be 2019-03-04" in v["notes"][0]


def test_a_bare_split_year_is_financial_or_academic_and_says_so():
    v = only("2019/20")
    assert v["ambiguous"] and len(v["readings"]) == 2
    assert (v["from"], v["to"]) == ("2019-04-01", "2020-08-31")
    budget = [x for x in values("The council overspent by £35m in 2017/18") if x["kind"] == "date"][0]
    assert not budget["ambiguous"] and budget["granularity"] == "financial_year"


def test_either_or_and_winter_and_bare_m_are_ambiguous():
    assert only("10 or 20")["ambiguous"]
    assert only("winter 2020")["ambiguous"]
    seven = only("a 7m fall")
    assert seven["ambiguous"] and "metres" in seven["notes"][0]
    assert not only("£7m")["ambiguous"]


# --- the command ----------------------------------------------------------------------------------


def test_cli_jsonl_reads_stdin_one_phrase_per_line(runner):
    result = runner.invoke(app, ["parse", "-", "--format", "jsonl"], input="a £7.6 million deficit\nno figures\n")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == ["a £7.6 million deficit", "no figures"]
    money = lines[0]["values"][0]
    assert (money["kind"], money["unit"], money["value"], money["low"], money["high"]) == (
        "money",
        "GBP",
        7_600_000,
        7_550_000,
        7_650_000,
    )
    assert lines[1]["values"] == []


def test_cli_json_resolves_against_ref(runner):
    result = runner.invoke(app, ["parse", "last September", "--ref", "2020-07-07", "--format", "json"])
    assert result.exit_code == 0
    [value] = json.loads(result.stdout)
    assert (value["from"], value["to"]) == ("2019-09-01", "2019-09-30")


def test_cli_text_output_names_each_value(runner):
    result = runner.invoke(app, ["parse", "232 cases in October 2019"])
    assert result.exit_code == 0
    assert "232" in result.stdout and "Oct 2019" in result.stdout


def test_cli_bad_reference_is_a_one_line_error(runner):
    result = runner.invoke(app, ["parse", "yesterday", "--ref", "07/07/2020"])
    assert result.exit_code == 2
    assert "reference date '07/07/2020' is not a date" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_weekday_alone_follows_the_tense_or_covers_both():
    [past] = [v for v in values("The index fell 0.6 points on Tuesday.", "2025-06-18") if v["kind"] == "date"]
    assert past["from"] == past["to"] == "2025-06-17"
    [future] = values("The ward will close from Monday.", "2025-06-18")
    assert future["from"] == future["to"] == "2025-06-23"
    [unclear] = values("The ban starts on Friday.", "2022-08-03")
    assert (unclear["from"], unclear["to"]) == ("2022-07-29", "2022-08-05")
    assert unclear["notes"][0].startswith("ambiguous")


def test_a_passive_future_is_not_past_tense():
    [v] = values("The review will be published on 30 April.", "2019-04-16")
    assert v["from"] == "2019-04-30"


def test_two_years_joined_by_to_are_one_span_of_years_not_a_count():
    found = values("The scheme ran from 2016 to 2019.")
    assert [(v["kind"], v["from"], v["to"]) for v in found] == [("date", "2016-01-01", "2019-12-31")]
