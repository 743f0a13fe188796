"""Pairing without topics: are two claims from different sources about the same thing?

Reviewed claims are paired by their subject and property, as a person wrote them. A proposed
claim's subject and property are guesses, so for any pair involving one the question is judged
from evidence, and the answer carries a confidence:
- the kind and unit of the value (money is never paired with a count; pounds never with dollars);
- the entities: the same subject, or one claim's subject named beside the other's value;
- the property words with their synonyms ("over budget", "overspend", "deficit"), from each
  claim's property and from the words around its value in its quote.
The time each refers to is left to the verdict: different times make a change, not a conflict.
Claims are blocked by kind and unit and looked up by the entities they involve, so only claims
that could be compared are scored, and the work grows with the number of claims, not its square.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TypedDict

from factcheck.models import DateRange, Entity
from factcheck.normalize import parse
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue
from factcheck.text.demonyms import is_demonym
from factcheck.text.entities import EntityIndex, find_mentions, org_key
from factcheck.text.fold import fold_plain
from factcheck.text.moments import begins, compared, moment_of
from factcheck.text.names import NAME_PROPERTY
from factcheck.text.vocabulary import FUNCTION_WORDS, PEOPLE_NOUNS, SORT_NOUNS, near_value, stem, terms
from factcheck.text.wordfacts import word_property

PAIR_AT = 0.6  # the confidence from which two claims are taken to be about the same thing
WORDS_AT = 0.45  # property words must agree at least this much on their own


CLOSE = 0.6  # weight from which a synonym family beside the value counts as a property word
EVENT_BLOCKS = ("date", "duration", "time")
SAME_EVENT_DAYS = 365
NAMED_BASES = ("subject: clause", "subject: sentence")  # a proposal's subject named beside its figure


@dataclass(frozen=True)
class Features:
    """What pairing looks at in one claim."""

    block: str  # kind and unit: "money:GBP", "number:", "date", "role"...
    subject: str
    subject_kind: str | None
    subject_key: frozenset[str]
    near: frozenset[str]  # entity ids named in the claim's quote
    words: frozenset[str]  # property terms; synonym families beside the value when the property has none
    head: str = ""  # the last word of the property: what a count counts ("reviews" in "serious case reviews")
    tense: str | None = None  # for a date: "future" or "past" of its own source's publication
    published: DateRange | None = None
    when: DateRange | None = None  # for a date: the range it means
    proposed: bool = False
    context: frozenset[str] = frozenset()  # the terms of the quote around the value: what else it talks about
    size: float | None = None  # a quantity's figure, to tell one fact from another of another scale
    scope: frozenset[str] = frozenset()  # where the figure holds: places named beside it ("in Sumatra")
    group: str = ""  # who a count counts when the words say ("soldiers", "gunmen"), not just "people"
    part: bool = False  # a part of a total ("including $281m in cash", "two other victims", "another four")
    increment: bool = False  # a part added to a total the words do not give ("another four", "two other victims")
    named_subject: bool = False  # a proposal whose subject extract found named in the value's own sentence
    owner: str = ""  # a person's surname, or for a body named after a person's ("Ockenden's team") that person's
    digits: str = ""  # a quantity's figure as written, digits only ("1.2" → "12"): a decimal point may slip
    sums: frozenset[str] = frozenset()  # for a date, the sums of money its quote gives ("sold for $30 million")
    moment: str = ""  # for a time of day: the moment of an incident it gives (text/moments.py), if its words say
    clause_subject: bool = False  # a proposal whose subject extract found named in the value's own clause

    @property
    def families(self) -> frozenset[str]:
        return frozenset(w for w in self.words if w.startswith("~"))

    @property
    def plain(self) -> frozenset[str]:
        return self.words - self.families


_ORDINAL = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))",
    re.IGNORECASE,
)


def block_of(cv: ClaimValue) -> str | None:
    v = cv.value
    if isinstance(v, Quantity):
        if cv.claim.status == "proposed" and any("vague" in n for n in v.notes):
            return None  # "dozens", "several", "hundreds of": a word for many, not a figure to hold to
        if v.kind == "number" and _ORDINAL.fullmatch(cv.claim.value.strip()):
            return "ordinal"  # "the third school", "the first deaths": a rank, compared only with ranks
        if v.kind == "number" and not v.unit:
            return f"number:{_unit_after(cv.claim.quote, cv.claim.value)}"
        return f"{v.kind}:{v.unit or ''}"
    if isinstance(v, DateValue):
        return "date" if v.range is not None else None
    if isinstance(v, Duration):
        return "duration"
    if isinstance(v, TimeValue):
        return "time"  # a time of day is compared only with times
    if isinstance(v, TextValue):
        if v.kind == "text" and is_name_claim(cv):
            return "name"  # how an entity's name is spelled: compared with its other spellings alone
        if v.kind == "text" and word_property(cv.claim.property) is not None:  # a colour, a home, a charge...
            return "word:" + " ".join(fold_plain(cv.claim.property).casefold().split())
        return v.kind if v.kind in ("role", "statement") else "text"
    return None


# A count written with a unit after it measures in that unit: "sentences of between six and 75 years" is a
# length of time, not a count of sentences; "55 km" and "55 kilometres" are one unit.
_UNITS = {
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute",
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "m": "m",
    "feet": "ft", "foot": "ft", "ft": "ft", "yard": "yard", "yards": "yard", "inch": "inch", "inches": "inch",
    "kg": "kg", "kilos": "kg", "kilograms": "kg", "tonnes": "t", "tons": "t", "acres": "acre", "hectares": "ha",
}  # fmt: skip


def _unit_after(quote: str, value: str) -> str:
    at = quote.find(value)
    if at < 0:
        return ""
    after = quote[at + len(value) : at + len(value) + 16]
    if re.match(r"[\s-]*years?[\s-]*old\b", after, re.I):
        return ""  # an age: "the 40-year-old", compared with "Paul Arno, 36"
    word = re.match(r"[\s-]*([A-Za-z]+)", after)
    return _UNITS.get(word.group(1).lower(), "") if word else ""


def is_name_claim(cv: ClaimValue) -> bool:
    return cv.claim.property.strip().casefold() == NAME_PROPERTY


def features(
    cv: ClaimValue,
    index: EntityIndex,
    extra: dict[str, str],
    named: dict[str, frozenset[str]] | None = None,
    with_names: bool = True,
    known_terms: dict[str, list[tuple[str, int, int]]] | None = None,
) -> Features | None:
    """What pairing needs of one claim; `named` caches the entities named in each quote (claims
    extracted from one sentence share it), `known_terms` the terms of each property (a registry
    uses few). `with_names` False leaves `near` empty: finding the names in a quote is the costly
    part, and only a pair with a person as subject needs it. Kept on the index for the claim value
    (the same object) and glossary: verify asks for a claim's when checking its file and again when
    finding its pairs (with or without names: they differ only in `near`)."""
    for names in (with_names, True):
        kept = index.derived.get(("features", id(cv), names))
        if kept is not None and kept[0] is cv and (kept[1] is extra or kept[1] == extra):  # cv kept: its id not reused
            found: Features | None = kept[2]  # type: ignore[assignment]
            return found if names == with_names or found is None else replace(found, near=frozenset())
    found = _features(cv, index, extra, named, with_names, known_terms)
    index.derived[("features", id(cv), with_names)] = (cv, extra, found)
    return found


def _features(
    cv: ClaimValue,
    index: EntityIndex,
    extra: dict[str, str],
    named: dict[str, frozenset[str]] | None,
    with_names: bool,
    known_terms: dict[str, list[tuple[str, int, int]]] | None,
) -> Features | None:
    block = block_of(cv)
    if block is None:
        return None
    claim = cv.claim
    quote = claim.quote
    prop_terms = known_terms.get(claim.property) if known_terms is not None else None
    if prop_terms is None:
        prop_terms = terms(claim.property, extra)
        if known_terms is not None:
            known_terms[claim.property] = prop_terms
    words = frozenset(t for t, _s, _e in prop_terms)
    if not any(w.startswith("~") for w in words):  # the property names no known measure: look beside the value
        at = fold_plain(quote).casefold().find(fold_plain(claim.value).casefold())
        context = near_value(quote, at, at + len(claim.value), extra=extra) if at >= 0 else {}
        words |= {t for t, w in context.items() if t.startswith("~") and w >= CLOSE}
    if block == "date":
        words -= {"~incident"}  # a war or a storm has many attacks and strikes: the word alone is no event
    if block == "duration" and "~served" in words:  # "served 136 days", "a sentence of four and a half months"
        words = (words - {"~served"}) | {"~charge"}
    moment, when = "", cv.value.range if isinstance(cv.value, DateValue) else None
    if block == "time":  # "the alarm was raised at just after 6pm on Friday": which moment, and of which day
        moment = moment_of(quote, claim.value) or ""
        when = day_of_time(quote, claim.value, cv.published)
        if moment:
            words |= {"@begin" if begins(moment) else "@" + moment}  # the start and the alarm are looked up together
    entity = index.entities.get(claim.subject)
    near = named.get(quote) if named is not None else None
    if not with_names:
        near = frozenset()
    elif near is None:
        near = frozenset(m.entity for m in find_mentions(quote, index) if m.entity)
        if named is not None:
            named[quote] = near
    return Features(
        block=block,
        subject=claim.subject,
        subject_kind=entity.kind if entity else None,
        subject_key=org_key(entity.name) if entity and entity.kind != "person" else frozenset(),
        near=near,
        words=words,
        head=prop_terms[-1][0] if prop_terms else "",
        tense=_tense(cv),
        published=cv.published,
        when=when,
        proposed=claim.status == "proposed",
        context=_context(quote, claim.value, extra) if claim.status == "proposed" else frozenset(),
        size=_size(cv),
        digits=re.sub(r"\D", "", claim.value).lstrip("0") if isinstance(cv.value, Quantity) else "",
        **(_around(quote, claim.value) if claim.status == "proposed" else {}),
        named_subject=claim.status == "proposed" and (claim.basis or "").startswith(NAMED_BASES),
        sums=_sums(quote) if block == "date" else frozenset(),
        owner=_owner(entity),
        moment=moment,
        clause_subject=claim.status == "proposed" and (claim.basis or "").startswith(NAMED_BASES[0]),
    )


# A sum of money as written, with its currency and its scale: "$30 million", "£4.2m", "€1,500".
_SUM = re.compile(r"([$£€])\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m|k)?\b", re.IGNORECASE)
_SCALE = {"million": "m", "m": "m", "billion": "bn", "bn": "bn", "k": "k"}


def _sums(quote: str) -> frozenset[str]:
    """The sums of money a quote gives, one spelling each ("$30 million" and "$30m" are "$30m")."""
    return frozenset(
        f"{m.group(1)}{m.group(2).replace(',', '')}{_SCALE.get((m.group(3) or '').lower(), '')}"
        for m in _SUM.finditer(quote)
    )


# Between a time of day and the day it is on: "at 1845 GMT on Friday", "7pm last night", "on Saturday around
# 11:30 p.m."; not another clause's day ("at 7pm, and on Friday ...").
_DAY_GAP = re.compile(r"[\s,]*(?:(?:on|at|in|the|of|early|late|just|shortly|about|around|before|after)\s+)*", re.I)


def day_of_time(quote: str, value: str, published: DateRange | None) -> DateRange | None:
    """The day a time of day in `quote` is on: the date written beside it (read against the publication), else
    the day of publication or the one before (a paper tells of last evening's fire), or None when undated."""
    at = quote.find(value)
    if at >= 0:
        for d in parse(quote, published, within=quote):
            if not isinstance(d, DateValue) or d.range is None or d.range.days > 2:
                continue
            gap = quote[at + len(value) : d.span[0]] if d.span[0] >= at + len(value) else quote[d.span[1] : at]
            if len(gap) <= 20 and _DAY_GAP.fullmatch(gap):
                return d.range
    if published is None:
        return None
    return DateRange(published.start - dt.timedelta(days=1), published.end)


def _size(cv: ClaimValue) -> float | None:
    """A figure's size, to tell one fact from another of another scale: a quantity's value; a plain length
    of time's middle, in days (a hedged or open one, "more than four years", has none)."""
    v = cv.value
    if isinstance(v, Quantity):
        return abs(v.value) if v.value else None
    if isinstance(v, Duration) and v.qualifier is None and v.high_days and v.low_days:
        return (v.low_days + v.high_days) / 2
    return None


def _owner(entity: Entity | None) -> str:
    """A person's surname; for a body named by a person's possessive ("Ockenden's team", "the mayor's
    office" names no one), that person's surname: a person and their own team or office are one subject."""
    if entity is None:
        return ""
    words = fold_plain(entity.name).split()
    if entity.kind == "person":
        return words[-1].casefold() if words else ""
    first = words[0] if words else ""
    if first[:1].isupper() and first.endswith(("'s", "’s")) and len(words) > 1:
        return first[:-2].casefold()
    return ""


def _context(quote: str, value: str, extra: dict[str, str]) -> frozenset[str]:
    """The content terms of a quote within a dozen terms of its value, the value's own words left out."""
    at = fold_plain(quote).casefold().find(fold_plain(value).casefold())
    toks = terms(quote, extra)
    if at < 0:
        return frozenset(t for t, _s, _e in toks)
    before = [t for t, _s, e in toks if e <= at][-CONTEXT_REACH:]
    after = [t for t, s, _e in toks if s >= at + len(value)][:CONTEXT_REACH]
    return frozenset(t for t in before + after if not t[:1].isdigit())


CONTEXT_REACH = 12
SCOPE_REACH = 14  # words after the value (and an opening "In X,") that may say where it holds
PLACE_NOUNS = {
    "province", "provinces", "country", "countries", "district", "districts", "region", "regions", "state",
    "states", "county", "counties", "city", "town", "towns", "village", "villages", "camp", "camps", "island",
    "islands", "ocean", "world", "nationwide", "worldwide", "borough", "ward", "street", "capital", "area",
    "school", "schools", "hospital", "hospitals", "building", "house", "houses", "mosque", "church", "bank",
}  # fmt: skip
_PLACE_PREPOSITIONS = {"in", "across", "around", "throughout", "at", "on", "off", "near", "of", "from",
                       "inside", "outside", "within"}  # fmt: skip
_ARTICLES = {"the", "a", "an"}
_DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
               "northeastern", "northwestern", "southeastern", "southwestern"}
