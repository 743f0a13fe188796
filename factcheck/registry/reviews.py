"""The baseline of reviewed discrepancies: claims/reviews.yaml.

A person who has looked at a discrepancy confirms it (the sources really disagree) or dismisses
it (they do not), with a note. The decision is kept beside the claims, one entry per discrepancy,
with a fingerprint of both claims as they stood. verify shows the decision and does not raise the
discrepancy again, until one of its claims changes: then the fingerprint no longer matches and
the discrepancy is reopened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.errors import RegistryError
from factcheck.models import Discrepancy, Review
from factcheck.registry.load import REVIEWS_FILE, read_registry_file
from factcheck.yamlfile import YamlList, YamlMap, line_of

DECISIONS = ("confirmed", "dismissed")
ENTRY_FIELDS = {"id", "claims", "decision", "note", "fingerprint", "reviewer", "date"}


@dataclass(frozen=True)
class ReviewEntry:
    id: str
    claims: tuple[str, ...]
    review: Review
    fingerprint: str
    line: int


def load_reviews(root: Path) -> dict[str, ReviewEntry]:
    file = root / "claims" / REVIEWS_FILE
    display = f"claims/{REVIEWS_FILE}"
    if not file.exists():
        return {}
    data = read_registry_file(root, file, display)
    if data is None:
        return {}
    if not isinstance(data, YamlMap) or not isinstance(data.get("reviews", YamlList()), YamlList):
        raise RegistryError("expected a mapping with a 'reviews' list", path=display, line=1)
    entries: dict[str, ReviewEntry] = {}
    items = data.get("reviews") or YamlList()
    for item, line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, YamlMap):
            raise RegistryError("each review must be a mapping", path=display, line=line)
        unknown = sorted(set(item) - ENTRY_FIELDS)
        if unknown:
            raise RegistryError(f"unknown field '{unknown[0]}'", path=display, line=line_of(item, unknown[0]),
                                field=unknown[0], hint=f"allowed: {', '.join(sorted(ENTRY_FIELDS))}")  # fmt: skip
        decision = item.get("decision")
        if decision not in DECISIONS:
            raise RegistryError(f"decision must be {' or '.join(DECISIONS)}", path=display,
                                line=line_of(item, "decision", default=line), field="decision")  # fmt: skip
        entry_id, claims = item.get("id"), item.get("claims")
        if not isinstance(entry_id, str) or not isinstance(claims, YamlList) or len(claims) != 2:
            raise RegistryError("each review needs an 'id' and the two 'claims' it is about", path=display,
                                line=line, hint="write them with `factcheck resolve`")  # fmt: skip
        entries[entry_id] = ReviewEntry(
            entry_id, tuple(str(c) for c in claims),
            Review(decision, str(item.get("note") or ""), _opt(item.get("reviewer")), _opt(item.get("date"))),
            str(item.get("fingerprint") or ""), line,
        )  # fmt: skip
    return entries


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def apply_reviews(discrepancies: tuple[Discrepancy, ...], entries: dict[str, ReviewEntry]) -> tuple[Discrepancy, ...]:
    """Each discrepancy with its decision attached; a decision whose claims changed is marked stale."""
    out = []
    for d in discrepancies:
        entry = entries.get(d.id)
        if entry is None:
            out.append(d)
            continue
        review = entry.review if d.fingerprint == entry.fingerprint else replace(entry.review, stale=True)
        out.append(replace(d, review=review))
    return tuple(out)


def entry_fields(d: Discrepancy, decision: str, note: str, reviewer: str | None,
                 today: dt.date | None = None) -> dict[str, object]:  # fmt: skip
    fields: dict[str, object] = {
        "id": d.id,
        "claims": [c.id for c in d.claims],
        "decision": decision,
        "note": note,
        "fingerprint": d.fingerprint,
        "date": (today or dt.date.today()).isoformat(),
    }
    if reviewer:
        fields["reviewer"] = reviewer
    return fields
