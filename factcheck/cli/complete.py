"""Shell completion of what a project holds: claim ids, discrepancy ids and source names.

Each function is given the command's context and the word typed so far; it reads the project
named by --root (before or after the command) and never fails: a project that cannot be read
completes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click


def _root(ctx: click.Context) -> Path:
    """The --root typed on the command line, after the command or before it; else the current folder."""
    here: click.Context | None = ctx
    while here is not None:
        typed = here.get_parameter_source("root") is click.core.ParameterSource.COMMANDLINE
        if typed and here.params.get("root"):
            return Path(here.params["root"])
        here = here.parent
    return Path(".")


Completer = Callable[[click.Context, str], list[tuple[str, str]]]


def _quietly(find: Callable[[Path], list[tuple[str, str]]]) -> Completer:
    """A typer autocompletion function (given ctx and the word typed so far) from one that lists
    (name, help) for a project."""

    def complete(ctx: click.Context, incomplete: str) -> list[tuple[str, str]]:
        try:
            found = find(_root(ctx))
        except Exception:  # completion must never print a traceback into the user's shell
            return []
        return [(name, help) for name, help in found if name.startswith(incomplete)]

    return complete


def _registry(root: Path):  # type: ignore[no-untyped-def]
    from factcheck.registry.load import load_registry
    from factcheck.sources.load import source_names

    return load_registry(root, set(source_names(root)))


@_quietly
def claim_ids(root: Path) -> list[tuple[str, str]]:
    return [(c.id, f"{c.property}: {c.value}") for c in _registry(root).claims]


@_quietly
def proposed_ids(root: Path) -> list[tuple[str, str]]:
    return [(c.id, f"{c.property}: {c.value}") for c in _registry(root).claims if c.status == "proposed"]


@_quietly
def discrepancy_ids(root: Path) -> list[tuple[str, str]]:
    from factcheck.pipeline.verification import verify

    found = sorted(verify(root).discrepancies, key=lambda d: not d.needs_attention)  # open ones first
    return [(d.id, f"{d.verdict.value}: {d.subject_name} · {d.property}") for d in found]


@_quietly
def source_names(root: Path) -> list[tuple[str, str]]:
    from factcheck.sources.load import source_names as names

    return [(name, "source") for name in sorted(names(root))]
