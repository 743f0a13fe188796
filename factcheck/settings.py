"""A project's settings: the optional factcheck.yaml at its root.

Today it holds the size limits, which keep a stray multi-gigabyte file from being read into
memory. Every setting has a default, so a project without the file works as documented.

    # factcheck.yaml
    max_source_bytes: 50MB      # a source larger than this is refused (default 10MB)
    max_registry_bytes: 20MB    # a registry or manifest file larger than this is refused (default 20MB)
"""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.errors import ProjectError
from factcheck.files import check_inside
from factcheck.frozen import Frozen

SETTINGS_FILE = "factcheck.yaml"
MiB = 1024 * 1024
_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": MiB, "m": MiB, "gb": 1024 * MiB, "g": 1024 * MiB}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$", re.IGNORECASE)


class Settings(Frozen):
    """The size limits; a value, compared and hashed by its fields (a Frozen rather than a dataclass:
    a search imports neither dataclasses nor the inspect, ast and dis modules it brings)."""

    __slots__ = ("max_source_bytes", "max_registry_bytes")
    FIELDS = __slots__
    max_source_bytes: int
    max_registry_bytes: int

    def __init__(self, max_source_bytes: int = 10 * MiB, max_registry_bytes: int = 20 * MiB) -> None:
        self._set("max_source_bytes", max_source_bytes)
        self._set("max_registry_bytes", max_registry_bytes)


FIELDS = {"max_source_bytes", "max_registry_bytes"}


MAX_SIZE = 1024**4  # 1 TB: a larger limit is a typing slip, and no file factcheck reads comes near it


def parse_size(text: str | int) -> int:
    """'10MB', '512 kb', '2G' or a plain number of bytes → bytes. ValueError when it is none of those,
    or is not between 1 byte and MAX_SIZE."""
    if isinstance(text, int) and not isinstance(text, bool):
        size = text
    else:
        match = _SIZE.match(str(text))
        if not match:
            raise ValueError(text)
        size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if not 0 < size <= MAX_SIZE:
        raise ValueError(text)
    return size


def load_settings(root: Path) -> Settings:
    """The settings of the project at root: factcheck.yaml where there is one, defaults elsewhere."""
    file = root / SETTINGS_FILE
    if not file.exists() and not file.is_symlink():
        return Settings()
    from factcheck.yamlfile import YamlMap, line_of, load_yaml  # only where there is a file to read

    check_inside(root, file, SETTINGS_FILE)
    data = load_yaml(file, SETTINGS_FILE, max_bytes=MiB)
    if data is None:
        return Settings()
    if not isinstance(data, YamlMap):
        raise ProjectError("expected a mapping of settings", path=SETTINGS_FILE, line=line_of(data, default=1))
    values: dict[str, int] = {}
    for key, value in data.items():
        if key not in FIELDS:
            raise ProjectError(f"unknown setting '{key}'", path=SETTINGS_FILE, line=line_of(data, key), field=key,
                               hint=f"known settings: {', '.join(sorted(FIELDS))}")  # fmt: skip
        try:
            values[key] = parse_size(value)
        except ValueError:
            raise ProjectError(f"'{value}' is not a size", path=SETTINGS_FILE, line=line_of(data, key), field=key,
                               hint="write a number of bytes or e.g. 50MB, 512KB, 1GB") from None  # fmt: skip
    return Settings(**values)
