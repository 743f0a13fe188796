"""The immutable types shared by every stage: dates and intervals, sources, claims, anchors, verdicts."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar, overload

T = TypeVar("T")
C = TypeVar("C", bound=type)

_fill = object.__setattr__


def filled_at_once(cls: C) -> C:
    """A frozen dataclass whose __init__ fills the instance's dictionary in one step: the generated
    one sets each field with its own call of object.__setattr__ (eighteen for a claim), and a large
    registry makes hundreds of thousands of claims, anchors and values. The fields, their order and
    defaults, the repr, equality and hash stay the dataclass's."""
    fields = builtins.list(cls.__dataclass_fields__.values())  # type: ignore[attr-defined]
    if any(not f.init or f.kw_only for f in fields) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: only plain fields can be filled at once")
    space: dict[str, Any] = {"_fill": _fill, "_MISSING": dataclasses.MISSING}
    params, values = [], []
    for f in fields:
        if f.default is not dataclasses.MISSING:
            space[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            values.append(f"{f.name!r}: {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            space[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            values.append(f"{f.name!r}: _f_{f.name}() if {f.name} is _MISSING else {f.name}")
        else:
            params.append(f.name)
            values.append(f"{f.name!r}: {f.name}")
    code = f"def __init__(self, {', '.join(params)}):\n    _fill(self, '__dict__', {{{', '.join(values)}}})\n"
    exec(compile(code, f"<__init__ of {cls.__name__}>", "exec"), space)  # field names only: our own classes'
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


@dataclass(frozen=True, order=True)
class DateRange:
    """An inclusive span of days. A date known to the day is a range of one day."""

    start: dt.date
    end: dt.date

    EARLIEST: ClassVar[dt.date] = dt.date(1, 1, 1)  # an open start: "before April 2019"
    LATEST: ClassVar[dt.date] = dt.date(9999, 12, 31)

    @classmethod
    def day(cls, day: dt.date) -> DateRange:
        return cls(day, day)

    @classmethod
    def parse_iso(cls, text: str) -> DateRange:
        """`2019-10-11` or `2019-10-01..2019-10-09`; raises ValueError otherwise."""
        text = text.strip()
        if ".." in text:
            a, b = (part.strip() for part in text.split("..", 1))
            span = cls(dt.date.fromisoformat(a), dt.date.fromisoformat(b))
        else:
            span = cls.day(dt.date.fromisoformat(text))
        if span.end < span.start:
            raise ValueError(f"range ends before it starts: {text}")
        return span

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end

    def intersection(self, other: DateRange) -> DateRange | None:
        if not self.overlaps(other):
            return None
        return DateRange(max(self.start, other.start), min(self.end, other.end))

    def union(self, other: DateRange) -> DateRange:
        return DateRange(min(self.start, other.start), max(self.end, other.end))

    def shift(self, low_days: int, high_days: int) -> DateRange:
        """Every day of this range moved by any offset from low_days to high_days."""
        return DateRange(self.start + dt.timedelta(days=low_days), self.end + dt.timedelta(days=high_days))

    def iso(self) -> str:
        return self.start.isoformat() if self.is_day else f"{self.start}..{self.end}"

    def human(self) -> str:
        """`7 Jul 2020`, `Sep 2019`, `2020`, or `1–9 Oct 2019` style text for reports."""
        s, e = self.start, self.end
        if s == self.EARLIEST:
            return f"before {(e + dt.timedelta(days=1)).strftime('%-d %b %Y')}"
        if e == self.LATEST:
            return f"after {(s - dt.timedelta(days=1)).strftime('%-d %b %Y')}"
        if self.is_day:
            return f"{s.day} {s:%b %Y}"
        if s.day == 1 and s.month == 1 and e.month == 12 and e.day == 31:
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        next_day = e + dt.timedelta(days=1)
        if s.day == 1 and next_day.day == 1 and s.year == e.year and s.month == e.month:
            return f"{s:%b %Y}"
        if s.year == e.year and s.month == e.month:
            return f"{s.day}–{e.day} {s:%b %Y}"
        if s.year == e.year:
            return f"{s.day} {s:%b} – {e.day} {e:%b %Y}"
        return f"{s.day} {s:%b %Y} – {e.day} {e:%b %Y}"


@filled_at_once
@dataclass(frozen=True)
class Source:
    """One source document as stored in seeds/, with its manifest entry.

    Its text is `body` when it was read; a source known from the cache is read only when its
    text is first needed, by `reader` (which checks it still has the same sha256).
    """

    name: str  # file name inside seeds/
    path: str  # path relative to the project root, for messages
    body: str | None = field(compare=False, repr=False)  # decoded text, exactly as stored; None: not read yet
    sha256: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: DateRange | None = None
    evidence: tuple[str, ...] = ()
    encoding: str = "utf-8"  # the encoding the file was read in
    warnings: tuple[str, ...] = ()  # what a reader should know about the file: guessed encoding, empty
    reader: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def text(self) -> str:
        """The decoded text, exactly as stored (read now if it was not read before)."""
        if self.body is not None:
            return self.body
        assert self.reader is not None, "a source without its text needs a reader"
        return self.reader()


@dataclass(frozen=True)
class Entity:
    """A subject declared once, with the other names the sources use for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    note: str | None = None
    status: str = "reviewed"
    proposed_aliases: tuple[str, ...] = ()  # found by extract, waiting for review


@filled_at_once
@dataclass(frozen=True)
class Claim:
    """One figure or assertion in one source, as the registry states it."""

    id: str
    source: str  # file name inside seeds/
    quote: str
    subject: str  # entity id after alias resolution
    property: str
    value: str  # as written in the quote
    kind: str | None = None  # None: inferred from the value
    as_of: str | None = None
    period: str | None = None
    relative_to: str | None = None
    note: str | None = None
    status: str = "reviewed"
    file: str = ""  # registry file the claim came from
    line: int = 0  # line of the claim in that file
    subject_as_written: str = ""
    field_lines: tuple[tuple[str, int], ...] = ()
    certainty: float | None = None  # extract's own certainty of a proposal, 0..1 (docs/extract.md)
    basis: str | None = None  # how extract found its subject, property and value ("subject: clause, ...")

    def line_of(self, field_name: str) -> int:
        """The registry line where a field of this claim is written (the claim's line if absent)."""
        return dict(self.field_lines).get(field_name, self.line)


class AnchorStatus(str, Enum):
    EXACT = "exact"  # found verbatim after typographic folding
    MOVED = "moved"  # found verbatim, but not where the recorded anchor was
    FUZZY = "fuzzy"  # found only approximately
    ORPHANED = "orphaned"  # not found above the threshold


@filled_at_once
@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in its source, in the manner of W3C TextQuote/TextPosition selectors."""

    claim_id: str
    source: str
    status: AnchorStatus
    start: int  # character offsets into the stored text (end exclusive)
    end: int
    line: int  # 1-based
    column: int  # 1-based
    score: float  # 100 for an exact match
    exact: str  # the passage as it stands in the source
    prefix: str
    suffix: str
    source_sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "source_sha256": self.source_sha256,
        }


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one claim or source; errors make verify fail with exit 2."""

    severity: Severity
    message: str
    claim: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "claim": self.claim,
            "source": self.source,
            "message": self.message,
        }


class Verdict(str, Enum):
    """Most serious first: reports list findings in this order (docs/quotes.md says why)."""

    CONFLICT = "conflict"  # cannot both be true (for a quotation: a negation, number, name or quantifier changed)
    MISATTRIBUTED = "misattributed"  # the same quoted words given to different people
    ALTERED = "altered"  # the same quotation with words inserted, deleted or replaced
    POSSIBLE = "possible"  # only partly compatible, or depends on a reading
    CHANGED = "changed"  # different values at different times, with evidence of the change
    ROUNDING = "rounding"  # compatible within the stated precision
    CONSISTENT = (
        "consistent"  # compatible, one saying less: a hedge or vague date holding for the other, a partial quotation
    )
    CORROBORATED = "corroborated"  # the sources agree

    @property
    def needs_attention(self) -> bool:
        return self in (Verdict.CONFLICT, Verdict.MISATTRIBUTED, Verdict.ALTERED, Verdict.POSSIBLE)


VERDICT_ORDER = tuple(Verdict)


@dataclass(frozen=True)
class WordEdit:
    """One step of a word-level diff between two quotations: `same` words, words the second
    leaves out (`delete`), adds (`insert`) or puts in place of the first's (`replace`), and words
    left out where a quotation marks the cut with an ellipsis (`cut`)."""

    op: str
    a: str  # the words as the first quotation writes them ("" for an insert)
    b: str  # the words as the second writes them ("" for a delete)

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "a": self.a, "b": self.b}


@filled_at_once
@dataclass(frozen=True)
class ClaimView:
    """A claim as shown beside another in a discrepancy."""

    id: str
    source: str
    quote: str
    value: str
    line: int
    published: DateRange | None
    time: DateRange | None  # the time the value refers to, once resolved
    reading: str  # the value as understood, e.g. "£6.5m–£7.5m"
    status: str = "reviewed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "quote": self.quote,
            "value": self.value,
            "line": self.line,
            "published": self.published.iso() if self.published else None,
            "refers_to": self.time.iso() if self.time else None,
            "reading": self.reading,
            "status": self.status,
        }


