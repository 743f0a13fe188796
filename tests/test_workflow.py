"""The newsroom workflow as a new user meets it: resolve and review, search, sources, the terminal.

Each test runs real commands on real files in tmp_path and asserts the exact output a person sees."""

from __future__ import annotations

import json
import re

import yaml

from factcheck.cli import app
from factcheck.errors import ExitStatus


def run(runner, *args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def discrepancies(runner, root) -> list[dict]:
    return json.loads(run(runner, "verify", "--root", root, "--format", "json").stdout)["discrepancies"]


def find(items: list[dict], verdict: str, *values: str) -> dict:
    return next(d for d in items if d["verdict"] == verdict and {c["value"] for c in d["claims"]} >= set(values))


# --- resolve: decisions as history --------------------------------------------------------------


def test_resolve_keeps_every_decision_and_replaces_one_in_force_only_with_force(runner, shipped):
    d = find(discrepancies(runner, shipped), "conflict", "£7m", "£7.6 million")
    first = run(runner, "resolve", d["id"][:5], "--as", "confirmed", "--note", "Council says 45",
                "--by", "news desk", "--root", shipped)  # fmt: skip
    assert first.exit_code == 0 and first.stderr == f"confirmed {d['id']} (claims/reviews.yaml)\n"

    again = run(runner, "resolve", d["id"][:5], "--as", "dismissed", "--note", "oops", "--root", shipped)
    day = yaml.safe_load((shipped / "claims" / "reviews.yaml").read_text())["reviews"][0]["date"][:10]
    assert again.exit_code == ExitStatus.BAD_INPUT
    assert again.stderr == (
        f'error: {d["id"]} is already confirmed by news desk on {day}: "Council says 45" (add --force to record '
        "dismissed in its place; the earlier decision stays in claims/reviews.yaml)\n"
    )
    forced = run(runner, "resolve", d["id"], "--as", "dismissed", "--note", "oops", "--by", "sub",
                 "--force", "--root", shipped)  # fmt: skip
    assert forced.exit_code == 0
    assert forced.stderr == (
        f'dismissed {d["id"]} (claims/reviews.yaml), replacing: confirmed by news desk on {day}: "Council says 45"\n'
    )
    entries = yaml.safe_load((shipped / "claims" / "reviews.yaml").read_text())["reviews"]
    assert [(e["decision"], e["reviewer"], e["note"]) for e in entries] == [
        ("confirmed", "news desk", "Council says 45"), ("dismissed", "sub", "oops")]  # fmt: skip
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["date"]) for e in entries)
    review = find(discrepancies(runner, shipped), "conflict", "£7m")["review"]
    assert (review["decision"], review["reviewer"]) == ("dismissed", "sub")
    assert [(h["decision"], h["note"]) for h in review["history"]] == [("confirmed", "Council says 45")]

    same = run(runner, "resolve", d["id"], "--as", "dismissed", "--note", "oops", "--root", shipped)
    assert same.exit_code == 0 and "nothing written" in same.stderr
    assert len(yaml.safe_load((shipped / "claims" / "reviews.yaml").read_text())["reviews"]) == 2


def test_a_reviews_file_from_before_the_history_still_loads(runner, shipped):
    d = find(discrepancies(runner, shipped), "conflict", "£7m", "£7.6 million")
    run(runner, "resolve", d["id"], "--as", "confirmed", "--root", shipped)
    fingerprint = yaml.safe_load((shipped / "claims" / "reviews.yaml").read_text())["reviews"][0]["fingerprint"]
    (shipped / "claims" / "reviews.yaml").write_text(
        f"reviews:\n  - id: {d['id']}\n    claims: [{', '.join(c['id'] for c in d['claims'])}]\n"
        f"    decision: dismissed\n    note: read in context\n    fingerprint: {fingerprint}\n    date: 2026-11-23\n"
    )
    review = find(discrepancies(runner, shipped), "conflict", "£7m")["review"]
    assert review == {"decision": "dismissed", "note": "read in context", "reviewer": None, "date": "2026-11-23",
                      "reopened": False}  # fmt: skip


def test_a_discrepancy_id_is_whole_or_an_unambiguous_prefix(runner, shipped):
    ids = [d["id"] for d in discrepancies(runner, shipped)]
    shared = next(p for p in (i[:3] for i in ids) if sum(j.startswith(p) for j in ids) > 1)
    result = run(runner, "resolve", shared, "--as", "confirmed", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert re.fullmatch(rf"error: '{shared}' is the start of \d+ discrepancy ids: d-\S+, .* \(give more of the id\)\n",
                        result.stderr)  # fmt: skip
    result = run(runner, "resolve", "d-nothing", "--as", "confirmed", "--root", shipped)
    assert result.stderr == ("error: no discrepancy with id 'd-nothing' "
                             "(ids are shown by `factcheck verify` and `factcheck report`)\n")  # fmt: skip


def test_a_confirmed_change_can_be_turned_into_a_conflict(runner, shipped):
    changed = find(discrepancies(runner, shipped), "changed", "232", "zero")
    result = run(runner, "resolve", changed["id"], "--as", "conflict", "--note", "both mean the same week",
                 "--by", "desk", "--root", shipped)  # fmt: skip
    assert result.stderr == f"confirmed as a conflict {changed['id']} (claims/reviews.yaml)\n"
    (now,) = [d for d in discrepancies(runner, shipped) if d["id"] == changed["id"]]
    assert now["verdict"] == "conflict"
    assert (now["review"]["verdict"], now["review"]["found"]) == ("conflict", "changed")
    assert run(runner, "verify", "--root", shipped).exit_code == ExitStatus.DISCREPANCIES  # others still open
    reviews = json.loads(run(runner, "export", "-f", "claimreview", "--confirmed-only", "--root", shipped).stdout)
    (review,) = reviews
    assert review["identifier"] == changed["id"]
    assert review["reviewRating"]["alternateName"] == "Contradicted by another source (confirmed by a reviewer)"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["ratingExplanation"] == changed["explanation"]
    assert review["comment"]["text"] == "both mean the same week"
    assert review["comment"]["author"] == {"@type": "Person", "name": "desk"}
    text = run(runner, "verify", "--root", shipped).stdout
    assert "confirmed as a conflict (found: changed) by desk on " in text


def test_claimreview_rating_words_follow_the_decision(runner, shipped):
    items = discrepancies(runner, shipped)
    possible = next(d for d in items if d["verdict"] == "possible")
    rounding = next(d for d in items if d["verdict"] == "rounding")
    for d in (possible, rounding):
        run(runner, "resolve", d["id"], "--as", "confirmed", "--by", "desk", "--root", shipped)
    exported = {
        r["identifier"]: r for r in json.loads(run(runner, "export", "-f", "claimreview", "--root", shipped).stdout)
    }
    reviews = {k: r["reviewRating"] for k, r in exported.items()}
    assert (reviews[possible["id"]]["ratingValue"], reviews[possible["id"]]["alternateName"]) == (
        1, "Contradicted by another source (confirmed by a reviewer)")  # fmt: skip
    assert reviews[rounding["id"]]["alternateName"] == "Consistent, allowing for rounding (confirmed by a reviewer)"
    unreviewed = next(d for d in items if d["verdict"] == "changed")
    assert reviews[unreviewed["id"]]["alternateName"] == "Changed over time"
    assert "comment" not in exported[possible["id"]]  # no note given: no comment
