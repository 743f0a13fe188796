"""The classes of false alarm and misfiled figure found on the shipped corpus from an empty registry,
each written again in other words: the fix must hold for the class, not for the one sentence."""

from __future__ import annotations

import json
from pathlib import Path

from samples import extract_and_verify, news_project

from factcheck.actions.extract import propose
from factcheck.cli import app
from factcheck.judge.change import cues_near

FLAGS = ("conflict", "possible", "altered", "misattributed")


def _project(tmp_path: Path, texts: dict[str, tuple[str, str | None]]) -> Path:
    return news_project(tmp_path, texts, "story")


def _flags(root: Path, runner) -> list[dict]:
    return [f for f in extract_and_verify(root, runner)["findings"] if f["verdict"] in FLAGS]


def test_a_word_ending_in_s_after_a_body_is_not_its_verb(tmp_path):
    """'joined the council as DCS in February': the person joined; 'as' is not a verb of 'council'."""
    root = _project(tmp_path, {
        "a.txt": ("Ann Lee only joined the trust as finance director in March, months before the audit.\n\n"
                  "Raj Patel moved to Anytown Council this year and took over the housing team.\n", "2021-06-01"),
    })  # fmt: skip
    (joined,) = [c for c in propose(root).claims if c.value.endswith("March")]
    assert joined.subject == "Ann Lee"


def test_an_inspection_and_the_rating_it_led_to_are_two_events(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Care inspectors carried out an inspection of Westfield Hospital in June 2021, the trust said.\n",
                  "2021-09-01"),
        "b.txt": ("Last July Westfield Hospital was rated inadequate by the regulator.\n", "2022-06-01"),
        "c.txt": ("Westfield Hospital was inspected in June 2021 and judged inadequate in July 2021.\n",
                  "2021-10-01"),
    })  # fmt: skip
    assert _flags(root, runner) == []


def test_a_change_word_of_the_item_before_in_a_list_is_not_the_values():
    quote = "A crisis came with the exit of the latest chair, Ann Lee, and the finance director, Bob Smith."
    assert cues_near(quote, "finance director") == ()
    assert cues_near("the latest finance director, Bob Smith", "finance director") == (("revision", "latest"),)
    assert cues_near("the interim chair, Ann Lee, or the latest finance director", "finance director") == (
        ("revision", "latest"),
    )


def test_an_offset_names_the_event_after_a_name_set_off_by_commas(mini, runner):
    mini.entities(
        """
        entities:
          - id: council
            name: Anytown Council
          - id: ann-lee
            name: Ann Lee
        """
    )
    mini.source("a.txt", "The treasurer's exit came just days after the council appointed chair, Ann Lee, stepped down.\n",
                "2020-10-11")  # fmt: skip
    mini.source("b.txt", "Anytown Council appointed a new treasurer in February.\n", "2020-03-01")
    mini.source("c.txt", "Ann Lee resigned last September.\n", "2021-05-01")
    mini.claims("a.yaml", """
        source: a.txt
        claims:
          - {id: a-lee, quote: "just days after the council appointed chair, Ann Lee, stepped down",
             subject: Ann Lee, property: resignation, value: just days after}
        """)  # fmt: skip
    mini.claims("b.yaml", """
        source: b.txt
        claims:
          - {id: b-treasurer, quote: "Anytown Council appointed a new treasurer in February",
             subject: Anytown Council, property: appointed, value: February}
        """)  # fmt: skip
    mini.claims("c.yaml", """
        source: c.txt
        claims:
          - {id: c-lee, quote: "Ann Lee resigned last September", subject: Ann Lee, property: resignation,
             value: last September}
        """)  # fmt: skip
    out = runner.invoke(app, ["verify", "--root", str(mini.root), "--format", "json"])
    (finding,) = [f for f in json.loads(out.stdout)["findings"] if f["verdict"] in FLAGS]
    assert "Anytown Council" not in finding["explanation"]  # not counted from the treasurer's appointment
    assert "1–11 Oct 2020" in finding["explanation"] or "Oct 2020" in finding["explanation"]


def test_two_bodies_each_named_beside_their_figures_are_not_one_subject_guessed_twice(tmp_path, runner):
    root = _project(tmp_path, {
        "a.txt": ("Papers show Anytown Council is facing an overspend of £4.4m this year, with a £7.6m "
                  "children's services department deficit the main pressure.\n", "2021-06-01"),
        "b.txt": ("Anytown Council expects it will overspend by £4m this year, its leader said.\n", "2021-06-02"),
    })  # fmt: skip
    flagged = _flags(root, runner)
    assert not [f for f in flagged if {"£4m", "£7.6m"} <= {c["value"] for s in f["sides"] for c in s}]


def test_a_figure_with_no_name_in_reach_is_filed_under_a_body_not_a_person(tmp_path):
    root = _project(tmp_path, {
        "a.txt": ("Jo Bloggs joined Anytown Council in 2019. Jo Bloggs runs the housing team. Jo Bloggs "
                  "has since hired four managers.\n\nThe number of families waiting has gone up to 232.\n",
                  "2021-06-01"),
    })  # fmt: skip
    claims = {c.value: c for c in propose(root).claims}
    assert claims["232"].subject == "Anytown Council"
