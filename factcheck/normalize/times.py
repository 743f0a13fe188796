"""Times of day: "9.15pm", "21:07", "2130 GMT", "1030 am", "10 a.m. EST", "noon", "midnight", "half past
three", "quarter to twelve", "eleven fifty five p m".

A time is a kind of its own, compared only with times. A clock reading with a dot ("9.15") is a
time only with am/pm or a zone beside it (else it is a decimal); four figures ("2130") only with a
zone or "hours". A 12-hour reading without am/pm is taken as written, and a note says it may be
the other half of the day.
"""

from __future__ import annotations

import re

from factcheck.normalize.numbers import SMALL, TENS, Scan, matches_at_words, starting_words
from factcheck.normalize.values import TimeValue

# Offsets from UTC in minutes, for the zones news copy names.
ZONES = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
    "ist": 330, "sgt": 480, "hkt": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "nzst": 720,
    "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "hst": -600, "et": -300, "pt": -480,
}  # fmt: skip
_ZONE = (
    r"(?:\s*\(?(?P<zone>"
    + "|".join(sorted((z.upper() for z in ZONES), key=len, reverse=True))
    + r")\b\)?|\s+(?P<local>local\s+time))?"
)
_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
CLOCK = re.compile(
    r"(?<![\w.:,])(?P<h>[01]?\d|2[0-4])(?P<sep>[:.])(?P<m>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?(?![\d:]|\.\d)"
    rf"(?:\s?{_AMPM})?(?-i:{_ZONE})",
    re.IGNORECASE,
)
# "9pm", "10 a.m. EST", and hour and minutes run together ("1030 am", "930pm", "0715 a.m."): made a clock by am or pm
HOUR_AMPM = re.compile(rf"(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?P<m>[0-5]\d)?\s?{_AMPM}(?-i:{_ZONE})", re.IGNORECASE)
# o'clock however it is typed: a straight or curly apostrophe, or none
_OCLOCK = r"o['\u2019]?\s?clock\b"
# the time of an ISO 8601 timestamp, after the "T": "2017-06-05T10:30:00Z", "T09:15+01:00"
ISO_TIME = re.compile(r"(?<=[0-9]T)(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<zone>Z)?(?![\d:])")
# "from 9 to 11am", "between 2 and 4 pm", "9-11am": the first hour of a span takes the am or pm of the second
HOUR_SPAN = re.compile(
    rf"(?=[0-9])(?<![\w.:,])(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?:-|–|to|and|until|till)\s*"
    rf"(?P<h2>1[0-2]|0?[1-9])(?::[0-5]\d)?\s?{_AMPM}",
    re.IGNORECASE,
)
# "2130 GMT", "0737 local time", "1400 hours", "1400hrs"
MILITARY = re.compile(
    r"(?<![\w.:,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s?(?P<hours>hours|hrs|h)\b|(?-i:"
    + _ZONE.removesuffix("?")
    + r"))",
    re.IGNORECASE,
)
_HOUR_WORDS = {w: n for w, n in SMALL.items() if 1 <= n <= 12 and w not in ("a", "an")}
_MINUTE_WORDS = {w: n for w, n in {**SMALL, **TENS}.items() if 1 <= n <= 59 and w not in ("a", "an")}
_HW = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
_MW = "|".join(sorted(_MINUTE_WORDS, key=len, reverse=True))
# "twenty-five", "forty one": a count of minutes in two words, its tens and its units
_TENS_UNITS = r"(?:{})[\s-]+(?:{})\b".format(
    "|".join(w for w, n in TENS.items() if n < 60), "|".join(w for w, n in _HOUR_WORDS.items() if n <= 9)
)
_DAYPART = r"(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?"
_NAMED_HOURS = {"noon": 12, "midday": 12, "midnight": 0}
# "half past three", "quarter to twelve", "ten past six", "twenty-five to four", "ten till four pm", "a quarter of
# six", "ten after four", "five minutes before midnight"
PAST_TO = re.compile(
    rf"\b(?P<min>half|(?:a\s+)?quarter|{_TENS_UNITS}|{_MW})(?P<minutes>\s+minutes)?\s+"
    rf"(?P<dir>past|after|to|till|['\u2019]?til|of|before)\s+"
    rf"(?P<h>{_HW}|noon|midday|midnight|1[0-2]|[1-9])(?P<oc>\s+{_OCLOCK})?(?:\s?{_AMPM})?{_DAYPART}\b"
)
# What an hour's word counts when it is no hour: a unit, a scale, a plural noun (perhaps after a word such as
# "new"), "of" them, or a compound after a hyphen: "five to six people", "two to three degrees", "ten to eleven
# million", "two to three of them", "five to six new cases", "ten to twelve-hour shifts", "ten after four years"
_COUNTED_AFTER = re.compile(
    r"-[a-z]|\s*(?:%|°)|\s+(?:(?:more|other|new|extra|additional|further|different|separate|consecutive|successive"
    r"|straight|full|whole|major|small|big|large|young|old)\s+)?(?:(?!(?:was|has|does|goes|says|gets|makes|takes"
    r"|comes|seems|looks|sees|marks|its|hers|ours|yours|theirs|always|perhaps|sometimes|towards|afterwards|besides"
    r"|nowadays|whereas)\b)[a-z]{2,}(?<![siu])s|people|men|women|children|staff|police|feet|foot|inch|metre|meter"
    r"|mile|pound|kilo|kg|km|cm|mm|ft|lb|oz|degree|percent|per|hundred|thousand|million|billion|trillion|dozen|bn"
    r"|year|month|week|day|hour|of)\b"
)
_RANGE_BEFORE = re.compile(r"\b(?P<w>from|between)\s+$")
_AND_AFTER = re.compile(r"\s+and\b")
# "10 o'clock", "6 o'clock in the morning", "9 in the morning", "11 at night": an hour in figures made a
# time by o'clock or by the part of the day after it (lower-case text)
HOUR_OCLOCK = re.compile(rf"(?=[0-9])(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?P<oc>\s+{_OCLOCK})?(?:\s?{_AMPM})?{_DAYPART}")
# "three o'clock", "nine thirty pm", "eleven fifty five p m", "seven in the evening"
WORD_CLOCK = re.compile(
    rf"(?P<h>{starting_words(_HW.split('|'))})(?:(?P<oc>\s+{_OCLOCK})|[\s-]+(?P<m>(?:{_MW}|oh[\s-]+(?:{_MW}))(?:[\s-]+(?:{_MW}))?))?"
    rf"(?:\s?{_AMPM})?{_DAYPART}"
)
NAMED = re.compile(rf"(?P<w>{starting_words(['noon', 'midday', 'midnight', 'mid-day'])})\b")
_TWELVE_BEFORE = re.compile(r"(?<![\w.:,])(?:12|twelve)\s+$")  # "12 noon", "twelve midnight"
# Gates: the words (or characters) each pattern needs, so most text skips it.


