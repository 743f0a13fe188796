"""Where the registry is: the claims/ folder, its claims files, and the kinds a claim may have.
Kept apart from load.py so that a search whose index is up to date finds the files to check
without importing the loader (or the YAML parser behind it)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from factcheck.errors import RegistryError
from factcheck.files import check_inside

ENTITIES_FILE = "entities.yaml"
REVIEWS_FILE = "reviews.yaml"  # decisions on discrepancies: see baseline.py
KINDS = {"money", "number", "percent", "rate", "date", "duration", "time", "role", "text", "statement"}
# What a claim may hold (here rather than in load.py: registry/flat.py reads a hit's file again to show it
# in a search, which imports neither the loader nor the models)
CLAIM_FIELDS = {
    "id", "source", "quote", "subject", "property", "value", "kind", "as_of", "period",
    "relative_to", "note", "status", "certainty", "basis",
}  # fmt: skip
REQUIRED = ("id", "quote", "subject", "property", "value")
STATUSES = {"reviewed", "proposed", "rejected"}
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def check_kind(kind: str | None, option: str = "--kind") -> None:
    """A kind a filter names must be one there is: say which there are rather than match nothing."""
    if kind is not None and kind not in KINDS:
        raise RegistryError(
            f"unknown kind '{kind}'", field="kind", hint=f"{option} is one of {', '.join(sorted(KINDS))}"
        )


def registry_dir(root: Path) -> Path:
    """root/claims, refused when missing or when it leads outside the project."""
    claims_dir = root / "claims"
    if not claims_dir.is_dir():
        raise RegistryError("no claims/ folder", path=str(root), hint="run from a factcheck project or pass --root")
    check_inside(root, claims_dir, "claims/")
    return claims_dir


def claim_files(claims_dir: Path) -> list[Path]:
    """The claims files, in name order: every *.yaml or *.yml but the entities and reviews files."""
    return [claims_dir / name for name in claim_file_names(claims_dir)]


def claim_file_names(claims_dir: Path) -> list[str]:
    """The names of the claims files, in order (read by every search: one listing, no object an entry)."""
    return sorted([name for name in os.listdir(claims_dir)
                   if name.endswith((".yaml", ".yml")) and name not in _NOT_CLAIMS and not name.startswith(".")])  # fmt: skip


_NOT_CLAIMS = frozenset({ENTITIES_FILE, REVIEWS_FILE})
