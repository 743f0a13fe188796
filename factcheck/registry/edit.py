"""Changing registry files without disturbing what people wrote in them: factcheck's one YAML writer.

Every edit goes through ruamel.yaml's round-trip mode, which keeps comments, key order, quoting
and indentation, and is written atomically under the project's write lock. Only the entries an
edit is about change; a file nobody's edit touches is not rewritten. ruamel.yaml is imported
here and only here, so commands that only read never pay for it.

Every string factcheck writes is double-quoted (a name like `!x.txt` or `a: b` is then text, never
a tag or a mapping), text YAML cannot hold (a lone surrogate, left by bytes that were not UTF-8) is
refused naming its field, and the finished file is read back with our own loader before it
replaces the old one: factcheck never writes a file it would refuse to read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import RegistryError
from factcheck.files import read_bounded, write_atomic
from factcheck.registry.load import claim_files
from factcheck.yamlfile import MAX_BYTES, YamlMap, load_text, load_yaml


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long quote
    _data, indent, block_seq_indent = load_yaml_guess_indent(text) if text.strip() else (None, 2, 2)
    indent = indent or 2
    offset = block_seq_indent if block_seq_indent is not None else 2
    yaml.indent(mapping=2, sequence=max(indent, offset + 2), offset=offset)
    return yaml


def edit_file(file: Path, change: Callable[[Any], bool], header: str = "", max_bytes: int = MAX_BYTES) -> bool:
    """Load file round-trip, let change() mutate it (returning whether it did), write it back
    atomically. A missing file starts as `header`. Returns whether the file was written.

    The file is first read with our own loader (so what ruamel.yaml is given is a registry file we
    accept, within the size limit), and the new text is read back with it before it is written."""
    from ruamel.yaml.error import YAMLError

    display = _display(file)
    if file.exists() or file.is_symlink():
        raw = read_bounded(file, display, max_bytes, RegistryError, what="a registry file",
                           too_big="split it, or raise max_registry_bytes in factcheck.yaml",
                           unreadable="check it exists and is readable")  # fmt: skip
        load_text(raw, display)
        text = raw.decode("utf-8-sig")
    else:
        text = header
    try:
        yaml = _yaml(text)
        data = yaml.load(text) if text.strip() else None
        if data is None:  # an empty file: start from the header
            data = yaml.load(header) if header.strip() else {}
    except YAMLError as exc:  # pragma: no cover - our loader refused the file first
        raise RegistryError(f"cannot be edited: {' '.join(str(exc).split())[:200]}", path=display) from None
    if not change(data):
        return False
    out = io.StringIO()
    yaml.dump(data, out)
    new = out.getvalue()
    try:
        load_text(new.encode("utf-8", "surrogatepass"), display)
    except RegistryError as exc:
        raise RegistryError(f"the edit would make a file factcheck cannot read ({exc.bare_message}); nothing was "
                            "written", path=display, hint="check the text given for control characters") from None  # fmt: skip
    write_atomic(file, new)
    return True


def write_new_claims(file: Path, source: str, entries: list[dict[str, Any]]) -> bool:
    """Write a claims file that does not exist yet, for one source, without ruamel.yaml: the bytes
    edit_file would write from CLAIMS_HEADER (tests/test_registry.py compares the two), in a tenth of
    the time. Returns False, writing nothing, when a value is one only ruamel.yaml writes exactly
    (text it would escape or fold, a number other than a plain decimal): edit_file does it then."""
    quoted = _plain_quoted(source, "source")
    if quoted is None:
        return False
    return _write_entries(file, [CLAIMS_HEADER.splitlines()[0], f"source: {quoted}", "claims:"], entries)


def write_new_entries(file: Path, header: str, key: str, entries: list[dict[str, Any]]) -> bool:
    """Write entries into a file that holds nothing but its header (as `init` leaves the manifest and
    the entities file, `key: []` last), without ruamel.yaml: the bytes edit_file would write. A list
    field is written as a block of items, `proposed_aliases` and `aliases` as a flow list. Returns
    False, writing nothing, when the file holds anything else or a value is one only ruamel.yaml
    writes exactly: edit_file does it then."""
    *lead, last = header.splitlines()
    if not entries or last != f"{key}: []":
        return False
    if file.is_symlink():
        return False  # edit_file says what it makes of a link
    if file.exists():
        try:
            if file.read_bytes() != header.encode("utf-8"):
                return False
        except OSError:
            return False  # edit_file says what is wrong with it
    return _write_entries(file, [*lead, f"{key}:"], entries)


_FLOW_LISTS = frozenset({"aliases", "proposed_aliases"})


def _write_entries(file: Path, lines: list[str], entries: list[dict[str, Any]]) -> bool:
    for fields in entries:
        lead = "  - "
        for key, value in fields.items():
            if isinstance(value, list):
                items = [_plain_quoted(str(v), key) for v in value]
                if not items or None in items:
                    return False
                if key in _FLOW_LISTS:
                    value_lines = ["[" + ", ".join(items) + "]"]  # type: ignore[arg-type]
                else:
                    value_lines = ["", *(f"      - {item}" for item in items)]
            else:
                written = _plain_scalar(key, value)
                if written is None:
                    return False
                value_lines = [written]
            if any(len(key) + len(v) > _PLAIN_WIDTH for v in value_lines):
                return False
            lines.append(f"{lead}{key}:" + (f" {value_lines[0]}" if value_lines[0] else ""))
            lines.extend(value_lines[1:])
            lead = "    "
    new = "\n".join(lines) + "\n"
    display = _display(file)
    try:
        load_text(new.encode("utf-8"), display)
    except RegistryError:  # pragma: no cover - every value is quoted; edit_file says what is wrong
        return False
    write_atomic(file, new)
    return True


_PLAIN_WIDTH = 4000  # ruamel.yaml folds a line past its width (4096): longer lines are left to it
# What ruamel.yaml writes as it is inside double quotes (with allow_unicode): printable, no BOM.
_PLAIN_TEXT = re.compile("[\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd]*")


def _plain_quoted(value: str, field: str) -> str | None:
    _writable(value, field)  # refuses what YAML cannot hold, naming the field
    if not _PLAIN_TEXT.fullmatch(value):
        return None
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain_scalar(key: str, value: Any) -> str | None:
    if isinstance(value, str):
        return _plain_quoted(value, key)
    if isinstance(value, float) and re.fullmatch(r"\d+\.\d+", repr(value)):
        return repr(value)
    return None


def _display(file: Path) -> str:
    return f"{file.parent.name}/{file.name}"


def text(value: str, field: str) -> Any:
    """A string as factcheck writes it: double-quoted. Text YAML cannot hold is refused, naming the
    field: a lone surrogate (what Python makes of bytes that are not UTF-8 in an argument)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(_writable(value, field))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _writable(value: str, field: str) -> str:
    """The value, when YAML can hold it; else the error naming the field and the first bad character."""
    bad = _SURROGATE.search(value)
    if bad:
        ch = bad.group()
        shown = f"byte 0x{ord(ch) - 0xDC00:02x}" if ch >= "\udc80" else f"character U+{ord(ch):04X}"
        raise RegistryError(f"is not valid UTF-8 text ({shown} at position {bad.start() + 1})", field=field,
                            hint="retype it, or set the terminal to UTF-8 (e.g. LANG=C.UTF-8)")  # fmt: skip
    return value


