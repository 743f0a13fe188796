"""The global options of the command running now (--debug, --quiet), readable from any layer.

The CLI's callback sets them afresh on every invocation; the display reads them, so neither has
to import the other.
"""

from __future__ import annotations

import contextvars
import os

# The global options of the invocation running now. The app's callback sets them afresh on
# every invocation, so one run's --debug never leaks into the next (as in a test session).
GLOBAL_OPTIONS: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "factcheck_options", default=frozenset()
)


def flag(name: str) -> bool:
    """A global option (--debug, --quiet) given to this invocation, or set as FACTCHECK_<NAME>=1."""
    if name in GLOBAL_OPTIONS.get():
        return True
    return os.environ.get(f"FACTCHECK_{name.upper()}", "") not in ("", "0")


# The project folder given before the command (`factcheck --root DIR verify`); a command's own
# --root wins over it, and with neither the current folder is the project.
GLOBAL_ROOT: contextvars.ContextVar[str | None] = contextvars.ContextVar("factcheck_root", default=None)


def stdout_gone() -> None:
    """The reader of stdout went away: send what is still buffered nowhere, so that flushing at
    exit raises no second error (as Python's documentation advises for SIGPIPE)."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (a test runner)
        pass
