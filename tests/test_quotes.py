"""Quotations checked word by word: stories written for these tests, claims entered with `add`.

Each story is two short pieces on one event that quote the same people; each test plants one
kind of difference between the quotations and checks the verdict and the word-level diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from factcheck.cli import app
from factcheck.errors import ExitStatus


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def story(runner, tmp_path: Path, pieces: list[tuple[str, str, list[tuple[str, str, str]]]]) -> Path:
    """A project with one source per piece (name, text, claims as (quote, speaker, words)); each
    claim is entered with `factcheck add --property said`, the kind left for add to infer."""
    root = tmp_path / "story"
    assert run(runner, "init", root).exit_code == 0
    for day, (name, text, claims) in enumerate(pieces, start=10):
        file = tmp_path / name
        file.write_text(text, encoding="utf-8")
        result = run(runner, "sources", "add", file, "--date", f"2026-03-{day}", "--root", root)
        assert result.exit_code == 0, result.output
        for quote, speaker, words in claims:
            result = run(runner, "add", name, "--quote", quote, "--subject", speaker, "--property", "said",
                         "--value", words, "--root", root)  # fmt: skip
            assert result.exit_code == 0, result.output
    return root


def verdicts(runner, root: Path) -> tuple[int, list[dict]]:
    result = run(runner, "verify", "--root", root, "--format", "json", "--all")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["discrepancies"]


def changes(d: dict) -> list[tuple[str, str, str]]:
    return [(e["op"], e["a"], e["b"]) for e in d.get("edits", []) if e["op"] != "same"]


GAZETTE = """\
Bridge to stay open until summer

The harbour bridge will stay open until the summer, the council has said.

Council leader Maria Okafor said: “We will not close the harbour bridge before the summer. The repairs \
will cost £2.4 million and take 18 months.”

