from __future__ import annotations

import json
from pathlib import Path

import typer

from factcheck.cli.common import ListFormat, RootOption, handles_errors


@handles_errors
def timeline_command(
    subject: str = typer.Argument(..., help="Who or what: an entity's name, alias or id."),
    property: str = typer.Argument(None, help="What is measured, e.g. 'unallocated cases' (default: every figure)."),
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text (a chart) or json (a table)."),
) -> None:
    """The values of one quantity over time, across sources, as a chart."""
    from factcheck import console
    from factcheck.actions.timeline import timeline
    from factcheck.project import Project

    found = timeline(Project.at(root), subject, property)
    if format is ListFormat.json:
        typer.echo(json.dumps([t.to_dict() for t in found], indent=2, ensure_ascii=False))
    else:
        console.print_timelines(found)
