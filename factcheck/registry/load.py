"""The claims registry: claims/*.yaml and claims/entities.yaml, loaded and validated.

Every structural mistake raises a RegistryError naming file, line and field. What can only be
judged against the sources (is the quote there? is the value in it?) is left to verify, which
reports it as a problem.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import RegistryError
from factcheck.files import check_inside, is_file_name
from factcheck.models import Claim, Entity
from factcheck.registry.layout import (  # noqa: F401 - where they were first, for their users
    CLAIM_FIELDS,
    ENTITIES_FILE,
    ID_PATTERN,
    KINDS,
    REQUIRED,
    REVIEWS_FILE,
    STATUSES,
    check_kind,
    claim_file_names,
    claim_files,
    registry_dir,
)
from factcheck.settings import Settings, load_settings
from factcheck.text.fold import fold_plain, name_key
from factcheck.yamlfile import YamlList, YamlMap, line_of, load_yaml

ENTITY_STATUSES = ("reviewed", "proposed")  # proposed: found by extract, waiting for review


ENTITY_FIELDS = {"id", "name", "aliases", "kind", "note", "status", "proposed_aliases"}
TERM_FIELDS = {"term", "aliases", "note"}


@dataclass(frozen=True)
class Registry:
    """Entities, the glossary of equivalent terms, and the claims, in file order."""

    entities: tuple[Entity, ...]
    terms: tuple[tuple[str, tuple[str, ...]], ...]
    claims: tuple[Claim, ...]

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def free_id(base: str, taken: Container[str]) -> str:
    """base, or base-2, base-3… : the first id not taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def id_words(text: str, default: str) -> str:
    """Up to three words of text for an id: 'Road spending (2019)' → 'road-spending-2019'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold_plain(text).casefold())[:3]) or default


def _text(entry: YamlMap, key: str, display: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise RegistryError(
                f"missing field '{key}'", path=display, line=line_of(entry), field=key,
                hint=f"every claim needs {', '.join(REQUIRED)}",
            )  # fmt: skip
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RegistryError("must be text", path=display, line=line_of(entry, key), field=key)
    text = str(value)
    if required and not text.strip():
        raise RegistryError("must not be empty", path=display, line=line_of(entry, key), field=key)
    return text


def _check_fields(entry: YamlMap, allowed: set[str], display: str) -> None:
    if entry.keys() <= allowed:  # as nearly always: one look at the speed of sets
        return
    unknown = [k for k in entry if k not in allowed]
    if unknown:
        key = unknown[0]
        raise RegistryError(
            f"unknown field '{key}'", path=display, line=line_of(entry, key), field=key,
            hint=f"allowed fields: {', '.join(sorted(allowed))}",
        )  # fmt: skip


def _string_list(entry: YamlMap, key: str, display: str) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, YamlList) or not all(isinstance(v, (str, int)) for v in value):
        raise RegistryError("must be a list of names", path=display, line=line_of(entry, key), field=key)
    return tuple(str(v) for v in value)


def read_registry_file(root: Path, file: Path, display: str, settings: Settings | None = None,
                       folder_checked: bool = False) -> Any:  # fmt: skip
    """One registry file's data, refused when it leads outside the project or is over the size limit.
    In a folder already checked to be inside (folder_checked), a file that is no link is inside too:
    it is opened without following links, and only a link is resolved."""
    limit = (settings or load_settings(root)).max_registry_bytes
    if folder_checked and not os.path.islink(file):
        return load_yaml(file, display, limit, follow=False)
    check_inside(root, file, display)
    return load_yaml(file, display, limit)


def load_entities(
    claims_dir: Path, settings: Settings | None = None
) -> tuple[tuple[Entity, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    file = claims_dir / ENTITIES_FILE
    display = f"claims/{ENTITIES_FILE}"
    if not file.exists():
        return (), ()
    data = read_registry_file(claims_dir.parent, file, display, settings)
    if data is None:
        return (), ()
    if not isinstance(data, YamlMap):
        raise RegistryError("expected a mapping with 'entities' (and optionally 'terms')", path=display, line=1)
    _check_fields(data, {"entities", "terms"}, display)
    entities: list[Entity] = []
    first_line: dict[str, int] = {}
    for item, _line in _items(data, "entities", display):
        _check_fields(item, ENTITY_FIELDS, display)
        entity_id = _text(item, "id", display, required=True)
        assert entity_id is not None
        if not ID_PATTERN.match(entity_id):
            raise RegistryError(f"'{entity_id}' is not a valid id", path=display, line=line_of(item, "id"), field="id",
                                hint="use letters, digits, '.', '_' and '-'")  # fmt: skip
        if entity_id in first_line:
            raise RegistryError(f"entity id '{entity_id}' is used twice (first on line {first_line[entity_id]})",
                                path=display, line=line_of(item, "id"), field="id",
                                hint="merge the two entries, or give one another id")  # fmt: skip
        first_line[entity_id] = line_of(item, "id")
        status = _text(item, "status", display) or "reviewed"
        if status not in ENTITY_STATUSES:
            raise RegistryError(f"unknown status '{status}'", path=display, line=line_of(item, "status"),
                                field="status", hint=f"one of {', '.join(ENTITY_STATUSES)}")  # fmt: skip
        entities.append(
            Entity(
                id=entity_id,
                name=_text(item, "name", display) or entity_id,
                aliases=_string_list(item, "aliases", display),
                kind=_text(item, "kind", display),
                note=_text(item, "note", display),
                status=status,
                proposed_aliases=_string_list(item, "proposed_aliases", display),
            )
        )
    terms: list[tuple[str, tuple[str, ...]]] = []
    for item, _line in _items(data, "terms", display):
        _check_fields(item, TERM_FIELDS, display)
        term = _text(item, "term", display, required=True)
        assert term is not None
        terms.append((term, _string_list(item, "aliases", display)))
    return tuple(entities), tuple(terms)


def _items(data: YamlMap, key: str, display: str) -> list[tuple[YamlMap, int]]:
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, YamlList):
        raise RegistryError(f"'{key}' must be a list", path=display, line=line_of(data, key), field=key)
    out = []
    for item, line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, YamlMap):
            raise RegistryError(f"each entry of '{key}' must be a mapping", path=display, line=line)
        out.append((item, line))
    return out


def alias_index(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Every name, alias and id of every entity → the entity id. An alias used twice is an error."""
    index: dict[str, str] = {}
    for entity in entities:
        for name in (entity.id, entity.name, *entity.aliases):
            key = name_key(name)
            owner = index.get(key)
            if owner is not None and owner != entity.id:
                raise RegistryError(
                    f"the name '{name}' is used by both '{owner}' and '{entity.id}'",
                    path=f"claims/{ENTITIES_FILE}", hint="give each entity its own aliases",
                )  # fmt: skip
            index[key] = entity.id
    return index


