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
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from factcheck.judge.change import change_evidence
from factcheck.judge.events import PUBLISHED
from factcheck.judge.names import judge_names
from factcheck.judge.quotes import is_quotation, judge_quotation
from factcheck.judge.roles import judge_roles
from factcheck.judge.wordfacts import judge_word_fact
from factcheck.models import Claim, ClaimView, DateRange, Discrepancy, Verdict
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.times import hedged_minutes
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue, format_amount
from factcheck.text.fold import fold_plain
from factcheck.text.moments import ALARM, ONSET, moment_of
from factcheck.text.names import NAME_PROPERTY
from factcheck.text.wordfacts import COLOUR, DIRECTION, HOME, tells_of_death, word_property

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


# Hedges a reader takes as "this figure, give or take": the figure itself is what the source says.
APPROXIMATE = {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "circa", "c."}


def _beyond_bound(va: Quantity, vb: Quantity, ia: Interval, ib: Interval) -> Quantity | None:
    """An approximate figure whose own figure lies outside the other's bound: "some 14,000" against
    "more than 15,000", "about 40" against "at least 43". The hedge widens the figure for rounding, not
    past a limit another source states: a reader reads 14,000, which is not more than 15,000. Returns
    the approximate one, or None."""
    for near, other, i_near, i_other in ((va, vb, ia, ib), (vb, va, ib, ia)):
        bounded = i_other[0] == -INF or i_other[1] == INF or (other.qualifier or "").startswith(("as many as", "up to"))
        if (near.qualifier or "").lower() not in APPROXIMATE or near.figures or other.figures or not bounded:
            continue
        figure = (i_near[0] + i_near[1]) / 2 if i_near[1] != INF and i_near[0] != -INF else None
        if figure is not None and not (i_other[0] <= figure <= i_other[1]):
            return near
    return None


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
        return Verdict.ROUNDING if _mostly_shared(ia, ib) or _cut_short(va, vb, ia, ib) else Verdict.POSSIBLE
    return Verdict.CONFLICT


# A figure written with a scale word: many digits cut to a few ("£469m" for £469,581,000)
_ROUNDED = re.compile(r"\d\s*(?:m|bn|k|million|billion|thousand|trillion)\b", re.IGNORECASE)


def _cut_short(va: Quantity, vb: Quantity, ia: Interval, ib: Interval) -> bool:
    """Two figures written with a scale word to the same place that differ by one in the last figure ("£469m"
    and "£470m"): one outlet cuts short what another rounds (£469.6m). "42 dead" and "43 dead" are counts,
    exact as written; a magnitude of 8.6 and one of 8.7 are two measures."""
    width_a, width_b = ia[1] - ia[0], ib[1] - ib[0]
    if width_a != width_b or width_a <= 0 or not (_ROUNDED.search(va.text) and _ROUNDED.search(vb.text)):
        return False  # "six months", "five months": whole units counted, exact as written
    return abs((ia[0] + ia[1]) - (ib[0] + ib[1])) / 2 == width_a


