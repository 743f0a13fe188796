"""Hostile input, round two (issue 19): one test or more per break found, each asserting the exact
one-line error or the right result, and that the user's files are byte for byte what they were."""

from __future__ import annotations

import io
import json
import os
import pickle
import random
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_hostile import fails, roads_project, run, snapshot

import factcheck.pipeline.verification as verification
from factcheck import console
from factcheck.cli import app
from factcheck.errors import ExitStatus
from factcheck.normalize import _PRIORITY, _without_overlaps, parse
from factcheck.pipeline import cache_format
from factcheck.pipeline.cache import cache_path
from factcheck.pipeline.verification import verify
from factcheck.registry.load import load_registry
from factcheck.sources.load import load_sources
from factcheck.yamlfile import load_yaml

B_SOURCE = "The council spent £9m on roads in 2019, its report said."
B_CLAIMS = """\
source: b.txt
claims:
  - id: b-roads
    quote: The council spent £9m on roads
    subject: the council
    property: road spending
    value: £9m
"""


def conflict_project(mini) -> Path:
    """Two sources that disagree on the council's road spending: one conflict to resolve."""
    root = roads_project(mini)
    mini.source("b.txt", B_SOURCE, "2020-01-10")
    mini.claims("b.yaml", B_CLAIMS)
    return root


def discrepancy_id(runner, root: Path) -> str:
    result = run(runner, "verify", "--root", root, "--format", "json")
    return json.loads(result.stdout)["discrepancies"][0]["id"]


def loads_cleanly(root: Path) -> None:
    """The registry the CLI left behind is one our own loader reads, and verify gives no error."""
    names = {s.name for s in load_sources(root)}
    load_registry(root, names)
    assert not verify(root, cache=False).errors


# --- 1. the CLI never writes a registry its own loader refuses ----------------------------------


def test_non_utf8_bytes_in_an_argument_are_refused_naming_the_option(mini, runner):
    root = conflict_project(mini)
    ref = discrepancy_id(runner, root)
    before = snapshot(root)
    cafe = "asked the caf\udce9"  # what Python makes of the byte 0xE9 in argv under a UTF-8 locale
    cases = [
        (["resolve", ref, "--as", "confirmed", "--note", cafe], "--note"),
        (["add", "a.txt", "--quote", "The council spent £7m on roads", "--subject", "the council",
          "--property", "road spending", "--value", "£7m", "--id", "a-two", "--note", cafe], "--note"),
        (["add", "a.txt", "--quote", "The council spent £7m on roads", "--subject", "caf\udce9 owner",
          "--property", "road spending", "--value", "£7m", "--id", "a-two"], "--subject"),
        (["sources", "add", str(root / "seeds" / "a.txt"), "--name", "c.txt", "--title", cafe], "--title"),
    ]  # fmt: skip
    for args, option in cases:
        position = 14 if option != "--subject" else 4
        assert fails(runner, root, *args) == (
            f"{option} is not UTF-8 text (byte 0xe9 at position {position}) "
            "(retype it in a UTF-8 terminal (e.g. LANG=C.UTF-8), or pass it as UTF-8)"
        )
        assert snapshot(root) == before
    loads_cleanly(root)


def test_the_writer_refuses_what_yaml_cannot_hold_even_from_the_library(mini):
    from factcheck.actions.add import add_claim
    from factcheck.errors import RegistryError

    root = roads_project(mini)
    before = snapshot(root)
    with pytest.raises(RegistryError) as err:
        add_claim(root, "a.txt", quote="The council spent £7m on roads", subject="the council",
                  property="road spending", value="£7m", id="a-two", note="caf\udce9")  # fmt: skip
    assert str(err.value) == (
        "field 'note': is not valid UTF-8 text (byte 0xe9 at position 4) "
        "(retype it, or set the terminal to UTF-8 (e.g. LANG=C.UTF-8))"
    )
    assert snapshot(root) == before


