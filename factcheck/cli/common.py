"""What every command shares: --root, --format, and turning library errors into one stderr line."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import click
import typer
from typer.core import TyperGroup

from factcheck.cli.quick import progress as progress  # the commands' bar: typer-free, the quick path's too
from factcheck.errors import ExitStatus, FactcheckError
from factcheck.invocation import GLOBAL_OPTIONS, GLOBAL_ROOT, flag, stdout_gone

F = TypeVar("F", bound=Callable[..., Any])


GLOBAL_FLAGS = ("--quiet", "--debug", "--version")


class FactcheckGroup(TyperGroup):
    """The top-level group: its flags (--quiet, --debug, --version) are taken wherever they stand
    on the command line before a `--`, so `factcheck verify --quiet` means `factcheck --quiet verify`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        end = args.index("--") if "--" in args else len(args)
        hoisted = [a for a in args[:end] if a in GLOBAL_FLAGS]
        rest = [a for a in args[:end] if a not in GLOBAL_FLAGS]
        return super().parse_args(ctx, hoisted + rest + args[end:])

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """A mistyped command is suggested once: click from 8.2 suggests on its own (NoSuchCommand),
        and typer's suggestion would repeat it."""
        if hasattr(click.exceptions, "NoSuchCommand"):
            return click.Group.resolve_command(self, ctx, args)
        return super().resolve_command(ctx, args)


def _version(show: bool) -> None:
    if show:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


def global_options(
    root: Path = typer.Option(
        None,
        "--root",
        "-r",
        help="Project folder holding seeds/ and claims/ (default: the current folder).",
        file_okay=False,
    ),  # fmt: skip
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an error (for bug reports)."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bars or notes on stderr; errors still show."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Global options, before or after the command."""
    GLOBAL_OPTIONS.set(frozenset(name for name, on in (("debug", debug), ("quiet", quiet)) if on))
    GLOBAL_ROOT.set(str(root) if root is not None else None)




def project_root(value: Path | None) -> Path:
    """A command's --root, else the one given before the command, else the current folder."""
    if value is not None:
        return value
    return Path(GLOBAL_ROOT.get() or ".")


RootOption = typer.Option(
    None, "--root", "-r", help="Project folder holding seeds/ and claims/ (before or after the command).",
    show_default=".", file_okay=False, callback=project_root,
)  # fmt: skip


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def debug_enabled() -> bool:
    return flag("debug")


# The exit status a command has settled on before it prints its result: a reader that stops
# reading early (`factcheck verify | head -1`) must not change it.
PLANNED_STATUS: contextvars.ContextVar[int] = contextvars.ContextVar("factcheck_planned_status", default=0)


def exits_with(status: int) -> None:
    """Say the status this command will exit with, before printing (see PLANNED_STATUS)."""
    PLANNED_STATUS.set(int(status))


def _flush_stdout() -> None:
    import sys

    sys.stdout.flush()


def handles_errors(func: F) -> F:
    """Run a command; a FactcheckError becomes one line on stderr and exit status 2. A closed pipe
    on stdout ends the command quietly with the status it had settled on (0 unless it said)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        PLANNED_STATUS.set(0)
        try:
            check_arguments(kwargs)
            result = func(*args, **kwargs)
            _flush_stdout()
            return result
        except BrokenPipeError:
            stdout_gone()
            raise typer.Exit(PLANNED_STATUS.get()) from None
        except FactcheckError as exc:
            if debug_enabled():
                raise
            from factcheck import console  # rich is imported only when there is something to draw

            console.error(str(exc))
            raise typer.Exit(ExitStatus.BAD_INPUT) from None
        except typer.Exit:
            try:
                _flush_stdout()
            except BrokenPipeError:
                stdout_gone()
            raise
        except (typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so in one line, traceback only with --debug
            if debug_enabled():
                raise
            from factcheck import console

            console.error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)")
            raise typer.Exit(ExitStatus.BAD_INPUT) from None

    return wrapper  # type: ignore[return-value]


def check_arguments(values: dict[str, Any]) -> None:
    """Refuse text arguments that are not UTF-8: Python keeps such bytes as lone surrogates, which no
    file can hold. Paths are left alone (a file's name may be any bytes)."""
    import click

    ctx = click.get_current_context(silent=True)
    options = {p.name: (p.opts[0] if p.opts else p.name) for p in ctx.command.params} if ctx else {}
    for name, value in values.items():
        for text in value if isinstance(value, (list, tuple)) else [value]:
            if type(text) is not str:
                continue
            bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
            if bad is not None:
                byte = ord(text[bad]) - 0xDC00
                shown = f"byte 0x{byte:02x}" if 0x80 <= byte <= 0xFF else f"character U+{ord(text[bad]):04X}"
                option = options.get(name, name)
                option = option if option.startswith("-") else option.upper()
                raise FactcheckError(f"{option} is not UTF-8 text ({shown} at position {bad + 1})",
                                     hint="retype it in a UTF-8 terminal (e.g. LANG=C.UTF-8), or pass it as UTF-8")  # fmt: skip


def emit(text: str, output: Path | None) -> None:
    """Write a rendered result to stdout, or atomically to a file."""
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from factcheck import console
    from factcheck.files import write_atomic

    if output.is_dir():
        raise FactcheckError("is a folder", path=str(output), hint="give a file name, e.g. report.html")
    if not output.parent.is_dir():
        raise FactcheckError(f"the folder {output.parent} does not exist", path=str(output),
                             hint="create it first, or write somewhere else")  # fmt: skip
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise FactcheckError(f"cannot write: {exc.strerror}", path=str(output),
                             hint="check the folder exists and you may write to it") from None  # fmt: skip
    console.note(f"wrote {output}")


JobsOption = typer.Option(
    None, "--jobs", "-j", min=1,
    help="Processes for checking claims files (default: one per core when many files changed).",
)  # fmt: skip
NoCacheOption = typer.Option(
    False, "--no-cache", help="Work everything out afresh, without reading or writing .factcheck/cache.sqlite."
)
