"""The command line, as a user runs it: exit codes, output formats, one-line errors."""

from __future__ import annotations

import contextlib
import json

import pytest
from samples import ROADS_CLAIMS as CLEAN_CLAIMS

from factcheck.cli import app
from factcheck.errors import ExitStatus


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def test_exit_status_values():
    assert [int(s) for s in ExitStatus] == [0, 1, 2]


def test_verify_shipped_corpus_exits_1_and_prints_json_in_the_promised_shape(runner, shipped):
    result = run(runner, "verify", "--root", shipped, "--format", "json")
    assert result.exit_code == ExitStatus.DISCREPANCIES
    data = json.loads(result.stdout)
    assert set(data) >= {"sources", "claims", "problems", "discrepancies"}
    assert data["sources"] == 5 and data["claims"] > 100
    d = data["discrepancies"][0]
    assert set(d) >= {"verdict", "subject", "property", "explanation", "claims"}
    assert set(d["claims"][0]) >= {"id", "source", "quote", "value", "line"}
    assert isinstance(d["claims"][0]["line"], int)


def test_verify_lists_the_pairs_that_need_attention_and_counts_the_rest_unless_all(runner, shipped):
    short = json.loads(run(runner, "verify", "--root", shipped, "--format", "json").stdout)
    full = json.loads(run(runner, "verify", "--root", shipped, "--format", "json", "--all").stdout)
    assert {d["verdict"] for d in short["discrepancies"]} == {"conflict", "possible"}
    assert short["counts"] == full["counts"]
    assert len(full["discrepancies"]) == sum(full["counts"].values()) > len(short["discrepancies"])
    text = run(runner, "verify", "--root", shipped).stdout
    assert f"CHANGED ({short['counts']['changed']}): the values differ at different times (--all to list them)" in text
    assert "unallocated cases" not in text  # a changed pair, counted only
    assert "unallocated cases" in run(runner, "verify", "--root", shipped, "--all").stdout


def test_verify_exits_0_when_nothing_needs_attention(runner, mini):
    mini.source("a.txt", "The council spent £7m on roads.", "2020-01-01")
    mini.claims("a.yaml", CLEAN_CLAIMS)
    result = run(runner, "verify", "--root", mini.root)
    assert result.exit_code == ExitStatus.CLEAN
    assert "1 claims" in result.stdout