NAMES = ["!x.txt", "a: b.txt", "[a].txt", "{a}.txt", "*a.txt", "%a.txt", "@a.txt", "'a.txt", "|a.txt", "&a.txt",
         "a #b.txt", "- a.txt", "? a.txt", "null", "yes", "2019-01-01", "~", "a\"b.txt", "a\\b"]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_yaml_special_source_names_round_trip_through_add(mini, runner, name):
    root = roads_project(mini)
    source = root / "seeds" / "a.txt"
    result = run(runner, "sources", "add", source, "--name", name, "--title", f"{name}: [sic] {{x}}", "--root", root)
    if "\\" in name:  # not a bare file name: refused, nothing written
        assert result.exit_code == ExitStatus.BAD_INPUT
        return
    assert result.exit_code == 0, result.output
    result = run(runner, "add", "--quote", "The council spent £7m on roads", "--subject", f"{name} owner",
                 "--property", f"{name} spending", "--value", "£7m", "--note", f"{name}\nline two \x1b[31m",
                 "--root", root, "--", name)  # fmt: skip
    assert result.exit_code == 0, result.output
    loads_cleanly(root)
    claims = [c for c in load_registry(root, {s.name for s in load_sources(root)}).claims if c.source == name]
    assert [(c.property, c.note) for c in claims] == [(f"{name} spending", f"{name}\nline two \x1b[31m")]


def test_a_source_named_with_a_nul_is_not_there(mini, runner):
    """Found by fuzz.py: a NUL in a path-like source name was an internal error."""
    root = roads_project(mini)
    before = snapshot(root)
    assert fails(runner, root, "add", "seeds/a\x00b.txt", "--quote", "The council spent £7m on roads", "--subject",
                 "the council", "--property", "road spending", "--value", "£7m").startswith(
        "field 'source': no source 'seeds/a"
    )  # fmt: skip
    assert snapshot(root) == before


@pytest.mark.parametrize("name", ["a\nb.txt", "a\x1bb.txt", "a\x7f.txt"])
def test_source_names_with_control_characters_are_refused(mini, runner, name):
    root = roads_project(mini)
    before = snapshot(root)
    message = fails(runner, root, "sources", "add", str(root / "seeds" / "a.txt"), "--name", name)
    assert message.endswith("cannot be a source's name (use a plain file name, e.g. story.txt)")
    assert snapshot(root) == before


# --- 2. the cache is data, never code ------------------------------------------------------------


class _Boom:
    def __reduce__(self):
        return (os.system, (f"touch {self.flag}",))


def _put_row(root: Path, sql: str, blob: bytes) -> None:
    from factcheck.pipeline.cache import _checksum

    with sqlite3.connect(cache_path(root)) as db:
        db.execute(sql, (_checksum(blob), blob))


def test_a_crafted_pickle_in_the_cache_runs_nothing(mini, runner, tmp_path):
    root = roads_project(mini)
    expected = verify(root).to_dict()
    flag = tmp_path / "ran"
    _Boom.flag = flag
    payload = pickle.dumps(_Boom())
    _put_row(root, "UPDATE units SET checksum = ?, data = ?", payload)
    _put_row(root, "UPDATE blobs SET checksum = ?, data = ?", payload)
    assert verify(root).to_dict() == expected
    assert run(runner, "search", "roads", "--root", root).exit_code == 0
    assert not flag.exists()


@pytest.mark.parametrize(
    "row",
    [
        b'{"c": "Popen", "f": [["touch", "x"]]}',  # a class that is not one of ours
        cache_format.FORMAT + b'{"c": "Popen", "f": [["touch", "x"]]}',
        cache_format.FORMAT + b'{"c": "Claim", "f": [1, 2]}',  # wrong number of fields
        cache_format.FORMAT + b'{"c": "Anchor", "f": ["a", "a.txt", {"e": "AnchorStatus", "v": "exact"}, "x", 1, '
                              b'1, 1, 100.0, "", "", "", ""]}',  # a field of the wrong type  # fmt: skip
        cache_format.FORMAT + b'{"e": "Verdict", "v": "bogus"}',
        cache_format.FORMAT + b"[" * 100_000,
        cache_format.FORMAT + b"\xff\xfe",
        b"factcheck-cache-999\n[]",  # a format this factcheck does not know
        cache_format.FORMAT + b'{"p": ["quote", 4, "value"]}',  # pairs of an odd number of values
        cache_format.FORMAT + b'{"u": ["claims/a.yaml", [], {"t": []}, [[0]], {"t": []}, {"t": []}]}',  # no claim 0
        cache_format.FORMAT + b'{"u": ["claims/a.yaml", ["not a claim"], {"t": []}, [], {"t": []}, {"t": []}]}',
        cache_format.FORMAT + b'{"u": ["claims/a.yaml", [], {"t": []}, []]}',  # fields missing
    ],
)
def test_a_row_not_in_the_cache_format_is_refused_as_data(row):
    with pytest.raises(cache_format.CacheFormatError):
        cache_format.loads(row)