def _clock_gate(text: str) -> bool:
    """Whether text has a figure, a colon or a point, and two figures from 00 to 59 (as a search for
    "[0-9][:.][0-5][0-9]" says): each colon and point is looked at, found by str.find. Most text has
    a full stop or two, and no clock; a search of the whole text for the shape cost several times as much."""
    for sep in ":.":
        at = text.find(sep, 1)
        while at != -1:
            if "0" <= text[at - 1] <= "9" and "0" <= text[at + 1 : at + 2] <= "5" and "0" <= text[at + 2 : at + 3] <= "9":
                return True
            at = text.find(sep, at + 1)
    return False


_AMPM_WORDS = frozenset({"am", "pm", "m"})
_MILITARY_WORDS = frozenset(ZONES) | {"hours", "hrs", "h", "local"}
_NAMED_WORDS = frozenset({"noon", "midday", "midnight", "mid"})
_PAST_TO_WORDS = frozenset({"past", "to", "after", "before", "till", "til", "of"})
_WORD_TIME_GATE = _NAMED_WORDS | frozenset(_HOUR_WORDS)  # a time without figures needs one of these
_PAST_TO_MINUTES = frozenset(_MINUTE_WORDS) | {"half", "quarter"}  # "to" alone is in most sentences
_OCLOCK_WORDS = frozenset({"clock", "oclock"})
_DAYPART_WORDS = frozenset({"morning", "afternoon", "evening", "night"})
_HOUR_OCLOCK_WORDS = _OCLOCK_WORDS | _DAYPART_WORDS
_CLOCK_WORDS = _HOUR_OCLOCK_WORDS | {"am", "pm", "m"}
# A text whose words hold none of these gives times() nothing unless CLOCK_GATE finds a clock in figures:
# every pattern below needs one of them (am/pm, a zone or "hours", "noon", an hour or a count of minutes)
TRIGGERS = _AMPM_WORDS | _MILITARY_WORDS | _NAMED_WORDS | frozenset(_HOUR_WORDS) | _PAST_TO_MINUTES | _CLOCK_WORDS
CLOCK_GATE = _clock_gate


def _word_minutes(words: str) -> int | None:
    total = 0
    for w in re.split(r"[\s-]+", words.strip()):
        if w == "oh":
            continue
        if w not in _MINUTE_WORDS:
            return None
        total += _MINUTE_WORDS[w]
    return total if 0 < total < 60 else None


def _other_half(h: int, minute: int) -> tuple[str, ...]:
    """The note on a 12-hour reading written without am or pm."""
    return (f"no am or pm: read as written; it may be {h + 12 if h < 12 else 0:02d}:{minute:02d}",)