def test_verify_text_output_groups_by_verdict(runner, shipped):
    result = run(runner, "verify", "--root", shipped)
    assert "CONFLICT (" in result.stdout and "CHANGED (" in result.stdout
    assert (
        "£7m', as written, means £6.5m–£7.5m; £7.6m lies outside it"
        in result.stdout.replace("\n", " ").replace("  ", " ")
        or "£6.5m–£7.5m" in result.stdout
    )
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_broken_yaml_is_one_line_exit_2_no_traceback(runner, shipped):
    path = shipped / "claims" / "001_0912aa75dee56cb3.yaml"
    path.write_text(path.read_text().replace("  - id: 001-rotten", "  - id: [001-rotten"))
    result = run(runner, "verify", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: claims/001_0912aa75dee56cb3.yaml:")
    assert "Traceback" not in result.output


def test_unknown_field_names_file_line_and_field(runner, shipped):
    path = shipped / "claims" / "003_cd71f326698410c5.yaml"
    text = path.read_text().replace(
        "    property: role\n    value: Children's Commissioner",
        "    property: role\n    colour: blue\n    value: Children's Commissioner",
        1,
    )
    path.write_text(text)
    line = text.splitlines().index("    colour: blue") + 1
    result = run(runner, "verify", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert result.stderr.startswith(
        f"error: claims/003_cd71f326698410c5.yaml:{line} field 'colour': unknown field 'colour'"
    )


def test_missing_source_is_exit_2(runner, shipped):
    (shipped / "seeds" / "003_cd71f326698410c5.txt").unlink()
    (shipped / "seeds" / "manifest.yaml").write_text(
        (shipped / "seeds" / "manifest.yaml").read_text().replace("003_cd71f326698410c5.txt", "003_gone.txt")
    )
    result = run(runner, "verify", "--root", shipped)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert "error: seeds/manifest.yaml:" in result.stderr and "Traceback" not in result.output


def test_quote_not_in_source_is_exit_2_with_nearest_passage(runner, shipped):
    path = shipped / "claims" / "000_383d7e6cd305652f.yaml"
    path.write_text(
        path.read_text().replace(
            "is currently £7m over budget", "is currently £7m over its agreed annual spending plan for the year"
        )
    )
    result = run(runner, "verify", "--root", shipped, "--format", "json")
    assert result.exit_code == ExitStatus.BAD_INPUT
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert len(errors) == 1 and errors[0]["claim"] == "000-overspend-cs"
    assert errors[0]["message"].startswith("claims/000_383d7e6cd305652f.yaml:")
    assert "nearest passage" in errors[0]["message"]
    assert "000-overspend-cs" in result.stderr


def test_not_a_project(runner, tmp_path):
    result = run(runner, "verify", "--root", tmp_path)
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert "no seeds/ folder" in result.stderr


def test_usage_error_is_exit_2(runner):
    assert run(runner, "verify", "--format", "yaml").exit_code == 2


def test_search_finds_and_filters(runner, shipped):
    result = run(runner, "search", "7.6 million", "--root", shipped, "--format", "json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "002-cs-deficit" and hits[0]["score"] == 100
    only = json.loads(run(runner, "search", "Hodges", "--root", shipped, "--source", "004_", "--format", "json").stdout)
    assert only and all(h["source"].startswith("004_") for h in only)
    money = json.loads(
        run(runner, "search", "overspend", "--root", shipped, "--kind", "money", "--format", "json").stdout
    )
    assert money and {h["kind"] for h in money} == {"money"}
    about = json.loads(
        run(runner, "search", "start", "--root", shipped, "--subject", "Ms Hodges", "--format", "json").stdout
    )
    assert about and {h["subject"] for h in about} == {"sally-hodges"}


def test_search_tolerates_typos(runner, shipped):
    hits = json.loads(run(runner, "search", "unalocated cases", "--root", shipped, "--format", "json").stdout)
    assert any(h["property"] == "unallocated cases" for h in hits[:5])


def test_report_markdown_and_html(runner, shipped, tmp_path):
    md = run(runner, "report", "--root", shipped)
    assert md.exit_code == 0
    assert md.stdout.startswith("# factcheck discrepancy report")
    assert "| 000\\_383d7e6cd305652f.txt |" in md.stdout and "| conflict | 4 |" in md.stdout
    out = tmp_path / "report.html"
    html = run(runner, "report", "--root", shipped, "--format", "html", "-o", out)
    assert html.exit_code == 0 and out.exists()
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and 'class="pair"' in page
    assert "<mark>£7.6 million</mark>" in page


def test_show_and_sources(runner, shipped):
    shown = run(runner, "show", "002-cs-deficit", "--root", shipped, "--format", "json")
    data = json.loads(shown.stdout)
    assert data["anchor"]["status"] == "exact" and data["anchor"]["line"] == 18
    assert any(d["verdict"] == "conflict" for d in data["discrepancies"])
    missing = run(runner, "show", "nope", "--root", shipped)
    assert missing.exit_code == 2 and "no claim with id 'nope'" in missing.stderr
    sources = json.loads(run(runner, "sources", "--root", shipped, "--format", "json").stdout)
    assert [s["published"] for s in sources][:2] == ["2019-10-07..2019-10-09", "2019-10-11"]


def test_anchor_then_edit_source_reports_moved(runner, shipped):
    assert run(runner, "anchor", "--root", shipped).exit_code == 0
    assert (shipped / "claims" / "anchors.json").exists()
    src = shipped / "seeds" / "004_50052377a5f6eff6.txt"
    src.write_text("Editor's note: this story was updated.\n\n" + src.read_text())
    result = run(runner, "verify", "--root", shipped, "--format", "json")
    moved = [p for p in json.loads(result.stdout)["problems"] if "moved to line" in p["message"]]
    assert moved and all(p["severity"] == "warning" for p in moved)
    assert result.exit_code == ExitStatus.DISCREPANCIES


def test_verify_never_rewrites_the_registry(runner, shipped):
    before = {p.name: p.read_bytes() for p in (shipped / "claims").iterdir()}
    run(runner, "verify", "--root", shipped)
    assert before == {p.name: p.read_bytes() for p in (shipped / "claims").iterdir()}


def test_help_for_every_command(runner):
    for command in ("verify", "search", "report", "show", "sources", "anchor"):
        result = run(runner, command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_library_functions_work_without_the_cli(shipped):
    import factcheck

    result = factcheck.verify(shipped)
    assert result.needs_attention
    assert factcheck.search(shipped, "232")[0].claim.value == "232"
    assert [v.kind for v in factcheck.parse("a £7.6 million deficit")] == ["money"]


# The parse command's own tests are in test_parse.py.


def _as_a_user_runs_it(*args, full=False, errors=False):
    """factcheck run as its own process, through main() (or the app with every command, `full`); what
    it printed, its status, and the command modules it imported (`errors`: what it printed on stderr
    instead)."""
    import subprocess
    import sys

    call = "import factcheck.cli\nfactcheck.cli.app()" if full else "from factcheck.cli import main\nmain()"
    script = ("import sys\nsys.argv = ['factcheck', *sys.argv[1:]]\n"
              f"try:\n    {call.replace(chr(10), chr(10) + '    ')}\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
              "print(sorted(m for m in sys.modules if m.startswith('factcheck.cli.')), code, file=sys.stderr)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=120)
    *said, last = done.stderr.strip().split("\n")
    modules, code = last.rsplit(" ", 1)
    return done.stdout, int(code), "\n".join(said) if errors else modules


def test_verify_as_a_program_ends_at_once_with_what_main_prints_and_its_cache_kept(shipped, tmp_path):
    """`python -m factcheck verify` (program(): the process ended by os._exit once the output is out)
    prints and exits as main() does, and leaves a cache the next run reads (its closing was waited for)."""
    import shutil
    import subprocess
    import sys

    root = tmp_path / "project"
    shutil.copytree(shipped, root, ignore=shutil.ignore_patterns(".factcheck"))
    for args in (["verify", "--root", root, "--format", "json"], ["verify", "--root", root, "--all"],
                 ["verify", "--root", tmp_path / "nowhere"]):  # fmt: skip
        ran = subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True,
                             timeout=120)  # fmt: skip
        out, code, said = _as_a_user_runs_it(*args, errors=True)
        assert (ran.stdout, ran.returncode, ran.stderr.strip()) == (out, code, said.strip()), args
    assert (root / ".factcheck" / "cache.sqlite").is_file()
    again = subprocess.run([sys.executable, "-m", "factcheck", "verify", "--root", str(root), "--format", "json"],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
    assert again.returncode == 1 and again.stdout == _as_a_user_runs_it("verify", "--root", root, "--format", "json")[0]


def test_search_as_a_program_ends_at_once_with_what_main_prints_and_its_index_kept(shipped, tmp_path):
    """`python -m factcheck search` (program(): the process ended by os._exit once the output is out)
    prints and exits as main() does (a hit, no hit, bad input; JSON and text), and leaves an index the
    next search reads."""
    import shutil
    import subprocess
    import sys

    root = tmp_path / "project"
    shutil.copytree(shipped, root, ignore=shutil.ignore_patterns(".factcheck"))
    for args in (["search", "Imray", "--root", root, "--format", "json"], ["search", "overspend", "--root", root],
                 ["search", "zzzz-nothing", "--root", root], ["search", "Imray", "--root", tmp_path / "nowhere"],
                 ["search", "Imray", "--root", root, "--kind", "colour"]):  # fmt: skip
        ran = subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True,
                             timeout=120)  # fmt: skip
        out, code, said = _as_a_user_runs_it(*args, errors=True)
        assert (ran.stdout, ran.returncode, ran.stderr.strip()) == (out, code, said.strip()), args
    assert (root / ".factcheck" / "cache.sqlite").is_file()
    again = subprocess.run([sys.executable, "-m", "factcheck", "search", "Imray", "--root", str(root), "--format",
                            "json"], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert again.returncode == 0 and again.stdout == _as_a_user_runs_it("search", "Imray", "--root", root, "--format",
                                                                         "json")[0]  # fmt: skip


def test_a_command_run_builds_only_that_command_and_says_what_the_full_app_says(shipped):
    for args in (["search", "Imray", "--root", shipped, "--format", "json"], ["--root", shipped, "--quiet", "search",
                 "zzzz-nothing"], ["search", "--help"], ["sources", "--root", shipped, "--format", "json"],
                 ["search"]):  # fmt: skip
        out, code, modules = _as_a_user_runs_it(*args)
        assert (out, code) == _as_a_user_runs_it(*args, full=True)[:2]
        if args[0] == "sources":
            assert modules == str(sorted(["factcheck.cli.common", "factcheck.cli.complete", "factcheck.cli.quick",
                                          "factcheck.cli.add"]))  # quick: the typer-free helpers every command shares
        elif len(args) > 2:  # a plain search: run without typer
            assert modules == str(["factcheck.cli.quick"])
        else:  # read again by the command, which says what is wrong
            assert modules == str(sorted(["factcheck.cli.common", "factcheck.cli.complete", "factcheck.cli.quick",
                                          "factcheck.cli.search"]))  # fmt: skip
    out, code, modules = _as_a_user_runs_it("--help")
    assert code == 0 and "verify" in out and "sources" in out and "factcheck.cli.verify" in modules
    out, code, _modules = _as_a_user_runs_it("serch", "x")
    assert code == 2


def test_a_search_run_without_typer_prints_and_exits_as_the_command_does(shipped, tmp_path):
    """cli/quick.py reads plain search command lines itself; whatever it reads, and whatever it leaves
    to the command (other forms, errors), the output and status are the full app's."""
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    lines = [
        ["search", "Imray", "--root", shipped],  # text, through rich
        ["search", "£7.6 million", "-r", shipped, "-f", "json", "-n", "3"],
        ["--root", shipped, "search", "deficit", "--format", "json", "--kind", "money", "--source", "0"],
        ["search", "--subject", "Northamptonshire County Council", "council", "--root", shipped, "--format", "json"],
        ["search", "deficit", "--rejected", "--no-cache", "--root", shipped, "--format", "json", "--quiet"],
        ["--debug", "search", "zzzz-nothing", "--root", shipped],
        ["search", "deficit", "--root", shipped, "--kind", "moneys"],  # an unknown kind: the command's error
        ["search", "deficit", "--root", tmp_path / "a-file"],  # not a folder
        ["search", "deficit", "--root", shipped, "--limit", "0"],
        ["search", "deficit", "--root", shipped, "--limit", "many"],
        ["search", "deficit", "--root", shipped, "--format", "JSON"],
        ["search", "deficit", f"--root={shipped}", "--format=json"],
        ["search", "deficit", "--root", shipped, "--root", shipped],
        ["search", "deficit", "council", "--root", shipped],
        ["search", "deficit", "--root", shipped, "--source"],
        ["search", "", "--root", shipped, "--format", "json"],
        ["search", "deficit", "--root", shipped, "--version"],
    ]
    for args in lines:
        assert _as_a_user_runs_it(*args, errors=True) == _as_a_user_runs_it(*args, full=True, errors=True), args
    import os
    import subprocess
    import sys

    closed = []  # no stdout at all: one line on stderr, as the command says it, never a traceback
    for call in ("from factcheck.cli import main\nmain()", "import factcheck.cli\nfactcheck.cli.app()"):
        script = f"import sys\nsys.argv = ['factcheck', 'search', 'Imray', '--root', {str(shipped)!r}]\n{call}"
        done = subprocess.run([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True, timeout=120,
                              preexec_fn=lambda: os.close(1))  # fmt: skip
        closed.append((done.returncode, done.stderr))
    assert closed[0] == closed[1] and "Traceback" not in closed[0][1]


def test_the_command_a_command_line_runs_is_found_past_the_global_options():
    from factcheck.cli import command_named

    assert command_named(["--root", "search", "verify"]) == "verify"
    assert command_named(["-r", "x", "--quiet", "search", "q"]) == "search"
    assert command_named(["--debug", "sources", "add", "f"]) == "sources"
    assert command_named(["--help", "search"]) is None
    assert command_named(["--version"]) is None
    assert command_named(["serch"]) is None
    assert command_named([]) is None


def test_verify_draws_its_progress_bar_only_from_fifty_files_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar (and rich with it) is made on a terminal at the first step of a run with at least
    `minimum` steps, and never for fewer, nor off a terminal."""
    import io
    import sys

    from factcheck import console
    from factcheck.cli.common import progress

    drawn: list[tuple[str, int]] = []

    @contextlib.contextmanager
    def bar(label: str, minimum: int):  # type: ignore[no-untyped-def]
        yield lambda name, total: drawn.append((name, total))

    monkeypatch.setattr(console, "progress", bar)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    with progress("verifying", minimum=50) as advance:
        assert advance is not None
        advance("a.yaml", 3)
    assert drawn == []
    with progress("verifying", minimum=50) as advance:
        assert advance is not None
        advance("a.yaml", 60)
        advance("b.yaml", 60)
    assert drawn == [("a.yaml", 60), ("b.yaml", 60)]
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress("verifying", minimum=50) as advance:
        assert advance is None


def test_a_verify_or_extract_run_without_typer_prints_and_exits_as_the_command_does(shipped, tmp_path):
    """cli/quick.py reads plain verify and extract command lines itself, without typer: the output, the
    status and (for extract) the files written are the full app's, whatever it reads and whatever it
    leaves to the command; errors are reported as the command reports them."""
    import shutil
    from pathlib import Path

    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    broken = tmp_path / "broken"
    shutil.copytree(shipped, broken)
    claims = sorted((broken / "claims").glob("0*.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8").replace("quote:", "quote: [", 1), encoding="utf-8")
    for args in (
        ["verify", "--root", shipped],
        ["verify", "-r", shipped, "-f", "json", "--all"],
        ["--root", shipped, "--quiet", "verify", "--no-cache", "--jobs", "1"],
        ["verify", "--root", broken],  # a malformed claims file: one line, status 2
        ["verify", "--root", tmp_path / "nowhere"],  # no project
        ["verify", "--root", shipped, "--format", "JSON"],  # the rest: read by the command
        ["verify", "--root", shipped, "-j", "0"],
        ["verify", "--root", tmp_path / "a-file"],
        ["verify", "--root", shipped, "again"],
        ["verify", f"--root={shipped}"],
        ["verify", "--root", ""],
    ):
        quick = _as_a_user_runs_it(*args, errors=True)
        assert quick == _as_a_user_runs_it(*args, full=True, errors=True), args
    out, code, modules = _as_a_user_runs_it("verify", "--root", shipped)
    assert code == 1 and "CONFLICT" in out and modules == str(["factcheck.cli.quick"])

    story = tmp_path / "story"
    (story / "claims").mkdir(parents=True)
    shutil.copytree(Path(__file__).parent / "stories" / "council-budget", story / "seeds",
                    ignore=shutil.ignore_patterns("*.md", "*.tsv", "*.json"))  # fmt: skip
    first = sorted(p.name for p in (story / "seeds").iterdir())[0]
    for args in (
        ["extract"],
        ["--quiet", "extract", "--dry-run", "--format", "json"],
        ["extract", "-n", first],
        ["extract", "missing.txt"],  # not a source: one line, status 2
        ["extract", "--format", "yaml"],  # read by the command
    ):
        runs = []
        for full in (False, True):
            project = tmp_path / f"run-{full}"
            shutil.rmtree(project, ignore_errors=True)
            shutil.copytree(story, project)
            said = _as_a_user_runs_it(*args, "--root", project, full=full, errors=True)
            written = {p.name: p.read_bytes() for p in (project / "claims").iterdir()}
            runs.append((said[0].replace(str(project), "P"), said[1], said[2].replace(str(project), "P"), written))
        assert runs[0] == runs[1], args
