"""Source documents and their manifest. Stored text is never changed (matching sees through
typography with text.fold)."""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import RegistryError, SourceError
from factcheck.files import RECHECK_NS, check_inside, is_file_name, read_bounded
from factcheck.models import DateRange, Source
from factcheck.settings import Settings, load_settings
from factcheck.yamlfile import YamlList, YamlMap, line_of, load_yaml

MANIFEST = "manifest.yaml"
GUESSED = ("cp1252", "latin-1")  # encodings read by elimination, not by evidence: worth a warning
SOURCE_FIELDS = {
    "file", "title", "outlet", "author", "url", "published", "evidence", "note", "status", "encoding",
}  # fmt: skip

SOURCE_STATUSES = ("reviewed", "proposed")  # proposed: an entry extract wrote, waiting for review


def decode_source(raw: bytes, display: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a source and the encoding it was read in.

    A declared encoding (the manifest's `encoding:`) is used as given. Otherwise a byte-order
    mark decides (UTF-8 or UTF-16); then UTF-8; then Windows-1252, which is what a non-UTF-8
    file from a newsroom's PC almost always is (and reads Latin-1 text the same way); then
    Latin-1, which accepts any bytes. Binary files are refused.
    """
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise SourceError(f"unknown encoding '{encoding}'", path=display,
                              hint="use a Python codec name such as utf-8, cp1252 or latin-1") from None  # fmt: skip
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise SourceError(f"not valid {encoding} (byte {exc.start})", path=display, line=line,
                              hint="correct the manifest's encoding for it, or remove it to let factcheck guess") from None  # fmt: skip
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise SourceError(f"starts with a {encoding} byte-order mark but is not {encoding} (byte {exc.start})",
                              path=display, hint="convert it to UTF-8") from None  # fmt: skip
    if _looks_binary(raw[:8192]):
        raise SourceError("looks like a binary file, not text", path=display,
                          hint="store sources as plain text (save a PDF or Word file as .txt first)")  # fmt: skip
    for encoding in ("utf-8", *GUESSED):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # control bytes text does not have


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > max(8, len(head) // 20)


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


def load_manifest(seeds: Path, display_root: Path, max_bytes: int | None = None) -> dict[str, YamlMap]:
    """The manifest's entries by file name; an empty mapping when there is no manifest."""
    file = seeds / MANIFEST
    display = str(file.relative_to(display_root)) if file.is_relative_to(display_root) else str(file)
    if not file.exists():
        return {}
    check_inside(display_root, file, display)
    data = load_yaml(file, display, max_bytes or Settings().max_registry_bytes)
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
        if not is_file_name(name):
            raise RegistryError(f"'{name}' is not a file name in seeds/", path=display, line=line_of(item, "file"),
                                field="file", hint="write the bare file name, without folders")  # fmt: skip
        if name in entries:
            raise RegistryError(f"'{name}' is listed twice", path=display, line=line_of(item, "file"), field="file")
        evidence = item.get("evidence")
        if (
            evidence is not None
            and not isinstance(evidence, str)
            and not (isinstance(evidence, YamlList) and all(isinstance(e, str) for e in evidence))
        ):
            raise RegistryError("must be text or a list of texts", path=display, line=line_of(item, "evidence"),
                                field="evidence", hint='e.g. evidence: ["Dateline, line 3"]')  # fmt: skip
        status = item.get("status")
        if status is not None and status not in SOURCE_STATUSES:
            raise RegistryError(f"unknown status '{status}'", path=display, line=line_of(item, "status"),
                                field="status", hint=f"one of {', '.join(SOURCE_STATUSES)}")  # fmt: skip
        entries[name] = item
    return entries


@dataclass(frozen=True)
class Seen:
    """What an earlier run learnt of a source file; trusted while the file's size, mtime, ctime and
    inode are unchanged, unless it was learnt within RECHECK_NS of the file's last change (a second
    change within the same clock tick would leave the stat unchanged). The ctime is what catches a
    file edited in place with its mtime put back (`touch -d`): the system sets it on every change
    and no ordinary program can set it back."""

    size: int
    mtime_ns: int
    ino: int
    ctime_ns: int
    learnt_ns: int
    sha256: str
    encoding: str
    declared: str | None  # the manifest's encoding when it was read
    empty: bool

    def still(self, st: os.stat_result, declared: str | None) -> bool:
        return (
            (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
            == (self.size, self.mtime_ns, self.ino, self.ctime_ns)
            and self.learnt_ns - max(self.mtime_ns, self.ctime_ns) > RECHECK_NS
            and declared == self.declared
        )




def source_names(root: Path) -> set[str]:
    """The names of the sources in seeds/, without reading them."""
    _seeds, found = _seed_entries(root)
    return {name for name, entry in found.items() if entry.is_file()}


def _seed_entries(root: Path) -> tuple[Path, dict[str, os.DirEntry[str]]]:
    """seeds/ and what is in it, the manifest and hidden files aside; refused when missing or when
    it leads outside the project."""
    seeds = root / "seeds"
    if not seeds.is_dir():
        raise SourceError("no seeds/ folder", path=str(root), hint="run from a factcheck project or pass --root")
    check_inside(root, seeds, "seeds/")
    with os.scandir(seeds) as listing:
        return seeds, {e.name: e for e in listing if e.name != MANIFEST and not e.name.startswith(".")}


def load_sources(root: Path, settings: Settings | None = None) -> tuple[Source, ...]:
    """Every text file in seeds/ (the manifest aside), with its metadata where the manifest has it."""
    return scan_sources(root, settings)[0]


def scan_sources(
    root: Path, settings: Settings | None = None, seen: Mapping[str, Seen] | None = None,
    manifest: Callable[[Path], dict[str, YamlMap]] | None = None, stats: Mapping[str, os.stat_result] | None = None,
) -> tuple[tuple[Source, ...], dict[str, Seen]]:  # fmt: skip
    """The sources, and what was learnt of each file for the next run. A file `seen` before and
    unchanged is not read now: its Source reads its text when first asked for it. `manifest`
    parses seeds/manifest.yaml (a cache may have its parse); `stats`: the files' stat by path,
    when the caller took it already."""
    stats = stats or {}
    settings = settings or load_settings(root)
    seen = seen or {}
    seeds, found = _seed_entries(root)
    if manifest is not None and (seeds / MANIFEST).exists():
        check_inside(root, seeds / MANIFEST, f"seeds/{MANIFEST}")
        entries = manifest(seeds / MANIFEST)
    else:
        entries = load_manifest(seeds, root, settings.max_registry_bytes)
    display_manifest = f"seeds/{MANIFEST}"
    sources: list[Source] = []
    learnt: dict[str, Seen] = {}
    names = sorted(found)
    for name in names:
        path = found[name].path  # as text: a Path for each of thousands of sources costs more than reading the stat
        display = f"seeds/{name}"
        if found[name].is_symlink():  # seeds/ itself is checked: only a link can lead elsewhere
            check_inside(root, Path(path), display)
        if not found[name].is_file():
            continue  # a folder inside seeds/ is not a source
        entry = entries.get(name, YamlMap())
        declared = _text_field(entry, "encoding", display_manifest)
        st = stats.get(path) or found[name].stat()
        known = seen.get(name)
        if known is not None and known.still(st, declared):
            text, encoding, sha, empty = None, known.encoding, known.sha256, known.empty
            learnt[name] = known
        else:
            raw = _read_source(Path(path), display, settings.max_source_bytes)
            text, encoding = decode_source(raw, display, declared)
            sha, empty = hashlib.sha256(raw).hexdigest(), not text.strip()
            learnt[name] = Seen(
                st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, time.time_ns(), sha, encoding, declared, empty
            )
        # a copy without its text (for another process, say) reads it again, checked against sha
        reader = functools.partial(_read_again, path, display, settings.max_source_bytes, encoding, sha)
        evidence = entry.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        warnings = []
        if encoding in GUESSED and not declared:
            warnings.append(f"is not UTF-8; read as {encoding}. Check its quotes look right with `factcheck show`, "
                            f"and write `encoding: {encoding}` in its manifest entry to say so")  # fmt: skip
        if empty:
            warnings.append("is empty")
        sources.append(
            Source(
                name=name,
                path=display,
                body=text,
                sha256=sha,
                title=_text_field(entry, "title", display_manifest),
                outlet=_text_field(entry, "outlet", display_manifest),
                author=_text_field(entry, "author", display_manifest),
                url=_text_field(entry, "url", display_manifest),
                published=_published(entry, display_manifest),
                evidence=tuple(str(e) for e in evidence),
                encoding=encoding,
                warnings=tuple(warnings),
                reader=reader,
            )
        )
    missing = sorted(set(entries) - set(names))
    if missing:
        entry = entries[missing[0]]
        raise SourceError(
            f"lists '{missing[0]}', which is not in seeds/", path=display_manifest,
            line=line_of(entry, "file"), field="file", hint="add the file or remove the entry",
        )  # fmt: skip
    return tuple(sources), learnt


def known_source(root: Path, settings: Settings, name: str, sha256: str, encoding: str, **fields: Any) -> Source:
    """A source as scan_sources makes it of a file it knows already, from what a run kept of it
    (`fields`: its title, outlet, author, url, published, evidence and warnings): its text is read
    when first needed, as scan_sources leaves it."""
    display = f"seeds/{name}"
    path = os.path.join(root, "seeds", name)  # as the directory entry scan_sources reads gives it
    reader = functools.partial(_read_again, path, display, settings.max_source_bytes, encoding, sha256)
    return Source(name=name, path=display, body=None, sha256=sha256, encoding=encoding, reader=reader, **fields)


def _read_again(path: str, display: str, limit: int, encoding: str, sha256: str) -> str:
    """A source's text read when first needed; refused if the file changed since it was checked.
    (The path is a string: a source is pickled for every worker, and a Path pickles slowly.)"""
    raw = _read_source(Path(path), display, limit)
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise SourceError("changed while factcheck was running", path=display, hint="run the command again")
    return raw.decode(encoding)


def _read_source(path: Path, display: str, limit: int) -> bytes:
    return read_bounded(path, display, limit, SourceError, what="a source",
                        too_big="store only the article's text, or raise max_source_bytes in factcheck.yaml",
                        unreadable="it may have been moved or deleted while factcheck ran; check it and run again")  # fmt: skip
