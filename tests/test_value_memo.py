"""A claim's value and time read once per distinct text (normalize/claims.py) read as reading each
claim afresh would: figures by their text alone, dates only when no reference date could move them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from factcheck.models import DateRange
from factcheck.normalize import claims as normalized
from factcheck.normalize import parse_value
from factcheck.registry.load import alias_index, claim_files, load_entities, parse_claims_file
from factcheck.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from gen_dense import generate_dense  # noqa: E402

REFS = [None, DateRange.day(dt.date(2019, 3, 14)), DateRange.day(dt.date(2024, 11, 2)),
        DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))]  # fmt: skip

# times written as registries write them: fixed ones, and ones a reference date or a tense moves
TIMES = [
    "2020", "January 2020", "3 May 2019", "2019/20", "the 2019-20 financial year", "spring 2018", "Q3 2021",
    "before 2015", "after March 2016", "since 12 June 2010", "from 2001 to 2005", "between March and May 2019",
    "last year", "last March", "3 May", "on Thursday", "two days after 3 May", "two days after 3 May 2019",
    "next spring", "the week before Christmas", "Christmas 2019", "three years ago", "in March", "this year",
    "March to 7 June 2019", "the 1990s", "mid-2017", "early 2020", "until next week", "2 months 10 days ago",
]
# values as claims write them, with the quotes they sit in
VALUES = [
    ("£5.8m", "spent £5.8m on roads"), ("more than 1,200", "more than 1,200 people"), ("1999", "joined in 1999"),
    ("about 40%", "about 40% of homes"), ("£1.2bn", "a £1.2bn deficit"), ("nearly 300", "nearly 300 staff"),
    ("on Thursday", "The deal was completed late on Thursday night"), ("on Thursday", "will sign on Thursday"),
    ("3 May", "it opened on 3 May"), ("two weeks", "closed for two weeks"), ("3pm", "at 3pm"),
    ("11 counts", "faces 11 counts"), ("1,750", "has climbed to 1,750"), ("March 2020", "by March 2020"),
    ("2 to 3 million", "between 2 to 3 million visitors"), ("last month", "said last month"),
    ("12 March 2019", "was formed on 12 March 2019"), ("March 2015", "who joined in March 2015"),
    ("2015", "was set up in 2015"), ("Thursday 3 May 2018", "opened on Thursday 3 May 2018"),
    ("3 May", "will open on 3 May"), ("last March", "joined last March"), ("May 2020", "is due in May 2020"),
    ("the 2019/20 financial year", "in the 2019/20 financial year"), ("1 April", "took over on 1 April"),
]


def _claims(root: Path) -> list:
    entities, _terms = load_entities(root / "claims", Settings())
    aliases = alias_index(entities)
    return [c for f in claim_files(root / "claims") for c in parse_claims_file(root, f, aliases, Settings())]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("memo") / "project"
    generate_dense(40, root, seed=11)
    claims = _claims(root) + _claims(Path(__file__).resolve().parents[1])
    times = TIMES + [t for c in claims for t in (c.as_of, c.period, c.relative_to) if t]
    return times, VALUES + [(c.value, c.quote) for c in claims]


def test_a_time_read_once_is_the_time_read_against_each_reference(written) -> None:
    times, _values = written
    normalized._fixed_date.cache_clear()
    moved = 0
    for text in times:
        for ref in REFS:
            assert normalized._date_of(text, ref) == normalized._date_against(text, ref), (text, ref)
        moved += not normalized._fixed_date(text)[0]
    assert 0 < moved < len(times)  # both kinds were tried


def test_a_value_read_once_is_the_value_read_in_each_quote_against_each_reference(written) -> None:
    _times, values = written
    normalized._FIGURES.clear()
    for text, quote in values:
        for ref in REFS:
            assert normalized._value_of(text, ref, quote) == parse_value(text, ref, within=quote), (text, ref)
    assert normalized._FIGURES and len(normalized._FIGURES) < len({t for t, _q in values})
    kept = {type(v).__name__ for v in normalized._FIGURES.values()}
    assert {"Quantity", "DateValue"} <= kept  # dates no reference date moves are kept too
    assert "3 May" not in normalized._FIGURES and "last March" not in normalized._FIGURES