# Buildings, which a figure's verb can act on ("shells struck the school"); an area is named with a
# preposition ("marched through the city" says where the march went, not which city).
_BUILDINGS = {"school", "schools", "hospital", "hospitals", "building", "house", "houses", "mosque", "church", "bank"}
_OTHER = {"another", "other", "separate", "second", "neighbouring", "neighboring", "nearby"}


class _Around(TypedDict, total=False):
    """What _around finds: the fields of Features it fills."""

    scope: frozenset[str]
    group: str
    part: bool
    increment: bool


def _around(quote: str, value: str) -> _Around:
    """Where a proposed figure holds (places named beside it) and who it counts: what tells "170,000 in
    the province" from "230,000 across Asia", "four died in hospitals in the district" from "five died in
    Aceh", and "six gunmen" from "four soldiers"."""
    at = quote.find(value)
    if at < 0:
        return {}
    end = at + len(value)
    after = quote[end:]
    tokens = re.findall(r"[A-Za-z][\w'-]*|[.;:!?,()]", after)[:SCOPE_REACH]
    scope: set[str] = set()
    lead = re.match(r"\s*In\s+((?:[\w'-]+\s+){0,4}?[\w'-]+),", quote[:at])
    window = [*(["in", *lead.group(1).split()] if lead else ()), *tokens]
    happening = _HAPPENING_BEFORE.search(quote[:at])
    if happening:  # "a shell hit a house in the Beach camp, killing seven": the place of what it followed
        main = re.split(r"[.;:!?]\s", quote[: happening.start()])[-1]
        window = [*re.findall(r"[A-Za-z][\w'-]*|[,()]", main)[-SCOPE_REACH:], *window]
    phrase = other = False  # inside "in/at/off ... PLACE"; the place is "another" one
    for n, tok in enumerate(window):
        low = tok.lower()
        if tok in ".;:!?":
            break
        building = next((w.lower() for w in window[n + 1 : n + 3] if not w[:1].isupper()), "")  # "a UN school"
        if low in _PLACE_PREPOSITIONS or (not phrase and low in _ARTICLES and building in _BUILDINGS):
            phrase, other = True, False  # "in the school", or the building it struck: "hit the school"
        elif not phrase:
            continue
        elif low in _OTHER:
            other = True
        elif (tok[:1].isupper() or low in PLACE_NOUNS) and low not in _MONTHS_DAYS:
            scope.add(("other:" if other else "") + low.removesuffix("'s"))
        elif low not in ("the", "a", "an", "of") and low not in _DIRECTIONS:  # "the southern city of Khan Younis"
            if scope:
                break  # the first place named is where the figure holds; later ones are other words'
            phrase = other = False
    group = _counted_group(after)
    age = re.match(r"^[\s-]*years?[\s-]*old\b", after, re.I)
    if age:  # "the 30-year-old sergeant", "the 40-year-old American", "the 12-year-old.": whose age it is;
        # "16-year-old Kimani Gray" names the person, who is the subject: no group
        holder = re.match(r"[\s,]+(?:(?:the|a|an|his|her|their)\s+)?[\"'\u201c]?([A-Za-z][\w'-]*)", after[age.end() :])
        word = holder.group(1) if holder else ""
        named = word[:1].isupper() and not is_demonym(word) and word.lower() not in _MONTHS_DAYS
        group = "" if named else ("age of " + word.lower() if word else _UNKNOWN_HOLDER)
        if word.lower() in SORT_NOUNS:  # "a 12-year-old girl": which girl, by what is said of her
            group += " " + _deed(quote[:at], after[age.end() + holder.end() :] if holder else "")
    elif re.search(r"\b(?:under|over|below|above)\s+(?:the\s+)?age\s+(?:of\s+)?$", quote[:at], re.I):
        group = "age limit"  # "24 of them under age 17": a bound, nobody's age
    before = quote[:at]
    located = _LOCATED.search(before) if _DISTANCE_AFTER.match(after) else None
    if located:  # "the office building is about 15 miles north", "a motorist 50 miles north": what lies there
        group = "distance of " + (located.group("thing") or located.group("name")).lower()
    part = bool(_PART_BEFORE.search(before) or _PART_AFTER.match(after)) and not _WHERE_MORE.search(before)
    increment = part and bool(_INCREMENT_BEFORE.search(before) or _INCREMENT_AFTER.match(after))
    scope.update(_variants(quote[:at], value, after))
    return _Around(scope=frozenset(scope), group=group, part=part, increment=increment)