def test_every_kind_of_row_round_trips(shipped):
    result = verify(shipped)
    for value in (*result.discrepancies, *result.claims, *result.anchors, *result.problems, result.entities):
        assert cache_format.loads(cache_format.dumps(value)) == value


def test_a_unit_round_trips_with_each_claim_written_once(shipped, monkeypatch):
    units = []
    real = verification.check_unit
    monkeypatch.setattr(verification, "check_unit", lambda *args: units.append(real(*args)) or units[-1])
    verify(shipped, cache=False, jobs=1)
    assert units and any(u.values for u in units)
    for unit in units:
        row = cache_format.dumps(unit)
        back = cache_format.loads(row)
        assert back == unit
        assert all(any(cv.claim is c for c in back.claims) for cv in back.values)  # one object, as when checked
        raw = json.loads(row[len(cache_format.FORMAT) :])["u"]  # the row as written, nothing made of it
        assert b'"c":"Claim"' not in row and len(raw[1]) == len(unit.claims)  # each claim once, as its fields
        quotes = {c.id: c.quote for c in unit.claims}
        assert len(quotes) == len(unit.claims)
        # a passage that is its claim's quote is not written again, nor a source's sha256 twice in a row
        assert [f[8] is None for f in raw[2]] == [a.exact == quotes[a.claim_id] for a in unit.anchors]
        assert any(f[8] is None for f in raw[2]) or not unit.anchors
        shas = [a.source_sha256 for a in unit.anchors]
        assert [f[11] is None for f in raw[2]] == [n > 0 and sha == shas[n - 1] for n, sha in enumerate(shas)]


def test_a_unit_whose_anchors_leave_out_nothing_or_share_ids_round_trips(shipped, monkeypatch):
    """Anchors whose passage is not their claim's quote, claims that share an id (the quote of neither
    stands for a passage), anchors of sources in turn, every status: read back as they were."""
    from dataclasses import replace

    from factcheck.models import AnchorStatus

    units = []
    real = verification.check_unit
    monkeypatch.setattr(verification, "check_unit", lambda *args: units.append(real(*args)) or units[-1])
    verify(shipped, cache=False, jobs=1)
    rng = random.Random(18)
    for unit in units:
        for _ in range(20):
            claims = list(unit.claims)
            if len(claims) > 1 and rng.random() < 0.5:  # two claims with one id
                i, j = rng.sample(range(len(claims)), 2)
                claims[j] = replace(claims[j], id=claims[i].id)
            by_id = {c.id: c for c in unit.claims}
            anchors = []
            for a in unit.anchors:
                roll = rng.random()
                exact = a.exact if roll < 0.4 else by_id[a.claim_id].quote if roll < 0.8 else a.exact + " x"
                sha = rng.choice([a.source_sha256, "0" * 64, "f" * 64])
                anchors.append(replace(a, exact=exact, source_sha256=sha, status=rng.choice(list(AnchorStatus))))
            at = {c.id: n for n, c in enumerate(unit.claims)}
            values = tuple(replace(cv, claim=claims[at[cv.claim.id]]) for cv in unit.values)
            made = replace(unit, claims=tuple(claims), anchors=tuple(anchors), values=values)
            assert cache_format.loads(cache_format.dumps(made)) == made


# --- 3. reads are bounded, and only regular files are read ---------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/zero", "a device"), ("fifo", "a named pipe (FIFO)"), ("folder", "a folder")]
)
def test_sources_add_reads_only_regular_files(mini, runner, tmp_path, path, kind):
    root = roads_project(mini)
    if path == "fifo":
        os.mkfifo(tmp_path / "fifo")
    if path == "folder":
        (tmp_path / "folder").mkdir()
    target = path if path.startswith("/") else str(tmp_path / path)
    before = snapshot(root)
    result = run(runner, "sources", "add", target, "--root", root)
    if path == "folder":  # typer refuses it first, as a usage error
        assert result.exit_code == ExitStatus.BAD_INPUT and "Traceback" not in result.output
    else:
        assert fails(runner, root, "sources", "add", target) == (
            f"{target}: is {kind}, not a regular file (a source must be a regular file, not a folder, pipe or device)"
        )
    assert snapshot(root) == before


