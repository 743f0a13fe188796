"""Review goes least certain first: each proposal records how extract found its subject, property and value."""

from __future__ import annotations

import json
import re

from factcheck.cli import app

STORY = (
    "Anytown Council has an overspend of £4m this year.\n\n"
    "Jo Bloggs, the council's treasurer, spoke at the meeting.\n\n"
    "The tally went up to 45 after the review.\n"
)


def _listed(runner, root) -> list[dict]:
    out = runner.invoke(app, ["review", "--list", "--format", "json", "--root", str(root)])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_the_least_certain_proposal_is_listed_first_with_how_it_was_found(mini, runner):
    mini.source("a.txt", STORY, "2020-01-10")
    assert runner.invoke(app, ["extract", "--root", str(mini.root)]).exit_code == 0
    listed = _listed(runner, mini.root)
    by_value = {p["value"]: p for p in listed}
    overspend, tally = by_value["£4m"], by_value["45"]
    assert overspend["basis"] == "subject: clause, property: vocabulary, value: exact"
    assert overspend["certainty"] == 1.0
    assert tally["basis"].startswith("subject: fallback")  # no name in its sentence: the story's main subject
    assert tally["certainty"] < overspend["certainty"]
    certainties = [p["certainty"] for p in listed]
    assert certainties == sorted(certainties)
    assert listed.index(tally) < listed.index(overspend)


def test_the_text_list_shows_certainty_beside_pairing(mini, runner):
    mini.source("a.txt", STORY, "2020-01-10")
    runner.invoke(app, ["extract", "--root", str(mini.root)])
    out = runner.invoke(app, ["review", "--list", "--root", str(mini.root)], env={"COLUMNS": "120"})
    assert out.exit_code == 0
    header = out.stdout.splitlines()[0].split()
    assert header[-2:] == ["certain", "pairing"]


def test_accepting_drops_the_certainty_and_claims_without_one_come_last(mini, runner):
    mini.source("a.txt", STORY, "2020-01-10")
    runner.invoke(app, ["extract", "--root", str(mini.root)])
    first = _listed(runner, mini.root)[0]
    file = mini.root / first["file"]
    text = file.read_text(encoding="utf-8")
    # a proposal written by hand (or by an older extract) carries no certainty
    file.write_text(re.sub(rf"\n +certainty: {first['certainty']}\n", "\n", text, count=1), encoding="utf-8")
    assert _listed(runner, mini.root)[-1]["id"] == first["id"]
    assert runner.invoke(app, ["review", "--accept", first["id"], "--root", str(mini.root)]).exit_code == 0
    after = file.read_text(encoding="utf-8")
    entry = after[after.index(first["id"]) :].split("  - id:")[0]
    assert "status" not in entry and "basis" not in entry and "certainty" not in entry


def test_a_certainty_out_of_range_is_refused_naming_file_line_and_field(mini, runner):
    mini.source("a.txt", STORY, "2020-01-10")
    mini.claims(
        "a.yaml",
        """
        source: a.txt
        claims:
          - id: a-1
            quote: "Anytown Council has an overspend of £4m this year."
            subject: council
            property: overspend
            value: £4m
            status: proposed
            certainty: 1.5
        """,
    )
    out = runner.invoke(app, ["verify", "--root", str(mini.root)])
    assert out.exit_code == 2
    message = out.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "claims/a.yaml" in message and "a.yaml:10 " in message and "certainty" in message