def _variants(before: str, value: str, after: str) -> set[str]:
    """The model a figure is of: the size and tier named in its own item of a list ("$1,099 for the base
    13-inch version and $1,799 for a 15-inch version, with an upgraded 15-inch model going for $2,199"
    gives 13-inch, 15-inch, and upgraded 15-inch); when its item names none, the one model its sentence
    names ("The 13\" Air gets a faster chip, and the price remains $1,099")."""

    def named(text: str) -> set[str]:
        units = ((m.group(1), (m.group(2) or m.group(3)).lower()) for m in _VARIANT.finditer(text))
        found = {"variant:" + size + _SIZE_UNITS.get(unit, unit) for size, unit in units}
        if found and _UPPER_TIER.search(text):
            found.add("variant:upper")
        return found

    item = named(_ITEM_SPLIT.split(before)[-1] + value + _ITEM_SPLIT.split(after)[0])
    if item:
        return item
    sentence = named(re.split(r"[.;:!?]\s", before)[-1] + value + re.split(r"[.;:!?](?:\s|$)", after)[0])
    sizes = {v for v in sentence if v != "variant:upper"}
    return sentence if len(sizes) == 1 else set()


# The model or size a figure is of, in a story about products that come in several ("the 13-inch version
# starts at $1,199", "the 64GB model"): one model's price is not another's.
_VARIANT = re.compile(r"\b(\d+(?:\.\d+)?)(?:[- ]?(inch|in\.|GB|TB|litre|liter|cc|seater|door)(?![\w])|([\x22\u2033\u201d])(?!\w))",
                      re.IGNORECASE)
