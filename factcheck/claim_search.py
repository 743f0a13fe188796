"""Fuzzy search over claims: quotes, subjects, properties, values and sources, ranked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from factcheck.models import Claim
from factcheck.normalize.claims import glossary_index, normalize_claim
from factcheck.registry import alias_index, load_registry, name_key
from factcheck.sources import fold_plain, load_sources

FIELDS = ("quote", "subject", "property", "value", "source")
MIN_SCORE = 60.0


@dataclass(frozen=True)
class SearchHit:
    claim: Claim
    kind: str
    subject_name: str
    score: float
    field: str  # which field matched best
    match: tuple[int, int]  # span of the match inside that field's text

    def field_text(self) -> str:
        return _field_texts(self.claim, self.subject_name)[self.field]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.claim.id,
            "score": round(self.score, 1),
            "source": self.claim.source,
            "subject": self.claim.subject,
            "subject_name": self.subject_name,
            "property": self.claim.property,
            "value": self.claim.value,
            "kind": self.kind,
            "quote": self.claim.quote,
            "matched_field": self.field,
            "match": list(self.match),
        }


def _field_texts(claim: Claim, subject_name: str) -> dict[str, str]:
    return {
        "quote": claim.quote,
        "subject": f"{subject_name} ({claim.subject_as_written})" if claim.subject_as_written else subject_name,
        "property": claim.property,
        "value": claim.value,
        "source": claim.source,
    }


def score_claim(query: str, claim: Claim, subject_name: str) -> tuple[float, str, tuple[int, int]]:
    """Best score over the fields, with the field and where in it the query matched."""
    q = fold_plain(query).lower()
    best: tuple[float, str, tuple[int, int]] = (0.0, "quote", (0, 0))
    for field, text in _field_texts(claim, subject_name).items():
        t = fold_plain(text).lower()
        if not t:
            continue
        pos = t.find(q)
        if pos >= 0:
            found = (100.0, field, (pos, pos + len(q)))
        else:
            al = fuzz.partial_ratio_alignment(q, t)
            if al is None:
                continue
            # the alignment is on the folded text; folding keeps offsets close enough to mark
            found = (al.score, field, (al.dest_start, al.dest_end))
        if found[0] > best[0]:
            best = found
    return best


def search(
    root: str | Path, query: str, *, source: str | None = None, subject: str | None = None,
    kind: str | None = None, limit: int = 20,
) -> list[SearchHit]:  # fmt: skip
    """Claims matching query, best first; filters narrow by source (name or part), subject, kind."""
    root = Path(root)
    sources = {s.name: s for s in load_sources(root)}
    registry = load_registry(root, set(sources))
    names = {e.id: e.name for e in registry.entities}
    aliases = alias_index(registry.entities)
    want_subject = aliases.get(name_key(subject)) if subject else None
    glossary = glossary_index(registry.terms)
    hits: list[SearchHit] = []
    for claim in registry.claims:
        if source and source not in claim.source:
            continue
        if subject and claim.subject != want_subject:
            continue
        claim_kind = normalize_claim(claim, sources[claim.source], glossary).kind
        if kind and claim_kind != kind:
            continue
        score, field, span = score_claim(query, claim, names.get(claim.subject, claim.subject))
        if score >= MIN_SCORE:
            hits.append(SearchHit(claim, claim_kind, names.get(claim.subject, claim.subject), score, field, span))
    hits.sort(key=lambda h: (-h.score, h.claim.id))
    return hits[:limit]
