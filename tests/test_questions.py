"""Judging by question: a pair that is only counted gets the verdict full judgement gives it.

Most pairs of a large registry are judged without their explanation and kept as a verdict code
(judge/verdicts.py, judge_questions). These tests compare that path with spelling out every pair
in full, on a dense project from benchmarks/gen_dense.py (figures, dates and titles that recur,
hedged, rounded, changed and planted wrong), and check an edit and an added source against a run
without the cache.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from factcheck.judge.bulk import group_codes
from factcheck.judge.sides import CODE
from factcheck.judge.verdicts import judge
from factcheck.models import Verdict
from factcheck.pipeline.verification import Context, _checker, verify
from factcheck.project import Project
from factcheck.registry.load import alias_index, claim_files, load_entities
from factcheck.sources.load import scan_sources

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from gen_dense import generate_dense  # noqa: E402


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dense") / "project"
    generate_dense(60, root, seed=7)
    return root


def _values(root: Path) -> list:
    project = Project.at(root)
    sources = {s.name: s for s in scan_sources(root, project.settings)[0]}
    entities, _terms = load_entities(root / "claims", project.settings)
    ctx = Context(root, project.settings, alias_index(entities), {}, sources, {}, entities)
    check = _checker(ctx)
    return [cv for file in claim_files(root / "claims") for cv in check(file).values]


def test_a_verdict_without_its_explanation_is_the_verdict_with_it(dense: Path) -> None:
    """judge(explain=False) on pairs of claims of every kind, about the same thing or not."""
    values = _values(dense)
    rng = random.Random(3)
    pairs = [(rng.choice(values), rng.choice(values)) for _ in range(4000)]
    by_question: dict[tuple[str, str], list] = {}
    for cv in values:
        by_question.setdefault((cv.claim.subject, cv.claim.property), []).append(cv)
    pairs += [(a, b) for group in by_question.values() for a in group[:12] for b in group[:12] if a is not b]
    seen: Counter[str] = Counter()
    for a, b in pairs:
        full, fast = judge(a, b), judge(a, b, explain=False)
        assert (full and full[0]) == (fast and fast[0]), (a.claim.value, b.claim.value)
        seen[full[0].value if full else "none"] += 1
    assert {"conflict", "changed", "rounding", "consistent", "corroborated", "none"} <= set(seen)


def test_a_group_judged_at_once_gets_the_verdicts_of_judging_each_pair(dense: Path) -> None:
    """judge/bulk.py against verdicts.judge: on every question of the project, and on random groups
    of claims of every kind and unit (figures, dates, posts, hedged, dated, with change cues)."""
    values = _values(dense)
    by_question: dict[tuple[str, str], list] = {}
    for cv in values:
        by_question.setdefault((cv.claim.subject, cv.claim.property.casefold()), []).append(cv)
    rng = random.Random(5)
    groups = [*by_question.values(), *(rng.sample(values, 60) for _ in range(40))]
    seen: Counter[str] = Counter()
    for group in groups:
        expected = []
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                result = judge(a, b)
                expected.append(CODE[result[0]] if result else "-")
        assert group_codes(group) == expected
        seen.update(expected)
    assert {CODE[v] for v in Verdict if not v.value.startswith(("mis", "alt"))} <= set(seen)


def test_findings_from_verdict_codes_equal_findings_from_every_pair_spelled_out(dense: Path) -> None:
    every = verify(dense, cache=False, all_pairs=True)
    listed = verify(dense, cache=False, all_pairs=False)
    assert [f.to_dict() for f in listed.findings] == [f.to_dict() for f in every.findings]
    assert listed.counts() == every.counts()
    assert listed.discrepancies == tuple(d for d in every.discrepancies if d.needs_attention)
    assert len(listed.discrepancies) < len(every.discrepancies) // 10
    assert {f.verdict.value for f in listed.findings} >= {"conflict", "changed", "corroborated"}


@pytest.mark.parametrize("all_pairs", [False, True])
def test_an_edit_and_an_added_source_equal_a_run_without_the_cache(dense: Path, tmp_path: Path,
                                                                   all_pairs: bool) -> None:  # fmt: skip
    import shutil

    root = tmp_path / "project"
    shutil.copytree(dense, root)
    verify(root, all_pairs=all_pairs)
    claims = root / "claims" / "src-00003.yaml"
    text = claims.read_text(encoding="utf-8")
    props = re.findall(r"property: (.*)", text)  # a claim moved to another question, another one's time dropped
    text = text.replace(f"property: {props[0]}", f"property: {props[-1]}", 1).replace("    as_of: ", "    # as_of: ", 1)
    claims.write_text(text, encoding="utf-8")
    assert verify(root, all_pairs=all_pairs).to_dict() == verify(root, cache=False, all_pairs=all_pairs).to_dict()
    _add_copy_of_source(root, "00004")
    after = verify(root, all_pairs=all_pairs).to_dict()
    assert after == verify(root, cache=False, all_pairs=all_pairs).to_dict()
    (root / "claims" / "src-00003.yaml").unlink()
    assert verify(root, all_pairs=all_pairs).to_dict() == verify(root, cache=False, all_pairs=all_pairs).to_dict()


def _output(runner, root: Path, *options: str) -> str:  # type: ignore[no-untyped-def]
    """What verify writes, as the command writes it (with its problems)."""
    from factcheck.cli import app

    result = runner.invoke(app, ["verify", "--root", str(root), *options])
    assert result.exit_code in (0, 1, 2), result.output
    return result.output


@pytest.mark.parametrize("show_all", [False, True])
def test_warm_runs_write_what_a_run_without_the_cache_writes(dense: Path, tmp_path: Path, runner,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch, show_all: bool) -> None:  # fmt: skip
    """A run in which no file changed is answered from what the last one kept, without checking any
    file or judging any pair, and writes the JSON and text of a run without the cache byte for byte;
    so do runs after one claims file was edited and after a source was added."""
    import shutil

    import factcheck.pipeline.incremental as incremental
    import factcheck.pipeline.verification as verification

    monkeypatch.setattr(incremental, "RECHECK_NS", -10**12)  # files just written are trusted by their stat
    root = tmp_path / "project"
    shutil.copytree(dense, root)
    as_json = ("--format", "json", *(("--all",) if show_all else ()))
    cold = _output(runner, root, "--no-cache", *as_json)
    assert _output(runner, root, *as_json) == cold  # the first run with the cache judges everything
    real = verification._verify
    monkeypatch.setattr(verification, "_verify", lambda *a, **k: pytest.fail("no file changed: nothing is worked out"))
    assert _output(runner, root, *as_json) == cold
    kept_text = None if show_all else _output(runner, root)  # the text, made from the kept result
    monkeypatch.setattr(verification, "_verify", real)
    if show_all:
        return
    assert kept_text == _output(runner, root, "--no-cache")
    claims = root / "claims" / "src-00005.yaml"
    text = claims.read_text(encoding="utf-8")
    values = re.findall(r"value: (.*)", text)
    claims.write_text(text.replace(f"value: {values[0]}", f"value: {values[-1]}", 1) + "# edited\n", encoding="utf-8")
    edited = _output(runner, root, *as_json)
    assert edited == _output(runner, root, "--no-cache", *as_json) and edited != cold
    _add_copy_of_source(root, "00006")
    added = _output(runner, root, *as_json)
    assert added == _output(runner, root, "--no-cache", *as_json)
    assert _output(runner, root, *as_json) == added


def test_a_result_kept_whole_makes_the_objects_a_full_run_makes(dense: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Findings and pairs shown from the last run's result are made, when asked for, from their
    questions in the cache; a question damaged since is worked out again, never trusted."""
    import shutil
    import sqlite3

    import factcheck.pipeline.incremental as incremental
    from factcheck.pipeline.cache import cache_path

    monkeypatch.setattr(incremental, "RECHECK_NS", -10**12)
    root = tmp_path / "project"
    shutil.copytree(dense, root)
    expected = verify(root, cache=False, all_pairs=False).to_dict()
    verify(root, all_pairs=False)
    assert verify(root, all_pairs=False).to_dict() == expected
    with sqlite3.connect(cache_path(root)) as db:
        db.execute("UPDATE questions SET data = substr(data, 1, 20)")
    kept = verify(root, all_pairs=False)
    assert [f.to_dict() for f in kept.findings] == expected["findings"]
    assert kept.to_dict() == expected


def _add_copy_of_source(root: Path, number: str) -> None:
    """A new source, 'extra.txt', with the text and the claims of src-NUMBER: one source added."""
    (root / "seeds" / "extra.txt").write_text((root / "seeds" / f"src-{number}.txt").read_text(encoding="utf-8") + "\nMore.\n",
                                              encoding="utf-8")  # fmt: skip
    with open(root / "seeds" / "manifest.yaml", "a", encoding="utf-8") as manifest:
        manifest.write("  - file: extra.txt\n    title: Extra\n    published: 2024-06-03\n")
    copied = (root / "claims" / f"src-{number}.yaml").read_text(encoding="utf-8")
    copied = copied.replace(f"source: src-{number}.txt", "source: extra.txt").replace(f"id: s{number}-", "id: extra-")
    (root / "claims" / "extra.yaml").write_text(copied, encoding="utf-8")
