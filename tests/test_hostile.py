"""Bad input, faults and hostile files. Every case ends in a known outcome: a one-line error that
names the file, line and field with exit status 2, or a warning and a correct result; and the
user's files are never changed or lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import ROADS_CLAIMS as GOOD

import factcheck
from factcheck.actions.add import AddError, add_claim, add_source
from factcheck.cli import app
from factcheck.errors import ExitStatus, ProjectError, RegistryError, SourceError
from factcheck.pipeline.verification import verify
from factcheck.registry.load import load_registry
from factcheck.sources.load import load_sources
from factcheck.yamlfile import load_yaml

SOURCE = "The council spent £7m on roads in 2019. Ms Bloggs said so."
YAML_BITS = ["\t", "  ", "- ", ": ", "&a ", "*a", "!!python/object:os.system ", "{", "}", "[", "]", "'", '"', "#",
             "|", ">", "---", "\x00", "\ufeff", "\r\n", "~", "1e400", "2019-13-45", "id", "quote", "\n"]  # fmt: skip


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def fails(runner, root: Path, *args: str) -> str:
    """Run a command that must refuse its input: exit 2, one line on stderr, no traceback."""
    result = run(runner, *(args or ("verify",)), "--root", root)
    assert result.exit_code == ExitStatus.BAD_INPUT, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0].removeprefix("error: ")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file the user owns (the lock and cache under .factcheck/ are factcheck's own)."""
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and ".factcheck" not in p.parts)
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def roads_project(mini, source_bytes: bytes | None = None, claims: str = GOOD):
    mini.source("a.txt", SOURCE, "2020-01-10")
    if source_bytes is not None:
        (mini.root / "seeds" / "a.txt").write_bytes(source_bytes)
    mini.claims("a.yaml", claims)
    return mini.root


# --- sources ----------------------------------------------------------------------------------


def test_windows_1252_source_is_read_matched_and_flagged(mini, runner):
    raw = "The council spent “£7m” on roads in 2019 – Ms Bloggs said so.".encode("cp1252")
    root = roads_project(mini, raw, GOOD.replace("The council spent £7m on roads", 'The council spent "£7m" on roads'))
    result = run(runner, "verify", "--root", root, "--format", "json")
    assert result.exit_code == ExitStatus.CLEAN
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["severity"] == "warning"
    assert problem["message"].startswith("seeds/a.txt is not UTF-8; read as cp1252.")
    assert (root / "seeds" / "a.txt").read_bytes() == raw  # stored as it came


def test_declared_encoding_silences_the_warning_and_a_wrong_one_is_an_error(mini, runner):
    root = roads_project(mini, SOURCE.encode("cp1252"))
    manifest = root / "seeds" / "manifest.yaml"
    manifest.write_text(manifest.read_text() + "    encoding: cp1252\n")
    assert verify(root).problems == ()
    manifest.write_text(manifest.read_text().replace("cp1252", "utf-8"))
    assert fails(runner, root) == (
        "seeds/a.txt:1: not valid utf-8 (byte 18) "
        "(correct the manifest's encoding for it, or remove it to let factcheck guess)"
    )
    manifest.write_text(manifest.read_text().replace("utf-8", "klingon"))
    assert fails(runner, root).startswith("seeds/a.txt: unknown encoding 'klingon'")


def test_latin_1_source(mini):
    raw = "Café owners said the council spent £7m on roads in 2019. \x81".encode("latin-1")
    root = roads_project(mini, raw)
    (source,) = load_sources(root)
    assert source.encoding == "latin-1" and source.text.startswith("Café owners")
    assert not verify(root).errors


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (b"\xef\xbb\xbf" + SOURCE.encode(), "utf-8-sig"),
        (SOURCE.encode("utf-16"), "utf-16"),
        (SOURCE.replace(". ", ".\r\n").encode(), "utf-8"),
    ],
    ids=["utf-8 BOM", "utf-16 BOM", "CRLF"],
)
def test_byte_order_marks_and_crlf(mini, raw, encoding):
    root = roads_project(mini, raw)
    (source,) = load_sources(root)
    assert source.encoding == encoding and source.text.lstrip("\ufeff").startswith("The council")
    result = verify(root)
    assert not result.problems
    assert result.anchors[0].line == 1 and result.anchors[0].status.value == "exact"


def test_a_quote_across_a_crlf_line_break(mini):
    raw = b"The council spent\r\n\xc2\xa37m on roads in 2019.\r\nMs Bloggs said so.\r\n"
    root = roads_project(mini, raw)
    result = verify(root)
    assert not result.problems and result.anchors[0].status.value == "exact"


