from __future__ import annotations

import json
from pathlib import Path

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, RootOption, handles_errors


@handles_errors
def show_command(
    claim_id: str = typer.Argument(
        ..., metavar="ID", help="The claim's id (or an unambiguous prefix).", autocompletion=complete.claim_ids
    ),
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """One claim: its quote in place, its value as read, and every verdict it is part of."""
    from factcheck import console
    from factcheck.actions.show import show_claim
    from factcheck.project import Project

    detail = show_claim(Project.at(root), claim_id)
    if format is ListFormat.json:
        typer.echo(json.dumps(detail.to_dict(), indent=2, ensure_ascii=False))
    else:
        console.print_claim(detail)


@handles_errors
def anchor_command(root: Path = RootOption) -> None:
    """Record where every quote sits (claims/anchors.json) so later source edits are reported."""
    from factcheck import console
    from factcheck.actions.show import record_anchors
    from factcheck.project import Project

    path, count = record_anchors(Project.at(root))
    console.note(f"recorded {count} anchors in {path}")
