from __future__ import annotations

import sys
from pathlib import Path

import typer

from factcheck.cli.common import (
    JobsOption,
    ListFormat,
    NoCacheOption,
    RootOption,
    exits_with,
    handles_errors,
    progress,
)
from factcheck.errors import ExitStatus


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
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project
    from factcheck.report import write_json

    with progress("verifying", minimum=50) as advance:  # from 50 claims files to check up
        result = verify(Project.at(root), progress=advance, jobs=jobs, cache=not no_cache, all_pairs=show_all)
    status = (ExitStatus.BAD_INPUT if result.errors
              else ExitStatus.DISCREPANCIES if result.attention else ExitStatus.CLEAN)  # fmt: skip
    exits_with(status)
    if format is ListFormat.json:
        write_json(result, sys.stdout)
    else:
        from factcheck import console

        console.print_verification(result, show_all=show_all)
    if result.problems:  # rich is imported only when there is something to draw
        from factcheck import console

        console.print_problems(result)
    if status:
        raise typer.Exit(status)