def test_empty_source_warns_and_a_claim_on_it_is_an_error(mini, runner):
    root = roads_project(mini, b"")
    result = run(runner, "verify", "--root", root, "--format", "json")
    assert result.exit_code == ExitStatus.BAD_INPUT
    messages = [(p["severity"], p["message"]) for p in json.loads(result.stdout)["problems"]]
    assert messages == [
        ("warning", "seeds/a.txt is empty"),
        ("error", "claims/a.yaml:4: quote of 'a-roads' is not in seeds/a.txt, which is empty "
                  "(restore the source's text, or remove the claim)"),
    ]  # fmt: skip


def test_binary_source_is_refused(mini, runner):
    root = roads_project(mini)
    (root / "seeds" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert fails(runner, root) == (
        "seeds/photo.png: looks like a binary file, not text "
        "(store sources as plain text (save a PDF or Word file as .txt first))"
    )


def test_source_over_the_size_limit_is_refused_and_the_limit_is_a_setting(mini, runner):
    root = roads_project(mini)
    (root / "seeds" / "big.txt").write_text("word " * 500)  # 2,500 bytes
    (root / "factcheck.yaml").write_text("max_source_bytes: 1KB\n")
    assert fails(runner, root) == (
        "seeds/big.txt: file is 2,500 bytes, over the 1,024-byte limit for a source "
        "(store only the article's text, or raise max_source_bytes in factcheck.yaml)"
    )
    (root / "factcheck.yaml").write_text("max_source_bytes: 3KB\n")
    assert run(runner, "verify", "--root", root).exit_code == ExitStatus.CLEAN
    (root / "factcheck.yaml").write_text("max_source_bytes: lots\n")
    assert fails(runner, root) == (
        "factcheck.yaml:1 field 'max_source_bytes': 'lots' is not a size (write a number of bytes or e.g. 50MB, 512KB, 1GB)"
    )
    (root / "factcheck.yaml").write_text("max_sauce_bytes: 1\n")
    assert fails(runner, root).startswith("factcheck.yaml:1 field 'max_sauce_bytes': unknown setting")


def test_default_source_limit_is_ten_megabytes(mini):
    root = roads_project(mini)
    (root / "seeds" / "big.txt").write_bytes(b"x" * (10 * 1024 * 1024 + 1))
    with pytest.raises(SourceError, match="over the 10,485,760-byte limit"):
        load_sources(root)


def test_source_that_vanished_between_runs(mini, runner):
    root = roads_project(mini)
    assert run(runner, "verify", "--root", root).exit_code == ExitStatus.CLEAN
    (root / "seeds" / "a.txt").unlink()
    assert fails(runner, root) == (
        "seeds/manifest.yaml:2 field 'file': lists 'a.txt', which is not in seeds/ (add the file or remove the entry)"
    )
    (root / "seeds" / "manifest.yaml").write_text("sources: []\n")
    assert fails(runner, root) == (
        "claims/a.yaml:1 field 'source': source 'a.txt' does not exist in seeds/ "
        "(check the file name or add the source to seeds/)"
    )


def test_source_that_vanishes_while_it_is_read(mini, runner, monkeypatch):
    root = roads_project(mini)
    real_open = os.open

    def vanishing(path, *args, **kwargs):
        if Path(path).name == "a.txt":
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", vanishing)
    assert fails(runner, root) == (
        "seeds/a.txt: cannot read: No such file or directory "
        "(it may have been moved or deleted while factcheck ran; check it and run again)"
    )


def test_source_that_changed_between_runs(mini, runner):
    root = roads_project(mini)
    assert run(runner, "anchor", "--root", root).exit_code == 0
    source = root / "seeds" / "a.txt"
    source.write_text("Correction appended at the top.\n" + SOURCE)
    moved = json.loads(run(runner, "verify", "--root", root, "--format", "json").stdout)["problems"]
    assert [p["message"] for p in moved] == [
        "claims/a.yaml:4: seeds/a.txt changed since anchors were recorded; quote of 'a-roads' moved to line 2"
    ]
    source.write_text("The council spent £9m on roads in 2019.")
    result = run(runner, "verify", "--root", root, "--format", "json")
    assert result.exit_code == ExitStatus.BAD_INPUT
    (gone,) = json.loads(result.stdout)["problems"]
    assert gone["message"] == (
        "claims/a.yaml:4: quote of 'a-roads' is not in seeds/a.txt, and the nearest passage (line 1) "
        "does not have its value '£7m': \"The council spent £9m on roads\""
    )


# --- the registry -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (GOOD.replace("    value: £7m", "    value: £7m\n    colour: red"),
         "claims/a.yaml:8 field 'colour': unknown field 'colour'"),
        (GOOD.replace("    value: £7m\n", ""), "claims/a.yaml:3 field 'value': missing field 'value'"),
        (GOOD.replace("    value: £7m", "    value: [£7m, £8m]"), "claims/a.yaml:7 field 'value': must be text"),
        (GOOD.replace("source: a.txt", "source: b.txt"),
         "claims/a.yaml:1 field 'source': source 'b.txt' does not exist in seeds/"),
        (GOOD.replace("subject: the council", "subject: the mayor"),
         "claims/a.yaml:5 field 'subject': unknown subject 'the mayor'"),
        (GOOD.replace("    value: £7m", "    value: £7m\n    kind: colour"), "claims/a.yaml:8 field 'kind': unknown kind"),
        (GOOD.replace("claims:\n", "claims:\n  - [oops\n"), "claims/a.yaml:4: invalid YAML"),
        (GOOD.replace("    value: £7m", "    value: £7m\n    value: £8m"),
         "claims/a.yaml:8 field 'value': duplicate key 'value' (first on line 7)"),
        (GOOD.replace("    value: £7m", "    value: !!python/object/apply:os.system [ls]"),
         "claims/a.yaml:7: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
        (GOOD.replace("    value: £7m", "    value: &v £7m\n    note: *v"),
         "claims/a.yaml:8: YAML anchors and aliases are not allowed"),
        (GOOD.replace("  - id: a-roads", "\t- id: a-roads"), "claims/a.yaml:3: invalid YAML"),
        (GOOD + GOOD.split("claims:\n")[1], "claims/a.yaml:8 field 'id': duplicate id 'a-roads'"),
        ("- just\n- a list\n", "claims/a.yaml:1: expected a mapping with 'source' and 'claims'"),
        (GOOD.replace("source: a.txt", "source: /etc/passwd"),
         "claims/a.yaml:1 field 'source': '/etc/passwd' is not a file name in seeds/"),
        (GOOD.replace("source: a.txt", "source: ../../a.txt"),
         "claims/a.yaml:1 field 'source': '../../a.txt' is not a file name in seeds/"),
    ],
    ids=["unknown field", "missing field", "wrong type", "unknown source", "unknown subject", "unknown kind",
         "malformed", "duplicate key", "object tag", "alias", "tab", "duplicate id", "not a mapping",
         "absolute path", "parent path"],
)  # fmt: skip
def test_each_registry_mistake_is_one_line_naming_file_line_and_field(mini, runner, text, says):
    root = roads_project(mini, claims=text)
    before = snapshot(root)
    assert fails(runner, root).startswith(says)
    assert snapshot(root) == before


