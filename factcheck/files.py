"""Writing files safely: atomically (temporary file, fsync, rename) and under a project lock.

A killed process leaves either the old file or the new one, never half of each; two factcheck
processes writing the same project take turns instead of interleaving.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import FactcheckError, ProjectError

# A file changed within this long of being read may change again without its size or times showing
# it (a clock tick), so what was learnt of it is checked again next time (sources.Seen, the search index).
RECHECK_NS = 2_000_000_000
LOCK_FILE = ".factcheck/write.lock"
LOCK_WAIT = 10.0  # seconds to wait for another writer before giving up


def write_atomic(file: Path, content: str | bytes) -> None:
    """Replace file with content (text is written as UTF-8) in one step: a reader sees the old
    content or the new, never a mix."""
    import tempfile  # only when writing

    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file.stat().st_mode & 0o777 if file.exists() else 0o666 & ~_umask())
        os.replace(tmp, file)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no call that only reads it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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


READ_CHUNK = 1024 * 1024


def read_bounded(
    file: Path, display: str, limit: int, error: type[FactcheckError], *, what: str, too_big: str, unreadable: str,
    follow: bool = True,
) -> bytes:
    """A regular file's bytes, refused with `error` (naming the file) when it is not a regular file
    (a folder, a named pipe, a device: never opened for reading, so never waited on), when it is over
    `limit` bytes (checked before reading and while reading in chunks, in case it grows), or when it
    cannot be read. Not follow: a file that is a symbolic link is not opened (it became one after it
    was checked)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        # O_NONBLOCK: a named pipe put there between the check and the open does not hang the open
        fd = os.open(file, flags)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=display, hint=unreadable) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"is {file_kind(st.st_mode)}, not a regular file", path=display,
                        hint=f"{what} must be a regular file, not a folder, pipe or device")  # fmt: skip
        if st.st_size > limit:
            raise error(f"file is {st.st_size:,} bytes, over the {limit:,}-byte limit for {what}", path=display,
                        hint=too_big)  # fmt: skip
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=display, hint=unreadable) from None
    finally:
        os.close(fd)
    if total > limit:
        raise error(f"file is over the {limit:,}-byte limit for {what}", path=display, hint=too_big)
    return b"".join(chunks)


def file_kind(mode: int) -> str:
    """What a path that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"  # pragma: no cover


def check_regular(path: Path, display: str, error: type[FactcheckError], what: str) -> None:
    """Refuse a path that exists but is not a regular file (a folder, a pipe, a device)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing: the caller says what that means
    if not stat.S_ISREG(mode):
        raise error(f"is {file_kind(mode)}, not a regular file", path=display,
                    hint=f"{what} must be a regular file, not a folder, pipe or device")  # fmt: skip


def is_file_name(name: str) -> bool:
    """A bare file name inside seeds/: no folders, no parent, not absolute, not hidden."""
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".") and "\x00" not in name
