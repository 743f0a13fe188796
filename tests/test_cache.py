"""The cache under .factcheck/: it changes no result, is never trusted when damaged, and saves work."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

import factcheck.pipeline.incremental as incremental
import factcheck.pipeline.verification as verification
from factcheck.actions.search import search
from factcheck.errors import RegistryError
from factcheck.pipeline.cache import cache_path
from factcheck.pipeline.shown import cut
from factcheck.pipeline.verification import verify

CLAIMS_FILE = "001_0912aa75dee56cb3.yaml"


def results(root: Path, **options: object) -> dict:
    return verify(root, **options).to_dict()


def age(root: Path, seconds: int = 3600) -> None:
    """Make every file look written an hour ago, so its size and mtime can be trusted."""
    past = time.time() - seconds
    for path in root.rglob("*"):
        if path.is_file() and ".factcheck" not in path.parts:
            os.utime(path, (past, past))


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = verification.check_unit

    def counting(ctx, file, *more):  # type: ignore[no-untyped-def]
        checked.append(file.name)
        return real(ctx, file, *more)

    monkeypatch.setattr(verification, "check_unit", counting)
    return checked


@pytest.mark.parametrize("all_pairs", [True, False])
def test_deleting_the_cache_changes_no_result(shipped: Path, all_pairs: bool) -> None:
    first = results(shipped, all_pairs=all_pairs)
    assert cache_path(shipped).exists()
    again = results(shipped, all_pairs=all_pairs)
    cache_path(shipped).unlink()
    assert results(shipped, all_pairs=all_pairs) == first == again == results(shipped, cache=False, all_pairs=all_pairs)


def test_pairs_that_need_no_attention_are_counted_not_listed_unless_all_are_asked_for(shipped: Path) -> None:
    everything = results(shipped)
    listed = results(shipped, all_pairs=False)  # from a cache made listing every pair: judged again
    assert listed["counts"] == everything["counts"]
    assert listed["discrepancies"] == [d for d in everything["discrepancies"] if d["verdict"] in ("conflict", "possible")]
    assert everything["counts"]["changed"] > 0 and everything["counts"]["rounding"] > 0
    assert results(shipped, all_pairs=False) == listed == results(shipped, all_pairs=False, cache=False)


def test_verify_reads_its_claims_and_anchors_back_from_the_cache(shipped: Path) -> None:
    first = verify(shipped)
    age(shipped)
    verify(shipped)
    warm = verify(shipped)
    assert len(warm.claims) == len(first.claims)
    assert list(warm.claims) == list(first.claims)
    assert [a.claim_id for a in warm.anchors] == [a.claim_id for a in first.anchors]


def test_unchanged_files_are_not_checked_again(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(shipped)
    checked = count_checks(monkeypatch)
    verify(shipped, jobs=1)
    assert len(checked) == 5
    checked.clear()
    verify(shipped, jobs=1)
    assert checked == []
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8").replace("property: ", "property: renamed ", 1), encoding="utf-8")
    verify(shipped, jobs=1)
    assert checked == [CLAIMS_FILE]


@pytest.mark.parametrize("all_pairs", [True, False])
def test_a_claims_file_whose_claims_did_not_change_is_not_checked_nor_judged_again(
        shipped: Path, monkeypatch: pytest.MonkeyPatch, all_pairs: bool) -> None:  # fmt: skip
    """A note written into a claims file changes its hash, not its claims: its stored unit is still
    its own, and nothing it takes part in is judged again; the result is a full run's."""
    verify(shipped, all_pairs=all_pairs)
    checked = count_checks(monkeypatch)
    judged: list[int] = []
    real = incremental.judge_questions
    monkeypatch.setattr(incremental, "judge_questions", lambda *a, **k: judged.append(1) or real(*a, **k))
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8") + "# a note\n# and another\n", encoding="utf-8")
    noted = results(shipped, all_pairs=all_pairs)
    assert checked == [] and judged == []
    assert noted == results(shipped, cache=False, all_pairs=all_pairs)
    checked.clear()
    judged.clear()
    other = shipped / "claims" / "000_383d7e6cd305652f.yaml"  # a note in one file, a changed value in another
    other.write_text(other.read_text(encoding="utf-8") + "# noted\n", encoding="utf-8")
    file.write_text(file.read_text(encoding="utf-8").replace("subject: ", "subject:  ", 1).replace(
        "property: ", "property: renamed ", 1), encoding="utf-8")  # fmt: skip
    edited = results(shipped, all_pairs=all_pairs)
    assert checked == [CLAIMS_FILE] and judged == [1]
    assert edited == results(shipped, cache=False, all_pairs=all_pairs)
    age(shipped)
    assert results(shipped, all_pairs=all_pairs) == results(shipped, cache=False, all_pairs=all_pairs)


