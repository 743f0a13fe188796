"""Which moment of an incident a time of day gives, from the words of its clause.

News times an incident by a few moments, each in many words: when it began ("the fire started at 6.40pm",
"the raid happened at about 10.30am", "broke out shortly before 7pm"), when someone raised the alarm
("the alarm was raised just after 6pm", "police were called at 2.10am", "a 999 call at 9.30pm"), when help
arrived ("crews arrived at 9.47pm", "police responded at 7:01 p.m.") and when it ended ("the blaze was
under control by 11pm"). Two sources' times of one moment should agree; the start and the alarm are
ordered (nothing is reported before it begins); an arrival or an end says nothing about the start.
"""

from __future__ import annotations

import re

ONSET = "onset"
ALARM = "alarm"
ARRIVAL = "arrival"
END = "end"

_MOMENTS = (
    (ALARM, r"alarms?|999|emergency\s+calls?|calls?|called|alerted|raised|reported|sounded|dialled|dialed"),
    (ARRIVAL, r"arrived|arrive|arrives|arriving|arrival|reached|attended|responded|responding|got\s+there"),
    (END, r"extinguished|put\s+out|under\s+control|ended|ends|dispersed|was\s+over|stood\s+down|reopened"),
    (ONSET, r"started|starts|start|starting|began|begins|begun|beginning|broke\s+out|breaks\s+out|erupted|struck|"
            r"strikes|hit|hits|happened|happens|occurred|occurs|took\s+place|takes\s+place|exploded|went\s+off|"
            r"opened\s+fire|gunfire|raided|robbed|stormed|attacked|attack|crashed|collided|shot|set\s+alight"),
)
_WORD = re.compile("|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in _MOMENTS), re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?()\u2013\u2014]|\s-\s|\b(?:but|while|whereas|and\s+then)\b", re.IGNORECASE)
REACH_BEFORE = 90  # characters before the time its moment's word may stand in ("was raised at just after")
REACH_AFTER = 40  # and after it ("at about 10 a.m. and opened fire")


def moment_of(quote: str, value: str) -> str | None:
    """The moment of an incident the time `value` gives in `quote` (ONSET, ALARM, ARRIVAL, END), or None
    when its clause names none: the nearest word of a moment before the time in its clause, else the
    first after it."""
    at = quote.find(value)
    if at < 0:
        return None
    before = quote[max(0, at - REACH_BEFORE) : at]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    before = before[cut[-1] :] if cut else before
    found = [m for m in _WORD.finditer(before)]
    if found:
        return found[-1].lastgroup
    after = quote[at + len(value) : at + len(value) + REACH_AFTER]
    stop = _CLAUSE_END.search(after)
    after = after[: stop.start()] if stop else after
    first = _WORD.search(after)
    return first.lastgroup if first else None


def compared(a: str | None, b: str | None) -> bool:
    """Whether times of these two moments of one incident say something of each other: the same moment,
    or the start and the alarm (the alarm cannot come before the start)."""
    if a is None or b is None:
        return False
    return a == b or {a, b} == {ONSET, ALARM}


def begins(moment: str | None) -> bool:
    """The start of an incident or its alarm: a time of either is looked up with the other's."""
    return moment in (ONSET, ALARM)