def mapping(fields: dict[str, Any]) -> Any:
    """A new YAML mapping in the given key order, every string double-quoted."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out = CommentedMap()
    for key, value in fields.items():
        if isinstance(value, list):
            out[key] = CommentedSeq(text(str(v), key) for v in value)
        else:
            out[key] = scalar(key, value)
    return out


def scalar(key: str, value: Any) -> Any:
    """A field's value as it is written: a string double-quoted; a number, a boolean or None as is."""
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return text(str(value), key)


def flow_list(values: list[str], field: str = "aliases") -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(text(str(v), field) for v in values)
    seq.fa.set_flow_style()
    return seq


def claims_file_for(root: Path, source: str, known: dict[str, Path] | None = None) -> Path:
    """The claims file that holds a source's claims: the one naming it at the top, else a new one.
    `known` is claims_files_by_source(root), for a caller placing many sources' claims at once."""
    if known is None:
        file = next((f for named, f in _sources_of_claims_files(root) if named == source), None)
    else:
        file = known.get(source)
    return file if file is not None else root / "claims" / f"{Path(source).stem}.yaml"


def claims_files_by_source(root: Path) -> dict[str, Path]:
    """Each claims file under the source it names at the top (the first file, when two name one)."""
    found: dict[str, Path] = {}
    for source, file in _sources_of_claims_files(root):
        found.setdefault(source, file)
    return found


def _sources_of_claims_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(the source named at its top, the file) for each claims file, read one at a time."""
    for file in claim_files(root / "claims"):
        data = load_yaml(file, f"claims/{file.name}")
        if isinstance(data, YamlMap) and isinstance(data.get("source"), str):
            yield data["source"], file


ENTITIES_HEADER = (
    "# Every subject a claim can be about, declared once with the other names the sources use.\nentities: []\n"
)
CLAIMS_HEADER = "# Claims about one source: the file in seeds/ named on the next line.\nsource: ''\nclaims: []\n"
MANIFEST_HEADER = "# Metadata for every source in seeds/.\nsources: []\n"


def entry_list(data: Any, key: str, file: str) -> Any:
    """The file's list under key (made when missing, turned to block style), to append entries to."""
    from ruamel.yaml.comments import CommentedSeq

    if not hasattr(data, "get"):
        raise RegistryError("expected a mapping at the top", path=file, line=1)
    items = data.get(key)
    if items is None:
        items = CommentedSeq()
        data[key] = items
    if not isinstance(items, list):
        raise RegistryError(f"'{key}' must be a list", path=file, field=key)
    if hasattr(items, "fa") and items.fa.flow_style():
        items.fa.set_block_style()
    return items


