"""A cold run's work in one process per core: checking the claims files, then judging the questions.

The processes are forked once for the run (each inherits its context) and kept until the questions
are judged, so a unit checked in one of them stays there:

1. Checking. Files go out in small chunks to whichever process is free. Each checks its files' units
   and keeps them, and sends back only what the main process keeps of each: its cache row (encoded
   there), the sources its claims cite, its claim ids, problems and comparison keys, and the
   question each of its values falls under.
2. Judging. The questions are shared out by what judging them costs, by their pairs and claims (the
   largest first, each to the process with the least work so far). Each process sends the others the values of their
   questions (pickled, through the main process), judges its own questions, and sends back each
   one's cache row and what is shown of it (pipeline/shown.py). The main process only keeps them and
   puts them in order.

A claim that can be judged only against every other claim (a proposed claim, paired by evidence; a
statement, paired by its words; a date counted from an event another claim dates) makes the
processes send their units back whole instead, to be judged in the main process as before.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from factcheck.models import Problem

if TYPE_CHECKING:  # multiprocessing is imported when processes are started: most runs start none
    from multiprocessing.connection import Connection

CHUNK = 20  # claims files a process checks at a time: small, so the processes end together
# chunks sent to a process before it answers: it starts the next while the main process keeps what
# it sent back of the last (with one, it waited for the main process between chunks)
AHEAD = 2
BATCH = 500  # questions sent back at a time


@dataclass(frozen=True)
class Checked:
    """What the main process keeps of a unit checked in another process."""

    file: str  # claims/<name>
    row: bytes | None  # its cache row; None when the cache cannot hold it (then `unit` is the unit)
    cited: tuple[str, ...]  # the sources its claims cite, sorted
    ids: tuple[str, ...]  # its claim ids as the cache keeps them (as `ids` gives them)
    problems: tuple[Problem, ...]
    groups: tuple[str, ...]  # its comparison keys (incremental.comparison_keys)
    questions: tuple[str, ...]  # the question key of each of its values
    whole: bool  # a value that can be judged only against every other claim
    unit: Any = None
    seen: Any = None  # the claims file's stat and sha256 (sources.load.Seen), learnt here; None: not learnt


@dataclass(frozen=True)
class JudgedRow:
    """A question judged in another process: its key, what is shown of it (shown.shown_row), its
    cache row (None when the cache cannot hold it) and the claims files its claims come from."""

    key: str
    shown: str
    finding: str
    row: bytes | None
    files: tuple[str, ...]


def fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class Workers:
    """Processes that check units and judge questions; use as a context manager."""

    def __init__(self, ctx: Any, jobs: int, checker: Callable[[Any], Callable[[Path], Any]],
                 ids: Callable[[Sequence[Any]], list[str]]) -> None:  # fmt: skip
        """`checker(ctx)` gives the function that checks a file's unit; `ids(claims)` its claim ids as
        the cache keeps them."""
        import multiprocessing

        mp = multiprocessing.get_context("fork")
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        for n in range(jobs):
            mine, theirs = mp.Pipe()
            proc = mp.Process(target=_serve, args=(theirs, checker, ids, ctx, n), daemon=True)
            proc.start()
            theirs.close()
            self.conns.append(mine)
            self.procs.append(proc)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for conn in self.conns:
            try:
                conn.send(("stop",))
            except OSError:
                pass
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def _recv(self, conn: Connection) -> Any:
        try:
            reply = conn.recv()
        except EOFError:
            raise RuntimeError("a process checking claims files ended unexpectedly") from None
        if reply[0] == "error":
            raise reply[1]
        return reply[1]

    def check(self, files: Sequence[Path], progress: Callable[[str, int], None] | None) -> Iterator[Checked]:
        """Every file's unit checked, in the order of files. An error checking a file is raised when
        its turn comes, as checking them in order would."""
        from multiprocessing.connection import wait

        chunks = [list(files[i : i + CHUNK]) for i in range(0, len(files), CHUNK)]
        todo = iter(range(len(chunks)))
        busy: dict[Connection, deque[int]] = {conn: deque() for conn in self.conns}  # chunks sent, in order
        done: dict[int, tuple[str, Any]] = {}

        def give(conn: Connection) -> None:
            n = next(todo, None)
            if n is not None:
                conn.send(("check", chunks[n]))
                busy[conn].append(n)

        for _ in range(AHEAD):
            for conn in self.conns:
                give(conn)
        for n, chunk in enumerate(chunks):
            while n not in done:
                for ready in wait([conn for conn, sent in busy.items() if sent]):
                    conn = cast("Connection", ready)  # wait() gives back the connections it was given
                    at = busy[conn].popleft()
                    try:
                        reply = conn.recv()
                    except EOFError:
                        raise RuntimeError("a process checking claims files ended unexpectedly") from None
                    done[at] = reply
                    give(conn)
            kind, payload = done.pop(n)
            if kind == "error":
                raise payload
            for file in chunk:
                if progress is not None:
                    progress(file.name, len(files))
            yield from payload

    def judge(self, counts: Counter[str], all_pairs: bool, reviewed: frozenset[str]) -> Iterator[list[JudgedRow]]:
        """Every question judged, shared out by `counts` (question key → its number of values): in
        batches as the processes send them (each in key order), so the main process keeps one
        while the others are made. Before the first, the main process is free (the questions are
        being judged): the generator yields an empty batch then."""
        from multiprocessing.connection import wait

        owner = _share(counts, len(self.conns))
        for conn in self.conns:
            conn.send(("share", owner))
        outgoing = [self._recv(conn) for conn in self.conns]  # outgoing[i][j]: from process i to j
        for j, conn in enumerate(self.conns):
            sent = [outgoing[i][j] for i in range(len(self.conns)) if j in outgoing[i]]
            conn.send(("judge", sent, all_pairs, reviewed))
        yield []
        busy = set(self.conns)
        while busy:
            for ready in wait(list(busy)):
                conn = cast("Connection", ready)  # wait() gives back the connections it was given
                try:
                    kind, payload = conn.recv()
                except EOFError:
                    raise RuntimeError("a process judging questions ended unexpectedly") from None
                if kind == "error":
                    raise payload
                if kind == "done":
                    busy.discard(conn)
                else:
                    yield payload

    def units(self) -> dict[str, Any]:
        """Every unit checked, whole, by file."""
        for conn in self.conns:
            conn.send(("units",))
        out: dict[str, Any] = {}
        for conn in self.conns:
            out.update(self._recv(conn))
        return out


# What judging a question costs, in pairs: each claim costs about as much as fifty pairs (its traits
# and change cues, how it is shown, its part of the question's row and finding), and each question
# about seventy (measured at 5,000 dense sources). Shared out by pairs alone, the process given more
# claims went on judging for seconds after the other had ended.
PER_CLAIM, PER_QUESTION = 50, 70


def _share(counts: Counter[str], jobs: int) -> dict[str, int]:
    """Question key → the process that judges it: by cost (its pairs, claims and itself), largest
    first, to the least loaded."""
    load = [0] * jobs
    owner: dict[str, int] = {}
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        at = load.index(min(load))
        owner[key] = at
        load[at] += n * (n - 1) // 2 + PER_CLAIM * n + PER_QUESTION
    return owner


def _serve(conn: Connection, checker: Callable[[Any], Callable[[Path], Any]], ids: Callable[[Sequence[Any]], list[str]], ctx: Any,
           me: int) -> None:  # fmt: skip
    """A worker process: answers the main process's requests until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process is interrupted, and stops this one
    # No cycle collection here: what this process makes (units, values, questions) lives until it
    # ends and forms no cycles, and walking it again and again cost a tenth of its time. The process
    # ends with os._exit, so nothing is freed object by object either.
    gc.disable()
    check = checker(ctx)
    units: dict[str, Any] = {}
    owner: dict[str, int] = {}
    while True:
        try:
            request = conn.recv()
        except EOFError:
            os._exit(0)
        try:
            if request[0] == "stop":  # at once: freeing a large process's objects one by one takes seconds
                os._exit(0)
            if request[0] == "check":
                reply: Any = [_checked(check(file), units, ids, file) for file in request[1]]
            elif request[0] == "share":
                owner = request[1]
                reply = _values_for(units, owner, me)
            elif request[0] == "judge":
                for batch in _judge(ctx, units, owner, me, request[1], request[2], request[3]):
                    conn.send(("batch", batch))
                reply = None
            else:
                reply = units
            conn.send(("done", reply))
        except BaseException as exc:  # raised in the main process, which stops the run
            try:
                conn.send(("error", exc))
            except Exception:  # an exception that cannot be pickled
                conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
            if not isinstance(exc, Exception):
                return