She described the plan as ‘a fair deal for every household in the borough’.
"""


def pair(runner, tmp_path, text_b: str, quote_b: str, words_b: str, speaker_b: str = "Maria Okafor",
         quote_a: str = "We will not close the harbour bridge before the summer.",
         words_a: str = "We will not close the harbour bridge before the summer") -> tuple[int, dict]:  # fmt: skip
    text_a = GAZETTE if quote_a in GAZETTE else f"{GAZETTE}\nAt the meeting Okafor said: “{quote_a}”\n"
    root = story(runner, tmp_path, [
        ("gazette.txt", text_a, [(quote_a, "Maria Okafor", words_a)]),
        ("post.txt", text_b, [(quote_b, speaker_b, words_b)]),
    ])  # fmt: skip
    code, found = verdicts(runner, root)
    assert len(found) == 1, found
    return code, found[0]


def test_add_infers_a_statement_from_a_property_that_reports_speech(runner, tmp_path):
    root = story(runner, tmp_path, [("gazette.txt", GAZETTE, [
        ("We will not close the harbour bridge before the summer.", "Maria Okafor",
         "We will not close the harbour bridge before the summer"),
    ])])  # fmt: skip
    (claim,) = yaml.safe_load((root / "claims" / "gazette.yaml").read_text())["claims"]
    assert claim["kind"] == "statement"
    file = tmp_path / "gazette.txt"
    result = run(runner, "add", "gazette.txt", "--quote", "cost £2.4 million", "--subject", "Maria Okafor",
                 "--property", "said", "--value", "£2.4 million", "--root", root, "--format", "json")  # fmt: skip
    assert result.exit_code == 0 and file.exists()
    assert json.loads(result.stdout)["inferred_kind"] is None  # a figure someone gave stays a figure


def test_a_negation_inserted_is_a_conflict_with_the_word_shown(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   'Ms Okafor told residents: "We will close the harbour bridge before the summer."',
                   "We will close the harbour bridge before the summer.",
                   "We will close the harbour bridge before the summer")  # fmt: skip
    assert code == ExitStatus.DISCREPANCIES
    assert d["verdict"] == "conflict"
    assert changes(d) == [("delete", "not", "")]
    assert "negation" in d["explanation"] and "'not' only in gazette.txt" in d["explanation"]


def test_a_number_changed_is_a_conflict(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   'Okafor added: "The repairs will cost £2.4 million and take eight months."',
                   "The repairs will cost £2.4 million and take eight months.",
                   "The repairs will cost £2.4 million and take eight months",
                   quote_a="The repairs will cost £2.4 million and take 18 months.",
                   words_a="The repairs will cost £2.4 million and take 18 months")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.DISCREPANCIES, "conflict")
    assert changes(d) == [("replace", "18", "eight")]
    assert "number" in d["explanation"]


def test_a_word_swapped_is_altered(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Maria Okafor said: “We will not shut the harbour bridge before the summer.”",
                   "We will not shut the harbour bridge before the summer.",
                   "We will not shut the harbour bridge before the summer")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.DISCREPANCIES, "altered")
    assert changes(d) == [("replace", "close", "shut")]
    assert d["explanation"] == "the quotation is altered: 'close' in gazette.txt, 'shut' in post.txt"


FULL = ("We listened to residents, we read every letter, and we will reopen the footpath in May, "
        "whatever the cost.")  # fmt: skip
FULL_WORDS = "We listened to residents, we read every letter, and we will reopen the footpath in May"


def test_a_cut_marked_with_an_ellipsis_is_consistent(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Okafor said: “We listened to residents … and we will reopen the footpath in May.”",
                   "We listened to residents … and we will reopen the footpath in May.",
                   "We listened to residents … and we will reopen the footpath in May",
                   quote_a=FULL, words_a=FULL_WORDS)  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "consistent")
    assert changes(d) == [("cut", "we read every letter,", "…")]


def test_a_cut_without_an_ellipsis_is_altered(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Okafor said: “We listened to residents and we will reopen the footpath in May.”",
                   "We listened to residents and we will reopen the footpath in May.",
                   "We listened to residents and we will reopen the footpath in May",
                   quote_a=FULL, words_a=FULL_WORDS)  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.DISCREPANCIES, "altered")
    assert changes(d) == [("delete", "we read every letter,", "")]


def test_the_same_words_under_two_speakers_are_misattributed(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "“We will not close the harbour bridge before the summer,” said the opposition leader, Tom Reyes.",
                   "We will not close the harbour bridge before the summer,",
                   "We will not close the harbour bridge before the summer",
                   speaker_b="Tom Reyes")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.DISCREPANCIES, "misattributed")
    assert "Maria Okafor" in d["explanation"] and "Tom Reyes" in d["explanation"]
    assert changes(d) == []


def test_a_partial_quotation_is_consistent(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Maria Okafor said: “This is a fair deal for every household in the borough, and I stand by it.”",
                   "This is a fair deal for every household in the borough, and I stand by it.",
                   "This is a fair deal for every household in the borough, and I stand by it",
                   quote_a="She described the plan as ‘a fair deal for every household in the borough’.",
                   words_a="a fair deal for every household in the borough")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "consistent")
    assert changes(d) == [("insert", "", "This is"), ("insert", "", "and I stand by it")]
    assert "partial quotation: gazette.txt" in d["explanation"]


def test_a_paraphrase_in_reported_speech_is_not_flagged(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Ms Okafor said the council would not close the harbour bridge before the summer.",
                   "the council would not close the harbour bridge before the summer",
                   "the council would not close the harbour bridge before the summer")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "consistent")
    assert "reported speech" in d["explanation"]


def test_reported_speech_that_drops_the_negation_is_still_a_conflict(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "Ms Okafor said the council would close the harbour bridge before the summer.",
                   "the council would close the harbour bridge before the summer",
                   "the council would close the harbour bridge before the summer")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.DISCREPANCIES, "conflict")


@pytest.mark.parametrize("words", [
    "we will not close the Harbour Bridge before the summer!",  # case and punctuation
    "We will not close the harbour-bridge before the summer",  # hyphenation
])  # fmt: skip
def test_case_punctuation_and_typography_are_not_differences(runner, tmp_path, words):
    code, d = pair(runner, tmp_path, f"Okafor said: '{words}'", words, words)
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "corroborated")


def test_british_and_american_spellings_are_the_same_words(runner, tmp_path):
    british = "The centre will be organised around the harbour, and we favour the programme."
    american = "The center will be organized around the harbour, and we favor the program."
    code, d = pair(runner, tmp_path, f'Okafor said: "{american}"', american, american.rstrip("."),
                   quote_a=british, words_a=british.rstrip("."))  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "corroborated")


def test_two_different_remarks_by_one_person_are_not_a_discrepancy(runner, tmp_path):
    root = story(runner, tmp_path, [
        ("gazette.txt", GAZETTE, [("We will not close the harbour bridge before the summer.", "Maria Okafor",
                                   "We will not close the harbour bridge before the summer")]),
        ("post.txt", "Okafor said: “Residents deserve better roads and cleaner parks.”",
         [("Residents deserve better roads and cleaner parks.", "Maria Okafor",
           "Residents deserve better roads and cleaner parks")]),
    ])  # fmt: skip
    assert verdicts(runner, root) == (ExitStatus.CLEAN, [])


def test_a_quotation_broken_by_she_said_is_one_quotation(runner, tmp_path):
    code, d = pair(runner, tmp_path,
                   "“We will not,” she said, “close the harbour bridge before the summer.”",
                   "“We will not,” she said, “close the harbour bridge before the summer.”",
                   "We will not … close the harbour bridge before the summer")  # fmt: skip
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "corroborated")


def test_the_report_marks_the_words_left_out_and_added_in_every_format(runner, tmp_path):
    root = story(runner, tmp_path, [
        ("gazette.txt", GAZETTE, [("We will not close the harbour bridge before the summer.", "Maria Okafor",
                                   "We will not close the harbour bridge before the summer")]),
        ("post.txt", "Okafor said: “We will close the harbour bridge before the autumn.”",
         [("We will close the harbour bridge before the autumn.", "Maria Okafor",
           "We will close the harbour bridge before the autumn")]),
    ])  # fmt: skip
    text = " ".join(run(runner, "verify", "--root", root).stdout.split())  # as printed, without the wrapping
    assert "Words, gazette.txt → post.txt: We will [-not-] close the harbour bridge before the " \
           "[-summer-] {+autumn+}" in text  # fmt: skip
    assert run(runner, "report", "--root", root, "-o", root / "r.md").exit_code == 0
    assert "We will ~~not~~ close the harbour bridge before the ~~summer~~ **autumn**" in (root / "r.md").read_text()
    assert run(runner, "report", "--root", root, "--format", "html", "-o", root / "r.html").exit_code == 0
    html = (root / "r.html").read_text()
    assert "We will <del>not</del> close the harbour bridge before the <del>summer</del> <ins>autumn</ins>" in html


def test_words_shown_in_a_diff_are_escaped_for_each_format(runner, tmp_path):
    hostile = "We will not close [<b>*the*</b>] harbour bridge before the summer"
    code, d = pair(runner, tmp_path, f"Okafor said: “{hostile}.”", hostile, hostile)
    assert (code, d["verdict"]) == (ExitStatus.CLEAN, "consistent")  # an editor's [words] mark a change, as "…" does
    root = tmp_path / "story"
    assert run(runner, "report", "--root", root, "-o", root / "r.md").exit_code == 0
    assert r"_[… the / \[\<b\>\*the\*\</b\>\]]_" in (root / "r.md").read_text()
    assert run(runner, "report", "--root", root, "--format", "html", "-o", root / "r.html").exit_code == 0
    assert '<del class="cut">[… the / [&lt;b&gt;*the*&lt;/b&gt;]]</del>' in (root / "r.html").read_text()


MEETING = """\
Bridge row at town hall