_SIZE_UNITS = {"in.": "inch", '"': "inch", "\u2033": "inch", "\u201d": "inch"}
# A dearer model of a size: "an upgraded 15-inch model", "the high-end 13-inch", "a top-tier version"
_UPPER_TIER = re.compile(r"\b(?:upgraded|high-?end|higher[- ]end|top[- ]end|top[- ]tier|higher[- ]tier|premium"
                         r"|souped-up|maxed-out|top-of-the-line|top-of-the-range|pricier|dearer)\b", re.IGNORECASE)
# Where one item of a list ends: "$1,099 for the 13-inch version and $1,799 for a 15-inch version, with ..."
_ITEM_SPLIT = re.compile(r"[.;:!?](?:\s|$)|,\s*|\s+(?:and|with|while|but|whereas|plus)\s+")


_UNKNOWN_HOLDER = "age of someone unnamed"
AGE_SLIP = 2  # two unnamed people of one sort and one deed whose ages differ by more are two people


def _deed(before: str, after: str) -> str:
    """What the words say of someone named only by an age and a sort ("sexually assaulting the 11-year-old
    girl", "the assault of a 12-year-old girl", "a 15-year-old boy was stabbed"): the stem of the word
    that governs the noun phrase, looking past an article and a preposition, else the verb after it."""
    lead = re.sub(r"(?:\b(?:of|with|on|against|to|for|by)\s+)?(?:\b(?:the|a|an|his|her|their|its)\s+)?$", "",
                  before, flags=re.I)  # fmt: skip
    word = re.search(r"([A-Za-z][a-z'-]+)\W*$", lead)
    if word and word.group(1).lower() not in FUNCTION_WORDS and not word.group(1)[:1].isupper():
        return _root(word.group(1).lower())
    verb = [w for w in re.findall(r"[a-z][a-z'-]+", after[:40].lower()) if w not in FUNCTION_WORDS]
    return _root(verb[0]) if verb else ""


def _root(word: str) -> str:
    """One spelling for a verb's forms: "married" and "marrying", "raped" and "rape", "stabbed" and "stab"."""
    root = stem(word)
    root = root[:-1] + "y" if root.endswith("i") else root
    root = root[:-1] if len(root) > 3 and root.endswith("e") else root
    return root[:-1] if len(root) > 3 and root[-1] == root[-2] else root


# A count in a clause that follows an event ("..., killing at least seven", "..., leaving 12 injured"):
# it holds where that event happened.
_HAPPENING_BEFORE = re.compile(r",\s*(?:killing|leaving|injuring|wounding|hurting)\s+(?:(?:at\s+least|about|some|"
                               r"around|nearly|more\s+than|up\s+to)\s+)?$", re.I)