def test_tabs_are_explained(mini):
    roads_project(mini, claims=GOOD.replace("  - id: a-roads", "\t- id: a-roads"))
    with pytest.raises(RegistryError, match="YAML does not allow tabs for indentation, use spaces"):
        load_registry(mini.root, {"a.txt"})


def test_duplicate_id_across_files(mini, runner):
    root = roads_project(mini)
    mini.claims("b.yaml", GOOD)
    assert fails(runner, root) == (
        "claims/b.yaml:3 field 'id': duplicate id 'a-roads' (also in claims/a.yaml:3) (give every claim its own id)"
    )


def test_value_that_does_not_parse(mini, runner):
    root = roads_project(mini, claims=GOOD.replace("    value: £7m", "    value: £7m\n    kind: date"))
    result = run(runner, "verify", "--root", root, "--format", "json")
    assert result.exit_code == ExitStatus.BAD_INPUT
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["severity"] == "error" and problem["message"].startswith("claims/a.yaml:7: 'a-roads': ")


def test_value_not_in_its_quote(mini, runner):
    root = roads_project(mini, claims=GOOD.replace("    value: £7m", "    value: £8m"))
    result = run(runner, "verify", "--root", root, "--format", "json")
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert [p["message"] for p in json.loads(result.stdout)["problems"]] == [
        "claims/a.yaml:7: value '£8m' of 'a-roads' does not occur in its quote"
    ]


