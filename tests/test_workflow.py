"""The newsroom workflow as a new user meets it: resolve and review, search, sources, the terminal.

Each test runs real commands on real files in tmp_path and asserts the exact output a person sees."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import ExitStatus
from factcheck.registry.load import KINDS

REPO = Path(__file__).resolve().parent.parent
UNKNOWN_KIND = f"error: field 'kind': unknown kind 'moneys' (--kind is one of {', '.join(sorted(KINDS))})\n"


def run(runner, *args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def discrepancies(runner, root) -> list[dict]:
    """Every pair, agreeing ones too (--all)."""
    return json.loads(run(runner, "verify", "--root", root, "--format", "json", "--all").stdout)["discrepancies"]


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


# --- review: lists and decisions in batches ------------------------------------------------------


@pytest.fixture
def extracted(tmp_path, runner):
    """The shipped sources with every claim proposed by extract, nothing reviewed yet."""
    root = tmp_path / "story"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "claims").mkdir()
    assert run(runner, "extract", "--root", root).exit_code == 0
    return root


def proposed_in_files(root) -> dict[str, str]:
    """id -> source of every claim the files mark proposed, read straight from the YAML."""
    out = {}
    for file in (root / "claims").glob("*.yaml"):
        data = yaml.safe_load(file.read_text())
        for c in data.get("claims") or []:
            if c.get("status") == "proposed":
                out[c["id"]] = c.get("source", data["source"])
    return out


def listed(runner, root, *filters) -> list[dict]:
    result = run(runner, "review", "--list", *filters, "--format", "json", "--root", root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_review_list_shows_every_proposal_and_narrows_by_filters(runner, extracted):
    everything = listed(runner, extracted)
    assert {p["id"]: p["source"] for p in everything} == proposed_in_files(extracted)
    money_002 = listed(runner, extracted, "--kind", "money", "--source", "002")
    assert money_002 == [p for p in everything if p["kind"] == "money" and "002" in p["source"]] != []
    weak = listed(runner, extracted, "--below", "0.5")
    assert weak == [p for p in everything if p["confidence"] < 0.5] != []
    newsam = listed(runner, extracted, "--subject", "Mr Newsam")
    assert newsam == [p for p in everything if p["subject"] == "malcolm-newsam"] != []
    bad = run(runner, "review", "--list", "--kind", "moneys", "--root", extracted)
    assert bad.exit_code == ExitStatus.BAD_INPUT
    assert bad.stderr == UNKNOWN_KIND


def test_review_accept_all_and_reject_by_filter(runner, extracted):
    everything = listed(runner, extracted)
    money = [p["id"] for p in everything if p["kind"] == "money" and "000" in p["source"]]
    result = run(runner, "review", "--accept-all", "--kind", "money", "--source", "000", "--root", extracted)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"accepted {i} (claims/000_383d7e6cd305652f.yaml)" for i in money]
    assert listed(runner, extracted, "--kind", "money", "--source", "000") == []
    dates = [p["id"] for p in everything if p["kind"] == "date" and "001" in p["source"]]
    result = run(runner, "review", "--reject", "--kind", "date", "--source", "001", "--root", extracted)
    assert result.stderr.splitlines() == [f"rejected {i} (claims/001_0912aa75dee56cb3.yaml)" for i in dates]
    left = proposed_in_files(extracted)
    assert not set(money + dates) & set(left) and len(left) == len(everything) - len(money) - len(dates)

    nothing = run(runner, "review", "--reject", "--root", extracted)
    assert nothing.exit_code == ExitStatus.BAD_INPUT
    assert nothing.stderr == ("error: name the ids to reject, or filters "
                              "(e.g. factcheck review --reject --kind date)\n")  # fmt: skip
    none_left = run(runner, "review", "--accept-all", "--kind", "money", "--source", "000", "--root", extracted)
    assert none_left.exit_code == 0 and none_left.stderr == "no proposed claims match; nothing written\n"


def test_an_unknown_id_points_at_review_list_which_exists(runner, extracted):
    result = run(runner, "review", "--accept", "no-such-claim", "--root", extracted)
    assert result.stderr == ("error: no claim or entity with id 'no-such-claim' "
                             "(see `factcheck review --list` for what is proposed)\n")  # fmt: skip
    assert run(runner, "review", "--list", "--root", extracted).exit_code == 0


def test_a_rejected_claim_can_be_shown_and_is_not_counted(runner, extracted):
    before = json.loads(run(runner, "verify", "--root", extracted, "-f", "json").stdout)["claims"]
    target = listed(runner, extracted)[0]
    prefix = target["id"][: target["id"].rindex("-") + 3]
    result = run(runner, "review", "--reject", prefix, "--root", extracted)
    assert result.stderr == f"rejected {target['id']} ({target['file']})\n"  # said back in full
    shown = json.loads(run(runner, "show", target["id"], "--root", extracted, "-f", "json").stdout)
    assert (shown["status"], shown["quote"], shown["discrepancies"]) == ("rejected", target["quote"], [])
    assert shown["anchor"]["status"] == "exact"
    text = run(runner, "show", target["id"], "--root", extracted).stdout
    assert re.search(r"^status +rejected *$", text, re.M)
    after = json.loads(run(runner, "verify", "--root", extracted, "-f", "json").stdout)["claims"]
    assert after == before - 1
    sources = json.loads(run(runner, "sources", "--root", extracted, "-f", "json").stdout)
    assert sum(s["claims"] for s in sources) == after
    again = json.loads(run(runner, "verify", "--root", extracted, "-f", "json").stdout)["claims"]  # from the cache
    assert again == after


# --- search -----------------------------------------------------------------------------------


def test_search_for_a_word_no_claim_has_finds_nothing_and_exits_1(runner, shipped):
    result = run(runner, "search", "zebra", "--root", shipped)
    assert (result.exit_code, result.stdout, result.stderr) == (ExitStatus.NO_MATCH, "", "no claims match\n")
    result = run(runner, "search", "zebra", "--root", shipped, "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])
    typo = json.loads(run(runner, "search", "Northamptonshre", "--root", shipped, "-f", "json").stdout)
    assert typo and all("Northamptonshire" in json.dumps(h) for h in typo)


def test_search_leaves_rejected_claims_out_unless_asked(runner, shipped):
    assert run(runner, "review", "--reject", "000-unallocated", "--root", shipped).exit_code == 0
    ids = [h["id"] for h in json.loads(run(runner, "search", "unallocated", "--root", shipped, "-f", "json").stdout)]
    assert "000-unallocated" not in ids and "002-unallocated-now" in ids
    asked = json.loads(run(runner, "search", "unallocated", "--rejected", "--root", shipped, "-f", "json").stdout)
    assert [h["status"] for h in asked if h["id"] == "000-unallocated"] == ["rejected"]
    text = run(runner, "search", "unallocated", "--rejected", "--root", shipped).stdout
    assert " 000-unallocated (rejected)\n" in text


def test_search_with_an_unknown_kind_names_the_kinds(runner, shipped):
    result = run(runner, "search", "budget", "--kind", "moneys", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert result.stderr == UNKNOWN_KIND


def test_at_80_columns_ids_are_whole_and_wrapped_lines_indented(runner, shipped):
    hits = json.loads(run(runner, "search", "children", "-n", "50", "--root", shipped, "-f", "json").stdout)
    text = run(runner, "search", "children", "-n", "50", "--root", shipped, env={"COLUMNS": "80"}).stdout
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    heads = [line.split() for line in lines if not line.startswith("     ")]
    assert [h[1] for h in heads] == [h["id"] for h in hits]  # one unbroken line per hit, its id whole
    assert len(lines) > 3 * len(hits)  # some lines were wrapped, and each kept its indent
    out = run(runner, "verify", "--root", shipped, env={"COLUMNS": "80"}).stdout.splitlines()
    assert all(len(line) <= 80 for line in out)
    explanation = next(i for i, line in enumerate(out) if line.startswith("    'assistant director"))
    assert out[explanation + 1].startswith("    Years and Safeguarding'")  # the wrap keeps the indent
    assert all(re.search(r"\[d-[0-9a-f]{8}\]$", line) for line in out if line.startswith("  ● "))


# --- sources add and add ---------------------------------------------------------------------


@pytest.fixture
def story(tmp_path, runner):
    """A new project with one source added, as the README's session starts."""
    root = tmp_path / "story"
    assert run(runner, "init", root).exit_code == 0
    (tmp_path / "a.txt").write_text("The council spent £7m on roads last year, the mayor said.\n", encoding="utf-8")
    result = run(runner, "sources", "add", tmp_path / "a.txt", "--date", "2020-01-01", "--title", "A", "--root", root)
    assert result.stderr == "added seeds/a.txt to seeds/manifest.yaml\n"
    return root


