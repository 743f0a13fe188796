"""The search index, kept in the cache: what `search` scores and filters of every claim, and which
claims hold each word, so that a search after the first reads no claims file that has not changed
but those of the hits it shows, and scores only the claims that could match.

Five tables:
- search_state: a digest of every claims file's key (below) when the index was last brought up to
  date with them: a search that finds the same digest reads nothing else to know it is;
- search_files: each claims file indexed, under its key (its size, mtime, ctime and inode, with
  the entities file's and the size limit), and the rowids of its claims (a range); small, as it is
  read whole by every search;
- search_texts: each file's claims in one text, with its checksum: each claim's id with the five
  texts search scores (folded and lower-cased, as scoring folds them), joined (file_row), read for
  the claims a search scores. One row a file, not a claim: building the index writes 10,000
  checked rows for 10,000 files, not 92,000. What a search shows of a hit (its fields as written)
  is not kept: it is read again from the hit's claims file (search.py, _shown), which the index is
  up to date with, and checked against these texts;
- search_claims: one row per claim with what filters and orders a search (id, source, subject,
  kind, status), the file it is in and its subject's name;
- search_words: for every word (a run of `\\w` in those texts), the rowids of the claims holding
  it, as an array of 32-bit integers, with a checksum;
- search_vocabulary: those words in one text (with a checksum), which every search reads whole.

Nothing in it is trusted: a file's texts that fail their checksum, a row not of the expected
shape, a claim whose row and file disagree (or whose file, read again, does not give the texts kept), a word naming a claim that is not there, or claims
and files that do not add up raise IndexCorrupt, and the caller builds the index again. The cache
as a whole is thrown away when factcheck's code changes (cache.code_key), so an index is only
ever read by the code that wrote it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.pipeline.cache import Cache, CacheCorrupt

WORD = re.compile(r"\w+")


class IndexCorrupt(CacheCorrupt):
    """A row of the search index cannot be trusted: the index is built again."""


class Filters:
    """What narrows a search: part of the source's name, the subject's id, the kind, and whether
    rejected claims are in. (Plain classes here: a search imports no dataclasses, see search.py.)"""

    __slots__ = ("source", "subject", "kind", "rejected")

    def __init__(self, source: str | None = None, subject: str | None = None, kind: str | None = None,
                 rejected: bool = False) -> None:  # fmt: skip
        self.source, self.subject, self.kind, self.rejected = source, subject, kind, rejected

    def sql(self) -> tuple[str, tuple[str, ...]]:
        where, params = ["1"], []
        if self.source is not None:
            where.append("instr(c.source, ?) > 0")
            params.append(self.source)
        if self.subject is not None:
            where.append("c.subject = ?")
            params.append(self.subject)
        if self.kind is not None:
            where.append("c.kind = ?")
            params.append(self.kind)
        if not self.rejected:
            where.append("c.status != 'rejected'")
        return " AND ".join(where), tuple(params)


class Indexed:
    """A run of claims files made ready for the index, by whichever process read them, their claims
    numbered (rowids) from `first`: each file's number of claims and row (each claim's id and scored
    texts, joined, with their checksum); each claim's row (its rowid and file, and what filters and
    orders it: id, source, subject, kind, status; and its subject's name), made where it was read;
    and for each word the rowids of the claims holding it, as kept (ids_blob)."""

    __slots__ = ("first", "files", "claims", "words")

    def __init__(self, first: int, files: list[tuple[int, str, str]],
                 claims: list[tuple[int, str, str, str, str, str, str, str]], words: dict[str, bytes]) -> None:  # fmt: skip
        self.first, self.files, self.claims, self.words = first, files, claims, words


# A file's scored texts are kept as one text: each claim's id and five texts joined by UNIT, the
# claims by RECORD. Neither can be in them: folding turns every run of white space (these two
# characters among it, for str.split) into one space, and an id is letters, digits and '._-'.
UNIT, RECORD = "\x1f", "\x1e"


def file_row(texts: list[list[str]]) -> tuple[int, str, str]:
    """A file's row: its claims' number, their ids and scored texts (texts) joined, and its checksum."""
    scored = RECORD.join([UNIT.join(t) for t in texts])
    return len(texts), scored, _checksum(scored)


def _checksum(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        blob = part.encode("utf-8", "surrogatepass")
        h.update(len(blob).to_bytes(8, "little") + blob)
    return h.hexdigest()


def ids_blob(ids: Sequence[int]) -> bytes:
    """Rowids as a word's list of claims is kept: 32-bit integers, little-endian."""
    out = array("I", ids)
    if sys.byteorder == "big":
        out.byteswap()  # kept little-endian whatever the machine
    return out.tobytes()


