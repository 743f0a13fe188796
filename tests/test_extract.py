"""extract, review and resolve, used as a reporter would: on the shipped corpus and on small projects."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from factcheck.actions.extract import extract
from factcheck.actions.review import decide, edit_claim, resolve
from factcheck.cli import app
from factcheck.models import Entity
from factcheck.normalize.publication import infer_publication
from factcheck.pipeline.verification import verify
from factcheck.registry.load import load_registry
from factcheck.text.entities import EntityIndex, find_mentions
from factcheck.text.sentences import sentences

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """The shipped sources with an empty claims/ folder: what a new story looks like."""
    root = tmp_path / "fresh"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "claims").mkdir()
    return root


FLAGS = ("conflict", "possible", "altered", "misattributed")


def _values(finding: dict) -> set[str]:
    return {c["value"] for side in finding["sides"] for c in side}


def test_from_an_empty_registry_the_three_headline_discrepancies_and_no_false_alarm(tmp_path, runner):
    """The shipped sources copied into a new project (init, then seeds/ with its manifest), extract,
    verify: the overspend, Newsam's departure and Imray's title are flagged, and nothing else is."""
    root = tmp_path / "story"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for file in (REPO / "seeds").iterdir():
        shutil.copyfile(file, root / "seeds" / file.name)
    assert runner.invoke(app, ["extract", "--root", str(root)]).exit_code == 0
    result = runner.invoke(app, ["verify", "--root", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    flagged = [f for f in json.loads(result.stdout)["findings"] if f["verdict"] in FLAGS]
    overspend = [f for f in flagged if {"£7m", "£7.6 million"} <= _values(f)]
    imray = [f for f in flagged if f["subject_name"] == "Jean Imray"
             and {"assistant director of early years and safeguarding", "director of Early Years and Safeguarding"}
             <= _values(f)]  # fmt: skip
    newsam = [f for f in flagged if f["subject_name"] == "Malcolm Newsam" and "last September" in _values(f)]
    assert overspend and overspend[0]["verdict"] == "conflict"
    assert imray and imray[0]["verdict"] == "conflict"
    assert newsam
    false_alarms = [(f["subject_name"], f["property"], sorted(_values(f))) for f in flagged
                    if f not in overspend + imray + newsam]  # fmt: skip
    assert false_alarms == []


def test_from_an_empty_registry_figures_are_filed_under_what_they_measure(fresh):
    extract(fresh)
    result = verify(fresh)
    kinds = {e.id: e.kind for e in result.entities}
    unallocated = [c for c in result.claims if c.value in ("232", "over 500", "around 150")]
    assert len(unallocated) >= 3
    assert all(kinds[c.subject] != "person" for c in unallocated), [(c.id, c.subject) for c in unallocated]
    joined = next(c for c in result.claims if c.source.startswith("002") and c.quote.startswith("Sally Hodges only joined"))
    assert joined.subject == "sally-hodges"  # the person who joined, not the council joined


def test_every_proposal_quotes_its_source_and_holds_its_value(fresh):
    result = extract(fresh)
    assert len(result.claims) > 100
    assert verify(fresh).errors == ()  # every quote found, every value in its quote, every subject known
    for claim in result.claims:
        if claim.kind == "statement":  # a quotation broken by "she said" is its parts, '…' between them, in order
            at = 0
            for part in claim.value.casefold().split(" … "):
                at = claim.quote.casefold().index(part, at) + len(part)
        else:
            assert claim.value.casefold() in claim.quote.casefold()


def test_extract_twice_changes_nothing_the_second_time(fresh):
    extract(fresh)
    before = {p.name: p.read_bytes() for p in (fresh / "claims").iterdir()}
    again = extract(fresh, [p.name for p in (fresh / "seeds").glob("*.txt")])
    assert again.claims == () and again.entities == () and again.aliases == ()
    assert again.already > 100
    assert {p.name: p.read_bytes() for p in (fresh / "claims").iterdir()} == before


def test_dry_run_writes_nothing_and_says_what_it_would_add(fresh, runner):
    result = runner.invoke(app, ["extract", "--root", str(fresh), "--dry-run"])
    assert result.exit_code == 0
    assert "would add" in result.stdout
    assert list((fresh / "claims").iterdir()) == []


def test_hand_edited_file_keeps_comments_and_order_through_extract_and_review(shipped):
    file = shipped / "claims" / "000_383d7e6cd305652f.yaml"
    original = file.read_text(encoding="utf-8").replace("claims:\n", "claims:  # reviewed by the desk\n", 1)
    file.write_text(original, encoding="utf-8")
    result = extract(shipped, ["000_383d7e6cd305652f.txt"])
    assert result.claims, "the curated file leaves some figures to propose"
    after = file.read_text(encoding="utf-8")
    assert after.startswith(original)  # everything the user wrote, byte for byte, then the proposals
    assert all(c.source == "000_383d7e6cd305652f.txt" for c in result.claims)
    first = result.claims[0].id
    decide(shipped, [first], "accepted")
    reviewed = file.read_text(encoding="utf-8")
    assert reviewed.startswith(original)
    import difflib

    diff = [line for line in difflib.ndiff(after.splitlines(), reviewed.splitlines()) if line[:1] in "+-"]
    assert sorted(line[1:].split(":")[0].strip() for line in diff) == ["basis", "certainty", "status"]
    assert all(line.startswith("-") for line in diff)  # only status and extract's certainty went


def test_rejected_claims_stay_rejected_and_are_not_proposed_again(fresh, runner):
    proposed = extract(fresh).claims
    victim = proposed[0]
    out = runner.invoke(app, ["review", "--root", str(fresh), "--reject", victim.id])
    assert out.exit_code == 0, out.output
    assert all(c.id != victim.id for c in verify(fresh).claims if c.status != "rejected")
    assert extract(fresh, [victim.source]).claims == ()


def test_review_accept_edit_and_unknown_ids(fresh, runner):
    claim = extract(fresh).claims[0]
    edit_claim(fresh, claim.id, property="start date")
    decide(fresh, [claim.id], "accepted")
    stored = next(c for c in verify(fresh).claims if c.id == claim.id)
    assert (stored.status, stored.property) == ("reviewed", "start date")
    bad = runner.invoke(app, ["review", "--root", str(fresh), "--accept", "no-such-claim"])
    assert bad.exit_code == 2
    assert "no claim or entity with id 'no-such-claim'" in bad.stderr


def test_resolve_keeps_a_decision_until_a_claim_changes(shipped, runner):
    before = verify(shipped)
    target = next(d for d in before.discrepancies if {c.value for c in d.claims} == {"£7m", "£7.6 million"})
    out = runner.invoke(app, ["resolve", target.id[:6], "--as", "confirmed", "--note", "asked the council",
                              "--by", "desk", "--root", str(shipped)])  # fmt: skip
    assert out.exit_code == 0, out.output
    after = verify(shipped)
    decided = next(d for d in after.discrepancies if d.id == target.id)
    assert decided.review is not None and decided.review.decision == "confirmed"
    assert not decided.needs_attention and len(after.needs_attention) == len(before.needs_attention) - 1
    text = runner.invoke(app, ["verify", "--root", str(shipped)]).stdout
    assert f"confirmed by desk on {decided.review.day}: asked the council" in text
    claim = next(c for c in after.claims if c.value == "£7m")
    edit_claim(shipped, claim.id, note="a note changes no meaning")
    assert not next(d for d in verify(shipped).discrepancies if d.id == target.id).needs_attention
    edit_claim(shipped, claim.id, as_of="October 2019")
    reopened = next(d for d in verify(shipped).discrepancies if d.id == target.id)
    assert reopened.review is not None and reopened.review.stale and reopened.needs_attention


def test_dismissing_every_open_discrepancy_makes_verify_clean(shipped):
    for d in verify(shipped).needs_attention:
        resolve(shipped, d.id, "dismissed", "read in context")
    assert verify(shipped).needs_attention == ()


def test_a_source_without_a_manifest_entry_gets_one_proposed(mini):
    (mini.root / "seeds" / "005_story.txt").write_text(
        "Council defends budget\n\nPublished: Monday, 3 March 2025\n\n"
        "Anytown Council is £2m over budget, Ms Bloggs said on Monday.\n",
        encoding="utf-8",
    )
    result = extract(mini.root, today=dt.date(2026, 1, 1))
    assert [m.file for m in result.manifest] == ["005_story.txt"]
    entry = result.manifest[0]
    assert entry.published is not None and entry.published.iso() == "2025-03-03"
    assert entry.title == "Council defends budget" and "Dateline" in entry.evidence[0]
    text = (mini.root / "seeds" / "manifest.yaml").read_text(encoding="utf-8")
    assert 'file: "005_story.txt"' in text and 'status: "proposed"' in text
    money = next(c for c in result.claims if c.kind == "money")
    assert (money.value, money.entity, money.property) == ("£2m", "council", "overspend")  # by meaning


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Title\nTuesday, 7th July 2020, 11:01 am\nBody.", "2020-07-07"),
        ("Title\ndate 2019-10-11 Body text.", "2019-10-11"),
        ("Title\n\nBody.\n\n" + "\n" * 12 + "  1. Reader October 9, 2019 at 7:54 pm #\n", "2019-10-02..2019-10-09"),
        ("It said in 2019 she will stay until Friday, October 25.", "2019-08-24..2019-10-24"),
    ],
)
def test_publication_dates_are_inferred_with_their_evidence(text, published):
    pub = infer_publication(text, dt.date(2026, 1, 1))
    assert pub.published is not None and pub.published.iso() == published
    assert pub.evidence


def test_no_publication_evidence_says_so():
    pub = infer_publication("Nothing here dates this piece.", dt.date(2026, 1, 1))
    assert pub.published is None and "No dateline" in pub.evidence[0]


def test_mentions_resolve_by_alias_title_surname_first_name_and_possessive():
    index = EntityIndex([Entity("sally-hodges", "Sally Hodges", ("Ms Hodges",), "person"),
                         Entity("ncc", "Northamptonshire County Council", ("the council",), "organisation")])  # fmt: skip
    text = "Ms Hodges left. Mrs Hodges's deputy stayed. Sally said so, and the county council agreed."
    found = {m.text: (m.entity, m.new_alias) for m in find_mentions(text, index)}
    assert found["Ms Hodges"] == ("sally-hodges", False)
    assert found["Mrs Hodges"] == ("sally-hodges", True)
    assert found["Sally"] == ("sally-hodges", True)
    assert found["county council"] == ("ncc", True)


def test_two_people_with_one_surname_are_not_guessed():
    index = EntityIndex([Entity("a", "Ann Smith", (), "person"), Entity("b", "Bob Smith", (), "person")])
    found = {m.text: m.entity for m in find_mentions("Mr Smith said no.", index)}
    assert found.get("Mr Smith") is None


def test_sentences_do_not_break_after_titles_or_inside_numbers():
    text = "Mr. Smith paid £4.5m on Oct. 3 this year. It was 2.5% more than on 3 Oct. Dr. Jones agreed"
    assert [s.text for s in sentences(text)] == [
        "Mr. Smith paid £4.5m on Oct. 3 this year.",
        "It was 2.5% more than on 3 Oct.",
        "Dr. Jones agreed",
    ]


def test_proposals_pair_synonyms_but_not_different_people_or_different_counts(mini):
    mini.entities(
        """
        entities:
          - id: council
            name: Anytown Council
            aliases: [the council]
          - id: jo-bloggs
            name: Jo Bloggs
            kind: person
          - id: al-smith
            name: Al Smith
            kind: person
        """
    )
    mini.source("a.txt", "The council is £7m over budget. Jo Bloggs joined in March 2019. "
                "There were two serious case reviews.", "2019-10-01")  # fmt: skip
    mini.source("b.txt", "The council faces a £9.6 million deficit. Al Smith joined in May 2019. "
                "The council recorded five child deaths.", "2019-10-01")  # fmt: skip
    extract(mini.root)
    pairs = {frozenset(c.value for c in d.claims): d for d in verify(mini.root).discrepancies}
    assert pairs[frozenset({"£7m", "£9.6 million"})].verdict.value == "conflict"
    assert frozenset({"March 2019", "May 2019"}) not in pairs  # two people joining
    assert frozenset({"two", "five"}) not in pairs  # reviews and deaths are different counts


def test_the_interactive_pass_writes_each_decision_as_it_goes(fresh):
    from factcheck.cli.review_session import run_session

    proposed = extract(fresh).claims
    in_order = sorted(proposed, key=lambda c: (c.basis.certainty, c.entity))  # least certain first
    first, second, third, fourth = in_order[:4]
    assert first.basis.certainty < max(c.basis.certainty for c in proposed)
    answers = iter(["a", "e", "a", "r", "q"])
    edits = {"  property": "edited property"}
    run_session(fresh, ask=lambda q, choices, default: next(answers), ask_text=lambda q, d: edits.get(q, d))
    by_id = {c.id: c for c in verify(fresh).claims}
    assert by_id[first.id].status == "reviewed"
    assert (by_id[second.id].status, by_id[second.id].property) == ("reviewed", "edited property")
    assert third.id not in by_id  # rejected: kept in its file, in no result
    assert (
        next(
            c
            for c in load_registry(fresh, {p.name for p in (fresh / "seeds").glob("*.txt")}).claims
            if c.id == third.id
        ).status
        == "rejected"
    )
    assert by_id[fourth.id].status == "proposed"  # after [q]uit nothing more is decided


def test_review_without_a_terminal_says_what_to_do(fresh, runner):
    out = runner.invoke(app, ["review", "--root", str(fresh)])
    assert out.exit_code == 2 and "--accept ID" in out.stderr