@pytest.mark.parametrize("all_pairs", [True, False])
def test_an_edit_is_judged_against_the_cached_claims(shipped: Path, all_pairs: bool) -> None:
    """Changing one file re-judges only its pairs; the result must equal working it all out."""
    verify(shipped, all_pairs=all_pairs)
    file = shipped / "claims" / "000_383d7e6cd305652f.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("subject: ", "subject: ", 1) + "# edited\n", encoding="utf-8")
    assert results(shipped, all_pairs=all_pairs) == results(shipped, cache=False, all_pairs=all_pairs)
    report = shipped / "claims" / "002_4a3e0aeb4aed9d78.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("property:", "property: renamed", 1), encoding="utf-8")
    edited = results(shipped, all_pairs=all_pairs)
    assert edited == results(shipped, cache=False, all_pairs=all_pairs)


def test_what_was_shown_is_kept_in_parts_that_an_edit_rewrites_only_where_it_changed(shipped: Path) -> None:
    """Parts are cut where their own lines say, so a line put in changes the part it is in and no
    other; parts no longer used are dropped."""
    lines = [f'"question {n}"\t{n % 7 - 1}\tconflict\t1\t[{n}]\t{{"n": {n}}}' for n in range(3000)]
    text = '{"changed": 3}\n3000 0\n' + "\n".join(lines)
    parts = cut(text)
    assert "".join(parts) == text and 20 < len(parts) < 200
    edited = cut(text.replace(lines[1500], lines[1500] + '\n"new"\t-1\tpossible\t1\t[0]\t{}'))
    assert len(set(edited) - set(parts)) == 1 and len(set(parts) - set(edited)) == 1
    verify(shipped)
    file = shipped / "claims" / "000_383d7e6cd305652f.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert results(shipped) == results(shipped, cache=False)
    with sqlite3.connect(cache_path(shipped)) as db:
        used = db.execute("SELECT parts FROM shown").fetchone()[0].split("\n")
        kept = {c for (c,) in db.execute("SELECT checksum FROM shown_parts")}
    assert kept == set(used) - {"|"} and used.count("|") == 1  # the index's parts, then the bodies'


def json_of(root: Path, **options: object) -> str:
    from io import StringIO

    from factcheck.report import write_json

    out = StringIO()
    write_json(verify(root, **options), out)
    return out.getvalue()


@pytest.mark.parametrize("all_pairs", [True, False])
def test_the_json_written_from_what_was_kept_is_that_of_a_run_without_the_cache(shipped: Path, all_pairs: bool) -> None:
    """The findings' and pairs' JSON kept apart is written out as it is: after nothing changed, a note,
    a changed claim and a new claims file, the text is a run's without the cache, byte for byte."""
    cold = json_of(shipped, all_pairs=all_pairs)
    assert json_of(shipped, all_pairs=all_pairs) == cold == json_of(shipped, all_pairs=all_pairs, cache=False)
    age(shipped)
    json_of(shipped, all_pairs=all_pairs)
    assert json_of(shipped, all_pairs=all_pairs) == cold  # from the snapshot
    file = shipped / "claims" / CLAIMS_FILE
    for change in ("# a note\n", "property", "a new file"):
        if change == "property":
            file.write_text(file.read_text(encoding="utf-8").replace("property: ", "property: renamed ", 1),
                            encoding="utf-8")  # fmt: skip
        elif change == "a new file":
            text = file.read_text(encoding="utf-8").replace("  - id: ", "  - id: again-")
            (shipped / "claims" / "again.yaml").write_text(text, encoding="utf-8")
        else:
            file.write_text(file.read_text(encoding="utf-8") + change, encoding="utf-8")
        edited = json_of(shipped, all_pairs=all_pairs)
        assert edited == json_of(shipped, all_pairs=all_pairs, cache=False), change
        assert json.loads(edited)["findings"], change