def manifest(root) -> dict:
    return yaml.safe_load((root / "seeds" / "manifest.yaml").read_text())["sources"][0]


def test_sources_add_again_never_overwrites_silently(runner, story, tmp_path):
    file = tmp_path / "a.txt"
    result = run(runner, "sources", "add", file, "--title", "B", "--date", "2020-02-02", "--root", story)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert result.stderr == ("error: field 'title': seeds/manifest.yaml already has title 'A' for a.txt "
                             "(add --force to replace it with 'B')\n")  # fmt: skip
    assert (manifest(story)["title"], manifest(story)["published"]) == ("A", "2020-01-01")
    result = run(runner, "sources", "add", file, "--outlet", "Anytown Echo", "--root", story)
    assert result.stderr == "updated seeds/a.txt in seeds/manifest.yaml: outlet 'Anytown Echo' added\n"
    result = run(runner, "sources", "add", file, "--root", story)
    assert result.stderr == "seeds/a.txt is already in seeds/manifest.yaml; nothing changed\n"
    result = run(runner, "sources", "add", file, "--title", "B", "--force", "--root", story)
    assert result.stderr == "updated seeds/a.txt in seeds/manifest.yaml: title 'A' -> 'B'\n"
    assert manifest(story) == {"file": "a.txt", "title": "B", "published": "2020-01-01", "outlet": "Anytown Echo"}


