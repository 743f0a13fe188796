"""The baseline of reviewed discrepancies: claims/reviews.yaml.

A person who has looked at a discrepancy confirms it (the sources really disagree), dismisses it
(they do not) or calls it a conflict (a `changed` or `rounding` the reviewer knows to be a real
contradiction), with a note, who decided and when. Every decision is kept, in the order made: the
last one on a discrepancy is the one in force, the earlier ones are its history. Each entry holds
a fingerprint of both claims as they stood; verify shows the decision in force and does not raise
the discrepancy again, until one of its claims changes: then the fingerprint no longer matches and
the discrepancy is reopened. Files written before the history (one entry per discrepancy, a date
without a time) load the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.errors import RegistryError
from factcheck.models import Discrepancy, Review, Verdict
from factcheck.registry.load import REVIEWS_FILE, read_registry_file
from factcheck.settings import Settings
from factcheck.yamlfile import YamlList, YamlMap, line_of

DECISIONS = ("confirmed", "dismissed")
ENTRY_FIELDS = {"id", "claims", "decision", "verdict", "note", "fingerprint", "reviewer", "date"}


@dataclass(frozen=True)
class ReviewEntry:
    id: str
    claims: tuple[str, ...]
    review: Review
    fingerprint: str
    line: int


def load_reviews(root: Path, settings: Settings | None = None) -> dict[str, tuple[ReviewEntry, ...]]:
    """Every decision by discrepancy id, oldest first (the last is the one in force)."""
    file = root / "claims" / REVIEWS_FILE
    display = f"claims/{REVIEWS_FILE}"
    if not file.exists():
        return {}
    data = read_registry_file(root, file, display, settings)
    if data is None:
        return {}
    if not isinstance(data, YamlMap) or not isinstance(data.get("reviews", YamlList()), YamlList):
        raise RegistryError("expected a mapping with a 'reviews' list", path=display, line=1)
    entries: dict[str, list[ReviewEntry]] = {}
    items = data.get("reviews") or YamlList()
    for item, line in zip(items, items.item_lines, strict=True):
        entry = _entry(item, line, display)
        entries.setdefault(entry.id, []).append(entry)
    return {k: tuple(v) for k, v in entries.items()}


def _entry(item: object, line: int, display: str) -> ReviewEntry:
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
    verdict = item.get("verdict")
    if verdict is not None and (verdict not in {v.value for v in Verdict} or decision != "confirmed"):
        raise RegistryError("verdict must be a verdict name, on a confirmed decision", path=display,
                            line=line_of(item, "verdict", default=line), field="verdict",
                            hint="e.g. verdict: conflict")  # fmt: skip
    entry_id, claims = item.get("id"), item.get("claims")
    if not isinstance(entry_id, str) or not isinstance(claims, YamlList) or len(claims) != 2:
        raise RegistryError("each review needs an 'id' and the two 'claims' it is about", path=display,
                            line=line, hint="write them with `factcheck resolve`")  # fmt: skip
    review = Review(decision, str(item.get("note") or ""), _opt(item.get("reviewer")), _opt(item.get("date")),
                    verdict=_opt(verdict))  # fmt: skip
    return ReviewEntry(entry_id, tuple(str(c) for c in claims), review, str(item.get("fingerprint") or ""), line)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def apply_reviews(
    discrepancies: tuple[Discrepancy, ...], entries: dict[str, tuple[ReviewEntry, ...]]
) -> tuple[Discrepancy, ...]:
    """Each discrepancy with the decision in force attached (and the earlier ones as its history);
    a decision whose claims changed since is marked stale. A reviewer's verdict replaces the one
    found while the decision holds."""
    out = []
    for d in discrepancies:
        history = entries.get(d.id)
        if not history:
            out.append(d)
            continue
        last = history[-1]
        review = replace(last.review, found=d.verdict.value, history=tuple(e.review for e in history[:-1]))
        if d.fingerprint != last.fingerprint:
            review = replace(review, stale=True)
        elif review.verdict and review.verdict != d.verdict.value:
            d = replace(d, verdict=Verdict(review.verdict))
        out.append(replace(d, review=review))
    return tuple(out)


def now() -> str:
    """When a decision is made: UTC, to the second, as ISO 8601."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def entry_fields(d: Discrepancy, decision: str, note: str, reviewer: str | None, when: str | None = None,
                 verdict: str | None = None) -> dict[str, object]:  # fmt: skip
    fields: dict[str, object] = {"id": d.id, "claims": [c.id for c in d.claims], "decision": decision}
    if verdict:
        fields["verdict"] = verdict
    fields.update({"note": note, "fingerprint": d.fingerprint, "date": when or now()})
    if reviewer:
        fields["reviewer"] = reviewer
    return fields