@dataclass(frozen=True)
class Review:
    """A person's decision on a discrepancy, kept in claims/reviews.yaml with those made before it."""

    decision: str  # "confirmed" (the sources really disagree) or "dismissed" (they do not)
    note: str = ""
    reviewer: str | None = None
    date: str | None = None  # when: ISO 8601, a day in files written before times were kept
    stale: bool = False  # one of the claims changed since: the discrepancy is open again
    verdict: str | None = None  # the verdict the reviewer gave instead of the one found ("conflict")
    found: str | None = None  # the verdict factcheck found
    history: tuple[Review, ...] = ()  # earlier decisions on the same discrepancy, oldest first

    @property
    def day(self) -> str | None:
        return self.date[:10] if self.date else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"decision": self.decision, "note": self.note, "reviewer": self.reviewer,
                               "date": self.date, "reopened": self.stale}  # fmt: skip
        if self.verdict:
            out.update(verdict=self.verdict, found=self.found)
        if self.history:
            out["history"] = [r.to_dict() for r in self.history]
        return out


@filled_at_once
@dataclass(frozen=True)
class Discrepancy:
    """Two claims from different sources about the same thing, with a verdict.

    `confidence` says how sure the pairing is: 1 for two claims a person filed under the same
    subject and property, less for a pair of proposed claims matched by their wording and entities.
    """

    verdict: Verdict
    subject: str
    property: str
    explanation: str
    claims: tuple[ClaimView, ...]
    subject_name: str = ""
    id: str = ""
    confidence: float = 1.0
    review: Review | None = None
    fingerprint: str = ""  # of both claims as compared: a review made on another fingerprint is stale
    edits: tuple[WordEdit, ...] = ()  # for two quotations: their words aligned, first claim to second

    @builtins.property  # the field `property` hides the builtin from type checkers
    def proposed(self) -> bool:
        return any(c.status == "proposed" for c in self.claims)

    @builtins.property  # the field `property` hides the builtin from type checkers
    def needs_attention(self) -> bool:
        return self.verdict.needs_attention and (self.review is None or self.review.stale)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict.value,
            "confidence": self.confidence,
            "proposed": self.proposed,
            "review": self.review.to_dict() if self.review else None,
            "subject": self.subject,
            "subject_name": self.subject_name or self.subject,
            "property": self.property,
            "explanation": self.explanation,
            "claims": [c.to_dict() for c in self.claims],
            **({"edits": [e.to_dict() for e in self.edits]} if self.edits else {}),  # two statements that differ
        }


