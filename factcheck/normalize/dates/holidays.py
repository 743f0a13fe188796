"""Holidays and feasts, each worked out for any year by its own rule: a fixed day (Christmas), a
weekday of a month (Thanksgiving, the fourth Thursday of November; bank holidays), a day counted
from Easter (Good Friday), Easter itself by the Gregorian computus, and the lunar feasts by
arithmetic calendars. Ramadan and the Eids follow the tabular Islamic calendar, Chinese New Year
the second new moon after the winter solstice, Diwali the first new moon after the sun enters sidereal Libra (17 October);
real observance depends on the sighting of the moon and on the country, so these come as a range
of a day either side (Ramadan as its month).

Without a year, a holiday is the one in the reference date's year, or by tense the last one
(past) or the next one (future).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable

from factcheck.models import DateRange
from factcheck.normalize.numbers import Scan, starting_words
from factcheck.normalize.values import DateValue


def easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 the last) weekday (Monday 0) of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _islamic_to_date(year: int, month: int, day: int) -> dt.date:
    """A day of the tabular Islamic calendar (civil epoch, 16 July 622 Julian)."""
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439.5 - 1
    return dt.date.fromordinal(int(jd - 1721424.5))


def _islamic_in(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of an Islamic month and day falling in the given Gregorian year (the
    first one when a lunar year puts two in it)."""
    guess = round((year - 622) * 33 / 32)
    for h in (guess - 1, guess, guess + 1, guess + 2):
        got = _islamic_to_date(h, month, day)
        if got.year == year:
            return got
    return _islamic_to_date(guess, month, day)


_SYNODIC = 29.530588861


def _new_moons_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """Mean new moons (Meeus' mean lunation, good to within a day) from start to end, in UTC."""
    epoch = dt.datetime(2000, 1, 6, 18, 14)  # a mean new moon
    first = math.floor(((dt.datetime(start.year, start.month, start.day) - epoch).days) / _SYNODIC)
    out = []
    for k in range(first, first + 16):
        when = (epoch + dt.timedelta(days=k * _SYNODIC)).date()
        if start <= when <= end:
            out.append(when)
    return out


def _around(day: dt.date) -> DateRange:
    return DateRange(day - dt.timedelta(days=1), day + dt.timedelta(days=1))


def _chinese_new_year(year: int) -> DateRange:
    # the new moon that falls between 21 January and 20 February (the second after the solstice)
    moons = _new_moons_between(dt.date(year, 1, 20), dt.date(year, 2, 21))
    return _around(moons[0]) if moons else DateRange(dt.date(year, 1, 21), dt.date(year, 2, 20))


def _diwali(year: int) -> DateRange:
    moons = _new_moons_between(dt.date(year, 10, 17), dt.date(year, 11, 20))
    return _around(moons[0]) if moons else DateRange(dt.date(year, 10, 15), dt.date(year, 11, 15))


def _ramadan(year: int) -> DateRange:
    start = _islamic_in(year, 9, 1)
    return DateRange(start - dt.timedelta(days=1), _islamic_to_date(_hijri_year(start), 10, 1))


def _hijri_year(day: dt.date) -> int:
    guess = round((day.year - 622) * 33 / 32)
    for h in (guess - 1, guess, guess + 1):
        if _islamic_to_date(h, 1, 1) <= day < _islamic_to_date(h + 1, 1, 1):
            return h
    return guess


def _day(month: int, day: int) -> Callable[[int], DateRange]:
    return lambda y: DateRange.day(dt.date(y, month, day))


def _nth(month: int, weekday: int, nth: int) -> Callable[[int], DateRange]:
    return lambda y: DateRange.day(nth_weekday(y, month, weekday, nth))


def _from_easter(days: int) -> Callable[[int], DateRange]:
    return lambda y: DateRange.day(easter(y) + dt.timedelta(days=days))