# A distance says where something lies: the thing named right before it, after an article or as a name.
_DISTANCE_AFTER = re.compile(r"^[\s-]*(?:miles?|kilometres?|kilometers?|km|metres?|meters?|feet|foot|yards?)\b", re.I)
_LOCATED = re.compile(r"(?:\b(?i:the|a|an|its|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?P<thing>(?!(?:is|was|are|were|lies|lay|located|situated|struck|hit|hits|strikes)\b)[a-z][\w'-]*(?<!ed))|(?<![.!?]\s)"
                      r"\b(?P<name>[A-Z][\w'-]+))\s*,?\s+(?:(?:is|was|are|were|lies|lay|located|situated)\s+)?"
                      r"(?:(?:about|around|some|roughly|approximately|nearly|almost|just|only|more\s+than)\s+)?$")  # fmt: skip
# A part of a total, not the total: the rest of a count ("two other victims", "another four", "a further
# 20,000"), a share of a sum ("of which $281m", "including $281m in cash", "$281m of the price") or of a
# count ("10 of 22 passes", "six of his 11 points", "three of the four soldiers").
_PART_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|of\s+which|including|includes)\s+"
                          r"(?:about\s+|around\s+|some\s+|approximately\s+|nearly\s+|almost\s+)?$", re.I)  # fmt: skip
# A sum paid in one form is a part ("$281m in cash"); in every form it is paid in, it is the whole ("$334m in
# cash and stock").
_PART_AFTER = re.compile(r"^\s+(?:other|others|more|further|additional)\b|^\s+(?:of\s+the|of\s+its|of\s+their"
                         r"|of\s+(?:his|her|our|my|your|those|these)|of\s+(?:\d+|one|two|three|four|five|six"
                         r"|seven|eight|nine|ten|eleven|twelve|a\s+(?:dozen|hundred|thousand)|all)"
                         r"|in\s+(?:cash|stock|shares|equity)(?!\s+(?:and|plus|&)\s+(?:cash|stock|shares|equity)))\b",
                         re.I)  # fmt: skip
# "another four died in hospital", "five other workers were rescued": added to a count each source tells
# its own way, so two such increments are not the same figure.
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+(?:(?:about|around|some|nearly|almost)\s+)?$", re.I)
_INCREMENT_AFTER = re.compile(r"^\s+(?:other|others|more|further|additional)\b", re.I)
# "in Thessaloniki, where another 20,000 marched": the count of that place, added to the story's others
_WHERE_MORE = re.compile(r"\bwhere\s+(?:another|a\s+further|an\s+additional)\s+$", re.I)


_MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "police", "officials",
}  # fmt: skip
# Groups news counts that are not interchangeable with one another ("soldiers" and "gunmen" are not the
# same dead); "people" and its like say nothing about who, and agree with any of them.
_COUNTED_GROUPS = {
    "soldiers", "troops", "gunmen", "militants", "fighters", "policemen", "officers", "civilians", "children",
    "students", "pupils", "workers", "employees", "patients", "passengers", "villagers", "residents",
    "protesters", "demonstrators", "rioters", "firefighters", "journalists", "prisoners", "tourists", "miners",
    "climbers", "babies", "mothers", "women", "men", "teachers", "doctors", "nurses", "families",
}  # fmt: skip


def _counted_group(after: str) -> str:
    """Who or what a count counts when the words right after it say. A group of people news keeps apart
    ("soldiers", "gunmen", "children") as itself; any other plural noun as "noun:" and the noun in the
    singular ("26 pirates", "five fishing boats", "two Israeli tank shells"), so that "26 pirates were
    arrested" and "15 sailors were arrested" are two facts whatever they are arrests of. Words for people
    in general ("people", "others", "victims", "Palestinians") say nothing about who, and give no group."""
    words = re.findall(r"[A-Za-z][\w'-]*|[.,;:!?()]", after)[:4]
    for word in words:
        low = word.lower()
        if low in _COUNTED_GROUPS:
            return low
        if not word[:1].isalpha() or low in _COUNT_STOP:
            return ""
        if low in _ANYONE or (low.endswith("s") and is_demonym(low[:-1])):
            return ""
        if low in _PLURALS:
            return "noun:" + _PLURALS[low]
        if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")):
            single = low[:-3] + "y" if low.endswith("ies") else low[:-2] if low.endswith(("ches", "shes", "xes")) \
                else low[:-1]  # fmt: skip
            return "noun:" + _SAME_THING.get(single, single)
    return ""


# Words news uses for one thing counted: rounds fired are shots, bullets or rounds.
_SAME_THING = {"shot": "round", "bullet": "round", "round": "round"}
_ANYONE = {"people", "persons", "others", "individuals", "victims", "casualties", "bodies", "lives", "dead",
           "wounded", "injured", "more", "times", "cases", "percent", "per", "cent", "years", "months",
           "weeks", "days", "hours", "minutes"}  # fmt: skip
_PLURALS = {"men": "man", "women": "woman", "children": "child", "crew": "crew", "staff": "staff",
            "police": "police", "personnel": "personnel", "feet": "foot", "km": "kilometre",
            "kilometres": "kilometre", "kilometers": "kilometre", "kms": "kilometre", "miles": "mile",
            "metres": "metre", "meters": "metre"}  # fmt: skip
_COUNT_STOP = {"of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "were", "was", "are",
               "is", "had", "have", "has", "been", "be", "who", "which", "that", "as", "than", "a", "an", "the",
               "said", "says", "died", "killed", "critically", "seriously"}  # fmt: skip


