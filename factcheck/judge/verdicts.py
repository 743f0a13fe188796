"""The verdict on two claims about the same subject and property, with its explanation.

Rules, each with an example and its reason in docs/verdicts.md:
- conflict: the two readings cannot both be true, and nothing says the value changed;
- possible: they overlap only in part, or differ in a way a human must judge (two posts for one
  person; a date counted from the publication because the event it follows is not dated);
- rounding: one lies inside the other's precision as written ("£4m" covers £4.4m);
- consistent: a hedge or a vague date holds for the other ("almost £7m" and £6.8m);
- changed: they differ, with evidence of a change over time (judge/change.py);
- corroborated: they agree.
Statements (quotations and reported speech) are judged word by word in quotes.py, which also
pairs quotations attributed to different people: altered, misattributed, consistent.
Values of different kinds (money and a date, pounds and euros) are never compared.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal

from rapidfuzz import fuzz

from factcheck.judge.change import change_evidence
from factcheck.judge.events import PUBLISHED, anchor_on_events
from factcheck.judge.quotes import is_quotation, judge_quotation, quotation_pairs
from factcheck.judge.roles import judge_roles
from factcheck.judge.sides import CODE as _CODE
from factcheck.judge.sides import VERDICT as _VERDICT
from factcheck.judge.sides import cell, make_sides
from factcheck.models import Claim, ClaimView, DateRange, Discrepancy, Entity, Question, Verdict, WordEdit
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue, format_amount
from factcheck.text.fold import fold_plain

TEXT_MATCH = 95.0
MOSTLY = Decimal("0.5")  # share of the narrower reading two readings must have in common to be compatible
INF = Decimal("Infinity")


@functools.lru_cache(maxsize=65536)  # a registry uses a few property names many times
def property_key(text: str) -> str:
    return re.sub(r"\s+", " ", fold_plain(text).casefold().strip())


def _q(text: str) -> str:
    return f"'{text}'"


def _exact(x: float) -> Decimal:
    """The decimal a parsed edge stands for: floats from the parser carry the shortest decimal that
    reads back as them, so comparisons are exact and closed ("£8.25m" lies inside "£8.2m")."""
    return Decimal(repr(x))


Interval = tuple[Decimal, Decimal]


def _interval(v: Quantity, scale: int = 1) -> Interval:
    return (-INF if v.low is None else _exact(v.low) * scale, INF if v.high is None else _exact(v.high) * scale)


def _relation(a: Interval, b: Interval) -> str:
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


def _mostly_shared(a: Interval, b: Interval) -> bool:
    """Partly overlapping readings count as compatible when they share at least half of the
    narrower one: each then reads as an imprecise statement of the other, not a contradiction."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    narrower = min(a[1] - a[0], b[1] - b[0])
    return narrower > 0 and narrower != INF and shared / narrower >= MOSTLY


def _hedged(v: Quantity) -> bool:
    """A figure given as a hedge or a range: "nearly", "more than", "about", "dozens", "£5m-£7m"."""
    return v.qualifier is not None or bool(v.figures) or any("vague" in n for n in v.notes)


def _units(va: Quantity, vb: Quantity) -> tuple[int, int] | None:
    """Scales that put two quantities in one unit (a fraction as a percentage), None if they cannot be."""
    if va.unit == vb.unit:
        return 1, 1
    if {va.unit, vb.unit} == {"%", "fraction"}:
        return (100, 1) if va.unit == "fraction" else (1, 100)
    return None


def _describe(v: Quantity, unit: str | None, scale: int) -> str:
    if scale == 1:
        return v.describe()
    lo, hi = _interval(v, scale)
    if lo == -INF:
        return f"up to {format_amount(float(hi), unit)}"
    if hi == INF:
        return f"{format_amount(float(lo), unit)} or more"
    return f"{format_amount(float(lo), unit)}–{format_amount(float(hi), unit)}"


def _quantity_verdict(va: Quantity, vb: Quantity, ia: Interval, ib: Interval, rel: str) -> Verdict:
    if rel == "equal":
        return Verdict.CORROBORATED
    if rel in ("a_in_b", "b_in_a"):
        return Verdict.CONSISTENT if _hedged(vb if rel == "a_in_b" else va) else Verdict.ROUNDING
    if rel == "overlap":
        if _hedged(va) or _hedged(vb):
            return Verdict.CONSISTENT
        return Verdict.ROUNDING if _mostly_shared(ia, ib) else Verdict.POSSIBLE
    return Verdict.CONFLICT


