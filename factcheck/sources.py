"""Source documents and their manifest, and the typographic folding used to match quotes.

Stored text is never changed. Matching sees through typography: curly and straight quotes,
dashes, ellipses, non-breaking and repeated spaces, and line breaks inside a sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import RegistryError, SourceError
from factcheck.models import DateRange, Source
from factcheck.yamlfile import YamlList, YamlMap, line_of, load_yaml

MANIFEST = "manifest.yaml"
SOURCE_FIELDS = {"file", "title", "outlet", "author", "url", "published", "evidence", "note", "status"}
MAX_SOURCE_BYTES = 10 * 1024 * 1024

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2007": " ", "\u3000": " ",
}  # fmt: skip
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


@dataclass(frozen=True)
class FoldedText:
    """Text with typography folded, and for each folded character its offset in the original."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is the original's length

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text that folded[start:end] came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> FoldedText:
    """Fold typography and collapse white space, keeping a map back to the original offsets."""
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if ch == "\u2026":
            out.extend("...")
            origin.extend((i, i, i))
            in_space = False
            continue
        ch = _FOLD.get(ch, ch)
        if ch.isspace():
            if in_space or not out:
                continue
            ch = " "
            in_space = True
        else:
            in_space = False
        out.append(ch)
        origin.append(i)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    origin.append(len(text))
    return FoldedText("".join(out), tuple(origin))


def fold_plain(text: str) -> str:
    return fold(text).text


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode_source(raw: bytes, display: str) -> str:
    """UTF-8 (with or without a byte-order mark); a clear error for anything else."""
    if b"\x00" in raw[:8192]:
        raise SourceError("looks like a binary file, not text", path=display,
                          hint="store sources as plain UTF-8 text")  # fmt: skip
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8 (byte {exc.start})", path=display, line=line,
                          hint="convert it to UTF-8, e.g. with iconv -f windows-1252 -t utf-8") from exc  # fmt: skip


def _text_field(entry: YamlMap, key: str, display: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise RegistryError("must be text", path=display, line=line_of(entry, key), field=key)
    return str(value)


def _published(entry: YamlMap, display: str) -> DateRange | None:
    value = entry.get("published")
    if value is None:
        return None
    try:
        return DateRange.parse_iso(str(value))
    except ValueError as exc:
        raise RegistryError(
            f"'{value}' is not a date or date range", path=display,
            line=line_of(entry, "published"), field="published",
            hint="write YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD when only a range is known",
        ) from exc  # fmt: skip


def load_manifest(seeds: Path, display_root: Path) -> dict[str, YamlMap]:
    """The manifest's entries by file name; an empty mapping when there is no manifest."""
    file = seeds / MANIFEST
    display = str(file.relative_to(display_root)) if file.is_relative_to(display_root) else str(file)
    if not file.exists():
        return {}
    data = load_yaml(file, display)
    if data is None:
        return {}
    if not isinstance(data, YamlMap) or not isinstance(data.get("sources"), YamlList):
        raise RegistryError("expected a mapping with a 'sources' list", path=display, line=line_of(data, default=1))
    entries: dict[str, YamlMap] = {}
    for item, line in zip(data["sources"], data["sources"].item_lines, strict=True):
        if not isinstance(item, YamlMap):
            raise RegistryError("each source must be a mapping", path=display, line=line)
        unknown = sorted(set(item) - SOURCE_FIELDS)
        if unknown:
            raise RegistryError(
                f"unknown field '{unknown[0]}'", path=display, line=line_of(item, unknown[0]),
                field=unknown[0], hint=f"allowed: {', '.join(sorted(SOURCE_FIELDS))}",
            )  # fmt: skip
        name = item.get("file")
        if not isinstance(name, str) or not name:
            raise RegistryError("missing 'file'", path=display, line=line, field="file")
        if name in entries:
            raise RegistryError(f"'{name}' is listed twice", path=display, line=line_of(item, "file"), field="file")
        entries[name] = item
    return entries


def load_sources(root: Path) -> tuple[Source, ...]:
    """Every text file in seeds/ (the manifest aside), with its metadata where the manifest has it."""
    seeds = root / "seeds"
    if not seeds.is_dir():
        raise SourceError("no seeds/ folder", path=str(root), hint="run from a factcheck project or pass --root")
    manifest = load_manifest(seeds, root)
    display_manifest = f"seeds/{MANIFEST}"
    sources: list[Source] = []
    names = sorted(p.name for p in seeds.iterdir() if p.is_file() and p.name != MANIFEST and not p.name.startswith("."))
    for name in names:
        path = seeds / name
        display = f"seeds/{name}"
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(f"file is {size:,} bytes, over the {MAX_SOURCE_BYTES:,}-byte limit", path=display)
        raw = path.read_bytes()
        text = decode_source(raw, display)
        entry = manifest.get(name, YamlMap())
        evidence = entry.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        sources.append(
            Source(
                name=name,
                path=display,
                text=text,
                sha256=hashlib.sha256(raw).hexdigest(),
                title=_text_field(entry, "title", display_manifest),
                outlet=_text_field(entry, "outlet", display_manifest),
                author=_text_field(entry, "author", display_manifest),
                url=_text_field(entry, "url", display_manifest),
                published=_published(entry, display_manifest),
                evidence=tuple(str(e) for e in evidence),
            )
        )
    missing = sorted(set(manifest) - set(names))
    if missing:
        entry = manifest[missing[0]]
        raise SourceError(
            f"lists '{missing[0]}', which is not in seeds/", path=display_manifest,
            line=line_of(entry, "file"), field="file", hint="add the file or remove the entry",
        )  # fmt: skip
    return tuple(sources)
