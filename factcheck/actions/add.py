"""Adding to a project by hand: a claim checked against its source before it is written, and a
source copied into seeds/ with its manifest entry.

Nothing is written unless every check passes: the quote must be in the source, the value in the
quote, and the value must parse. Writes are round-trip edits, atomic and under the project lock,
so the user's comments and order in the files touched are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.files import check_inside, project_lock, read_bounded, write_atomic
from factcheck.models import AnchorStatus, Claim, DateRange
from factcheck.project import Project
from factcheck.registry.load import ENTITIES_FILE, ID_PATTERN, KINDS, alias_index, free_id, id_words, load_registry
from factcheck.sources.load import MANIFEST, decode_source, is_file_name, load_sources
from factcheck.text.fold import name_key

# Properties that report what someone said: their value is a statement, compared word by word.
SAYING = re.compile(
    r"^(?:said|says|say|told|tells|tell|quoted|quotes|quote|stated|states|added|adds|wrote|writes|"
    r"commented|comments|claimed|claims|warned|warns|insisted|insists|argued|argues|explained|"
    r"according to|statement|remarks?|comment|words)(?:\s+(?:to|in|at|on|by|the|a|an|that|reporters|"
    r"journalists|staff|councillors|mps|parliament|bbc|us|me|him|her|them)\b.*)?$",
    re.IGNORECASE,
)


def saying_kind(property: str, value: str) -> str | None:
    """`statement` for a property that reports speech ("said", "told the BBC", "according to"),
    unless the value is a figure or a date (what someone said a figure was is compared as one)."""
    from factcheck.normalize.claims import claim_kind

    if not SAYING.match(" ".join(property.split())):
        return None
    return "statement" if claim_kind(Claim("new", "-", value, "-", property, value)) == "text" else None


class AddError(FactcheckError):
    """What was to be added does not check out; nothing was written."""


@dataclass(frozen=True)
class Added:
    """A claim as written: its id, its file, where its quote is, and whether its subject is new."""

    id: str
    file: str
    source: str
    line: int
    new_subject: str | None = None
    inferred_kind: str | None = None  # the kind written because the property reports speech
    duplicate: bool = False  # the same claim was already there (this is its id): nothing was written

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "file": self.file, "source": self.source, "line": self.line,
                "new_subject": self.new_subject, "inferred_kind": self.inferred_kind,
                "duplicate": self.duplicate}  # fmt: skip


def add_claim(
    root: str | Path | Project, source: str, *, quote: str, subject: str, property: str, value: str,
    id: str | None = None, kind: str | None = None, as_of: str | None = None, period: str | None = None,
    note: str | None = None,
) -> Added:  # fmt: skip
    """Check a claim against its source and append it to the source's claims file.

    A subject the registry does not know becomes a new entity in claims/entities.yaml.
    Raises AddError (nothing written) when the quote is not in the source, the value is not in
    the quote, the value does not parse, or the id is taken.
    """
    from factcheck.anchor import anchor_quote, prepare, value_in
    from factcheck.normalize.claims import glossary_index, normalize_claim
    from factcheck.pipeline.verification import excerpt
    from factcheck.registry.edit import (
        CLAIMS_HEADER,
        ENTITIES_HEADER,
        append_claims,
        claims_file_for,
        edit_file,
        entry_list,
        mapping,
    )

    project = Project.at(root)
    root = project.root
    quote, subject, property, value = (" ".join(t.split()) for t in (quote, subject, property, value))
    for name, text in (("quote", quote), ("subject", subject), ("property", property), ("value", value)):
        if not text:
            raise AddError(f"--{name} is empty", field=name, hint=f"give the claim's {name}")
    if kind is not None and kind not in KINDS:
        raise AddError(f"unknown kind '{kind}'", field="kind", hint=f"one of {', '.join(sorted(KINDS))}")
    inferred = saying_kind(property, value) if kind is None else None
    kind = kind or inferred
    if id is not None and not ID_PATTERN.match(id):
        raise AddError(f"'{id}' is not a valid id", field="id", hint="use letters, digits, '.', '_' and '-'")
    with project_lock(root):
        sources = {s.name: s for s in load_sources(root, project.settings)}
        registry = load_registry(root, set(sources), project.settings)
        source = _seed_name(root, source, sources)
        if not is_file_name(source) or source not in sources:
            raise AddError(f"no source '{source}' in seeds/", field="source",
                           hint="give a file name from `factcheck sources`, or add it with `factcheck sources add`")  # fmt: skip
        aliases = alias_index(registry.entities)
        subject_id = aliases.get(name_key(subject))
        new_subject = None
        if subject_id is None:
            from factcheck.text.entities import slug

            subject_id = free_id(slug(subject), set(aliases.values()))
            new_subject = subject_id
        taken = {c.id for c in registry.claims}
        if id is not None and id in taken:
            raise AddError(f"id '{id}' is already used", field="id", hint="choose another id, or leave --id out")
        wanted = (source, quote, subject_id, property, value, as_of or None, period or None)
        same = next((c for c in registry.claims if c.status != "rejected" and wanted == (
            c.source, " ".join(c.quote.split()), c.subject, c.property, c.value, c.as_of, c.period)), None)  # fmt: skip
        if same is not None and id is None:
            return Added(same.id, same.file, source, same.line, duplicate=True)
        claim = Claim(id or "new", source, quote, subject_id, property, value, kind, as_of, period, note=note)
        prep = prepare(sources[source])
        anchor = anchor_quote(claim, prep)
        if anchor.status not in (AnchorStatus.EXACT, AnchorStatus.MOVED):
            hint = f'nearest passage, line {anchor.line}: "{excerpt(anchor.exact)}"' if anchor.exact else None
            raise AddError(f"the quote is not in seeds/{source}", field="quote",
                           hint=hint or "copy the quote from the source exactly")  # fmt: skip
        if not value_in(value, quote):
            raise AddError(f"the value '{value}' is not in the quote", field="value",
                           hint="write the value exactly as the quote has it")  # fmt: skip
        errors = [m for sev, m in normalize_claim(claim, sources[source], glossary_index(registry.terms),
                                                        (anchor.start, anchor.end)).problems
                  if sev == "error"]  # fmt: skip
        if errors:
            field = next((f for f in ("as_of", "period", "relative_to") if errors[0].startswith(f"{f} '")), "value")
            hint = {"as_of": "write when the value held, e.g. --as-of 'March 2019' or 2019-03-31",
                    "period": "write the period it covers, e.g. --period 2019/20"}.get(field)  # fmt: skip
            raise AddError(errors[0], field=field, hint=hint or "check --value, --kind, --as-of and --period")
        claim_id = id or free_id(_new_id(source, property), taken)
        fields: dict[str, str] = {"id": claim_id, "quote": quote, "subject": subject, "property": property,
                                  "value": value}  # fmt: skip
        fields.update({k: v for k, v in (("kind", kind), ("as_of", as_of), ("period", period), ("note", note)) if v})
        if new_subject:
            entity = mapping({"id": new_subject, "name": subject})
            display = f"claims/{ENTITIES_FILE}"
            edit_file(project.claims / ENTITIES_FILE, lambda d: _append(entry_list(d, "entities", display), entity),
                      ENTITIES_HEADER)  # fmt: skip
        file = claims_file_for(root, source)
        check_inside(root, file, f"claims/{file.name}")

        edit_file(file, lambda d: append_claims(d, [(source, fields)], file), CLAIMS_HEADER)
    return Added(claim_id, f"claims/{file.name}", source, anchor.line, new_subject, inferred)


def _seed_name(root: Path, given: str, sources: dict[str, Any]) -> str:
    """A source named as the user sees it: `a.txt`, or a path to it such as `seeds/a.txt` (from the
    current folder or the project's)."""
    if given in sources or "/" not in given.replace("\\", "/"):
        return given
    path = Path(given)
    for candidate in (path, root / path):
        try:
            if candidate.resolve().parent == (root / "seeds").resolve() and candidate.name in sources:
                return candidate.name
        except (OSError, ValueError):  # ValueError: a NUL in the name, which no path can hold
            continue
    return given


def _append(items: list[Any], entry: object) -> bool:
    items.append(entry)
    return True


def _new_id(source: str, prop: str) -> str:
    prefix = re.sub(r"[^a-z0-9]+", "-", Path(source).stem.casefold()).strip("-")[:16] or "src"
    return f"{prefix}-{id_words(prop, 'claim')}"


@dataclass(frozen=True)
class AddedSource:
    name: str
    path: str
    encoding: str
    published: str | None
    status: str = "added"  # added | updated | unchanged (the manifest entry, when run again)
    changes: tuple[tuple[str, str | None, object], ...] = ()  # (field, before or None, after)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "path": self.path,
            "encoding": self.encoding,
            "published": self.published,
            "status": self.status,
            "changes": [{"field": k, "before": b, "after": a} for k, b, a in self.changes],
        }


