from __future__ import annotations

from pathlib import Path

import typer

from factcheck.cli.common import JobsOption, ListFormat, NoCacheOption, RootOption, exits_with, handles_errors
from factcheck.cli.quick import verified


@handles_errors
def verify_command(
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text for people, json for tools."),
    show_all: bool = typer.Option(False, "--all", help="List every pair judged: changed, rounding and corroborated too."),
    jobs: int = JobsOption,
    no_cache: bool = NoCacheOption,
) -> None:
    """Check every quote and value, and cross-check claims between sources.

    Exit status: 0 nothing needs attention, 1 a conflict, misattributed or altered quotation, or a
    possible discrepancy, 2 bad input.
    """
    status = verified(root, json_out=format is ListFormat.json, show_all=show_all, jobs=jobs, cache=not no_cache,
                      settle=exits_with)  # fmt: skip
    if status:
        raise typer.Exit(status)
