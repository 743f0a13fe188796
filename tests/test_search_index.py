"""The search index gives what scoring every claim gives, keeps up with edits, and is never
trusted when damaged."""

from __future__ import annotations

import random
import re
import sqlite3
import sys
from pathlib import Path

import pytest

import factcheck.actions.search as search_module
from factcheck.actions.search import search
from factcheck.pipeline.cache import cache_path
from factcheck.project import Project
from tests.test_cache import age

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from gen_dense import generate_dense  # noqa: E402

KINDS = [None, None, None, "number", "money", "role", "date", "text"]


@pytest.fixture
def dense(tmp_path: Path) -> Path:
    root = tmp_path / "dense"
    generate_dense(40, root, seed=7)
    age(root)
    return root


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return rng.choice([word[:i] + word[i + 1 :], word[:i] + word[i + 1] + word[i] + word[i + 2 :],
                       word[:i] + rng.choice("aeiourst") + word[i + 1 :]])  # fmt: skip


def queries(root: Path, n: int, seed: int) -> list[str]:
    """Queries a reporter might type: words and pieces of the claims, misspelt or not, figures,
    words no claim has, single letters and signs."""
    rng = random.Random(seed)
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((root / "claims").glob("*.yaml")))
    words = re.findall(r"[\w£%.,'-]+", text)
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.4:
            start = rng.randrange(len(words))
            out.append(" ".join(words[start : start + rng.randint(1, 3)]))
        elif roll < 0.7:
            out.append(" ".join(_typo(rng.choice(words), rng) for _ in range(rng.randint(1, 3))))
        elif roll < 0.8:
            word = rng.choice(words)
            start = rng.randrange(len(word))
            out.append(word[start : start + rng.randint(1, 5)])
        elif roll < 0.9:
            out.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(rng.randint(1, 12))))
        else:
            out.append(rng.choice(["£", "%", "-", "2019", "£5m", "zebra", "chief", "the", "s", "1"]))
    return [q for q in out if q.strip()]


def compare(root: Path, n: int, seed: int) -> int:
    """Search root with and without the index on n random queries and filters; the number that found
    anything."""
    rng = random.Random(seed)
    sources = sorted(p.name for p in (root / "seeds").iterdir() if p.suffix == ".txt")
    found = 0
    for query in queries(root, n, seed):
        options = {
            "kind": rng.choice(KINDS),
            "limit": rng.choice([1, 3, 20, 20, 500]),
            "rejected": rng.random() < 0.3,
            "source": rng.choice([None, None, None, rng.choice(sources)[:5]]),
        }
        plain = [h.to_dict() for h in search(root, query, cache=False, **options)]  # type: ignore[arg-type]
        indexed = [h.to_dict() for h in search(root, query, **options)]  # type: ignore[arg-type]
        assert indexed == plain, (query, options)
        found += bool(plain)
    return found


def test_the_index_gives_what_scoring_every_claim_gives_on_the_shipped_corpus(shipped: Path) -> None:
    assert compare(shipped, 40, seed=1) > 12


def test_the_index_gives_what_scoring_every_claim_gives_on_a_dense_corpus(dense: Path) -> None:
    assert compare(dense, 30, seed=2) > 8
    for subject in ("p0001-1", "Ms Okafor", "nobody at all"):
        for query in ("chief executive", "director", "council"):
            assert ([h.to_dict() for h in search(dense, query, subject=subject)]
                    == [h.to_dict() for h in search(dense, query, subject=subject, cache=False)])  # fmt: skip


def test_the_index_keeps_up_with_edits_additions_and_deletions(dense: Path) -> None:
    claims = dense / "claims"
    search(dense, "chief executive")
    edited = claims / "src-00003.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("property: ", "property: zebra crossings ", 1),
                      encoding="utf-8")  # fmt: skip
    copy = (claims / "src-00004.yaml").read_text(encoding="utf-8")
    (claims / "src-new.yaml").write_text(copy.replace("id: s00004-", "id: new-"), encoding="utf-8")
    (claims / "src-00005.yaml").unlink()
    assert search(dense, "zebra crossings")[0].claim.file == "claims/src-00003.yaml"
    assert compare(dense, 8, seed=3) > 2
    age(dense)
    (claims / "src-new.yaml").unlink()
    assert compare(dense, 8, seed=4) > 2