def same_scope(a: Features, b: Features) -> bool:
    """Two figures hold in the same place as far as the words say: where both name places, they share
    one, and a figure said to hold in another place ("on another UN school", "in neighbouring Central
    Aceh") is compared only with one naming that place; where both say who was counted, the same group."""
    nouns = a.group.startswith("noun:") + b.group.startswith("noun:")
    one_sided = nouns == 1 and not (a.group and b.group)  # a thing counted on one side only: words may leave it out
    if a.group and b.group and a.group != b.group and not one_sided:
        return False
    if a.part != b.part or (a.increment and b.increment):
        return False
    if _UNKNOWN_HOLDER in (a.group, b.group):
        return False  # "the 12-year-old", "the 15-year-old's child": whose age the words do not say
    if (a.group.split(" ")[2:3] and a.group.split(" ")[2] in SORT_NOUNS and a.size and b.size
            and abs(a.size - b.size) > AGE_SLIP and not _transposed(a.digits, b.digits)):  # fmt: skip
        return False  # "the 12-year-old girl" and "a 15-year-old girl": two girls, whatever befell both
    if (bool(a.group) != bool(b.group) and a.block.startswith("number") and not nouns
            and not (a.group + b.group).startswith("distance of ")):
        # "six children were killed" and "five people died": a group is a part of the people; "the
        # 40-year-old American" and "Klitschko, 36": an age of someone the words do not name is not the
        # named person's
        return False
    variants_a = {x for x in a.scope if x.startswith("variant:")}
    variants_b = {x for x in b.scope if x.startswith("variant:")}
    if variants_a != variants_b:
        return False  # "$1,199 for the 13-inch option" and "the basic model starts at $2,199": which model?
    if a.scope and b.scope:
        return bool(a.scope & b.scope)
    named = a.scope or b.scope  # one names no place: the same, unless the other says it is another place
    return not any(w.startswith("other:") for w in named)
def _transposed(a: str, b: str) -> bool:
    """Two figures in the same digits in another order ("34" and "43"): one figure with two digits swapped,
    the commonest slip of a keyboard, not two facts."""
    return len(a) >= 2 and a != b and sorted(a) == sorted(b)


SAME_SCALE = 4.0  # two figures for one fact in news differ by less than this factor; more is another scope
CONTEXT_AT = 0.25  # share of the smaller context two proposed claims must have in common


def _tense(cv: ClaimValue) -> str | None:
    v, pub = cv.value, cv.published
    if not isinstance(v, DateValue) or v.range is None or pub is None:
        return None
    if v.range.start >= pub.start and v.range.end > pub.end:
        return "future"
    if v.range.start < pub.start and v.range.end <= pub.end:
        return "past"
    return None


def different_events(a: Features, b: Features) -> bool:
    """Two dates that cannot be one event misdated: written at the same time, one source puts its
    date in the future and the other in the past ("is to leave on 25 October", "resigned in the last
    week"); or the two lie more than a year apart, which for the same kind of event (an inspection,
    a report) is two occurrences, unless both tell of it with the same price (a sale "for $30 million" in 1957
    and in 1967 is one sale misdated)."""
    if a.when is not None and b.when is not None:
        gap = max(a.when.start, b.when.start) - min(a.when.end, b.when.end)
        if gap.days > SAME_EVENT_DAYS and not (a.sums & b.sums):
            return True
    if {a.tense, b.tense} != {"future", "past"} or a.published is None or b.published is None:
        return False
    return a.published.overlaps(b.published)


def entity_agreement(a: Features, b: Features) -> float:
    """1 for the same subject; 0.8 when two organisations' names agree (one names it more fully);
    0.6 when a person who is one claim's subject is named in the other's quote; 0 otherwise."""
    if a.subject == b.subject:
        return 1.0
    if a.subject_key and b.subject_key and (a.subject_key <= b.subject_key or b.subject_key <= a.subject_key):
        return 0.8
    person_a, person_b = a.subject_kind == "person", b.subject_kind == "person"
    if person_a and person_b:
        return 0.0  # two different people
    if person_a != person_b and a.owner and a.owner == b.owner:
        return 0.8  # "Donna Ockenden" and "Ockenden's team"
    if (person_a and a.subject in b.near) or (person_b and b.subject in a.near):
        return 0.6
    return 0.0


def word_agreement(a: Features, b: Features) -> float:
    """How far two claims' property words agree, synonyms counted as one word. Where both carry a
    synonym family ("deficit" and "over budget" are both an overspend), the families decide."""
    if a.block.startswith("number") and a.head != b.head:
        return 0.0  # counts of different things: "two serious case reviews", "two child murders"
    fa, fb = a.families, b.families
    if fa and fb:
        if fa & fb:
            return 1.0
        return 0.8 if any(frozenset({x, y}) in KINDRED_FAMILIES for x in fa for y in fb) else 0.0
    if a.block.startswith("number") and a.head and a.proposed and b.proposed:
        return 0.8  # proposed counts of one thing: "three tank shells", "three artillery shells"
    if a.block in EVENT_BLOCKS:
        return 0.0  # two dates are about the same event only when both say which event
    pa, pb = a.plain | fa, b.plain | fb
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / min(len(pa), len(pb))


# Families that name one measure from two sides: what a body has borrowed is what it owes ("debts of £1.4bn",
# "owes £1.2bn").
KINDRED_FAMILIES = {frozenset({"~borrowing", "~liability"})}


def with_kin(words: frozenset[str]) -> frozenset[str]:
    """Property words with the families kindred to theirs: what a claim is looked up by."""
    return words.union(*(kin for kin in KINDRED_FAMILIES if kin & words))


def context_agreement(a: Features, b: Features) -> float:
    """How much two proposed claims' quotes talk about the same things around the value."""
    if not a.context or not b.context:
        return 0.0
    return len(a.context & b.context) / min(len(a.context), len(b.context))


def same_scale(a: Features, b: Features) -> bool:
    if a.size is None or b.size is None:
        return True
    limit = SAME_LENGTH if a.block == "duration" else SAME_SCALE
    if max(a.size, b.size) / min(a.size, b.size) < limit:
        return True
    # "a depth of 12 miles" and "a depth of 1.2 miles": the same digits, a decimal point slipped
    return len(a.digits) >= 2 and a.digits == b.digits


