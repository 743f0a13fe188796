"""The interactive review pass: one proposal at a time, each decision written as it is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.project import Project


def run_session(
    root: Path | Project,
    ask: Callable[[str, list[str], str], str] | None = None,
    ask_text: Callable[[str, str], str] | None = None,
) -> None:
    """Go through proposed claims, then open discrepancies. `ask` and `ask_text` default to rich
    prompts on the terminal; a test passes scripted answers. End of input (Ctrl-D) quits."""
    from factcheck import console

    try:
        _session(root, ask or console.ask, ask_text or console.ask_text)
    except EOFError:  # Ctrl-D: the same as quitting; every decision made so far is written
        console.note("\nstopped: the decisions made so far are saved")


def _session(root: Path | Project, ask: Callable[[str, list[str], str], str],
             ask_text: Callable[[str, str], str]) -> None:  # fmt: skip
    from factcheck import console
    from factcheck.actions.review import decide, edit_claim, resolve, review_order
    from factcheck.pipeline.verification import verify
    from factcheck.project import Project

    project = Project.at(root)  # one for the whole session: its settings are read once
    result = verify(project)
    published = {s.name: (s.published.human() if s.published else "undated") for s in result.sources}
    proposed = sorted((c for c in result.claims if c.status == "proposed"), key=review_order)  # least certain first
    for n, claim in enumerate(proposed, start=1):
        console.show_proposal(n, len(proposed), claim, published[claim.source])
        choice = ask("  [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", ["a", "e", "r", "s", "q"], "s")
        if choice == "q":
            return
        if choice == "e":
            fields = {
                key: ask_text(f"  {key}", current)
                for key, current in (
                    ("subject", claim.subject_as_written),
                    ("property", claim.property),
                    ("value", claim.value),
                )  # fmt: skip
            }
            edit_claim(project, claim.id, **{k: v for k, v in fields.items() if v != getattr(claim, k, None)})
            choice = ask("  now [a]ccept or [s]kip", ["a", "s"], "a")
        if choice in ("a", "r"):
            decide(project, [claim.id], "accepted" if choice == "a" else "rejected")
    open_items = [d for d in verify(project).discrepancies if d.needs_attention]
    for n, d in enumerate(open_items, start=1):
        console.show_discrepancy(n, len(open_items), d)
        choice = ask("  [c]onfirm, [d]ismiss, [s]kip, [q]uit", ["c", "d", "s", "q"], "s")
        if choice == "q":
            return
        if choice in ("c", "d"):
            note = ask_text("  note", "")
            resolve(project, d.id, "confirmed" if choice == "c" else "dismissed", note)
