"""A claim's value and the time it refers to, normalized against its source's publication date."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from factcheck.models import Claim, DateRange, Source, filled_at_once
from factcheck.normalize import best_value, parse, parse_value
from factcheck.normalize.values import DateValue, Duration, Quantity, Value
from factcheck.text.fold import fold_plain

_YEAR_LIKE = re.compile(r"[12]\d{3}")  # a figure that reads as a year on its own, a count when its kind says so

QUANTITATIVE = {"money", "number", "percent", "rate", "date", "duration", "time"}
ACCEPTS = {
    "money": {"money"}, "number": {"number"}, "percent": {"percent"}, "rate": {"rate"},
    "date": {"date"}, "duration": {"duration", "date"}, "time": {"time"},
}  # fmt: skip
LEADING = re.compile(r"^(?:the|a|an|its|her|his|their|our|county's|council's)\s+")


@dataclass(frozen=True)
class TextValue:
    """A role, rating, name or statement, with the key it is compared by."""

    kind: str  # "role" | "text" | "statement"
    text: str
    key: str
    form: str | None = None  # a statement: "full" or "partial" quotation, or "reported" speech (None: unknown)

    def describe(self) -> str:
        return self.text


@filled_at_once
@dataclass(frozen=True)
class ClaimValue:
    """One claim, normalized: its typed value and the time its value refers to."""

    claim: Claim
    published: DateRange | None  # the publication date of the claim's source
    value: Value | TextValue | None
    time: DateRange | None  # when the value holds (as_of/period, else publication for states)
    time_label: str  # "as of", "period", "published" or ""
    problems: tuple[tuple[str, str], ...]  # (severity, message)
    anchor: str = ""  # for an offset from a named event: what it was counted from (judge/events.py)

    @property
    def kind(self) -> str:
        return self.value.kind if self.value is not None else "text"

    def reading(self) -> str:
        return self.value.describe() if self.value is not None else self.claim.value


def text_key(text: str, glossary: dict[str, str]) -> str:
    """Compare texts without typography, case, leading articles or possessives; apply the glossary."""
    key = fold_plain(text).casefold().strip(" .,;:'\"")
    key = LEADING.sub("", key)
    key = re.sub(r"\s+", " ", key)
    for alias, term in glossary.items():
        key = re.sub(rf"\b{re.escape(alias)}\b", term, key)
    return key


def glossary_index(terms: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for term, aliases in terms:
        canonical = fold_plain(term).casefold()
        for alias in aliases:
            index[fold_plain(alias).casefold()] = canonical
    return dict(sorted(index.items(), key=lambda kv: -len(kv[0])))


OPEN_BEFORE = re.compile(r"^\s*(?:before|until|up to)\s+", re.IGNORECASE)
OPEN_AFTER = re.compile(r"^\s*(?:after|since|from)\s+", re.IGNORECASE)
DEADLINE = re.compile(r"^\s*(before|by|until|prior\s+to)\s+", re.IGNORECASE)  # a claim's date written as a deadline


def _date_of(text: str, ref: DateRange | None) -> DateRange | None:
    """A time reference: a date expression, or "before X" / "after X" for an open range."""
    fixed, found = _fixed_date(text)
    return found if fixed else _date_against(text, ref)


@functools.lru_cache(maxsize=4096)  # a registry writes the same few as_of and period texts many times
def _fixed_date(text: str) -> tuple[bool, DateRange | None]:
    """A time reference read without a reference date, and whether that reading is the one every
    reference date gives: each value in it is a figure or a date that was not relative ('2020',
    'January 2020', '3 May 2019'). A date such as 'last March' or '3 May' is read against one."""
    values = parse(_open_range(text)[1], None)
    fixed = all(type(v) is Quantity or (type(v) is DateValue and v.range is not None and not v.relative
                                        and v.rule is None) for v in values)  # fmt: skip
    return fixed, _time_range(text, best_value(values)) if fixed else None


@functools.lru_cache(maxsize=4096)
def _date_against(text: str, ref: DateRange | None) -> DateRange | None:
    return _time_range(text, parse_value(_open_range(text)[1], ref))


def _open_range(text: str) -> tuple[str | None, str]:
    """'before' or 'after' when text opens an open range, and the date expression after it."""
    before, after = OPEN_BEFORE.match(text), OPEN_AFTER.match(text)
    opener = before or after
    return ("before" if before else "after" if after else None), text[opener.end() :] if opener else text


def _time_range(text: str, value: Value | None) -> DateRange | None:
    if not isinstance(value, DateValue) or value.range is None:
        return None
    opener = _open_range(text)[0]
    if opener == "before":
        return DateRange(DateRange.EARLIEST, value.range.start - dt.timedelta(days=1))
    if opener == "after":
        return DateRange(value.range.end + dt.timedelta(days=1), DateRange.LATEST)
    return value.range


_FIGURES: dict[str, Value | None] = {}  # value as written -> its reading, for values that read the same everywhere
_FIGURES_KEPT = 65536


def _value_of(text: str, ref: DateRange | None, quote: str) -> Value | None:
    """parse_value(text, ref, within=quote), read once per distinct text when no reference date or
    quote could change its reading. A registry writes the same figures and dates many times ('£5.8m',
    '1,200', 'March 2015'); what a figure reads as depends on its text alone, while a date may depend
    on the reference date and on the tense of its quote (which places 'on Thursday'). So a text whose
    every reading is a figure is kept by its text, and so is one whose readings are figures and dates
    read the same with this reference date and quote as with none at all ('12 March 2019', not
    'last March' or '3 May')."""
    if text in _FIGURES:
        return _FIGURES[text]
    if NONE_COUNTED.fullmatch(text.strip()):  # "No one", "nobody", "no injuries": a count of none
        written = text.strip()
        return Quantity("number", written, (0, len(written)), 0.0, 0.0, 0.0)
    values = parse(text, ref, within=quote)
    value = best_value(values)
    if all(type(v) is Quantity for v in values) or (
        all(type(v) is Quantity or (type(v) is DateValue and v.range is not None and not v.relative
                                    and v.rule is None) for v in values)
        and parse(text, None) == values
    ):  # fmt: skip
        if len(_FIGURES) >= _FIGURES_KEPT:
            _FIGURES.clear()
        _FIGURES[text] = value
    return value


# A count of none, as a claim's value: "No one" (was hurt), "nobody", "no injuries" (were reported).
NONE_COUNTED = re.compile(r"(?:no(?:\s+|-)one|nobody|no\s+(?:injuries|deaths|fatalities|arrests))", re.IGNORECASE)


# what a leading figure counts: one to three plain words ("counts", "fire engines", "people injured")
COUNTED = re.compile(r"\s*[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}\s*")


def _counts_a_noun(parsed: Value, text: str) -> bool:
    """'11 counts' and 'eleven counts' are counts, as '11' is: a plain number that opens the value and
    is followed only by the words for what it counts (a figure with a unit or a date stays as read)."""
    lead = len(text) - len(text.lstrip())
    return (
        isinstance(parsed, Quantity) and parsed.kind == "number" and parsed.unit is None
        and parsed.span[0] == lead and COUNTED.fullmatch(text, parsed.span[1]) is not None
    )  # fmt: skip


def normalize_claim(claim: Claim, source: Source, glossary: dict[str, str],
                    at: tuple[int, int] | None = None) -> ClaimValue:  # fmt: skip
    """A claim's typed value and time; `at`, where its quote sits in the source, tells a statement
    in quotation marks from reported speech."""
    problems: list[tuple[str, str]] = []
    published = source.published
    ref = published
    if claim.relative_to:
        ref = _date_of(claim.relative_to, published)
        if ref is None:
            problems.append(("error", f"relative_to '{claim.relative_to}' is not a date that can be worked out"))
    kind = claim.kind
    value: Value | TextValue | None = None
    if kind in (None, *QUANTITATIVE):
        parsed = _value_of(claim.value, ref, claim.quote)
        covers = parsed is not None and (
            (parsed.span[1] - parsed.span[0]) >= 0.5 * len(claim.value.strip()) or _counts_a_noun(parsed, claim.value)
        )
        if kind is None and not covers:
            parsed = None
        if parsed is None and kind is not None:
            problems.append(
                (
                    "error",
                    f"value '{claim.value}' does not read as {kind}; write it as in the quote, e.g. '£7.6 million', '232', 'last September'",
                )
            )
        if kind == "number" and isinstance(parsed, DateValue) and _YEAR_LIKE.fullmatch(claim.value.strip()):
            figure = float(claim.value.strip())  # "the cases of 1862 families": written as a count, a count
            parsed = Quantity("number", claim.value.strip(), (0, len(claim.value.strip())), figure, figure, figure)
        if parsed is not None and kind is not None and parsed.kind not in ACCEPTS[kind]:
            problems.append(
                ("error", f"value '{claim.value}' reads as {parsed.kind}, not {kind}; fix the value or the kind")
            )
            parsed = None
        value = parsed
        if isinstance(value, DateValue) and value.range is not None and (deadline := DEADLINE.match(claim.value)):
            # "will declare itself bankrupt before Christmas": on or before the day, not on it
            end = value.range.end if deadline.group(1).lower() == "by" else value.range.start - dt.timedelta(days=1)
            value = DateValue(value.kind, value.text, value.span, DateRange(DateRange.EARLIEST, end), "range",
                              value.relative, (*value.notes, f"'{deadline.group(0).strip()}': on or before"))  # fmt: skip
        if isinstance(value, DateValue):
            for note in value.notes:
                if note.startswith("weekday mismatch"):
                    problems.append(("warning", f"{note} (in '{claim.value}')"))
            if value.range is None:
                problems.append(
                    (
                        "warning",
                        f"'{claim.value}' is relative and {source.path} has no publication date in seeds/manifest.yaml",
                    )
                )
    if value is None and kind not in QUANTITATIVE:
        text_kind = kind or "text"
        form = _statement_form(claim, source, at) if text_kind == "statement" and at is not None else None
        value = TextValue(text_kind, claim.value, text_key(claim.value, glossary), form)
    time: DateRange | None = None
    label = ""
    when = claim.period or claim.as_of
    if when:
        time = _date_of(when, published)
        label = "period" if claim.period else "as of"
        if time is None:
            field = "period" if claim.period else "as_of"
            problems.append(("error", f"{field} '{when}' is not a date that can be worked out"))
    elif not isinstance(value, (DateValue, Duration)) and published is not None:
        time, label = published, "published"
    if isinstance(value, DateValue) and value.rule is not None:
        value = value.resolved_only()  # its rule is spent; without it the value can be stored
    return ClaimValue(claim, published, value, time, label, tuple(problems))


def _statement_form(claim: Claim, source: Source, at: tuple[int, int]) -> str | None:
    """How the source gives a statement's words: quoted in full, quoted in part, or reported."""
    from factcheck.text.fold import fold
    from factcheck.text.quotations import quotation_form

    text = source.text
    words = claim.value.split("…")[0].split("...")[0].strip()
    i = text.find(words, at[0], at[1]) if words else -1
    if i >= 0:  # as written, the common case
        return quotation_form(text, i, i + len(words))
    passage = fold(text[at[0] : at[1]])
    folded = fold_plain(words).casefold()
    i = passage.text.casefold().find(folded) if folded else -1
    if i < 0:
        return None
    s, e = passage.original_span(i, i + len(folded))
    return quotation_form(text, at[0] + s, at[0] + e)


def claim_kind(claim: Claim) -> str:
    """The kind of a claim's value, as normalize_claim finds it (which needs no source for that:
    a publication date changes what a date means, not that it is one)."""
    return normalize_claim(claim, Source(claim.source, f"seeds/{claim.source}", "", ""), {}).kind
