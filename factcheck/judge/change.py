"""When two different values are a change over time, not a contradiction: a change needs evidence.

Three kinds of evidence, tried in this order:
- the text says so: a change cue beside the later claim's value in its quote ("has risen to £9.1m",
  "was delayed to 1 May", "no longer"). Cues come in classes; a class that says which way the value
  went (rise, fall, later, earlier) counts only when the values went that way;
- the claims say so: an `as_of` or `period` on either claim puts the two values at different times;
- the time between the two sources is long enough for that kind of value to move without anyone
  saying so (`settling_time`): a running count (a toll, a caseload) within weeks, a forecast in
  weeks, a head-count in months; a past event's date, or a figure for a period that has closed,
  never moves with time alone. Two reports of one event's toll a day or two apart, neither saying
  the count went on ("rose to", "now", "so far"), disagree: a reader checks which is right.
Without evidence, two incompatible values stay a conflict.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.models import DateRange
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue
from factcheck.text.fold import fold_plain


@dataclass(frozen=True)
class CueClass:
    """Words that say a value changed, for the kinds of value they apply to, and which way it went."""

    name: str
    pattern: re.Pattern[str]
    kinds: frozenset[str]  # "quantity", "date", "role", "text"
    direction: int = 0  # +1 the later value is higher (or later), -1 lower (or earlier), 0 either


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b")


ANY = frozenset({"quantity", "date", "role", "text"})
CUES = (
    CueClass(
        "rise",
        _words(
            r"ris(?:e|es|en|ing)",
            "rose",
            r"increas\w*",
            r"gr(?:o|e)w(?:n|s|ing)?",
            r"climb\w*",
            r"jump\w*",
            r"soar\w*",
            r"up\s+from",
            r"swell\w*",
            "swollen",
            r"doubl\w*",
            r"rais\w*",
            r"mount\w*",
            r"upgrad\w*",
            "higher",
        ),
        frozenset({"quantity"}),
        +1,
    ),  # fmt: skip
    CueClass(
        "fall",
        _words(
            r"f[ae]ll(?:en|s|ing)?",
            r"dropp?\w*",
            "cut",
            "cuts",
            r"reduc\w*",
            r"down\s+from",
            r"decreas\w*",
            r"shr[aiu]nk\w*",
            r"slash\w*",
            r"declin\w*",
            r"trimm?\w*",
            r"lower(?:ed)?",
            r"downgrad\w*",
            r"eas(?:ed|ing)",
        ),
        frozenset({"quantity"}),
        -1,
    ),  # fmt: skip
    CueClass(
        "later",
        _words(
            r"delay\w*",
            r"pushed\s+back",
            r"put\s+back",
            r"postpon\w*",
            r"deferr?\w*",
            r"slipp?\w*",
            r"adjourn\w*",
            r"extended",
        ),
        frozenset({"date"}),
        +1,
    ),  # fmt: skip
    CueClass("earlier", _words(r"brought\s+forward", r"moved\s+up", r"advanced"), frozenset({"date"}), -1),
    # A tally still being counted: "so far", "to date", "bringing the toll to". A running count only
    # grows, so such words explain a later, higher count, never a lower one.
    CueClass(
        "tally",
        _words(r"so\s+far", r"to\s+date", r"bring(?:s|ing)?", "brought", r"reach(?:ed|es)", r"stood\s+at",
               r"stands\s+at", r"as\s+of", r"by\s+(?:late|early|mid)?\s*(?:morning|afternoon|evening|night)"),
        frozenset({"quantity"}),
        +1,
    ),  # fmt: skip
    CueClass(
        "appointment",
        _words(
            r"promot\w*",
            r"confirmed\s+(?:as|in)",
            r"made\s+permanent",
            "became",
            r"stepped\s+(?:up|down)",
            r"demot\w*",
            r"replac\w*",
            r"succeed\w*",
            "retired",
            r"appointed\s+as",
            "permanent",
        ),
        frozenset({"role", "text"}),
    ),  # fmt: skip
    CueClass(
        "revision",
        _words(
            r"revis\w*",
            "now",
            r"no\s+longer",
            r"updat\w*",
            r"chang\w*",
            "moved",
            r"reschedul\w*",
            r"amend\w*",
            r"correct\w*",
            r"restat\w*",
            "still",
            "originally",
            "previously",
            r"had\s+been\s+(?:due|expected|scheduled|planned|set|forecast|projected|estimated|put|given)",
            "initially",
            r"latest",
        ),
        ANY,
    ),  # fmt: skip
)
BEFORE_VALUE = 60  # characters before the value a cue may stand in ("has been pushed back to")
AFTER_VALUE = 60  # and after it, in the same clause ("£9.1m, up from £6.8m"; "Ann Lee, who was promoted")
CLAUSE_END = re.compile(r"[.;!?]\s")
# "the latest director, Sally Hodges, and the director of ..., Jean Imray": a cue before ", and" is the
# earlier item's ("latest" is Hodges's), not the value's.
NEXT_ITEM = re.compile(r",\s+(?:and|or)\s")


_ANY_CUE = re.compile("|".join(f"(?:{cue.pattern.pattern})" for cue in CUES))  # matches where any class does


def _family(cv: ClaimValue) -> str:
    v = cv.value
    if isinstance(v, (Quantity, Duration)):
        return "quantity"
    if isinstance(v, (DateValue, TimeValue)):
        return "date"  # a time of day is the time of an event, which moves as a date does
    if isinstance(v, TextValue) and v.kind == "role":
        return "role"
    return "text"


@functools.lru_cache(maxsize=8192)
def cues_near(quote: str, value: str) -> tuple[tuple[str, str], ...]:
    """The change cues beside `value` in `quote`: (class name, the words as written), nearest first."""
    text = fold_plain(quote).casefold()
    at = text.find(fold_plain(value).casefold())
    if at < 0:
        return ()
    start = max(0, at - BEFORE_VALUE)
    cut, before = _cues_before(text[start:at])
    start += cut
    after = _cues_after(text[at + len(value) : at + len(value) + AFTER_VALUE])
    if not before and not after:
        return ()
    end = at + len(value)
    found = [(d, name, quote[start + s : start + e]) for d, name, s, e in before]
    found.extend((s, name, quote[end + s : end + e]) for name, s, e in after)
    return tuple((name, words) for _, name, words in sorted(found))


# The words before a value and after it are looked at apart, each once per distinct text: a dense
# registry writes the same few phrasings ("has fallen to", "its accounts show") thousands of times.
_Cue = tuple[int, str, int, int]  # distance from the value, class name, where the words are in the window


@functools.lru_cache(maxsize=16384)
def _cues_before(before: str) -> tuple[int, tuple[_Cue, ...]]:
    """The cues in the text before a value (up to BEFORE_VALUE characters), not across the end of a
    sentence or clause, nor from the item before in a list: where that part starts, and its cues,
    each with its distance from the value's start and its place in that part."""
    cut = 0
    ends = list(CLAUSE_END.finditer(before)) + list(NEXT_ITEM.finditer(before))
    if ends:
        cut = max(m.end() for m in ends)
        before = before[cut:]
    if _ANY_CUE.search(before) is None:
        return cut, ()  # most values stand without a cue: one search says so, not one per class
    return cut, tuple((len(before) - m.end(), cue.name, m.start(), m.end()) for cue in CUES
                      for m in cue.pattern.finditer(before))  # fmt: skip


