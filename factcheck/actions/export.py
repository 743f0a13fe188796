"""Exports for the tools newsrooms already use: schema.org ClaimReview JSON-LD for discrepancies,
and the claims themselves as CSV or JSON.

ClaimReview: one review per discrepancy between reviewed claims. The claim rated is the one from
the later source; the other is what the review is based on (`isBasedOn`). The verdict becomes a
Rating from 1 (contradicted) to 5 (corroborated) with the one-line explanation; a reviewer's note
is a Comment of its own. Discrepancies a person dismissed are left out; with `confirmed_only`, only
those a person confirmed are kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from factcheck.models import ClaimView, DateRange, Discrepancy, Review, Source, Verdict, Verification
from factcheck.text.printable import clean

RATINGS = {
    Verdict.CONFLICT: (1, "Contradicted by another source"),
    Verdict.MISATTRIBUTED: (1, "Attributed to someone else by another source"),
    Verdict.ALTERED: (2, "Quoted in other words by another source"),
    Verdict.POSSIBLE: (2, "Possibly contradicted by another source"),
    Verdict.CHANGED: (3, "Changed over time"),
    Verdict.ROUNDING: (4, "Consistent, allowing for rounding"),
    Verdict.CONSISTENT: (4, "Consistent with another source, which says less"),
    Verdict.CORROBORATED: (5, "Corroborated by another source"),
}
# A person's decision in force changes the rating's words: a confirmed "possible" is a contradiction,
# and a confirmed change or rounding says a person checked it.
CONFIRMED = {
    Verdict.CONFLICT: (1, "Contradicted by another source (confirmed by a reviewer)"),
    Verdict.POSSIBLE: (1, "Contradicted by another source (confirmed by a reviewer)"),
    Verdict.CHANGED: (3, "Changed over time (confirmed by a reviewer)"),
    Verdict.ROUNDING: (4, "Consistent, allowing for rounding (confirmed by a reviewer)"),
    Verdict.CORROBORATED: (5, "Corroborated by another source (confirmed by a reviewer)"),
}
CSV_FIELDS = ("id", "source", "source_title", "outlet", "published", "quote", "subject", "subject_name",
              "property", "value", "kind", "as_of", "period", "status", "line", "anchor")  # fmt: skip


def claim_reviews(
    verification: Verification, *, author: str = "factcheck", confirmed_only: bool = False,
    include_corroborated: bool = False, today: dt.date | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """One ClaimReview (as a JSON-LD dict) per discrepancy between reviewed claims."""
    sources = {s.name: s for s in verification.sources}
    today = today or dt.date.today()
    out = []
    for d in verification.discrepancies:
        if d.proposed or (d.review is not None and d.review.decision == "dismissed" and not d.review.stale):
            continue
        if confirmed_only and (d.review is None or d.review.decision != "confirmed" or d.review.stale):
            continue
        if d.verdict is Verdict.CORROBORATED and not include_corroborated:
            continue
        out.append(_claim_review(d, sources, author, today))
    return out


def _claim_review(d: Discrepancy, sources: dict[str, Source], author: str, today: dt.date) -> dict[str, Any]:
    rated, basis = sorted(d.claims, key=_later, reverse=True)[:2]
    decided = d.review is not None and d.review.decision == "confirmed" and not d.review.stale
    value, label = (CONFIRMED if decided else RATINGS)[d.verdict]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": d.id,
        "name": clean(f"{d.subject_name or d.subject}: {d.property}"),
        "datePublished": (d.review.day if d.review and d.review.day else today.isoformat()),
        "author": {"@type": "Organization", "name": author},
        "claimReviewed": clean(rated.quote),
        "about": {"@type": "Thing", "name": clean(d.subject_name or d.subject)},
        "itemReviewed": {"@type": "Claim", "text": clean(rated.quote), **_appearance(rated, sources)},
        "isBasedOn": {**_work(basis, sources), "text": clean(basis.quote)},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": label,
            "ratingExplanation": clean(d.explanation),
        },  # fmt: skip
        "reviewBody": clean(
            f'{_title(rated, sources)} says "{rated.quote}" ({rated.reading}); '
            f'{_title(basis, sources)} says "{basis.quote}" ({basis.reading}). {d.explanation}'
        ),
    }
    if d.review is not None and d.review.note and not d.review.stale:
        review["comment"] = _reviewer_note(d.review)
    return review


def _reviewer_note(r: Review) -> dict[str, Any]:
    """The reviewer's note as a schema.org Comment of its own, apart from the rating's explanation."""
    note: dict[str, Any] = {"@type": "Comment", "text": clean(r.note)}
    if r.reviewer:
        note["author"] = {"@type": "Person", "name": clean(r.reviewer)}
    if r.day:
        note["dateCreated"] = r.day
    return note


def _later(c: ClaimView) -> tuple[dt.date, str]:
    return (c.published.end if c.published else dt.date.min, c.id)


def _title(c: ClaimView, sources: dict[str, Source]) -> str:
    s = sources.get(c.source)
    return (s.title if s and s.title else c.source) + (f" ({s.outlet})" if s and s.outlet else "")


def _date(r: DateRange | None) -> dict[str, str]:
    return {"datePublished": r.start.isoformat()} if r is not None and r.is_day else {}


def _work(c: ClaimView, sources: dict[str, Source]) -> dict[str, Any]:
    s = sources.get(c.source)
    work: dict[str, Any] = {"@type": "CreativeWork", "name": clean(s.title if s and s.title else c.source)}
    if s and s.url and web_address(s.url):
        work["url"] = clean(s.url)
    if s and s.outlet:
        work["publisher"] = {"@type": "Organization", "name": clean(s.outlet)}
    if s and s.author:
        work["author"] = {"@type": "Person", "name": clean(s.author)}
    work.update(_date(c.published))
    return work


def _appearance(c: ClaimView, sources: dict[str, Source]) -> dict[str, Any]:
    out: dict[str, Any] = {"appearance": [_work(c, sources)]}
    out.update(_date(c.published))
    return out


def web_address(url: str) -> bool:
    """Whether url is an http(s) address: anything else (`javascript:`, `data:`, `file:`) is never emitted."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})  # fmt: skip


