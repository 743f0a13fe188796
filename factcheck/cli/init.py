from __future__ import annotations

from pathlib import Path

import typer

from factcheck.cli.common import handles_errors, project_root


@handles_errors
def init_command(
    directory: Path = typer.Argument(
        None,
        help="The project folder (created if missing; default: --root, else the current folder).",
        file_okay=False,
        show_default=False,
        callback=project_root,
    ),  # fmt: skip
) -> None:
    """Start a new project: seeds/, claims/, an empty manifest and a short guide. Never overwrites."""
    from factcheck import console
    from factcheck.actions.init import init_project

    done = init_project(directory)
    if not done.created:
        console.note(f"{directory} is already a factcheck project; nothing to do")
        return
    for path in done.created:
        console.note(f"created {directory / path}")
    console.note(
        f"next: factcheck sources add FILE --date YYYY-MM-DD --root {directory}  (see {directory / 'GUIDE.md'})"
    )