@functools.lru_cache(maxsize=16384)
def _cues_after(after: str) -> tuple[tuple[str, int, int], ...]:
    """The cues in the text after a value (up to AFTER_VALUE characters), up to the end of its clause,
    each with its place there (which is its distance from the value's end)."""
    after = after[: m.start()] if (m := CLAUSE_END.search(after)) else after
    if _ANY_CUE.search(after) is None:
        return ()
    return tuple((cue.name, m.start(), m.end()) for cue in CUES for m in cue.pattern.finditer(after))


def _direction(earlier: ClaimValue, later: ClaimValue) -> int:
    """+1 when the later value is higher (or a later date), -1 when lower (earlier), 0 when unknown."""
    a, b = earlier.value, later.value
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return (b.value > a.value) - (b.value < a.value)
    if isinstance(a, DateValue) and isinstance(b, DateValue) and a.range and b.range:
        return (b.range.start > a.range.start) - (b.range.start < a.range.start)
    return 0


def cue_evidence(earlier: ClaimValue, later: ClaimValue) -> str | None:
    """The later claim's own words saying its value changed, when they fit the change seen."""
    family = _family(later)
    went = _direction(earlier, later)
    for name, words in cues_near(later.claim.quote, later.claim.value):
        cue = next(c for c in CUES if c.name == name)
        if family not in cue.kinds or (cue.direction and went and cue.direction != went):
            continue
        return words
    return None


