"""Entity resolution: mentions in running text ("Ms Hodges", "the council", "Sally") matched to the
registry's entities by their names and aliases, with rules for titles, surnames, first names and
possessives, and rapidfuzz for the near misses.

A mention that matches only by a rule or approximately is a *new alias*, proposed for review,
never merged silently. A name that matches nothing can become a proposed new entity.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from factcheck.models import Entity
from factcheck.text.demonyms import BODY_OPENERS, is_demonym
from factcheck.text.fold import fold_plain, name_key

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "lord", "lady", "prof",
    "professor", "rev", "baroness", "baron",
}  # fmt: skip
# Words of a title or office written before a name ("Children's Commissioner Malcolm Newsam").
ROLE_WORDS = {
    "commissioner", "director", "chief", "executive", "leader", "minister", "secretary", "mayor",
    "chair", "chairman", "chairwoman", "president", "officer", "head", "manager", "spokesperson",
    "spokesman", "spokeswoman", "inspector", "shadow", "deputy", "assistant", "acting", "interim",
    "labour", "conservative", "liberal", "democrat", "green", "tory", "mp", "mep", "judge", "justice",
    "governor", "ceo", "editor", "member", "portfolio", "holder", "children's", "senior", "former",
    "superintendent", "constable", "sergeant", "detective", "councillor", "cllr", "advocate", "coroner",
    "professor", "doctor", "nurse", "general", "lead", "principal", "headteacher", "cabinet",
}  # fmt: skip
# Head nouns of an organisation, each with the class it is compared by: "the authority" and
# "the council" are the same kind of body; "department" and "service" another.
ORG_HEADS = {
    "council": "council", "authority": "council", "county": "council", "borough": "council",
    "department": "department", "service": "department", "services": "department",
    "directorate": "department", "division": "department", "team": "department",
    "trust": "trust", "government": "government", "ministry": "government", "whitehall": "government",
    "union": "union", "branch": "union", "company": "company", "firm": "company",
    "committee": "board", "board": "board", "panel": "board", "cabinet": "board",
    "inspectorate": "regulator", "regulator": "regulator", "watchdog": "regulator",
    "police": "police", "force": "police", "hospital": "hospital", "school": "school",
    "university": "university", "college": "college", "charity": "charity", "agency": "agency",
    "unitaries": "council", "unitary": "council", "commission": "board", "office": "department",
    "fund": "fund", "bank": "company", "corporation": "company", "survey": "agency", "organisation": "agency",
    "organization": "agency", "association": "charity", "court": "court", "army": "military",
    "military": "military", "parliament": "board", "institute": "university", "forces": "military",
}  # fmt: skip
# Words that make a capitalised name a place ("Indian Ocean", "Jabaliya Camp", "Stadiou Street").
PLACE_WORDS = {
    "ocean", "sea", "island", "islands", "province", "city", "street", "avenue", "road", "square", "mountain",
    "mount", "river", "lake", "bay", "valley", "camp", "district", "region", "strip", "gulf", "coast",
    "peninsula", "airport", "park", "lane", "village", "town", "state", "republic", "kingdom", "east", "west",
    "north", "south", "central",
}  # fmt: skip
# Words that make a capitalised name a news outlet ("Sky News", "The Age", "Press TV"): who reports, not
# what is reported on.
OUTLET_WORDS = {
    "news", "times", "post", "press", "radio", "tv", "television", "herald", "telegraph", "mail", "guardian",
    "independent", "reuters", "afp", "bbc", "cnn", "itv", "gazette", "journal", "tribune", "chronicle",
    "observer", "echo", "inquirer", "express", "daily", "online", "network", "agency's", "bloomberg",
}  # fmt: skip
_PLACE_BEFORE = re.compile(r"(?:in|at|near|across|off|into|outside|inside|from|to|towards|around)\s+$")
STOP = {
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", "but", "as",
    "is", "was", "are", "were", "be", "been", "has", "had", "have", "it", "which", "who", "whose",
    "new", "whole", "entire", "same", "other", "own", "failing", "local", "national", "two", "one",
    "all", "both", "each", "every", "any", "some", "no", "not", "only", "also", "into", "said", "says",
}  # fmt: skip
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their"}
_APOS = "'’"
_CAP_WORD = r"[A-Z][a-zA-Z" + _APOS + r"-]+"
# A middle initial inside a name ("Walter F. Bugden", "Raj K. Chohan"): followed by the rest of the name, not
# by a new sentence ("Plan B. The council ...").
_INITIAL = (r"[A-Z]\.(?=[ \t]+(?!(?:The|A|An|In|On|At|It|He|She|They|We|This|That|But|And|As|By|For|If|When|While"
            r"|After|Before|His|Her|Their|Its|There|So|Then)\b)[A-Z][a-z])")
_NAME = re.compile(
    rf"\b(?:(?P<title>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Prof|Professor|Rev|Baroness)\.?)[ \t]+)?"
    rf"(?P<name>{_CAP_WORD}(?:[ \t]+(?:{_CAP_WORD}|{_INITIAL}))*(?:[ \t]+(?:of|for|de|van|von|le|la)[ \t]+{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*)?)"
    rf"(?=[\s,.;:!?)\]{_APOS}\"”]|$)"
)
_HEADS = "|".join(sorted(ORG_HEADS, key=len, reverse=True))
_ORG = re.compile(
    rf"(?<![\w{_APOS}])(?P<mods>(?:[\w{_APOS}-]+[ \t]+){{0,3}}?)(?P<head>(?:{_HEADS})(?:\s+(?:{_HEADS}))*)\b",
    re.IGNORECASE,
)
FUZZY_MATCH = 88.0


@dataclass(frozen=True)
class Mention:
    """A name or an organisation as written in a text, and what it resolved to."""

    start: int
    end: int
    text: str
    kind: str  # "person" | "organisation"
    entity: str | None = None  # entity id, known or proposed
    score: float = 0.0  # 100 for an exact name or alias
    new_alias: bool = False  # matched only by a rule or approximately: propose the alias


def org_key(text: str) -> frozenset[str]:
    """What an organisation's name is compared by: its distinctive words and its head's class."""
    words = [w.strip(_APOS + "-").lower() for w in fold_plain(text).split()]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    key = set()
    for w in words:
        if not w or w in STOP:
            continue
        key.add(f"<{ORG_HEADS[w]}>" if w in ORG_HEADS else w)
    return frozenset(key)


def strip_title(text: str) -> str:
    words = fold_plain(text).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    name = " ".join(words)
    return re.sub(r"'s?$", "", name)


class EntityIndex:
    """The known entities, looked up by any name or alias, by rule, or approximately."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self._names: dict[str, str] = {}
        self._choices: dict[str, str] = {}  # folded name → entity id, for rapidfuzz
        self._single: dict[str, str] | None = None  # single_names, worked out once
        self._resolved: dict[tuple[str, str], tuple[str | None, float, bool]] = {}
        self._lookup: _NameLookup | None = None  # names and organisation keys, worked out once
        self._mentions: dict[str, list[Mention]] = {}  # find_mentions by text, while no entity is added
        # what other layers work out of a claim under these entities (pairing's features), while no
        # entity is added: checking the files and finding the pairs ask for the same claims
        self.derived: dict[tuple[str, int, bool], tuple[object, object, object]] = {}
        self._people: dict[str, list[str]] = {}  # each person's (or entity of no kind's) name words, casefolded
        for e in entities:
            self.add(e)

    def add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        self._single = None
        self._resolved = {}
        self._lookup = None
        self._mentions = {}
        self.derived = {}
        self._people.pop(entity.id, None)
        if entity.kind in (None, "person"):
            self._people[entity.id] = _name_words(entity)
        for name in (entity.id, entity.name, *entity.aliases):
            self._names.setdefault(name_key(name), entity.id)
            self._choices.setdefault(name_key(strip_title(name)), entity.id)

    def single_names(self) -> dict[str, str]:
        """First names and surnames that point to exactly one known person."""
        if self._single is None:
            self._single = self._work_out_single_names()
        return self._single

    def _work_out_single_names(self) -> dict[str, str]:
        owners: dict[str, set[str]] = {}
        for e in self.entities.values():
            if e.kind not in (None, "person"):
                continue
            words = strip_title(e.name).split()
            if len(words) < 2:
                continue
            for w in (words[0], words[-1]):
                bare = w.lower()
                if bare in ROLE_WORDS or bare in STOP or bare in _SENTENCE_WORDS or bare in ORG_HEADS or is_demonym(bare):
                    continue  # "Israeli" in "Israeli President ...": a people, never one person
                if len(w) > 2 and w[:1].isupper():
                    owners.setdefault(w, set()).add(e.id)
        return {w: ids.pop() for w, ids in owners.items() if len(ids) == 1}

    def resolve(self, text: str, kind: str) -> tuple[str | None, float, bool]:
        """(entity id, score, new alias?) for a mention; (None, 0, False) when nothing fits.
        Remembered until the next add: the same names come up in quote after quote."""
        known = self._resolved.get((text, kind))
        if known is None:
            known = self._resolved[(text, kind)] = self._resolve(text, kind)
        return known

    def _resolve(self, text: str, kind: str) -> tuple[str | None, float, bool]:
        exact = self._names.get(name_key(text))
        if exact:
            return exact, 100.0, False
        bare = strip_title(text)
        found = self._names.get(name_key(bare))
        if found:
            return found, 95.0, True
        if kind == "person":
            return self._resolve_person(bare)
        return self._resolve_org(text)

    def _resolve_person(self, bare: str) -> tuple[str | None, float, bool]:
        words = bare.split()
        people = self._people
        if len(words) == 1:
            w = words[0].casefold()
            if is_demonym(w):
                return None, 0.0, False
            hits = {i for i, known in people.items() if known and w in (known[0], known[-1])}
            if len(hits) == 1:
                return hits.pop(), 90.0, True
            return None, 0.0, False
        # "Raj K. Chohan" and "Raj Chohan", "Mark Jay Heller" and "Mark Heller": a middle name or initial comes
        # and goes; the first name and the surname say who it is, when only one person has both
        ends = (words[0].casefold(), words[-1].casefold())
        same_ends = {i for i, known in people.items() if len(known) >= 2 and (known[0], known[-1]) == ends
                     and (len(words) > 2 or len(known) > 2)}  # fmt: skip
        if len(same_ends) == 1:
            return same_ends.pop(), 92.0, True
        best = process.extractOne(name_key(bare), list(self._choices), scorer=fuzz.token_sort_ratio)
        if best and best[1] >= FUZZY_MATCH:
            entity_id = self._choices[best[0]]
            if self.entities[entity_id].kind in (None, "person"):
                return entity_id, float(best[1]), True
        return None, 0.0, False

    def lookup(self) -> _NameLookup:
        if self._lookup is None:
            self._lookup = _NameLookup(self.entities.values())
        return self._lookup

    def _resolve_org(self, text: str) -> tuple[str | None, float, bool]:
        key = org_key(text)
        if not key:
            return None, 0.0, False
        heads = {k for k in key if k.startswith("<")}
        hits: set[str] = set()
        for entity_id, other, distinctive in self.lookup().org_keys:
            if heads and heads <= other and (key <= other or (distinctive and other <= key)):
                hits.add(entity_id)
        if len(hits) == 1:
            return hits.pop(), 85.0, True
        return None, 0.0, False