def _judge_quantities(a: ClaimValue, b: ClaimValue, va: Quantity, vb: Quantity,
                      explain: bool = True) -> tuple[Verdict, str] | None:  # fmt: skip
    scales = _units(va, vb)
    if scales is None:
        return None  # pounds and euros, a count and a share: different kinds of value
    ia, ib = _interval(va, scales[0]), _interval(vb, scales[1])
    rel = _relation(ia, ib)
    verdict = _quantity_verdict(va, vb, ia, ib, rel)
    if not explain:
        return verdict, ""
    unit = va.unit if scales[0] == 1 else vb.unit
    wa, wb = a.claim.value, b.claim.value
    da, db = _describe(va, unit, scales[0]), _describe(vb, unit, scales[1])
    if rel == "equal":
        if ia[0] == ia[1]:
            return verdict, f"both give {format_amount(float(ia[0]), unit)}"
        return verdict, f"{_q(wa)} and {_q(wb)} both mean {da}"
    if rel in ("a_in_b", "b_in_a"):
        w_text, n_text, w_desc = (wb, wa, db) if rel == "a_in_b" else (wa, wb, da)
        return verdict, f"{_q(w_text)}, as written, means {w_desc}; {_q(n_text)} lies inside it"
    if rel == "overlap":
        lo, hi = max(ia[0], ib[0]), min(ia[1], ib[1])
        both = f"{format_amount(float(lo), unit)} and {format_amount(float(hi), unit)}"
        if verdict is Verdict.CONSISTENT:
            return verdict, f"{_q(wa)} means {da} and {_q(wb)} means {db}: both hold between {both}"
        if verdict is Verdict.ROUNDING:
            return verdict, f"{_q(wa)} means {da} and {_q(wb)} means {db}: they mostly overlap"
        return verdict, f"{_q(wa)} means {da} and {_q(wb)} means {db}; both hold only between {both}"
    wide_a = (ia[1] - ia[0]) >= (ib[1] - ib[0])
    w_text, w_desc, narrow, n_int, n_desc = (wa, da, vb, ib, db) if wide_a else (wb, db, va, ia, da)
    exact = n_int[0] == n_int[1] or (n_int[1] - n_int[0]) <= abs(_exact(narrow.value)) * Decimal("0.02")
    narrow_text = format_amount(narrow.value * (scales[1] if wide_a else scales[0]), unit) if exact else n_desc
    return verdict, f"{_q(w_text)}, as written, means {w_desc}; {narrow_text} lies outside it"


def _date_words(cv: ClaimValue, span: DateRange) -> str:
    v = cv.value
    text = _q(cv.claim.value)
    if cv.anchor and cv.anchor != PUBLISHED:
        return f"{text} counted from {cv.anchor} puts it at {span.human()}"
    if isinstance(v, DateValue) and v.relative and cv.published is not None:
        return f"{text} ({cv.claim.source[:12]}, dated {cv.published.human()}) puts it at {span.human()}"
    return f"{text} means {span.human()}"


def _days(r: DateRange) -> Interval:
    return Decimal(r.start.toordinal()), Decimal(r.end.toordinal() + 1)


def _date_verdict(ra: DateRange, rb: DateRange, rel: str) -> Verdict:
    if rel == "equal":
        return Verdict.CORROBORATED
    if rel in ("a_in_b", "b_in_a"):
        return Verdict.CONSISTENT
    if rel == "overlap":
        return Verdict.CONSISTENT if _mostly_shared(_days(ra), _days(rb)) else Verdict.POSSIBLE
    return Verdict.CONFLICT


