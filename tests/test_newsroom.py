"""A new story from scratch, as a new user runs it, and the hand-offs to newsroom tools:
init, sources add, add, verify, report, timeline, export (ClaimReview, CSV, JSON), pre-commit."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from factcheck.cli import app
from factcheck.errors import ExitStatus

REPO = Path(__file__).resolve().parent.parent

STATEMENT = """\
Council statement, 3 October 2019

The children's services department is currently £7m over budget, the council said.
Savings of £4m are planned this year.
"""
ARTICLE = """\
Budget gap widens

Anytown's children's services department is facing a £7.6 million deficit this year,
according to figures seen by this paper. The council plans £4.4 million of savings.
"""


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def ok(runner, *args) -> str:
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_new_users_session_from_init_to_a_report_with_one_conflict(runner, tmp_path):
    story = tmp_path / "story"
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "statement.txt").write_text(STATEMENT)
    (downloads / "article.txt").write_text(ARTICLE)

    ok(runner, "init", story)
    assert sorted(p.name for p in story.iterdir()) == [".gitignore", "GUIDE.md", "claims", "seeds"]
    assert run(runner, "verify", "--root", story).exit_code == ExitStatus.CLEAN  # an empty project is clean

    ok(runner, "sources", "add", downloads / "statement.txt", "--date", "2019-10-03", "--title", "Council statement",
       "--root", story)  # fmt: skip
    ok(runner, "sources", "add", downloads / "article.txt", "--date", "2019-10-03", "--title", "Budget gap widens",
       "--outlet", "Anytown Echo", "--root", story)  # fmt: skip
    assert (story / "seeds" / "statement.txt").read_bytes() == (downloads / "statement.txt").read_bytes()

    claims = [
        ("statement.txt", "is currently £7m over budget", "the children's services department", "overspend", "£7m"),
        ("article.txt", "facing a £7.6 million deficit", "children's services department", "overspend", "£7.6 million"),
        ("statement.txt", "Savings of £4m are planned", "the children's services department", "savings", "£4m"),
        ("article.txt", "£4.4 million of savings", "children's services department", "savings", "£4.4 million"),
    ]  # fmt: skip
    for source, quote, subject, prop, value in claims:
        ok(runner, "add", source, "--quote", quote, "--subject", subject, "--property", prop, "--value", value,
           "--root", story)  # fmt: skip
    entities = yaml.safe_load((story / "claims" / "entities.yaml").read_text())["entities"]
    assert len(entities) == 1  # "the …" and "…" are one subject, made once

    result = run(runner, "verify", "--root", story, "--format", "json", "--all")
    assert result.exit_code == ExitStatus.DISCREPANCIES
    verdicts = {d["property"]: d["verdict"] for d in json.loads(result.stdout)["discrepancies"]}
    assert verdicts == {"overspend": "conflict", "savings": "rounding"}

    ok(runner, "report", "--root", story, "--output", story / "report.md")
    report = (story / "report.md").read_text()
    assert report.count("**conflict**") == 1
    assert "is currently £7m over budget" in report and "facing a £7.6 million deficit" in report

    reviews = json.loads(ok(runner, "export", "--format", "claimreview", "--root", story, "--by", "Anytown Echo"))
    assert [r["reviewRating"]["ratingValue"] for r in reviews] == [1, 4]

    (conflict,) = [d for d in json.loads(result.stdout)["discrepancies"] if d["verdict"] == "conflict"]
    ok(runner, "resolve", conflict["id"], "--as", "confirmed", "--note", "the council's figure is older",
       "--root", story)  # fmt: skip
    assert run(runner, "verify", "--root", story).exit_code == ExitStatus.CLEAN
    confirmed = json.loads(ok(runner, "export", "-f", "claimreview", "--confirmed-only", "--root", story))
    assert len(confirmed) == 1 and confirmed[0]["comment"]["text"] == "the council's figure is older"
    assert "figure is older" not in confirmed[0]["reviewRating"]["ratingExplanation"]


def test_init_never_overwrites(runner, tmp_path):
    story = tmp_path / "story"
    ok(runner, "init", story)
    (story / "GUIDE.md").write_text("my notes")
    result = run(runner, "init", story)
    assert result.exit_code == 0 and "already a factcheck project" in result.stderr
    assert (story / "GUIDE.md").read_text() == "my notes"
    (tmp_path / "file").write_text("x")
    assert run(runner, "init", tmp_path / "file").exit_code == ExitStatus.BAD_INPUT


def test_sources_add_refuses_a_clash_and_bad_dates(runner, tmp_path):
    story = tmp_path / "story"
    ok(runner, "init", story)
    src = tmp_path / "a.txt"
    src.write_text(STATEMENT)
    ok(runner, "sources", "add", src, "--root", story)
    ok(runner, "sources", "add", src, "--date", "2019-10-03", "--root", story)  # same bytes: metadata updated
    assert 'published: "2019-10-03"' in (story / "seeds" / "manifest.yaml").read_text()
    src.write_text(ARTICLE)
    result = run(runner, "sources", "add", src, "--root", story)
    assert result.exit_code == ExitStatus.BAD_INPUT and "already in seeds/" in result.stderr
    result = run(runner, "sources", "add", src, "--name", "b.txt", "--date", "last week", "--root", story)
    assert result.exit_code == ExitStatus.BAD_INPUT and "'last week' is not a date" in result.stderr


def test_quiet_silences_notes_but_not_errors(runner, tmp_path):
    result = run(runner, "--quiet", "init", tmp_path / "story")
    assert result.exit_code == 0 and result.stderr == ""
    result = run(runner, "--quiet", "verify", "--root", tmp_path / "nowhere")
    assert result.exit_code == ExitStatus.BAD_INPUT and result.stderr.startswith("error: ")


def test_output_is_plain_when_not_a_terminal(runner, shipped):
    for args in (("verify",), ("sources",), ("timeline", "nccs", "unallocated cases"), ("search", "budget")):
        result = run(runner, *args, "--root", shipped)
        assert "\x1b[" not in result.stdout, args


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_of_unallocated_cases(runner, shipped):
    (line,) = json.loads(ok(runner, "timeline", "children's services", "unallocated cases", "--root", shipped,
                            "--format", "json"))  # fmt: skip
    points = [(p["value"], p["when"], p["when_from"]) for p in line["points"]]
    values = [v for v, _, _ in points]
    assert values[0] == "over 500" and values[1] == "around 150" and values[-1] == "zero"
    assert set(values[2:-1]) == {"232"}
    assert points[1][1] == "2019-04-01..2019-04-30" and points[-1][1] == "2020-07-07"
    starts = [w.split("..")[0] for _, w, _ in points]
    assert starts == sorted(starts)
    chart = ok(runner, "timeline", "nccs", "unallocated", "--root", shipped)
    assert "over 500" in chart and "Apr 2019" in chart and "█" in chart and "▶" in chart


def test_timeline_without_property_and_unknown_names(runner, shipped):
    lines = json.loads(ok(runner, "timeline", "Northamptonshire children's services", "--root", shipped, "-f", "json"))
    assert lines[0]["property"] == "unallocated cases" and len(lines) > 3
    result = run(runner, "timeline", "the moon", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT and "no subject 'the moon'" in result.stderr
    result = run(runner, "timeline", "nccs", "weather", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT and "has no property 'weather'" in result.stderr


# --- exports ----------------------------------------------------------------------------------

# The properties schema.org defines for each type used (schema.org, ClaimReview and its parents:
# Review < CreativeWork < Thing; Claim < CreativeWork; Rating < Intangible < Thing).
THING = {"@type", "additionalType", "alternateName", "description", "disambiguatingDescription", "identifier",
         "image", "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url"}  # fmt: skip
CREATIVE_WORK = THING | {
    "about", "abstract", "author", "citation", "contributor", "creator", "dateCreated", "dateModified",
    "datePublished", "headline", "inLanguage", "isBasedOn", "keywords", "license", "mentions", "publisher",
    "sourceOrganization", "text", "version", "comment",
}  # fmt: skip
REVIEW = CREATIVE_WORK | {"itemReviewed", "reviewRating", "reviewBody", "reviewAspect", "associatedClaimReview",
                          "associatedMediaReview", "associatedReview", "negativeNotes", "positiveNotes"}  # fmt: skip
SCHEMA = {
    "ClaimReview": REVIEW | {"claimReviewed"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": CREATIVE_WORK,
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "reviewAspect", "author"},
    "Organization": THING | {"address", "email", "legalName", "logo", "telephone"},
    "Person": THING | {"affiliation", "email", "familyName", "givenName", "jobTitle"},
    "Thing": THING,
    "Comment": CREATIVE_WORK | {"downvoteCount", "upvoteCount", "parentItem", "sharedContent"},
}
# Which types a property's value may take (schema.org "expected types"; Text where no node is allowed).
EXPECTED = {
    "author": {"Organization", "Person"}, "publisher": {"Organization", "Person"},
    "itemReviewed": {"Claim", "Thing", "CreativeWork"}, "reviewRating": {"Rating"}, "about": {"Thing"},
    "appearance": {"CreativeWork"}, "isBasedOn": {"CreativeWork"}, "comment": {"Comment"},
}  # fmt: skip
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_node(node: dict, where: str) -> None:
    kind = node.get("@type")
    assert kind in SCHEMA, f"{where}: unknown @type {kind!r}"
    for key, value in node.items():
        if key == "@context":
            assert where == "$" and value == "https://schema.org"
            continue
        assert key in SCHEMA[kind], f"{where}: {kind} has no property {key!r}"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                assert key in EXPECTED and item["@type"] in EXPECTED[key], f"{where}.{key}: {item['@type']}"
                check_node(item, f"{where}.{key}")
            else:
                assert key not in EXPECTED, f"{where}.{key} must be a node"
                assert isinstance(item, (str, int, float)) and item != "", f"{where}.{key}"
        if key in ("datePublished", "dateCreated"):
            assert DATE.match(value), f"{where}.{key}: {value}"


def test_claimreview_validates_against_schema_org(runner, shipped):
    reviews = json.loads(ok(runner, "export", "--format", "claimreview", "--root", shipped))
    verdicts = json.loads(run(runner, "verify", "--root", shipped, "--format", "json", "--all").stdout)["discrepancies"]
    assert len(reviews) == sum(1 for d in verdicts if d["verdict"] != "corroborated")
    for review in reviews:
        check_node(review, "$")
        assert review["@type"] == "ClaimReview" and review["claimReviewed"]
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["ratingExplanation"] and review["itemReviewed"]["@type"] == "Claim"
    overspend = [r for r in reviews if "£7.6 million" in json.dumps(r, ensure_ascii=False)]
    assert any(r["reviewRating"]["alternateName"] == "Contradicted by another source" for r in overspend)


def test_claims_as_csv_and_json(runner, shipped):
    rows = list(csv.DictReader(io.StringIO(ok(runner, "export", "--format", "csv", "--root", shipped))))
    data = json.loads(ok(runner, "export", "--format", "json", "--root", shipped))
    assert len(rows) == len(data) == 157
    by_id = {r["id"]: r for r in rows}
    assert by_id["000-overspend-cs"]["value"] == "£7m" and by_id["000-overspend-cs"]["anchor"] == "exact"
    assert data[0].keys() == rows[0].keys()


def test_csv_never_hands_a_spreadsheet_a_formula(runner, mini):
    mini.source("a.txt", '=HYPERLINK("http://evil","click") cost £7m.', "2020-01-01")
    mini.claims("a.yaml", 'source: a.txt\nclaims:\n  - id: a1\n    quote: \'=HYPERLINK("http://evil","click") cost £7m\'\n'
                "    subject: the council\n    property: cost\n    value: £7m\n")  # fmt: skip
    (row,) = csv.DictReader(io.StringIO(ok(runner, "export", "-f", "csv", "--root", mini.root)))
    assert row["quote"].startswith("'=HYPERLINK")


# --- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hook_runs_verify_on_registry_changes():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "factcheck-verify" and hook["entry"] == "factcheck verify"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "claims/000.yaml") and re.search(hook["files"], "seeds/manifest.yaml")
    assert not re.search(hook["files"], "src/app.py")