@dataclass(frozen=True)
class Question:
    """Every pair judged about one subject and property, kept compactly: what a finding is made of.

    `claims` are the claims in any pair, in registry order. `codes` holds the verdict of each pair of
    them filed under the subject and property (i < j, row by row: the index of its Verdict, LISTED
    when the pair is spelled out in `listed`, NO_PAIR when the two are not compared). `listed` are
    the pairs spelled out: those that need attention or were reviewed (every one with --all), and
    pairs made by pairing or by quotation rather than by subject and property. `worst` is the most
    serious of the other pairs, spelled out because its explanation may be the finding's. `sides`
    are the claims' sides (judge/findings.py) by index, before any review; `tally` counts the pairs
    not listed, by verdict."""

    LISTED: ClassVar[str] = "L"
    NO_PAIR: ClassVar[str] = "-"

    key: str  # subject and property key, joined by "|"
    claims: tuple[ClaimView, ...]
    codes: str
    listed: tuple[Discrepancy, ...]
    worst: Discrepancy | None
    sides: tuple[tuple[int, ...], ...]
    tally: dict[str, int]


@dataclass(frozen=True)
class Finding:
    """One question — a subject and a property — with every claim on it, in sides: claims that agree
    with each other (corroborated, rounding, consistent) stand on one side. Its verdict and explanation
    are those of its most serious pair; a conflict is between two sides."""

    subject: str
    subject_name: str
    property: str
    verdict: Verdict
    explanation: str
    sides: tuple[tuple[ClaimView, ...], ...]
    pairs: tuple[Discrepancy, ...]  # the pairs spelled out: the most serious, and every one that needs attention
    worst: Discrepancy  # the pair its verdict and explanation come from
    tally: dict[str, int] = field(default_factory=dict)  # every pair judged in it, by verdict

    @builtins.property  # the field `property` hides the builtin from type checkers
    def needs_attention(self) -> bool:
        return any(d.needs_attention for d in self.pairs)

    def counts(self) -> dict[str, int]:
        return {v.value: self.tally[v.value] for v in Verdict if self.tally.get(v.value)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "subject_name": self.subject_name or self.subject,
            "property": self.property,
            "verdict": self.verdict.value,
            "explanation": self.explanation,
            "sources": len({c.source for side in self.sides for c in side}),
            "sides": [[c.to_dict() for c in side] for side in self.sides],
            "pairs": self.counts(),
            "discrepancies": [d.id for d in self.pairs if d.verdict.needs_attention],
        }