# Two plain lengths of time for one fact differ by less than this factor ("four months", "five months"); "136
# days" and "412 months" (a half written badly) are not one sentence. A hedged or open length has no size.
SAME_LENGTH = 10.0


def pair_confidence(a: Features, b: Features) -> float:
    if a.block != b.block or different_events(a, b):
        return 0.0
    if a.block == "name" or a.block.startswith("word:"):
        # two spellings of one entity's name, or one fact in words about it (its colour, where they live, the
        # charge): proposed only where the entity is named with it, so the entity is all there is to agree on
        return 1.0 if a.subject == b.subject else 0.0
    if a.block == "role" and a.subject == b.subject and a.subject_kind == "person":
        return 1.0  # a post is proposed only where the person is named with it: the person is the evidence
    if a.block == "time" and a.moment and b.moment:
        return _one_incident(a, b)
    words = word_agreement(a, b)
    if words < WORDS_AT:
        return 0.0
    entities = entity_agreement(a, b)
    if a.proposed and b.proposed:
        # Both are guesses: the words around the values must tell of the same thing, and a figure four
        # times another is another scope ("170,000 in Aceh", "230,000 around the ocean").
        context = context_agreement(a, b)
        counted = entities == 0.0 and _one_thing_counted(a, b) and not (a.clause_subject and b.clause_subject)
        if (context < CONTEXT_AT and not counted) or not same_scale(a, b) or not same_scope(a, b):
            return 0.0
        people = (a.subject_kind == "person") + (b.subject_kind == "person")
        # Two bodies each named beside their own figure are two things measured ("the council's overspend",
        # "its children's department's deficit"), not one subject guessed two ways.
        named_apart = (a.named_subject and b.named_subject and a.subject_kind == b.subject_kind == "organisation"
                       and not _one_kind_of_body(a.subject_key, b.subject_key))
        # A body named after another person ("Brand's panel") is that person's, not this one's.
        named_apart = named_apart or (people == 1 and bool(a.owner and b.owner) and a.owner != b.owner)
        if (entities == 0.0 and words >= 0.8 and people < 2 and not named_apart
                and context >= (0.5 if people else CONTEXT_AT)):  # fmt: skip
            entities = min(1.0, context + 0.2)  # the subject guessed differently, the same fact in the same words
        elif counted and people < 2:  # not both named in their own clauses (counted): whose count is a guess
            # "The gang carried out seven raids", "recovered from the six raids or attempted raids": counts of one
            # thing the story tells of, under subjects guessed from names out of reach; who did it is the
            # story's, so the thing counted stands in for it
            entities = CONTEXT_AT + 0.35
    if entities == 0.0:
        return 0.0
    return round(0.5 * entities + 0.5 * words, 2)


def _one_incident(a: Features, b: Features) -> float:
    """Two times of day of moments of an incident the words name ("the alarm was raised at just after 6pm",
    "the fire started at 1845 GMT"): one incident when they fall on one day, where the words say, and no
    two things named in their own clauses tell them apart. The subject a time is filed under is a guess
    (the blaze, the estate, the police who were called): the day and the moment are the evidence."""
    if not compared(a.moment, b.moment) or a.when is None or b.when is None or not a.when.overlaps(b.when):
        return 0.0
    if a.proposed and b.proposed and not same_scope(a, b):
        return 0.0
    entities = entity_agreement(a, b)
    # "Raj Chohan was hit at about 7 p.m.", "a pedestrian was struck on Queens Plaza North": two people or places
    # named with their times are two incidents; a body named with one ("police were called", "crews from the fire
    # service fought the blaze, which broke out at 9pm") is who answered, not what happened
    both_named = a.clause_subject and b.clause_subject and "organisation" not in (a.subject_kind, b.subject_kind)
    people = a.subject_kind == b.subject_kind == "person" and a.named_subject and b.named_subject
    if entities == 0.0 and (both_named or people):
        return 0.0
    return round(0.5 * max(entities, 0.8) + 0.5, 2)


def _one_thing_counted(a: Features, b: Features) -> bool:
    """Two proposed counts of one named thing ("raids", "premises", "warehouses"), not of people, of times or of
    units, which many things in a story have."""
    return (a.block == b.block and a.block.startswith("number:") and a.block == "number:" and a.head == b.head
            and bool(a.head) and not a.head.startswith("~") and a.head not in _GENERIC_HEADS
            and a.group == b.group and a.group.startswith("noun:"))  # fmt: skip


_GENERIC_HEADS = {stem(w) for w in (*_ANYONE, *PEOPLE_NOUNS, *SORT_NOUNS, "thing", "things", "way", "ways", "part",
                                     "parts", "piece", "pieces", "item", "items", "member", "members")}  # fmt: skip


