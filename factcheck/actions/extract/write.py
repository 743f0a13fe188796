"""Writing an extraction's proposals into the registry and the manifest, round-trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.files import project_lock
from factcheck.registry.edit import (
    CLAIMS_HEADER,
    ENTITIES_HEADER,
    MANIFEST_HEADER,
    append_claims,
    claims_file_for,
    claims_files_by_source,
    edit_file,
    entry_list,
    flow_list,
    mapping,
    text,
    write_new_claims,
    write_new_entries,
)
from factcheck.registry.load import ENTITIES_FILE
from factcheck.results import Extraction
from factcheck.sources.load import MANIFEST


def write_extraction(root: Path, result: Extraction) -> tuple[str, ...]:
    """Append an extraction's proposals to the registry and the manifest; returns the files written."""
    written: list[str] = []
    with project_lock(root):
        by_source: dict[str, list[Any]] = {}
        for claim in result.claims:
            by_source.setdefault(claim.source, []).append(claim)
        if result.entities or result.aliases:
            file = root / "claims" / ENTITIES_FILE
            if write_new_entries(file, ENTITIES_HEADER, "entities", _new_entities(result)) or edit_file(
                file, lambda d: _add_entities(d, result), ENTITIES_HEADER
            ):
                written.append(f"claims/{ENTITIES_FILE}")
        known = claims_files_by_source(root)
        for source, claims in by_source.items():
            file = claims_file_for(root, source, known)
            if not file.exists() and not file.is_symlink() and write_new_claims(file, source, [c.fields() for c in claims]):
                written.append(f"claims/{file.name}")
                continue
            entries = [(c.source, c.fields()) for c in claims]
            if edit_file(file, lambda d, es=entries, f=file: append_claims(d, es, f), CLAIMS_HEADER):  # type: ignore[misc]
                written.append(f"claims/{file.name}")
        if result.manifest:
            file = root / "seeds" / MANIFEST
            fields = [entry.fields() for entry in result.manifest]
            if write_new_entries(file, MANIFEST_HEADER, "sources", fields) or edit_file(
                file, lambda d: _add_sources(d, result), MANIFEST_HEADER
            ):
                written.append(f"seeds/{MANIFEST}")
    return tuple(written)


def _add_entities(data: Any, result: Extraction) -> bool:
    items = entry_list(data, "entities", f"claims/{ENTITIES_FILE}")
    changed = False
    for entity in result.entities:
        items.append(mapping(entity.fields()))
        changed = True
    for alias in result.aliases:
        entry = next((e for e in items if e.get("id") == alias.entity), None)
        if entry is None:
            continue
        proposed = entry.get("proposed_aliases")
        if proposed is None:
            entry["proposed_aliases"] = flow_list([alias.alias])
            changed = True
        elif alias.alias not in proposed:
            proposed.append(text(alias.alias, "proposed_aliases"))
            changed = True
    return changed


def _new_entities(result: Extraction) -> list[dict[str, Any]]:
    """The new entities' fields, each with the aliases proposed for it, as _add_entities adds them to an
    empty file (an alias of an entity the file does not hold is dropped there, so it is here)."""
    aliases: dict[str, list[str]] = {}
    for alias in result.aliases:
        listed = aliases.setdefault(alias.entity, [])
        if alias.alias not in listed:
            listed.append(alias.alias)
    out = []
    for entity in result.entities:
        fields: dict[str, Any] = entity.fields()
        if aliases.get(entity.id):
            fields["proposed_aliases"] = aliases[entity.id]
        out.append(fields)
    return out


def _add_sources(data: Any, result: Extraction) -> bool:
    items = entry_list(data, "sources", f"seeds/{MANIFEST}")
    listed = {e.get("file") for e in items}
    changed = False
    for entry in result.manifest:
        if entry.file not in listed:
            items.append(mapping(entry.fields()))
            changed = True
    return changed
