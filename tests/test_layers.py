"""The layer order of the package: data flows down, and no stage imports one above it.

text < sources < registry < anchor < normalize < judge < pipeline < actions < report/console < cli,
with the shared modules (models, results, errors, project, settings, files, yamlfile, invocation, collector,
frozen) below them all. `factcheck/__init__.py` is the public face over everything and is not a layer.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"

STAGES = [
    "text", "sources", "registry", "anchor", "normalize", "judge", "pipeline", "actions", "report", "console", "cli",
]  # fmt: skip
SAME_FLOOR = {"console": "report"}  # the two renderers sit side by side
BOTTOM = {"models", "results", "errors", "project", "settings", "files", "yamlfile", "invocation", "collector", "frozen"}


def floor(module: str) -> int:
    """The floor of a module named factcheck.X[.Y...]: 0 for the shared bottom, else its stage's rank."""
    top = module.split(".")[1]
    if top in BOTTOM:
        return 0
    return STAGES.index(SAME_FLOOR.get(top, top)) + 1


def modules() -> list[str]:
    """Every module of the package except its public face (factcheck/__init__.py, __main__.py)."""
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = file.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if name not in ("factcheck", "factcheck.__main__"):
            found.append(name)
    return found


def test_every_module_has_a_floor() -> None:
    """A new top-level module or folder must be placed in the order before it can pass."""
    unplaced = [m for m in modules() if m.split(".")[1] not in BOTTOM and m.split(".")[1] not in STAGES]
    assert unplaced == []


def _imports(module: str) -> set[str]:
    """The factcheck modules a module imports anywhere in its code, function-level (lazy) imports too."""
    file = PACKAGE.parent.joinpath(*module.split("."))
    path = file / "__init__.py" if file.is_dir() else file.with_suffix(".py")
    known = set(modules())
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "factcheck":
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "factcheck")
    return {m for m in out if m != "factcheck"}


def test_no_module_imports_a_higher_floor() -> None:
    """Read from the source, so an import made only inside a function counts as well."""
    upward = [
        f"{m} imports {i}"
        for m in modules()
        for i in sorted(_imports(m))
        if i in set(modules()) and floor(i) > floor(m)
    ]
    assert upward == []


def test_no_import_loops() -> None:
    graph = {m: _imports(m) & set(modules()) for m in modules()}
    loops = []

    def visit(node: str, path: list[str], done: set[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in path:
                loops.append(" -> ".join(path[path.index(nxt) :] + [nxt]))
            elif nxt not in done:
                visit(nxt, path + [nxt], done)
        done.add(node)

    done: set[str] = set()
    for start in graph:
        if start not in done:
            visit(start, [start], done)
    assert loops == []


_LOADED = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m == "rich" or m.startswith(("factcheck.", "rich.")))))
"""


@pytest.mark.parametrize("stage", STAGES)
def test_importing_a_stage_loads_nothing_above_it(stage: str) -> None:
    """Each stage imported in a fresh interpreter: what it pulls in at import time stays at or below it,
    and nothing but the console (and the CLI that calls it) loads rich."""
    own = [m for m in modules() if m.split(".")[1] == stage]
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, *own], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    )
    loaded = json.loads(result.stdout)
    ours = [m for m in loaded if m.startswith("factcheck.")]
    assert own and set(own) <= set(ours)
    assert [m for m in ours if floor(m) > floor(own[0])] == []
    if stage not in ("console", "cli"):
        assert [m for m in loaded if m.split(".")[0] == "rich"] == []