def test_parse_refuses_a_huge_line_before_reading_it_all(runner):
    from factcheck.cli import app

    result = runner.invoke(app, ["parse", "-"], input="1 " * 600_000 + "\n£7m\n")
    assert result.exit_code == ExitStatus.BAD_INPUT
    assert result.stderr.strip() == (
        "error: stdin line 1 is over the 1,000,000-character limit (split the text into shorter lines)"
    )
    result = runner.invoke(app, ["parse", "-", "-f", "jsonl"], input="£7m\r\n2019\n")
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["£7m", "2019"]


def test_a_fifo_in_the_registry_is_refused_not_waited_on(mini, runner):
    root = roads_project(mini)
    os.mkfifo(root / "claims" / "x.yaml")
    before = snapshot(root)
    assert fails(runner, root) == (
        "claims/x.yaml: is a named pipe (FIFO), not a regular file "
        "(a registry file must be a regular file, not a folder, pipe or device)"
    )
    (root / "claims" / "x.yaml").unlink()
    (root / "seeds" / "manifest.yaml").unlink()
    os.mkfifo(root / "seeds" / "manifest.yaml")
    assert fails(runner, root) == (
        "seeds/manifest.yaml: is a named pipe (FIFO), not a regular file "
        "(a registry file must be a regular file, not a folder, pipe or device)"
    )
    assert snapshot(root) == {k: v for k, v in before.items() if k != "seeds/manifest.yaml"}


@pytest.mark.parametrize("place", ["seeds/manifest.yaml", "claims/entities.yaml"])
def test_a_folder_where_a_registry_file_belongs(mini, runner, place):
    root = roads_project(mini)
    (root / place).unlink()
    (root / place).mkdir()
    before = snapshot(root)
    assert fails(runner, root) == (
        f"{place}: is a folder, not a regular file (a registry file must be a regular file, not a folder, pipe or "
        "device)"
    )
    assert snapshot(root) == before


def test_settings_linked_from_outside_the_project_are_not_read(mini, runner, tmp_path):
    root = roads_project(mini)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("max_source_bytes: 1KB\n")
    (root / "factcheck.yaml").symlink_to(outside)
    before = snapshot(root)
    assert fails(runner, root) == (
        f"factcheck.yaml: leads outside the project (to {outside.resolve()}) "
        "(copy the file into the project instead of linking to it)"
    )
    assert snapshot(root) == before


# --- 4. the parser is not quadratic ---------------------------------------------------------------


def _overlaps_checked_pairwise(candidates):
    """The rule, the slow way: in order of preference (the longest, then by kind, then the first in the
    text, then as the readers gave them), each candidate unless it overlaps one kept before."""
    chosen = []
    for cand in sorted(candidates, key=lambda v: (-(v.span[1] - v.span[0]), -_PRIORITY[v.kind], v.span[0])):
        if cand.span[1] <= cand.span[0]:
            continue
        if any(cand.span[0] < c.span[1] and c.span[0] < cand.span[1] for c in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda v: v.span)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12), st.sampled_from(["number", "money", "percent"])),
                max_size=40))  # fmt: skip
def test_the_overlap_sweep_keeps_what_checking_every_pair_keeps(spans):
    from factcheck.normalize.values import Quantity

    # each its own text: where two tie, the one the readers gave first must be the one kept
    candidates = [Quantity(kind, f"x{i}", (a, a + n), 1.0, 1.0, 1.0) for i, (a, n, kind) in enumerate(spans)]
    kept = _without_overlaps(list(candidates), 80)
    assert kept == _overlaps_checked_pairwise(candidates)


def test_a_long_run_of_years_is_read_whole():
    values = parse("2019 " * 2000)
    assert len(values) == 2000 and all(v.text == "2019" for v in values)


# --- 5. rich never reads text as markup -----------------------------------------------------------

MARKUP = ["[link=https://evil.example]Click[/link]", "the report [sic]", "[/x]", "[bold]loud"]


