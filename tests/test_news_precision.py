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


# Figures that are not counts of anything a source asserts on its own.


def test_the_sides_of_a_score_a_record_or_a_vote_are_not_claims(tmp_path, runner):
    texts = {
        "a.txt": ("Westport Rovers beat Carlow Town 3-1 on Saturday, and Rovers (12-4) now lead the table.\n"
                  "The Carlow Council planning committee voted 9-2 against the stadium plan.\n", "2024-03-02"),
        "b.txt": ("Carlow Town lost 1-3 at home to Westport Rovers, who are 12-4 this season.\n"
                  "The Carlow Council planning committee rejected the stadium plan by 9 votes to 2.\n", "2024-03-03"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_a_range_written_with_a_dash_is_still_a_figure(tmp_path, runner):
    """'20-30 people' rises and counts people: a range, compared like any figure."""
    texts = {
        "a.txt": ("Between 20-30 people were hurt when the Harbour Bridge stand collapsed, the Dock Trust said.\n",
                  "2024-03-02"),
        "b.txt": ("Some 60 people were hurt when the Harbour Bridge stand collapsed, the Dock Trust said.\n",
                  "2024-03-02"),
    }  # fmt: skip
    flags = _flags(tmp_path, runner, texts)
    assert len(flags) == 1 and flags[0][0].startswith("a.txt:") and flags[0][1] == "b.txt:Some 60"


def test_a_game_clock_is_not_a_time_of_day(tmp_path, runner):
    texts = {
        "a.txt": ("Kerry Lane of the Lakeside Hawks hit a free throw with 4:43 left in the first half.\n", "2024-03-02"),
        "b.txt": ("Kerry Lane of the Lakeside Hawks hit a free throw with 13:41 to play.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_an_ordinal_that_begins_a_name_is_no_rank(tmp_path, runner):
    texts = {
        "a.txt": ("The Queens District Attorney said officers found the van on 117th Street.\n", "2024-03-02"),
        "b.txt": ("The Queens District Attorney said officers found the van on 103rd Avenue.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_a_version_number_is_a_name(tmp_path, runner):
    texts = {
        "a.txt": ("The Zephyr laptop from Norrland Tech supports USB 2.0 and runs Zenith OS 7.\n", "2024-03-02"),
        "b.txt": ("The Zephyr laptop from Norrland Tech supports USB 3.0 and runs Zenith OS 8.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_the_time_a_page_was_stamped_is_no_name(tmp_path, runner):
    texts = {
        "a.txt": ("Updated June 11, 2024 10:24 AM PDT\n\nNorrland Tech cut the price of the Zephyr laptop.\n",
                  "2024-06-11"),
        "b.txt": ("June 11, 2024 at 10:33 AM PT\n\nNorrland Tech cut the price of its Zephyr laptop.\n", "2024-06-11"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_the_first_word_of_another_full_name_is_no_respelling(tmp_path, runner):
    """'Walter F. Bugden' is another person, not 'Walther' misspelt; a lone 'Walter' where a person stands
    still is."""
    texts = {
        "a.txt": ("Judge Barbara Walther refused the motion, and defence attorney Walter F. Bugden told reporters "
                  "he would appeal.\n", "2024-03-02"),
        "b.txt": ("Judge Barbara Walther refused the motion on Tuesday.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


# Who or what a figure is of.


def test_an_age_of_someone_the_words_do_not_name_is_not_a_named_persons(tmp_path, runner):
    texts = {
        "a.txt": ("Paul Arno, 36, was charged with assault after the fight in Dunmore Street, the Dunmore police "
                  "said.\nThe 40-year-old victim was treated in hospital.\n", "2024-03-02"),
        "b.txt": ("The Dunmore police said a 52-year-old man was arrested. Paul Arno, 36, was charged after the "
                  "fight.\nThe prosecutor said the 14-year-old was a witness, and 3 of them were under age 16.\n",
                  "2024-03-03"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_two_ages_of_one_named_person_are_compared(tmp_path, runner):
    texts = {
        "a.txt": ("Paul Arno, 36, was charged with assault after the fight in Dunmore Street, the Dunmore police "
                  "said.\n", "2024-03-02"),
        "b.txt": ("The Dunmore police said 38-year-old Paul Arno was charged after the fight.\n", "2024-03-03"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == [("a.txt:36", "b.txt:38")]


def test_the_price_of_one_model_is_not_anothers(tmp_path, runner):
    texts = {
        "a.txt": ("The 13-inch Zephyr laptop from Norrland Tech starts at $999.\n", "2024-03-02"),
        "b.txt": ("The 15-inch Zephyr laptop from Norrland Tech starts at $1,599.\n", "2024-03-02"),
        "c.txt": ("The 13-inch Zephyr laptop from Norrland Tech starts at $1,099.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == [("a.txt:$999", "c.txt:$1,099")]


def test_counts_of_different_things_never_pair_whatever_was_done_to_them(tmp_path, runner):
    """Pirates, boats and sailors in one raid: each count is of its own thing, even under one verb."""
    texts = {
        "a.txt": ("The frigate Varuna captured 26 pirates in the Gulf of Aden, the Navy of Norland said.\n"
                  "The Navy of Norland said the frigate Varuna captured five boats.\n", "2024-03-02"),
        "b.txt": ("The Navy of Norland said the frigate Varuna captured 15 sailors in the Gulf of Aden.\n",
                  "2024-03-03"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_two_counts_of_one_thing_named_two_ways_are_still_compared(tmp_path, runner):
    """'bullets' and 'shots' are rounds fired; a count whose thing the words leave out may be either."""
    texts = {
        "a.txt": ("Officers of the Norland Police fired seven bullets at the car, the Norland Police said.\n",
                  "2024-03-02"),
        "b.txt": ("Officers of the Norland Police fired 11 shots at the car, the Norland Police said.\n",
                  "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == [("a.txt:seven", "b.txt:11")]


def test_a_length_of_time_is_not_a_count_of_what_it_is_the_length_of(tmp_path, runner):
    texts = {
        "a.txt": ("All seven men convicted by the Norland court received prison sentences of between six and 75 "
                  "years, the Norland court said.\n", "2024-03-02"),
        "b.txt": ("The Norland court said the two sentences are to be served one after the other.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_a_number_word_inside_a_word_of_its_own_counts_nothing(tmp_path, runner):
    texts = {
        "a.txt": ("Norrland Tech rushed out a fix for a zero-day flaw in its Zephyr browser.\n", "2024-03-02"),
        "b.txt": ("Norrland Tech said 8 versions of its Zephyr browser have the flaw.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []


def test_a_price_naming_no_model_is_not_compared_with_one_naming_a_model(tmp_path, runner):
    texts = {
        "a.txt": ("The Zephyr laptop from Norrland Tech starts at $999 for the 13-inch option.\n", "2024-03-02"),
        "b.txt": ("The basic Zephyr laptop from Norrland Tech starts at $1,599.\n", "2024-03-02"),
    }  # fmt: skip
    assert _flags(tmp_path, runner, texts) == []
