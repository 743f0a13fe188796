"""Writing files safely: atomically (temporary file, fsync, rename) and under a project lock.

A killed process leaves either the old file or the new one, never half of each; two factcheck
processes writing the same project take turns instead of interleaving.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import ProjectError

LOCK_FILE = ".factcheck/write.lock"
LOCK_WAIT = 10.0  # seconds to wait for another writer before giving up


def write_atomic(file: Path, text: str) -> None:
    """Replace file with text in one step: a reader sees the old content or the new, never a mix."""
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if file.exists():
            os.chmod(tmp, file.stat().st_mode & 0o777)
        os.replace(tmp, file)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def project_lock(root: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the project's write lock (an advisory lock on .factcheck/write.lock) for a block."""
    import time

    try:
        import fcntl
    except ImportError:  # not on POSIX: atomic writes still hold, concurrent writers are not kept apart
        yield
        return
    lock = root / LOCK_FILE
    lock.parent.mkdir(exist_ok=True)
    with open(lock, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ProjectError(
                        "another factcheck command is writing to this project", path=str(lock),
                        hint="wait for it to finish and try again",
                    ) from None  # fmt: skip
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
