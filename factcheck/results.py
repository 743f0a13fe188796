"""What the actions return: search hits, a claim's detail, timelines and extract's proposals.

They live beside models, below every stage, so that the display (console, report) can show a
result without importing the command that made it.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: a search imports no models to show its hits
    from factcheck.models import Anchor, Claim, DateRange, Discrepancy, Source


@dataclass(frozen=True)
class SearchHit:
    claim: Claim
    kind: str
    subject_name: str
    score: float
    field: str  # which field matched best
    match: tuple[int, int]  # span of the match inside that field's text

    def field_text(self) -> str:
        return field_texts(self.claim, self.subject_name)[self.field]

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
            "status": self.claim.status,
            "matched_field": self.field,
            "match": list(self.match),
        }


def field_texts(claim: Claim, subject_name: str) -> dict[str, str]:
    """The texts search matches a claim on, by field."""
    return {
        "quote": claim.quote,
        "subject": f"{subject_name} ({claim.subject_as_written})" if claim.subject_as_written else subject_name,
        "property": claim.property,
        "value": claim.value,
        "source": claim.source,
    }


@dataclass(frozen=True)
class ClaimDetail:
    claim: Claim
    subject_name: str
    anchor: Anchor
    source: Source
    discrepancies: tuple[Discrepancy, ...]

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id,
            "source": c.source,
            "quote": c.quote,
            "subject": c.subject,
            "subject_name": self.subject_name,
            "property": c.property,
            "value": c.value,
            "kind": c.kind,
            "as_of": c.as_of,
            "period": c.period,
            "relative_to": c.relative_to,
            "note": c.note,
            "status": c.status,
            "registry": f"{c.file}:{c.line}",
            "anchor": {
                "status": self.anchor.status.value,
                "line": self.anchor.line,
                "column": self.anchor.column,
                "score": self.anchor.score,
                **self.anchor.to_dict(),
            },  # fmt: skip
            "published": self.source.published.iso() if self.source.published else None,
            "discrepancies": [d.to_dict() for d in self.discrepancies],
        }


@dataclass(frozen=True)
class Point:
    claim: str
    source: str
    quote: str
    value: str  # as written
    reading: str  # the interval in words
    low: float | None
    high: float | None  # None: open above ("over 500")
    time: DateRange | None  # when the value holds
    time_label: str  # "as of", "period", "in the text", "published" or ""
    dates: DateRange | None = None  # a date's value ("reopens in March"): the days it covers

    def to_dict(self) -> dict[str, Any]:
        out = {"claim": self.claim, "source": self.source, "quote": self.quote, "value": self.value,
               "reading": self.reading, "low": self.low, "high": self.high,
               "when": self.time.iso() if self.time else None, "when_from": self.time_label or None}  # fmt: skip
        if self.dates is not None:
            out["dates"] = self.dates.iso()
        return out


@dataclass(frozen=True)
class Timeline:
    subject: str
    subject_name: str
    property: str
    unit: str | None  # "date" for a date said at different times ("the reopening": March, then June)
    points: tuple[Point, ...]  # in time order; undated points last

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "subject_name": self.subject_name, "property": self.property,
                "unit": self.unit, "points": [p.to_dict() for p in self.points]}  # fmt: skip


SUBJECT_BASES = {"clause": 1.0, "sentence": 0.8, "carried": 0.6, "described": 0.5, "fallback": 0.3}
PROPERTY_BASES = {"vocabulary": 1.0, "fixed": 1.0, "counted": 0.8, "words": 0.5}
VALUE_BASES = {"exact": 1.0, "relative": 0.8, "widened": 0.8, "ambiguous": 0.6}


@dataclass(frozen=True)
class Basis:
    """How extract found a proposal's subject, property and value; each way has a weight, and the
    proposal's certainty is their product (docs/extract.md, "Certainty and review order").

    subject: clause (named in the value's clause), sentence (elsewhere in its sentence), carried
    (from an earlier sentence, through he/she), described (a person the text names only by a role: "the
    41-year-old driver"), fallback (the entity the source names most);
    property: vocabulary (a known family), fixed (role, said), counted (the thing a count counts),
    words (the words beside the value); value: exact (read as written), relative (a date counted
    from another), widened (read only with the word before it), ambiguous (more than one reading)."""

    subject: str = "clause"
    property: str = "fixed"
    value: str = "exact"

    @builtins.property
    def certainty(self) -> float:
        weight = SUBJECT_BASES[self.subject] * PROPERTY_BASES[self.property] * VALUE_BASES[self.value]
        return round(weight, 2)

    def describe(self) -> str:
        return f"subject: {self.subject}, property: {self.property}, value: {self.value}"


@dataclass(frozen=True)
class ProposedClaim:
    """A claim as extract writes it, before anyone has reviewed it."""

    id: str
    source: str
    quote: str
    subject: str  # as written into the claim: the entity's name
    property: str
    value: str
    kind: str
    entity: str = ""  # the entity id the subject resolves to
    as_of: str | None = None
    period: str | None = None
    start: int = 0  # where the value sits in the source's text
    end: int = 0
    basis: Basis = Basis()  # how it was found: its certainty

    def fields(self) -> dict[str, Any]:
        """The claim's fields in the order they are written to a claims file."""
        out: dict[str, Any] = {"id": self.id, "quote": self.quote, "subject": self.subject,
                               "property": self.property, "value": self.value, "kind": self.kind}  # fmt: skip
        if self.as_of:
            out["as_of"] = self.as_of
        if self.period:
            out["period"] = self.period
        out["status"] = "proposed"
        out["certainty"] = self.basis.certainty
        out["basis"] = self.basis.describe()
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **self.fields()}


@dataclass(frozen=True)
class ProposedEntity:
    id: str
    name: str
    kind: str
    source: str

    def fields(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "status": "proposed",
                "note": f"first seen in seeds/{self.source}"}  # fmt: skip


@dataclass(frozen=True)
class ProposedAlias:
    entity: str
    alias: str
    source: str


@dataclass(frozen=True)
class ProposedSource:
    """A manifest entry proposed for a source the manifest does not list."""

    file: str
    title: str
    published: DateRange | None
    evidence: tuple[str, ...]

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "title": self.title}
        if self.published is not None:
            out["published"] = self.published.iso()
        out["evidence"] = list(self.evidence)
        out["status"] = "proposed"
        return out