def test_billion_laughs_is_refused_without_expanding(mini, runner):
    # Thirty levels of nine: expanded, this would be 9**30 strings. Refusing it at all proves
    # nothing was expanded.
    levels = [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    levels += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 30)]
    mini.claims("a.yaml", "\n".join(levels) + "\n")
    mini.source("a.txt", SOURCE, "2020-01-10")
    assert fails(runner, mini.root).startswith("claims/a.yaml:2: YAML anchors and aliases are not allowed")


def test_huge_registry_file_is_refused_by_size_before_it_is_parsed(mini, runner):
    root = roads_project(mini)
    (root / "factcheck.yaml").write_text("max_registry_bytes: 2KB\n")
    body = "".join(GOOD.split("claims:\n")[1].replace("a-roads", f"a-{i}") for i in range(40))
    mini.claims("a.yaml", "source: a.txt\nclaims:\n" + body)
    assert fails(runner, root).startswith("claims/a.yaml: file is ")
    (root / "factcheck.yaml").unlink()
    assert run(runner, "verify", "--root", root).exit_code == ExitStatus.CLEAN


def test_manifest_mistakes(mini, runner):
    root = roads_project(mini)
    manifest = root / "seeds" / "manifest.yaml"
    manifest.write_text("sources:\n  - file: ../../etc/passwd\n")
    assert fails(runner, root).startswith("seeds/manifest.yaml:2 field 'file': '../../etc/passwd' is not a file name")
    manifest.write_text("sources:\n  - file: a.txt\n    published: last week\n")
    assert fails(runner, root).startswith("seeds/manifest.yaml:3 field 'published': 'last week' is not a date")
    manifest.write_text("sources:\n  - file: a.txt\n    colour: red\n")
    assert fails(runner, root).startswith("seeds/manifest.yaml:3 field 'colour': unknown field 'colour'")


# --- paths ------------------------------------------------------------------------------------


def test_symlinked_source_leading_outside_is_refused(mini, runner, tmp_path):
    root = roads_project(mini)
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is hunter2.")
    (root / "seeds" / "b.txt").symlink_to(secret)
    message = fails(runner, root)
    assert message.startswith("seeds/b.txt: leads outside the project (to ")
    assert message.endswith("(copy the file into the project instead of linking to it)")
    assert "hunter2" not in message


def test_symlinked_claims_file_or_folder_leading_outside_is_refused(mini, runner, tmp_path):
    root = roads_project(mini)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(GOOD.replace("a-roads", "b-roads"))
    (root / "claims" / "b.yaml").symlink_to(outside)
    assert fails(runner, root).startswith("claims/b.yaml: leads outside the project")
    (root / "claims" / "b.yaml").unlink()
    (root / "claims").rename(root / "claims-real")
    (root / "claims").symlink_to(tmp_path / "nowhere", target_is_directory=True)
    (tmp_path / "nowhere").mkdir()
    assert fails(runner, root).startswith("claims/: leads outside the project")


def test_symlink_inside_the_project_is_fine(mini):
    root = roads_project(mini)
    (root / "archive").mkdir()
    (root / "seeds" / "a.txt").rename(root / "archive" / "a.txt")
    (root / "seeds" / "a.txt").symlink_to(root / "archive" / "a.txt")
    assert not verify(root).problems


def test_symlink_loop_is_refused(mini, runner):
    root = roads_project(mini)
    (root / "seeds" / "loop.txt").symlink_to(root / "seeds" / "loop.txt")
    assert fails(runner, root).startswith("seeds/loop.txt: is a symbolic link that cannot be followed")


