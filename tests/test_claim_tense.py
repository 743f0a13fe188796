"""A claim's date written without its year or week ("on Thursday", "in March", "this Friday") is
placed from its source's publication date by the tense of the sentence it sits in: the claim's
value is read inside its quote. The phrases below are ours, written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.cli import app


def read(value: str, ref: str, quote: str | None) -> tuple[str, str]:
    v = factcheck.parse_value(value, ref, within=quote)
    assert v is not None and v.kind == "date", (value, quote, v)
    return v.range.start.isoformat(), v.range.end.isoformat()


@pytest.mark.parametrize(
    ("value", "quote", "ref", "expected"),
    [
        # past: the most recent such day on or before publication
        ("on Tuesday", "The contract was signed on Tuesday afternoon at the town hall", "2024-03-13",
         ("2024-03-12", "2024-03-12")),
        ("Saturday", "The match was abandoned at half-time on Saturday", "2024-03-16", ("2024-03-16", "2024-03-16")),
        ("on Monday", "Firefighters tackled the blaze at the recycling plant on Monday", "2024-03-14",
         ("2024-03-11", "2024-03-11")),
        ("on Sunday", "Police said a man was arrested on Sunday", "2024-03-14", ("2024-03-10", "2024-03-10")),
        # future: the next one on or after publication
        ("on Friday", "The new stand will open to supporters on Friday", "2024-03-11", ("2024-03-15", "2024-03-15")),
        ("Friday", "The jury is due to resume its deliberations on Friday", "2024-03-12",
         ("2024-03-15", "2024-03-15")),
        ("on Wednesday", "The club said the striker would have a scan on Wednesday", "2024-03-14",
         ("2024-03-20", "2024-03-20")),
        # no tense in the sentence: either one, as before
        ("on Sunday", "The market opens on Sunday", "2024-03-13", ("2024-03-10", "2024-03-17")),
        # "next" and "last" say it themselves, whatever the verb
        ("last Thursday", "Customers charged twice since last Thursday will be repaid", "2024-03-13",
         ("2024-03-07", "2024-03-07")),
        ("next Tuesday", "Ministers were told the figures are published next Tuesday", "2024-03-13",
         ("2024-03-19", "2024-03-19")),
        ("next week", "Inspectors were told the ward closes next week", "2024-03-13", ("2024-03-18", "2024-03-24")),
        # "this": coming or just gone by the tense; with none, the one in the publication's week
        ("this Friday", "The festival will go ahead this Friday", "2024-03-16", ("2024-03-22", "2024-03-22")),
        ("this Monday", "The warehouse was sold this Monday", "2024-03-13", ("2024-03-11", "2024-03-11")),
        ("this Friday", "The festival goes ahead this Friday", "2024-03-13", ("2024-03-15", "2024-03-15")),
        ("this March", "The scheme will launch this March", "2024-12-05", ("2025-03-01", "2025-03-31")),
        # a month without a year
        ("in October", "Turnover fell by a fifth in October", "2024-06-10", ("2023-10-01", "2023-10-31")),
        ("in March", "The bypass is expected to open in March", "2024-06-10", ("2025-03-01", "2025-03-31")),
        ("in June", "The consultation will close in June", "2024-06-10", ("2024-06-01", "2024-06-30")),
        ("in June", "Prices rose sharply in June", "2024-06-10", ("2024-06-01", "2024-06-30")),
        # a date something was moved to lies ahead, though the verb that moved it is past
        ("late January", "The trial has been put back to late January", "2024-11-20", ("2025-01-22", "2025-01-31")),
        ("to April", "The opening of the pool was postponed to April", "2024-11-20", ("2025-04-01", "2025-04-30")),
        # a reported clause takes its own tense, not the saying's
        ("in September", "The council said the library reopens in September", "2024-10-01",
         ("2024-09-01", "2024-09-30")),
        # and a clause after the date is not the date's: the announcement was in May, not next May
        ("in May", "The charity, announcing in May that it would close nine shops, blamed rents", "2024-07-10",
         ("2024-05-01", "2024-05-31")),
        ("in May", "The charity said in May it would close nine shops", "2024-07-10", ("2024-05-01", "2024-05-31")),
        ("in May", "The charity was announcing in May it would close nine shops", "2024-07-10",
         ("2024-05-01", "2024-05-31")),
        ("On Friday", "On Friday it was confirmed that nine shops would close", "2024-07-10",
         ("2024-07-05", "2024-07-05")),
    ],
)  # fmt: skip
def test_a_date_without_year_or_week_is_placed_by_the_tense_of_its_quote(value, quote, ref, expected):
    assert read(value, ref, quote) == expected


def test_without_its_quote_a_bare_weekday_is_either_one():
    assert read("on Thursday", "2025-08-01", None) == ("2025-07-31", "2025-08-07")
    # a value the quote does not hold gives the quote no say
    assert read("on Thursday", "2025-08-01", "It was completed yesterday") == ("2025-07-31", "2025-08-07")


def test_a_tense_in_the_value_itself_still_decides():
    assert read("will open on Friday", "2024-03-11", "It opened on Monday and will open on Friday") == (
        "2024-03-15",
        "2024-03-15",
    )


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
PAST = ["The order was signed on {}", "Residents were evacuated on {}", "The company confirmed the sale on {}"]
FUTURE = ["The order will be signed on {}", "The vote is due to take place on {}", "Talks are expected to end on {}"]


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.sampled_from(WEEKDAYS), st.integers(0, 2))
def test_a_weekday_lies_within_the_week_before_or_after_publication_by_tense(ref, name, form):
    want = WEEKDAYS.index(name)
    past = factcheck.parse_value(f"on {name}", ref, within=PAST[form].format(name)).range
    future = factcheck.parse_value(f"on {name}", ref, within=FUTURE[form].format(name)).range
    assert past.is_day and past.start.weekday() == want and 0 <= (ref - past.start).days <= 6
    assert future.is_day and future.start.weekday() == want and 0 <= (future.start - ref).days <= 6


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.sampled_from(MONTHS))
def test_a_month_is_the_last_one_begun_or_the_first_not_over_by_tense(ref, name):
    past = factcheck.parse_value(f"in {name}", ref, within=f"Sales fell in {name}").range
    future = factcheck.parse_value(f"in {name}", ref, within=f"The shop will reopen in {name}").range
    assert past.start <= ref and (ref - past.start).days < 366
    assert future.end >= ref and (future.end - ref).days < 366


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_past_weekday_against_a_later_source_date_is_flagged(tmp_path, runner):
    """Through the commands a reporter uses: a deal completed 'on Tuesday' in a Wednesday paper is
    the day before; a later source that puts it three days later contradicts it, and a source that
    says it will be announced 'on Friday' in a future sentence agrees with a Friday date."""
    root = tmp_path / "story"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    a = write(tmp_path / "a.txt", "The takeover of the bakery chain was completed on Tuesday evening. "
              "The new owners will announce their plans on Friday.\n")  # fmt: skip
    b = write(tmp_path / "b.txt", "Since the takeover was completed on 15 May, the owners have closed four shops. "
              "They announced their plans on 17 May.\n")  # fmt: skip
    for file, day in ((a, "2024-05-15"), (b, "2024-06-20")):
        result = runner.invoke(app, ["sources", "add", str(file), "--date", day, "--root", str(root)])
        assert result.exit_code == 0, result.output
    for source, quote, prop, value in (
        ("a.txt", "was completed on Tuesday evening", "completion date", "on Tuesday"),
        ("b.txt", "Since the takeover was completed on 15 May", "completion date", "15 May"),
        ("a.txt", "The new owners will announce their plans on Friday", "plans announced", "on Friday"),
        ("b.txt", "They announced their plans on 17 May", "plans announced", "17 May"),
    ):
        result = runner.invoke(app, ["add", source, "--quote", quote, "--subject", "bakery takeover",
                                     "--property", prop, "--value", value, "--kind", "date", "--root", str(root)])  # fmt: skip
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["verify", "--format", "json", "--root", str(root)])
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)["discrepancies"]
    assert [(d["verdict"], sorted(c["value"] for c in d["claims"])) for d in found] == [
        ("conflict", ["15 May", "on Tuesday"])
    ]


def test_parse_command_reads_a_phrase_in_its_quote(runner):
    args = ["parse", "on Thursday", "--ref", "2025-08-01", "--format", "json"]
    alone = json.loads(runner.invoke(app, args).stdout)
    quoted = json.loads(runner.invoke(app, [*args, "--quote", "The deal was completed late on Thursday night"]).stdout)
    assert [(v["from"], v["to"]) for v in alone] == [("2025-07-31", "2025-08-07")]
    assert [(v["from"], v["to"]) for v in quoted] == [("2025-07-31", "2025-07-31")]
