from __future__ import annotations

import json
from pathlib import Path

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, RootOption, handles_errors


@handles_errors
def add_command(
    source: str = typer.Argument(
        ..., help="The source's file name in seeds/ (or its path, seeds/NAME).", autocompletion=complete.source_names
    ),
    quote: str = typer.Option(..., "--quote", "-q", help="The passage, copied from the source."),
    subject: str = typer.Option(
        ..., "--subject", "-s", help="Who or what the claim is about (a new name becomes an entity)."
    ),
    property: str = typer.Option(..., "--property", "-p", help="What it measures or asserts, e.g. 'overspend'."),
    value: str = typer.Option(..., "--value", "-v", help="The value exactly as the quote writes it."),
    claim_id: str = typer.Option(None, "--id", help="The claim's id (made from the source and property if left out)."),
    kind: str = typer.Option(
        None, "--kind", help="money, number, percent, rate, date, duration, time, role, text or statement."
    ),
    as_of: str = typer.Option(None, "--as-of", help="The date the value holds at, as the source writes it."),
    period: str = typer.Option(None, "--period", help="The period the value covers, e.g. 2019/20."),
    note: str = typer.Option(None, "--note", help="A note for reviewers."),
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """Add a claim by hand. The quote is checked against the source, and the value against the
    quote, before anything is written; nothing is written if either check fails."""
    from factcheck import console
    from factcheck.actions.add import add_claim
    from factcheck.project import Project

    added = add_claim(Project.at(root), source, quote=quote, subject=subject, property=property, value=value, id=claim_id,
                      kind=kind, as_of=as_of, period=period, note=note)  # fmt: skip
    if added.duplicate:
        console.warning(f"the same claim is already in {added.file} as {added.id}; nothing written "
                        "(give --id to add it again on purpose)")  # fmt: skip
    if format is ListFormat.json:
        typer.echo(json.dumps(added.to_dict(), ensure_ascii=False))
        return
    if added.duplicate:
        return
    if added.new_subject:
        console.note(f"new subject '{added.new_subject}' added to claims/entities.yaml")
    if added.inferred_kind:
        console.note(f"kind: {added.inferred_kind} (the property reports speech; give --kind to choose another)")
    console.note(f"added {added.id} to {added.file} (quote found at seeds/{added.source} line {added.line})")


sources_app = typer.Typer(
    help="The sources: list them (the default), or add one with `factcheck sources add FILE`.",
    no_args_is_help=False,
)


@sources_app.callback(invoke_without_command=True)
@handles_errors
def sources_list(
    ctx: typer.Context,
    root: Path = RootOption,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """The sources, with publication dates (or ranges) and claim counts."""
    if ctx.invoked_subcommand is not None:
        import click

        from factcheck.invocation import GLOBAL_ROOT

        if ctx.get_parameter_source("root") is click.core.ParameterSource.COMMANDLINE:
            GLOBAL_ROOT.set(str(root))  # `sources --root DIR add FILE`: the project for add
        return
    from factcheck import console
    from factcheck.actions.show import list_sources
    from factcheck.project import Project

    rows = list_sources(Project.at(root))
    if format is ListFormat.json:
        data = [
            {"file": s.name, "title": s.title, "outlet": s.outlet, "author": s.author,
             "published": s.published.iso() if s.published else None, "evidence": list(s.evidence),
             "encoding": s.encoding, "claims": n, "sha256": s.sha256}
            for s, n in rows
        ]  # fmt: skip
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        console.print_sources(rows)


@sources_app.command("add")
@handles_errors
def sources_add(
    file: Path = typer.Argument(..., help="The text file to copy into seeds/.", dir_okay=False),
    title: str = typer.Option(None, "--title", "-t", help="The headline."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date: YYYY-MM-DD, or a range A..B."),
    outlet: str = typer.Option(None, "--outlet", help="Who published it."),
    url: str = typer.Option(None, "--url", help="Where it was published."),
    author: str = typer.Option(None, "--author", help="Who wrote it."),
    name: str = typer.Option(None, "--name", help="The name to store it under (default: the file's name)."),
    force: bool = typer.Option(False, "--force", help="Replace a title, date or other field the manifest already has."),
    root: Path = RootOption,
) -> None:
    """Copy a source into seeds/ byte for byte and record its title and date in the manifest.

    Run again on the same file, it fills in what the manifest lacks and says so; a field already
    there is replaced only with --force.
    """
    from factcheck import console
    from factcheck.actions.add import add_source
    from factcheck.project import Project

    added = add_source(Project.at(root), file, title=title, date=date, outlet=outlet, url=url, author=author, name=name,
                       force=force)  # fmt: skip
    extra = f", read as {added.encoding}" if added.encoding not in ("utf-8", "utf-8-sig") else ""
    if added.status == "unchanged":
        console.note(f"{added.path} is already in seeds/manifest.yaml; nothing changed")
    elif added.status == "updated":
        said = [f"{k} '{b}' -> '{a}'" if b is not None else f"{k} '{a}' added" for k, b, a in added.changes]
        console.note(f"updated {added.path} in seeds/manifest.yaml: {', '.join(said)}")
    else:
        console.note(f"added {added.path} to seeds/manifest.yaml{extra}")
    if not added.published:
        console.note(
            "no --date given: verify cannot place relative dates ('last year') in this source until it has one"
        )