def test_adding_never_writes_outside_the_project(mini, tmp_path):
    root = roads_project(mini)
    story = tmp_path / "story.txt"
    story.write_text(SOURCE)
    for name in ("../escape.txt", "/tmp/escape.txt", ".hidden", "manifest.yaml"):
        with pytest.raises(AddError, match="cannot be a source's name"):
            add_source(root, story, name=name)
    assert not (root / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()
    with pytest.raises(AddError, match="no source '../a.txt' in seeds/"):
        add_claim(root, "../a.txt", quote="The council", subject="the council", property="p", value="council")


# --- writes -----------------------------------------------------------------------------------

COMMENTED = """\
# Hand-written: keep this comment.
source: a.txt   # the source
claims:
  # the first claim
  - id: a-roads
    value: £7m          # value first, on purpose
    quote: The council spent £7m on roads
    subject: the council
    property: road spending
"""


def test_add_keeps_the_users_comments_order_and_formatting(mini):
    root = roads_project(mini, claims=COMMENTED)
    add_claim(root, "a.txt", quote="Ms Bloggs said so", subject="Ms Bloggs", property="said", value="said",
              kind="statement")  # fmt: skip
    text = (root / "claims" / "a.yaml").read_text()
    assert text.startswith(COMMENTED)
    assert text[len(COMMENTED) :] == (
        '  - id: "a-said"\n'
        '    quote: "Ms Bloggs said so"\n'
        '    subject: "Ms Bloggs"\n'
        '    property: "said"\n'
        '    value: "said"\n'
        '    kind: "statement"\n'
    )
    assert {c.id for c in load_registry(root, {"a.txt"}).claims} == {"a-roads", "a-said"}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"quote": "The council spent £70m on roads"}, "field 'quote': the quote is not in seeds/a.txt"),
        ({"value": "£8m"}, "field 'value': the value '£8m' is not in the quote"),
        ({"id": "a-roads"}, "field 'id': id 'a-roads' is already used"),
        ({"kind": "date"}, "field 'value': "),
    ],
)
def test_add_checks_before_it_writes_anything(mini, change, says):
    root = roads_project(mini)
    before = snapshot(root)
    fields = {"quote": "The council spent £7m on roads", "subject": "the council", "property": "cost",
              "value": "£7m"} | change  # fmt: skip
    with pytest.raises(AddError) as err:
        add_claim(root, "a.txt", **fields)
    assert str(err.value).startswith(says)
    assert snapshot(root) == before


def test_a_failed_write_leaves_the_old_file_and_no_debris(mini, monkeypatch):
    root = roads_project(mini)
    before = snapshot(root)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        add_claim(root, "a.txt", quote="Ms Bloggs said so", subject="Ms Bloggs", property="said", value="said",
                  kind="statement")  # fmt: skip
    assert snapshot(root) == before


def _writer(root: str, prefix: str, count: int, done) -> None:  # runs in a child process
    for i in range(count):
        claim_id = f"{prefix}-{i}"
        add_claim(root, "a.txt", quote="The council spent £7m on roads", subject="the council",
                  property=f"spending {prefix} {i}", value="£7m", id=claim_id)  # fmt: skip
        done.send(claim_id)
    done.close()


def test_a_writer_killed_at_random_points_100_times_loses_nothing_committed(mini):
    """SIGKILL a writer at a random moment, 100 times over: every claim whose write returned
    before the kill is still there, and the registry always loads."""
    root = roads_project(mini)
    fork = multiprocessing.get_context("fork")
    rng = random.Random(20261123)
    committed: set[str] = {"a-roads"}
    killed = 0
    for attempt in range(100):
        receive, send = fork.Pipe(duplex=False)
        child = fork.Process(target=_writer, args=(str(root), f"k{attempt}", 20, send))
        started = time.monotonic()
        child.start()
        send.close()
        # The kill comes at a random moment after the first write returned, scaled by how long that
        # write took, so a fast machine and a loaded one both kill writers in the middle of their work.
        if receive.poll(30):
            committed.add(receive.recv())
        child.join(rng.uniform(0.0, time.monotonic() - started))
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
            killed += 1
        child.join()
        while receive.poll():
            try:
                committed.add(receive.recv())
            except EOFError:
                break
        ids = {c.id for c in load_registry(root, {"a.txt"}).claims}
        assert committed <= ids, f"attempt {attempt}: lost {sorted(committed - ids)}"
    assert killed > 50 and len(committed) > 50  # most writers were killed, most after some writes


def test_two_writers_at_once_take_turns(mini):
    root = roads_project(mini)
    fork = multiprocessing.get_context("fork")
    pipes, children = [], []
    for prefix in ("left", "right"):
        receive, send = fork.Pipe(duplex=False)
        child = fork.Process(target=_writer, args=(str(root), prefix, 8, send))
        child.start()
        send.close()
        pipes.append(receive)
        children.append(child)
    for child in children:
        child.join(60)
        assert child.exitcode == 0
    ids = {c.id for c in load_registry(root, {"a.txt"}).claims}
    assert ids == {"a-roads"} | {f"{p}-{i}" for p in ("left", "right") for i in range(8)}


# --- output -----------------------------------------------------------------------------------

HOSTILE = (
    "He said <script>alert(1)</script> cost £7m [link](javascript:alert(1)) \x1b[31mred\x1b[0m \x07 [bold]x[/bold]."
)


