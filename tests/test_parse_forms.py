"""The forms of money and numbers that copy from anywhere uses (issue 16): each class is held by
several phrases of its own, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck


def one(text: str, ref: str | None = None):
    found = factcheck.parse(text, ref=ref)
    assert len(found) == 1, f"expected one value in {text!r}, got {[v.to_dict() for v in found]}"
    return found[0]


# --- money: every currency, wherever its sign stands -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # ISO codes before, after, and joined to the figure
        ("a JPY 4,000 fee", 4_000, "JPY"),
        ("a fee of 80 CHF", 80, "CHF"),
        ("paid SEK1,250 each", 1_250, "SEK"),
        ("priced at NOK 99", 99, "NOK"),
        # signs and abbreviations of other currencies, with and without a space
        ("tickets at ₹450", 450, "INR"),
        ("a fine of Rs 2,000", 2_000, "INR"),
        ("a fine of Rs.2,000", 2_000, "INR"),
        ("a room for ¥8,800", 8_800, "JPY"),
        ("raised A$12 million", 12_000_000, "AUD"),
        ("a HK$6.5 meal", 6.5, "HKD"),
        ("worth C$40", 40, "CAD"),
        ("sold for RM1.2 million", 1_200_000, "MYR"),
        ("it costs 75 kr", 75, "SEK"),
        ("a deposit of € 300", 300, "EUR"),
        ("a deposit of £ 300", 300, "GBP"),
        # the sign after the figure, with a decimal comma
        ("reduced to 49,90 €", 49.9, "EUR"),
        ("only 1.299,00 € now", 1299, "EUR"),
        # a decimal comma after a euro sign, and thousands grouped the Indian way
        ("a glass for €4,50", 4.5, "EUR"),
        ("billed EUR 2.480,75", 2480.75, "EUR"),
        ("priced at ₹2,49,999", 249_999, "INR"),
        ("a Rs 3,50,000 loan", 350_000, "INR"),
        # currency names, with the adjective that says whose
        ("a 300 million rupee contract", 300_000_000, "INR"),
        ("2.5 billion Hong Kong dollars", 2_500_000_000, "HKD"),
        ("12 million Swiss francs", 12_000_000, "CHF"),
        ("40 million Norwegian kroner", 40_000_000, "NOK"),
        ("700 billion won", 700_000_000_000, "KRW"),
        ("six billion yen", 6_000_000_000, "JPY"),
        # a scale joined by a hyphen is one amount, not a range
        ("a $40-million grant", 40_000_000, "USD"),
        ("its £1.5-billion budget", 1_500_000_000, "GBP"),
        # Indian scale words
        ("Rs 25 lakh", 2_500_000, "INR"),
        ("₹4 crore", 40_000_000, "INR"),
    ],
)
def test_money_in_any_currency(text, value, unit):
    v = one(text)
    assert v.kind == "money", v
    assert v.value == pytest.approx(value)
    assert v.unit == unit
    assert v.low <= v.value <= v.high


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("forty dollars and twenty-five cents", 40.25, "USD"),
        ("nine dollars and 99 cents", 9.99, "USD"),
        ("two pounds and fifty pence", 2.5, "GBP"),
        ("one hundred dollars, 5 cents", 100.05, "USD"),
        # one hundredth, named in the singular
        ("the toll rose to one dollar and one cent", 1.01, "USD"),
        ("a stamp was two pounds one penny", 2.01, "GBP"),
        ("£3 and 1 penny", 3.01, "GBP"),
        # the cents of a currency other than the dollar are that currency's
        ("seven euros and forty cents", 7.40, "EUR"),
        ("it came to twelve pesos and fifty cents", 12.50, "MXN"),
        ("A$5 and 15 cents", 5.15, "AUD"),
        # written to the cent, a round amount is exact
        ("two thousand dollars and fifty cents", 2_000.50, "USD"),
    ],
)
def test_a_unit_and_its_hundredths_in_words_are_one_amount(text, value, unit):
    v = one(text)
    assert (v.kind, v.unit) == ("money", unit)
    assert v.value == v.low == v.high == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("police seized 200 pounds of cocaine", 200),
        ("2,000 pounds of Marijuana were found", 2_000),
        ("a 300-pound bear", 300),
        ("the lineman weighs about 310 pounds", 310),
        ("millions of pounds of grain rotted", None),
    ],
)
def test_pounds_of_weight_are_no_money(text, count):
    values = factcheck.parse(text)
    assert [v.kind for v in values] == ["number"]
    assert count is None or values[0].value == count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it cost 200 pounds", 200),
        ("a ten-pound note", 10),
        ("200 pounds of taxpayers' money", 200),
        ("a deal worth 5 million pounds", 5_000_000),
        ("thousands of pounds of funding", None),
    ],
)
def test_pounds_of_money_stay_money(text, value):
    v = one(text)
    assert (v.kind, v.unit) == ("money", "GBP")
    assert value is None or v.value == value


@pytest.mark.parametrize(("text", "value"), [("it set me back a grand", 1_000), ("ten grand in cash", 10_000)])
def test_a_grand_is_a_thousand(text, value):
    v = one(text)
    assert v.kind == "money" and v.value == value


def test_a_range_of_amounts_with_a_period_is_one_rate():
    v = one("losses of £2 million to £6 million a week")
    assert (v.kind, v.unit) == ("rate", "GBP/week")
    assert v.low <= 2_000_000 and v.high >= 6_000_000


def test_an_article_before_a_dollar_sign_is_not_australian():
    assert one("a $5 charge").unit == "USD"


def test_a_verb_that_spells_a_currency_is_not_money():
    assert one("the team won 3 matches").kind == "number"


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # fractions in words and digits
        ("five eighths of the vote", 5 / 8),
        ("nearly three-quarters", 0.75),
        ("one sixth", 1 / 6),
        ("a tenth", 0.1),
        ("mix 5/16 of it", 5 / 16),
        # with an ordinal ending, as Indian English writes them
        ("1/4th of the land", 0.25),
        ("add 2/3rd cup", 2 / 3),
        ("a 3/4th majority", 0.75),
        ("add ¾", 0.75),
        # a whole number and a fraction
        ("two and a half", 2.5),
        ("seven and three quarters", 7.75),
        ("4 and a half", 4.5),
        ("2½", 2.5),
        # a count and a scale word before the fraction, and tens and units
        ("a million and a half", 1_500_000),
        ("two thousand and three quarters", 2_750),
        ("a dozen and a half", 18),
        ("twenty-one and a half", 21.5),
        ("3 1/4", 3.25),
        # decimals in words
        ("nine point five", 9.5),
        ("zero point zero seven", 0.07),
        # numbers said in pairs
        ("two fifty", 250),
        ("six forty five", 645),
        # dozens, Indian scale words, shorthand and scientific notation
        ("three dozen", 36),
        ("two lakh", 200_000),
        ("five crore", 50_000_000),
        ("4.7k", 4_700),
        ("6.02e23", 6.02e23),
        ("1.5 x 10^9", 1.5e9),
        # words with commas after a scale word
        ("six thousand, two hundred and one", 6_201),
        # scale words beyond a trillion, in words and after figures
        ("a debt of ninety quadrillion", 9e16),
        ("two quintillion grains", 2e18),
        ("some 1.2 quadrillion", 1.2e15),
        # hundreds after a figure
        ("4 hundred people came", 400),
        ("some 12 hundred homes", 1_200),
        # decimals said digit by digit after "point", with or without a whole part
        ("point five kilograms", 0.5),
        ("it rose by point two five", 0.25),
        ("one point o five", 1.05),
        ("eighteen point oh five", 18.05),
        ("point zero two of a second", 0.02),
    ],
)
def test_numbers_in_words_digits_and_fractions(text, value):
    values = [v for v in factcheck.parse(text) if v.kind == "number"]
    assert any(v.value == pytest.approx(value) for v in values), [v.to_dict() for v in values]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("minus 12", -12), ("negative 0.4", -0.4), ("fell to -7", -7), ("a loss of −3.2%", -3.2), ("minus three", -3),
        # the sign word joined to the figure by a hyphen, as agency copy writes it
        ("the wind chill hit minus-30 degrees", -30),
        ("a minus-1.5 degree launch angle", -1.5),
        ("growth of negative-2 percent", -2),
        ("net yards: minus-eight", -8),
    ],
)
def test_negatives(text, value):
    v = factcheck.parse(text)[-1]
    assert v.value == pytest.approx(value)
    assert v.low <= v.value <= v.high


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("at that point five people were hurt", [5]),  # "point" the noun
        ("from this point two roads lead north", [2]),
        ("the point is 3 times larger", [3]),
    ],
)
def test_point_after_a_determiner_is_a_noun_not_a_decimal(text, values):
    assert [v.value for v in factcheck.parse(text)] == values


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("six point two five", "6.25"),
        ("one point eight one billion", "1.81 billion"),
        ("zero point two million dollars", "0.2 million dollars"),
        ("point five", ".5"),
    ],
)
def test_a_decimal_in_words_is_as_precise_as_in_digits(words, digits):
    said, written = one(words), one(digits)
    assert (said.kind, said.unit) == (written.kind, written.unit)
    assert (said.value, said.low, said.high) == pytest.approx((written.value, written.low, written.high))


def test_hundreds_of_a_scale_after_a_figure():
    v = one("4 hundred million people")
    assert (v.value, v.low, v.high) == (400_000_000, 350_000_000, 450_000_000)


def test_a_figure_and_hundred_are_rounded_to_the_hundred():
    v = one("4 hundred people came")
    assert (v.value, v.low, v.high) == (400, 350, 450)


def test_a_hyphen_between_figures_is_a_range_not_a_minus():
    v = one("between 4-9 people")
    assert (v.low, v.high) == (4, 9)


def test_and_between_two_small_numbers_is_a_range_not_a_sum():
    v = one("between two and six million")
    assert v.low <= 2_000_000 and v.high >= 6_000_000


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # the plural of a unit: at least two of it, fewer than ten
        ("Thousands gathered outside", 2_000, 9_999),
        ("millions of viewers", 2_000_000, 9_999_999),
        ("dozens of flights", 24, 99),
        ("scores were injured", 40, 199),
        # scaled by "tens of" or "hundreds of"
        ("tens of thousands of homes", 20_000, 99_999),
        ("hundreds of thousands signed", 200_000, 999_999),
        ("tens of millions of users", 20_000_000, 99_999_999),
    ],
)
def test_a_vague_plural_count_is_the_range_it_allows(text, low, high):
    v = one(text)
    assert (v.kind, v.low, v.high) == ("number", low, high)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("the scheme cost millions of dollars", 2_000_000, 9_999_999, "USD"),
        ("tens of thousands of euros were lost", 20_000, 99_999, "EUR"),
        ("billions of US dollars in aid", 2_000_000_000, 9_999_999_999, "USD"),
        ("a few dollars more", 2, 5, "USD"),
        ("hundreds of rupees", 200, 999, "INR"),
    ],
)
def test_a_vague_count_of_a_currency_is_money(text, low, high, unit):
    v = one(text)
    assert (v.kind, v.low, v.high, v.unit) == ("money", low, high, unit)


def test_a_vague_count_of_people_stays_a_count():
    assert one("millions of people watched").kind == "number"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a bill of £3 mn", 3_000_000, "GBP"),
        ("lost $2 bln", 2_000_000_000, "USD"),
        ("5 mln euros", 5_000_000, "EUR"),
        ("debt of $1.2 trn", 1_200_000_000_000, "USD"),
        ("a Rs 40 cr project", 400_000_000, "INR"),  # "cr" only beside a currency
        # one letter after a space, where a currency stands before the figure
        ("a ¥30 b deal", 30_000_000_000, "JPY"),
        ("a $5 m budget", 5_000_000, "USD"),
        ("on £40 k a year", 40_000, "GBP/year"),
    ],
)
def test_a_scale_abbreviation_after_a_space(text, value, unit):
    v = one(text)
    assert (v.value, v.unit) == (value, unit)


@pytest.mark.parametrize("text", ["a 5 m drop", "the 3 k run", "plan 30 b was dropped"])
def test_one_letter_after_a_space_without_a_currency_is_no_scale(text):
    assert [v.value for v in factcheck.parse(text)] == [float(text.split()[1])]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a £45,000-a-year role", 45_000, "GBP/year"),
        ("paid $9-an-hour", 9, "USD/hour"),
        ("a €2m-per-year contract", 2_000_000, "EUR/year"),
    ],
)
def test_a_rate_joined_by_hyphens_is_one_rate(text, value, unit):
    v = one(text)
    assert (v.kind, v.value, v.unit) == ("rate", value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # per cent however news copy shortens or hyphens it
        ("inflation of 4.5pc", 4.5, "%"),
        ("a 10 pct stake", 10, "%"),
        ("up 3 per-cent", 3, "%"),
        ("a swing of 2.5 percentage-points", 2.5, "percentage points"),
        # basis points are hundredths of a percentage point
        ("a cut of 25 basis points", 0.25, "percentage points"),
        ("raised rates by 75bp", 0.75, "percentage points"),
        ("spreads widened 40 bps", 0.4, "percentage points"),
    ],
)
def test_per_cent_and_points_in_every_shorthand(text, value, unit):
    v = one(text)
    assert (v.kind, v.unit) == ("percent", unit)
    assert v.value == pytest.approx(value) and v.low < v.value < v.high


def test_a_company_called_bp_is_not_basis_points():
    assert [v.kind for v in factcheck.parse("In 2003 BP invested $8bn", ref="2013-03-22")] == ["date", "money"]


def test_a_range_of_basis_points_keeps_both_figures_in_points():
    v = one("a rise of 25-50 basis points")
    assert v.figures == pytest.approx((0.25, 0.5)) and v.unit == "percentage points"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("plans from $5.99/mo", 5.99, "USD/month"), ("a £40k/yr post", 40_000, "GBP/year"),
     ("€300/wk rent", 300, "EUR/week"), ("£1,200 per yr", 1_200, "GBP/year")],
)
def test_a_rate_with_its_period_shortened(text, value, unit):
    v = one(text)
    assert (v.kind, v.value, v.unit) == ("rate", value, unit)


def test_an_hourly_rate_is_described_with_an():
    assert one("$15 an hour").describe() == "$15 an hour"


def test_a_code_inside_a_name_is_not_money():
    assert [v.value for v in factcheck.parse("the B52 and the A4")] == []


# --- dates -----------------------------------------------------------------------------------------


def span_of(text: str, ref: str = "2021-06-09") -> tuple[str, str]:
    dates = [v for v in factcheck.parse(text, ref=ref) if v.kind == "date"]
    assert len(dates) == 1, [v.to_dict() for v in dates]
    return dates[0].range.start.isoformat(), dates[0].range.end.isoformat()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # numbers only: day first, years with two digits, year and month, compact
        ("signed on 05/11/2017", "2017-11-05", "2017-11-05"),
        ("signed on 05.11.17", "2017-11-05", "2017-11-05"),
        ("due 28-02-2022", "2022-02-28", "2022-02-28"),
        ("filed 2016/03/09", "2016-03-09", "2016-03-09"),
        ("report 20150430 issued", "2015-04-30", "2015-04-30"),
        # a compact date closing a sentence or a clause
        ("The report is dated 20150430.", "2015-04-30", "2015-04-30"),
        ("it was logged 19991231, then lost", "1999-12-31", "1999-12-31"),
        ("the 2011-06 data", "2011-06-01", "2011-06-30"),
        ("figures for 11/2014", "2014-11-01", "2014-11-30"),
        ("2016 October", "2016-10-01", "2016-10-31"),
        # years long ago, and years said in words
        ("the abbey was founded in 1132", "1132-01-01", "1132-12-31"),
        ("she was born in nineteen sixty-four", "1964-01-01", "1964-12-31"),
        ("by two thousand and ten", "2010-01-01", "2010-12-31"),
        # a day in words: an ordinal, "of" and a month
        ("it opened on the first of March 2014", "2014-03-01", "2014-03-01"),
        ("born the twenty-second of August, 1990", "1990-08-22", "1990-08-22"),
        ("the thirtieth of November 2011", "2011-11-30", "2011-11-30"),
        # a day, a month's name and a year joined by hyphens or slashes; a month and year by a hyphen
        ("the 7-Feb-2018 filing", "2018-02-07", "2018-02-07"),
        ("logged 21-Oct-16", "2016-10-21", "2016-10-21"),
        ("issued 9/Apr/2011", "2011-04-09", "2011-04-09"),
        ("the Sept-2017 figures", "2017-09-01", "2017-09-30"),
        # two months joined by a dash or slash, then the year
        ("in the July-September 2019 quarter", "2019-07-01", "2019-09-30"),
        ("over Feb.-Apr. 2016", "2016-02-01", "2016-04-30"),
        ("the Dec/Jan 2015 sales", "2014-12-01", "2015-01-31"),
        # a part of a month without its year, and "end-" and "start-" as shorthand
        ("signed in early August", "2020-08-01", "2020-08-10"),
        ("due by mid-October", "2021-10-11", "2021-10-21"),
        ("talks stalled in late February", "2021-02-20", "2021-02-28"),
        ("funding runs out at end-2023", "2023-09-01", "2023-12-31"),
        # decades, in four figures or after an apostrophe, whole or in part
        ("music of the '60s", "1960-01-01", "1969-12-31"),
        ("a hit in the late \u201970s", "1976-09-01", "1979-12-31"),
        ("since the mid-1980s", "1983-05-01", "1986-08-31"),
        ("in the early '00s", "2000-01-01", "2003-04-30"),
        # centuries, quarters and halves
        ("in the 17th century", "1600-01-01", "1699-12-31"),
        ("profits in the fourth quarter of 2018", "2018-10-01", "2018-12-31"),
        ("the second half of 2020", "2020-07-01", "2020-12-31"),
        ("H2 2017", "2017-07-01", "2017-12-31"),
        ("sales rose in the first quarter", "2021-01-01", "2021-03-31"),
        ("the second half of next year", "2022-07-01", "2022-12-31"),
        # quarters and halves as results tables code them
        ("profit fell in 2Q20", "2020-04-01", "2020-06-30"),
        ("1H21 revenue", "2021-01-01", "2021-06-30"),
        ("sales in 4Q 2018", "2018-10-01", "2018-12-31"),
        ("margins in Q1'19", "2019-01-01", "2019-03-31"),
        # spans are one value
        ("open from 4 to 11 July 2019", "2019-07-04", "2019-07-11"),
        ("August 2-9, 2015", "2015-08-02", "2015-08-09"),
        ("between June and August 2018", "2018-06-01", "2018-08-31"),
        ("it ran 1998-2003", "1998-01-01", "2003-12-31"),
        ("from 2 March to 5 April 2020", "2020-03-02", "2020-04-05"),
        # offsets from a stated anchor, and compound offsets
        ("five days after 10 January 2020", "2020-01-15", "2020-01-15"),
        ("a week before 20 March 2018", "2018-03-13", "2018-03-13"),
        ("the day after tomorrow", "2021-06-11", "2021-06-11"),
        ("the day before yesterday", "2021-06-07", "2021-06-07"),
        ("1 year 2 months ago", "2020-04-09", "2020-04-10"),
        # a day inside a week or a month
        ("Tuesday next week", "2021-06-15", "2021-06-15"),
        ("the last Friday of next month", "2021-07-30", "2021-07-30"),
        ("the second Monday of March 2019", "2019-03-11", "2019-03-11"),
        # holidays by rule
        ("Easter 2022", "2022-04-17", "2022-04-17"),
        ("Good Friday 2016", "2016-03-25", "2016-03-25"),
        ("Thanksgiving 2023", "2023-11-23", "2023-11-23"),
        ("Boxing Day 2015", "2015-12-26", "2015-12-26"),
        ("Whit Monday 2021", "2021-05-24", "2021-05-24"),
        ("Memorial Day 2020", "2020-05-25", "2020-05-25"),
    ],
)
def test_dates_in_every_common_form(text, start, end):
    got = span_of(text)
    assert got[0] <= start and end <= got[1] and (got[1] > got[0] or got == (start, end)), got


@pytest.mark.parametrize(("name", "day"), [("Chinese New Year 2021", "2021-02-12"), ("Eid al-Fitr 2022", "2022-05-02"),
                                           ("Diwali 2021", "2021-11-04")])  # fmt: skip
def test_lunar_feasts_come_as_a_short_range_around_the_day(name, day):
    start, end = span_of(name)
    assert start <= day <= end
    assert (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days <= 3


def test_a_span_keeps_both_ends():
    (v,) = factcheck.parse("from 3 to 17 March 2001")
    assert [e.start.isoformat() for e in v.ends] == ["2001-03-03", "2001-03-17"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Around 1966, the firm moved", 1966),
        ("about 1990 the firm grew", 1990),
        ("built circa 1985 by the council", 1985),
        ("roughly 2004, when the rules changed", 2004),
        # a year before a singular noun ending in s is no count of it
        ("at the 2010 census", 2010),
        ("the 2019 bonus was cut", 2019),
        ("after the 1998 crisis", 1998),
    ],
)
def test_a_year_said_roughly_or_before_a_singular_noun_is_a_year(text, year):
    v = one(text)
    assert v.kind == "date" and v.range.start == dt.date(year, 1, 1), v


@pytest.mark.parametrize("text", ["around 2000 people came", "about 1990 families", "some 2000 of them"])
def test_a_rough_count_that_looks_like_a_year_stays_a_count(text):
    assert one(text).kind == "number"


def test_an_ordinal_before_of_and_no_month_is_no_date():
    assert [v.kind for v in factcheck.parse("the first of many")] == ["number"]


def test_a_lower_case_h_between_figures_is_no_half_year():
    assert [v.kind for v in factcheck.parse("the race took 2h15")] != ["date"]


def test_a_modal_may_is_not_a_month():
    assert factcheck.parse("You May go", ref="2021-06-09") == []


# --- times of day ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clock", "zone"),
    [
        ("the train left at 6.40am", "06:40", None),
        ("doors close at 11.30 pm", "23:30", None),
        ("kick-off at 19:45", "19:45", None),
        ("the blast came at 0915 GMT", "09:15", "GMT"),
        ("markets shut at 4 p.m. EDT", "16:00", "EDT"),
        ("lunch at noon", "12:00", None),
        ("fireworks at midnight", "00:00", None),
        ("by 8pm", "20:00", None),
        ("at twenty past seven in the evening", "19:20", None),
        ("a quarter past ten", "10:15", None),
        ("at five o'clock", "05:00", None),
        # o'clock after figures, and o'clock typed with a curly apostrophe or none
        ("the bell rang at 9 o'clock", "09:00", None),
        ("closing at 11 o\u2019clock at night", "23:00", None),
        ("by 6 oclock in the evening", "18:00", None),
        ("at eight o\u2019clock", "08:00", None),
        # an hour in figures with the part of the day after it
        ("the raid began at 4 in the morning", "04:00", None),
        ("shops reopen at 2 in the afternoon", "14:00", None),
        ("the call came at 10 at night", "22:00", None),
        ("the bells rang at 12 at night", "00:00", None),
        # noon and midnight with their twelve
        ("the deadline is 12 noon", "12:00", None),
        ("polls shut at twelve midnight", "00:00", None),
        ("seven forty-five pm", "19:45", None),
        ("the 1600 hours briefing", "16:00", None),
        # hour and minutes run together, made a clock by am or pm
        ("service at 1030 am", "10:30", None),
        ("doors open at 930pm", "21:30", None),
        ("the 0715 a.m. EST train", "07:15", "EST"),
    ],
)
def test_times_of_day_are_their_own_kind(text, clock, zone):
    v = one(text)
    assert v.kind == "time"
    assert v.to_dict()["from"] == clock and v.zone == zone


def test_an_apostrophe_decade_of_either_century_is_not_guessed():
    assert [v.kind for v in factcheck.parse("the roaring '20s")] == ["number"]


@pytest.mark.parametrize(
    ("text", "clocks"),
    [
        # the first hour of a span takes the half of the day written after the second
        ("the clinic opens from 8 to 10 am", ["08:00", "10:00"]),
        ("closed between 1 and 3pm", ["13:00", "15:00"]),
        ("hours are 6-9pm", ["18:00", "21:00"]),
        ("from 8:15 to 9am", ["08:15", "09:00"]),
        # a span across noon
        ("the stall ran from 11 to 2 pm", ["11:00", "14:00"]),
    ],
)
def test_a_span_of_hours_gives_both_ends_their_half_of_the_day(text, clocks):
    assert [v.to_dict()["from"] for v in factcheck.parse(text) if v.kind == "time"] == clocks


def test_an_iso_timestamp_gives_its_day_and_its_time():
    day, clock = factcheck.parse("logged at 2019-03-14T07:45:10Z")
    assert (day.kind, day.range.start.isoformat()) == ("date", "2019-03-14")
    assert (clock.kind, clock.to_dict()["from"], clock.zone) == ("time", "07:45", "UTC")


@pytest.mark.parametrize("text", ["at 1030 the ship sailed", "the 2019 amendment", "in 2019 am I right"])
def test_figures_run_together_without_am_or_pm_are_no_clock(text):
    assert [v.kind for v in factcheck.parse(text)] != ["time"]


def test_a_dotted_figure_without_am_pm_or_zone_is_a_decimal():
    assert one("rates of 7.30 were").kind == "number"


def test_times_in_two_zones_are_compared_as_the_same_moment(tmp_path):
    from factcheck.judge.verdicts import judge
    from factcheck.models import Claim, Source
    from factcheck.normalize.claims import normalize_claim

    def claim_value(cid: str, value: str):
        claim = Claim(cid, "a.txt", value, "the quake", "struck at", value)
        return normalize_claim(claim, Source("a.txt", "seeds/a.txt", "", ""), {})

    same = judge(claim_value("a", "1400 GMT"), claim_value("b", "9 a.m. EST"))
    assert same is not None and same[0].value == "corroborated"
    different = judge(claim_value("a", "1400 GMT"), claim_value("b", "10 a.m. EST"))
    assert different is not None and different[0].value == "conflict"


# --- a length of time and a half --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "days"), [
    ("served four and a half months", (129, 145)),
    ("a 4 1/2-hour hearing", (0.18, 0.2)),
    ("after 2\u00bd days of talks", (2.4, 2.6)),
    ("nearly three and a half years", (1050, 1400)),
])  # fmt: skip
def test_a_length_of_time_and_a_half_is_one_duration(text, days):
    v = one(text)
    assert v.kind == "duration"
    lo, hi = days
    assert lo <= v.low_days <= v.high_days <= hi


@pytest.mark.parametrize(("text", "count"), [
    ("the empire lasted 1,500 years", 1_500),
    ("a wait of 2,000 days", 2_000),
    ("after 12,000 hours of flight", 12_000),
])  # fmt: skip
def test_a_count_of_time_with_thousands_is_read_whole(text, count):
    v = one(text)
    assert v.kind == "duration" and v.counts == (count,)
    assert v.low_days > 100
