"""Every pair of one group judged at once, with the verdicts verdicts.judge gives them.

A group of claims about one subject and property has n·(n-1)/2 pairs: hundreds of thousands for a
body reported on for years. Judging each with verdicts.judge works out the same things about each
claim again and again. Here what a verdict depends on is worked out once per claim (`_Traits`):
the interval of a figure or the days of a date, whether it is hedged, when it holds, the change
cues by its value and which ways they point, how long a value of its kind takes to move. The rules
are those of verdicts.py and change.py, applied to those traits:

- two figures in one unit, or two dates, get their verdict from how their intervals relate
  (equal, one inside the other, overlapping, apart), as in verdicts._judge_quantities and
  _judge_dates (a float edge orders and compares as the exact decimal judge uses); two posts
  from roles.role_verdict;
- a pair that disagrees is a change when change.change_evidence would find evidence: a cue by the
  later value that fits the way it went, an as_of or period apart, or time enough between them.

Any other pair (other text, durations, times of day, two units, a date counted from its publication)
is judged by verdicts.judge itself. tests/test_questions.py compares the two on every pair.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.judge.change import COUNTED_OVER_DAYS, CUES, DEFAULT_DAYS, _property_family, cues_near
from factcheck.judge.events import PUBLISHED
from factcheck.judge.roles import role_verdict
from factcheck.judge.sides import CODE
from factcheck.judge.verdicts import APPROXIMATE, _cut_short, _days, _interval, _mostly_shared, judge
from factcheck.models import Verdict, filled_at_once
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.values import DateValue, Quantity

NO_PAIR = "-"
_EXPLICIT = frozenset({"as of", "period"})
_CORROBORATED, _CONSISTENT, _ROUNDING = CODE[Verdict.CORROBORATED], CODE[Verdict.CONSISTENT], CODE[Verdict.ROUNDING]
_CONFLICT, _POSSIBLE, _CHANGED = CODE[Verdict.CONFLICT], CODE[Verdict.POSSIBLE], CODE[Verdict.CHANGED]
_FAMILY_OF = {"q": "quantity", "d": "date", "r": "role"}
_CUE_NAMED = {cue.name: cue for cue in CUES}


@filled_at_once
@dataclass(frozen=True)
class _Traits:
    """What a figure's or a date's verdicts depend on, worked out once."""

    kind: str  # "q" a figure, "d" a date, "r" a post or title
    unit: str | None
    low: float  # a figure's interval, or a date's first and last day (ordinals)
    high: float
    hedged: bool
    level: float  # which way a change went is read from this: the figure, or the date's first day
    start: int | None  # the time the value holds, else the publication date: its first and last day (ordinals)
    end: int | None
    explicit: bool  # that time is an as_of or a period
    any_cue: bool  # a change cue by the value that fits either way
    cue_ways: frozenset[int]  # the ways the cues that say which way fit (+1 up or later, -1 down or earlier)
    period: bool  # a figure for a stated period: it does not move with time alone
    settles: tuple[int | None, str] | None  # how long a figure of its property takes to move (change._property_family)
    future: bool  # a date after its source's publication: a plan, which can move
    role: TextValue | None = None
    span_counted: bool = False  # a period of over a year: what was counted, not when (change._span_counted)
    near_bound: bool = False  # approximate, or a bound: a pair of the two is left to verdicts.judge (_beyond_bound)


def _traits(cv: ClaimValue) -> _Traits | None:
    """A claim's traits, or None when its pairs are left to verdicts.judge."""
    v = cv.value
    if cv.anchor == PUBLISHED:
        return None
    if isinstance(v, Quantity):
        kind, unit = "q", v.unit
        low = -math.inf if v.low is None else v.low
        high = math.inf if v.high is None else v.high
        hedged = v.qualifier is not None or bool(v.figures) or any("vague" in n for n in v.notes)
        level, future = v.value, False
    elif isinstance(v, TextValue) and v.kind == "role":
        kind, unit, hedged, low, high, level, future = "r", None, False, 0.0, 0.0, 0.0, False
    elif isinstance(v, DateValue) and v.range is not None:
        kind, unit, hedged = "d", None, False
        low, high = v.range.start.toordinal(), v.range.end.toordinal()
        level = low
        future = cv.published is not None and v.range.end > cv.published.end
    else:
        return None
    family = _FAMILY_OF[kind]
    any_cue, ways = False, set()
    for name, _words in cues_near(cv.claim.quote, cv.claim.value):
        cue = _CUE_NAMED[name]
        if family in cue.kinds:
            if cue.direction:
                ways.add(cue.direction)
            else:
                any_cue = True
    when = cv.time if cv.time is not None else cv.published
    start, end = (None, None) if when is None else (when.start.toordinal(), when.end.toordinal())
    span_counted = cv.time_label == "period" and cv.time is not None and cv.time.days > COUNTED_OVER_DAYS
    near_bound = isinstance(v, Quantity) and not v.figures and (
        (v.qualifier or "").lower() in APPROXIMATE or v.low is None or v.high is None
        or (v.qualifier or "").startswith(("as many as", "up to")))  # fmt: skip
    return _Traits(kind, unit, low, high, hedged, level, start, end, cv.time_label in _EXPLICIT, any_cue, frozenset(ways),
                   bool(cv.claim.period), _property_family(cv.claim.property), future,
                   v if isinstance(v, TextValue) else None, span_counted, near_bound)  # fmt: skip