def test_a_search_with_nothing_changed_reads_only_the_claims_files_of_its_hits(dense: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The index keeps what a search scores, not what it shows: the files of the hits shown are read
    again, and no other."""
    monkeypatch.setattr(search_module, "RECHECK_NS", 0)  # as if every file had been written long enough ago
    first = search(dense, "waiting list", limit=3)
    shown = sorted({dense / h.claim.file for h in first})
    assert first and len(shown) <= 3
    read: list[Path] = []
    real = search_module.read_bounded
    monkeypatch.setattr(search_module, "read_bounded", lambda file, *more, **named: read.append(file) or real(
        file, *more, **named))  # fmt: skip
    assert search(dense, "waiting list", limit=3) == first and sorted(read) == shown
    read.clear()
    edited = dense / "claims" / "src-00002.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert search(dense, "waiting list", limit=3) == first and read[0] == edited and sorted(read[1:]) == shown


def test_a_file_edited_with_its_size_and_mtime_put_back_is_indexed_again(dense: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The digest of the files' stat that says the index is up to date holds each file's ctime too."""
    import os

    monkeypatch.setattr(search_module, "RECHECK_NS", 0)
    search(dense, "chief executive")
    edited = dense / "claims" / "src-00003.yaml"
    text, st = edited.read_text(encoding="utf-8"), edited.stat()
    at = text.index("property: ") + len("property: ")
    assert re.fullmatch(r"[a-z ]{5}", text[at : at + 5])
    edited.write_text(text[:at] + "zebra" + text[at + 5 :], encoding="utf-8")  # as many bytes as before
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert edited.stat().st_size == st.st_size
    hits = search(dense, "zebra")
    assert hits and hits[0].claim.file == "claims/src-00003.yaml"
    assert [h.to_dict() for h in hits] == [h.to_dict() for h in search(dense, "zebra", cache=False)]


@pytest.mark.parametrize("damage", [
    "UPDATE search_claims SET name = 'x' || name",
    "UPDATE search_files SET key = key || '0'",
    "UPDATE search_texts SET texts = replace(texts, 'e', 'o')",
    "DELETE FROM search_texts WHERE rowid % 7 = 0",
    "UPDATE search_files SET n = n + 1 WHERE rowid % 5 = 0",
    "UPDATE search_files SET first = first + 1 WHERE rowid % 5 = 0",
    "UPDATE search_claims SET id = 'x' || id",
    "UPDATE search_claims SET file = 'claims/none.yaml' WHERE rowid % 3 = 0",
    "UPDATE search_words SET rows = X'01020304'",
    "UPDATE search_words SET rows = substr(rows, 1, 6)",
    "DELETE FROM search_claims WHERE rowid % 7 = 0",
    "DELETE FROM search_files WHERE rowid % 7 = 0",
    "DELETE FROM search_vocabulary",
    "UPDATE search_vocabulary SET words = 'chief'",
    "UPDATE search_vocabulary SET words = words || char(10) || 'zebra', checksum = 'x'",
])  # fmt: skip
@pytest.mark.parametrize("trusted", [False, True], ids=["files just written", "files trusted by their stat"])
def test_a_damaged_index_is_built_again_not_trusted(dense: Path, damage: str, trusted: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    if trusted:  # the index is then known up to date by one digest of the files' stat: it is not read to know it
        monkeypatch.setattr(search_module, "RECHECK_NS", 0)
    expected = [h.to_dict() for h in search(dense, "chief executive", cache=False)]
    search(dense, "chief executive")
    with sqlite3.connect(cache_path(dense)) as db:
        db.execute(damage)
    assert [h.to_dict() for h in search(dense, "chief executive")] == expected
    assert [h.to_dict() for h in search(dense, "chief executive")] == expected


def test_the_index_is_kept_as_data_never_code(dense: Path) -> None:
    search(dense, "chief executive")
    with sqlite3.connect(cache_path(dense)) as db:
        data = [row[0] for row in db.execute("SELECT texts FROM search_texts LIMIT 50")]
    assert data and all(isinstance(d, str) for d in data)
    assert Project.at(dense).root == dense


def test_an_index_built_in_several_processes_is_the_one_built_in_one(dense: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many claims files are read in one process per core: the index is the same, row for row."""

    def built(parallel_from: int) -> dict[str, list[tuple]]:
        monkeypatch.setattr(search_module, "PARALLEL_FROM", parallel_from)
        cache_path(dense).unlink(missing_ok=True)
        hits = [h.to_dict() for h in search(dense, "chief executive")]
        with sqlite3.connect(cache_path(dense)) as db:
            tables = {t: sorted(db.execute(f"SELECT * FROM {t}")) for t in
                      ("search_files", "search_texts", "search_claims", "search_words")}  # fmt: skip
        return {"hits": hits, **tables}

    monkeypatch.setattr(search_module.os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(search_module.os, "cpu_count", lambda: 3)
    # The fixture's files were just written (their ctime is now, whatever their mtime): a build in the
    # first two seconds marks them to be read again, a later one does not. No file is recent here, so
    # the two builds differ only in how many processes read the files.
    monkeypatch.setattr(search_module, "RECHECK_NS", 0)
    alone, shared = built(10**9), built(4)
    assert alone == shared and len(alone["search_claims"]) > 300 and alone["hits"]
    assert compare(dense, 6, seed=5) >= 1  # and it gives what scoring every claim gives


def test_a_claims_file_refused_in_another_process_is_reported_as_in_one(dense: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The first file refused, in the order of the files, is the one reported, whichever process read it."""
    from factcheck.errors import RegistryError

    claims = dense / "claims"
    for name in ("src-00033.yaml", "src-00021.yaml"):  # the third run and the second, of three
        path = claims / name
        path.write_text(path.read_text(encoding="utf-8").replace("subject: ", "subject: Nobody at all ", 1),
                        encoding="utf-8")  # fmt: skip

    def refused(parallel_from: int) -> str:
        monkeypatch.setattr(search_module, "PARALLEL_FROM", parallel_from)
        cache_path(dense).unlink(missing_ok=True)
        with pytest.raises(RegistryError) as caught:
            search(dense, "chief executive")
        return str(caught.value)

    monkeypatch.setattr(search_module.os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(search_module.os, "cpu_count", lambda: 3)
    alone = refused(10**9)
    assert "claims/src-00021.yaml" in alone and "unknown subject" in alone
    assert refused(4) == alone


def test_claims_holding_the_characters_the_index_joins_fields_with_are_shown_as_written(dense: Path) -> None:
    """A file's scored texts are kept joined by control characters; a claim holding one of them (an
    escape, so the loader reads it) is scored on its folded texts and shown as written, read again
    from its file by the loader."""
    path = dense / "claims" / "src-00002.yaml"
    text = path.read_text(encoding="utf-8")
    subject = re.search(r"subject: (.*)", text).group(1)  # type: ignore[union-attr]
    odd = {"quote": r'"zebra \x1f crossings \x1e closed \x1c early"', "property": r'"zebra \x1d crossings"',
           "value": '"3"', "note": r'"\x1d"', "period": r'"2019\x1d"'}  # fmt: skip
    path.write_text(text + "  - id: odd-1\n" + "".join(f"    {k}: {v}\n" for k, v in odd.items())
                    + f"    subject: {subject}\n", encoding="utf-8")  # fmt: skip
    plain_json = search(dense, "zebra crossings", cache=False)
    for query in ("zebra crossings", "early", "3"):
        for options in ({}, {"kind": "number"}):
            plain = search(dense, query, cache=False, **options)  # type: ignore[arg-type]
            assert search(dense, query, **options) == plain and search(dense, query, **options) == plain  # type: ignore[arg-type]
    hit = search(dense, "zebra crossings")[0].claim
    assert (hit.id, hit.quote, hit.note, hit.period) == ("odd-1", "zebra \x1f crossings \x1e closed \x1c early", "\x1d",
                                                         "2019\x1d")  # fmt: skip
    assert [h.to_dict() for h in search(dense, "zebra crossings")] == [h.to_dict() for h in plain_json]


def test_a_hit_whose_file_changed_after_the_index_was_brought_up_to_date_is_shown_as_it_is_now(
        dense: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A hit's claims file is read again to show it. When it changed after the index was brought up
    to date and before the hit is shown (a field search does not score, here), the index is built
    again and the search gives what scoring every claim gives, not the claim as it was."""
    hit = search(dense, "waiting list")[0].claim
    path = dense / hit.file
    text = path.read_text(encoding="utf-8")
    assert f"  - id: {hit.id}\n" in text and hit.note is None
    real = search_module._refresh
    skipped: list[bool] = []

    def late(*args: object) -> object:  # the first bringing up to date sees the file as it was
        if not skipped:
            skipped.append(True)
            path.write_text(text.replace(f"  - id: {hit.id}\n", f"  - id: {hit.id}\n    note: checked again\n"),
                            encoding="utf-8")  # fmt: skip
            return None
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "_refresh", late)
    found = search(dense, "waiting list")
    assert skipped and found[0].claim.id == hit.id and found[0].claim.note == "checked again"
    assert found == search(dense, "waiting list", cache=False)