class _NameLookup:
    """An index's names prepared for finding them in many quotes: each name under the first word
    it has (a name can only be in a text that has that word), and each organisation's key."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.names: list[tuple[str, Entity]] = []
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []  # names without an ASCII first word: always tried
        self.org_keys: list[tuple[str, frozenset[str], bool]] = []
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                if entity.kind != "person":
                    key = org_key(name)
                    self.org_keys.append((entity.id, key, any(not k.startswith("<") for k in key)))
                if len(name) < 3:
                    continue
                n = len(self.names)
                self.names.append((name, entity))
                first = _WORD.search(name.lower())
                if first and first.group().isascii():
                    self.by_word.setdefault(first.group(), []).append(n)
                else:
                    self.always.append(n)

    def candidates(self, lowered: str) -> list[tuple[str, Entity]]:
        """The names that may be in a text (given in lower case), in the order they were declared."""
        found = set(self.always)
        for word in set(_WORD.findall(lowered)):
            found.update(self.by_word.get(word, ()))
        return [self.names[n] for n in sorted(found)]


_WORD = re.compile(r"\w+")


def _name_words(entity: Entity) -> list[str]:
    return [w.casefold() for w in strip_title(entity.name).split()]


def find_mentions(text: str, index: EntityIndex) -> list[Mention]:
    """Every person or organisation named in text, resolved against the index where possible.
    Overlapping candidates keep the longest. Kept per text until an entity is added: pairing and
    extract ask again for the same quotes and sources."""
    known = index._mentions.get(text)
    if known is None:
        known = index._mentions[text] = _find_mentions(text, index)
    return list(known)


def _find_mentions(text: str, index: EntityIndex) -> list[Mention]:
    found = [_resolved(mention, index) for mention in _names_in(text)]
    lowered = text.lower()
    for word, entity_id in index.single_names().items():  # "Sally", "Hodges" for a known person
        if word not in text:
            continue  # a quick test first: with thousands of entities, most are not in a quote
        for at in standing_alone(text, word, before=_APOS + "-", after="-"):
            found.append(Mention(at, at + len(word), word, "person", entity_id, 90.0, True))
    for name, entity in index.lookup().candidates(lowered):  # known aliases in lower case too: "the trust"
        flags = 0 if entity.kind == "person" else re.IGNORECASE  # "early years" is not a name
        if name.isascii() and (name not in text if flags == 0 else name.lower() not in lowered):
            continue  # the quick test (exact for ASCII names)
        hits = (((at, at + len(name)) for at in standing_alone(text, name)) if flags == 0 and name
                else (hit.span() for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags)))  # fmt: skip
        for start, end in hits:
            found.append(Mention(start, end, text[start:end], entity.kind or "organisation", entity.id, 100.0, False))
    found.sort(key=lambda x: (-(x.end - x.start), -(x.entity is not None), x.start))
    chosen: list[Mention] = []
    for mention in found:
        if not any(mention.start < c.end and c.start < mention.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda x: x.start)


def standing_alone(text: str, word: str, before: str = "", after: str = "") -> Iterator[int]:
    r"""Where `word` (not empty) is written in text as a word of its own, left to right and not
    overlapping, as a search for it between `(?<![\w...])` and `(?![\w...])` finds it: no letter,
    digit or underscore (nor a character of `before`) just before it, none (nor one of `after`) just
    after. A search by str.find, without a pattern to compile for each name."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        prev = text[at - 1 : at]
        nxt = text[end : end + 1]
        if not (prev and (prev.isalnum() or prev == "_" or prev in before)) and not (
            nxt and (nxt.isalnum() or nxt == "_" or nxt in after)
        ):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


