"""The cache of derived data: one SQLite file under the project, `.factcheck/cache.sqlite`.

What it keeps, each under a key made of the hashes of everything it was derived from:
- blobs: small derived values, one of each kind: what was learnt of each file (its size, mtime
  and inode with its sha256, so an unchanged file is not read again; see sources.Seen), the
  entities file's parse, and what was found of every source (while seeds/ is as it was);
- units: one row per claims file (its claims, anchors, normalized values and problems);
- groups, questions and compared: which claims files hold claims of each comparison group, the
  pairs judged, one row per question (subject and property: its claims, the verdict of each pair,
  the pairs spelled out; and what verify shows of it, as JSON: pipeline/shown.py) with the files
  of its claims, and which unit keys they were judged on, so that editing one file judges again
  only the pairs it takes part in, and a run shows the questions that did not change as kept;
- the search index (actions/search_index.py): what search shows of each claim and which claims hold each word.

Nothing in it is a source of truth: deleting the file changes no result. A cache made by other
code (another factcheck version or a changed install), one SQLite cannot read, or a row that
fails its checksum or is not in the cache's format is thrown away and worked out again, never an
error. Values are stored as data, never code: JSON that can name only factcheck's own plain value
types (cache_format.py), so a crafted cache (in a project shared as a zip, say) can at worst make
factcheck work things out again, never run anything.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CACHE_DIR = ".factcheck"
CACHE_FILE = "cache.sqlite"
SCHEMA = 8  # 2: rows are JSON (cache_format.py), no longer pickles; 3: the search index of words, not trigrams;
# 4: questions, not pairs; 5: what is shown of each question beside it; 6: the search index keeps a file's claims
# in one row; 7: what was shown is kept in parts; 8: what was shown is kept as an index and the JSON apart
# the indexes of the tables a cold run fills afresh (Cache.indexes_after), as _TABLES makes them
_REFILLED_INDEXES = {"groups_by_key": "groups (gkey)", "groups_by_file": "groups (file)",
                     "question_files_by_key": "question_files (qkey)", "question_files_by_file": "question_files (file)"}
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (kind TEXT, key TEXT, checksum TEXT, data BLOB, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS units (
    file TEXT PRIMARY KEY, key TEXT, sources TEXT, ids TEXT, checksum TEXT, data BLOB, pchecksum TEXT, problems BLOB);
CREATE TABLE IF NOT EXISTS groups (gkey TEXT, file TEXT);
CREATE INDEX IF NOT EXISTS groups_by_key ON groups (gkey);
CREATE INDEX IF NOT EXISTS groups_by_file ON groups (file);
CREATE TABLE IF NOT EXISTS questions (qkey TEXT PRIMARY KEY, checksum TEXT, data BLOB, shown BLOB, finding BLOB);
CREATE TABLE IF NOT EXISTS question_files (qkey TEXT, file TEXT);
CREATE INDEX IF NOT EXISTS question_files_by_key ON question_files (qkey);
CREATE INDEX IF NOT EXISTS question_files_by_file ON question_files (file);
CREATE TABLE IF NOT EXISTS compared (file TEXT PRIMARY KEY, key TEXT);
CREATE TABLE IF NOT EXISTS shown (key TEXT, base TEXT, parts TEXT, files TEXT, hchecksum TEXT, head BLOB);
CREATE TABLE IF NOT EXISTS shown_parts (checksum TEXT PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS search_state (key TEXT);
CREATE TABLE IF NOT EXISTS search_files (file TEXT PRIMARY KEY, key TEXT, first INTEGER, n INTEGER);
CREATE TABLE IF NOT EXISTS search_texts (file TEXT PRIMARY KEY, texts TEXT, tchecksum TEXT);
CREATE TABLE IF NOT EXISTS search_claims (
    rowid INTEGER PRIMARY KEY, file TEXT, id TEXT, source TEXT, subject TEXT, kind TEXT, status TEXT, name TEXT);
CREATE TABLE IF NOT EXISTS search_words (word TEXT PRIMARY KEY, rows BLOB, checksum TEXT);
CREATE TABLE IF NOT EXISTS search_vocabulary (words TEXT, checksum TEXT);
"""


class CacheCorrupt(Exception):
    """The cache cannot be trusted; the caller throws it away and works without it."""


