"""factcheck rename: one subject or property changed on many claims, every other byte left as it was."""

from __future__ import annotations

import difflib
import json

import pytest

from factcheck.actions.rename import RenameError, rename
from factcheck.cli import app
from factcheck.registry.load import load_registry

A = "Anytown Council reported an overspend of £4m. Jo Bloggs said 45 posts would go.\n"
B = "The council's deficit is £4.2m, Ms Bloggs said. Anytown Council will cut 40 jobs.\n"

ENTITIES = """\
# people and bodies of the Anytown story
entities:
  - id: council
    name: Anytown Council
    aliases: [the council]   # as the Gazette writes it
  - id: jo-bloggs
    name: Jo Bloggs
    aliases: [Ms Bloggs]
"""

CLAIMS_A = """\
source: a.txt
claims:
  # the desk's own notes stay where they are
  - id: a-overspend
    quote: Anytown Council reported an overspend of £4m.
    subject: Anytown Council
    property: overspend
    value: '£4m'
  - id: a-posts
    quote: "Jo Bloggs said 45 posts would go."
    subject: Jo Bloggs   # wrong: the posts are the council's
    property: posts cut
    value: "45"
    status: proposed
"""

CLAIMS_B = """\
source: b.txt
claims:
  - {id: b-deficit, quote: "The council's deficit is £4.2m", subject: the council, property: deficit, value: £4.2m}
  - id: b-jobs
    quote: Anytown Council will cut 40 jobs.
    subject: Anytown Council
    property: Posts Cut
    value: '40'
    note: "check: posts or jobs?"
"""


@pytest.fixture
def story(mini):
    mini.source("a.txt", A, "2020-01-10")
    mini.source("b.txt", B, "2020-01-12")
    (mini.root / "claims" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    mini.claims("a.yaml", CLAIMS_A)
    mini.claims("b.yaml", CLAIMS_B)
    return mini.root


def _files(root) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "claims").iterdir())}


def _changed_lines(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str, str]]:
    """(file, line before, line after) for each line that differs; files must keep their line count."""
    out = []
    for name in before:
        a, b = before[name].splitlines(keepends=True), after[name].splitlines(keepends=True)
        assert len(a) == len(b), name
        out.extend((name, x, y) for x, y in zip(a, b, strict=True) if x != y)
    return out


def test_a_dry_run_shows_each_change_and_writes_nothing(story, runner):
    before = _files(story)
    out = runner.invoke(app, ["rename", "property", "posts cut", "posts", "--dry-run", "--root", str(story)])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines() == ["claims/a.yaml:12  a-posts  property: 'posts cut' → 'posts'"]
    assert "would change property on 1 claim" in out.stderr and "nothing written" in out.stderr
    assert _files(story) == before


def test_renaming_a_property_touches_only_that_field_byte_for_byte(story, runner):
    before = _files(story)
    out = runner.invoke(app, ["rename", "property", "overspend", "budget gap", "--root", str(story)])
    assert out.exit_code == 0, out.output
    assert _changed_lines(before, _files(story)) == [
        ("a.yaml", "    property: overspend\n", '    property: "budget gap"\n')
    ]


def test_moving_figures_to_the_thing_measured_keeps_comments_and_flow_style(story, runner):
    before = _files(story)
    out = runner.invoke(app, ["rename", "subject", "Jo Bloggs", "the council", "--property", "posts cut",
                              "--root", str(story), "--format", "json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    done = json.loads(out.stdout)
    assert [(c["id"], c["from"], c["to"]) for c in done["changes"]] == [("a-posts", "Jo Bloggs", "the council")]
    changed = _changed_lines(before, _files(story))
    assert [(f, x.strip(), y.strip()) for f, x, y in changed] == [
        ("a.yaml", "subject: Jo Bloggs   # wrong: the posts are the council's",
         'subject: "the council"   # wrong: the posts are the council\'s')
    ]  # fmt: skip
    claims = {c.id: c for c in load_registry(story, {"a.txt", "b.txt"}).claims}
    assert claims["a-posts"].subject == "council"
    assert claims["b-deficit"].subject == "council"


def test_a_new_name_renames_the_entity_and_keeps_the_old_one_as_an_alias(story, runner):
    before = _files(story)
    out = runner.invoke(app, ["rename", "subject", "the council", "Anytown Borough Council", "--root", str(story)])
    assert out.exit_code == 0, out.output
    assert "claims/entities.yaml  council  name: 'Anytown Council' → 'Anytown Borough Council'" in out.stdout
    after = _files(story)
    diff = [line for line in difflib.unified_diff(before["entities.yaml"].splitlines(),
                                                   after["entities.yaml"].splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]  # fmt: skip
    assert diff == [
        "-    name: Anytown Council",
        "-    aliases: [the council]   # as the Gazette writes it",
        '+    name: "Anytown Borough Council"',
        '+    aliases: [the council, "Anytown Council"]   # as the Gazette writes it',
    ]
    claims = {c.id: c for c in load_registry(story, {"a.txt", "b.txt"}).claims}
    assert {c.subject_as_written for c in claims.values() if c.subject == "council"} == {"Anytown Borough Council"}
    assert runner.invoke(app, ["verify", "--root", str(story)]).exit_code in (0, 1)  # the registry still loads


def test_the_library_function_returns_what_changed(story):
    done = rename(story, "property", "Posts Cut", "posts", source="b.txt")
    assert [(c.id, c.old, c.new) for c in done.changes] == [("b-jobs", "Posts Cut", "posts")]
    assert done.files == ("claims/b.yaml",) and not done.dry_run


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["property", "POSTS CUT", "posts"], "'POSTS CUT' is written 2 ways: 'Posts Cut', 'posts cut'"),
        (["property", "overspent", "x"], "no claim has the property 'overspent' (did you mean 'overspend'?)"),
        (["subject", "Jo Blogs", "council"], "no subject 'Jo Blogs' in claims/entities.yaml (did you mean 'Jo Bloggs'?)"),
        (["subject", "Jo Bloggs", "Anytown Trust", "--property", "posts cut"], "'Anytown Trust' is no entity"),
        (["subject", "council", "council"], "'council' and 'council' are the same"),
        (["property", "overspend", " "], "the new property is empty"),
        (["subject", "council", "x", "--subject", "y"], "--subject narrows a property rename"),
    ],
)
def test_input_that_names_nothing_or_could_mean_two_things_is_one_line_and_exit_2(story, runner, args, says):
    before = _files(story)
    out = runner.invoke(app, ["rename", *args, "--root", str(story)])
    assert out.exit_code == 2
    assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert _files(story) == before


def test_a_proposed_alias_two_entities_share_is_refused(story):
    (story / "claims" / "entities.yaml").write_text(
        ENTITIES + "    proposed_aliases: [Bloggs]\n  - id: fred-bloggs\n    name: Fred Bloggs\n"
        "    proposed_aliases: [Bloggs]\n", encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(RenameError, match="proposed alias of 2 entities"):
        rename(story, "subject", "Bloggs", "council")


def test_line_endings_a_byte_order_mark_and_curly_quotes_survive(story, runner):
    file = story / "claims" / "a.yaml"
    original = ("\ufeff" + CLAIMS_A.replace("the desk's", "the desk’s")).replace("\n", "\r\n").encode("utf-8")
    file.write_bytes(original)
    out = runner.invoke(app, ["rename", "property", "posts cut", "jobs – cut", "--root", str(story)])
    assert out.exit_code == 0, out.output
    assert file.read_bytes() == original.replace(b"property: posts cut\r\n", 'property: "jobs – cut"\r\n'.encode())
