"""The small immutable values (Settings, Project, FoldedText): set once, then compared, hashed, shown
and pickled by their fields, as the frozen dataclasses they replace were."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from factcheck.project import Project
from factcheck.settings import Settings
from factcheck.text.fold import FoldedText


@pytest.mark.parametrize(
    ("make", "other"),
    [
        (lambda: Settings(1, 2), lambda: Settings(1, 3)),
        (lambda: Project(Path("/a")), lambda: Project(Path("/b"))),
        (lambda: FoldedText("ab", (0, 1, 2)), lambda: FoldedText("ab", (0, 2, 3))),
    ],
)
def test_a_value_by_its_fields(make, other) -> None:
    a, b, c = make(), make(), other()
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert a != "not a value"
    assert pickle.loads(pickle.dumps(a)) == a
    assert repr(a).startswith(type(a).__name__ + "(")
    field = type(a).FIELDS[0]
    with pytest.raises(AttributeError, match="immutable"):
        setattr(a, field, None)
    with pytest.raises(AttributeError, match="immutable"):
        delattr(a, field)
    assert a == b  # unchanged by the refused attempts


def test_settings_repr_names_each_limit() -> None:
    assert repr(Settings(1, 2)) == "Settings(max_source_bytes=1, max_registry_bytes=2)"


def test_a_project_keeps_the_settings_it_read_when_pickled(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("max_source_bytes: 1MB\n", encoding="utf-8")
    project = Project(tmp_path)
    assert project.settings.max_source_bytes == 1024 * 1024
    (tmp_path / "factcheck.yaml").write_text("max_source_bytes: 2MB\n", encoding="utf-8")
    copy = pickle.loads(pickle.dumps(project))
    assert copy == project
    assert copy.settings.max_source_bytes == 1024 * 1024  # carried, not read again
    assert Project(tmp_path).settings.max_source_bytes == 2 * 1024 * 1024