def load_registry(root: Path, source_names: set[str], settings: Settings | None = None) -> Registry:
    """Load and validate every claims file under root/claims against the known sources."""
    settings = settings or load_settings(root)
    claims_dir = registry_dir(root)
    entities, terms = load_entities(claims_dir, settings)
    aliases = alias_index(entities)
    claims = [c for file in claim_files(claims_dir) for c in parse_claims_file(root, file, aliases, settings)]
    check_claims(claims, source_names)
    return Registry(entities, terms, tuple(claims))


def parse_claims_file(root: Path, file: Path, aliases: dict[str, str], settings: Settings) -> tuple[Claim, ...]:
    """One claims file's claims, validated on their own and against the entities (aliases).
    file is in root/claims, which registry_dir(root) checked to be inside the project.
    Whether their sources exist and their ids are unique is for check_claims, over all files."""
    display = f"claims/{file.name}"
    data = read_registry_file(root, file, display, settings, folder_checked=file.parent == root / "claims")
    if data is None:
        return ()
    if not isinstance(data, YamlMap):
        raise RegistryError(
            "expected a mapping with 'source' and 'claims'", path=display, line=line_of(data, default=1)
        )
    _check_fields(data, {"source", "claims"}, display)
    default_source = _text(data, "source", display)
    return tuple(
        _claim(item, line, display, default_source, aliases, line_of(data, "source"))
        for item, line in _items(data, "claims", display)
    )


def check_claims(claims: Iterable[Claim], source_names: Container[str]) -> None:
    """Every claim's source is in seeds/ and no id is used twice; the first failure is raised."""
    first_seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.source not in source_names:
            raise RegistryError(f"source '{claim.source}' does not exist in seeds/", path=claim.file,
                                line=claim.line_of("source"), field="source",
                                hint="check the file name or add the source to seeds/")  # fmt: skip
        earlier = first_seen.setdefault(claim.id, claim)
        if earlier is not claim:
            raise RegistryError(
                f"duplicate id '{claim.id}' (also in {earlier.file}:{earlier.line})",
                path=claim.file, line=claim.line_of("id"), field="id", hint="give every claim its own id",
            )  # fmt: skip