# How long a value of each kind takes to move without anyone saying so; first family that matches wins.
# (property words, days, what it is). None: never by time alone.
FAMILIES: tuple[tuple[frozenset[str], int | None, str], ...] = (
    (
        frozenset(
            {
                "toll",
                "dead",
                "deaths",
                "died",
                "killed",
                "injured",
                "injuries",
                "casualties",
                "missing",
                "evacuated",
                "rescued",
                "arrested",
                "arrests",
                "infections",
                "infected",
                "cases",
                "caseload",
                "unallocated",
                "waiting",
                "queue",
                "backlog",
                "displaced",
                "homeless",
                "hospitalised",
            }
        ),
        7,
        "a running count",
    ),  # fmt: skip
    (frozenset({"age", "aged"}), 365, "a person's age"),
    (
        frozenset(
            {
                "staff",
                "employees",
                "employed",
                "employs",
                "workforce",
                "headcount",
                "jobs",
                "posts",
                "members",
                "membership",
                "population",
                "residents",
                "pupils",
                "students",
            }
        ),
        90,
        "a head-count",
    ),  # fmt: skip
    (
        frozenset(
            {
                "forecast",
                "projected",
                "projection",
                "expected",
                "expects",
                "budget",
                "overspend",
                "deficit",
                "guidance",
                "estimate",
                "estimated",
                "target",
                "savings",
                "price",
                "prices",
                "fee",
                "cost",
                "costs",
                "wage",
                "salary",
                "rate",
                "debt",
                "shortfall",
                "gap",
            }
        ),
        28,
        "a forecast, budget or price",
    ),  # fmt: skip
)
DEFAULT_DAYS = {"quantity": 28, "role": 180, "text": 180, "plan": 90}
CLOSED_PERIOD = re.compile(
    r"\b(?:last\s+(?:season|year|month|quarter|week)|half[\s-]year|first\s+half|second\s+half|full[\s-]year"
    r"|(?:first|second|third|fourth)\s+quarter|q[1-4]|in\s+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)|(?:19|20)\d\d(?:/\d\d)?)\b"
)
_WORD = re.compile(r"[a-z]+")


# What one event measured once and for all (a quake's magnitude, its depth): a date beside such a figure
# is when the event happened, and time passing never changes it.
ONE_EVENT_MISDATED = 45  # days: one event's date given two ways by sources is a day or a month off
ONE_EVENT = frozenset({"magnitude", "richter", "intensity", "depth", "epicentre", "epicenter"})


def _one_event_measure(prop: str) -> bool:
    return bool(ONE_EVENT & set(_WORD.findall(fold_plain(prop).casefold())))


@functools.lru_cache(maxsize=4096)
@functools.lru_cache(maxsize=4096)  # a registry files many claims under the same few properties
def _property_family(prop: str) -> tuple[int | None, str] | None:
    folded = fold_plain(prop).casefold()
    if CLOSED_PERIOD.search(folded):
        return None, "a figure for a period that has closed"
    if _one_event_measure(folded):
        return None, "a measure of one event"
    words = set(_WORD.findall(folded))
    for family, days, name in FAMILIES:
        if words & family:
            return days, name
    return None  # no family: the default for its kind


