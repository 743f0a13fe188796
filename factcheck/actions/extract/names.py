"""Names spelled two ways across a project's sources: proposed as `name` claims, so verify compares them.

Every person a project's sources name is gathered with each spelling it is written in: full names,
the names extract resolved to them (by surname, first name, or a near spelling), and bare words written
where a person stands ("Lu said", "his sister Mahnefeh", "Mr Wolff") that name nobody else but are one
letter from a name the project knows. Initials joined by "&" and acronyms are gathered the same way
("C&G", "G&C"). A spelling that is a respelling of the one most sources use (text/names.py: a letter
changed, a particle dropped, initials swapped) is proposed as a `name` claim where it is written, and
the usual spelling beside it: in the same source when it has it, else in the first source that does.
Spellings that are the same name (titles, suffixes, the surname alone, spacing, transliteration) propose
nothing, so the registry holds name claims only where there is something to look at.

Two full names that differ by a letter in one source are two people ("John Smith and Joan Smith"), not
one misspelled: a writer who spells both out means both.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from factcheck.actions.extract.subjects import proposed_claim
from factcheck.models import Entity, Source
from factcheck.registry.load import free_id
from factcheck.results import Basis, ProposedClaim, ProposedEntity
from factcheck.text.demonyms import is_demonym
from factcheck.text.entities import STOP, EntityIndex, Mention, find_mentions, slug, standing_alone
from factcheck.text.names import NAME_PROPERTY, compare_names, name_words, word_change
from factcheck.text.sentences import quote_span, sentences


@dataclass(frozen=True)
class Spelling:
    """One place a source writes an entity's name."""

    entity: str
    source: str
    text: str  # as written
    start: int
    end: int
    full: bool  # two words or more (a full name), not a surname or a first name alone

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(w.casefold() for w in name_words(self.text))


# Where a lone capitalised word stands for a person: the one who speaks, a relative or a spokesperson
# named by first name or surname, or a title.
_RELATIONS = (r"sister|brother|mother|father|son|daughter|wife|husband|cousin|uncle|aunt|niece|nephew|"
              r"grandmother|grandfather|grandson|granddaughter|girlfriend|boyfriend|fiancee?|widow|widower|"
              r"spokeswoman|spokesman|spokesperson|colleague|friend|partner|lawyer|attorney")  # fmt: skip
_PERSON_BEFORE = re.compile(rf"(?:\b(?:{_RELATIONS}),?|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?|\bsaid|\baccording to)\s+$",
                            re.IGNORECASE)  # fmt: skip
_SPEAKS_AFTER = re.compile(
    r"^,?\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|insisted|insists|explained|noted|"
    r"argued|stressed|asked|replied|wrote|recalled|warned|admitted|lived|lives|worked|works)\b"
)
# A lone name word, hyphenated surnames whole ("Yates-Badley", "Lloyd-Webber").
_WORD = re.compile(r"(?<![\w'’&.-])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+(?:[A-Z][a-z]+)?)*(?![\w&-])")
_INITIALS = re.compile(r"(?<![\w&])(?:[A-Z](?:&[A-Z])+|[A-Z]{3,5})(?![\w&])")


def name_claims(
    targets: list[str], sources: dict[str, Source], index: EntityIndex, new: dict[str, ProposedEntity]
) -> list[ProposedClaim]:
    """`name` claims for every entity the targets spell two ways (see the module's docstring)."""
    spellings: list[Spelling] = []
    mentions = {name: find_mentions(sources[name].text, index) for name in targets}
    for name in targets:
        spellings.extend(_spellings(name, sources[name].text, mentions[name], index))
    spellings = [s for s in spellings if index.entities[s.entity].kind in (None, "person")]
    spellings.extend(_initials(targets, sources, index, new))
    by_entity: dict[str, list[Spelling]] = defaultdict(list)
    for s in spellings:
        by_entity[s.entity].append(s)
    out: list[ProposedClaim] = []
    for entity_id, found in by_entity.items():
        out.extend(_claims_for(entity_id, found, index, sources))
    return out


def _spellings(source: str, text: str, mentions: list[Mention], index: EntityIndex) -> list[Spelling]:
    found = [
        Spelling(m.entity, source, m.text, m.start, m.end, len(name_words(m.text)) > 1)
        for m in mentions
        if m.entity and m.kind == "person" and index.entities[m.entity].kind in (None, "person")
    ]
    return found + _bare_references(source, text, mentions, index)


