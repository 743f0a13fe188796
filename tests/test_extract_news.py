"""extract on news written the way outlets write it: every proposal is one verify accepts, page furniture
and times of day are not claims, and the same fact in other words lands on one subject and property."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.actions.extract import extract
from factcheck.cli import app
from factcheck.pipeline.verification import verify


def _project(tmp_path: Path, texts: dict[str, tuple[str, str | None]]) -> Path:
    """A project with these sources (text, publication day) and an empty claims/ folder."""
    root = tmp_path / "news"
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    manifest = ["sources:"]
    for name, (text, published) in texts.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
        manifest.append(f"  - file: {name}" + (f"\n    published: {published}" if published else ""))
    (root / "seeds" / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return root


BARE_DATES = {
    "a.txt": ("Riverside Council raised flood barriers on Thursday after the Avon burst its banks on Wednesday.\n\n"
              "Riverside Council said repairs would start in March and last until autumn.\n", "2024-02-09"),
    "b.txt": ("Riverside Council engineers arrived Friday. The storm had hit Riverside early Monday, officials said.\n\n"
              "Riverside Council opens a second inquiry in June.\n", "2024-02-10"),
    "c.txt": ("Western Rail services resume on Sunday, Western Rail said. Its chief executive quit in January.\n",
              None),
}  # fmt: skip


def test_bare_weekdays_and_months_are_proposed_so_verify_reads_them(tmp_path, runner):
    root = _project(tmp_path, BARE_DATES)
    assert runner.invoke(app, ["extract", "--root", str(root)]).exit_code == 0
    result = runner.invoke(app, ["verify", "--root", str(root), "--format", "json"])
    assert result.exit_code != 2, result.stderr
    values = {(c.source, c.value) for c in verify(root).claims}
    assert ("a.txt", "on Thursday") in values  # widened until it reads as a date
    assert not any(source == "c.txt" and "Sunday" in value for source, value in values)  # no date to resolve it


NEWS_WORDS = st.sampled_from([
    "on", "Tuesday", "Monday", "March", "autumn", "last", "next", "week", "the", "quake", "struck", "at",
    "9.15pm", "21:07", "0737", "GMT", "2130", "local", "time", "killing", "three", "people", "said", "police",
    "01604", "236", "236", "Updated", "Published", "12", "June", "2023", ",", ".", "\n\n", "£3m", "to", "£9m",
    "a", "month", "$250-million", "early", "late", "this", "year", "spring", "Friday's", "weekend", "since",
    "in", "summer", "Wednesday", "night", "by", "NN1", "2EF", "ref:", "21/04567/FUL", "Mr", "Smith",
    "Anytown", "Council", "about", "dozens", "injured",
])  # fmt: skip
SENTENCE = st.lists(NEWS_WORDS, min_size=3, max_size=25).map(lambda ws: " ".join(ws) + ".")
STORY = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)
DAY = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(STORY, DAY), min_size=2, max_size=3))
def test_verify_straight_after_extract_never_finds_an_error(tmp_path_factory, sources):
    root = _project(tmp_path_factory.mktemp("fuzz"), {f"s{i}.txt": s for i, s in enumerate(sources)})
    extract(root)
    assert verify(root, cache=False).errors == ()


def test_extract_and_verify_report_json_with_no_error_on_dated_sources(tmp_path, runner):
    root = _project(tmp_path, BARE_DATES)
    runner.invoke(app, ["extract", "--root", str(root)])
    report = json.loads(runner.invoke(app, ["verify", "--root", str(root), "--format", "json"]).stdout)
    assert not [p for p in report.get("problems", []) if p.get("severity") == "error"]