def append_claims(data: Any, entries: list[tuple[str, dict[str, Any]]], file: Path) -> bool:
    """Append (source, fields) claims to a claims file's data; a claim whose source is not the
    file's own names it. An empty file takes the first claim's source as its own."""
    items = entry_list(data, "claims", f"claims/{file.name}")
    if not data.get("source") and not items:
        data["source"] = text(entries[0][0], "source")
    default = data.get("source")
    for source, fields in entries:
        if source != default:
            fields = {"id": fields["id"], "source": source, **{k: v for k, v in fields.items() if k != "id"}}
        items.append(mapping(fields))
    return bool(entries)


def splice_entries(
    file: Path, list_key: str, fields: dict[str, dict[str, str]], add_alias: dict[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> bool:  # fmt: skip
    """Set fields of entries (by id) of the file's list under list_key, and append an alias to some
    entries' aliases, changing nothing but those values: every other byte of the file (comments,
    spacing, quoting, line endings, a byte-order mark) stays as it was. Returns whether it wrote.

    A round trip through ruamel.yaml keeps comments but may respace a line it rewrites; a rename of
    many claims must not, so each value is replaced where it stands, found by the parser's marks,
    and written double-quoted. The result is read back with our own loader before it is written."""
    import json

    import yaml

    display = _display(file)
    raw = read_bounded(file, display, max_bytes, RegistryError, what="a registry file",
                       too_big="split it, or raise max_registry_bytes in factcheck.yaml",
                       unreadable="check it exists and is readable")  # fmt: skip
    load_text(raw, display)
    bom = raw.startswith(b"\xef\xbb\xbf")
    source = raw.decode("utf-8-sig")
    root = yaml.compose(source, Loader=yaml.SafeLoader)  # the pure-Python parser: its marks count characters
    splices: list[tuple[int, int, str]] = []

    def quoted(value: str, field: str) -> str:
        text(value, field)  # refuses what YAML cannot hold, naming the field
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar

    def line_end(index: int) -> int:
        end = source.find("\n", index)
        return len(source) if end < 0 else end

    def value_of(mapping: Any, key: str) -> tuple[Any, Any] | None:
        return next(((k, v) for k, v in mapping.value if getattr(k, "value", None) == key), None)

    def add_key(mapping: Any, key: str, value: str) -> None:
        """A key written after the mapping's last one: in a flow mapping after a comma, else on a line of its own."""
        last_key, last_value = mapping.value[-1]
        if mapping.flow_style:
            splices.append((mapping.end_mark.index - 1, mapping.end_mark.index - 1, f", {key}: {value}"))
        else:
            at = line_end(last_value.end_mark.index if last_value.end_mark.column else last_value.end_mark.index - 1)
            splices.append((at, at, "\n" + " " * last_key.start_mark.column + f"{key}: {value}"))

    items = value_of(root, list_key) if isinstance(root, yaml.MappingNode) else None
    for item in items[1].value if items is not None and isinstance(items[1], yaml.SequenceNode) else ():
        if not isinstance(item, yaml.MappingNode):
            continue
        found = value_of(item, "id")
        entry_id = found[1].value if found is not None and isinstance(found[1], yaml.ScalarNode) else None
        for key, new in fields.get(entry_id, {}).items() if entry_id is not None else ():
            pair = value_of(item, key)
            if pair is None:
                add_key(item, key, quoted(new, key))
            else:
                splices.append((pair[1].start_mark.index, pair[1].end_mark.index, quoted(new, key)))
        alias = (add_alias or {}).get(entry_id) if entry_id is not None else None
        if alias is None:
            continue
        pair = value_of(item, "aliases")
        if pair is None:
            add_key(item, "aliases", f"[{quoted(alias, 'aliases')}]")
        elif isinstance(pair[1], yaml.ScalarNode):  # `aliases: the council`: one name, made a list of two
            node = pair[1]
            splices.append((node.start_mark.index, node.end_mark.index,
                            f"[{source[node.start_mark.index : node.end_mark.index]}, {quoted(alias, 'aliases')}]"))  # fmt: skip
        elif pair[1].flow_style:
            at = pair[1].end_mark.index - 1  # before the closing bracket
            splices.append((at, at, (", " if pair[1].value else "") + quoted(alias, "aliases")))
        else:
            last = pair[1].value[-1]
            start = source.rfind("\n", 0, last.start_mark.index) + 1
            prefix = source[start : last.start_mark.index]  # "    - "
            at = line_end(last.end_mark.index if last.end_mark.column else last.end_mark.index - 1)
            splices.append((at, at, "\n" + prefix + quoted(alias, "aliases")))
    if not splices:
        return False
    new = source
    for start, end, replacement in sorted(splices, reverse=True):
        new = new[:start] + replacement + new[end:]
    data = ("\ufeff" if bom else "") + new
    try:
        load_text(data.encode("utf-8"), display)
    except RegistryError as exc:  # pragma: no cover - a value is always written quoted
        raise RegistryError(f"the edit would make a file factcheck cannot read ({exc.bare_message}); nothing was "
                            "written", path=display) from None  # fmt: skip
    write_atomic(file, data)
    return True