def _checked(unit: Any, units: dict[str, Any], ids: Callable[[Sequence[Any]], list[str]], file: Path) -> Checked:
    from factcheck.judge.events import names_an_event
    from factcheck.judge.quotes import is_quotation
    from factcheck.judge.verdicts import group_key
    from factcheck.pipeline import cache_format

    units[unit.file] = unit
    try:
        row: bytes | None = cache_format.dumps(unit)
    except TypeError:  # a value the cache's format cannot hold: the unit goes back whole
        row = None
    whole = any(cv.claim.status == "proposed" or is_quotation(cv) or names_an_event(cv) for cv in unit.values)
    return Checked(unit.file, row, tuple(sorted({c.source for c in unit.claims})), tuple(ids(unit.claims)),
                   unit.problems, unit.groups, tuple("|".join(group_key(cv)) for cv in unit.values), whole,
                   unit if row is None else None, _seen(file))  # fmt: skip


def _seen(file: Path) -> Any:
    """What the main process learns of a claims file for the cache (incremental.FileHashes), learnt
    here as it would learn it: its stat, then the sha256 of its bytes. None when it is not a regular
    file or cannot be read: the main process finds out why, as before."""
    import hashlib
    import stat
    import time

    from factcheck.sources.load import Seen

    try:
        st = os.stat(file)
        if not stat.S_ISREG(st.st_mode):
            return None
        with open(file, "rb") as handle:
            sha = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
    return Seen(st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, time.time_ns(), sha, "", None, False)


