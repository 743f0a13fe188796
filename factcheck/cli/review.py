from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from factcheck.cli.common import RootOption, handles_errors


class DecisionChoice(str, Enum):
    confirmed = "confirmed"
    dismissed = "dismissed"
    conflict = "conflict"


@handles_errors
def review_command(
    ids: list[str] = typer.Argument(None, help="Claim or entity ids, with --accept or --reject."),
    root: Path = RootOption,
    accept: bool = typer.Option(False, "--accept", help="Accept the proposed claims (or entities) named."),
    reject: bool = typer.Option(
        False, "--reject", help="Reject the proposed claims named (kept, never proposed again)."
    ),
) -> None:
    """Review proposed claims and discrepancies: accept, edit, reject or skip each one.

    With no options, an interactive pass on a terminal; every decision is written at once, so
    quitting part-way loses nothing. `--accept ID...` and `--reject ID...` decide without asking.
    """
    from factcheck import console
    from factcheck.actions.review import ReviewError, decide

    if accept and reject:
        raise ReviewError("choose --accept or --reject, not both")
    if accept or reject:
        if not ids:
            raise ReviewError("name the ids to decide", hint="e.g. factcheck review --accept 000-over-budget-1a2b3")
        for d in decide(root, ids, "accepted" if accept else "rejected"):
            console.note(f"{d.action} {d.id} ({d.file})")
        return
    if ids:
        raise ReviewError("ids need --accept or --reject", hint="or run factcheck review alone to go through them")
    import sys

    from factcheck.cli.review_session import run_session

    if not sys.stdin.isatty():
        raise ReviewError("factcheck review asks questions and needs a terminal",
                          hint="use --accept ID... or --reject ID... in scripts")  # fmt: skip
    run_session(root)


@handles_errors
def resolve_command(
    discrepancy: str = typer.Argument(..., help="The discrepancy's id (or a unique prefix), as verify shows it."),
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

    as_conflict = decision is DecisionChoice.conflict
    done = resolve(root, discrepancy, "confirmed" if as_conflict else decision.value, note, reviewer,
                   verdict="conflict" if as_conflict else None, force=force)  # fmt: skip
    what = done.decision + (f" as a {done.verdict}" if done.verdict else "")
    if done.unchanged:
        console.note(f"{done.id} is already {describe_review(done.replaces)}; nothing written")  # type: ignore[arg-type]
    elif done.replaces is not None:
        console.note(f"{what} {done.id} ({done.file}), replacing: {describe_review(done.replaces)}")
    else:
        console.note(f"{what} {done.id} ({done.file})")
