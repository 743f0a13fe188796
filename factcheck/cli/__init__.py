"""The command line: a thin typer layer over the library. Each command parses its options,
calls one library function and renders the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import typer
from typer.core import TyperGroup

from factcheck.cli.add import add_command, sources_app
from factcheck.cli.export import export_command
from factcheck.cli.extract import extract_command
from factcheck.cli.init import init_command
from factcheck.cli.parse import parse_command
from factcheck.cli.rename import rename_command
from factcheck.cli.report import report_command
from factcheck.cli.review import resolve_command, review_command
from factcheck.cli.search import search_command
from factcheck.cli.show import anchor_command, show_command
from factcheck.cli.timeline import timeline_command
from factcheck.cli.verify import verify_command
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


def _version(show: bool) -> None:
    if show:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
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


app.command("init")(init_command)
app.command("verify")(verify_command)
app.command("search")(search_command)
app.command("report")(report_command)
app.command("show")(show_command)
app.add_typer(sources_app, name="sources")
app.command("anchor")(anchor_command)
app.command("parse")(parse_command)
app.command("extract")(extract_command)
app.command("review")(review_command)
app.command("resolve")(resolve_command)
app.command("rename")(rename_command)
app.command("add")(add_command)
app.command("timeline")(timeline_command)
app.command("export")(export_command)


def main() -> None:
    app()
