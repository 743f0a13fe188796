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

from factcheck.errors import FactcheckError, ProjectError

LOCK_FILE = ".factcheck/write.lock"
LOCK_WAIT = 10.0  # seconds to wait for another writer before giving up


def write_atomic(file: Path, content: str | bytes) -> None:
    """Replace file with content (text is written as UTF-8) in one step: a reader sees the old
    content or the new, never a mix."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
            sweep_debris(root)
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


DEBRIS_AGE = 60.0  # seconds: a temporary file this old was left by a writer that was killed


def sweep_debris(root: Path) -> None:
    """Remove temporary files that killed writers left in seeds/ and claims/ (the old files they
    were replacing are intact). Called under the write lock, so no live writer's file is touched."""
    import time

    now = time.time()
    for folder in (root / "seeds", root / "claims"):
        for tmp in folder.glob(".*.tmp") if folder.is_dir() else ():
            try:
                if now - tmp.stat().st_mtime > DEBRIS_AGE and not tmp.is_symlink():
                    tmp.unlink()
            except OSError:
                pass


def check_inside(root: Path, path: Path, display: str) -> None:
    """Refuse a path that leads outside the project (through a symbolic link, say): factcheck never
    reads or writes anything outside the project root."""
    try:
        real = path.resolve()
        inside = real.is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        raise ProjectError("is a symbolic link that cannot be followed", path=display,
                           hint="replace it with the file itself") from None  # fmt: skip
    if not inside:
        raise ProjectError(
            f"leads outside the project (to {real})", path=display,
            hint="copy the file into the project instead of linking to it",
        )  # fmt: skip


def read_bounded(
    file: Path, display: str, limit: int, error: type[FactcheckError], *, what: str, too_big: str, unreadable: str
) -> bytes:
    """A file's bytes, refused with `error` (naming the file) when it is over `limit` bytes — checked
    before reading and again while reading, in case it grows — or cannot be read."""
    try:
        size = file.stat().st_size
        if size > limit:
            raise error(f"file is {size:,} bytes, over the {limit:,}-byte limit for {what}", path=display,
                        hint=too_big)  # fmt: skip
        with file.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=display, hint=unreadable) from None
    if len(raw) > limit:
        raise error(f"file is over the {limit:,}-byte limit for {what}", path=display, hint=too_big)
    return raw