def test_tables_show_titles_and_names_as_written(mini, runner):
    root = roads_project(mini)
    for n, title in enumerate(MARKUP):
        name = "council [final].txt" if n == 0 else f"s{n}.txt"
        result = run(runner, "sources", "add", root / "seeds" / "a.txt", "--name", name, "--title", title,
                     "--root", root)  # fmt: skip
        assert result.exit_code == 0, result.output
    before = snapshot(root)
    listing = runner.invoke(app, ["sources", "--root", str(root)], env={"COLUMNS": "400"})
    assert listing.exit_code == 0, listing.output
    flat = "".join(listing.stdout.split())
    for text in (*MARKUP, "council [final].txt"):
        assert "".join(text.split()) in flat
    assert "\x1b]8;" not in listing.stdout  # no terminal hyperlink
    hits = run(runner, "search", "[sic]", "--root", root)
    assert hits.exit_code == ExitStatus.DISCREPANCIES and not hits.stdout  # nothing matched, as grep says
    assert snapshot(root) == before


def test_the_review_prompt_shows_its_letters(monkeypatch):
    from rich.console import Console

    out = io.StringIO()
    monkeypatch.setattr(console, "stderr", lambda: Console(file=out, width=200, force_terminal=False))
    monkeypatch.setattr(sys, "stdin", io.StringIO("a\n"))
    assert console.ask("  [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", ["a", "e", "r", "s", "q"], "s") == "a"
    assert "[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit" in out.getvalue()


# --- 6 and 7. exports safe to open and to embed ----------------------------------------------------


def test_csv_export_guards_every_formula_start(mini, runner):
    starts = ["-2+3+cmd|' /C calc'!A0", "=1+1", "+1", "@SUM(A1)", "\t=1"]
    lines = [f"Item {n}: {s} was said." for n, s in enumerate(starts)]
    mini.source("f.txt", "\n".join(lines) + "\n", "2020-01-10")
    claims = "source: f.txt\nclaims:\n" + "".join(
        f"  - id: f-{n}\n    quote: {json.dumps(line)}\n    subject: the council\n    property: said {n}\n"
        f"    value: said\n    kind: statement\n    note: {json.dumps(s)}\n"
        for n, (s, line) in enumerate(zip(starts, lines, strict=True))
    )  # fmt: skip
    root = roads_project(mini)
    mini.claims("f.yaml", claims)
    before = snapshot(root)
    result = run(runner, "export", "--format", "csv", "--root", root)
    assert result.exit_code == 0, result.output
    import csv

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = [v for row in rows for v in row.values() if v]
    assert not [c for c in cells if c[0] in "=+-@\t\r"]
    assert "'-2+3+cmd|' /C calc'!A0" not in cells  # quotes carry it inside, not at a cell's start
    assert snapshot(root) == before


def test_claimreview_is_safe_inside_a_script_block_and_emits_only_web_addresses(mini, runner):
    root = conflict_project(mini)
    manifest = root / "seeds" / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("  - file: b.txt\n", "  - file: b.txt\n    url: javascript:alert(1)\n"
                                                     "    title: </script><script>alert(1)</script>\n"))  # fmt: skip
    before = snapshot(root)
    result = run(runner, "export", "--format", "claimreview", "--root", root)
    assert result.exit_code == 0, result.output
    assert "</" not in result.stdout and "<script" not in result.stdout
    assert "javascript:" not in result.stdout
    reviews = json.loads(result.stdout)
    names = {w["name"] for r in reviews for w in r["itemReviewed"]["appearance"]} | {
        w["name"] for r in reviews for w in r["itemReviewed"].get("isBasedOn", [])
    }  # fmt: skip
    assert "</script><script>alert(1)</script>" in json.dumps(reviews, ensure_ascii=False) or names
    assert snapshot(root) == before


# --- 8 and 9. the cache is never stale, and a corrupt one is rebuilt ------------------------------


def test_a_source_edited_in_place_with_its_mtime_put_back_is_read_again(mini):
    root = roads_project(mini)
    source = root / "seeds" / "a.txt"
    past = 1_600_000_000
    os.utime(source, (past, past))
    assert not verify(root).errors
    source.write_text(SOURCE_SAME_SIZE, encoding="utf-8")
    os.utime(source, (past, past))
    assert [p.message for p in verify(root).errors] == [
        p.message for p in verify(root, cache=False).errors
    ] != []  # fmt: skip


SOURCE_SAME_SIZE = "The council spent £8m on roads in 2019. Ms Bloggs said so."


