"""Facts stated in words: a vehicle's colour, where a person lives, what they are charged with, and which
way a place lies from a town, proposed as `text` claims under the properties of text/wordfacts.py.

Each is proposed only where the sentence names what it is about: the car by its make or a vehicle's noun
("a silver Toyota Camry", "a white van"), the person by name ("Raj K. Chohan, 59, of College Point",
"Raj Chohan, who lived in South Ozone Park", "Subryan was charged with ..."), the thing located by its
noun ("the epicentre was 55 kilometres south of Bireun"). A charge whose sentence names nobody ("An
allegedly intoxicated driver ... has been charged in her murder", "He has been charged with ...") is the
one person the source names as charged or arrested, when it names exactly one.
"""

from __future__ import annotations

import re

from factcheck.actions.extract.subjects import proposed_claim
from factcheck.models import Entity
from factcheck.registry.load import free_id
from factcheck.results import Basis, ProposedClaim, ProposedEntity
from factcheck.text.demonyms import is_demonym
from factcheck.text.entities import EntityIndex, Mention, slug
from factcheck.text.sentences import Span, quote_span
from factcheck.text.wordfacts import (
    CHARGE,
    COLOUR,
    COLOUR_WORDS,
    DIRECTION_WORDS,
    HOME,
    OWNER,
    TRIAL,
    US_STATES,
    charge_items,
    direction_property,
    is_wide_area,
    place_key,
)

_VEHICLES = (r"car|cars|van|truck|suv|sedan|pickup|pick-up|minivan|motorcycle|motorbike|jeep|hatchback|coupe|"
             r"taxi|cab|lorry|convertible|station\s+wagon|scooter|bus|limousine|hearse")  # fmt: skip
_SHADE = r"(?:(?:dark|light|pale|bright|deep|metallic)[- ])?"
_COLOUR = rf"{_SHADE}(?:{COLOUR_WORDS})(?:[- ]?(?:and|&)[- ]?{_SHADE}(?:{COLOUR_WORDS}))?"
# "a silver Toyota Camry", "a gray 2013 Toyota Camry", "a 2013 gray Camry", "a white van", "his black SUV"
_COLOURED = re.compile(
    rf"\b(?P<colour>(?i:{_COLOUR}))(?:,?\s+(?i:four|two)-door)?\s+(?:(?:19|20)\d\d\s+)?"
    rf"(?:(?P<model>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){{0,2}})|(?P<noun>(?i:{_VEHICLES}))\b)"
)
_NOT_THIS = re.compile(r"\b(?:another|other|second|a\s+different|the\s+victim's|her|his|their)\s+(?:\d{4}\s+)?$", re.I)