def test_a_cache_that_is_not_a_database_is_rebuilt(shipped: Path) -> None:
    expected = results(shipped)
    cache_path(shipped).write_bytes(b"this is not SQLite" * 100)
    assert results(shipped) == expected
    with sqlite3.connect(cache_path(shipped)) as db:
        assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 5


TAMPERING = {
    "damaged rows": ["UPDATE units SET data = X'00' || substr(data, 2)", "UPDATE questions SET data = substr(data, 1, 20)"],
    "a damaged part of what was shown": ["UPDATE shown_parts SET data = substr(data, 1, 20)"],
    "a part of what was shown lost": ["DELETE FROM shown_parts WHERE rowid = (SELECT max(rowid) FROM shown_parts)"],
    "made by other code": ["UPDATE meta SET value = 'an older factcheck' WHERE name = 'code'",
                           "UPDATE units SET key = 'forged'"],
}  # fmt: skip


@pytest.mark.parametrize("statements", TAMPERING.values(), ids=TAMPERING.keys())
def test_a_tampered_cache_is_detected_and_never_trusted(shipped: Path, statements: list[str]) -> None:
    expected = results(shipped)
    with sqlite3.connect(cache_path(shipped)) as db:
        for statement in statements:
            db.execute(statement)
    assert results(shipped) == expected


@pytest.mark.parametrize("kind", ["seen-sources", "seen-files"])
@pytest.mark.parametrize("forged", [[1, 2, 3], ["a.txt", 1, 2, 3, 4, 5, "sha", "utf-8", None, "yes"],
                                    ["a.txt", True, 2, 3, 4, 5, "sha", "utf-8", None, False], {"a.txt": 1}],
                         ids=["short", "a flag that is text", "a size that is a flag", "a mapping"])  # fmt: skip
def test_records_of_files_not_of_their_form_are_not_trusted(shipped: Path, kind: str, forged: object) -> None:
    """What was learnt of each file is kept as one flat list of plain values: one not of that form
    (though its checksum holds) is ignored, every file is read again, and the record is kept afresh."""
    from factcheck.pipeline import cache_format
    from factcheck.pipeline.cache import _checksum

    age(shipped)
    expected = results(shipped)
    blob = cache_format.dumps(forged)
    with sqlite3.connect(cache_path(shipped)) as db:
        assert db.execute("UPDATE blobs SET data = ?, checksum = ? WHERE kind = ?", (blob, _checksum(blob), kind)).rowcount
    assert results(shipped) == expected
    with sqlite3.connect(cache_path(shipped)) as db:
        kept = cache_format.loads(db.execute("SELECT data FROM blobs WHERE kind = ?", (kind,)).fetchone()[0])
    names = {p.name for p in (*(shipped / "seeds").iterdir(), *(shipped / "claims").iterdir())}
    assert isinstance(kept, list) and len(kept) % 10 == 0 and {Path(n).name for n in kept[::10]} <= names


def test_several_processes_give_the_same_result(shipped: Path) -> None:
    assert results(shipped, jobs=2, cache=False) == results(shipped, jobs=1, cache=False)


def test_a_broken_claims_file_is_reported_from_a_worker_too(shipped: Path) -> None:
    (shipped / "claims" / CLAIMS_FILE).write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        verify(shipped, jobs=2, cache=False)
    assert caught.value.path == f"claims/{CLAIMS_FILE}" and caught.value.bare_message.startswith("invalid YAML")
    assert "\n" not in str(caught.value)


def test_search_sees_an_edit_at_once(shipped: Path) -> None:
    assert not [h for h in search(shipped, "zebra crossings") if h.score == 100]
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8").replace("property: said", "property: zebra crossings", 1),
                    encoding="utf-8")  # fmt: skip
    hits = search(shipped, "zebra crossings")
    assert hits[0].score == 100 and hits[0].claim.property == "zebra crossings"