def test_a_lowered_registry_limit_applies_with_a_cache(mini, runner):
    root = roads_project(mini)
    claims = root / "claims" / "a.yaml"
    claims.write_text(claims.read_text() + "# " + "a long comment " * 5 + "\n")
    assert run(runner, "verify", "--root", root).exit_code == 0
    (root / "factcheck.yaml").write_text("max_registry_bytes: 200\n")  # the entities file is 143 bytes
    assert fails(runner, root) == (
        "claims/a.yaml: file is 228 bytes, over the 200-byte limit for a registry file "
        "(split it into several files, or raise max_registry_bytes in factcheck.yaml)"
    )


def test_random_damage_to_the_cache_file_is_never_an_error(shipped):
    expected = verify(shipped).to_dict()
    rng = random.Random(19)
    for _ in range(12):
        path = cache_path(shipped)
        data = bytearray(path.read_bytes())
        for _ in range(8):
            at = rng.randrange(len(data) - 4)
            data[at : at + 4] = rng.randbytes(4)
        path.write_bytes(bytes(data))
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        assert verify(shipped).to_dict() == expected
        assert verify(shipped).to_dict() == expected


# --- 10. --jobs is bounded --------------------------------------------------------------------------


def test_jobs_are_bounded_by_files_and_cores(shipped, monkeypatch):
    started = []
    real = verification.ProcessPoolExecutor

    def recording(max_workers):
        started.append(max_workers)
        return real(max_workers=max_workers)

    monkeypatch.setattr(verification, "ProcessPoolExecutor", recording)
    verify(shipped, jobs=3000, cache=False)
    files = len(list((shipped / "claims").glob("0*.yaml")))
    assert started and started[0] <= min(files, os.cpu_count() or 1)


# --- 11 and 12. one line, exit 2, never a traceback, never a hang -----------------------------------


BAD_MANIFESTS = {
    "evidence: 5": ("    evidence: 5\n", "seeds/manifest.yaml:4 field 'evidence': must be text or a list of texts "
                                        "(e.g. evidence: [\"Dateline, line 3\"])"),
    "evidence: {a: 1}": ("    evidence: {a: 1}\n", "seeds/manifest.yaml:4 field 'evidence': must be text or a list "
                                                  "of texts (e.g. evidence: [\"Dateline, line 3\"])"),
    "status: bogus": ("    status: bogus\n", "seeds/manifest.yaml:4 field 'status': unknown status 'bogus' "
                                             "(one of reviewed, proposed)"),
}  # fmt: skip


@pytest.mark.parametrize(("line", "says"), BAD_MANIFESTS.values(), ids=BAD_MANIFESTS.keys())
def test_manifest_fields_of_the_wrong_kind(mini, runner, line, says):
    root = roads_project(mini)
    manifest = root / "seeds" / "manifest.yaml"
    manifest.write_text(manifest.read_text() + line)
    before = snapshot(root)
    for command in ("verify", "sources", "report"):
        assert fails(runner, root, command) == says
    assert snapshot(root) == before


BAD_ENTITIES = {
    "duplicate id": ("entities:\n  - id: council\n    name: A\n  - id: council\n    name: B\n",
                     "claims/entities.yaml:4 field 'id': entity id 'council' is used twice (first on line 2) "
                     "(merge the two entries, or give one another id)"),
    "bogus status": ("entities:\n  - id: council\n    name: A\n    aliases: [the council]\n    status: bogus\n",
                     "claims/entities.yaml:5 field 'status': unknown status 'bogus' (one of reviewed, proposed)"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "says"), BAD_ENTITIES.values(), ids=BAD_ENTITIES.keys())
def test_entity_mistakes_are_refused(mini, runner, text, says):
    root = roads_project(mini)
    (root / "claims" / "entities.yaml").write_text(text)
    before = snapshot(root)
    assert fails(runner, root) == says
    assert snapshot(root) == before


def test_sizes_beyond_reason_are_a_settings_error(mini, runner):
    root = roads_project(mini)
    (root / "factcheck.yaml").write_text("max_source_bytes: 99999999999999999999999GB\n")
    before = snapshot(root)
    assert fails(runner, root) == (
        "factcheck.yaml:1 field 'max_source_bytes': '99999999999999999999999GB' is not a size "
        "(write a number of bytes or e.g. 50MB, 512KB, 1GB)"
    )
    assert snapshot(root) == before


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "csv"]])
def test_output_to_a_missing_folder(mini, runner, tmp_path, command):
    root = roads_project(mini)
    before = snapshot(root)
    target = tmp_path / "nonexistent" / "x"
    assert fails(runner, root, *command, "-o", str(target)) == (
        f"{target}: the folder {target.parent} does not exist (create it first, or write somewhere else)"
    )
    assert snapshot(root) == before