class Listed(Generic[T]):
    """One finding or discrepancy of a result, with its verdict and its JSON: kept ones (read back
    from the cache) are made into their object only when asked for, so a result written as JSON
    never builds them. `attention`: it needs attention (for a discrepancy: not settled by a review)."""

    __slots__ = ("verdict", "attention", "_text", "_make", "_value", "_text_at")

    def __init__(self, verdict: Verdict, attention: bool, *, value: T | None = None, text: str | None = None,
                 make: Callable[[], T] | None = None, text_at: tuple[Callable[[int], str], int] | None = None,
                 ) -> None:  # fmt: skip
        self.verdict = verdict
        self.attention = attention
        self._value = value
        self._text = text
        self._make = make
        self._text_at = text_at  # where its JSON is kept, when it was not given (a function and a place)

    def value(self) -> T:
        if self._value is None:
            assert self._make is not None
            self._value = self._make()
        return self._value

    @property
    def text_at(self) -> tuple[Callable[[int], str], int] | None:
        return self._text_at

    def text(self) -> str:
        """Its to_dict() as JSON."""
        if self._text is None:
            if self._text_at is not None:
                self._text = self._text_at[0](self._text_at[1])
            else:
                self._text = json.dumps(self.value().to_dict(), ensure_ascii=False)  # type: ignore[attr-defined]
        return self._text


