"""YAML documents read safely into plain data that remembers the line of every key and item.

PyYAML's C composer (when built) turns the text into nodes; we build the data ourselves so that
every error can name its line, duplicate keys are refused (YAML silently keeps the last one),
tags that would construct objects are refused, and aliases are refused (no "billion laughs").
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import RegistryError

if TYPE_CHECKING:
    import yaml


@functools.cache
def _loader() -> Any:
    """PyYAML's loader, imported when a file is first read (a search with its index fresh reads none).
    The C loader is about 4x faster; the pure Python one where libyaml is missing."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None  # pragma: no cover - _AliasUsed is raised only for documents with an alias


def _too_deep_line(text: str) -> int | None:
    """The line where the document first nests deeper than MAX_DEPTH, or None.

    Run only when the parser has failed: a parser may stop at a depth limit of its own, worded its own
    way, and the reader should get our limit and our words whatever the parser's version.
    """
    import yaml

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
    return _typed(node.tag, node.value)


def _typed(tag: str, value: str) -> Any:
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value  # strings, and timestamps kept as written


def _build(node: yaml.Node, path: str, seen: set[int], depth: int = 0) -> Any:
    import yaml

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


def load_yaml(file: Path, display: str, max_bytes: int = MAX_BYTES, follow: bool = True) -> Any:
    """Read one YAML file into plain data with line numbers, or raise RegistryError. Not follow: a
    link is refused, not read."""
    from factcheck.files import read_bounded

    raw = read_bounded(file, display, max_bytes, RegistryError, follow=follow, what="a registry file",
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
    quick = _quick(text)
    if quick is not None:
        return quick
    import yaml

    try:
        node = yaml.compose(text, Loader=_loader())
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


# -- the quick path ---------------------------------------------------------------------------------
#
# Most registry files are a mapping of plain keys to one-line scalars, with lists of such mappings
# (`claims:` and its items): what factcheck writes and what people copy. libyaml takes about 0.6 ms
# a claims file of ten claims; read line by line, such a file takes a sixth of that. `_quick` reads
# only that shape and gives up (None) on anything else, and then the full parser reads the file,
# errors and all: an unusual file costs what it did, never a different result. What `_quick` does
# read comes out as the full parser's data would, lines included: plain scalars are typed by
# PyYAML's own resolver, and a quoted scalar is taken only when it holds no escape. A list written on
# one line of quoted scalars (an entity's aliases: ["Harrow BC", 'the council']) is read too.

_QUOTED = r"""(?:"(?P<dq>[^"\\]*)"|'(?P<sq>(?:[^']|'')*)')"""
_PLAIN = r"""(?P<plain>[^\s\-?:,\[\]{}#&*!|>'"%@`](?:[^#:]*[^\s#:])?)"""
# an item of a flow list: a quoted scalar, or a plain one (no comma, bracket, brace, colon or #)
_ITEM = r"""(?:"(?P<dq>[^"\\]*)"|'(?P<sq>(?:[^']|'')*)'|(?P<plain>[^\s\-?:,\[\]{}#&*!|>'"%@`](?:[^,\[\]{}#:]*[^\s,\[\]{}#:])?))"""
_FLOW = r"(?P<flow>\[ *(?:{i} *(?:, *{i} *)*)?\])".format(i=re.sub(r"\(\?P<\w+>", "(?:", _ITEM))  # on one line
_LINE = re.compile(
    rf"(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?: +(?:{_QUOTED}|{_PLAIN}|{_FLOW}))?(?: +#.*)? *")
_ITEMS = re.compile(_ITEM)
_SKIP = re.compile(r" *(?:#.*)?")
# what YAML reads as a line break or refuses, and a byte-order mark past the start: left to the parser
# (written as the characters it finds: the class of those it passes, most of Unicode, took re 6 ms to compile)
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"


@functools.cache
def _resolver() -> tuple[Any, frozenset[str | None], type]:
    """PyYAML's resolver of plain scalars' types, the first characters it looks a scalar up by (one
    that opens none of its patterns is text), and the node class it is asked about."""
    import yaml

    resolver = yaml.resolver.Resolver()
    return resolver, frozenset(resolver.yaml_implicit_resolvers), yaml.ScalarNode


@functools.lru_cache(maxsize=1024)  # keys: a registry uses a dozen
def _key_tag(key: str) -> str:
    return _plain_tag(key)


# The first characters PyYAML looks a plain scalar's type up by ('' for an empty one): a scalar that
# starts with any other is text. Written out so that text, most of a registry, is told apart without
# importing yaml (tests/test_yaml_quick.py checks these against PyYAML's own tables).
TYPED_FIRST = frozenset(("", *"!&*-+.0123456789<=~yYnNtTfFoO"))
# Of plain scalars that start with a letter, PyYAML reads these words as booleans and these as null;
# any other is text. A plain run of digits not starting with 0 is an integer.
BOOL_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split())
NULL_WORDS = frozenset(("null", "Null", "NULL"))
_DECIMAL = re.compile(r"[1-9][0-9]*").fullmatch


