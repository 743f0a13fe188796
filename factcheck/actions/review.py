"""review and resolve: a person's decisions on proposed claims and on discrepancies, written back.

Accepting a proposed claim drops its `status` (reviewed is the default); rejecting it keeps it in
its file as `status: rejected`, so extract never proposes it again; an edit changes only the
fields named. Accepting a proposed entity drops its status and adopts its proposed aliases.
A decision on a discrepancy goes to the baseline, claims/reviews.yaml. Every change is a
round-trip edit of the one entry concerned, atomic and under the project's write lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.files import project_lock
from factcheck.models import Discrepancy, Verification
from factcheck.registry.load import ENTITIES_FILE, REVIEWS_FILE, load_registry
from factcheck.registry.reviews import DECISIONS, entry_fields
from factcheck.sources.load import load_sources

EDITABLE = ("subject", "property", "value", "kind", "as_of", "period", "note")


class ReviewError(FactcheckError):
    """A review decision names something that is not there."""


@dataclass(frozen=True)
class Decision:
    """One decision as applied: what, on which id, in which file."""

    action: str  # accepted | rejected | edited | confirmed | dismissed
    id: str
    file: str

    def to_dict(self) -> dict[str, str]:
        return {"action": self.action, "id": self.id, "file": self.file}


def _locate(root: Path, ids: Iterable[str]) -> dict[str, str]:
    """The registry file of each claim or entity id; an unknown id is an error naming it."""
    sources = load_sources(root)
    registry = load_registry(root, {s.name for s in sources})
    where = {c.id: c.file for c in registry.claims}
    where.update({e.id: f"claims/{ENTITIES_FILE}" for e in registry.entities})
    out = {}
    for i in ids:
        if i not in where:
            raise ReviewError(
                f"no claim or entity with id '{i}'", hint="see `factcheck review --list` for what is proposed"
            )
        out[i] = where[i]
    return out


def _edit_entries(root: Path, file: str, ids: set[str], change: Any) -> None:
    from factcheck.registry.edit import edit_file

    def apply(data: Any) -> bool:
        key = "entities" if file.endswith(ENTITIES_FILE) else "claims"
        changed = False
        for entry in data.get(key) or []:
            if hasattr(entry, "get") and entry.get("id") in ids:
                changed = change(entry) or changed
        return changed

    edit_file(root / file, apply)


def _accept(entry: Any) -> bool:
    changed = False
    if "status" in entry:
        del entry["status"]
        changed = True
    proposed = entry.get("proposed_aliases")
    if proposed is not None:
        from factcheck.registry.edit import flow_list

        aliases = entry.get("aliases")
        if aliases is None:
            entry["aliases"] = flow_list(list(proposed))
        else:
            aliases.extend(a for a in proposed if a not in aliases)
        del entry["proposed_aliases"]
        changed = True
    return changed


def _reject(entry: Any) -> bool:
    if entry.get("status") == "rejected":
        return False
    entry["status"] = "rejected"
    return True


def decide(root: str | Path, ids: Iterable[str], action: str) -> tuple[Decision, ...]:
    """Accept or reject claims (and accept entities) by id, writing each file once."""
    root = Path(root)
    ids = list(dict.fromkeys(ids))
    if action not in ("accepted", "rejected"):
        raise ValueError(action)
    with project_lock(root):
        where = _locate(root, ids)
        if action == "rejected":
            entities = [i for i, f in where.items() if f.endswith(ENTITIES_FILE)]
            if entities:
                raise ReviewError(f"'{entities[0]}' is an entity: reject the claims about it instead",
                                  hint="or delete the entity from claims/entities.yaml by hand")  # fmt: skip
        by_file: dict[str, set[str]] = {}
        for i, f in where.items():
            by_file.setdefault(f, set()).add(i)
        for file, group in by_file.items():
            _edit_entries(root, file, group, _accept if action == "accepted" else _reject)
    return tuple(Decision(action, i, where[i]) for i in ids)


def edit_claim(root: str | Path, claim_id: str, **fields: str | None) -> Decision:
    """Change some fields of one claim (None leaves a field as it is; '' removes it)."""
    root = Path(root)
    unknown = [k for k in fields if k not in EDITABLE]
    if unknown:
        raise ReviewError(f"'{unknown[0]}' cannot be edited here", hint=f"editable: {', '.join(EDITABLE)}")
    with project_lock(root):
        file = _locate(root, [claim_id])[claim_id]
        if file.endswith(ENTITIES_FILE):
            raise ReviewError(f"'{claim_id}' is an entity, not a claim")

        def change(entry: Any) -> bool:
            from factcheck.registry.edit import scalar

            changed = False
            for key, value in fields.items():
                if value is None:
                    continue
                if value == "" and key in entry:
                    del entry[key]
                elif value != "":
                    entry[key] = scalar(key, value)
                changed = True
            return changed

        _edit_entries(root, file, {claim_id}, change)
    return Decision("edited", claim_id, file)


def find_discrepancy(result: Verification, ref: str) -> Discrepancy:
    """A discrepancy by its id, or by a prefix of it that only one id starts with."""
    hits = [d for d in result.discrepancies if d.id == ref] or [
        d for d in result.discrepancies if d.id.startswith(ref)
    ]  # fmt: skip
    if len({d.id for d in hits}) != 1:
        raise ReviewError(
            f"no discrepancy with id '{ref}'" if not hits else f"'{ref}' matches {len(hits)} discrepancies",
            hint="ids are shown by `factcheck verify` and `factcheck report`",
        )  # fmt: skip
    return hits[0]


def resolve(
    root: str | Path, ref: str, decision: str, note: str = "", reviewer: str | None = None,
    today: dt.date | None = None,
) -> Decision:  # fmt: skip
    """Record a decision on a discrepancy in the baseline (replacing an earlier one on it)."""
    from factcheck.pipeline.verification import verify
    from factcheck.registry.edit import edit_file, flow_list, mapping

    root = Path(root)
    if decision not in DECISIONS:
        raise ReviewError(f"'{decision}' is not a decision", hint=f"use {' or '.join(DECISIONS)}")
    with project_lock(root):
        result = verify(root)
        target = find_discrepancy(result, ref)
        fields = entry_fields(target, decision, note, reviewer, today)
        pair = fields.pop("claims")

        def change(data: Any) -> bool:
            items = data.get("reviews")
            if items is None:
                from ruamel.yaml.comments import CommentedSeq

                items = data["reviews"] = CommentedSeq()
            entry = mapping(fields)
            entry.insert(1, "claims", flow_list(list(pair)))  # type: ignore[arg-type]
            for k, old in enumerate(items):
                if hasattr(old, "get") and old.get("id") == target.id:
                    items[k] = entry
                    return True
            items.append(entry)
            return True

        edit_file(root / "claims" / REVIEWS_FILE, change, REVIEWS_HEADER)
    return Decision(decision, target.id, f"claims/{REVIEWS_FILE}")


REVIEWS_HEADER = (
    "# Decisions on discrepancies: confirmed (the sources really disagree) or dismissed (they do not).\n"
    "# verify does not raise a decided discrepancy again unless one of its claims changes.\n"
    "reviews: []\n"
)
