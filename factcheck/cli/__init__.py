"""The command line: a thin typer layer over the library. Each command parses its options,
calls one library function and renders the result."""

from __future__ import annotations

import typer

from factcheck.cli.add import add_command, sources_app
from factcheck.cli.export import export_command
from factcheck.cli.extract import extract_command
from factcheck.cli.init import init_command
from factcheck.cli.parse import parse_command
from factcheck.cli.report import report_command
from factcheck.cli.review import resolve_command, review_command
from factcheck.cli.search import search_command
from factcheck.cli.show import anchor_command, show_command
from factcheck.cli.timeline import timeline_command
from factcheck.cli.verify import verify_command
from factcheck.invocation import GLOBAL_OPTIONS

app = typer.Typer(
    name="factcheck",
    help="Check what your sources say against each other, offline. "
    "Exit status: 0 clean, 1 discrepancies to look at, 2 bad input.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an error (for bug reports)."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bars or notes on stderr; errors still show."),
) -> None:
    GLOBAL_OPTIONS.set(frozenset(name for name, on in (("debug", debug), ("quiet", quiet)) if on))


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
app.command("add")(add_command)
app.command("timeline")(timeline_command)
app.command("export")(export_command)


def main() -> None:
    app()