def _hour24(h: int, ap: str | None, part: str | None) -> int:
    ap = (ap or "").lower()
    if ap == "p" or part in ("afternoon", "evening", "night"):
        # "11 at night" is 23:00, "2 at night" and "12 at night" are in the small hours
        return h % 12 + 12 if not (part == "night" and (h < 5 or h == 12)) else h % 12
    if ap == "a" or part == "morning":
        return h % 12
    return h


def _value(
    m: re.Match[str], text: str, hour: int, minute: int, zone: str | None, notes: tuple[str, ...] = ()
) -> TimeValue:
    s, e = m.span()
    while e > s and (text[e - 1] in " (" or (text[e - 1] == ")" and "(" not in text[s:e])):
        e -= 1
    offset = ZONES.get(zone.lower()) if zone else None
    minutes = (hour % 24) * 60 + minute
    return TimeValue("time", text[s:e], (s, e), minutes, minutes, zone, offset, notes)


def _zone(m: re.Match[str]) -> str | None:
    if m.groupdict().get("zone"):
        return m.group("zone").upper()
    if m.groupdict().get("local"):
        return "local"
    return None


def _past_to(m: re.Match[str], low: str) -> tuple[int, int] | None:
    """The hour and minute a match of PAST_TO names, or None where its words are counts and not a clock.
    Said without "minutes", a clock's minutes are a five of its face ("two to three" is a count); minutes to
    the hour are at most half of it ("half to three", "forty to twelve" are not); "before" is a clock's only
    with "minutes". "From" or "between" before "ten to four" makes it a range of counts or a span of hours,
    unless the minutes cannot be an hour ("from a quarter to six"). Where "till" or "of" may join two counts
    or hours ("we work ten till four", "ten of four people"), a clock's word after the hour (am or pm,
    o'clock, the part of the day, noon or midnight) is needed, except for "a quarter of". An hour that
    counts what follows it ("five to six people", "ten after four years") is none."""
    amount, hour, way = m.group("min"), m.group("h"), m.group("dir").lstrip("'\u2019")
    minutes = 30 if amount == "half" else 15 if amount.endswith("quarter") else _word_minutes(amount)
    if minutes is None:
        return None
    said, quarter = m.group("minutes") is not None, amount.endswith("quarter")
    part = m.group("part") or m.group("night")
    marked = bool(m.group("oc") or m.group("ap") or part) or hour in _NAMED_HOURS
    could_be_hour = amount in _HOUR_WORDS  # "ten" in "ten to four": a count or an hour as well
    to = way not in ("past", "after")
    if minutes % 5 and not said:
        return None
    if to and (amount == "half" or minutes > 30 or (way == "before" and not said)):
        return None
    if way == "of" and not (marked or (quarter and not hour.isdigit())):
        return None
    if way in ("till", "til") and could_be_hour and not marked:
        return None
    if way in ("to", "till", "til") and not (said or quarter):
        lead = _RANGE_BEFORE.search(low, max(0, m.start() - 12), m.start())
        if lead and (could_be_hour or not marked) and not (lead.group("w") == "between" and _AND_AFTER.match(low, m.end())):
            return None
    if not marked and _COUNTED_AFTER.match(low, m.end("h")):
        return None
    h = _NAMED_HOURS[hour] if hour in _NAMED_HOURS else int(hour) if hour.isdigit() else _HOUR_WORDS[hour]
    if hour not in _NAMED_HOURS:
        h = _hour24(h, m.group("ap"), part)
    return ((h - 1) % 24, 60 - minutes) if to else (h, minutes)