# name (lower case, spaces single) -> rule for a year. Several names share a rule.
HOLIDAYS: dict[str, Callable[[int], DateRange]] = {
    "christmas": _day(12, 25), "christmas day": _day(12, 25), "christmas eve": _day(12, 24),
    "boxing day": _day(12, 26), "new year's day": _day(1, 1), "new years day": _day(1, 1),
    "new year's eve": _day(12, 31), "new years eve": _day(12, 31), "hogmanay": _day(12, 31),
    "valentine's day": _day(2, 14), "valentines day": _day(2, 14), "st patrick's day": _day(3, 17),
    "st. patrick's day": _day(3, 17), "st george's day": _day(4, 23), "st andrew's day": _day(11, 30),
    "st david's day": _day(3, 1), "burns night": _day(1, 25), "halloween": _day(10, 31),
    "bonfire night": _day(11, 5), "guy fawkes night": _day(11, 5), "armistice day": _day(11, 11),
    "remembrance day": _day(11, 11), "veterans day": _day(11, 11), "independence day": _day(7, 4),
    "the fourth of july": _day(7, 4), "juneteenth": _day(6, 19), "canada day": _day(7, 1),
    "australia day": _day(1, 26), "bastille day": _day(7, 14), "may day": _day(5, 1),
    "easter": _from_easter(0), "easter sunday": _from_easter(0), "easter day": _from_easter(0),
    "easter monday": _from_easter(1), "good friday": _from_easter(-2), "maundy thursday": _from_easter(-3),
    "holy saturday": _from_easter(-1), "palm sunday": _from_easter(-7), "ash wednesday": _from_easter(-46),
    "shrove tuesday": _from_easter(-47), "pancake day": _from_easter(-47), "mardi gras": _from_easter(-47),
    "ascension day": _from_easter(39), "pentecost": _from_easter(49), "whit sunday": _from_easter(49),
    "whitsun": _from_easter(49), "whit monday": _from_easter(50), "mothering sunday": _from_easter(-21),
    "thanksgiving": _nth(11, 3, 4), "thanksgiving day": _nth(11, 3, 4),
    "martin luther king day": _nth(1, 0, 3), "martin luther king jr. day": _nth(1, 0, 3),
    "presidents day": _nth(2, 0, 3), "presidents' day": _nth(2, 0, 3), "memorial day": _nth(5, 0, -1),
    "labor day": _nth(9, 0, 1), "columbus day": _nth(10, 0, 2), "father's day": _nth(6, 6, 3),
    "fathers day": _nth(6, 6, 3), "early may bank holiday": _nth(5, 0, 1), "spring bank holiday": _nth(5, 0, -1),
    "summer bank holiday": _nth(8, 0, -1), "august bank holiday": _nth(8, 0, -1),
    "remembrance sunday": _nth(11, 6, 2), "election day": lambda y: DateRange.day(
        nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)),
    "chinese new year": _chinese_new_year, "lunar new year": _chinese_new_year, "diwali": _diwali,
    "deepavali": _diwali, "ramadan": _ramadan, "eid": lambda y: _around(_islamic_in(y, 10, 1)),
    "eid al-fitr": lambda y: _around(_islamic_in(y, 10, 1)), "eid ul-fitr": lambda y: _around(_islamic_in(y, 10, 1)),
    "eid al-adha": lambda y: _around(_islamic_in(y, 12, 10)), "eid ul-adha": lambda y: _around(_islamic_in(y, 12, 10)),
}  # fmt: skip
_NAMES = starting_words(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(HOLIDAYS, key=len, reverse=True))


@functools.cache
def _holiday() -> re.Pattern[str]:
    """The holidays' names, compiled when a text first has a word of one (_GATE): most have none."""
    return re.compile(rf"(?P<name>{_NAMES})(?!\w)(?:\s+(?:of\s+)?(?P<y>1[6-9]\d\d|20\d\d)\b)?")


_GATE = frozenset(w for n in HOLIDAYS for w in re.findall(r"[a-z]+", n) if len(w) > 3) - {
    "day", "sunday", "monday", "friday", "thursday", "tuesday", "wednesday", "saturday", "year", "night",
    "early", "spring", "summer", "august", "king", "election", "fourth", "july", "new",
    "eve", "years",
}  # fmt: skip
TRIGGERS = _GATE | {"eid"}  # a text with none of these words names no holiday


def holidays(text: str | Scan) -> list[DateValue]:
    """Every named holiday in text, with its year or a rule to take one from the reference."""
    scan = text if isinstance(text, Scan) else Scan.of(text)
    if scan.words.isdisjoint(TRIGGERS):
        return []
    text, low = scan.text, scan.lower
    out: list[DateValue] = []
    for m in _holiday().finditer(low):
        name = re.sub(r"\s+", " ", m.group("name"))
        if name in ("easter", "may day", "eid") and not text[m.start()].isupper():
            continue  # "may day" and "easter" as words, not names
        rule = HOLIDAYS[name]
        s, e = m.span()
        if m.group("y"):
            out.append(DateValue("date", text[s:e], (s, e), rule(int(m.group("y"))), "day"))
            continue
        tense = scan.tense_at(s, e)

        def by_ref(ref: dt.date, rule: Callable[[int], DateRange] = rule, tense: str | None = tense) -> DateRange:
            this = rule(ref.year)
            if tense == "past" and this.start > ref:
                return rule(ref.year - 1)
            if tense == "future" and this.end < ref:
                return rule(ref.year + 1)
            return this

        note = "no year: the most recent one (past tense)" if tense == "past" else (
            "no year: the next one (future tense)" if tense == "future" else "no year: the one in the reference year")  # fmt: skip
        out.append(DateValue("date", text[s:e], (s, e), None, "day", True, (note,), by_ref))
    return out
