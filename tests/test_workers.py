"""A cold run in several processes (pipeline/workers.py): units checked and questions judged in the
worker processes give what one process gives, and what they keep in the cache serves later runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import factcheck.pipeline.verification as verification
from factcheck.errors import RegistryError
from factcheck.pipeline.verification import verify
from factcheck.settings import load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from gen_dense import generate_dense  # noqa: E402


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two cores whatever the machine has, and the number of worker processes each run started."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    started: list[int] = []
    real = verification.Workers

    def recording(ctx, jobs, *more):  # type: ignore[no-untyped-def]
        started.append(jobs)
        return real(ctx, jobs, *more)

    monkeypatch.setattr(verification, "Workers", recording)
    return started


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dense") / "project"
    generate_dense(70, root, seed=13)
    return root


def _copy(root: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "project"
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(".factcheck"))
    return target


@pytest.mark.parametrize("all_pairs", [True, False])
def test_questions_judged_in_workers_are_those_one_process_judges(dense: Path, tmp_path: Path, two_cores: list[int],
                                                                  all_pairs: bool) -> None:  # fmt: skip
    root = _copy(dense, tmp_path)
    alone = verify(root, jobs=1, cache=False, all_pairs=all_pairs)
    cold = verify(root, jobs=2, all_pairs=all_pairs)
    assert two_cores == [2]
    assert cold.to_dict() == alone.to_dict()
    assert [f.to_dict() for f in cold.findings] == [f.to_dict() for f in alone.findings]  # made from the rows
    assert list(cold.claims) == list(alone.claims) and len(cold.anchors) == len(alone.anchors)
    assert verify(root, jobs=2, all_pairs=all_pairs).to_dict() == alone.to_dict()  # from what the workers kept
    claims = sorted((root / "claims").glob("src-*.yaml"))[3]
    claims.write_text(claims.read_text(encoding="utf-8").replace("value: ", "value: 1", 1) + "# edited\n",
                      encoding="utf-8")  # fmt: skip
    edited = verify(root, jobs=2, all_pairs=all_pairs).to_dict()
    assert edited == verify(root, jobs=1, cache=False, all_pairs=all_pairs).to_dict() != alone.to_dict()
    assert two_cores == [2]  # the edit was judged in this process, from the cache


def test_statements_and_dated_events_are_judged_against_every_claim(shipped: Path, two_cores: list[int]) -> None:
    """The shipped corpus has statements (paired by their words) and a date counted from an event:
    the units come back whole and are judged in the main process."""
    expected = verify(shipped, jobs=1, cache=False).to_dict()
    assert verify(shipped, jobs=2).to_dict() == expected
    assert two_cores == [2]
    assert verify(shipped, jobs=2).to_dict() == expected


def test_a_broken_claims_file_is_reported_from_a_worker(shipped: Path, two_cores: list[int]) -> None:
    file = shipped / "claims" / "001_0912aa75dee56cb3.yaml"
    file.write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        verify(shipped, jobs=2)
    assert caught.value.path == "claims/001_0912aa75dee56cb3.yaml" and two_cores == [2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cold_run_leaves_every_index_of_the_cache(dense: Path, tmp_path: Path, two_cores: list[int], jobs: int) -> None:
    """A cold run fills the tables of comparisons and of questions' files before it makes their
    indexes: the cache it leaves has the schema a new cache has, and an edit finds its pairs by them."""
    import sqlite3

    from factcheck.pipeline.cache import _create, cache_path

    root = _copy(dense, tmp_path)
    verify(root, jobs=jobs, all_pairs=False)
    fresh = sqlite3.connect(":memory:")
    _create(fresh, "code")
    kept = sqlite3.connect(cache_path(root))
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    assert kept.execute(schema).fetchall() == fresh.execute(schema).fetchall()
    assert {n for (n,) in kept.execute("SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
        "groups_by_key", "groups_by_file", "question_files_by_key", "question_files_by_file"}
    plan = " ".join(str(r) for r in kept.execute("EXPLAIN QUERY PLAN SELECT file FROM groups WHERE gkey = 'x'"))
    assert "groups_by_key" in plan
    claims = sorted((root / "claims").glob("src-*.yaml"))[3]
    claims.write_text(claims.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert verify(root, jobs=jobs, all_pairs=False).to_dict() == verify(root, cache=False, all_pairs=False).to_dict()


def test_claims_files_read_flat_give_the_loaders_claims(dense: Path, shipped: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A cold run reads claims files of the usual shape flat (registry/flat.py) and the others (the
    shipped corpus has extract's proposals, with a certainty) through the loader: its claims are the
    loader's, file by file, in order."""
    from factcheck.registry.load import alias_index, claim_files, load_entities, parse_claims_file

    loaded: list[str] = []
    real = verification.parse_claims_file

    def counting(root, file, *more):  # type: ignore[no-untyped-def]
        loaded.append(file.name)
        return real(root, file, *more)

    monkeypatch.setattr(verification, "parse_claims_file", counting)
    for root in (_copy(dense, tmp_path / "dense"), shipped):
        loaded.clear()
        got = list(verify(root, jobs=1, cache=False).claims)
        aliases = alias_index(load_entities(root / "claims")[0])
        files = claim_files(root / "claims")
        expected = [c for f in files for c in parse_claims_file(root, f, aliases, load_settings(root))
                    if c.status != "rejected"]  # fmt: skip
        assert got == expected and got
        if root != shipped:
            assert loaded == [], loaded  # every file of the generated project was read flat
        else:
            assert 0 < len(loaded) < len(files)