def _values_for(units: dict[str, Any], owner: dict[str, int], me: int) -> dict[int, bytes]:
    """This process's values of the questions other processes judge, pickled for each, with each
    value's line (of its anchor) and file."""
    from factcheck.judge.verdicts import group_key

    out: dict[int, list[Any]] = {}
    for unit in units.values():
        lines = {a.claim_id: a.line for a in unit.anchors}
        for cv in unit.values:
            to = owner["|".join(group_key(cv))]
            if to != me:
                out.setdefault(to, []).append((cv, lines.get(cv.claim.id), unit.file))
    return {to: pickle.dumps(items, pickle.HIGHEST_PROTOCOL) for to, items in out.items()}


def _judge(ctx: Any, units: dict[str, Any], owner: dict[str, int], me: int, received: list[bytes],
           all_pairs: bool, reviewed: frozenset[str]) -> Iterator[list[JudgedRow]]:  # fmt: skip
    """This process's questions judged (its own values of them and those the others sent), each with
    what is shown of it and its cache row."""
    from factcheck.judge.questions import judge_questions
    from factcheck.judge.verdicts import discrepancy_id, group_key
    from factcheck.pipeline import cache_format
    from factcheck.pipeline.shown import shown_row

    values = []
    lines: dict[str, int] = {}
    file_of: dict[str, str] = {}
    for unit in units.values():
        mine = [cv for cv in unit.values if owner["|".join(group_key(cv))] == me]
        if not mine:
            continue
        values.extend(mine)
        for a in unit.anchors:
            lines[a.claim_id] = a.line
        for cv in mine:
            file_of[cv.claim.id] = unit.file
    for sent in received:
        for cv, line, file in pickle.loads(sent):
            values.append(cv)
            if line is not None:
                lines[cv.claim.id] = line
            file_of[cv.claim.id] = file
    spell_out = None if not (all_pairs or reviewed) else (
        lambda a, b, v: all_pairs or discrepancy_id(a.claim.id, b.claim.id) in reviewed)  # fmt: skip
    found = judge_questions(values, ctx.entities, lines, ctx.glossary, spell_out)
    rows = []
    for key in sorted(found):
        q = found.pop(key)  # let go of as it is sent
        shown, finding = shown_row(q)
        try:
            row: bytes | None = cache_format.dumps(q)
        except TypeError:  # a value the cache's format cannot hold: the main process says so
            row = None
        files = tuple(sorted({file_of[c.id] for c in q.claims if c.id in file_of}))
        rows.append(JudgedRow(key, shown, finding, row, files))
        if len(rows) == BATCH:
            yield rows
            rows = []
    if rows:
        yield rows
