"""Registry text and project builders shared by several test modules."""

from __future__ import annotations

import json
from pathlib import Path

# One valid claims file about source a.txt, for tests that need a clean registry to start from.
ROADS_CLAIMS = """\
source: a.txt
claims:
  - id: a-roads
    quote: The council spent £7m on roads
    subject: the council
    property: road spending
    value: £7m
"""


def news_project(tmp_path: Path, texts: dict[str, tuple[str, str | None]], name: str = "news") -> Path:
    """A project with these sources (text, publication day or None) and an empty claims/ folder."""
    root = tmp_path / name
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    manifest = ["sources:"]
    for file, (text, published) in texts.items():
        (root / "seeds" / file).write_text(text, encoding="utf-8")
        manifest.append(f"  - file: {file}" + (f"\n    published: {published}" if published else ""))
    (root / "seeds" / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return root


def flagged_sets(report: dict, field: str = "value", prop: str | None = None) -> list[set[str]]:
    """For each discrepancy verify flags (conflict or possible), of property PROP when given: the FIELD
    of its claims ("value", "source", ...), as a set."""
    return [{c[field] for c in d["claims"]} for d in report["discrepancies"]
            if d["verdict"] in ("conflict", "possible") and prop in (None, d["property"])]  # fmt: skip


def extract_and_verify(root: Path, runner) -> dict:
    """`extract` then `verify --format json` on a project, as a new user runs them; the JSON result."""
    from factcheck.cli import app

    assert runner.invoke(app, ["extract", "--root", str(root)]).exit_code == 0
    out = runner.invoke(app, ["verify", "--root", str(root), "--format", "json"])
    assert out.exit_code in (0, 1), out.output
    return json.loads(out.stdout)
