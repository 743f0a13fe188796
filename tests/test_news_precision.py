"""Classes of false alarm found by running extract and verify on real news nobody here had tuned to
(issue 15: precision on unseen stories), each written again in our own words, with the cases that must
still be flagged beside them."""

from __future__ import annotations

from pathlib import Path

from samples import extract_and_verify, news_project

FLAGS = ("conflict", "possible")


def _flags(tmp_path: Path, runner, texts: dict[str, tuple[str, str | None]]) -> list[tuple[str, ...]]:
    """Each flagged pair as its claims' (source, value), sorted."""
    report = extract_and_verify(news_project(tmp_path, texts, "story"), runner)
    return sorted(
        tuple(sorted(f"{c['source']}:{c['value']}" for c in d["claims"]))
        for d in report["discrepancies"] if d["verdict"] in FLAGS
    )  # fmt: skip


# One source gives two values under one measure: two facts, or two accounts it reports side by side.


def test_outlets_printing_one_sentence_with_several_figures_do_not_disagree_over_it(tmp_path, runner):
    """A wire story printed by two outlets: '10 of 22', a record, a vote are two figures each, and the
    first of one outlet is not the second of the other."""
    same = ("The trouble was Sam Reed, who was just 10 of 22 for 162 yards with two interceptions.\n"
            "The Hawks (10-5) won 20-13 at home.\nThe Hill Council committee voted 7-5 to close the library.\n")
    assert _flags(tmp_path, runner, {"a.txt": (same, "2024-03-02"), "b.txt": (same, "2024-03-02")}) == []


def test_a_figure_that_has_its_counterpart_in_the_other_source_is_not_in_conflict_with_the_rest(tmp_path, runner):
    """Two rescues told by each source in its own order: each figure meets its own in the other."""
    texts = {
        "a.txt": ("The Aurora ferry sank off Kell Point on Tuesday. Lifeboats from Kell Point rescued 12 people near "
                  "the wreck of the Aurora.\nLater an RAF helicopter rescued 9 people further out to sea.\n",
                  "2024-05-02"),
        "b.txt": ("An RAF helicopter rescued 9 people from the Aurora ferry, which sank off Kell Point.\n"
                  "Lifeboats rescued 12 people near the wreck of the Aurora.\n", "2024-05-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_two_accounts_one_source_reports_side_by_side_are_still_flagged(tmp_path, runner):
    """The army says two shells, the nurse says four: the source reports a disagreement, and another
    outlet's four does not hide it."""
    texts = {
        "a.txt": ("Two mortar shells landed in the yard of the Dara clinic, the army said in a statement.\n"
                  "The head nurse, Mona Aziz, said that four mortar shells landed in the yard of the Dara clinic "
                  "during the morning.\n", "2024-03-02"),
        "b.txt": ("Four mortar shells landed in the yard of the Dara clinic on Saturday morning, the United Nations "
                  "said.\n", "2024-03-03"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == [("a.txt:Two", "a.txt:four")]


def test_two_outlets_disagreeing_on_one_figure_are_flagged(tmp_path, runner):
    texts = {
        "a.txt": ("Four mortar shells landed in the yard of the Dara clinic, the United Nations said.\n", "2024-03-02"),
        "b.txt": ("Six mortar shells landed in the yard of the Dara clinic, the United Nations said.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == [("a.txt:Four", "b.txt:Six")]