@functools.lru_cache(maxsize=256)
def _names_in(text: str) -> tuple[Mention, ...]:
    """The capitalised names and the organisations written in text, not yet resolved: they do not
    depend on the index, so extract, which resolves one source's names again after each new entity,
    reads the text for them once."""
    found: list[Mention] = []
    for m in _NAME.finditer(text):
        mention = _person_mention(text, m)
        if mention is not None:
            found.append(mention)
    for m in _ORG.finditer(text):
        start = m.start("mods") + _leading_stop(m.group("mods"))
        mention = Mention(start, m.end(), text[start : m.end()], "organisation")
        if org_key(mention.text):
            found.append(mention)
    return tuple(found)


_SCALE = {"million", "billion", "thousand", "m", "bn", "k", "per", "cent", "pounds", "dollars", "euros"}


# Words before a body's noun that are no part of its name: "fleeing in minutes before police could respond".
_NOT_MODIFIERS = {"before", "after", "off", "told", "tells", "than", "until", "since", "while", "when", "where",
                  "minutes", "hours", "days", "weeks", "could", "would", "will", "can", "then", "so"}  # fmt: skip


def _leading_stop(mods: str) -> int:
    """Characters of leading function words and verbs to drop from an organisation's modifiers."""
    offset = 0
    kept = 0
    words = re.findall(r"\S+\s+", mods)
    for i, word in enumerate(words):
        bare = word.strip().strip(_APOS).lower()
        if (
            bare in STOP
            or bare in _NOT_MODIFIERS
            or (word[:1].islower() and any(w[:1].isupper() for w in words[i + 1 :]))  # "told Maidstone Crown Court"
            or bare.endswith(("ed", "ing", "ly"))
            or bare in _SCALE
            or any(c.isdigit() for c in bare)
            or not re.match(r"[\w']+$", bare.replace("’", "'"))
        ):
            offset += len(word) + kept
            kept = 0
        else:
            kept += len(word)
    return offset