def _bare_references(source: str, text: str, mentions: list[Mention], index: EntityIndex) -> list[Spelling]:
    """Lone capitalised words written where a person stands that name no one the project knows but
    are a near spelling of one known name ("Lu said" beside "Lisa Su", "his sister Mahnefeh")."""
    people = [e for e in index.entities.values() if e.kind in (None, "person")]
    words: dict[str, set[str]] = defaultdict(set)  # a name word, folded → the people who have it
    for e in people:
        ws = name_words(e.name)
        if len(ws) >= 2:
            for w in (ws[0], ws[-1]):
                if not is_demonym(w):
                    words[w.casefold()].add(e.id)
    known = {w for e in index.entities.values() for n in (e.name, *e.aliases) for w in name_words(n)}
    known_folded = {w.casefold() for w in known}
    here = Counter(m.entity for m in mentions if m.entity)
    out: list[Spelling] = []
    for hit in _WORD.finditer(text):
        word = hit.group()
        low = word.casefold()
        if low in known_folded or low in STOP or any(m.start <= hit.start() < m.end and (m.entity or len(
                name_words(m.text)) > 1) for m in mentions):  # fmt: skip
            continue  # part of a name that says who it is ("Mr Wolff" alone is a title and a word: looked at)
        if re.match(r"[ \t]+(?:[A-Z]\.|[A-Z][a-z])", text[hit.end() : hit.end() + 4]):
            continue  # "attorney Walter F. Bugden": the first word of a longer name, not a lone one
        speaks = bool(_SPEAKS_AFTER.match(text[hit.end() : hit.end() + 30]))
        if not speaks and not _PERSON_BEFORE.search(text[max(0, hit.start() - 25) : hit.start()]):
            continue
        if next(standing_alone(text, low, before="'’-", after="-"), None) is not None:
            continue  # the word is also written in lower case: a word, not a name
        near = [w for w in words if word_change(w, low) is not None]
        if len({w for w in near}) != 1:
            continue  # near no name, or near two: nothing to say which
        owners = words[near[0]]
        if len(near[0]) <= 3 and not (speaks and owners & set(here)):
            continue  # a short name one letter off: only for one who speaks, in a piece naming that person
        entity = max(sorted(owners), key=lambda e: here.get(e, 0))
        out.append(Spelling(entity, source, word, hit.start(), hit.end(), False))
    return out


def _initials(targets: list[str], sources: dict[str, Source], index: EntityIndex,
              new: dict[str, ProposedEntity]) -> list[Spelling]:  # fmt: skip
    """Initials and acronyms written with the same letters in another order across the targets
    ("C&G", "G&C"), under the organisation named by the usual spelling (proposed when none is)."""
    hits: dict[str, list[tuple[str, re.Match[str]]]] = defaultdict(list)
    for name in targets:
        for m in _INITIALS.finditer(sources[name].text):
            hits[m.group()].append((name, m))
    letters: dict[str, list[str]] = defaultdict(list)
    for written in hits:
        letters["".join(sorted(written.replace("&", "")))].append(written)
    out: list[Spelling] = []
    for forms in letters.values():
        if len(forms) < 2:
            continue
        forms.sort(key=lambda f: (-len({n for n, _ in hits[f]}), min(targets.index(n) for n, _ in hits[f])))
        entity_id = _organisation_for(forms[0], [n for n, _ in hits[forms[0]]][0], index, new)
        for form in forms:
            out.extend(Spelling(entity_id, n, form, m.start(), m.end(), True) for n, m in hits[form])
    return out


def _organisation_for(written: str, source: str, index: EntityIndex, new: dict[str, ProposedEntity]) -> str:
    for e in index.entities.values():
        if written in re.findall(r"[\w&]+", e.name) or written in e.aliases:
            return e.id
    entity_id = free_id(slug(written.replace("&", " and ")), index.entities)
    new[entity_id] = ProposedEntity(entity_id, written, "organisation", source)
    index.add(Entity(entity_id, written, (), "organisation"))
    return entity_id


def _claims_for(entity_id: str, found: list[Spelling], index: EntityIndex,
                sources: dict[str, Source]) -> list[ProposedClaim]:  # fmt: skip
    forms: dict[tuple[str, ...], list[Spelling]] = defaultdict(list)
    for s in found:
        if s.key:
            forms[s.key].append(s)
    if len(forms) < 2:
        return []
    order = {s.source: i for i, s in enumerate(found)}

    def weight(key: tuple[str, ...]) -> tuple[int, int, int]:
        spelled = forms[key]
        return (-len({s.source for s in spelled}), -max(s.full for s in spelled), min(order[s.source] for s in spelled))

    usual = min(forms, key=weight)
    usual_text = forms[usual][0].text
    variants: list[Spelling] = []
    for key, spelled in forms.items():
        if key == usual or compare_names(usual_text, spelled[0].text)[0] != "respelled":
            continue
        apart = {s.source for s in spelled if s.full} & {s.source for s in found
                                                        if s.full and compare_names(usual_text, s.text)[0] == "same"}
        variants.extend(s for s in spelled if s.source not in apart)  # two full names in one piece: two people
    if not variants:
        return []
    same = [s for s in found if compare_names(usual_text, s.text)[0] == "same"]
    chosen: dict[tuple[str, tuple[str, ...]], Spelling] = {}
    for s in variants:
        chosen.setdefault((s.source, s.key), s)
        beside = [u for u in same if u.source == s.source]
        if beside:  # the name in full where the piece gives it, in its running text rather than a headline
            u = min(beside, key=lambda u: (not u.full, not _in_prose(sources[u.source].text, u.start), u.start))
            chosen.setdefault((u.source, usual), u)
    if not any(u not in variants for u in chosen.values()) and same:
        first = min(same, key=lambda u: (not u.full, order[u.source], not _in_prose(sources[u.source].text, u.start),
                                         u.start))  # fmt: skip
        chosen.setdefault((first.source, usual), first)
    name = index.entities[entity_id].name
    out = []
    for s in chosen.values():
        text = sources[s.source].text
        sentence = next((x for x in sentences(text) if x.start <= s.start < x.end), None)
        if sentence is None:
            continue
        quote = quote_span(sentence, s.start, s.end)
        out.append(proposed_claim(s.source, quote.text, name, entity_id, NAME_PROPERTY, s.text, "text", s.start, s.end,
                                  basis=Basis("clause", "fixed", "exact")))  # fmt: skip
    return out


def _in_prose(text: str, at: int) -> bool:
    """Whether the line at `at` is running text (it ends a sentence), not a headline or a caption."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)].rstrip()
    return line.endswith((".", "!", "?", '"', "”", "'", "’"))