def add_source(
    root: str | Path | Project, file: str | Path, *, title: str | None = None, date: str | None = None,
    outlet: str | None = None, url: str | None = None, author: str | None = None, name: str | None = None,
    force: bool = False,
) -> AddedSource:  # fmt: skip
    """Copy a file into seeds/ byte for byte and record its metadata in the manifest.

    The file must be readable text within the size limit. A file of the same name that is already
    in seeds/ is never overwritten: the same bytes are a no-op for the copy, other bytes an error.
    Run again, it fills in what the manifest entry lacks; a title, date or other field it already
    has is replaced only with `force`. The result says what changed.
    """
    from factcheck.registry.edit import MANIFEST_HEADER, edit_file, entry_list, mapping, scalar

    project = Project.at(root)
    root, file = project.root, Path(file)
    name = name or file.name
    if not is_file_name(name) or name == MANIFEST or any(ch < " " or ch == "\x7f" for ch in name):
        raise AddError(
            f"'{name}' cannot be a source's name", field="name", hint="use a plain file name, e.g. story.txt"
        )
    published = None
    if date:
        try:
            published = DateRange.parse_iso(date).iso()
        except ValueError:
            raise AddError(f"'{date}' is not a date or date range", field="date",
                           hint="write YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD when only a range is known") from None  # fmt: skip
    seeds = project.seeds
    if not seeds.is_dir():
        raise AddError("no seeds/ folder", path=str(root), hint="run `factcheck init` first, or pass --root")
    limit = project.settings.max_source_bytes
    raw = read_bounded(file, str(file), limit, AddError, what="a source",
                       too_big="store only the article's text, or raise max_source_bytes in factcheck.yaml",
                       unreadable="check the path")  # fmt: skip
    _text, encoding = decode_source(raw, str(file))
    target = seeds / name
    fields: dict[str, object] = {"file": name}
    fields.update({k: v for k, v in (("title", title), ("outlet", outlet), ("author", author), ("url", url),
                                     ("published", published)) if v})  # fmt: skip
    if encoding not in ("utf-8", "utf-8-sig"):
        fields["encoding"] = encoding
    with project_lock(root):
        check_inside(root, target, f"seeds/{name}")
        before = _manifest_entry(seeds / MANIFEST, name)
        changes = _changes(before, fields)
        replaced = [c for c in changes if c[1] is not None]
        if replaced and not force:
            key, old, new = replaced[0]
            raise AddError(f"seeds/{MANIFEST} already has {key} '{old}' for {name}", field=key,
                           hint=f"add --force to replace it with '{new}'")  # fmt: skip
        if target.exists() or target.is_symlink():
            if read_bounded(target, f"seeds/{name}", limit, AddError, what="a source", too_big="give the new file "
                            "another name with --name", unreadable="check seeds/") != raw:  # fmt: skip
                raise AddError("a different file of that name is already in seeds/", path=f"seeds/{name}",
                               hint="give it another name with --name")  # fmt: skip
        else:
            write_atomic(target, raw)

        def record(data: Any) -> bool:
            for entry in entry_list(data, "sources", f"seeds/{MANIFEST}"):
                if hasattr(entry, "get") and entry.get("file") == name:
                    for key, _old, val in changes:
                        entry[key] = scalar(key, val)
                    return bool(changes)
            return _append(entry_list(data, "sources", f"seeds/{MANIFEST}"), mapping(fields))

        edit_file(seeds / MANIFEST, record, MANIFEST_HEADER)
    status = "added" if before is None else "updated" if changes else "unchanged"
    known = published or (str(before["published"]) if before and before.get("published") else None)
    return AddedSource(name, f"seeds/{name}", encoding, known, status, tuple(changes))


def _manifest_entry(manifest: Path, name: str) -> dict[str, Any] | None:
    """The manifest's entry for a source, as written, or None."""
    from factcheck.yamlfile import YamlMap, load_yaml

    if not manifest.exists():
        return None
    data = load_yaml(manifest, f"seeds/{MANIFEST}")
    items = data.get("sources") if isinstance(data, YamlMap) else None
    return next((e for e in items or [] if isinstance(e, dict) and e.get("file") == name), None)


def _changes(before: dict[str, Any] | None, fields: dict[str, object]) -> list[tuple[str, str | None, object]]:
    """(field, value before or None when it had none, new value) for each field given that differs."""
    if before is None:
        return []
    return [(k, None if before.get(k) in (None, "") else str(before[k]), v) for k, v in fields.items()
            if before.get(k) is None or str(before[k]) != str(v)]  # fmt: skip