def _person_mention(text: str, m: re.Match[str]) -> Mention | None:
    title = m.group("title")
    words = m.group("name").split()
    start = m.start("name")
    if len(words) > 2 and words[0].endswith(("'s", "’s")) and words[0][:-2].lower() not in ROLE_WORDS:
        start = text.index(words[1], start + len(words[0]))  # "Intel's Jason Waxman": the owner is not his name
        words = words[1:]
    # A title written before a name is not part of it, however many words it has: "Israeli President
    # Shimon Peres", "UN Secretary General Ban Ki-moon", "Prime Minister Ehud Olmert" (up to its last role
    # word, when a full name is left); a people's word before a name is no part of it either.
    last_role = max((i for i, w in enumerate(words[:-2]) if _is_role_word(w)), default=-1)
    if last_role >= 0:
        for w in words[: last_role + 1]:
            start = text.index(w, start) + len(w)
        start = text.index(words[last_role + 1], start)
        words = words[last_role + 1 :]
    while len(words) > 2 and is_demonym(words[0]):
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    while len(words) > 1 and words[0].lower().rstrip(_APOS + "s") in ROLE_WORDS | {"children"}:
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    while len(words) > 2 and words[-1].lower().rstrip(_APOS + "s") in ROLE_WORDS | {"children"}:
        words = words[:-1]  # "Anne Longfield Children's Commissioner": the title follows the name
    if any(w.lower() in ORG_HEADS for w in words) or any(w.lower() in _CALENDAR for w in words):
        return None  # "Northamptonshire County Council" is an organisation, found by _ORG
    if any(w.isupper() and w.lower().strip(".") in _CLOCK for w in words):
        return None  # "11:00 AM EDT", "10:33 AM PT": a time stamp's words, nobody's name
    if title:
        start = m.start()
    elif len(words) < 2 or words[0].lower() in ROLE_WORDS | STOP | _SENTENCE_WORDS | _CALENDAR:
        return None
    lowered = {w.lower().strip(_APOS) for w in words}
    kind = "person"
    if not title and lowered & OUTLET_WORDS:
        kind = "outlet"
    elif not title and (is_demonym(words[0]) or words[0].lower() in BODY_OPENERS):
        kind = "organisation"  # "Islamic Jihad", "United Nations", "British Airways": a body, not a person
    elif not title and (lowered & PLACE_WORDS or _PLACE_BEFORE.search(text[max(0, start - 12) : start])):
        kind = "place"  # "the Indian Ocean", "in Bener Meriah": people are not written "in" somewhere
    end = start + len(text[start:].split(words[-1], 1)[0]) + len(words[-1])
    name = text[start:end]
    if name.endswith(("'s", "’s")):
        end -= 2
        name = name[:-2]
    elif name.endswith(("'", "’")):
        end -= 1
        name = name[:-1]
    return Mention(start, end, name, kind)