def code_key() -> str:
    """A hash of factcheck's own code: results derived by other code are never reused. Worked out on
    every run (a search's among them), so with one scandir a folder rather than pathlib's walk."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the whole package, not just pipeline/
    names, folders = [], [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(package, folder)) as listing:
            for entry in listing:
                if entry.is_dir():
                    folders.append(f"{folder}{entry.name}/")
                elif entry.name.endswith(".py"):
                    names.append(f"{folder}{entry.name}")
    digest = hashlib.sha256(str(SCHEMA).encode())
    for name in sorted(names):
        with open(os.path.join(package, name), "rb") as file:
            digest.update(name.encode("utf-8", "surrogatepass") + b"\x00" + file.read())
    return digest.hexdigest()


def digest(*parts: object) -> str:
    """A key from parts (strings, numbers, None, and tuples or lists of them)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode() + b"\x00")
    return h.hexdigest()


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def _text(blob: bytes) -> str:
    try:
        return blob.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        raise CacheCorrupt(str(exc)) from None


def _checksum(*blobs: bytes) -> str:
    h = hashlib.sha256()
    for blob in blobs:
        h.update(len(blob).to_bytes(8, "little") + blob)
    return h.hexdigest()


def _dump(value: Any) -> bytes:
    from factcheck.pipeline import cache_format  # with the value classes: not for a search's own tables

    try:
        return cache_format.dumps(value)
    except TypeError as exc:  # a value of a type the format does not know: not kept, worked out each run
        raise CacheCorrupt(str(exc)) from exc


def _load(blob: bytes, checksum: str, *others: bytes) -> Any:
    if not isinstance(blob, bytes) or not isinstance(checksum, str) or _checksum(blob, *others) != checksum:
        raise CacheCorrupt("a row fails its checksum")
    from factcheck.pipeline import cache_format

    try:
        return cache_format.loads(blob)
    except cache_format.CacheFormatError as exc:
        raise CacheCorrupt(str(exc)) from None


