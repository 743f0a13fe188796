"""Changing registry files without disturbing what people wrote in them.

Every edit goes through ruamel.yaml's round-trip mode, which keeps comments, key order, quoting
and indentation, and is written atomically under the project's write lock. Only the entries an
edit is about change; a file nobody's edit touches is not rewritten. ruamel.yaml is imported
here and only here, so commands that only read never pay for it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.errors import RegistryError
from factcheck.files import write_atomic
from factcheck.registry.load import claim_files
from factcheck.yamlfile import YamlMap, load_yaml

QUOTED_FIELDS = {"quote", "value", "note", "alias"}  # free text: always double-quoted, never folded


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


def edit_file(file: Path, change: Callable[[Any], bool], header: str = "") -> bool:
    """Load file round-trip, let change() mutate it (returning whether it did), write it back
    atomically. A missing file starts as `header`. Returns whether the file was written."""
    text = file.read_text(encoding="utf-8") if file.exists() else header
    yaml = _yaml(text)
    data = yaml.load(text) if text.strip() else None
    if data is None:  # an empty file: start from the header
        data = yaml.load(header) if header.strip() else {}
    if not change(data):
        return False
    out = io.StringIO()
    yaml.dump(data, out)
    write_atomic(file, out.getvalue())
    return True


def mapping(fields: dict[str, Any]) -> Any:
    """A new YAML mapping in the given key order, free-text fields double-quoted."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    out = CommentedMap()
    for key, value in fields.items():
        if isinstance(value, list):
            out[key] = CommentedSeq(DoubleQuotedScalarString(v) for v in value)
        else:
            out[key] = scalar(key, value)
    return out


def scalar(key: str, value: Any) -> Any:
    """A field's value as it should be written: free text and anything YAML would misread quoted."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if key in QUOTED_FIELDS or (isinstance(value, str) and _needs_quotes(value)):
        return DoubleQuotedScalarString(value)
    return value


def _needs_quotes(value: str) -> bool:
    return value != value.strip() or any(c in value for c in ":#'\"{}[],&*!|>%@`") or value[:1] in "-?"


def flow_list(values: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def claims_file_for(root: Path, source: str) -> Path:
    """The claims file that holds a source's claims: the one naming it at the top, else a new one."""
    claims_dir = root / "claims"
    for file in claim_files(claims_dir):
        data = load_yaml(file, f"claims/{file.name}")
        if isinstance(data, YamlMap) and data.get("source") == source:
            return file
    return claims_dir / f"{Path(source).stem}.yaml"


ENTITIES_HEADER = (
    "# Every subject a claim can be about, declared once with the other names the sources use.\nentities: []\n"
)
CLAIMS_HEADER = "# Claims in seeds/{source}.\nsource: {source}\nclaims: []\n"
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
        data["source"] = entries[0][0]
    default = data.get("source")
    for source, fields in entries:
        if source != default:
            fields = {"id": fields["id"], "source": source, **{k: v for k, v in fields.items() if k != "id"}}
        items.append(mapping(fields))
    return bool(entries)