@pytest.mark.parametrize("edited", ["000_383d7e6cd305652f.yaml", "004_50052377a5f6eff6.yaml"])
@pytest.mark.parametrize("all_pairs", [True, False])
@pytest.mark.parametrize("field", ["value", "property"])  # a space that changes no claim; a changed property
def test_an_edit_beside_proposed_claims_equals_a_full_run(shipped: Path, edited: str, all_pairs: bool,
                                                           field: str) -> None:  # fmt: skip
    """Pairs of proposed claims are found by evidence; after an edit they too must come out as a
    full run finds them."""
    proposed = shipped / "claims" / "003_cd71f326698410c5.yaml"
    text = proposed.read_text(encoding="utf-8")
    proposed.write_text(text.replace("\n  - id:", "\n  - status: proposed\n    id:"), encoding="utf-8")
    first = results(shipped, all_pairs=all_pairs)
    assert first == results(shipped, cache=False, all_pairs=all_pairs)
    assert any(d["proposed"] for d in first["discrepancies"])
    file = shipped / "claims" / edited
    file.write_text(file.read_text(encoding="utf-8").replace(f"{field}: ", f"{field}:  {'x ' * (field != 'value')}", 1)
                    + "# edited\n", encoding="utf-8")  # fmt: skip
    assert results(shipped, all_pairs=all_pairs) == results(shipped, cache=False, all_pairs=all_pairs)


def test_claims_read_back_from_a_damaged_cache_are_worked_out_again(shipped: Path) -> None:
    expected = verify(shipped)
    age(shipped)
    verify(shipped)
    with sqlite3.connect(cache_path(shipped)) as db:
        db.execute("UPDATE units SET data = X'00' || substr(data, 2)")
    warm = verify(shipped)
    assert list(warm.claims) == list(expected.claims)
    assert [a.claim_id for a in warm.anchors] == [a.claim_id for a in expected.anchors]


def test_a_project_where_no_cache_can_be_made_is_verified_without_one(shipped: Path) -> None:
    (shipped / ".factcheck").write_text("a file where the cache's folder should be", encoding="utf-8")
    assert results(shipped) == results(shipped, cache=False)
    assert search(shipped, "£7.6 million")