ROADS = ("--quote", "council spent £7m on roads", "--subject", "council", "--property", "spending", "--value", "£7m")


def test_add_takes_the_path_the_user_sees_and_warns_on_the_same_claim_twice(runner, story, monkeypatch):
    monkeypatch.chdir(story)
    first = run(runner, "add", "seeds/a.txt", *ROADS)
    assert first.exit_code == 0
    assert first.stderr.splitlines()[-1] == "added a-spending to claims/a.yaml (quote found at seeds/a.txt line 1)"
    again = run(runner, "add", "a.txt", *ROADS)
    assert again.exit_code == 0
    assert again.stderr == ("warning: the same claim is already in claims/a.yaml as a-spending; nothing written "
                            "(give --id to add it again on purpose)\n")  # fmt: skip
    claims = yaml.safe_load((story / "claims" / "a.yaml").read_text())["claims"]
    assert [c["id"] for c in claims] == ["a-spending"]
    assert run(runner, "add", "elsewhere/a.txt", *ROADS).stderr.startswith("error: field 'source': no source")


def test_add_errors_name_the_field_and_show_the_passage_whole(runner, story):
    result = run(runner, "add", "a.txt", *ROADS, "--as-of", "blah", "--root", story)
    assert result.stderr == ("error: field 'as_of': as_of 'blah' is not a date that can be worked out "
                             "(write when the value held, e.g. --as-of 'March 2019' or 2019-03-31)\n")  # fmt: skip
    quote = (
        "--quote",
        "the Mayor spent £7m on roads",
        "--subject",
        "council",
        "--property",
        "spending",
        "--value",
        "£7m",
    )
    result = run(runner, "add", "a.txt", *quote, "--root", story)
    assert result.stderr == ("error: field 'quote': the quote is not in seeds/a.txt "
                             '(nearest passage, line 1: "The council spent £7m on roads")\n')  # fmt: skip


