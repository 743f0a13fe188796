"""A project on disk: its root folder, its settings and where its parts live.

Each command builds one Project (`Project.at(root)`) and passes it down, so the settings are read
once, when first needed (a bad factcheck.yaml is reported at the same point as before), and every
stage sees the same ones.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from factcheck.frozen import Frozen
from factcheck.settings import Settings, load_settings

SEEDS_DIR = "seeds"
CLAIMS_DIR = "claims"


class Project(Frozen):
    """A project's root folder, with its settings read on first use. Compared and hashed by its root;
    a Frozen rather than a dataclass, as Settings is."""

    FIELDS = ("root",)
    root: Path

    def __init__(self, root: Path) -> None:
        self._set("root", root)

    @classmethod
    def at(cls, where: str | Path | Project) -> Project:
        """The project at a folder; a Project given is passed through, keeping the settings it read."""
        return where if isinstance(where, Project) else cls(Path(where))

    @cached_property
    def settings(self) -> Settings:
        """factcheck.yaml at the root, read on first use (defaults where there is none)."""
        return load_settings(self.root)

    @property
    def seeds(self) -> Path:
        """The sources, byte for byte, and their manifest."""
        return self.root / SEEDS_DIR

    @property
    def claims(self) -> Path:
        """The registry: claims files, entities, reviews, anchors."""
        return self.root / CLAIMS_DIR