def _judge_dates(a: ClaimValue, b: ClaimValue, ra: DateRange, rb: DateRange,
                 explain: bool = True) -> tuple[Verdict, str]:  # fmt: skip
    rel = _relation((Decimal(ra.start.toordinal()), Decimal(ra.end.toordinal())),
                    (Decimal(rb.start.toordinal()), Decimal(rb.end.toordinal())))  # fmt: skip
    verdict = _date_verdict(ra, rb, rel)
    if not explain:
        return verdict, ""
    if rel == "equal":
        return verdict, f"both mean {ra.human()}"
    if rel in ("a_in_b", "b_in_a"):
        wide, narrow, wide_span, narrow_span = (b, a, rb, ra) if rel == "a_in_b" else (a, b, ra, rb)
        return verdict, f"{_date_words(wide, wide_span)}; {_q(narrow.claim.value)} ({narrow_span.human()}) lies inside it"
    if rel == "overlap":
        both = ra.intersection(rb)
        assert both is not None
        if verdict is Verdict.CONSISTENT:
            return verdict, f"{_date_words(a, ra)}; {_date_words(b, rb)}; they mostly overlap ({both.human()})"
        return verdict, f"{_date_words(a, ra)}; {_date_words(b, rb)}; both hold only for {both.human()}"
    return verdict, f"{_date_words(a, ra)}; {_date_words(b, rb)}; no date fits both"


def _judge_text(a: ClaimValue, b: ClaimValue, va: TextValue, vb: TextValue) -> tuple[Verdict, str] | None:
    if "statement" in (va.kind, vb.kind):
        return None  # a statement beside a text that is not one: people say many things
    if "role" in (va.kind, vb.kind):
        return judge_roles(va, vb)
    if va.key == vb.key:
        return (
            Verdict.CORROBORATED,
            f"both say {_q(va.text)}" if va.text == vb.text else f"{_q(va.text)} and {_q(vb.text)} say the same",
        )
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


def _as_days(v: Duration) -> Quantity:
    return Quantity("number", v.text, v.span, v.low_days, v.low_days, v.high_days, "days", v.qualifier)


