from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from factcheck.cli import complete
from factcheck.cli.common import ListFormat, RootOption, handles_errors


class DecisionChoice(str, Enum):
    confirmed = "confirmed"
    dismissed = "dismissed"
    conflict = "conflict"


@handles_errors
def review_command(
    ids: list[str] = typer.Argument(
        None,
        help="Claim or entity ids (or unambiguous prefixes), with --accept or --reject.",
        autocompletion=complete.proposed_ids,
    ),
    root: Path = RootOption,
    accept: bool = typer.Option(False, "--accept", help="Accept the proposed claims (or entities) named."),
    reject: bool = typer.Option(
        False,
        "--reject",
        help="Reject the proposed claims named, or all that match the filters (kept, never proposed again).",
    ),
    accept_all: bool = typer.Option(
        False, "--accept-all", help="Accept every proposed claim that matches the filters."
    ),
    show_list: bool = typer.Option(False, "--list", help="List the proposed claims that match the filters."),
    source: str = typer.Option(
        None,
        "--source",
        "-s",
        help="Filter: claims whose source file name contains this.",
        autocompletion=complete.source_names,
    ),
    kind: str = typer.Option(None, "--kind", "-k", help="Filter: claims of this kind (money, number, date, ...)."),
    subject: str = typer.Option(None, "--subject", help="Filter: claims about this subject (any alias)."),
    below: float = typer.Option(
        None,
        "--below",
        min=0.0,
        max=1.0,
        help="Filter: claims whose best pairing confidence is below this (0 when a claim pairs with none).",
    ),  # fmt: skip
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="--list as text or json."),
) -> None:
    """Review proposed claims and discrepancies: accept, edit, reject or skip each one.

    With no options, an interactive pass on a terminal; every decision is written at once, so
    quitting part-way loses nothing. `--list` shows the proposals; `--accept ID...`, `--reject ID...`,
    `--accept-all` and `--reject` with filters decide without asking.
    """
    from factcheck import console
    from factcheck.actions.review import ReviewError, decide, proposals
    from factcheck.project import Project

    project = Project.at(root)
    filters: dict[str, Any] = {"source": source, "kind": kind, "subject": subject, "below": below}
    filtering = any(v is not None for v in filters.values())
    modes = [name for name, on in (("--list", show_list), ("--accept", accept), ("--accept-all", accept_all),
                                   ("--reject", reject)) if on]  # fmt: skip
    if len(modes) > 1:
        raise ReviewError(f"choose one of {' and '.join(modes)}")
    if show_list:
        found = proposals(project, **filters)
        if format is ListFormat.json:
            typer.echo(json.dumps([p.to_dict() for p in found], indent=2, ensure_ascii=False))
        else:
            console.print_proposals(found)
        return
    if ids and (accept_all or filtering):
        raise ReviewError(
            "give ids or filters, not both", hint="e.g. factcheck review --reject ID, or --reject --kind date"
        )
    if accept_all or (reject and not ids):
        if reject and not filtering:
            raise ReviewError("name the ids to reject, or filters", hint="e.g. factcheck review --reject --kind date")
        ids = [p.claim.id for p in proposals(project, **filters)]
        if not ids:
            console.note("no proposed claims match; nothing written")
            return
    if accept or reject or accept_all:
        if not ids:
            raise ReviewError("name the ids to decide", hint="e.g. factcheck review --accept 000-over-budget-1a2b3")
        for d in decide(project, ids, "rejected" if reject else "accepted"):
            console.note(f"{d.action} {d.id} ({d.file})")
        return
    if ids or filtering:
        raise ReviewError(f"{'ids' if ids else 'filters'} need --list, --accept, --accept-all or --reject",
                          hint="or run factcheck review alone to go through them")  # fmt: skip
    import sys

    from factcheck.cli.review_session import run_session

    if not sys.stdin.isatty():
        raise ReviewError("factcheck review asks questions and needs a terminal",
                          hint="use --list, then --accept ID... or --reject ID... in scripts")  # fmt: skip
    run_session(project)


@handles_errors
def resolve_command(
    discrepancy: str = typer.Argument(
        ...,
        help="The discrepancy's id (or a unique prefix), as verify shows it.",
        autocompletion=complete.discrepancy_ids,
    ),
    decision: DecisionChoice = typer.Option(
        ...,
        "--as",
        help="confirmed: the sources disagree as found; dismissed: they do not; "
        "conflict: they contradict each other, whatever verdict was found.",
    ),  # fmt: skip
    note: str = typer.Option("", "--note", help="Why: shown in reports beside the discrepancy."),
    reviewer: str = typer.Option(None, "--by", help="Who decided (default: $FACTCHECK_REVIEWER, else your login)."),
    force: bool = typer.Option(False, "--force", help="Replace a decision already in force (both are kept)."),
    root: Path = RootOption,
) -> None:
    """Record a decision on a discrepancy; verify will not raise it again unless a claim changes.

    Every decision is kept in claims/reviews.yaml with who made it and when; the last one counts.
    """
    from factcheck import console
    from factcheck.actions.review import describe_review, resolve
    from factcheck.project import Project

    as_conflict = decision is DecisionChoice.conflict
    done = resolve(Project.at(root), discrepancy, "confirmed" if as_conflict else decision.value, note, reviewer,
                   verdict="conflict" if as_conflict else None, force=force)  # fmt: skip
    what = done.decision + (f" as a {done.verdict}" if done.verdict else "")
    if done.unchanged:
        console.note(f"{done.id} is already {describe_review(done.replaces)}; nothing written")  # type: ignore[arg-type]
    elif done.replaces is not None:
        console.note(f"{what} {done.id} ({done.file}), replacing: {describe_review(done.replaces)}")
    else:
        console.note(f"{what} {done.id} ({done.file})")