def _one_kind_of_body(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two names of one body written two ways: the same class of body ("school") and a distinctive word
    in common ("the Prep C girls school", "a girls elementary school")."""
    shared = a & b
    return any(k.startswith("<") for k in shared) and any(not k.startswith("<") for k in shared)


def related_organisations(entities: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Each organisation → the others whose names agree with it, one more fully (entity_agreement's
    0.8). Found by looking up every subset of each name's key, so the work grows with the number
    of entities, not its square."""
    keys: dict[str, frozenset[str]] = {}
    by_key: dict[frozenset[str], list[str]] = defaultdict(list)
    for e in entities:
        key = org_key(e.name) if e.kind != "person" else frozenset()
        if key:
            keys[e.id] = key
            by_key[key].append(e.id)
    related: dict[str, set[str]] = defaultdict(set)
    for entity_id, key in keys.items():
        words = sorted(key)
        if len(words) > MAX_SUBSET_WORDS:  # a very long name: look at every key instead
            inside = [k for k in by_key if k <= key]
        else:
            inside = [frozenset(c) for n in range(1, len(words) + 1) for c in combinations(words, n)]
        for sub in inside:
            for other in by_key.get(sub, ()):
                if other != entity_id:
                    related[entity_id].add(other)
                    related[other].add(entity_id)
    return {k: frozenset(v) for k, v in related.items()}


MAX_SUBSET_WORDS = 10


def topic_free_pairs(
    values: Iterable[ClaimValue], entities: Iterable[Entity], terms: dict[str, str],
    fresh: set[int] | None = None, index: EntityIndex | None = None,
) -> Iterator[tuple[ClaimValue, ClaimValue, float]]:  # fmt: skip
    """Every cross-source pair with at least one proposed claim that pairing judges to be about the
    same thing, with its confidence, in the order of `values`. Pairs of two reviewed claims are left
    to subject and property. With `fresh` (ids of some of the values), only pairs with at least one
    fresh value are judged.

    A proposed claim is scored only against claims of its kind and unit that are about the same
    entity or a related organisation, about a person its quote names, or whose quote names its
    subject (entity_agreement is 0 for any other pair). Features, which need the entities named
    in a quote, are worked out only for the claims scored. `index`: the entities' index, when the
    caller has one (built from the same entities)."""
    entities = list(entities)
    values = list(values)
    index = index or EntityIndex(entities)
    related = related_organisations(entities)
    named: dict[str, frozenset[str]] = {}
    cache: dict[tuple[int, bool], Features | None] = {}
    known_terms: dict[str, list[tuple[str, int, int]]] = {}

    def feature(i: int, with_names: bool = True) -> Features | None:
        if (i, with_names) not in cache:
            cache[(i, with_names)] = features(values[i], index, terms, named, with_names, known_terms)
        return cache[(i, with_names)]

    def is_person(i: int) -> bool:
        entity = index.entities.get(values[i].claim.subject)
        return entity is not None and entity.kind == "person"

    blocks = [block_of(cv) for cv in values]
    by_subject: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_property: dict[tuple[str, str], list[int]] = defaultdict(list)  # proposed claims, by what they measure
    for i, (cv, block) in enumerate(zip(values, blocks, strict=True)):
        if block is not None:
            by_subject[(block, cv.claim.subject)].append(i)
            if cv.claim.status == "proposed":
                f = feature(i, False)
                for word in f.words if f is not None else ():
                    by_property[(block, word)].append(i)
    words: dict[tuple[str, str], list[int]] | None = None  # (block, word of a quote) → claims
    found: set[tuple[int, int]] = set()
    for i, a in enumerate(values):
        if a.claim.status != "proposed" or blocks[i] is None:
            continue  # every pair judged here has a proposed claim: it is found from that side
        fa = feature(i)
        if fa is None:
            continue
        candidates = set(by_subject[(fa.block, fa.subject)])
        for word in with_kin(fa.words):  # another proposed claim that measures the same, whoever it is about
            candidates.update(by_property.get((fa.block, word), ()))
        for other in (*related.get(fa.subject, ()), *fa.near):
            candidates.update(by_subject.get((fa.block, other), ()))
        if fa.subject_kind == "person":  # claims whose quotes may name this person
            if words is None:
                words = _quote_words(values, blocks)
            for word in _name_words(index.entities[fa.subject]):
                candidates.update(words.get((fa.block, word), ()))
        found.update((min(i, j), max(i, j)) for j in candidates if j != i)
    for i, j in sorted(found):
        a, b = values[i], values[j]
        if a.claim.source == b.claim.source and blocks[i] != "name":  # a name may be respelled within one piece
            continue
        if fresh is not None and id(a) not in fresh and id(b) not in fresh:
            continue
        names = is_person(i) or is_person(j)  # only then does entity agreement look at the names in quotes
        fa, fb = feature(i, names), feature(j, names)
        confidence = pair_confidence(fa, fb) if fa is not None and fb is not None else 0.0
        if confidence >= PAIR_AT:
            yield a, b, confidence


def _quote_words(values: list[ClaimValue], blocks: list[str | None]) -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (cv, block) in enumerate(zip(values, blocks, strict=True)):
        if block is not None:
            for word in set(_WORD.findall(fold_plain(cv.claim.quote).casefold())):
                out[(block, word)].append(i)
    return out


def _name_words(entity: Entity) -> set[str]:
    """Words any mention of a person has one of: each word of each of their names."""
    return {w for name in (entity.name, *entity.aliases) for w in _WORD.findall(fold_plain(name).casefold())}


_WORD = re.compile(r"\w+")


def registered_keys(cv: ClaimValue, index: EntityIndex, terms: dict[str, str]) -> set[str]:
    """The keys a stored claim is found by when a changed claim is judged against stored ones
    (see lookup_keys): its kind and unit with its subject, and for a proposed claim with each
    entity its quote names (a reviewed claim's names are not worked out: too costly to do for all)."""
    block = block_of(cv)
    if block is None:
        return set()
    keys = {f"s|{block}|{cv.claim.subject}"}
    if cv.claim.status == "proposed":
        f = features(cv, index, terms)
        keys |= {f"n|{block}|{e}" for e in (f.near if f else ())}
        keys |= {f"p|{block}|{w}" for w in (f.words if f else ())}
    return keys


def lookup_keys(
    cv: ClaimValue, index: EntityIndex, terms: dict[str, str], related: dict[str, frozenset[str]]
) -> set[str] | None:
    """The keys of the stored claims a changed claim could pair with, found by evidence; None when
    they cannot be known from the keys alone (a proposed claim about a person, which a reviewed
    claim may name without having registered it): then every pair must be judged again."""
    f = features(cv, index, terms)
    if f is None:
        return set()
    if cv.claim.status == "proposed" and f.subject_kind == "person":
        return None
    keys = {f"s|{f.block}|{e}" for e in (f.subject, *related.get(f.subject, ()), *f.near)}
    if f.subject_kind == "person":
        keys.add(f"n|{f.block}|{f.subject}")
    if cv.claim.status == "proposed":
        keys |= {f"p|{f.block}|{w}" for w in with_kin(f.words)}
    return keys