def _is_role_word(word: str) -> bool:
    """A word of a title: "President", "Minister", "Brigadier-General" (by its last part)."""
    low = word.lower().rstrip(_APOS + "s")
    return low in ROLE_WORDS or word.lower() in ROLE_WORDS or low.rsplit("-", 1)[-1] in ROLE_WORDS


_SENTENCE_WORDS = {
    "this", "that", "there", "these", "those", "it", "in", "on", "at", "but", "and", "if", "when",
    "while", "after", "before", "unions", "latest", "our", "we", "they", "he", "she", "more", "sign",
    "register", "by", "as", "for", "from", "with", "so", "just", "some", "many", "all", "updated",
    "last", "next", "published", "posted", "read", "see", "photo", "image", "credit", "dear", "recent",
}  # fmt: skip
# Written in capitals after a time of day: the half of the day and the time zone.
_CLOCK = {
    "am", "pm", "a.m", "p.m", "et", "pt", "ct", "mt", "edt", "est", "pdt", "pst", "cdt", "cst", "mdt", "mst",
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "ist", "aest", "aedt", "jst", "hkt", "sgt", "wib",
}  # fmt: skip
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def _resolved(mention: Mention, index: EntityIndex) -> Mention:
    entity, score, new_alias = index.resolve(mention.text, mention.kind)
    if entity is None:
        return mention
    return Mention(mention.start, mention.end, mention.text, mention.kind, entity, score, new_alias)


def slug(text: str) -> str:
    """An entity id from a name: 'Malcolm Newsam' → 'malcolm-newsam'."""
    words = re.findall(r"[a-z0-9]+", fold_plain(strip_title(text)).casefold().replace("'s", "s"))
    words = [w for w in words if w not in ("the", "a", "an")] or ["entity"]
    return "-".join(words)[:60]