REDO = "delete it and run `factcheck anchor` to record the anchors again"
BAD_ANCHORS = {
    "start not a number": ('{"anchors": {"a-roads": {"start": "x"}}}',
                           f"claims/anchors.json field 'start': the anchor of 'a-roads' has 'start' that is not a "
                           f"whole number from 0 ({REDO})"),
    "prefix a list": ('{"anchors": {"a-roads": {"prefix": [1]}}}',
                      f"claims/anchors.json field 'prefix': the anchor of 'a-roads' has 'prefix' that is not text "
                      f"({REDO})"),
    "not JSON": ('{"anchors": ', f"claims/anchors.json:1: is not valid JSON (Expecting value) ({REDO})"),
    "no anchors": ("[1, 2]", f"claims/anchors.json: has no 'anchors' mapping ({REDO})"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "says"), BAD_ANCHORS.values(), ids=BAD_ANCHORS.keys())
def test_a_malformed_anchors_file(mini, runner, text, says):
    root = roads_project(mini)
    (root / "claims" / "anchors.json").write_text(text)
    before = snapshot(root)
    assert fails(runner, root) == says
    assert snapshot(root) == before


def test_ctrl_d_at_the_review_prompt_quits_and_keeps_what_was_decided(mini, monkeypatch):
    from factcheck.cli.review_session import run_session

    root = roads_project(mini)
    claims = root / "claims" / "a.yaml"
    claims.write_text(claims.read_text() + "    status: proposed\n")
    before = snapshot(root)

    def ctrl_d(*_args):
        raise EOFError

    run_session(root, ask=ctrl_d, ask_text=ctrl_d)
    assert snapshot(root) == before


def test_show_of_a_rejected_claim(mini, runner):
    root = roads_project(mini)
    claims = root / "claims" / "a.yaml"
    claims.write_text(claims.read_text() + "    status: rejected\n")
    before = snapshot(root)
    result = run(runner, "show", "a-roads", "--root", root)
    assert result.exit_code == 0, result.output
    shown = json.loads(run(runner, "show", "a-roads", "--root", root, "--format", "json").stdout)
    assert shown["status"] == "rejected" and shown["anchor"]["status"] == "exact"
    assert snapshot(root) == before


def test_files_are_created_with_the_users_umask(tmp_path, runner):
    from factcheck.cli import app

    old = os.umask(0o022)
    try:
        assert runner.invoke(app, ["init", str(tmp_path / "p")]).exit_code == 0
        source = tmp_path / "s.txt"
        source.write_text(SOURCE_SAME_SIZE)
        assert runner.invoke(app, ["sources", "add", str(source), "--root", str(tmp_path / "p")]).exit_code == 0
    finally:
        os.umask(old)
    made = [p for p in (tmp_path / "p").rglob("*") if p.is_file() and ".factcheck" not in p.parts]
    assert {p.name for p in made} >= {"manifest.yaml", "entities.yaml", "GUIDE.md", "s.txt"}
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {"0o644"}


def test_a_huge_search_query_is_refused(mini, runner):
    root = roads_project(mini)
    before = snapshot(root)
    assert fails(runner, root, "search", "roads " * 20_000) == (
        "the query is 120,000 characters, over the 1,000-character limit "
        "(search for a few words: the claims that match show the rest)"
    )
    assert snapshot(root) == before


def test_yaml_the_writer_made_is_read_back(mini):
    """The loader reads what the writer writes for every character class it may be given."""
    from factcheck.actions.add import add_claim

    root = roads_project(mini)
    odd = "".join(chr(c) for c in (0x1B, 0x85, 0x2028, 0x2029, 0xFEFF, 0x7F, 0x9F, 0xE9, 0x1F600, 0x0A, 0x09))
    add_claim(root, "a.txt", quote="The council spent £7m on roads", subject="the council",
              property="road spending", value="£7m", id="a-odd", note=odd)  # fmt: skip
    data = load_yaml(root / "claims" / "a.yaml", "claims/a.yaml")
    assert data["claims"][-1]["note"] == odd
