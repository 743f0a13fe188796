"""What every command shares: --root, --format, and turning library errors into one stderr line."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import typer

from factcheck.errors import ExitStatus, FactcheckError
from factcheck.invocation import flag

F = TypeVar("F", bound=Callable[..., Any])

RootOption = typer.Option(
    Path("."), "--root", "-r", help="Project folder holding seeds/ and claims/.", show_default=True,
    file_okay=False,
)  # fmt: skip


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def debug_enabled() -> bool:
    return flag("debug")


def handles_errors(func: F) -> F:
    """Run a command; a FactcheckError becomes one line on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            if debug_enabled():
                raise
            from factcheck import console  # rich is imported only when there is something to draw

            console.error(str(exc))
            raise typer.Exit(ExitStatus.BAD_INPUT) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so in one line, traceback only with --debug
            if debug_enabled():
                raise
            from factcheck import console

            console.error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)")
            raise typer.Exit(ExitStatus.BAD_INPUT) from None

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: Path | None) -> None:
    """Write a rendered result to stdout, or atomically to a file."""
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from factcheck import console
    from factcheck.files import write_atomic

    write_atomic(output, text)
    console.note(f"wrote {output}")


JobsOption = typer.Option(
    None, "--jobs", "-j", min=1,
    help="Processes for checking claims files (default: one per core when many files changed).",
)  # fmt: skip
NoCacheOption = typer.Option(
    False, "--no-cache", help="Work everything out afresh, without reading or writing .factcheck/cache.sqlite."
)