def settling_time(a: ClaimValue, b: ClaimValue) -> tuple[int | None, str]:
    """Days after which two values of this kind may differ without a word said, and what kind it is
    (for the explanation). None: not by time alone."""
    family = _family(a)
    if family == "date":
        future = any(
            isinstance(cv.value, DateValue)
            and cv.value.range
            and cv.published
            and cv.value.range.end > cv.published.end
            for cv in (a, b)
        )
        return (DEFAULT_DAYS["plan"], "a planned date") if future else (None, "the date of a past event")
    if a.claim.period or b.claim.period:
        return None, "a figure for a stated period"
    found = _property_family(a.claim.property)
    if found is not None:
        return found
    if family == "quantity":
        return DEFAULT_DAYS["quantity"], "a figure"
    return DEFAULT_DAYS[family], "a post or title" if family == "role" else "a description"


def days_between(a: DateRange, b: DateRange) -> int:
    """Whole days from the end of the earlier range to the start of the later; 0 when they overlap."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return max(0, (second.start - first.end).days)


def _when(cv: ClaimValue) -> DateRange | None:
    return cv.time if cv.time is not None else cv.published


def _span(days: int) -> str:
    if days >= 60:
        return f"{round(days / 30.4)} months"
    if days >= 14:
        return f"{days // 7} weeks"
    return f"{days} day{'s' if days != 1 else ''}"


def change_evidence(a: ClaimValue, b: ClaimValue, explain: bool = True) -> str | None:
    """Why two incompatible values are a change over time rather than a contradiction, in a sentence
    naming the evidence; None when there is none (then they are a contradiction). `explain` False:
    "" for the sentence, when only whether there is evidence is wanted."""
    ta, tb = _when(a), _when(b)
    if ta is not None and tb is not None and ta.start > tb.start:
        a, b, ta, tb = b, a, tb, ta
    first, second = a, b
    for earlier, later in ((first, second), (second, first)) if ta == tb else ((first, second),):
        words = cue_evidence(earlier, later)
        if words is not None:
            return "" if not explain else (
                f"the later source says '{words}': {_q(earlier.claim.value)} ({_at(earlier)}) became "
                f"{_q(later.claim.value)} ({_at(later)})"
            )
    explicit = {"as of", "period"}
    stated = [cv for cv in (first, second) if cv.time_label in explicit]
    if len(stated) == 1 and _span_counted(stated[0]):
        stated = []  # a count over years against an undated one: the years say what, not when
    if (_one_event_measure(first.claim.property) or _one_event_measure(second.claim.property)) and ta and tb:
        # "In April last year an 8.6-magnitude quake struck": the date says which event, not when it was
        # read. Dates a month or so apart are one event dated two ways; further apart, two events.
        if days_between(ta, tb) <= ONE_EVENT_MISDATED:
            stated = []
        elif stated:
            return "" if not explain else (
                f"{_q(first.claim.value)} is of an event in {ta.human()} and {_q(second.claim.value)} of one in "
                f"{tb.human()}: two events"
            )
    if ta and tb and not ta.overlaps(tb) and stated:
        return "" if not explain else (
            f"{_q(first.claim.value)} refers to {ta.human()} and {_q(second.claim.value)} to {tb.human()} "
            f"(as the claims' {'period' if 'period' in (first.time_label, second.time_label) else 'as_of'} says): "
            "a change over time"
        )
    if ta is None or tb is None:
        return None
    days, kind = settling_time(first, second)
    gap = days_between(ta, tb)
    if days is not None and gap >= max(days, 1):
        return "" if not explain else (
            f"{_q(first.claim.value)} ({ta.human()}) and {_q(second.claim.value)} ({tb.human()}) are {_span(gap)} "
            f"apart, time enough for {kind} to change (it can in {_span(days)})"
        )
    return None


COUNTED_OVER_DAYS = 400  # a period longer than a year ("between 2000 and 2019") is what was counted


def _span_counted(cv: ClaimValue) -> bool:
    """A count over a span of years ("1,486 cases between 2000 and 2019") says which cases were counted,
    not when the count was made: against a figure with no time of its own it is no evidence of change."""
    return cv.time_label == "period" and cv.time is not None and cv.time.days > COUNTED_OVER_DAYS


def _at(cv: ClaimValue) -> str:
    when = _when(cv)
    return when.human() if when else "undated"


def _q(text: str) -> str:
    return f"'{text}'"