class Listing(Sequence[T]):
    """Findings or discrepancies, each made only when first used (see Listed)."""

    def __init__(self, items: Sequence[Listed[T]], joined: Callable[[], list[str]] | None = None) -> None:
        self.items = tuple(items)
        # the items' JSON, a line each, in pieces that join into that text, when it is kept so (for writing it out)
        self.joined = joined

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        if isinstance(i, slice):
            return tuple(x.value() for x in self.items[i])
        return self.items[i].value()

    def __iter__(self) -> Iterator[T]:
        return (x.value() for x in self.items)

    def __eq__(self, other: object) -> bool:
        """Equal to a tuple (or Listing) of the same objects, as the tuple it stands for is."""
        if isinstance(other, (tuple, Listing)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list: equal to others, so not hashable

    def __repr__(self) -> str:
        return f"Listing({tuple(self)!r})"


def listed(items: Sequence[Any]) -> tuple[Listed[Any], ...]:
    """Findings or discrepancies as Listed entries, whether kept in a Listing or plain objects."""
    if isinstance(items, Listing):
        return items.items
    return tuple(Listed(x.verdict, x.needs_attention, value=x) for x in items)


def with_verdict(items: Sequence[T], verdict: Verdict) -> list[T]:
    """The findings (or discrepancies) of one verdict, without making the others."""
    return [x.value() for x in listed(items) if x.verdict is verdict]


def json_texts(items: Sequence[Any]) -> Iterator[str]:
    """Each finding's (or discrepancy's) to_dict() as JSON, as kept when it was."""
    return (x.text() for x in listed(items))


def joined_json(items: Sequence[Any]) -> list[str] | None:
    """The JSON of every finding (or discrepancy), a line each, in pieces that join into that text,
    when it is kept so."""
    joined = items.joined if isinstance(items, Listing) else None
    return joined() if joined is not None else None


@dataclass(frozen=True)
class Verification:
    """Everything verify found: the input it read, the problems, the discrepancies."""

    root: str
    sources: Sequence[Source]  # a tuple, or read only when first used (see pipeline.incremental.Lazy)
    claims: Sequence[Claim]  # a tuple, or read only when first used
    anchors: Sequence[Anchor]
    problems: tuple[Problem, ...]
    discrepancies: Sequence[Discrepancy]  # a tuple, or a Listing (made only when used)
    entities: tuple[Entity, ...] = field(default=())
    # pairs judged but not listed in discrepancies (they need no attention), by verdict value: verify
    # lists each pair only when asked for all of them, so output grows with claims, not pairs
    unlisted: dict[str, int] = field(default_factory=dict)
    findings: Sequence[Finding] = field(default=())  # the discrepancies, one per question (judge/findings.py)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def needs_attention(self) -> tuple[Discrepancy, ...]:
        return tuple(d for d in self.discrepancies if d.needs_attention)

    @property
    def attention(self) -> bool:
        """Whether any discrepancy needs attention (without making the discrepancies)."""
        return any(x.attention for x in listed(self.discrepancies))

    def to_dict(self) -> dict[str, Any]:
        return {**self.head_dict(), "findings": [f.to_dict() for f in self.findings],
                "discrepancies": [d.to_dict() for d in self.discrepancies]}  # fmt: skip

    def head_dict(self) -> dict[str, Any]:
        """to_dict without the findings and discrepancies, which a large result writes one at a time."""
        return {
            "sources": len(self.sources),
            "claims": len(self.claims),
            "problems": [p.to_dict() for p in self.problems],
            "counts": self.counts(),
        }

    def counts(self) -> dict[str, int]:
        """Pairs judged, by verdict, listed or not."""
        counts = {v.value: 0 for v in Verdict}
        for x in listed(self.discrepancies):
            counts[x.verdict.value] += 1
        for verdict, n in self.unlisted.items():
            counts[verdict] = counts.get(verdict, 0) + n
        return counts