def to_claimreview_json(reviews: list[dict[str, Any]]) -> str:
    """JSON-LD safe to paste into a <script type="application/ld+json"> block: <, > and & are written
    as JSON escapes (they occur only inside strings), so a quote holding `</script>` cannot end it."""
    return json.dumps(reviews, indent=2, ensure_ascii=False).translate(_SCRIPT_SAFE) + "\n"


def claim_rows(verification: Verification) -> list[dict[str, Any]]:
    """Every claim as a flat row: its fields, its source's metadata and where its quote sits."""
    sources = {s.name: s for s in verification.sources}
    names = {e.id: e.name for e in verification.entities}
    anchors = {a.claim_id: a for a in verification.anchors}
    rows = []
    for c in verification.claims:
        s = sources.get(c.source)
        a = anchors.get(c.id)
        rows.append({
            "id": c.id, "source": c.source, "source_title": s.title if s else None, "outlet": s.outlet if s else None,
            "published": s.published.iso() if s and s.published else None, "quote": c.quote,
            "subject": c.subject, "subject_name": names.get(c.subject, c.subject), "property": c.property,
            "value": c.value, "kind": c.kind, "as_of": c.as_of, "period": c.period, "status": c.status,
            "line": a.line if a else None, "anchor": a.status.value if a else None,
        })  # fmt: skip
    return rows


def to_claims_json(verification: Verification) -> str:
    return json.dumps(claim_rows(verification), indent=2, ensure_ascii=False) + "\n"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list of what starts a formula in a spreadsheet


def to_claims_csv(verification: Verification) -> str:
    """RFC 4180 CSV. A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
    or a carriage return) gets a leading apostrophe, as OWASP advises, so opening the file never
    executes text from a source ("-2+3+cmd|..." too; a negative figure reads '-2 in the cell)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in claim_rows(verification):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = clean(value)
        if value.startswith(_FORMULA):
            return "'" + value
    return "" if value is None else value