# --- the command line's conventions -----------------------------------------------------------


def test_global_options_are_taken_before_or_after_the_command(runner, shipped, tmp_path, monkeypatch):
    before = run(runner, "--root", shipped, "verify", "--format", "json")
    after = run(runner, "verify", "--root", shipped, "--format", "json")
    assert before.exit_code == after.exit_code == ExitStatus.DISCREPANCIES and before.stdout == after.stdout
    monkeypatch.chdir(tmp_path)  # no project here: only --root can find it
    assert run(runner, "--root", tmp_path / "new", "init").exit_code == 0 and (tmp_path / "new" / "seeds").is_dir()
    assert run(runner, "--root", shipped, "sources", "--format", "json").exit_code == 0
    (tmp_path / "extra.txt").write_text("Extra.\n")
    assert run(runner, "sources", "--root", shipped, "add", tmp_path / "extra.txt").exit_code == 0
    assert (shipped / "seeds" / "extra.txt").is_file() and not (tmp_path / "seeds").exists()
    assert run(runner, "--root", shipped, "show", "000-overspend-cs", "-f", "json").exit_code == 0
    for args in (("--version",), ("verify", "--version"), ("--version", "search", "x")):
        result = run(runner, *args)
        assert (result.exit_code, result.stdout) == (0, "factcheck 0.1.0\n")
    d = find(discrepancies(runner, shipped), "conflict", "£7m")
    loud = run(runner, "resolve", d["id"], "--as", "confirmed", "--root", shipped)
    quiet = run(runner, "resolve", d["id"], "--as", "dismissed", "--force", "--root", shipped, "--quiet")
    assert loud.stderr and quiet.exit_code == 0 and quiet.stderr == ""
    (shipped / "claims" / "entities.yaml").write_text("entities: [oops\n")
    debug = run(runner, "verify", "--root", shipped, "--debug")
    assert type(debug.exception).__name__ == "RegistryError"  # --debug after the command: the traceback


def test_a_mistyped_command_is_suggested_once(runner):
    result = run(runner, "verfy")
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert result.stderr.count("Did you mean") == 1
    assert result.stderr.splitlines()[-1] == "Error: No such command 'verfy'. Did you mean 'verify'?"


