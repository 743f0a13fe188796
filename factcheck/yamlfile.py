"""YAML documents read safely into plain data that remembers the line of every key and item.

PyYAML's C composer (when built) turns the text into nodes; we build the data ourselves so that
every error can name its line, duplicate keys are refused (YAML silently keeps the last one),
tags that would construct objects are refused, and aliases are refused (no "billion laughs").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RegistryError

try:  # the C loader is about 4x faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}  # fmt: skip
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 50  # levels of nesting; the registry needs four


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class YamlList(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]


def line_of(obj: Any, key: str | None = None, default: int = 0) -> int:
    if isinstance(obj, YamlMap):
        return obj.key_lines.get(key, obj.line) if key else obj.line
    return getattr(obj, "line", default)


class _AliasUsed(Exception):
    """A node was reached twice: the document uses an alias (found again by line in load_yaml)."""


def _alias_line(text: str) -> int | None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None  # pragma: no cover - _AliasUsed is raised only for documents with an alias


def _too_deep_line(text: str) -> int | None:
    """The line where the document first nests deeper than MAX_DEPTH, or None.

    Run only when the parser has failed: a parser may stop at a depth limit of its own, worded its own
    way, and the reader should get our limit and our words whatever the parser's version.
    """
    depth = 0
    try:  # the pure-Python parser: it streams events and has no depth limit of its own
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        pass
    return None


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return node.value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return node.value
    return node.value  # strings, and timestamps kept as written


def _build(node: yaml.Node, path: str, seen: set[int], depth: int = 0) -> Any:
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise RegistryError(f"nested more than {MAX_DEPTH} levels deep", path=path, line=line,
                            hint="a registry needs only a few levels: check the brackets")  # fmt: skip
    if node.tag not in _PLAIN_TAGS:
        raise RegistryError(
            f"YAML tag '{node.tag}' is not allowed",
            path=path, line=line, hint="remove the tag: only plain values, lists and mappings are read",
        )  # fmt: skip
    if id(node) in seen:
        raise _AliasUsed
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        out_list = YamlList(_build(item, path, seen, depth + 1) for item in node.value)
        out_list.line = line
        out_list.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out_list
    out = YamlMap()
    out.line = line
    out.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise RegistryError("a mapping key must be plain text", path=path, line=key_node.start_mark.line + 1)
        key = str(_scalar(key_node)) if key_node.value != "<<" else "<<"
        key_line = key_node.start_mark.line + 1
        if key == "<<":
            raise RegistryError("YAML merge keys ('<<') are not allowed", path=path, line=key_line)
        if key in out:
            raise RegistryError(
                f"duplicate key '{key}' (first on line {out.key_lines[key]})",
                path=path, line=key_line, field=key, hint="keep one of them",
            )  # fmt: skip
        out[key] = _build(value_node, path, seen, depth + 1)
        out.key_lines[key] = key_line
    return out


def load_yaml(file: Path, display: str, max_bytes: int = MAX_BYTES) -> Any:
    """Read one YAML file into plain data with line numbers, or raise RegistryError."""
    from factcheck.files import read_bounded

    raw = read_bounded(file, display, max_bytes, RegistryError, what="a registry file",
                       too_big="split it into several files, or raise max_registry_bytes in factcheck.yaml",
                       unreadable="check it exists and is readable")  # fmt: skip
    return load_text(raw, display)


def load_text(raw: bytes, display: str) -> Any:
    """A YAML document's bytes into plain data with line numbers, or RegistryError naming display."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(
            f"not UTF-8 (byte {exc.start})", path=display, line=raw[: exc.start].count(b"\n") + 1,
            hint="save the file as UTF-8",
        ) from exc  # fmt: skip
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        deep_line = _too_deep_line(text)
        if deep_line is not None:
            raise RegistryError(f"nested more than {MAX_DEPTH} levels deep", path=display, line=deep_line,
                                hint="a registry needs only a few levels: check the brackets") from None  # fmt: skip
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "malformed YAML").strip()
        lines = text.splitlines()
        bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "tab" in problem:
            problem += "; YAML does not allow tabs for indentation, use spaces"
        ctx = exc.context_mark
        if ctx is not None and mark is not None and ctx.line != mark.line:
            problem += f" (it started on line {ctx.line + 1})"
        raise RegistryError(
            f"invalid YAML: {problem}", path=display, line=mark.line + 1 if mark else None,
            hint="fix the YAML syntax on that line",
        ) from exc  # fmt: skip
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise RegistryError(
            f"invalid YAML: character {char!r} is not allowed", path=display, line=line,
            hint="remove it: YAML files may not contain control characters",
        ) from None  # fmt: skip
    except yaml.YAMLError as exc:
        raise RegistryError(f"invalid YAML: {' '.join(str(exc).split())}", path=display) from exc
    except RecursionError:
        raise RegistryError(f"nested more than {MAX_DEPTH} levels deep", path=display,
                            hint="a registry needs only a few levels: check the brackets") from None  # fmt: skip
    if node is None:
        return None
    try:
        return _build(node, display, set())
    except RecursionError:
        raise RegistryError(f"nested more than {MAX_DEPTH} levels deep", path=display,
                            hint="a registry needs only a few levels: check the brackets") from None  # fmt: skip
    except _AliasUsed:
        raise RegistryError(
            "YAML anchors and aliases are not allowed", path=display, line=_alias_line(text),
            hint="write the value out in full",
        ) from None  # fmt: skip
