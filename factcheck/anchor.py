"""Quote → place in source, in the manner of W3C Web Annotation selectors.

An anchor keeps the exact passage, a short prefix and suffix, its character offsets and the
source's hash (TextQuoteSelector + TextPositionSelector). When a source is edited the quote is
found again; prefix, suffix and the old position decide between repeats, and the result says
what happened: exact, moved, fuzzy (with its score) or orphaned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from factcheck.errors import RegistryError
from factcheck.files import check_inside, read_bounded, write_atomic
from factcheck.models import Anchor, AnchorStatus, Claim, Source
from factcheck.text.fold import FoldedText, fold, fold_plain, line_and_column

ANCHORS_FILE = "anchors.json"
CONTEXT = 32  # characters of prefix and suffix kept, as in the W3C selectors
FUZZY_THRESHOLD = 90.0  # rapidfuzz partial-ratio score below which a quote is orphaned


@dataclass(frozen=True)
class PreparedSource:
    """A source with its folded forms computed once, for anchoring many quotes."""

    source: Source
    folded: FoldedText
    lower: str  # folded text, case folded when that keeps offsets (it nearly always does)


def prepare(source: Source) -> PreparedSource:
    folded = fold(source.text)
    lower = folded.text.lower()
    if len(lower) != len(folded.text):
        lower = folded.text
    return PreparedSource(source, folded, lower)


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _context_score(prep: PreparedSource, start: int, end: int, recorded: dict[str, Any] | None) -> float:
    """How well a candidate matches the recorded prefix, suffix and position (higher is better)."""
    if not recorded:
        return -start  # with nothing recorded, the first occurrence wins
    text = prep.folded.text
    prefix = fold_plain(recorded.get("prefix", ""))
    suffix = fold_plain(recorded.get("suffix", ""))
    score = 0.0
    if prefix:
        score += fuzz.ratio(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += fuzz.ratio(suffix, text[end : end + len(suffix)])
    old = int(recorded.get("start", 0))
    orig_start, _ = prep.folded.original_span(start, end)
    return score - abs(orig_start - old) / max(1, len(text)) * 10


def _make(claim: Claim, prep: PreparedSource, start: int, end: int, status: AnchorStatus, score: float) -> Anchor:
    text = prep.source.text
    o_start, o_end = prep.folded.original_span(start, end)
    line, column = line_and_column(text, o_start)
    return Anchor(
        claim_id=claim.id,
        source=prep.source.name,
        status=status,
        start=o_start,
        end=o_end,
        line=line,
        column=column,
        score=round(score, 1),
        exact=text[o_start:o_end],
        prefix=text[max(0, o_start - CONTEXT) : o_start],
        suffix=text[o_end : o_end + CONTEXT],
        source_sha256=prep.source.sha256,
    )


def anchor_quote(claim: Claim, prep: PreparedSource, recorded: dict[str, Any] | None = None) -> Anchor:
    """Find claim.quote in its source: exact after folding, then case-insensitive, then fuzzy."""
    quote = fold_plain(claim.quote)
    unchanged = recorded is not None and recorded.get("source_sha256") == prep.source.sha256
    for haystack, needle in ((prep.folded.text, quote), (prep.lower, quote.lower())):
        hits = _occurrences(haystack, needle) if needle else []
        if hits:
            best = max(hits, key=lambda s: _context_score(prep, s, s + len(needle), recorded))
            anchor = _make(claim, prep, best, best + len(needle), AnchorStatus.EXACT, 100.0)
            if recorded and not unchanged and anchor.start != recorded.get("start"):
                return _make(claim, prep, best, best + len(needle), AnchorStatus.MOVED, 100.0)
            return anchor
    if not quote:
        return _make(claim, prep, 0, 0, AnchorStatus.ORPHANED, 0.0)
    found = fuzz.partial_ratio_alignment(quote.lower(), prep.lower)
    if found is None:
        return _make(claim, prep, 0, 0, AnchorStatus.ORPHANED, 0.0)
    start, end = _whole_words(prep.lower, found.dest_start, found.dest_end)
    status = AnchorStatus.FUZZY if found.score >= FUZZY_THRESHOLD else AnchorStatus.ORPHANED
    return _make(claim, prep, start, end, status, found.score)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """An approximate match widened to whole words: the alignment may start or stop inside a word
    ("he council … on roa"), and a passage shown to a person should not."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def value_in(value: str, text: str) -> bool:
    """Whether a value as written occurs in a quote (or passage), seen through typography and case.
    An ellipsis in the value marks words left out: a quotation broken by "she said" is written
    "We will not … close the bridge", and each part must occur, in order."""
    folded, within = fold_plain(value).casefold(), fold_plain(text).casefold()
    if folded in within:
        return True
    parts = [p.strip() for p in folded.split("...")]
    at = 0
    for part in parts:
        found = within.find(part, at) if part else at
        if found < 0:
            return False
        at = found + len(part)
    return len([p for p in parts if p]) > 1


RECORDED_FIELDS = {"source": str, "exact": str, "prefix": str, "suffix": str, "start": int, "end": int,
                   "source_sha256": str}  # fmt: skip


def load_recorded(claims_dir: Path, max_bytes: int = 20 * 1024 * 1024) -> dict[str, dict[str, Any]]:
    """Anchors recorded by `factcheck anchor`, by claim id; empty when none were recorded. A file
    that is not what `factcheck anchor` writes is refused in one line naming the entry and field."""
    file = claims_dir / ANCHORS_FILE
    display = f"claims/{ANCHORS_FILE}"
    if not file.exists() and not file.is_symlink():
        return {}
    redo = "delete it and run `factcheck anchor` to record the anchors again"
    check_inside(claims_dir.parent, file, display)
    raw = read_bounded(file, display, max_bytes, RegistryError, what="the anchors file", too_big=redo,
                       unreadable=redo)  # fmt: skip
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RegistryError("is not UTF-8", path=display, hint=redo) from None
    except json.JSONDecodeError as exc:
        raise RegistryError(f"is not valid JSON ({exc.msg})", path=display, line=exc.lineno, hint=redo) from None
    anchors = data.get("anchors") if isinstance(data, dict) else None
    if not isinstance(anchors, dict):
        raise RegistryError("has no 'anchors' mapping", path=display, hint=redo)
    for claim_id, entry in anchors.items():
        if not isinstance(entry, dict):
            raise RegistryError(f"the anchor of '{claim_id}' is not a mapping", path=display, hint=redo)
        for key, kind in RECORDED_FIELDS.items():
            value = entry.get(key)
            if value is not None and (type(value) is not kind or (isinstance(value, int) and value < 0)):
                what = "a whole number from 0" if kind is int else "text"
                raise RegistryError(f"the anchor of '{claim_id}' has '{key}' that is not {what}", path=display,
                                    field=key, hint=redo)  # fmt: skip
    return anchors


def write_anchors(claims_dir: Path, anchors: list[Anchor]) -> Path:
    """Record anchors for the next run, atomically (temporary file, fsync, rename)."""
    file = claims_dir / ANCHORS_FILE
    payload = {
        "about": "Written by `factcheck anchor`: where each quote was found. Safe to delete.",
        "anchors": {a.claim_id: a.to_dict() for a in sorted(anchors, key=lambda a: a.claim_id)},
    }
    write_atomic(file, json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=False) + "\n")
    return file