def judge(a: ClaimValue, b: ClaimValue, explain: bool = True) -> tuple[Verdict, str] | None:
    """The verdict on two claims about the same subject and property, or None if not comparable.
    `explain` False leaves the explanation empty where writing it costs (the verdict is the same):
    most pairs of a large registry agree and are only counted."""
    va, vb = a.value, b.value
    if va is None or vb is None:
        return None
    if is_quotation(a) and is_quotation(b):  # what was said does not change over time: no time rule
        quoted = judge_quotation(a, b)
        return quoted[:2] if quoted else None
    result: tuple[Verdict, str] | None
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        result = _judge_quantities(a, b, va, vb, explain)
    elif isinstance(va, DateValue) and isinstance(vb, DateValue):
        if va.range is None or vb.range is None:
            return None
        result = _judge_dates(a, b, va.range, vb.range, explain)
    elif isinstance(va, Duration) and isinstance(vb, Duration):
        result = _judge_quantities(a, b, _as_days(va), _as_days(vb), explain)
    elif isinstance(va, TimeValue) and isinstance(vb, TimeValue):
        result = _judge_times(a, b, va, vb)
    elif isinstance(va, TextValue) and isinstance(vb, TextValue):
        result = _judge_text(a, b, va, vb)
    else:
        return None  # a figure and a date, a date and a title: different kinds are never compared
    if result is None or not result[0].needs_attention:
        return result
    evidence = change_evidence(a, b, explain)
    if evidence is not None:
        return Verdict.CHANGED, evidence
    verdict, why = result
    counted = [cv for cv in (a, b) if cv.anchor == PUBLISHED and cv.published is not None]
    if counted and not explain:
        return Verdict.POSSIBLE, ""
    if counted:
        cv = counted[0]
        assert cv.published is not None
        return Verdict.POSSIBLE, (
            f"{why}; but {_q(cv.claim.value)} follows an event the registry does not date, so it was counted "
            f"from the publication date ({cv.published.human()})"
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


def compare(values: Iterable[ClaimValue], entities: Iterable[Entity], lines: dict[str, int],
            terms: dict[str, str] | None = None) -> tuple[Discrepancy, ...]:  # fmt: skip
    """Every pair of claims about the same thing, each spelled out with its verdict."""
    questions = judge_questions(values, entities, lines, terms, spell_out=lambda a, b, v: True)
    return order_discrepancies(d for q in questions.values() for d in q.listed)


def judge_questions(
    values: Iterable[ClaimValue], entities: Iterable[Entity], lines: dict[str, int],
    terms: dict[str, str] | None = None, spell_out: Callable[[ClaimValue, ClaimValue, Verdict], bool] | None = None,
    fresh: frozenset[str] | None = None, old: Callable[[set[str]], dict[str, Question]] | None = None,
    wanted: set[str] | None = None,
) -> dict[str, Question]:  # fmt: skip
    """Every pair of claims about the same thing, judged, by question (subject and property key):
    reviewed claims by subject and property (two in one source too), pairs involving a proposed
    claim by pairing's judgement (with its confidence) across sources, statements by their words.

    A pair is spelled out as a Discrepancy when it needs attention, or when `spell_out` says so;
    the others are kept as their verdict only (most pairs in a large registry agree or show a change).

    After an edit: `fresh` are the ids of the claims in the files that changed, `wanted` the keys of
    the questions they took part in or take part in now, and `old(keys)` the questions judged
    before. A pair of two claims that are not fresh keeps its verdict from before; every other pair
    is judged. Returned: the wanted questions, and any other question a new pair by pairing or
    quotation falls under (the new pair added to it)."""
    from factcheck.judge.pairing import topic_free_pairs

    entities = list(entities)
    values = anchor_on_events(sorted(values, key=lambda cv: (cv.claim.file, cv.claim.line)), entities)
    names = {e.id: e.name for e in entities}
    groups: dict[str, list[ClaimValue]] = defaultdict(list)
    for cv in values:
        if cv.claim.status != "proposed" and not is_quotation(cv):  # statements: paired by their words
            groups["|".join(group_key(cv))].append(cv)
    fresh_objects = None if fresh is None else {id(cv) for cv in values if cv.claim.id in fresh}
    cross: dict[str, list[Discrepancy]] = defaultdict(list)
    pairs: list[tuple[ClaimValue, ClaimValue, float]] = []
    if any(cv.claim.status == "proposed" for cv in values):
        pairs.extend(topic_free_pairs(values, entities, terms or {}, fresh_objects))
    paired = {(id(a), id(b)) for a, b, _c in pairs}
    pairs.extend(quotation_pairs(values, fresh_objects, paired))  # the same words, whoever they are attributed to
    for a, b, confidence in pairs:
        d = _discrepancy(a, b, lines, names, confidence)
        if d is not None:
            cross["|".join((d.subject, property_key(d.property)))].append(d)
    keys = set(groups) | set(cross) if wanted is None else wanted | set(cross)
    before = old(keys) if old is not None else {}
    found: dict[str, Question] = {}
    for key in sorted(keys):
        prior = before.get(key)
        if wanted is not None and key not in wanted and prior is not None:  # only a new pair falls under it
            found[key] = _with_pairs(prior, cross[key])
            continue
        kept = [d for d in prior.listed if _is_cross(prior, d) and not {c.id for c in d.claims} & (fresh or set())
                ] if prior is not None else []  # fmt: skip
        q = _question(key, groups.get(key, []), [*kept, *cross.get(key, [])], lines, names, spell_out, fresh, prior)
        if q is not None:
            found[key] = q
    return found


def _with_pairs(q: Question, extra: list[Discrepancy]) -> Question:
    """q with pairs made by pairing or quotation added (their claims join it, compared by them alone)."""
    known = {c.id for c in q.claims}
    new = {c.id: c for d in extra for c in d.claims if c.id not in known}
    claims = (*q.claims, *sorted(new.values(), key=lambda c: c.id))
    n, k = len(q.claims), len(claims)
    codes = "".join(q.codes[cell(i, j, n)] if j < n else Question.NO_PAIR for i in range(k) for j in range(i + 1, k))
    listed = order_discrepancies([*q.listed, *extra])
    return replace(q, claims=claims, codes=codes, listed=listed, sides=make_sides(claims, codes, listed))


def _is_cross(q: Question, d: Discrepancy) -> bool:
    """A pair listed in q that was not judged as two claims under q's subject and property."""
    at = {c.id: i for i, c in enumerate(q.claims)}
    i, j = sorted((at[d.claims[0].id], at[d.claims[1].id]))
    return q.codes[cell(i, j, len(q.claims))] == Question.NO_PAIR




def _question(key: str, members: list[ClaimValue], cross: list[Discrepancy], lines: dict[str, int],
              names: dict[str, str], spell_out: Callable[[ClaimValue, ClaimValue, Verdict], bool] | None,
              fresh: frozenset[str] | None, old: Question | None) -> Question | None:  # fmt: skip
    """The pairs of one question judged: members pairwise, the cross pairs as they are."""
    kept: dict[tuple[str, str], str] = {}  # the verdict codes of pairs that keep their old verdict
    old_listed: dict[frozenset[str], Discrepancy] = {}
    if old is not None and fresh is not None:
        ids = [c.id for c in old.claims]
        n_old = len(ids)
        old_listed = {frozenset(c.id for c in d.claims): d for d in old.listed}
        for i in range(n_old):
            if ids[i] in fresh:
                continue
            for j in range(i + 1, n_old):
                if ids[j] not in fresh:
                    kept[(ids[i], ids[j])] = old.codes[cell(i, j, n_old)]
    n = len(members)
    codes: list[str] = []
    listed: list[Discrepancy] = list(cross)
    tally: dict[str, int] = {}
    least: tuple[int, str, ClaimValue, ClaimValue] | None = None  # the most serious pair not listed
    in_pairs: set[int] = set()
    for i in range(n):
        a = members[i]
        for j in range(i + 1, n):
            b = members[j]
            code = kept.get((a.claim.id, b.claim.id))
            if code == Question.LISTED:
                listed.append(old_listed[frozenset((a.claim.id, b.claim.id))])
            elif code is None:
                result = judge(a, b, explain=False)
                if result is None:
                    code = Question.NO_PAIR
                elif result[0].needs_attention or (spell_out is not None and spell_out(a, b, result[0])):
                    code = Question.LISTED
                    d = _discrepancy(a, b, lines, names)
                    assert d is not None
                    listed.append(d)
                else:
                    code = _CODE[result[0]]
            codes.append(code)
            if code != Question.NO_PAIR:
                in_pairs.update((i, j))
            if code != Question.LISTED and code != Question.NO_PAIR:
                verdict = _VERDICT[code]
                tally[verdict.value] = tally.get(verdict.value, 0) + 1
                rank = int(code)
                if least is None or rank <= least[0]:
                    pair_id = discrepancy_id(a.claim.id, b.claim.id)
                    if least is None or rank < least[0] or pair_id < least[1]:
                        least = (rank, pair_id, a, b)
    order = [m for m in range(n) if m in in_pairs]
    paired_ids = {members[m].claim.id for m in order}
    extra = {c.id: c for d in cross for c in d.claims if c.id not in paired_ids}
    if not in_pairs and not extra:
        return None
    views = [view(members[m], lines.get(members[m].claim.id, 0)) if m in in_pairs else None for m in range(n)]
    claims = [v for v in views if v is not None] + sorted(extra.values(), key=lambda c: c.id)
    if len(order) < n:  # claims in no pair are left out: the codes are made again over those kept
        codes = [codes[cell(order[x], order[y], n)] for x in range(len(order)) for y in range(x + 1, len(order))]
    k = len(claims)
    if extra:  # claims only in cross pairs: compared with the others by those pairs alone
        full = []
        for x in range(k):
            for y in range(x + 1, k):
                full.append(codes[cell(x, y, len(order))] if y < len(order) else Question.NO_PAIR)
        codes = full
    worst = _discrepancy(least[2], least[3], lines, names) if least is not None else None
    listed_sorted = order_discrepancies(listed)
    sides = make_sides(claims, "".join(codes), listed_sorted)
    return Question(key, tuple(claims), "".join(codes), listed_sorted, worst, sides, tally)


def _discrepancy(a: ClaimValue, b: ClaimValue, lines: dict[str, int], names: dict[str, str],
                 confidence: float = 1.0) -> Discrepancy | None:  # fmt: skip
    """One pair spelled out: its verdict and explanation, both claims as shown."""
    edits: tuple[WordEdit, ...] = ()
    if is_quotation(a) and is_quotation(b):
        quoted = judge_quotation(a, b)
        result, edits = (quoted[:2], quoted[2]) if quoted else (None, ())
    else:
        result = judge(a, b)
    if result is None:
        return None
    verdict, why = result
    return Discrepancy(
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


def order_discrepancies(found: Iterable[Discrepancy]) -> tuple[Discrepancy, ...]:
    """Most serious first; then by subject, property and claim ids, so the order never depends on
    the order pairs were judged in."""
    order = {v: i for i, v in enumerate(Verdict)}
    return tuple(sorted(found, key=lambda d: (order[d.verdict], -d.confidence, d.subject, property_key(d.property),
                                              d.claims[0].id, d.claims[1].id)))  # fmt: skip

