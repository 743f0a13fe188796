from __future__ import annotations

import json
from pathlib import Path

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, NoCacheOption, RootOption, handles_errors
from factcheck.errors import ExitStatus


@handles_errors
def search_command(
    query: str = typer.Argument(..., help="Words to look for: a figure, a name, part of a quote."),
    root: Path = RootOption,
    source: str = typer.Option(
        None,
        "--source",
        "-s",
        help="Only claims whose source file name contains this.",
        autocompletion=complete.source_names,
    ),
    subject: str = typer.Option(None, "--subject", help="Only claims about this subject (any alias)."),
    kind: str = typer.Option(
        None,
        "--kind",
        "-k",
        help="Only this kind: money, number, percent, rate, date, duration, time, role, text, statement.",
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many results at most."),
    rejected: bool = typer.Option(False, "--rejected", help="Include rejected claims (marked as such)."),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    no_cache: bool = NoCacheOption,
) -> None:
    """Fuzzy search over quotes, subjects, properties, values and sources.

    Exit status: 0 something matched, 1 nothing matched (as grep), 2 bad input.
    """
    from factcheck.actions.search import search
    from factcheck.project import Project

    hits = search(Project.at(root), query, source=source, subject=subject, kind=kind, limit=limit, cache=not no_cache,
                  rejected=rejected)  # fmt: skip
    if format is ListFormat.json:
        typer.echo(json.dumps([h.to_dict() for h in hits], indent=2, ensure_ascii=False))
    else:
        from factcheck import console  # rich, only when there is something to draw

        console.print_hits(hits)
    if not hits:
        raise typer.Exit(ExitStatus.NO_MATCH)