Tom Reyes said: "The harbour bridge is perfectly safe."

“We need the bridge open for the market,” said Maria Okafor, the council leader.

Reyes told the meeting: 'Nobody in the harbour wants this closure.'

Okafor said: “Traders told me ‘fix it now’ and we will.”

“We will not,” she said, “close the harbour bridge before the summer.”

Okafor added: “The first survey found rust on the railings.

“The second found nothing worse, and the engineers agree.”

Reyes described the plan as ‘a shambles from start to finish’.

Okafor said the council would reopen the footpath in May.
"""


def test_extract_proposes_each_quotation_with_its_speaker_and_form(runner, tmp_path):
    root = tmp_path / "story"
    assert run(runner, "init", root).exit_code == 0
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    assert run(runner, "sources", "add", tmp_path / "meeting.txt", "--date", "2026-03-10", "--root", root).exit_code == 0
    result = run(runner, "extract", "--root", root, "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    found = {(c["subject"], c["property"], c["value"]) for c in json.loads(result.stdout)["claims"]
             if c["kind"] == "statement"}  # fmt: skip
    assert found == {
        ("Tom Reyes", "said", "The harbour bridge is perfectly safe"),  # straight marks
        ("Maria Okafor", "said", "We need the bridge open for the market"),  # curly, the name after
        ("Tom Reyes", "said", "Nobody in the harbour wants this closure"),  # single marks, a short name
        ("Maria Okafor", "said", "Traders told me ‘fix it now’ and we will"),  # nested
        ("Maria Okafor", "said", "We will not … close the harbour bridge before the summer"),  # broken by "she said"
        ("Maria Okafor", "said", "The first survey found rust on the railings. … "
                                 "The second found nothing worse, and the engineers agree"),  # over two paragraphs
        ("Tom Reyes", "described as", "a shambles from start to finish"),  # partial: a few words quoted
        ("Maria Okafor", "said", "the council would reopen the footpath in May"),  # reported speech
    }


def test_an_edit_is_judged_against_cached_quotations_as_a_full_run_judges_it(mini):
    """Quotations are paired by their words, not by subject: after one claims file changes, the
    pairs found through the cache must be those a run without it finds."""
    from factcheck.pipeline.verification import verify

    mini.entities("entities:\n  - id: jo-bloggs\n    name: Jo Bloggs\n  - id: sam-reyes\n    name: Sam Reyes\n")
    remark = "We will not close the harbour bridge before the summer"
    other = "Residents deserve cleaner parks and better roads"
    people = ["Jo Bloggs"] * 4 + ["Sam Reyes", "Jo Bloggs"]
    for i, (who, words) in enumerate(zip(people, [remark] * 4 + [other, other], strict=True)):
        mini.source(f"s{i}.txt", f"{who} said: “{words}.” Later Sam Reyes said: “{remark}.”\n", f"2026-03-1{i}")
        mini.claims(f"s{i}.yaml", f"source: s{i}.txt\nclaims:\n  - id: c{i}\n    quote: \"{words}.\"\n"
                                  f"    subject: {who}\n    property: said\n    value: \"{words}\"\n"
                                  "    kind: statement\n")  # fmt: skip
    first = verify(mini.root).to_dict()
    assert first == verify(mini.root, cache=False).to_dict()
    assert {d["verdict"] for d in first["discrepancies"]} == {"corroborated", "misattributed"}
    edited = mini.root / "claims" / "s5.yaml"  # now Sam Reyes saying what four sources give to Jo Bloggs
    edited.write_text(edited.read_text().replace("Jo Bloggs", "Sam Reyes").replace(other, remark))
    after = verify(mini.root).to_dict()
    assert after == verify(mini.root, cache=False).to_dict()
    flagged = [{c["id"] for c in d["claims"]} for d in after["discrepancies"] if d["verdict"] == "misattributed"]
    assert sorted(map(sorted, flagged)) == [["c0", "c5"], ["c1", "c5"], ["c2", "c5"], ["c3", "c5"]]


# A date written in another order or a measure converted to other units is the same thing said in
# other words: the quotation is altered, not contradicted; a measure that does not convert is a number changed.
@pytest.mark.parametrize(("a", "b"), [
    ("The vote will be held on Thursday 14 March at the town hall", "The vote will be held on Thursday, March 14 at the town hall"),
    ("The lorry stopped about 30 miles east of the depot on the bypass", "The lorry stopped about 48 km east of the depot on the bypass"),
    ("The crane can lift 20 tonnes of steel in a single load", "The crane can lift 20,000 kg of steel in a single load"),
    ("The wall is 100 feet high along the whole river front", "The wall is 30 metres high along the whole river front"),
])  # fmt: skip
def test_a_date_reordered_or_a_measure_converted_changes_no_number(a, b):
    from factcheck.judge.quotes import align

    assert align(a, b).meaning == ()


@pytest.mark.parametrize(("a", "b"), [
    ("The vote will be held on Thursday 14 March at the town hall", "The vote will be held on Thursday, March 21 at the town hall"),
    ("The lorry stopped about 30 miles east of the depot on the bypass", "The lorry stopped about 30 km east of the depot on the bypass"),
    ("The wall is 100 feet high along the whole river front", "The wall is 100 metres high along the whole river front"),
    ("The wall is 100 feet high along the whole river front", "The wall is 45 feet high along the whole river front"),
])  # fmt: skip
def test_another_date_or_a_measure_that_does_not_convert_is_a_number_changed(a, b):
    from factcheck.judge.quotes import align

    assert "number" in align(a, b).meaning