def _ids(blob: Any, checksum: Any) -> array[int]:
    if not isinstance(blob, bytes) or len(blob) % 4 or checksum != hashlib.sha256(blob).hexdigest():
        raise IndexCorrupt("a word's claims fail their checksum")
    out = array("I")
    out.frombytes(blob)
    if sys.byteorder == "big":
        out.byteswap()
    return out


class _FileRow:
    """A file's row as read: its key, its range of rowids and each claim's id and texts."""

    __slots__ = ("key", "first", "n", "texts")

    def __init__(self, key: str, first: int, n: int, texts: list[tuple[str, ...]]) -> None:
        self.key, self.first, self.n, self.texts = key, first, n, texts


class SearchIndex:
    """The search index inside an open cache. Files and claims are written as they are added or
    dropped, the words' lists by `finish()`; the caller commits the cache."""

    def __init__(self, store: Cache) -> None:
        self.store = store
        # word -> the rowids added since the last finish(), as kept, each run's with its first rowid
        self._added: defaultdict[str, list[tuple[int, bytes]]] = defaultdict(list)
        self._removed: list[tuple[int, int]] = []  # rowid ranges removed since then
        self._touched: set[str] = set()  # words the removed rows held
        self._cleared = False
        self._next: int | None = None
        self._runs = 0  # runs added since the last finish()
        self._file_of: dict[int, tuple[str, str]] = {}  # rowid -> its file and id, for the rows ordered() gave
        self._read_files: dict[str, _FileRow] = {}  # files read and checked in this search

    # -- bringing it up to date -------------------------------------------------------------------

    def state(self) -> str | None:
        """The digest of the claims files' stat when the index was last brought up to date with them
        (None: not since it last changed)."""
        rows = self.store.rows("SELECT key FROM search_state")
        return rows[0][0] if len(rows) == 1 and isinstance(rows[0][0], str) else None

    def files(self) -> dict[str, str]:
        rows = self.store.rows("SELECT file, key FROM search_files")
        if not all(isinstance(f, str) and isinstance(k, str) for f, k in rows):
            raise IndexCorrupt("a file row is not text")
        return dict(rows)

    def clear(self) -> None:
        for table in ("search_state", "search_files", "search_texts", "search_claims", "search_words", "search_vocabulary"):
            self.store.write(f"DELETE FROM {table}", [()])
        self._added.clear()
        self._removed.clear()
        self._touched.clear()
        self._runs = 0
        self._cleared = True
        self._next = 1

    def drop(self, files: Iterable[str]) -> None:
        """Take files' claims out of the index (their words' lists are fixed in finish())."""
        self.store.write("DELETE FROM search_state", [()])
        for file in files:
            found = self.store.rows("SELECT first, n FROM search_files WHERE file = ?", (file,))
            if not found:
                continue
            first, n = found[0]
            if not isinstance(first, int) or not isinstance(n, int):
                raise IndexCorrupt("a file row's range is not a number")
            self._read([file])
            for texts in self._read_files.pop(file).texts:
                self._touched.update(WORD.findall(" ".join(texts[1:])))
            self._removed.append((first, first + n))
            self.store.write("DELETE FROM search_claims WHERE rowid >= ? AND rowid < ?", [(first, first + n)])
            self.store.write("DELETE FROM search_files WHERE file = ?", [(file,)])
            self.store.write("DELETE FROM search_texts WHERE file = ?", [(file,)])

    def next_rowid(self) -> int:
        """The rowid the next claim added is given."""
        if self._next is None:
            found = self.store.rows("SELECT max(first + n) FROM search_files")
            self._next = int(found[0][0]) if found and isinstance(found[0][0], int) else 1
            if self._removed:  # ranges dropped in this go are not reused before finish()
                self._next = max(self._next, max(end for _, end in self._removed))
        return self._next

    def add_indexed(self, files: Sequence[tuple[str, str]], ready: Indexed) -> None:
        """Index a run of claims files (each one's name and key, in the order they were read), made
        ready in this process or another, after drop() of their old claims. The runs of one go are
        numbered from next_rowid() on, one after another, and may come in any order. Their rows are
        written now (while other processes may still be reading theirs); the words' lists by finish()."""
        first = rowid = ready.first
        if first < self.next_rowid() and not self._runs:
            raise ValueError("a run is not numbered from the next rowid")  # pragma: no cover - a caller's mistake
        file_rows, text_rows, claims = [], [], ready.claims
        for (file, key), (n, *texts) in zip(files, ready.files, strict=True):
            file_rows.append((file, key, rowid, n))
            text_rows.append((file, *texts))
            if n and claims[rowid - first][:2] != (rowid, file):
                raise ValueError("a run's claims are not its files'")  # pragma: no cover - a caller's mistake
            rowid += n
        if rowid - first != len(claims):
            raise ValueError("a run's files do not hold its claims")  # pragma: no cover - a caller's mistake
        self.store.write("INSERT INTO search_claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", claims)
        self.store.write("INSERT INTO search_files VALUES (?, ?, ?, ?)", file_rows)
        self.store.write("INSERT INTO search_texts VALUES (?, ?, ?)", text_rows)
        added = self._added
        for word, blob in ready.words.items():
            added[word].append((first, blob))  # put in order of their first rowid in finish()
        self._runs += 1
        self._next = max(self.next_rowid(), rowid)

    def finish(self, state: str | None = None) -> None:
        """Write the word lists changed by drop() and add_indexed(); and `state`, the digest of the
        stat of the files the index is now up to date with (None: no file's stat can be trusted yet)."""
        self.store.write("DELETE FROM search_state", [()])
        if state is not None:
            self.store.write("INSERT INTO search_state VALUES (?)", [(state,)])
        words = set(self._added) | self._touched
        if self._cleared:
            kept: dict[str, array[int]] = {}
        else:
            kept = self._lists(words)
        removed = {i for start, end in self._removed for i in range(start, end)}
        out, gone = [], []
        for word in words:
            ids = kept.get(word)
            if ids is not None and removed:
                ids = array("I", [i for i in ids if i not in removed])
            runs = sorted(self._added.get(word, ()))  # each run's rowids in order, the runs in order
            blob = (ids_blob(ids) if ids else b"") + b"".join([run for _first, run in runs])  # new rowids are above kept ones
            if blob:
                out.append((word, blob, hashlib.sha256(blob).hexdigest()))
            else:
                gone.append((word,))
        self.store.write("DELETE FROM search_words WHERE word = ?", gone)
        self.store.write("INSERT OR REPLACE INTO search_words VALUES (?, ?, ?)", out)
        if out or gone or self._cleared:
            vocabulary = "\n".join(word for (word,) in self.store.rows("SELECT word FROM search_words ORDER BY word"))
            self.store.write("DELETE FROM search_vocabulary", [()])
            self.store.write("INSERT INTO search_vocabulary VALUES (?, ?)", [(vocabulary, _checksum(vocabulary))])
        self._added.clear()
        self._removed.clear()
        self._touched.clear()
        self._runs = 0
        self._cleared = False

    # -- reading ----------------------------------------------------------------------------------

    def vocabulary(self) -> list[str]:
        """Every word a claim holds (search_words' words, in order)."""
        rows = self.store.rows("SELECT words, checksum FROM search_vocabulary")
        if len(rows) != 1 or not isinstance(rows[0][0], str) or _checksum(rows[0][0]) != rows[0][1]:
            raise IndexCorrupt("the words fail their checksum")
        return rows[0][0].split("\n") if rows[0][0] else []

    def claims_with(self, words: Iterable[str]) -> dict[str, array[int]]:
        """The rowids of the claims holding each word."""
        return self._lists(set(words))

    def ordered(self, bounds: dict[int, float] | None, where: Filters) -> list[tuple[float, str, int]]:
        """(bound, id, rowid) of the claims given with their bound (every claim, at 100, when None)
        that pass the filters, best bound first, then by id. Every claim given must have its row
        (the filters are applied after counting them): a word naming a lost row is caught here."""
        sql, params = where.sql()
        if bounds is None:
            rows = self.store.rows(f"SELECT c.id, c.rowid, c.file, ({sql}) FROM search_claims AS c", params)
            total = self.store.rows("SELECT total(n) FROM search_files")
            expected = total[0][0] if total else None
        else:  # the rowids as one JSON array of integers (SQLite's limit on parameters is far below)
            rows = self.store.rows(f"SELECT c.id, c.rowid, c.file, ({sql}) FROM search_claims AS c "
                                   "WHERE c.rowid IN (SELECT value FROM json_each(?))",
                                   (*params, json.dumps(list(bounds))))  # fmt: skip
            expected = len(bounds)
        if len(rows) != expected:
            raise IndexCorrupt("the claims rows are not those the index names")
        order = []  # the bound negated, the id and rowid: in order as they sort
        file_of = self._file_of
        for claim_id, rowid, file, passes in rows:
            if not (isinstance(claim_id, str) and isinstance(rowid, int) and isinstance(file, str)):
                raise IndexCorrupt("a claim row's columns have the wrong type")
            if passes:
                file_of[rowid] = (file, claim_id)
                order.append((-100.0 if bounds is None else -bounds[rowid], claim_id, rowid))
        order.sort()
        return [(-bound, claim_id, rowid) for bound, claim_id, rowid in order]

    def texts(self, rowids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """The scored texts of these claims (given by ordered()), from their files' checked rows."""
        self._read({self._place(rowid)[0] for rowid in rowids})
        out = {}
        for rowid in rowids:
            file, i = self._place(rowid)
            out[rowid] = self._read_files[file].texts[i][1:]
        return out

    def shown(self, rowids: Sequence[int]) -> dict[int, tuple[str, str, int, str, str, str, tuple[str, ...]]]:
        """What a search shows of these claims (given by ordered()) that the index keeps: the file each
        is in, that file's key and the claim's place there, its subject, kind and subject's name, and
        its scored texts (which the claim read again from its file must give)."""
        self._read({self._place(rowid)[0] for rowid in rowids})
        rows = self.store.rows("SELECT rowid, subject, kind, name FROM search_claims "
                               "WHERE rowid IN (SELECT value FROM json_each(?))", (json.dumps(list(rowids)),))  # fmt: skip
        kept = {row[0]: row[1:] for row in rows}
        out = {}
        for rowid in rowids:
            file, i = self._place(rowid)
            found = kept.get(rowid)
            if found is None or not all(isinstance(v, str) for v in found):
                raise IndexCorrupt("a claim row is missing or not text")
            subject, kind, name = found
            row = self._read_files[file]
            out[rowid] = (file, row.key, i, subject, kind, name, row.texts[i])
        return out

    # -- plumbing ---------------------------------------------------------------------------------

    def _place(self, rowid: int) -> tuple[str, int]:
        """The file a claim ordered() gave is in, and its place there (checked once the file is read)."""
        found = self._file_of.get(rowid)
        if found is None:
            raise IndexCorrupt("a claim asked for was not ordered")  # pragma: no cover - a caller's mistake
        file, claim_id = found
        row = self._read_files.get(file)
        if row is None:
            return file, -1
        i = rowid - row.first
        if not 0 <= i < row.n or row.texts[i][0] != claim_id:
            raise IndexCorrupt("a claim's row and its file disagree")
        return file, i

    def _read(self, files: Iterable[str]) -> None:
        """Read and check the rows of these files (those not read yet)."""
        wanted = sorted(set(files) - set(self._read_files))
        for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters
            chunk = wanted[start : start + 500]
            rows = self.store.rows("SELECT f.file, f.key, f.first, f.n, t.texts, t.tchecksum FROM search_files AS f "
                                   "JOIN search_texts AS t ON t.file = f.file "
                                   f"WHERE f.file IN ({','.join('?' * len(chunk))})", tuple(chunk))  # fmt: skip
            if len(rows) != len(chunk):
                raise IndexCorrupt("a claim row names a file that is not indexed")
            for file, key, first, n, texts, checksum in rows:
                if not isinstance(texts, str) or _checksum(texts) != checksum:
                    raise IndexCorrupt("a file's texts fail their checksum")
                if not (isinstance(first, int) and isinstance(n, int) and isinstance(key, str)):
                    raise IndexCorrupt("a file row's range is not a number")
                entries = [tuple(claim.split(UNIT)) for claim in texts.split(RECORD)] if n else []
                if len(entries) != n or any(len(e) != 6 for e in entries):
                    raise IndexCorrupt("a file's texts are not as many as its claims")
                self._read_files[file] = _FileRow(key, first, n, entries)

    def _lists(self, words: set[str]) -> dict[str, array[int]]:
        out = {}
        ordered = sorted(words)
        for start in range(0, len(ordered), 500):  # SQLite limits the number of parameters
            chunk = ordered[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for word, blob, checksum in self.store.rows(
                f"SELECT word, rows, checksum FROM search_words WHERE word IN ({marks})", tuple(chunk)
            ):
                out[word] = _ids(blob, checksum)
        return out
