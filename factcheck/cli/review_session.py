"""The interactive review pass: one proposal at a time, each decision written as it is made."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from factcheck.errors import ExitStatus


def run_session(root: Path) -> None:
    from factcheck import console
    from factcheck.review import decide, edit_claim, resolve
    from factcheck.verification import verify

    if not sys.stdin.isatty():
        console.error("factcheck review asks questions and needs a terminal; use --accept/--reject ID... instead")
        raise typer.Exit(ExitStatus.BAD_INPUT)
    result = verify(root)
    published = {s.name: (s.published.human() if s.published else "undated") for s in result.sources}
    proposed = [c for c in result.claims if c.status == "proposed"]
    for n, claim in enumerate(proposed, start=1):
        console.show_proposal(n, len(proposed), claim, published[claim.source])
        choice = console.ask("  [a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", ["a", "e", "r", "s", "q"], "s")
        if choice == "q":
            return
        if choice == "e":
            fields = {
                key: console.ask_text(f"  {key}", current)
                for key, current in (
                    ("subject", claim.subject_as_written),
                    ("property", claim.property),
                    ("value", claim.value),
                )  # fmt: skip
            }
            edit_claim(root, claim.id, **{k: v for k, v in fields.items() if v != getattr(claim, k, None)})
            choice = console.ask("  now [a]ccept or [s]kip", ["a", "s"], "a")
        if choice in ("a", "r"):
            decide(root, [claim.id], "accepted" if choice == "a" else "rejected")
    open_items = [d for d in verify(root).discrepancies if d.needs_attention]
    for n, d in enumerate(open_items, start=1):
        console.show_discrepancy(n, len(open_items), d)
        choice = console.ask("  [c]onfirm, [d]ismiss, [s]kip, [q]uit", ["c", "d", "s", "q"], "s")
        if choice == "q":
            return
        if choice in ("c", "d"):
            note = console.ask_text("  note")
            resolve(root, d.id, "confirmed" if choice == "c" else "dismissed", note)
