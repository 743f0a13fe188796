"""The command line: a thin typer layer over the library. Each command parses its options,
calls one library function and renders the result."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import typer
from typer.core import TyperGroup

from factcheck.invocation import GLOBAL_OPTIONS, GLOBAL_ROOT

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


# Each command: where its function (or, for a group of commands, its typer app) is defined, in the
# order help lists them. A run imports only the module of the command it runs (see main).
COMMANDS = {
    "init": ("factcheck.cli.init", "init_command"),
    "verify": ("factcheck.cli.verify", "verify_command"),
    "search": ("factcheck.cli.search", "search_command"),
    "report": ("factcheck.cli.report", "report_command"),
    "show": ("factcheck.cli.show", "show_command"),
    "sources": ("factcheck.cli.add", "sources_app"),
    "anchor": ("factcheck.cli.show", "anchor_command"),
    "parse": ("factcheck.cli.parse", "parse_command"),
    "extract": ("factcheck.cli.extract", "extract_command"),
    "review": ("factcheck.cli.review", "review_command"),
    "resolve": ("factcheck.cli.review", "resolve_command"),
    "rename": ("factcheck.cli.rename", "rename_command"),
    "add": ("factcheck.cli.add", "add_command"),
    "timeline": ("factcheck.cli.timeline", "timeline_command"),
    "export": ("factcheck.cli.export", "export_command"),
}
GLOBAL_VALUES = ("--root", "-r")  # the global options that take a value


def build_app(only: str | None = None) -> typer.Typer:
    """The typer app with every command, or with only the command `only` (what a run of that
    command needs: the others' modules are not imported nor their options built)."""
    app = typer.Typer(
        name="factcheck",
        cls=FactcheckGroup,
        help="Check what your sources say against each other, offline. "
        "Exit status: 0 clean, 1 discrepancies to look at (search: nothing matched), 2 bad input.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # click's help: paragraphs rewrapped to the terminal, never broken mid-sentence
    )
    app.callback()(_options)
    for name, (module, attribute) in COMMANDS.items():
        if only is None or name == only:
            command = getattr(importlib.import_module(module), attribute)
            if isinstance(command, typer.Typer):
                app.add_typer(command, name=name)
            else:
                app.command(name)(command)
    return app


def _version(show: bool) -> None:
    if show:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


def _options(
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


def command_named(args: Sequence[str]) -> str | None:
    """The command a command line runs, when it names one of ours before anything that needs every
    command (`--help` or `--version` before it, shell completion); None otherwise."""
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in GLOBAL_VALUES:
            skip = True
        elif arg == "--" or arg in ("--help", "--version"):
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str) -> Any:
    """`app`, every command registered, built when first asked for (the tests' CliRunner uses it)."""
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    build_app(command_named(sys.argv[1:]))()