@dataclass(frozen=True)
class Extraction:
    """What extract proposes (and, unless it was a dry run, wrote)."""

    sources: tuple[str, ...]
    claims: tuple[ProposedClaim, ...]
    entities: tuple[ProposedEntity, ...] = ()
    aliases: tuple[ProposedAlias, ...] = ()
    manifest: tuple[ProposedSource, ...] = ()
    already: int = 0  # proposals the registry already holds
    written: tuple[str, ...] = ()  # files changed

    @property
    def empty(self) -> bool:
        return not (self.claims or self.entities or self.aliases or self.manifest)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": list(self.sources),
            "claims": [c.to_dict() for c in self.claims],
            "entities": [e.fields() for e in self.entities],
            "aliases": [{"entity": a.entity, "alias": a.alias, "source": a.source} for a in self.aliases],
            "manifest": [m.fields() for m in self.manifest],
            "already_in_registry": self.already,
            "written": list(self.written),
        }


@dataclass(frozen=True)
class Proposal:
    """A proposed claim waiting for review, with how sure factcheck is that it pairs with a claim
    in another source (its best pairing confidence; 0 when it pairs with none). How sure extract
    was of the claim itself is the claim's certainty."""

    claim: Claim
    kind: str
    subject_name: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {"id": c.id, "source": c.source, "kind": self.kind, "subject": c.subject,
                "subject_name": self.subject_name, "property": c.property, "value": c.value, "quote": c.quote,
                "confidence": round(self.confidence, 2), "certainty": c.certainty, "basis": c.basis,
                "file": c.file, "line": c.line}  # fmt: skip


@dataclass(frozen=True)
class Change:
    """One field of one entry, before and after."""

    id: str
    file: str
    line: int
    field: str
    old: str
    new: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "file": self.file, "line": self.line, "field": self.field,
                "from": self.old, "to": self.new}  # fmt: skip


@dataclass(frozen=True)
class Renaming:
    """What a rename changed (or, in a dry run, would change)."""

    field: str
    old: str
    new: str
    changes: tuple[Change, ...]  # the claims' fields, in registry order
    entity: Change | None = None  # the entity's name, when the entity itself was renamed
    dry_run: bool = False

    @property
    def files(self) -> tuple[str, ...]:
        found = ([self.entity.file] if self.entity else []) + [c.file for c in self.changes]
        return tuple(dict.fromkeys(found))

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "from": self.old, "to": self.new, "dry_run": self.dry_run,
                "entity": self.entity.to_dict() if self.entity else None,
                "changes": [c.to_dict() for c in self.changes], "files": list(self.files)}  # fmt: skip