def group_codes(members: list[ClaimValue], kept: Callable[[int, int], str | None] | None = None) -> list[str]:
    """The verdict code of every pair i < j of members, row by row (NO_PAIR: not comparable);
    `kept(i, j)` gives a pair's code from before, or None to judge it."""
    traits = [_traits(cv) for cv in members]
    n = len(members)
    codes: list[str] = []
    append = codes.append
    posts: dict[tuple[str, str, str, str], tuple[str, bool]] = {}  # a person's few titles, compared once each
    for i in range(n):
        a, ta = members[i], traits[i]
        for j in range(i + 1, n):
            if kept is not None:
                code = kept(i, j)
                if code is not None:
                    append(code)
                    continue
            tb = traits[j]
            if ta is None or tb is None or ta.kind != tb.kind or ta.unit != tb.unit or (ta.near_bound and tb.near_bound):
                result = judge(a, members[j], explain=False)
                append(NO_PAIR if result is None else CODE[result[0]])
                continue
            if ta.role is not None and tb.role is not None:
                ra, rb = ta.role, tb.role
                both = (ra.text, ra.key, rb.text, rb.key)  # all role_verdict reads of the two
                post = posts.get(both)
                if post is None:
                    verdict = role_verdict(ra, rb)
                    post = posts[both] = (CODE[verdict], verdict.needs_attention)
                # as verdicts.judge: only a disagreement can be a change
                append(_CHANGED if post[1] and _changed(ta, tb) else post[0])
                continue
            a1, a2, b1, b2 = ta.low, ta.high, tb.low, tb.high
            if a1 == b1 and a2 == b2:
                append(_CORROBORATED)
                continue
            if a2 < b1 or b2 < a1:
                raw = _CONFLICT
            elif b1 <= a1 and a2 <= b2:
                append(_CONSISTENT if tb.hedged or ta.kind == "d" else _ROUNDING)
                continue
            elif a1 <= b1 and b2 <= a2:
                append(_CONSISTENT if ta.hedged or ta.kind == "d" else _ROUNDING)
                continue
            elif ta.kind == "q":
                if ta.hedged or tb.hedged:
                    append(_CONSISTENT)
                    continue
                qa, qb = a.value, members[j].value
                assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
                ia, ib = _interval(qa), _interval(qb)
                if _mostly_shared(ia, ib) or _cut_short(qa, qb, ia, ib):
                    append(_ROUNDING)
                    continue
                raw = _POSSIBLE
            else:
                va, vb = a.value, members[j].value
                assert isinstance(va, DateValue) and isinstance(vb, DateValue) and va.range and vb.range
                if _mostly_shared(_days(va.range), _days(vb.range)):
                    append(_CONSISTENT)
                    continue
                raw = _POSSIBLE
            append(_CHANGED if _changed(ta, tb) else raw)
    return codes


def _changed(a: _Traits, b: _Traits) -> bool:
    """Whether change.change_evidence finds evidence of a change between two claims with these traits
    (the times they hold compared by their days' ordinals: a pair of ranges compared as dates cost a
    tuple each, and this runs for most of a dense registry's 1.4 million pairs)."""
    sa, sb = a.start, b.start
    if sa is not None and sb is not None and sa > sb:
        a, b, sa, sb = b, a, sb, sa
    for earlier, later in ((a, b), (b, a)) if sa == sb and a.end == b.end else ((a, b),):
        if later.any_cue:
            return True
        if later.cue_ways:
            went = (later.level > earlier.level) - (later.level < earlier.level)
            if not went or went in later.cue_ways:
                return True
    if sa is None or sb is None:
        return False
    assert a.end is not None and b.end is not None  # with its start
    if (a.explicit or b.explicit) and not (sa <= b.end and sb <= a.end) and (
            a.explicit and b.explicit or not (a.span_counted if a.explicit else b.span_counted)):  # fmt: skip
        return True  # apart, and a time stated (not only a period over which something was counted)
    if a.kind == "d":
        days: int | None = DEFAULT_DAYS["plan"] if a.future or b.future else None
    elif a.period or b.period:
        days = None
    else:
        days = a.settles[0] if a.settles is not None else DEFAULT_DAYS[_FAMILY_OF[a.kind]]
    return days is not None and max(0, sb - a.end) >= max(days, 1)  # change.days_between