def _claim(
    item: YamlMap, line: int, display: str, default_source: str | None, aliases: dict[str, str],
    default_source_line: int = 0,
) -> Claim:  # fmt: skip
    _check_fields(item, CLAIM_FIELDS, display)
    fields = _plain_fields(item)
    if fields is None:  # something to refuse: _text says what, field by field
        fields = {key: _text(item, key, display, required=key in REQUIRED) for key in CLAIM_FIELDS}
    claim_id = fields["id"]
    assert claim_id is not None
    if not ID_PATTERN.match(claim_id):
        raise RegistryError(f"'{claim_id}' is not a valid id", path=display, line=line_of(item, "id"), field="id",
                            hint="use letters, digits, '.', '_' and '-'")  # fmt: skip
    key_lines = item.key_lines
    source = fields["source"] or default_source
    source_line = key_lines.get("source", line) if fields["source"] else (default_source_line or line)
    if not source:
        raise RegistryError("missing field 'source'", path=display, line=line, field="source",
                            hint="name the source file at the top of the file or on the claim")  # fmt: skip
    if not is_file_name(source):
        raise RegistryError(f"'{source}' is not a file name in seeds/", path=display, line=source_line, field="source",
                            hint="give the bare file name, e.g. 000_story.txt")  # fmt: skip
    subject_written = fields["subject"]
    assert subject_written is not None
    subject = aliases.get(name_key(subject_written))
    if subject is None:
        raise RegistryError(
            f"unknown subject '{subject_written}'", path=display, line=line_of(item, "subject"), field="subject",
            hint=f"declare it (or add it as an alias) in claims/{ENTITIES_FILE}",
        )  # fmt: skip
    kind = fields["kind"]
    if kind is not None and kind not in KINDS:
        raise RegistryError(f"unknown kind '{kind}'", path=display, line=line_of(item, "kind"), field="kind",
                            hint=f"one of {', '.join(sorted(KINDS))}")  # fmt: skip
    status = fields["status"] or "reviewed"
    if status not in STATUSES:
        raise RegistryError(f"unknown status '{status}'", path=display, line=line_of(item, "status"), field="status",
                            hint="reviewed, proposed or rejected")  # fmt: skip
    certainty = _certainty(fields["certainty"], display, line_of(item, "certainty"))
    key_lines = item.key_lines  # line_of(item, k) for each key, read directly
    return Claim(
        id=claim_id,
        source=source,
        quote=fields["quote"] or "",
        subject=subject,
        property=fields["property"] or "",
        value=fields["value"] or "",
        kind=kind,
        as_of=fields["as_of"],
        period=fields["period"],
        relative_to=fields["relative_to"],
        note=fields["note"],
        status=status,
        file=display,
        line=line,
        subject_as_written=subject_written,
        field_lines=(tuple(key_lines.items()) if list(key_lines) == list(item)  # each key's line, as read
                     else tuple((k, key_lines.get(k, item.line)) for k in item))
        + (() if fields["source"] else (("source", source_line),)),
        certainty=certainty,
        basis=fields["basis"],
    )


_SCALARS = (str, int, float)  # what _text takes as text (not bool)
_REQUIRED_SET = frozenset(REQUIRED)


def _plain_fields(item: YamlMap) -> dict[str, str | None] | None:
    """What _text gives each claim field, when every field is text or a number and every required
    one is there and not blank (as nearly always); None when _text has something to refuse."""
    if not _REQUIRED_SET <= item.keys():
        return None
    fields: dict[str, str | None] = dict.fromkeys(CLAIM_FIELDS)
    if all(type(value) is str for value in item.values()):  # as a claims file is written: text alone
        fields.update(item)
    else:
        for key, value in item.items():
            kind = type(value)
            if kind is str:
                fields[key] = value
            elif kind in _SCALARS:
                fields[key] = str(value)
            else:
                return None
    if not all(fields[key].strip() for key in REQUIRED):  # type: ignore[union-attr]
        return None
    return fields


def _certainty(text: str | None, display: str, line: int) -> float | None:
    """extract's certainty of a proposal: a number from 0 to 1 (absent: not known)."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise RegistryError(f"certainty '{text}' is not a number from 0 to 1", path=display, line=line,
                            field="certainty", hint="e.g. certainty: 0.5, or delete the line")  # fmt: skip
    return value