def times(text: str | Scan) -> list[TimeValue]:
    """Every time of day written in text."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    text, low, words = scan.text, scan.lower, scan.words
    out: list[TimeValue] = []
    if not scan.has_digit and words.isdisjoint(_WORD_TIME_GATE):
        return out
    if scan.has_digit:
        for m in HOUR_SPAN.finditer(text) if not words.isdisjoint(_AMPM_WORDS) else ():
            # (before the clocks: "9:30" in "9:30 to 11am" is this reading, with its half of the day)
            h1, h2, ap = int(m.group("h1")), int(m.group("h2")), m.group("ap").lower()
            if h1 % 12 > h2 % 12:  # "11 to 1pm": the span crosses noon (or midnight), so the first is the other half
                ap = "a" if ap == "p" else "p"
            e1 = m.end("m1") if m.group("m1") else m.end("h1")
            at = _hour24(h1, ap, None) * 60 + int(m.group("m1") or 0)
            out.append(TimeValue("time", text[m.start() : e1], (m.start(), e1), at, at))
        for m in CLOCK.finditer(text) if _clock_gate(text) else ():
            h, mi = int(m.group("h")), int(m.group("m"))
            ap, zone = m.group("ap"), _zone(m)
            if m.group("sep") == "." and not (ap or zone):
                continue  # "9.15" alone is a decimal
            if ap and not 1 <= h <= 12:
                continue
            if h == 24 and mi:
                continue
            notes: tuple[str, ...] = ()
            if not ap and 1 <= h <= 12 and not zone and not m.group("h").startswith("0"):
                notes = _other_half(h, mi)
            out.append(_value(m, text, _hour24(h, ap, None), mi, zone, notes))
        for m in HOUR_AMPM.finditer(text) if not words.isdisjoint(_AMPM_WORDS) else ():
            minute = int(m.group("m") or 0)
            out.append(_value(m, text, _hour24(int(m.group("h")), m.group("ap"), None), minute, _zone(m)))
        for m in MILITARY.finditer(text) if not words.isdisjoint(_MILITARY_WORDS) else ():
            out.append(_value(m, text, int(m.group("h")), int(m.group("m")), _zone(m)))
        for m in ISO_TIME.finditer(text) if "T" in text else ():
            out.append(_value(m, text, int(m.group("h")), int(m.group("m")), "UTC" if m.group("zone") else None))
        for m in HOUR_OCLOCK.finditer(low) if not words.isdisjoint(_HOUR_OCLOCK_WORDS) else ():
            h, ap, part = int(m.group("h")), m.group("ap"), m.group("part") or m.group("night")
            if not (m.group("oc") or part):
                continue  # "9pm" alone is HOUR_AMPM's; "at 9" alone is too vague
            notes = () if ap or part else _other_half(h, 0)
            out.append(_value(m, text, _hour24(h, ap, part), 0, None, notes))
    for m in NAMED.finditer(low) if not words.isdisjoint(_NAMED_WORDS) else ():
        twelve = _TWELVE_BEFORE.search(low, max(0, m.start() - 8), m.start())
        start, at = twelve.start() if twelve else m.start(), 0 if m.group("w") == "midnight" else 720
        out.append(TimeValue("time", text[start : m.end()], (start, m.end()), at, at))
    hour_word = not words.isdisjoint(_HOUR_WORDS)
    past_to = (
        (hour_word or scan.has_digit or not words.isdisjoint(_NAMED_WORDS))
        and not words.isdisjoint(_PAST_TO_WORDS)
        and not words.isdisjoint(_PAST_TO_MINUTES)
    )
    # (every match starts with its count of minutes, a whole word, or "a" before "quarter": tried only
    # where those of the text stand, not at every place)
    leads = words & _PAST_TO_MINUTES | ({"a"} if "quarter" in words else set()) if past_to else ()
    for m in matches_at_words(PAST_TO.match, low, low, leads) if past_to else ():
        clock = _past_to(m, low)
        if clock is not None:
            out.append(_value(m, text, *clock, None))
    for m in WORD_CLOCK.finditer(low) if hour_word and not words.isdisjoint(_CLOCK_WORDS) else ():
        if not (m.group("oc") or m.group("ap") or m.group("part") or m.group("night")):
            continue  # "three thirty" alone may be a number; "at nine" too vague
        h = _HOUR_WORDS[m.group("h")]
        minutes = _word_minutes(m.group("m")) if m.group("m") else 0
        if minutes is None:
            continue
        mi = minutes
        out.append(_value(m, text, _hour24(h, m.group("ap"), m.group("part") or m.group("night")), mi, None))
    return out


# How the words before a time widen it: "about 7pm" may be a quarter of an hour either side; "just after 6pm"
# up to a quarter of an hour later; "shortly before 11:30 p.m." up to a quarter of an hour earlier; "by 11pm" at
# or before it. A reporter rounds a time to the quarter hour, rarely further.
HEDGE_MINUTES = 15
_TIME_HEDGE = re.compile(
    r"\b(?:(?P<about>about|around|approximately|approx\.?|roughly|some|circa|c\.)|(?P<after>(?:just|shortly|soon|"
    r"a\s+little|not\s+long)\s+after|just\s+gone|after)|(?P<before>(?:just|shortly|a\s+little|not\s+long)\s+before"
    r"|before|by|until))\s+(?:at\s+)?$",
    re.IGNORECASE,
)


def hedged_minutes(before: str, low: int, high: int) -> tuple[int, int, bool]:
    """A time of day's interval in minutes after midnight, widened by a hedge written right before it
    (`before`: the text before the time), and whether it is hedged."""
    m = _TIME_HEDGE.search(before[-40:])
    if m is None:
        return low, high, False
    if m.group("about"):
        return low - HEDGE_MINUTES, high + HEDGE_MINUTES, True
    if m.group("after"):
        return low, high + (HEDGE_MINUTES if not m.group("after").lower().startswith("after") else 60), True
    return low - (HEDGE_MINUTES if " " in m.group("before").strip() else 60), high, True