def _plain_tag(value: str) -> str:
    if value[:1] not in TYPED_FIRST:
        return _STR
    if value[:1].isalpha():  # PyYAML types nothing that starts with a letter but these whole words
        return _BOOL if value in BOOL_WORDS else _NULL if value in NULL_WORDS else _STR
    if _DECIMAL(value):  # a count or a year
        return _INT
    resolver, _, scalar = _resolver()
    return str(resolver.resolve(scalar, value, (True, False)))


def _flow(text: str, number: int) -> YamlList | None:
    """A flow list's items (text as _FLOW matched it) on line number; None for a plain item of a
    type the quick reader leaves to the parser."""
    out = YamlList()
    for item in _ITEMS.finditer(text):
        dq, sq, plain = item.groups()
        if dq is not None:
            out.append(dq)
        elif sq is not None:
            out.append(sq.replace("''", "'"))
        else:
            tag = _plain_tag(plain)
            if tag not in _PLAIN_TAGS:
                return None
            out.append(_typed(tag, plain))
    out.line, out.item_lines = number, [number] * len(out)
    return out


UNUSUAL = _UNUSUAL  # for registry/flat.py, which reads the same shapes
_NOT_PLAIN = object()


def plain_scalar(text: str) -> Any:
    """What the quick path reads a plain scalar as (a str, int, float, bool or None), or an object
    of no such type where the full parser is to read it (a tag the quick path leaves to it)."""
    tag = _plain_tag(text)
    return _typed(tag, text) if tag in _PLAIN_TAGS else _NOT_PLAIN


def _quick(text: str) -> Any:
    """The data of a document of one mapping whose values are one-line scalars or block lists of
    such mappings; None for any other document."""
    if _UNUSUAL.search(text):
        return None
    top: YamlMap | None = None
    items: YamlList | None = None  # the list being filled
    item: YamlMap | None = None
    list_indent = item_indent = -1
    pending = ""  # a key with nothing after it, waiting for its list
    match = _LINE.fullmatch
    for number, line in enumerate(text.split("\n"), 1):
        m = match(line)
        if m is None:
            if _SKIP.fullmatch(line):
                continue
            return None
        spaces, dash, key, dq, sq, plain, flow = m.groups()
        indent = len(spaces)
        if _key_tag(key) != _STR:
            return None
        value: Any
        if flow is not None:
            value = _flow(flow, number)
            if value is None:
                return None
        elif dq is not None:
            value = dq
        elif sq is not None:
            value = sq.replace("''", "'")
        elif plain is not None:
            tag = _plain_tag(plain)
            if tag not in _PLAIN_TAGS:
                return None
            value = _typed(tag, plain)
        else:
            value = None  # a key alone: a list must follow
        if dash is None and indent == 0:  # a key of the top mapping
            if pending:
                return None
            if top is None:
                top = YamlMap()
                top.line, top.key_lines = number, {}
            if key in top:
                return None
            item = items = None
            if value is None:
                pending, top.key_lines[key] = key, number
                continue
            top[key], top.key_lines[key] = value, number
            continue
        if top is None:
            return None
        if dash is not None:  # a new item of the list
            if pending:
                if indent > 2:
                    return None
                items = YamlList()
                items.line, items.item_lines, list_indent = number, [], indent
                top[pending], pending = items, ""
            elif items is None or indent != list_indent:
                return None
            if len(dash) != 2 or value is None:
                return None
            item = YamlMap()
            item.line, item.key_lines = number, {}
            item_indent = indent + 2
            items.append(item)
            items.item_lines.append(number)
        elif item is None or indent != item_indent or value is None or pending:
            return None
        if key in item:
            return None
        item[key], item.key_lines[key] = value, number
    if top is None or pending:
        return None
    return top