def hostile_project(mini):
    mini.source("a.txt", HOSTILE, "2020-01-01")
    mini.source("b.txt", "It cost £9m.", "2020-01-01")
    quote = HOSTILE.removesuffix(".")
    mini.claims("a.yaml", GOOD.replace("The council spent £7m on roads", json.dumps(quote)).replace("a-roads", "a1"))
    mini.claims("b.yaml", GOOD.replace("a.txt", "b.txt").replace("The council spent £7m on roads", "It cost £9m")
                .replace("£7m", "£9m").replace("a-roads", "b1"))  # fmt: skip
    return mini.root


def test_reports_escape_what_sources_contain(mini, runner):
    root = hostile_project(mini)
    html = run(runner, "report", "--root", root, "--format", "html").stdout
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x1b" not in html and "\x07" not in html
    md = run(runner, "report", "--root", root).stdout
    assert "[link](javascript" not in md and "\\[link\\]\\(javascript" in md
    assert "<script>" not in md


def test_terminal_output_strips_escape_sequences_and_never_reads_markup(mini, runner):
    root = hostile_project(mini)
    result = run(runner, "verify", "--root", root, "--all")
    assert result.exit_code == ExitStatus.DISCREPANCIES
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold]x[/bold]" in result.stdout  # shown as written, not applied
    assert "<script>alert(1)</script>" in result.stdout  # a terminal is not a browser
    result = run(runner, "search", "alert", "--root", root)
    assert "\x1b" not in result.stdout and "[bold]x[/bold]" in result.stdout


# --- errors -----------------------------------------------------------------------------------


def test_debug_shows_the_traceback(mini, runner):
    root = roads_project(mini, claims=GOOD.replace("    value: £7m\n", ""))
    result = runner.invoke(app, ["--debug", "verify", "--root", str(root)])
    assert isinstance(result.exception, RegistryError)
    assert result.exit_code != 0


def test_a_bug_is_one_line_and_debug_shows_it(mini, runner, monkeypatch):
    root = roads_project(mini)

    def broken(_root, progress=None, **options):
        return {}["missing"]

    monkeypatch.setattr("factcheck.pipeline.verification.verify", broken)
    assert fails(runner, root) == "internal error: KeyError: 'missing' (rerun with --debug and report it)"
    result = runner.invoke(app, ["--debug", "verify", "--root", str(root)])
    assert isinstance(result.exception, KeyError)


def test_not_a_project(runner, tmp_path):
    assert fails(runner, tmp_path) == f"{tmp_path}: no seeds/ folder (run from a factcheck project or pass --root)"


def test_project_error_types_are_exit_2(mini):
    root = roads_project(mini)
    (root / "seeds" / "b.txt").symlink_to("/etc/hostname")
    with pytest.raises(ProjectError):
        verify(root)


def test_debris_from_killed_writers_is_swept_under_the_lock(mini):
    root = roads_project(mini)
    old, fresh = root / "claims" / ".a.yaml.abc.tmp", root / "claims" / ".a.yaml.def.tmp"
    old.write_text("half a file")
    fresh.write_text("a write in progress")
    os.utime(old, (0, 0))
    add_claim(root, "a.txt", quote="Ms Bloggs said so", subject="Ms Bloggs", property="said", value="said",
              kind="statement")  # fmt: skip
    assert not old.exists() and fresh.exists()


# --- found by benchmarks/fuzz.py --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("source: a.txt\nclaims: [\x07]\n", "claims/a.yaml:2: invalid YAML: character '\\x07' is not allowed"),
        ("[" * 5000 + "]" * 5000, "claims/a.yaml:1: nested more than 50 levels deep"),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 80)), "claims/a.yaml:"),
    ],
    ids=["control character", "deep flow nesting", "deep block nesting"],
)
def test_unreadable_yaml_is_one_line(mini, runner, text, says):
    root = roads_project(mini, claims=text)
    assert fails(runner, root).startswith(says)


def test_an_offset_beyond_the_calendar_is_not_a_crash():
    (value,) = [v for v in factcheck.parse("900000 years after", ref="2020-01-01") if v.kind == "date"]
    assert value.range is None and "relative: falls outside the calendar" in value.notes


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(YAML_BITS), max_size=30).map("".join)))
def test_the_loader_returns_data_or_one_line_error(text):
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "x.yaml"
        file.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_yaml(file, "x.yaml")
        except RegistryError as exc:
            assert "\n" not in str(exc) and str(exc).startswith("x.yaml")