def _judge_quantities(a: ClaimValue, b: ClaimValue, va: Quantity, vb: Quantity,
                      explain: bool = True) -> tuple[Verdict, str] | None:  # fmt: skip
    scales = _units(va, vb)
    if scales is None:
        return None  # pounds and euros, a count and a share: different kinds of value
    ia, ib = _interval(va, scales[0]), _interval(vb, scales[1])
    rel = _relation(ia, ib)
    verdict = _quantity_verdict(va, vb, ia, ib, rel)
    beyond = _beyond_bound(va, vb, ia, ib) if rel != "disjoint" else None
    if beyond is not None:
        verdict = Verdict.CONFLICT
    if not explain:
        return verdict, ""
    unit = va.unit if scales[0] == 1 else vb.unit
    wa, wb = a.claim.value, b.claim.value
    da, db = _describe(va, unit, scales[0]), _describe(vb, unit, scales[1])
    if beyond is not None:
        near, bound = (wa, db) if beyond is va else (wb, da)
        figure = format_amount(beyond.value * (scales[0] if beyond is va else scales[1]), unit)
        return verdict, f"{_q(near)} gives {figure}, which is not {bound}"
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
        if verdict is Verdict.ROUNDING and not _mostly_shared(ia, ib):
            return verdict, (f"{_q(wa)} and {_q(wb)} differ by one in their last figure: one may be cut short where "
                             "the other is rounded")  # fmt: skip
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
    if property_key(a.claim.property) == property_key(b.claim.property) == NAME_PROPERTY:
        return judge_names(va, vb)
    fact = word_property(a.claim.property)
    if fact is not None and fact == word_property(b.claim.property):  # a colour, a home, a charge, a direction
        judged = judge_word_fact(fact, va, vb)
        if judged is not None:
            return judged
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
    """Two times of day: compared in UTC where both zones are known, else as written; a hedge widens each
    ("about 7pm", "just after 6pm"). Times of one moment must meet; the start of an incident cannot come
    after its alarm (text/moments.py)."""
    wa, wb = _q(a.claim.value), _q(b.claim.value)
    ma, mb = moment_of(a.claim.quote, a.claim.value), moment_of(b.claim.quote, b.claim.value)
    known = va.utc_offset is not None and vb.utc_offset is not None  # both in UTC, else both as written
    (la, ha, hedged_a), (lb, hb, hedged_b) = (_time_interval(cv, v, -(v.utc_offset or 0) if known else 0)
                                              for cv, v in ((a, va), (b, vb)))  # fmt: skip
    zones = "" if known else ", as written"
    # "0737 GMT" and "7:37 AM local time": two zones named, perhaps two moments; "6pm" and "1845 GMT" are read as
    # written (a zone given on one side only is most often the local one)
    other_zones = va.zone is not None and vb.zone is not None and va.zone != vb.zone and not known
    if ma != mb and {ma, mb} == {ONSET, ALARM}:
        (ls, start), (hr, alarm) = ((la, wa), (hb, wb)) if ma == ONSET else ((lb, wb), (ha, wa))
        if ls <= hr:
            return Verdict.CONSISTENT, f"the start at {start} is no later than the alarm at {alarm}"
        if other_zones:
            return Verdict.POSSIBLE, (f"the start at {start} comes after the alarm at {alarm}, unless they are in "
                                      "different time zones: check")  # fmt: skip
        return Verdict.CONFLICT, f"the start at {start} comes after the alarm at {alarm}{zones}: it cannot"
    if (la, ha) == (lb, hb) and (known or None in (va.zone, vb.zone) or va.zone == vb.zone):
        if va.zone != vb.zone:
            return Verdict.CORROBORATED, f"{wa} and {wb} are the same moment"
        return Verdict.CORROBORATED, f"both say {va.describe()}"
    if la < hb and lb < ha and (hedged_a or hedged_b) and not other_zones:  # "about 10am", "around 10:30am" only touch
        return Verdict.CONSISTENT, f"{wa} and {wb} can be the same moment: a hedge holds for the other"
    if other_zones:
        return Verdict.POSSIBLE, f"{wa} and {wb} differ, but may be in different time zones: check"
    hedged = [w for cv, w in ((a, wa), (b, wb)) if _time_hedge(cv)]
    gap = max(va.low, vb.low) - min(va.high, vb.high)
    if hedged and gap <= TIME_HEDGE_MINUTES:
        return Verdict.CONSISTENT, f"{hedged[0]} is hedged ('{_time_hedge(a) or _time_hedge(b)}'): " \
                                   f"{wa} and {wb} are {gap} minutes apart"  # fmt: skip
    return Verdict.CONFLICT, f"{wa} and {wb} are different times of day{zones}"


def _time_interval(cv: ClaimValue, v: TimeValue, shift: int) -> tuple[int, int, bool]:
    at = cv.claim.quote.find(cv.claim.value)
    before = cv.claim.quote[:at] if at >= 0 else ""
    low, high, hedged = hedged_minutes(before, v.low + shift, v.high + shift)
    return low, high, hedged


# "about 7 p.m." and "7:01 p.m." are one moment; "around 10 a.m." and "around 10:30 a.m." are not.
TIME_HEDGE_MINUTES = 15
_TIME_HEDGE = re.compile(r"\b(?:about|around|approximately|roughly|some|circa|just\s+(?:after|before)"
                         r"|shortly\s+(?:after|before)|soon\s+after)\s+(?:at\s+)?$", re.IGNORECASE)  # fmt: skip


def _time_hedge(cv: ClaimValue) -> str:
    """The hedge written right before a time in its quote ("at about 7 p.m."), or ""."""
    quote, value = cv.claim.quote, cv.claim.value
    at = quote.find(value)
    hedge = _TIME_HEDGE.search(quote[max(0, at - 24) : at]) if at > 0 else None
    return hedge.group().strip() if hedge else ""


def _as_days(v: Duration) -> Quantity:
    return Quantity("number", v.text, v.span, v.low_days, v.low_days, v.high_days, "days", v.qualifier)


_FIXED_FACTS = (COLOUR, DIRECTION)


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
    if property_key(a.claim.property) == property_key(b.claim.property) == NAME_PROPERTY:
        return result  # a name is not a figure that moves with time: a respelling is not a change
    if word_property(a.claim.property) in _FIXED_FACTS and word_property(b.claim.property) in _FIXED_FACTS:
        return result  # a car's colour, where a place lies: nothing time changes
    if word_property(a.claim.property) == HOME and all(tells_of_death(cv.claim.quote) for cv in (a, b)):
        return result  # where someone lived when they died, told years apart: a home no time moves
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


_ORDER = {v: i for i, v in enumerate(Verdict)}


def order_discrepancies(found: Iterable[Discrepancy]) -> tuple[Discrepancy, ...]:
    """Most serious first; then by subject, property and claim ids, so the order never depends on
    the order pairs were judged in."""
    return tuple(sorted(found, key=discrepancy_order))


def discrepancy_order(d: Discrepancy) -> list[Any]:
    """What orders discrepancies (a list: kept as JSON, it reads back the same)."""
    return [_ORDER[d.verdict], -d.confidence, d.subject, property_key(d.property), d.claims[0].id, d.claims[1].id]