def read_one_line(args: list[str], cwd) -> tuple[int, str]:
    """Run factcheck as `factcheck ARGS | head -1` does: read a line, close the pipe, wait."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(), err


def test_a_reader_that_stops_early_changes_no_status_and_sees_no_traceback(shipped):
    assert read_one_line(["verify", "--all"], shipped) == (ExitStatus.DISCREPANCIES, "")
    assert read_one_line(["export", "--format", "json"], shipped) == (0, "")
    for d in json.loads(__import__("subprocess").run(
            [__import__("sys").executable, "-m", "factcheck", "verify", "-f", "json"], cwd=shipped,
            capture_output=True, text=True).stdout)["discrepancies"]:  # fmt: skip
        if d["verdict"] in ("conflict", "possible"):
            run(CliRunner(), "resolve", d["id"], "--as", "dismissed", "--root", shipped)
    assert read_one_line(["verify", "--all"], shipped) == (ExitStatus.CLEAN, "")  # a clean project: 0


def test_long_source_names_are_shortened_in_the_middle(runner, story, tmp_path):
    name = "a-very-long-file-name-from-the-wire-service-about-the-budget-2019.txt"
    (tmp_path / name).write_text("The council spent £7m.\n", encoding="utf-8")
    run(runner, "sources", "add", tmp_path / name, "--date", "2019-05-05", "--root", story)
    lines = run(runner, "sources", "--root", story, env={"COLUMNS": "80"}).stdout.splitlines()
    (row,) = [line for line in lines if line.startswith("a-very")]
    assert row.startswith(name[:13] + "…" + name[-12:] + " ")  # its start and its end (date, extension)
    assert all(len(line) <= 80 for line in lines)
    assert any(line.startswith("a.txt ") for line in lines)  # a short name is shown whole


def test_help_texts_are_rewrapped_never_broken_mid_sentence(runner):
    for command in ("extract", "review", "resolve", "verify", "sources"):
        text = run(runner, command, "--help", env={"COLUMNS": "80"}).stdout
        description = text.split("\n\n")[1:]
        paragraphs = [p.splitlines() for p in description if p.startswith("  ") and not p.startswith("  -")]
        assert paragraphs, command
        for lines in paragraphs:
            assert all(len(line) > 60 for line in lines[:-1]), (command, lines)  # only a paragraph's last is short


def complete(runner, words: str) -> list[str]:
    result = runner.invoke(app, [], prog_name="factcheck", env={
        "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)})  # fmt: skip
    return result.stdout.split()


def test_the_shell_completes_claim_ids_discrepancy_ids_and_source_names(runner, shipped):
    ids = [d["id"] for d in discrepancies(runner, shipped)]
    assert complete(runner, f"factcheck --root {shipped} show 000-overs") == [
        "000-overspend-cs", "000-overspend-1718", "000-overspend-forecast"]  # fmt: skip
    assert sorted(complete(runner, f"factcheck resolve --root {shipped} d-5")) == sorted(
        i for i in ids if i.startswith("d-5"))  # fmt: skip
    assert complete(runner, f"factcheck add --root {shipped} 00") == sorted(
        p.name for p in (shipped / "seeds").glob("0*.txt")
    )
    assert complete(runner, f"factcheck search --root {shipped} x --source 004") == ["004_50052377a5f6eff6.txt"]
    assert complete(runner, "factcheck --root /nowhere show 0") == []  # no project: nothing, no traceback


# --- timeline -----------------------------------------------------------------------------------


@pytest.fixture
def pool(tmp_path, runner):
    """Two council bulletins: children waiting for a placement, and when the pool reopens."""
    root = tmp_path / "pool"
    run(runner, "init", root)
    (tmp_path / "feb.txt").write_text("Some 30 children are waiting for a placement. "
                                      "The pool will reopen in March, the council said.\n")  # fmt: skip
    (tmp_path / "apr.txt").write_text("In March, 45 children were waiting for a placement. Now 60 are waiting. "
                                      "The pool will reopen in June.\n")  # fmt: skip
    run(runner, "sources", "add", tmp_path / "feb.txt", "--date", "2020-02-01", "--root", root)
    run(runner, "sources", "add", tmp_path / "apr.txt", "--date", "2020-04-15", "--root", root)
    for source, quote, prop, value in (
        ("feb.txt", "Some 30 children are waiting for a placement", "children waiting", "30"),
        ("apr.txt", "In March, 45 children were waiting for a placement", "children waiting", "45"),
        ("apr.txt", "Now 60 are waiting", "children waiting", "60"),
        ("feb.txt", "The pool will reopen in March", "pool reopening", "March"),
        ("apr.txt", "The pool will reopen in June", "reopening date of the pool", "June"),
    ):
        added = run(runner, "add", source, "-q", quote, "-s", "council", "-p", prop, "-v", value, "--root", root)
        assert added.exit_code == 0, added.output
    return root


def test_timeline_places_a_figure_at_the_date_its_text_gives(runner, pool):
    (line,) = json.loads(run(runner, "timeline", "council", "children waiting", "--root", pool, "-f", "json").stdout)
    assert [(p["value"], p["when"], p["when_from"]) for p in line["points"]] == [
        ("30", "2020-02-01", "published"),
        ("45", "2020-03-01..2020-03-31", "in the text"),  # "In March", not the April publication date
        ("60", "2020-04-15", "published"),
    ]  # fmt: skip


def test_timeline_of_a_date_finds_its_properties_by_their_words(runner, pool):
    (line,) = json.loads(run(runner, "timeline", "council", "reopening", "--root", pool, "-f", "json").stdout)
    assert line["unit"] == "date"
    assert [(p["value"], p["dates"], p["when"]) for p in line["points"]] == [
        ("March", "2020-03-01..2020-03-31", "2020-02-01"), ("June", "2020-06-01..2020-06-30", "2020-04-15")]  # fmt: skip
    chart = run(runner, "timeline", "council", "reopening", "--root", pool, env={"COLUMNS": "100"}).stdout
    march, june = (line for line in chart.splitlines() if "(pub.)" in line)
    assert march.index("█") < june.index("█")  # June drawn later on the date axis than March
    result = run(runner, "timeline", "council", "weather", "--root", pool)
    assert result.exit_code == ExitStatus.BAD_INPUT and "has no property 'weather'" in result.stderr


# --- the HTML report --------------------------------------------------------------------------


def test_the_html_report_names_each_source_by_outlet_and_title_and_says_when_it_was_made(runner, story, tmp_path):
    from factcheck import __version__

    run(runner, "sources", "add", tmp_path / "a.txt", "--outlet", "Anytown Echo", "--root", story)
    run(runner, "add", "a.txt", *ROADS, "--root", story)
    html = run(runner, "report", "--format", "html", "--root", story).stdout
    assert re.search(r'<p class="generated">Generated on <time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">'
                     rf"\d+ \w+ \d{{4}}, \d\d:\d\d UTC</time> by factcheck {re.escape(__version__)}\.</p>", html)  # fmt: skip
    assert ('<tr><td data-label="Outlet">Anytown Echo</td><td data-label="Title">A</td>'
            '<td data-label="Published">1 Jan 2020</td><td data-label="Claims">1</td>'
            '<td data-label="File">a.txt</td></tr>') in html  # fmt: skip
    assert "@media (max-width:40rem)" in html  # stacked on a phone: checked in a browser by test_browser.py


# --- the interactive review in a terminal ----------------------------------------------------


def test_review_in_a_terminal_shows_the_prompts_key_letters(mini):
    """Drive `factcheck review` in a pseudo-terminal, as a person at the keyboard: the prompt shows
    [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit whole, and an answer is written at once."""
    import os
    import pty
    import select
    import subprocess
    import sys

    mini.source("a.txt", "The council spent £7m on roads.", "2020-01-01")
    mini.claims("a.yaml", "source: a.txt\nclaims:\n  - id: a-roads\n    quote: The council spent £7m on roads\n"
                "    subject: the council\n    property: spending\n    value: £7m\n    status: proposed\n")  # fmt: skip
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "review", "--root", str(mini.root)], stdin=follower,
                            stdout=follower, stderr=follower, env=env, close_fds=True)  # fmt: skip
    os.close(follower)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([leader], [], [], 20)
            assert ready, f"no {marker!r} after 20 s; the terminal showed {seen.decode(errors='replace')!r}"
            seen += os.read(leader, 4096)

    read_until(b"[q]uit")
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode())
    assert "  [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit [a/e/r/s/q] (s): " in screen
    assert "[1/1] a-roads" in screen
    os.write(leader, b"a\r")
    assert proc.wait(timeout=30) == 0
    os.close(leader)
    assert "status" not in (mini.root / "claims" / "a.yaml").read_text()  # accepted, written at once
