from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, RootOption, handles_errors


class RenameField(str, Enum):
    subject = "subject"
    property = "property"


@handles_errors
def rename_command(
    field: RenameField = typer.Argument(..., help="subject or property."),
    old: str = typer.Argument(..., help="The subject (any of its names) or property as it is now."),
    new: str = typer.Argument(..., help="What to write instead."),
    source: str = typer.Option(
        None, "--source", "-s", help="Only claims whose source file name contains this.",
        autocompletion=complete.source_names,
    ),  # fmt: skip
    subject: str = typer.Option(None, "--subject", help="Renaming a property: only claims about this subject."),
    property: str = typer.Option(None, "--property", help="Renaming a subject: only claims with this property."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; write nothing."),
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="The changes as text or json."),
) -> None:
    """Rename a subject or a property on every claim that has it, and nothing else.

    A subject moves its claims to another entity the registry knows (by any of its names); a new
    name renames the entity itself, which keeps the old name as an alias. Each change is shown.
    """
    from factcheck import console
    from factcheck.actions.rename import rename
    from factcheck.project import Project

    done = rename(Project.at(root), field.value, old, new, source=source, subject=subject, property=property,
                  dry_run=dry_run)  # fmt: skip
    if format is ListFormat.json:
        typer.echo(json.dumps(done.to_dict(), indent=2, ensure_ascii=False))
    else:
        console.print_renaming(done)
