from __future__ import annotations

from pathlib import Path

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, RootOption, handles_errors
from factcheck.cli.quick import extracted


@handles_errors
def extract_command(
    paths: list[str] = typer.Argument(
        None, help="Sources in seeds/ (default: every source without claims yet).", autocompletion=complete.source_names
    ),
    root: Path = RootOption,
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Print what would be added; write nothing."),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text for people, json for tools."),
) -> None:
    """Propose claims for every figure, date, role and attributed statement in sources.

    Proposals are written with `status: proposed` into the source's claims file, beside (never over)
    what is there; new entities, aliases and manifest entries are proposed too. Running it again
    adds nothing. Review them with `factcheck review`.
    """
    extracted(root, paths or [], dry_run=dry_run, text=format is ListFormat.text)
