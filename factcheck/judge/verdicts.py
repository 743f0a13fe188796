"""Grouping claims about the same thing, and the verdict rules with their explanations.

Claims are grouped by subject (after aliases) and property; every pair from two different
sources gets a verdict:
- conflict: the two readings cannot both be true;
- possible: they overlap only in part, or differ in a way a human must judge;
- rounding: one lies inside the other's stated precision ("£4m" covers £4.4m);
- changed: they differ, but refer to different times (a timeline, not a conflict);
- corroborated: they agree.
Statements (quotations and reported speech) are judged word by word in quotes.py, which also
pairs quotations attributed to different people: altered, misattributed, consistent.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from rapidfuzz import fuzz

from factcheck.judge.quotes import is_quotation, judge_quotation, quotation_pairs
from factcheck.models import Claim, ClaimView, DateRange, Discrepancy, Entity, Verdict, WordEdit
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue, format_amount
from factcheck.text.fold import fold_plain

# A rank word makes a different role: an assistant director is not the director.
RANK_WORDS = {
    "assistant", "deputy", "acting", "interim", "former", "vice", "associate", "shadow",
    "temporary", "joint", "co", "sub", "under", "junior", "senior", "executive", "lead",
    "chief", "principal", "head",
}  # fmt: skip
TEXT_MATCH = 95.0
MOSTLY = 0.5  # share of the narrower reading two readings must have in common to be compatible


@functools.lru_cache(maxsize=65536)  # a registry uses a few property names many times
def property_key(text: str) -> str:
    return re.sub(r"\s+", " ", fold_plain(text).casefold().strip())


def _q(text: str) -> str:
    return f"'{text}'"


def _interval(v: Quantity) -> tuple[float, float]:
    return (float("-inf") if v.low is None else v.low, float("inf") if v.high is None else v.high)


def _relation(a: tuple, b: tuple) -> str:  # type: ignore[type-arg]
    """equal, a_in_b, b_in_a, overlap or disjoint, for two closed intervals."""
    (a1, a2), (b1, b2) = a, b
    if a1 == b1 and a2 == b2:
        return "equal"
    if a2 < b1 or b2 < a1:
        return "disjoint"
    if b1 <= a1 and a2 <= b2:
        return "a_in_b"
    if a1 <= b1 and b2 <= a2:
        return "b_in_a"
    return "overlap"


def _judge_quantities(a: ClaimValue, b: ClaimValue, va: Quantity, vb: Quantity) -> tuple[Verdict, str]:
    wa, wb = a.claim.value, b.claim.value
    if va.unit != vb.unit:
        return (
            Verdict.POSSIBLE,
            f"{_q(wa)} is in {va.unit or 'a count'} and {_q(wb)} in {vb.unit or 'a count'}: check they measure the same thing",
        )
    rel = _relation(_interval(va), _interval(vb))
    if rel == "equal":
        if va.low == va.high:
            return Verdict.CORROBORATED, f"both give {format_amount(va.value, va.unit)}"
        return Verdict.CORROBORATED, f"{_q(wa)} and {_q(wb)} both mean {va.describe()}"
    if rel in ("a_in_b", "b_in_a"):
        wide, narrow, w_text, n_text = (vb, va, wb, wa) if rel == "a_in_b" else (va, vb, wa, wb)
        return Verdict.ROUNDING, (f"{_q(w_text)}, as written, means {wide.describe()}; {_q(n_text)} lies inside it")
    if rel == "overlap" and _mostly_shared(_interval(va), _interval(vb)):
        return (
            Verdict.ROUNDING,
            f"{_q(wa)} means {va.describe()} and {_q(wb)} means {vb.describe()}: they mostly overlap",
        )
    if rel == "overlap":
        lo = max(_interval(va)[0], _interval(vb)[0])
        hi = min(_interval(va)[1], _interval(vb)[1])
        return Verdict.POSSIBLE, (
            f"{_q(wa)} means {va.describe()} and {_q(wb)} means {vb.describe()}; "
            f"both hold only between {format_amount(lo, va.unit)} and {format_amount(hi, va.unit)}"
        )
    wide, narrow, w_text, n_text = (va, vb, wa, wb) if _width(va) >= _width(vb) else (vb, va, wb, wa)
    narrow_text = (
        format_amount(narrow.value, narrow.unit) if _width(narrow) <= abs(narrow.value) * 0.02 else narrow.describe()
    )
    return Verdict.CONFLICT, f"{_q(w_text)}, as written, means {wide.describe()}; {narrow_text} lies outside it"


def _mostly_shared(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Partly overlapping readings count as compatible when they share at least half of the
    narrower one: each then reads as an imprecise statement of the other, not a contradiction."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    narrower = min(a[1] - a[0], b[1] - b[0])
    return narrower > 0 and narrower != float("inf") and shared / narrower >= MOSTLY


def _width(v: Quantity) -> float:
    lo, hi = _interval(v)
    return hi - lo


def _date_words(cv: ClaimValue, span: DateRange) -> str:
    v = cv.value
    text = _q(cv.claim.value)
    if isinstance(v, DateValue) and v.relative and cv.published is not None:
        return f"{text} ({cv.claim.source[:12]}, dated {cv.published.human()}) puts it at {span.human()}"
    return f"{text} means {span.human()}"


def _judge_dates(a: ClaimValue, b: ClaimValue, ra: DateRange, rb: DateRange) -> tuple[Verdict, str]:
    rel = _relation((ra.start, ra.end), (rb.start, rb.end))
    if rel == "equal":
        return Verdict.CORROBORATED, f"both mean {ra.human()}"
    if rel in ("a_in_b", "b_in_a"):
        wide, narrow, wide_span, narrow_span = (b, a, rb, ra) if rel == "a_in_b" else (a, b, ra, rb)
        return (
            Verdict.ROUNDING,
            f"{_date_words(wide, wide_span)}; {_q(narrow.claim.value)} ({narrow_span.human()}) lies inside it",
        )
    if rel == "overlap":
        both = ra.intersection(rb)
        assert both is not None
        if _mostly_shared(
            (ra.start.toordinal(), ra.end.toordinal() + 1), (rb.start.toordinal(), rb.end.toordinal() + 1)
        ):
            return Verdict.ROUNDING, f"{_date_words(a, ra)}; {_date_words(b, rb)}; they mostly overlap ({both.human()})"
        return Verdict.POSSIBLE, f"{_date_words(a, ra)}; {_date_words(b, rb)}; both hold only for {both.human()}"
    return Verdict.CONFLICT, f"{_date_words(a, ra)}; {_date_words(b, rb)}; no date fits both"


def _rank_words(key: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", key) if w in RANK_WORDS}


def _judge_text(a: ClaimValue, b: ClaimValue, va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    if va.key == vb.key:
        return (
            Verdict.CORROBORATED,
            f"both say {_q(va.text)}" if va.text == vb.text else f"{_q(va.text)} and {_q(vb.text)} say the same",
        )
    if "statement" in (va.kind, vb.kind):
        return None  # a statement beside a text that is not one: people say many things
    if "role" in (va.kind, vb.kind):
        ranks_a, ranks_b = _rank_words(va.key), _rank_words(vb.key)
        if ranks_a != ranks_b:
            extra = sorted(ranks_a ^ ranks_b)
            return Verdict.CONFLICT, (
                f"{_q(va.text)} and {_q(vb.text)} are different roles: "
                f"{', '.join(_q(w) for w in extra)} marks a different rank"
            )
        words_a, words_b = set(re.findall(r"\w+", va.key)), set(re.findall(r"\w+", vb.key))
        if words_a <= words_b or words_b <= words_a:
            return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} name the same role, one more fully"
        return Verdict.POSSIBLE, f"{_q(va.text)} and {_q(vb.text)} are different titles: check they are the same role"
    score = fuzz.ratio(va.key, vb.key)
    if score >= TEXT_MATCH:
        return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} say the same"
    words_a, words_b = set(re.findall(r"\w+", va.key)), set(re.findall(r"\w+", vb.key))
    if words_a <= words_b or words_b <= words_a:
        return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} agree, one more fully"
    return Verdict.POSSIBLE, f"{_q(va.text)} and {_q(vb.text)} differ: check which is right"


def _judge_times(a: ClaimValue, b: ClaimValue, va: TimeValue, vb: TimeValue) -> tuple[Verdict, str]:
    """Two times of day: compared in UTC where both zones are known, else as written."""
    wa, wb = _q(a.claim.value), _q(b.claim.value)
    ua, ub = va.in_utc(), vb.in_utc()
    if ua is not None and ub is not None:
        if ua == ub:
            return Verdict.CORROBORATED, f"{wa} and {wb} are the same moment"
        return Verdict.CONFLICT, f"{wa} and {wb} are different times, even allowing for their time zones"
    if (va.low, va.high) == (vb.low, vb.high):
        return Verdict.CORROBORATED, f"both say {va.describe()}"
    if va.zone != vb.zone:
        return Verdict.POSSIBLE, f"{wa} and {wb} differ, but may be in different time zones: check"
    return Verdict.CONFLICT, f"{wa} and {wb} are different times of day"


def _forecast(cv: ClaimValue) -> bool:
    """A date the source puts after its own publication: a plan or forecast, which can change."""
    v = cv.value
    pub = cv.published
    return isinstance(v, DateValue) and v.range is not None and pub is not None and v.range.end > pub.end


def judge(a: ClaimValue, b: ClaimValue) -> tuple[Verdict, str] | None:
    """The verdict on two claims about the same subject and property, or None if not comparable."""
    va, vb = a.value, b.value
    if va is None or vb is None:
        return None
    if is_quotation(a) and is_quotation(b):  # what was said does not change over time: no time rule
        quoted = judge_quotation(a, b)
        return quoted[:2] if quoted else None
    result: tuple[Verdict, str] | None
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        result = _judge_quantities(a, b, va, vb)
    elif isinstance(va, DateValue) and isinstance(vb, DateValue):
        if va.range is None or vb.range is None:
            return None
        result = _judge_dates(a, b, va.range, vb.range)
        if result[0].needs_attention and (_forecast(a) or _forecast(b)):
            pa, pb = a.published, b.published
            if pa and pb and not pa.overlaps(pb):
                return Verdict.CHANGED, (
                    f"as of {pa.human()} the date was {_q(a.claim.value)} ({va.range.human()}); "
                    f"as of {pb.human()} it was {_q(b.claim.value)} ({vb.range.human()}): the plan moved"
                )
    elif isinstance(va, Duration) and isinstance(vb, Duration):
        qa = Quantity("number", va.text, va.span, va.low_days, va.low_days, va.high_days, "days")
        qb = Quantity("number", vb.text, vb.span, vb.low_days, vb.low_days, vb.high_days, "days")
        result = _judge_quantities(a, b, qa, qb)
    elif isinstance(va, TimeValue) and isinstance(vb, TimeValue):
        result = _judge_times(a, b, va, vb)
    elif isinstance(va, TextValue) and isinstance(vb, TextValue):
        result = _judge_text(a, b, va, vb)
    else:
        return (
            Verdict.POSSIBLE,
            f"{_q(a.claim.value)} is a {va.kind} and {_q(b.claim.value)} a {vb.kind}: check the claims",
        )
    if result is None:
        return None
    verdict, why = result
    if verdict.needs_attention and a.time and b.time and not a.time.overlaps(b.time):
        first, second = (a, b) if a.time.start <= b.time.start else (b, a)
        assert first.time and second.time
        return Verdict.CHANGED, (
            f"{_q(first.claim.value)} refers to {first.time.human()} and {_q(second.claim.value)} "
            f"to {second.time.human()}: a change over time, not a conflict"
        )
    return verdict, why


def group_key(cv: ClaimValue) -> tuple[str, str]:
    """The group a reviewed claim is compared in: its subject and property."""
    return cv.claim.subject, property_key(cv.claim.property)


def discrepancy_id(a: str, b: str) -> str:
    """A stable id for the pair of claims a and b, whichever order they come in."""
    first, second = sorted((a, b))
    return "d-" + hashlib.sha1(f"{first}\n{second}".encode()).hexdigest()[:8]


def fingerprint(claims: list[Claim]) -> str:
    """What a decision on a pair is made on: every field of both claims that could change its meaning."""
    digest = hashlib.sha1()
    for c in sorted(claims, key=lambda c: c.id):
        for part in (c.id, c.source, c.quote, c.subject, c.property, c.value, c.kind, c.as_of, c.period,
                     c.relative_to):  # fmt: skip
            digest.update((part or "").encode() + b"\x00")
    return digest.hexdigest()[:12]


def view(cv: ClaimValue, line: int) -> ClaimView:
    return ClaimView(
        id=cv.claim.id,
        source=cv.claim.source,
        quote=cv.claim.quote,
        value=cv.claim.value,
        line=line,
        published=cv.published,
        time=cv.time if cv.time_label != "published" else None,
        reading=cv.reading(),
        status=cv.claim.status,
    )


def compare(
    values: Iterable[ClaimValue], entities: Iterable[Entity], lines: dict[str, int],
    terms: dict[str, str] | None = None, known: Iterable[ClaimValue] = (),
) -> tuple[Discrepancy, ...]:  # fmt: skip
    """Every cross-source pair about the same thing, with its verdict: reviewed claims by subject and
    property, pairs involving a proposed claim by pairing's judgement (with its confidence).

    `known` are values already compared among themselves (kept in a cache): then only the pairs
    with at least one of `values` are judged. Either way a pair lists its claims in registry order."""
    from factcheck.judge.pairing import topic_free_pairs

    values = list(values)
    known = list(known)
    fresh = {id(cv) for cv in values} if known else None
    if known:
        values = sorted(values + known, key=lambda cv: (cv.claim.file, cv.claim.line))
    entities = list(entities)
    names = {e.id: e.name for e in entities}
    groups: dict[tuple[str, str], list[ClaimValue]] = defaultdict(list)
    for cv in values:
        if cv.claim.status != "proposed" and not is_quotation(cv):  # statements: paired by their words
            groups[group_key(cv)].append(cv)
    pairs: list[tuple[ClaimValue, ClaimValue, float]] = [
        (a, b, 1.0) for members in groups.values() for a, b in combinations(members, 2)
        if a.claim.source != b.claim.source and (fresh is None or id(a) in fresh or id(b) in fresh)
    ]  # fmt: skip
    if any(cv.claim.status == "proposed" for cv in values):
        pairs.extend(topic_free_pairs(values, entities, terms or {}, fresh))
    paired = {(id(a), id(b)) for a, b, _c in pairs}
    pairs.extend(quotation_pairs(values, fresh, paired))  # the same words, whoever they are attributed to
    found: list[Discrepancy] = []
    for a, b, confidence in pairs:
        edits: tuple[WordEdit, ...] = ()
        if is_quotation(a) and is_quotation(b):
            quoted = judge_quotation(a, b)
            result, edits = (quoted[:2], quoted[2]) if quoted else (None, ())
        else:
            result = judge(a, b)
        if result is None:
            continue
        verdict, why = result
        found.append(
            Discrepancy(
                verdict=verdict,
                subject=a.claim.subject,
                property=a.claim.property,
                explanation=why,
                claims=(view(a, lines.get(a.claim.id, 0)), view(b, lines.get(b.claim.id, 0))),
                subject_name=names.get(a.claim.subject, a.claim.subject),
                id=discrepancy_id(a.claim.id, b.claim.id),
                confidence=confidence,
                fingerprint=fingerprint([a.claim, b.claim]),
                edits=edits if verdict is not Verdict.CORROBORATED else (),
            )
        )
    return order_discrepancies(found)


def order_discrepancies(found: Iterable[Discrepancy]) -> tuple[Discrepancy, ...]:
    """Most serious first; then by subject, property and claim ids, so the order never depends on
    the order pairs were judged in."""
    order = {v: i for i, v in enumerate(Verdict)}
    return tuple(sorted(found, key=lambda d: (order[d.verdict], -d.confidence, d.subject, property_key(d.property),
                                              d.claims[0].id, d.claims[1].id)))  # fmt: skip