def _expect(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise CacheCorrupt(f"a row holds a {type(value).__name__}, not a {kind.__name__}")
    return value


def _unit_class() -> type:
    from factcheck.pipeline.unit import Unit

    return Unit


class Cache:
    """An open cache. Use `open_cache(root)`; every method raises CacheCorrupt when the file cannot
    be trusted. Writes are collected in one transaction and committed by `commit()`."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db
        self._parts_read: dict[str, str] = {}  # each part of what was shown read in this run → its checksum

    # -- blobs -------------------------------------------------------------------------------------

    def get(self, kind: str, key: str) -> Any | None:
        """The value kept under kind and key; None when there is none, or it is damaged (then it is
        worked out again and kept afresh)."""
        row = self._one("SELECT checksum, data FROM blobs WHERE kind = ? AND key = ?", (kind, key))
        if row is None:
            return None
        try:
            return _load(row[1], row[0])
        except CacheCorrupt:
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        blob = _dump(value)
        self._write("DELETE FROM blobs WHERE kind = ?", [(kind,)])
        self._write("INSERT INTO blobs VALUES (?, ?, ?, ?)", [(kind, key, _checksum(blob), blob)])

    def kept(self, kind: str, key: str | None, make: Callable[[], Any], expect: type = object) -> Any:
        """The value kept under kind and key, or make() kept there now; key None: not to be trusted
        (a file changed too recently), so make() is used and nothing is kept. A kept value that is
        not an `expect` is not trusted either."""
        found = self.get(kind, key) if key is not None else None
        if not isinstance(found, expect):
            found = None
        if found is None:
            found = make()
            if key is not None:
                self.put(kind, key, found)
        return found

    # -- units: one claims file's derived data ----------------------------------------------------

    def unit_keys(self) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """file → (key, the sources its claims cite, its claim ids)."""
        rows = self._rows("SELECT file, key, sources, ids FROM units")
        return {f: (k, _lines(s), _lines(ids)) for f, k, s, ids in rows}

    def unit_ids(self, files: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """file → its claim ids, for those of files that have a unit."""
        return {f: _lines(ids) for f, ids in self._select_in("SELECT file, ids FROM units WHERE file IN ({})", files)}

    def unit_problems(self, files: Iterable[str]) -> dict[str, Any]:
        """The problems of the units of files that have any."""
        return {
            file: _expect(_load(problems, checksum), tuple)
            for file, checksum, problems in self._select_in(
                "SELECT file, pchecksum, problems FROM units WHERE problems IS NOT NULL AND file IN ({})", files
            )
        }

    def units(self, files: Iterable[str], keys: dict[str, str]) -> dict[str, Any]:
        """The stored units of files, each checked against its checksum and the key expected of it."""
        out = {}
        for file, key, checksum, data in self._select_in(
            "SELECT file, key, checksum, data FROM units WHERE file IN ({})", files
        ):
            if keys.get(file) == key:
                out[file] = _expect(_load(data, checksum), _unit_class())
        return out

    def put_unit(self, file: str, key: str, sources: Iterable[str], ids: Iterable[str], unit: Any,
                 problems: tuple[Any, ...], row: bytes | None = None) -> None:  # fmt: skip
        """Keep a unit (`row` is the unit already encoded, when it came from another process)."""
        data = row or _dump(unit)
        probs = _dump(problems) if problems else None
        self._write(
            "INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(file, key, "\n".join(sources), "\n".join(ids), _checksum(data), data,
              _checksum(probs) if probs else None, probs)],
        )  # fmt: skip

    def drop_units(self, files: Iterable[str]) -> None:
        self._write("DELETE FROM units WHERE file = ?", [(f,) for f in files])

    # -- comparison state -------------------------------------------------------------------------

    def compared(self) -> dict[str, str]:
        return dict(self._rows("SELECT file, key FROM compared"))

    def files_in_groups(self, gkeys: Iterable[str]) -> set[str]:
        return {f for (f,) in self._select_in("SELECT DISTINCT file FROM groups WHERE gkey IN ({})", gkeys)}

    def questions(self) -> list[Any]:
        """Every question kept, as shown (pipeline.shown.Judged), in key order. Each row's checksums
        are checked now; a question itself is decoded only when asked for."""
        from factcheck.pipeline.shown import Judged

        out = []
        for key, checksum, data, shown, finding in self._rows(
            "SELECT qkey, checksum, data, shown, finding FROM questions ORDER BY qkey"
        ):
            if not isinstance(shown, bytes) or not isinstance(finding, bytes) or not isinstance(data, bytes):
                raise CacheCorrupt("a question row that is not of the expected shape")
            if _checksum(data, shown, finding) != checksum:
                raise CacheCorrupt("a row fails its checksum")
            out.append(Judged(key, _text(shown), _text(finding), functools.partial(self._question, data)))
        return out

    def questions_by_key(self, keys: Iterable[str]) -> dict[str, Any]:
        out = {}
        for key, checksum, data, shown, finding in self._select_in(
            "SELECT qkey, checksum, data, shown, finding FROM questions WHERE qkey IN ({})", keys
        ):
            from factcheck.models import Question

            out[key] = _expect(_load(data, checksum, shown, finding), Question)
        return out

    def shown(self) -> tuple[str, str, tuple[str, list[str]]] | None:
        """What the last run showed (pipeline/shown.py): (the key of what it was shown from, the key of
        the mode and reviews it was shown with, its two texts)."""
        row = self._one("SELECT key, base, parts FROM shown")
        if row is None:
            return None
        key, base, parts = row
        if not isinstance(key, str) or not isinstance(base, str):
            raise CacheCorrupt("a row fails its checksum")
        return key, base, self._texts(parts, remember=True)

    def keep_shown(self, key: str, base: str, texts: tuple[list[str], list[str]]) -> None:
        """Keep what a run showed: its index and its bodies, each in the parts given (Shown.parts, cut
        where their content says): a run that changed a few questions writes only the few parts they
        are in, not the whole text again (tens of megabytes in a large registry)."""
        old = self._one("SELECT parts FROM shown")
        before = set(old[0].split("\n")) - {PARTS_APART} if old and isinstance(old[0], str) and old[0] else set()
        known, sums, rows = self._parts_read, [], []
        for parts, header in zip(texts, (True, False), strict=True):
            for part in parts:
                checksum = known.get(part)  # a part read in this run is not encoded and summed again
                if checksum is None:
                    blob = part.encode("utf-8", "surrogatepass")
                    checksum = _checksum(blob)
                    rows.append((checksum, blob))
                sums.append(checksum)
            if header:
                sums.append(PARTS_APART)
        self._write("INSERT OR IGNORE INTO shown_parts VALUES (?, ?)", [r for r in rows if r[0] not in before])
        self._write("DELETE FROM shown_parts WHERE checksum = ?", [(c,) for c in before - set(sums)])
        self._write("DELETE FROM shown", [()])
        self._write("INSERT INTO shown VALUES (?, ?, ?, NULL, NULL, NULL)", [(key, base, "\n".join(sums))])

    def rekey_shown(self, key: str) -> None:
        """What is shown kept as it is, as shown from key (the units changed, their claims did not)."""
        self._write("UPDATE shown SET key = ?, files = NULL, hchecksum = NULL, head = NULL", [(key,)])

    def keep_snapshot(self, files: str, head: Any) -> None:
        """Mark what is shown as the result of a run on files (a key of every file's stat), with the
        rest of that result (`head`)."""
        blob = _dump(head)
        self._write("UPDATE shown SET files = ?, hchecksum = ?, head = ?", [(files, _checksum(blob), blob)])

    def snapshot(self, files: str) -> tuple[Any, tuple[str, list[str]]] | None:
        """The head and what was shown of the run on files, when it is the last one kept."""
        row = self._one("SELECT parts, hchecksum, head FROM shown WHERE files = ?", (files,))
        if row is None:
            return None
        parts, hchecksum, head = row
        return _load(head, hchecksum), self._texts(parts)

    def _texts(self, parts: Any, remember: bool = False) -> tuple[str, list[str]]:
        """The index kept in parts, and the parts of the bodies (keep_shown)."""
        if not isinstance(parts, str) or PARTS_APART not in parts.split("\n"):
            raise CacheCorrupt("a row fails its checksum")
        sums = parts.split("\n")
        apart = sums.index(PARTS_APART)
        return "".join(self._joined(sums[:apart], remember)), self._joined(sums[apart + 1 :], remember)

    def _joined(self, sums: list[str], remember: bool = False) -> list[str]:
        """The parts kept (their checksums), each checked; `remember`: each part's checksum is noted
        by its text, for keep_shown (a run that keeps what it shows)."""
        found: dict[str, bytes] = {}
        for checksum, data in self._select_in("SELECT checksum, data FROM shown_parts WHERE checksum IN ({})",
                                              list(dict.fromkeys(sums))):  # fmt: skip
            if not isinstance(data, bytes) or _checksum(data) != checksum:
                raise CacheCorrupt("a row fails its checksum")
            found[checksum] = data
        if not all(c in found for c in sums):
            raise CacheCorrupt("a part of what was shown is missing")
        texts = {c: _text(data) for c, data in found.items()}
        if remember:
            self._parts_read.update((t, c) for c, t in texts.items())
        return [texts[c] for c in sums]

    def question_reader(self) -> Callable[[str], Any]:
        """A question by key, read when asked for, after this run (None when the cache cannot give it):
        through a connection of its own, only for reading, opened on the first question asked for."""
        path = self.path
        db: list[sqlite3.Connection] = []

        def read(key: str) -> Any:
            from factcheck.models import Question

            try:
                if not db:
                    db.append(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10))
                row = db[0].execute("SELECT checksum, data, shown, finding FROM questions WHERE qkey = ?",
                                    (key,)).fetchone()  # fmt: skip
                if row is None:
                    return None
                checksum, data, shown, finding = row
                return _expect(_load(data, checksum, shown, finding), Question)
            except (sqlite3.Error, CacheCorrupt, AttributeError, ValueError):
                return None

        return read

    def questions_of(self, files: Iterable[str]) -> set[str]:
        """The keys of the questions with a claim from any of files."""
        return {k for (k,) in self._select_in("SELECT DISTINCT qkey FROM question_files WHERE file IN ({})", files)}

    def files_of_questions(self, keys: Iterable[str]) -> set[str]:
        return {f for (f,) in self._select_in("SELECT DISTINCT file FROM question_files WHERE qkey IN ({})", keys)}

    @staticmethod
    def question_of(data: bytes) -> Any:
        """A question from a row made now (in another process), not read from the file."""
        return Cache._question(data)

    @staticmethod
    def _question(data: bytes) -> Any:
        """A question from its row, whose checksum was checked when it was read."""
        from factcheck.models import Question
        from factcheck.pipeline import cache_format

        try:
            return _expect(cache_format.loads(data), Question)
        except cache_format.CacheFormatError as exc:
            raise CacheCorrupt(str(exc)) from None

    def replace_questions(self, keys: Iterable[str] | None, questions: Iterable[Any], file_of: dict[str, str]) -> None:
        """Drop the questions under keys (every one when None) and keep questions (each a
        pipeline.shown.Judged), each with the files its claims come from (`file_of`: claim id to file)."""
        if keys is None:
            self._write("DELETE FROM questions", [()])
            self._write("DELETE FROM question_files", [()])
        else:
            rows = [(k,) for k in keys]
            self._write("DELETE FROM questions WHERE qkey = ?", rows)
            self._write("DELETE FROM question_files WHERE qkey = ?", rows)
        kept: list[tuple[str, str, bytes, str, str]] = []
        files: list[tuple[str, str]] = []
        for j in questions:
            shown, finding = j.shown.encode("utf-8", "surrogatepass"), j.finding.encode("utf-8", "surrogatepass")
            if j.row is not None:  # encoded where it was judged
                kept.append((j.key, _checksum(j.row, shown, finding), j.row, shown, finding))
                files.extend((j.key, f) for f in j.files)
                continue
            q = j.question()
            blob = _dump(q)
            kept.append((q.key, _checksum(blob, shown, finding), blob, shown, finding))
            files.extend((q.key, f) for f in sorted({file_of[c.id] for c in q.claims if c.id in file_of}))
        self._write("INSERT INTO questions VALUES (?, ?, ?, ?, ?)", kept)
        self._write("INSERT INTO question_files VALUES (?, ?)", files)

    def forget_comparisons(self, files: Iterable[str] | None = None) -> None:
        """Drop the groups and compared keys of files (of every file when None)."""
        if files is None:
            for table in ("groups", "compared"):
                self._write(f"DELETE FROM {table}", [()])
            return
        rows = [(f,) for f in files]
        self._write("DELETE FROM groups WHERE file = ?", rows)
        self._write("DELETE FROM compared WHERE file = ?", rows)

    @contextmanager
    def indexes_after(self, *tables: str) -> Iterator[None]:
        """For a run that fills tables afresh (groups, question_files): their indexes are dropped
        before and made again after the rows are in. Sorting each index's keys once costs about half
        of keeping it in order row by row (at 10,000 dense sources, 140,000 comparison keys and 80,000
        files of questions). In the run's transaction: a run that stops halfway leaves them as they were."""
        indexes = {name: on for name, on in _REFILLED_INDEXES.items() if on.split(" ")[0] in tables}
        with _sqlite_errors():
            if not self.db.in_transaction:
                self.db.execute("BEGIN")
            for name in indexes:
                self.db.execute(f"DROP INDEX IF EXISTS {name}")
            yield
            for name, on in indexes.items():
                self.db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")

    def record_comparisons(self, groups: Iterable[tuple[str, str]], compared: Iterable[tuple[str, str]]) -> None:
        self._write("INSERT INTO groups VALUES (?, ?)", list(groups))
        self._write("INSERT OR REPLACE INTO compared VALUES (?, ?)", list(compared))

    # -- plumbing ---------------------------------------------------------------------------------

    def commit(self) -> None:
        try:
            self.db.commit()
        except sqlite3.OperationalError:
            self.db.rollback()  # locked by another run for too long: this run's results are not kept
        except sqlite3.DatabaseError as exc:
            raise CacheCorrupt(str(exc)) from exc

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query, for a store kept beside the cache's own (search_index.py)."""
        return self._rows(sql, params)

    def write(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """A write in this run's transaction, for a store kept beside the cache's own."""
        self._write(sql, rows)

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except (sqlite3.DatabaseError, ValueError) as exc:  # ValueError: text that is not UTF-8
            raise CacheCorrupt(str(exc)) from exc

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _select_in(self, sql: str, values: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        values = list(values)
        for start in range(0, len(values), 500):  # SQLite limits the number of parameters
            chunk = values[start : start + 500]
            yield from self._rows(sql.format(",".join("?" * len(chunk))), tuple(chunk))

    def _write(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        with _sqlite_errors():
            self.db.executemany(sql, rows)


@contextmanager
def _sqlite_errors() -> Iterator[None]:
    """SQLite's errors as the cache's own: another run holding the file is CacheBusy (that run
    works without the cache), anything else CacheCorrupt (the cache is thrown away and rebuilt)."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise CacheBusy(str(exc)) from exc
        raise CacheCorrupt(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise CacheCorrupt(str(exc)) from exc


PARTS_APART = "|"  # between the checksums of the parts of the two texts kept of what was shown (no checksum)


class CacheBusy(CacheCorrupt):
    """Another run holds the cache for writing; this run goes on without it."""


def cache_path(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


def remove_cache(root: Path) -> None:
    """Delete the cache file (and SQLite's journal files beside it)."""
    _settle()
    path = cache_path(root)
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass  # a read-only project: there is nothing it could be removed for; work goes on without it


@contextmanager
def open_cache(root: Path) -> Iterator[Cache]:
    """The project's cache, created when missing and rebuilt when it was made by other code or
    cannot be read. Raises CacheCorrupt when even a fresh one cannot be made (a read-only project)."""
    _settle()
    path = cache_path(root)
    code = code_key()
    db = None
    for attempt in (1, 2):
        try:
            path.parent.mkdir(exist_ok=True)
            if path.parent.is_symlink() or path.is_symlink():
                raise CacheCorrupt("the cache path is a link; it is not followed")
            db = _connect(path)
            if _made_by(db) != code:
                db.close()
                remove_cache(root)
                db = _connect(path)
                _create(db, code)
            break
        except (sqlite3.DatabaseError, OSError, ValueError) as exc:  # ValueError: text that is not UTF-8
            if db is not None:
                db.close()
                db = None
            if attempt == 2:
                raise CacheCorrupt(str(exc)) from exc
            remove_cache(root)  # not a database, or a damaged one: start again
    assert db is not None
    try:
        yield Cache(path, db)
    finally:
        _close(db, path)


CLOSE_APART_BYTES = 16 * 1024 * 1024  # a log this large is copied into the file in a thread (_close)
CLOSING = "factcheck: closing the cache"  # the name of such a thread


def _close(db: sqlite3.Connection, path: Path) -> None:
    """Copy SQLite's log into the file (a checkpoint, as SQLite would after a commit; see _connect)
    and close the cache. After a cold run of a large registry the log holds a few hundred
    megabytes, about a second's copying, which the run need not wait for: then it is done in a
    thread while the run writes its output. The process waits for the thread before it ends (it is
    not a daemon), and so does any later open or removal of a cache in this process (_settle)."""
    try:
        large = os.stat(f"{path}-wal").st_size > CLOSE_APART_BYTES
    except OSError:
        large = False
    if not large:
        _checkpoint_and_close(db)
        return
    import threading  # only here: a search never needs it

    threading.Thread(target=_checkpoint_and_close, args=(db,), name=CLOSING).start()


def _checkpoint_and_close(db: sqlite3.Connection) -> None:
    try:
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # what readers still use is copied by a later one
    except sqlite3.Error:
        pass  # another run holds the file: a later run copies the log
    finally:
        db.close()


def _settle() -> None:
    """Wait for the connections closing in threads (_close)."""
    threading = sys.modules.get("threading")  # not imported: no such thread was started
    if threading is not None:
        for thread in threading.enumerate():
            if thread.name == CLOSING:
                thread.join()


def _connect(path: Path) -> sqlite3.Connection:
    """The cache's file, opened for this run. Writes are handed to the operating system and not
    waited for on disk (synchronous=OFF): a cold run writes a few hundred megabytes, and waiting for
    them (at the checkpoint that copies the log into the file) took seconds. A run that stops halfway
    leaves the file as it was (the log's own checksums); only the machine itself stopping just after
    a run can damage it, and what is read from the cache is checked as always (a file SQLite cannot
    read is thrown away, a row that fails its checksum is worked out again). The log is copied into
    the file before the connection is closed (_close), not at each commit (wal_autocheckpoint=0);
    the connection may be closed by another thread."""
    db = sqlite3.connect(path, timeout=10, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA wal_autocheckpoint=0")
    return db


def _made_by(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'code'").fetchone()
    except sqlite3.OperationalError:
        return None  # a new, empty file
    return row[0] if row and isinstance(row[0], str) else None


def _create(db: sqlite3.Connection, code: str) -> None:
    db.executescript(_TABLES)
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("code", code)])
    db.commit()