# A place as written: capitalised words ("College Point", "South Ozone Park", "St. Albans"), or "the Bronx".
_PLACE = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|la)\s+)?[A-Z][\w'’.-]*)*"
_STATE_AFTER = re.compile(r",\s+((?:[A-Z][a-z]*\.?\s?){1,3}?)(?=[,.;]|\s+(?:was|is|has|had|who|and)\b|$)")
# Where the place ends: a stop, a dash, or a verb or relative word after it.
_PLACE_END = r"(?=[,.;:)]|\s+[-\u2013\u2014]\s|\s+(?:was|is|has|had|who|were|are|and|died|said|says)\b|$)"
_HOME_AFTER = [  # after a person's name
    # "Paul Riva, 47, of Troy", "Ian Reid, aged 44, from Stratford", "Dan Cole, aged 24 from Alcester"
    re.compile(rf"^,\s*(?:an?\s+)?(?:aged\s+)?\d{{1,3}}(?:-year-old)?,?\s+(?:of|from)\s+(?P<place>{_PLACE}){_PLACE_END}"),
    # "Ian Reid from Rugby", "Sophie Kerr, from Leamington, was" (a town, not a body: see _place_as_written); not
    # before what they say: "Jo Hale from Shelter said" names whom the speaker speaks for
    re.compile(rf"^,?\s+from\s+(?P<place>(?!the\b){_PLACE}){_PLACE_END}(?!,?\s+(?:said|says|told|tells|added|"
               r"explained|warned|urged|spoke)\b)"),
    re.compile(rf"^,?\s+who\s+(?:had\s+)?(?:lived|lives|resided|resides)\s+(?:[a-z]+\s+){{0,5}}?in\s+(?P<place>{_PLACE})(?=[,.;]|\s|$)"),
    re.compile(rf"^\s+(?:had\s+)?(?:lived|lives|resided|resides)\s+(?:[a-z]+\s+){{0,5}}?in\s+(?P<place>{_PLACE})(?=[,.;]|\s|$)"),
    re.compile(rf"^,\s+(?:a|an)\s+(?:\d{{1,3}}-year-old\s+)?(?P<place>{_PLACE})\s+resident\b"),
    re.compile(rf"^,\s+(?:a|an)\s+resident\s+of\s+(?P<place>{_PLACE})(?=[,.;]|\s|$)"),
    re.compile(rf"^,?\s+who\s+(?:is|was)\s+from\s+(?P<place>{_PLACE})(?=[,.;]|\s|$)"),
]
_CHARGED = re.compile(r"\b(?:charged|indicted)\s+(?:with|in|on)\s+(?P<list>[^.;:!?\"“”()]{3,200})", re.IGNORECASE)
# Where a list of charges ends: what the charge is for, when, or who says so.
_LIST_END = re.compile(r",?\s+(?:after|for|following|when|because|in\s+connection|in\s+the\s+(?:death|killing|"
                       r"shooting|crash|case)|over|according|police|prosecutors|officials|the\s+(?:nypd|police|da|"
                       r"district\s+attorney)|and\s+(?:was|is|has|had|will|faces|held|remains)|but|which|who|"
                       r"that|said|says|(?<!driving\s)while|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_ACCUSED = re.compile(r"^\s*(?:,\s*\d{1,3},\s*(?:of\s+[^,]+(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?,?\s*)?)?"
                      r"(?:was|is|has\s+been|had\s+been|been|"
                      r"was\s+later|is\s+being)\s+(?:also\s+)?(?:charged|arrested|indicted|booked|convicted|sentenced|"
                      r"tried)\b", re.I)  # fmt: skip
# The thing a distance and a direction locate: the quake (or its epicentre), a building, a fire...
_LOCATED_THINGS = {"quake": "quake", "earthquake": "quake", "tremor": "quake", "temblor": "quake",
                   "epicenter": "quake", "epicentre": "quake", "building": "building", "office": "building",
                   "plant": "plant", "factory": "plant", "fire": "fire", "blaze": "fire", "crash": "crash",
                   "explosion": "explosion", "blast": "explosion", "mine": "mine", "camp": "camp"}  # fmt: skip
_DIRECTION = re.compile(
    r"\b\d[\d.,]*\s*-?\s*(?i:km|kms|kilomet(?:re|er)s?|miles?|mi)\b(?:\s*\([^)]*\))?\s+"
    rf"(?P<dir>(?i:{DIRECTION_WORDS}))\s+of\s+(?:the\s+(?:(?:provincial\s+)?capital|town|city|village|island|port|"
    r"district)(?:\s+of)?\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


def accused_in(text: str, mentions: list[Mention], index: EntityIndex) -> str | None:
    """The one person a source names as charged, indicted or arrested, or None (nobody, or several)."""
    found = {m.entity for m in mentions if m.kind == "person" and m.entity and _is_person(m.entity, index)
             and _ACCUSED.match(text[m.end : m.end + 90])}  # fmt: skip
    return found.pop() if len(found) == 1 else None


def _is_person(entity: str, index: EntityIndex) -> bool:
    return index.entities[entity].kind in (None, "person")


def word_facts_in(source: str, sentence: Span, inside: list[Mention], index: EntityIndex,
                  new: dict[str, ProposedEntity], accused: str | None) -> list[ProposedClaim]:  # fmt: skip
    """The facts in words one sentence states (see the module's docstring)."""
    out: list[ProposedClaim] = []
    out.extend(_colours(source, sentence, inside, index, new))
    out.extend(_homes(source, sentence, inside, index))
    out.extend(_charges(source, sentence, inside, index, accused))
    out.extend(_directions(source, sentence, index, new))
    out.extend(_trials(source, sentence, inside, index, accused))
    out.extend(_owners(source, sentence, index, new))
    return out


def _claim(source: str, sentence: Span, start: int, end: int, entity: str, index: EntityIndex, prop: str,
           value: str, subject_basis: str) -> ProposedClaim:  # fmt: skip
    quote = quote_span(sentence, sentence.start + start, sentence.start + end)
    return proposed_claim(source, quote.text, index.entities[entity].name, entity, prop, value, "text",
                          sentence.start + start, sentence.start + end,
                          basis=Basis(subject_basis, "vocabulary", "exact"))  # fmt: skip


def _thing(description: str, index: EntityIndex, new: dict[str, ProposedEntity], source: str) -> str:
    """A thing a story names only by its noun ("the car", "the quake"): one proposed entity per noun in a project."""
    for entity in index.entities.values():
        if entity.name.casefold() == description.casefold():
            return entity.id
    entity_id = free_id(slug(description), index.entities)
    new[entity_id] = ProposedEntity(entity_id, description, "thing", source)
    index.add(Entity(entity_id, description, (), "thing"))
    return entity_id


def _colours(source: str, sentence: Span, inside: list[Mention], index: EntityIndex,
             new: dict[str, ProposedEntity]) -> list[ProposedClaim]:  # fmt: skip
    text = sentence.text
    out = []
    for m in _COLOURED.finditer(text):
        if _NOT_THIS.search(text[max(0, m.start() - 24) : m.start()]):
            continue  # "another white van", "her black car": not the story's one vehicle, or someone else's
        if m.group("model"):
            if not m.group("model")[:1].isupper() or m.group("colour")[:1].isupper():
                continue  # "Black Friday", "White House": a name, not a colour
            at = sentence.start + m.start("model")
            named = next((x for x in inside if x.start <= at < x.end and x.entity), None)
            entity = named.entity if named is not None and named.entity else None
            if entity is None:
                model = re.sub(r"\s+(?:that|which|who|was|is)$", "", m.group("model"))
                entity = _thing(model, index, new, source)
        else:
            entity = _thing("the " + re.sub(r"\s+", " ", m.group("noun").lower()), index, new, source)
        if index.entities[entity].kind not in (None, "person", "thing", "organisation"):
            continue
        out.append(_claim(source, sentence, m.start("colour"), m.end("colour"), entity, index, COLOUR,
                          m.group("colour"), "clause"))  # fmt: skip
    return out


# A place written before a person's name as the word for where they are from, with a noun of what they are:
# "Rugby firefighter Ian Reid", "Leeds man Tom Hart", "Coventry pensioner Joan Bell" (not a party's or a
# team's word: "Labour councillor", "Chelsea striker" take nouns this list does not have).
_HOME_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<place>[A-Z][a-z]+(?:[- ](?:upon[- ]|on[- ])?[A-Z][a-z]+){0,2})\s+(?:man|woman|boy|girl|teenager|"
    r"teen|pensioner|grandmother|grandfather|grandad|grandma|mother|father|mum|dad|firefighters?|fireman|resident|"
    r"schoolboy|schoolgirl|student|businessman|businesswoman|toddler|cyclist|pedestrian|motorist|driver|"
    r"couple|widow|nurse|soldier)\s+$"
)
_NOT_HOME_BEFORE = {"The", "A", "An", "This", "That", "Another", "Former", "Retired", "Young", "Old", "Local",
                    "Dead", "Missing", "Injured", "Mr", "Mrs", "Ms", "Dr"}  # fmt: skip
# A place written after "from" that is a body's name, not a town ("Steve Wright from Unison", "a lawyer from Acme Ltd").
_BODY_WORDS = re.compile(r"\b(?:Union|Council|Department|Police|Hospital|University|School|College|Inc|Corp|"
                         r"Service|Services|Brigade|Brigades|Trust|Agency|Association|Society|Group|Ltd|Limited|Plc|"
                         r"PLC|Party|Office|Ministry|Commission|Authority|Institute|Foundation|Company|Bank|Club|FC|"
                         r"Church|Court|Station|News|Times|Post|Herald|Mail|Express)\b")  # fmt: skip


def _homes(source: str, sentence: Span, inside: list[Mention], index: EntityIndex) -> list[ProposedClaim]:
    text = sentence.text
    out = []
    for person in inside:
        if person.kind != "person" or not person.entity or index.entities[person.entity].kind not in (None, "person"):
            continue
        home = _home_before(text, person.start - sentence.start, inside, sentence.start)
        if home is not None:
            out.append(_claim(source, sentence, home[0], home[1], person.entity, index, HOME, text[home[0] : home[1]],
                              "clause"))  # fmt: skip
        after = text[person.end - sentence.start :]
        for pattern in _HOME_AFTER:
            m = pattern.match(after)
            if m is None:
                continue
            place = _place_as_written(after, m.start("place"), m.end("place"))
            if place is None:
                break
            start = person.end - sentence.start + m.start("place")
            out.append(_claim(source, sentence, start, start + len(place), person.entity, index, HOME, place, "clause"))
            break
    return out


def _home_before(text: str, at: int, inside: list[Mention], offset: int) -> tuple[int, int] | None:
    """Where a place written before the name at `at` says where the person is from ("Rugby firefighter
    Ian Reid"), or None: a word that is no place ("The", a people's word) or part of another name."""
    window = max(0, at - 60)
    m = _HOME_BEFORE.search(text[window:at])
    place = m.group("place") if m is not None else ""
    if m is None or place in _NOT_HOME_BEFORE or is_demonym(place) or _BODY_WORDS.search(place):
        return None
    start, end = window + m.start("place"), window + m.end("place")
    if any(x.start < offset + end and offset + start < x.end for x in inside):
        return None  # "Warwickshire Fire and Rescue Service officer ...": a body's name, not a town
    return start, end


def _place_as_written(text: str, start: int, end: int) -> str | None:
    """The place a pattern found, with the state written after it ("Schenectady, N.Y."), or None when the
    words are not a place's (a month, a weekday, an organisation's name)."""
    words = text[start:end].rstrip(".,").split()
    while words and words[-1].lower().rstrip(".,") in _NOT_PLACES:
        words.pop()  # "in South Ozone Park Friday": the day is not the place's
    if not words or words[0].lower() in _NOT_PLACES - {"the"}:
        return None
    place = " ".join(words).rstrip(".,")
    if (_BODY_WORDS.search(place) and not re.search(r"\bCollege\s+Point\b", place)) or re.fullmatch(r"[A-Z]{2,}", words[0]):
        return None  # a body ("Thurrock Council", "the BBC"), not a place
    street = re.match(r",\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text[start + len(place) :])
    if street and re.search(r"\b(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Way|Crescent|Place)\.?$", place):
        place = f"{place}, {street.group(1)}"  # "of Newton Street, Millom": the street is in the town
    state = _STATE_AFTER.match(text, start + len(place))
    if state and (place_key(state.group(1)) in US_STATES or is_wide_area(place_key(state.group(1)))):
        return text[start : state.end(1)].rstrip(" ,")
    return place


_NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "the", "police", "he", "she", "they"}  # fmt: skip


def _charges(source: str, sentence: Span, inside: list[Mention], index: EntityIndex,
             accused: str | None) -> list[ProposedClaim]:  # fmt: skip
    text = sentence.text
    out = []
    for m in _CHARGED.finditer(text):
        items = m.group("list")
        end = _LIST_END.search(items)
        items = items[: end.start()] if end else items
        items = re.sub(r"^(?:the|her|his|their|a|an)\s+", "", items.strip(" ,"), flags=re.I).rstrip(" ,")
        # "the murder of his mother and sister": whose death it was is not a charge
        items = re.sub(r"\b(murders?|manslaughter|killings?|homicides?|rape|assault|kidnapping)\s+of\s+(?!(?:a|an)\s+"
                       r"(?:child|minor|officer|police)).*$", r"\1", items, flags=re.I)  # fmt: skip
        read = charge_items(items)
        if not items or not any(kind in _KNOWN_KINDS or kind.startswith("leaving") for kind, _ in read):
            continue  # "charged in a fatal hit-and-run crash": no offence named
        if re.search(r"\b(?:previously|prior|before|earlier|in\s+the\s+past)\b", text[: m.start()], re.I):
            continue  # charges of another time
        before = [x for x in inside if x.kind == "person" and x.entity and x.end <= sentence.start + m.start()
                  and _ACCUSED.match(text[x.end - sentence.start : m.start() + 30])]  # fmt: skip
        entity = before[-1].entity if before else accused
        if entity is None or index.entities[entity].kind not in (None, "person"):
            continue
        start = m.start("list") + m.group("list").find(items)
        out.append(_claim(source, sentence, start, start + len(items), entity, index, CHARGE, items,
                          "clause" if before else "carried"))  # fmt: skip
    return out


_KNOWN_KINDS = {"murder", "manslaughter", "killing", "attempted killing", "assault", "sexual", "theft", "arson", "kidnapping", "fraud",
                "bigamy", "drink-driving"}  # fmt: skip


def _directions(source: str, sentence: Span, index: EntityIndex, new: dict[str, ProposedEntity]) -> list[ProposedClaim]:
    text = sentence.text
    out = []
    for m in _DIRECTION.finditer(text):
        things = [_LOCATED_THINGS[w.lower()] for w in re.findall(r"[A-Za-z]+", text[: m.start()])
                  if w.lower() in _LOCATED_THINGS]  # fmt: skip
        if not things or len(set(things)) > 1:
            continue  # nothing located, or two things: which one lies there is not known
        place = m.group("place")
        if place.lower() in _NOT_PLACES:
            continue
        entity = _thing("the " + things[0], index, new, source)
        out.append(_claim(source, sentence, m.start("dir"), m.end("dir"), entity, index, direction_property(place),
                          m.group("dir"), "sentence"))  # fmt: skip
    return out


# Where a trial is held: the town of the jury ("A San Antonio jury convicted ..."; a grand jury indicts, it does
# not try) or of the court that tries or sentences ("the sentencing at state district court in San Angelo",
# "his trial in St. George"). A hearing is left out: the first hearings of a case are often held elsewhere.
_JURY = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+jury\b(?!\s+selection)")
_TRIED_IN = re.compile(r"\b(?:trial|tried|retried|sentencing|court|courtroom|courthouse)\s+in\s+"
                       r"(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")  # fmt: skip
_TRIAL_WORDS = re.compile(r"\b(?:convict\w*|sentenc\w*|verdict|trial|tried|jury|guilty|acquitt\w*)\b", re.I)


def _trials(source: str, sentence: Span, inside: list[Mention], index: EntityIndex,
            accused: str | None) -> list[ProposedClaim]:  # fmt: skip
    text = sentence.text
    if not _TRIAL_WORDS.search(text) or re.search(r"\bhearings?\b", text, re.I):
        return []
    found = [m for m in (*_JURY.finditer(text), *_TRIED_IN.finditer(text))]
    if not found:
        return []
    places = [(sentence.start + m.start("place"), sentence.start + m.end("place")) for m in found]
    people = [m for m in inside if m.kind == "person" and m.entity and _is_person(m.entity, index)
              and not any(a < m.end and m.start < b for a, b in places)  # "A San Antonio jury": the place
              and not re.search(r"(?i:judge|justice|prosecutor|attorney|lawyer|said|told)\W*$",
                                text[max(0, m.start - sentence.start - 24) : m.start - sentence.start])]  # fmt: skip
    entity = people[0].entity if people else accused
    if entity is None:
        return []
    out = []
    for m in found[:1]:  # one place per sentence: a second is another court's ("moved from X to Y")
        place = _place_as_written(text, m.start("place"), m.end("place"))
        if place is None or place.lower() in ("federal", "state", "county", "district", "superior", "us", "u.s."):
            continue
        out.append(_claim(source, sentence, m.start("place"), m.start("place") + len(place), entity, index, TRIAL,
                          place, "clause" if people else "carried"))  # fmt: skip
    return out


# Who owns a building the story tells of: "the building, owned by the company Bomfords", "a warehouse site owned
# by Wealmoor Atherstone Ltd", "the warehouse's previous owners, Bomfords". One building per project ("the
# building"), as a story about a fire or a collapse has one.
_BUILDINGS = r"building|warehouse|factory|site|premises|plant|mill|depot|works|barn|hall"
_NAME_RUN = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w&'’.-]*){0,4}"
_OWNED_BY = re.compile(rf"\b(?i:{_BUILDINGS})\b[^.;:]{{0,40}}?\bowned\s+by\s+(?P<value>(?:the\s+(?:company|firm|family|"
                       rf"group)\s+)?{_NAME_RUN})")  # fmt: skip
_OWNERS_OF = re.compile(rf"\b(?i:{_BUILDINGS})['’]s\s+(?P<value>(?i:(?:previous|former|old|current|new|present)\s+)?"
                        rf"owners?,\s+{_NAME_RUN})")  # fmt: skip


def _owners(source: str, sentence: Span, index: EntityIndex, new: dict[str, ProposedEntity]) -> list[ProposedClaim]:
    text = sentence.text
    out = []
    for pattern in (_OWNED_BY, _OWNERS_OF):
        for m in pattern.finditer(text):
            value = m.group("value").rstrip(" ,.")
            name = re.sub(r"^.*?,\s+|^(?:the\s+)?(?:company|firm|family|group)\s+", "", value, flags=re.I)
            if not name[:1].isupper() or name.split()[0].lower() in _NOT_PLACES:
                continue
            entity = _thing("the building", index, new, source)
            start = m.start("value")
            out.append(_claim(source, sentence, start, start + len(value), entity, index, OWNER, value, "sentence"))
    return out