def test_sources_are_taken_from_the_last_run_while_seeds_and_the_settings_are_as_it_found_them(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit among the claims files scans no source; a changed manifest entry, source text or
    setting is seen at once; the results are those of a run without the cache throughout."""
    import factcheck.pipeline.incremental as incremental

    monkeypatch.setattr(incremental, "RECHECK_NS", -(10**12))  # files just written are trusted by their stat
    scans: list[int] = []
    real = verification.scan_sources
    monkeypatch.setattr(verification, "scan_sources", lambda *a, **k: scans.append(1) or real(*a, **k))
    verify(shipped)
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    scans.clear()
    edited = verify(shipped)
    assert scans == [] and edited.to_dict() == results(shipped, cache=False)
    assert list(edited.sources) == list(verify(shipped, cache=False).sources)
    assert [s.text for s in edited.sources] == [s.text for s in verify(shipped, cache=False).sources]
    manifest = shipped / "seeds" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    first = verify(shipped, cache=False).sources[0]
    manifest.write_text(text.replace(f"title: {first.title}", "title: Retitled", 1) if first.title else text,
                        encoding="utf-8")  # fmt: skip
    for change in ("manifest", "source", "settings"):
        if change == "source":
            source = shipped / "seeds" / first.name
            source.write_text(source.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
        elif change == "settings":
            (shipped / "factcheck.yaml").write_text("max_source_bytes: 5MB\n", encoding="utf-8")
        scans.clear()
        again = verify(shipped)
        assert scans == [1], change
        assert again.to_dict() == results(shipped, cache=False), change
        assert list(again.sources) == list(verify(shipped, cache=False).sources), change
    assert verify(shipped).sources[0].title == ("Retitled" if first.title else None)


@pytest.mark.parametrize("forged", [[1, 2, 3], ["a.txt", "sha", "utf-8", None, None, None, None, "2020-13-01",
                                                 "2020-13-01", [], []], ["a.txt"] * 11],
                         ids=["short", "a day that is not one", "a list that is text"])  # fmt: skip
def test_sources_kept_not_of_their_form_are_not_trusted(shipped: Path, monkeypatch: pytest.MonkeyPatch,
                                                        forged: object) -> None:  # fmt: skip
    import factcheck.pipeline.incremental as incremental
    from factcheck.pipeline import cache_format
    from factcheck.pipeline.cache import _checksum

    monkeypatch.setattr(incremental, "RECHECK_NS", -(10**12))
    verify(shipped)
    blob = cache_format.dumps(forged)
    with sqlite3.connect(cache_path(shipped)) as db:
        assert db.execute("UPDATE blobs SET data = ?, checksum = ? WHERE kind = 'sources'",
                          (blob, _checksum(blob))).rowcount  # fmt: skip
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert results(shipped) == results(shipped, cache=False)
    assert list(verify(shipped).sources) == list(verify(shipped, cache=False).sources)


def test_the_code_key_changes_with_any_source_file_of_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.pipeline.cache as cache_module

    package = tmp_path / "factcheck"
    for name in ("__init__.py", "pipeline/cache.py", "judge/deep/rules.py", "notes.txt"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "__file__", str(package / "pipeline" / "cache.py"))
    first = cache_module.code_key()
    assert cache_module.code_key() == first
    (package / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert cache_module.code_key() == first
    (package / "judge" / "deep" / "rules.py").write_text("# changed\n", encoding="utf-8")
    changed = cache_module.code_key()
    assert changed != first
    (package / "judge" / "deep" / "more.py").write_text("", encoding="utf-8")
    assert cache_module.code_key() not in (first, changed)


def test_a_run_with_nothing_changed_takes_the_entities_kept_once_by_the_entities_file(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept result names the entities by the entities file's key instead of holding them again:
    a run with nothing changed reads them from there, and without them works everything out."""
    import factcheck.pipeline.incremental as incremental

    monkeypatch.setattr(incremental, "RECHECK_NS", -(10**12))  # files just written are trusted by their stat
    full: list[int] = []
    real = verification._verify
    monkeypatch.setattr(verification, "_verify", lambda *a, **k: full.append(1) or real(*a, **k))
    fresh = verify(shipped, cache=False)
    assert fresh.entities
    verify(shipped)
    full.clear()
    warm = verify(shipped)
    assert full == [] and warm.entities == fresh.entities and warm.to_dict() == fresh.to_dict()
    with sqlite3.connect(cache_path(shipped)) as db:
        assert db.execute("DELETE FROM blobs WHERE kind = 'entities'").rowcount == 1
    again = verify(shipped)
    assert full == [1] and again.entities == fresh.entities and again.to_dict() == fresh.to_dict()


def test_a_cache_whose_log_is_large_is_closed_in_a_thread_that_the_next_run_waits_for(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log of a large run is copied into the cache while the run goes on (a thread closes the
    connection); a later open or removal of the cache waits for it; the results are unchanged."""
    import threading

    import factcheck.pipeline.cache as cache_module

    monkeypatch.setattr(cache_module, "CLOSE_APART_BYTES", 0)  # every log counts as large
    started: list[str] = []
    real = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        started.append(thread.name)
        real(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    fresh = results(shipped, cache=False)
    assert results(shipped) == fresh and started == [cache_module.CLOSING]
    held = verify(shipped)  # warm: its findings are read from the cache when asked for, by a connection
    assert held.to_dict() == fresh  # of their own, still open while the next run ends
    file = shipped / "claims" / CLAIMS_FILE
    file.write_text(file.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert results(shipped) == results(shipped, cache=False) and len(started) == 3
    cache_module._settle()
    assert not any(t.name == cache_module.CLOSING for t in threading.enumerate())
    alone = shipped / "alone.sqlite"  # the file without its log: what the last run kept was copied into it
    alone.write_bytes(cache_path(shipped).read_bytes())
    with sqlite3.connect(alone) as db, sqlite3.connect(cache_path(shipped)) as log:
        assert db.execute("SELECT key FROM shown").fetchall() == log.execute("SELECT key FROM shown").fetchall()
    del held
    cache_module.remove_cache(shipped)
    assert results(shipped) == results(shipped, cache=False)


def test_a_splice_keeps_every_part_of_the_bodies_it_did_not_touch() -> None:
    """After a splice the bodies are the parts they were, but for those a line was taken out of or
    put into, cut again: the same text as writing every line out again, on random splices."""
    import random

    from factcheck.models import Listed, Verdict
    from factcheck.pipeline.shown import Shown, loads

    rng = random.Random(7)
    for _ in range(30):
        n_findings, n_pairs = rng.randint(0, 400), rng.randint(0, 400)
        keys = [json.dumps(f"q{k}") for k in range(max(1, n_findings))]
        index = [json.dumps({"changed": 3}), f"{n_findings} {n_pairs}"]
        index += [f"{keys[i]}\t-1\tconflict\t1\t[{i}]" for i in range(n_findings)]
        index += [f"{rng.choice(keys)}\t{i}\tconflict\t1\t[{i}]" for i in range(n_pairs)]
        bodies = [json.dumps({"line": i, "pad": "x" * rng.randint(0, 30)}) for i in range(n_findings + n_pairs)]
        kept = loads(("\n".join(index), cut(header=False, text="\n".join(bodies))), lambda k: None, lambda p: p, lambda: None)  # type: ignore[arg-type,return-value]
        assert kept.bodies is not None and "".join(kept.bodies.parts) == "\n".join(bodies)
        gone = set(rng.sample(keys, rng.randint(0, min(5, len(keys)))))
        new = [(k, -1, Listed(Verdict.CONFLICT, True, text=json.dumps({"new": k})), f"[{rng.randint(0, n_findings)}]")
               for k in rng.sample([json.dumps(f"n{k}") for k in range(9)], rng.randint(0, 3))]  # fmt: skip
        added = Shown(new, [(k, 0, Listed(Verdict.CONFLICT, True, text=json.dumps({"pair": k})), f"[{rng.randint(0, 400)}]")
                            for k, *_ in new], {}, {})  # fmt: skip
        spliced = kept.splice([json.loads(k) for k in gone], added)
        index_text, parts = spliced.parts()
        assert "".join(parts) == spliced.dumps()[1]
        assert kept.splice([], Shown([], [], {}, {})).parts()[1] == [p for p in kept.bodies.parts if p]
        lone = [k for k in keys[:n_findings] if k not in {e[0] for e in kept.pairs}]
        if lone:  # a question with a finding and no pair spelled out: one line taken out, one part cut again
            untouched = kept.splice([json.loads(lone[0])], Shown([], [], {}, {})).parts()[1]
            assert len(set(kept.bodies.parts) - set(untouched)) <= 1
        again = loads((index_text, parts), lambda k: None, lambda p: p, lambda: None)  # type: ignore[arg-type,return-value]
        assert [x.text() for _k, _n, x, _o in again.findings + again.pairs] == [  # type: ignore[operator]
            x.text() for _k, _n, x, _o in spliced.findings + spliced.pairs]  # type: ignore[operator]


@pytest.mark.parametrize("all_pairs", [True, False])
def test_after_an_edit_only_the_claims_that_changed_are_judged_afresh(shipped: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      all_pairs: bool) -> None:  # fmt: skip
    """One claim's property changed, then put back, in each claims file in turn: only that claim is
    fresh (pairs of two claims as they were keep their verdicts), and every result is a full run's."""
    fresh: list[frozenset[str]] = []
    real = incremental.judge_questions

    def judging(*args, **options):  # type: ignore[no-untyped-def]
        fresh.append(args[5] if len(args) > 5 else options.get("fresh"))
        return real(*args, **options)

    monkeypatch.setattr(incremental, "judge_questions", judging)
    from factcheck.judge.events import names_an_event

    cold = verify(shipped, all_pairs=all_pairs, cache=False)
    # a file with a date counted from an event: its claims are read across one another, all fresh
    events = {f"{c.file}" for c in cold.claims if names_an_event(normalized(shipped, c))}
    verify(shipped, all_pairs=all_pairs)
    narrowed = 0
    for file in sorted((shipped / "claims").glob("0*.yaml")):
        text = file.read_text(encoding="utf-8")
        at = text.index("property: ")
        first = text[: at].rsplit("  - id: ", 1)[1].split("\n", 1)[0].strip()
        for edited in (text[:at] + "property: renamed " + text[at + len("property: "):], text):
            file.write_text(edited, encoding="utf-8")
            fresh.clear()
            assert results(shipped, all_pairs=all_pairs) == results(shipped, cache=False, all_pairs=all_pairs), file
            assert first in fresh[0] and (fresh[0] == {first} or f"claims/{file.name}" in events), file.name
            narrowed += fresh[0] == {first}
    assert narrowed >= 6


def normalized(root: Path, claim: object) -> object:
    from factcheck.normalize.claims import normalize_claim
    from factcheck.sources.load import load_sources

    source = {s.name: s for s in load_sources(root)}[claim.source]  # type: ignore[attr-defined]
    return normalize_claim(claim, source, {}, None)  # type: ignore[arg-type]
