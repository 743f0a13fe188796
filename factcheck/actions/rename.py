"""rename: one subject or property changed on many claims at once, as a reviewer tidies extract's guesses.

Only the field named changes, on the claims that have it; every other byte of every file stays as
it was (a round-trip edit of the entries concerned). A subject is named by any of its entity's
names; the new subject must be a name the registry knows (the claims then move to that entity),
or, when the whole entity is renamed, a new name: the entity takes it and keeps the old one as an
alias, so nothing that used the old name stops resolving. Input that could mean two things is
refused, as is a rename that would leave a file factcheck cannot read.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.files import project_lock
from factcheck.models import Claim, Entity
from factcheck.project import Project
from factcheck.registry.load import ENTITIES_FILE, alias_index, load_registry
from factcheck.results import Change, Renaming
from factcheck.sources.load import load_sources
from factcheck.text.fold import fold_plain, name_key

FIELDS = ("subject", "property")


class RenameError(FactcheckError):
    """A rename that names nothing, could mean two things, or would break the registry."""


def rename(
    root: str | Path | Project, field: str, old: str, new: str, *, source: str | None = None,
    subject: str | None = None, property: str | None = None, dry_run: bool = False,
) -> Renaming:  # fmt: skip
    """Set `field` (subject or property) to `new` on every claim where it is `old`, narrowed by
    source (part of its file name), subject (for a property) or property (for a subject)."""
    if field not in FIELDS:
        raise RenameError(f"cannot rename '{field}'", hint="rename a subject or a property")
    new = " ".join(new.split())
    if not new:
        raise RenameError(f"the new {field} is empty", field=field, hint="give the name to use instead")
    if " ".join(old.split()) == new:
        raise RenameError(f"'{old}' and '{new}' are the same", field=field, hint="nothing to rename")
    project = Project.at(root)
    with project_lock(project.root):
        sources = load_sources(project.root, project.settings)
        registry = load_registry(project.root, {s.name for s in sources}, project.settings)
        claims = [c for c in registry.claims if not source or source in c.source]
        if field == "subject":
            if subject is not None:
                raise RenameError("--subject narrows a property rename", hint="to narrow a subject rename use --property")
            plan = _plan_subject(registry.entities, registry.claims, claims, old, new, property)
        else:
            if property is not None:
                raise RenameError("--property narrows a subject rename", hint="to narrow a property rename use --subject")
            if subject is not None:
                wanted = _entity(registry.entities, subject, "subject")
                claims = [c for c in claims if c.subject == wanted.id]
            plan = _plan_property(claims, old, new)
        if not dry_run:
            _write(project.root, plan)
    return Renaming(field, old, new, plan.changes, plan.entity, dry_run)


@dataclass(frozen=True)
class _Plan:
    changes: tuple[Change, ...]
    entity: Change | None = None


def _entity(entities: tuple[Entity, ...], name: str, what: str) -> Entity:
    """The entity a name means: by its id, name or an alias; by a proposed alias only when one
    entity has it. Anything else is an error that says what the name could have meant."""
    by_id = {e.id: e for e in entities}
    found = alias_index(entities).get(name_key(name))
    if found is not None:
        return by_id[found]
    proposed = sorted({e.id for e in entities for a in e.proposed_aliases if name_key(a) == name_key(name)})
    if len(proposed) == 1:
        return by_id[proposed[0]]
    if proposed:
        raise RenameError(f"'{name}' is a proposed alias of {len(proposed)} entities: {', '.join(proposed)}",
                          field=what, hint="name the entity by its id")  # fmt: skip
    names = [n for e in entities for n in (e.name, *e.aliases, *e.proposed_aliases)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    raise RenameError(f"no {what} '{name}' in claims/{ENTITIES_FILE}", field=what,
                      hint=f"did you mean '{close[0]}'?" if close else "give an entity's name, alias or id")  # fmt: skip


def _plan_subject(entities: tuple[Entity, ...], every: tuple[Claim, ...], claims: list[Claim], old: str, new: str,
                  property: str | None) -> _Plan:  # fmt: skip
    """The claims (of those given) about old, moved to new; or, when new is no name the registry
    knows and every claim about old is moving, old's entity renamed."""
    source_entity = _entity(entities, old, "subject")
    known = alias_index(entities).get(name_key(new))
    if known is None and any(name_key(a) == name_key(new) for e in entities for a in e.proposed_aliases):
        raise RenameError(f"'{new}' is only a proposed alias: accept its entity first, or give another name",
                          field="subject", hint="factcheck review --accept ENTITY-ID adopts its proposed aliases")  # fmt: skip
    chosen = [c for c in claims if c.subject == source_entity.id]
    if property is not None:
        chosen = [c for c in chosen if _same_words(c.property, property)]
    entity_change = None
    if known is None:  # a name the registry does not know: the entity itself is renamed
        if property is not None or len(chosen) != sum(1 for c in every if c.subject == source_entity.id):
            raise RenameError(f"'{new}' is no entity, so only a whole entity can take it as its name",
                              field="subject", hint=f"declare '{new}' in claims/{ENTITIES_FILE} first to move "
                              "some claims to it, or leave out --property and --source")  # fmt: skip
        entity_change = Change(source_entity.id, f"claims/{ENTITIES_FILE}", 0, "name", source_entity.name, new)
    changes = tuple(Change(c.id, c.file, c.line_of("subject"), "subject", c.subject_as_written, new)
                    for c in chosen if c.subject_as_written != new)  # fmt: skip
    if not changes and entity_change is None:
        raise RenameError(f"no claim has the subject '{old}'" + (f" with property '{property}'" if property else ""),
                          field="subject", hint="see factcheck search or review --list for the subjects in use")  # fmt: skip
    return _Plan(changes, entity_change)


def _same_words(a: str, b: str) -> bool:
    return fold_plain(" ".join(a.split())).casefold() == fold_plain(" ".join(b.split())).casefold()


def _plan_property(claims: list[Claim], old: str, new: str) -> _Plan:
    wanted = " ".join(old.split())
    chosen = [c for c in claims if c.property == wanted]
    if not chosen:
        spellings = sorted({c.property for c in claims if _same_words(c.property, wanted)})
        if len(spellings) > 1:
            raise RenameError(f"'{old}' is written {len(spellings)} ways: {', '.join(repr(s) for s in spellings)}",
                              field="property", hint="give the property exactly as one of them is written")  # fmt: skip
        chosen = [c for c in claims if spellings and c.property == spellings[0]]
    if not chosen:
        close = difflib.get_close_matches(wanted, sorted({c.property for c in claims}), n=1)
        raise RenameError(f"no claim has the property '{old}'", field="property",
                          hint=f"did you mean '{close[0]}'?" if close else "see factcheck review --list")  # fmt: skip
    if new == chosen[0].property:
        raise RenameError(f"the property is already written '{new}'", field="property", hint="nothing to rename")
    return _Plan(tuple(Change(c.id, c.file, c.line_of("property"), "property", c.property, new) for c in chosen))


def _write(root: Path, plan: _Plan) -> None:
    """Each value replaced where it stands (registry/edit.py's splice_entries): nothing else moves."""
    from factcheck.registry.edit import splice_entries

    if plan.entity is not None:
        target = plan.entity
        splice_entries(root / target.file, "entities", {target.id: {"name": target.new}}, {target.id: target.old})
    by_file: dict[str, dict[str, dict[str, str]]] = {}
    for change in plan.changes:
        by_file.setdefault(change.file, {})[change.id] = {change.field: change.new}
    for file, fields in by_file.items():
        splice_entries(root / file, "claims", fields)
