from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped project (seeds and claims) that a test may change."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "claims", root / "claims")
    return root


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


class MiniProject:
    """A small project written by a test: sources, a manifest, entities and claims files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "seeds").mkdir(parents=True)
        (root / "claims").mkdir()
        self.manifest: list[str] = []

    def source(self, name: str, text: str, published: str | None = None) -> None:
        (self.root / "seeds" / name).write_text(text, encoding="utf-8")
        entry = f"  - file: {name}\n"
        if published:
            entry += f"    published: {published}\n"
        self.manifest.append(entry)
        (self.root / "seeds" / "manifest.yaml").write_text("sources:\n" + "".join(self.manifest), encoding="utf-8")

    def entities(self, yaml_text: str) -> None:
        (self.root / "claims" / "entities.yaml").write_text(textwrap.dedent(yaml_text), encoding="utf-8")

    def claims(self, name: str, yaml_text: str) -> Path:
        path = self.root / "claims" / name
        path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
        return path


@pytest.fixture
def mini(tmp_path: Path) -> MiniProject:
    project = MiniProject(tmp_path / "mini")
    project.entities(
        """
        entities:
          - id: council
            name: Anytown Council
            aliases: [the council]
          - id: jo-bloggs
            name: Jo Bloggs
            aliases: [Ms Bloggs]
        """
    )
    return project
