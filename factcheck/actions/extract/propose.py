"""Proposing claims for sources: which sources, their manifest entries, new people, and the claims of each sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from factcheck.actions.extract.names import name_claims
from factcheck.actions.extract.noise import (
    furniture,
    in_bare_list,
    in_breakdown,
    in_fixed_compound,
    in_quotation,
    in_tally,
    is_code,
    is_conversion,
    is_game_clock,
    is_numbered_name,
    is_time_of_day,
    none_counted,
    rank_of,
    superseded,
)
from factcheck.actions.extract.roles import roles_in
from factcheck.actions.extract.statements import quotations_in, statements_in
from factcheck.actions.extract.subjects import entity_for, is_placed, main_subject, proposed_claim, subject_of
from factcheck.actions.extract.wordfacts import accused_in, word_facts_in
from factcheck.errors import ProjectError
from factcheck.models import Claim, DateRange, Entity, Source
from factcheck.normalize import parse
from factcheck.normalize.claims import normalize_claim
from factcheck.normalize.publication import infer_publication
from factcheck.normalize.values import DateValue, Duration, Quantity, TimeValue, Value
from factcheck.project import Project
from factcheck.registry.load import Registry, free_id, load_registry
from factcheck.results import Basis, Extraction, ProposedAlias, ProposedClaim, ProposedEntity, ProposedSource
from factcheck.sources.load import load_manifest, load_sources
from factcheck.text.entities import (
    EntityIndex,
    Mention,
    find_mentions,
    org_key,
    slug,
    strip_title,
)
from factcheck.text.fold import fold_plain
from factcheck.text.sentences import Span, clauses, quote_span, sentences
from factcheck.text.vocabulary import (
    DATE_EVENTS,
    PROPERTY_NAMES,
    SORT_NOUNS,
    counted_noun,
    deal_price,
    guess_property,
    measure,
    rounds_counted,
    terms,
)


def extract(
    root: str | Path | Project = ".",
    paths: Iterable[str] = (),
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> Extraction:
    """Propose claims for the given sources (default: every source without claims) and, unless
    dry_run, write them into the registry under the project's write lock."""
    from factcheck.actions.extract.write import write_extraction  # ruamel.yaml, only when writing

    project = Project.at(root)
    result = propose(project, paths, today=today, progress=progress)
    if dry_run or result.empty:
        return result
    return replace(result, written=write_extraction(project.root, result))


def propose(
    root: str | Path | Project = ".",
    paths: Iterable[str] = (),
    *,
    today: dt.date | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> Extraction:
    """What extract would add, without writing anything."""
    project = Project.at(root)
    root = project.root
    sources = load_sources(root, project.settings)
    by_name = {s.name: s for s in sources}
    registry = load_registry(root, set(by_name), project.settings)
    listed = load_manifest(project.seeds, root)
    targets = _targets(root, list(paths), sources, registry)
    manifest = tuple(_propose_source(by_name[name], today) for name in targets if name not in listed)
    published = {m.file: m.published for m in manifest}
    index = EntityIndex(registry.entities)
    new_entities = _new_people(targets, by_name, index)
    claims: list[ProposedClaim] = []
    aliases: dict[tuple[str, str], ProposedAlias] = {}
    seen_entities: dict[str, int] = {}
    for name in targets:
        if progress:
            progress(name, len(targets))
        source = by_name[name]
        ref = source.published or published.get(name)
        mentions = find_mentions(source.text, index)
        seen_entities[name] = len(index.entities)
        _collect_aliases(mentions, index, name, aliases)
        claims.extend(_claims_in(source, ref, mentions, index, new_entities))
    for name in targets:  # organisations first named in a later source: their short forms in earlier ones
        if seen_entities[name] < len(index.entities):
            _collect_aliases(find_mentions(by_name[name].text, index), index, name, aliases)
    claims.extend(name_claims(targets, by_name, index, new_entities))  # one person's name spelled two ways
    kept, already = _drop_known(claims, registry, by_name)
    used = {c.entity for c in kept}
    entities = tuple(e for e in new_entities.values() if e.id in used)
    known_aliases = {
        fold_plain(a).casefold() for e in registry.entities for a in (e.name, *e.aliases, *e.proposed_aliases)
    }
    alias_list = tuple(
        a for a in aliases.values()
        if a.entity in index.entities and fold_plain(a.alias).casefold() not in known_aliases
        and fold_plain(a.alias).casefold() != fold_plain(index.entities[a.entity].name).casefold()
        and (a.entity not in new_entities or a.entity in used)
    )  # fmt: skip
    return Extraction(tuple(targets), tuple(kept), entities, alias_list, manifest, already)


def _targets(root: Path, paths: list[str], sources: tuple[Source, ...], registry: Registry) -> list[str]:
    names = {s.name for s in sources}
    if not paths:
        with_claims = {c.source for c in registry.claims}
        return [s.name for s in sources if s.name not in with_claims]
    out: list[str] = []
    for raw in paths:
        name = Path(raw).name
        candidate = (root / raw) if not Path(raw).is_absolute() else Path(raw)
        if name not in names or (candidate.exists() and candidate.resolve().parent != (root / "seeds").resolve()
                                 and Path(raw).parent != Path(".")):  # fmt: skip
            raise ProjectError(f"'{raw}' is not a source in seeds/", path=raw,
                               hint="copy the file into seeds/ first, then run extract on its name")  # fmt: skip
        if name not in out:
            out.append(name)
    return out


def _propose_source(source: Source, today: dt.date | None) -> ProposedSource:
    pub = infer_publication(source.text, today)
    title = next((line.strip() for line in source.text.splitlines() if line.strip()), source.name)
    if len(title) > 150 or title.endswith("."):
        title = " ".join(title.split()[:12]) + "…"
    return ProposedSource(source.name, title, pub.published, pub.evidence)


def _new_people(targets: list[str], by_name: dict[str, Source], index: EntityIndex) -> dict[str, ProposedEntity]:
    """Full names that match no entity become proposed entities, before any short form is resolved,
    so "Malcolm Newsam" in one source and "Mr Newsam" in another land on one new entity."""
    new: dict[str, ProposedEntity] = {}
    for name in targets:
        text = by_name[name].text
        for m in find_mentions(text, index):
            bare_words = strip_title(m.text).split()
            if m.entity or m.kind != "person" or not 2 <= len(bare_words) <= 4:
                continue
            if any(w.lower() in ("of", "for", "and") for w in bare_words) or re.search(
                r"\b(?:of|for|of the)\s+$", text[max(0, m.start - 8) : m.start]
            ):
                continue  # "Director of Early Years" is an office, not a person
            if any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in bare_words):
                continue  # "Golden Hello" when the piece also says "golden hellos": words, not a name
            entity_id, _score, _alias = index.resolve(m.text, "person")
            if entity_id:
                continue
            full = strip_title(m.text)
            entity_id = free_id(slug(full), index.entities)
            entity = ProposedEntity(entity_id, full, "person", name)
            new[entity_id] = entity
            index.add(Entity(entity_id, full, (), "person"))
    return new


def _collect_aliases(mentions: list[Mention], index: EntityIndex, source: str,
                     aliases: dict[tuple[str, str], ProposedAlias]) -> None:  # fmt: skip
    for mention in mentions:
        if mention.entity and mention.new_alias and _worth_alias(mention, index):
            aliases.setdefault((mention.entity, mention.text), ProposedAlias(mention.entity, mention.text, source))


def _worth_alias(mention: Mention, index: EntityIndex) -> bool:
    """Propose an alias only for a name-like mention: a person's short form, or an organisation
    written with a distinctive word ("children's department", not "services")."""
    if mention.kind == "person":
        return True
    modifiers = [w for w in fold_plain(mention.text).split()[:-1] if w.lower() not in ("the", "a", "an")]
    if not modifiers or not all(w[:1].isupper() or w.endswith("'s") for w in modifiers):
        return False  # "reshape children's services" is a phrase, not a name
    return any(not k.startswith("<") for k in org_key(mention.text)) and mention.score >= 85


def _claims_in(
    source: Source, ref: DateRange | None, mentions: list[Mention], index: EntityIndex,
    new_entities: dict[str, ProposedEntity],
) -> list[ProposedClaim]:  # fmt: skip
    out: list[ProposedClaim] = []
    text = source.text
    last_person: Mention | None = None
    main = main_subject(mentions, text)
    main_body = main_subject(mentions, text, organisation=True) or main
    skipped = furniture(text)
    accused = accused_in(text, mentions, index)
    out.extend(quotations_in(source.name, text, mentions, index))
    for sentence in sentences(text):
        if any(a <= sentence.start < b for a, b in skipped):
            continue
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        parts = clauses(sentence)
        pronoun_person = last_person
        values = [v for v in parse(sentence.text, ref) if _worth_proposing(sentence.text, v)]
        deals: dict[int, str] = {}  # dates of a sale or a purchase, from the price beside them: the deal's verb
        used, times = _attach_dates(values, sentence, parts, deals)
        _background_time(values, times, ref, sentence, parts)
        listed: tuple[int, str] | None = None  # the last sum of the sentence its words named, and where it ends
        for v in values:
            if id(v) in used or superseded(sentence.text, v):
                continue
            start, end = sentence.start + v.span[0], sentence.start + v.span[1]
            subject = subject_of(start, end, sentence, parts, inside, pronoun_person, text, v.kind in ("date", "time"))
            entity_id, entity_name = entity_for(subject, index, new_entities, source.name)
            fallback = main_body if isinstance(v, Quantity) else main
            if v.kind in ("date", "time") and fallback is not None and any(
                m.entity == fallback.entity and is_placed(m, text) for m in _event_span(inside, sentence, parts, start)
            ):  # the source's main entity is where this date's event happened: whose it is, the next one
                fallback = main_subject([m for m in mentions if m.entity != fallback.entity], text) or fallback
            if entity_id is None and fallback is not None:  # no subject in reach: the source's main one
                entity_id, entity_name = entity_for(fallback, index, new_entities, source.name)
                subject = None
            if entity_id is None and not isinstance(_age_of(text, start, end, v, inside), str):
                continue  # nobody in reach, and no one the figure's own words describe ("a 12-year-old boy")
            deadline = _DEADLINE_BEFORE.search(sentence.text, 0, v.span[0]) if isinstance(v, DateValue) else None
            if deadline is not None:  # "bankrupt before Christmas": a deadline, read as on or before the day
                start = sentence.start + deadline.start()
            quote = quote_span(sentence, start, end)
            clause = next((c for c in parts if c.start <= start < c.end), sentence)
            if end > clause.end:  # "a week after | it was announced": the value runs into the next clause
                clause = Span(clause.start, sentence.end, text[clause.start : sentence.end])
            if v.kind == "time":  # a time is the time of the sentence's event, whichever clause names it
                clause = sentence
            elif _AT_ONLY.match(text[clause.start : start]):  # "put the march, to mark a strike, at 30,000"
                clause = Span(sentence.start, clause.end, text[sentence.start : clause.end])
            elif v.kind == "date" and _WHEN_ONLY.match(text[clause.start : start]) and _ONLY_TIME_WORDS.match(
                text[end : clause.end]
            ):  # "a tank fired on the building, killing four, on Monday": the date of the clause before; in
                # "she checked into the clinic in Orvel, Calif., on Thursday night," of the last that names an event
                before = [c for c in parts if c.end <= clause.start]
                if before:
                    eventful = next((c for c in reversed(before) if _names_an_event(c.text)), before[-1])
                    clause = Span(eventful.start, clause.end, text[eventful.start : clause.end])
            skip = [(m.start - clause.start, m.end - clause.start) for m in inside]
            prop, prop_basis = property_and_basis(clause.text, start - clause.start, end - clause.start, v.kind, skip)
            if id(v) in deals:
                prop, prop_basis = deals[id(v)], "vocabulary"
            written = text[start:end]  # with a deadline's word ("before Christmas") when it has one
            rank = rank_of(sentence.text, v)
            if rank is not None:  # "Matt Smith, the 12th Doctor": a rank, compared only with ranks of the same thing
                written, prop = rank
                prop_basis = "vocabulary"
                holder = _ranked_one(text, start, sentence, inside, pronoun_person, main_body)
                if holder is not None:
                    subject = holder
                    entity_id, entity_name = entity_for(holder, index, new_entities, source.name)
            if v.kind == "money" and prop_basis == "words" and listed is not None \
                    and _NEXT_IN_LIST.match(text[listed[0] : start]):  # fmt: skip
                prop, prop_basis = listed[1], "vocabulary"  # "ask $999 for the 14-inch and $1,499 for the 16-inch"
            if v.kind == "money":
                listed = (end, prop) if prop_basis == "vocabulary" else None
            if v.kind == "date" and prop_basis == "words" and _OPENING_WHEN.match(text[sentence.start : start]) \
                    and _ONLY_TIME_WORDS.match(text[end : clause.end]):  # fmt: skip
                prop = _event_of_main_clause(text, clause.end, sentence.end) or prop
            named = _age_of(text, start, end, v, inside)
            described = isinstance(named, str) and named != "unnamed"
            if named == "unnamed":  # "a 15-year-old girl", "the 12-year-old": nobody it names
                continue
            if isinstance(named, str):  # "the 41-year-old driver": the one person of the story in that role
                subject = None
                entity_id, entity_name = _described_person(named, index, new_entities, source.name)
                named = None
            if named is not False:  # "Paul Riva, 47,", "16-year-old Kimani Gray": an age, of whom the text names
                prop, prop_basis = "age", "vocabulary"
                if isinstance(named, Mention):
                    subject = named
                    entity_id, entity_name = entity_for(named, index, new_entities, source.name)
                    if entity_id is None:
                        continue
            if entity_id is None or (prop == "age" and _kind_of(entity_id, index) != "person"):
                continue  # a body, a place or the police has no age: the figure is someone's the text does not name
            where = "described" if described else _subject_basis(subject, clause, sentence)
            basis = Basis(where, prop_basis, _value_basis(v))
            when = times.get(id(v))
            as_of = period = None
            if when is not None:
                if when.range is not None and when.range.days > 31:
                    period = when.text
                else:
                    as_of = when.text
            claim = _as_verify_reads(
                proposed_claim(source.name, quote.text, entity_name, entity_id, prop, written, v.kind,
                               start, end, as_of=as_of, period=period, basis=basis), ref)  # fmt: skip
            if claim is not None:
                out.append(claim)
        for zs, ze, family in none_counted(sentence.text):  # "No one was hurt", "no injuries were reported"
            start, end = sentence.start + zs, sentence.start + ze
            subject = subject_of(start, end, sentence, parts, inside, pronoun_person, text)
            entity_id, entity_name = entity_for(subject, index, new_entities, source.name)
            if entity_id is None and main_body is not None:
                entity_id, entity_name = entity_for(main_body, index, new_entities, source.name)
                subject = None
            if entity_id is None:
                continue
            clause = next((c for c in parts if c.start <= start < c.end), sentence)
            basis = Basis(_subject_basis(subject, clause, sentence), "vocabulary", "exact")
            claim = _as_verify_reads(
                proposed_claim(source.name, quote_span(sentence, start, end).text, entity_name, entity_id,
                               PROPERTY_NAMES[family], text[start:end], "number", start, end, basis=basis), ref)  # fmt: skip
            if claim is not None:
                out.append(claim)
        out.extend(roles_in(source.name, sentence, inside, index))
        out.extend(word_facts_in(source.name, sentence, inside, index, new_entities, accused))
        out.extend(statements_in(source.name, sentence, inside, pronoun_person, index))
        people = [m for m in inside if m.kind == "person" and m.entity]
        if people:
            last_person = _antecedent(people, text)
    return out


# Who a rank is said of: the name set beside it ("Matt Smith, the 12th Doctor"), the name it is said to be
# ("Woking is the third council to ..."), or the one "he", "she", "it" stands for ("It is the second council").
_BESIDE_RANK = re.compile(r"^\s*,\s*(?:the|its|his|her|their)\s+$", re.IGNORECASE)
_IS_RANK = re.compile(r"^\s+(?:is|was|has\s+been|had\s+been|became|becomes|will\s+be|would\s+be|remains|remained)"
                      r"\s+(?:now\s+)?(?:the|its|his|her|their)\s+$", re.IGNORECASE)  # fmt: skip
_OPENS_WITH = re.compile(r"^\W*(he|she|it|this)\b", re.IGNORECASE)


def _ranked_one(text: str, start: int, sentence: Span, inside: list[Mention], pronoun: Mention | None,
                main_body: Mention | None) -> Mention | None:  # fmt: skip
    """Whom or what a rank at start is said of (see _BESIDE_RANK), or None when the words do not say."""
    for m in reversed([m for m in inside if m.end <= start]):
        between = text[m.end : start]
        if _BESIDE_RANK.match(between) or _IS_RANK.match(between):
            return m
    opening = _OPENS_WITH.match(sentence.text)
    if opening is None:
        return None
    return pronoun if opening.group(1).lower() in ("he", "she") else main_body


# A person named after one of these is the object of a verb or a preposition, not who the sentence is about.
_GOVERNED = re.compile(r"\b(?:of|with|by|to|for|against|from|on|at|in|into|over|killed|shot|hit|shooting|killing"
                       r"|replace|replaced|replacing|succeed|succeeded|succeeding|beat|defeated|met|named|married)"
                       r"(?:\s+(?:the|a|an|his|her|their|its|late|former|fellow|mobster|boss|rival|[a-z]+'s))*\s+$",
                       re.IGNORECASE)  # fmt: skip


def _antecedent(people: list[Mention], text: str) -> Mention:
    """Who "he" or "she" in the next sentence points back to: the first person the sentence names who is not the
    object of a verb or a preposition ("In 1957 Gigante was charged with the shooting of Frank Costello. A year
    later, he was convicted" is about Gigante), else the last person named."""
    for m in people:
        if not _GOVERNED.search(text[max(0, m.start - 40) : m.start]):
            return m
    return people[-1]


# A date written as a deadline: "before Christmas", "by the end of March" (not "the day before", an offset).
_DEADLINE_BEFORE = re.compile(r"(?<!\bday\s)(?<!\bweek\s)(?<!\bmonth\s)(?<!\byear\s)\b(?:before|by|prior\s+to)\s+$",
                              re.IGNORECASE)  # fmt: skip


# Between two sums of one list, what says the second is priced like the first: "$999 for the 14-inch model
# and $1,499 for the 16-inch", "£40 for adults, £20 for children".
_NEXT_IN_LIST = re.compile(r"^\s+(?:for|per)\b[^$£€;:.!?]{0,80}?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$", re.I)


# Nouns for many people: an age written onto one ("the 12-year-old boys") is not one person's.
_PLURAL_PERSONS = {"people", "men", "women", "girls", "boys", "children", "others", "other"}
_NOT_NOUNS = {"was", "is", "were", "had", "has", "and", "or", "who", "whose", "from", "with", "said", "of", "in", "at",
              "on", "for", "to", "the", "a", "an", "as", "but", "by", "when", "while", "after", "before"}  # fmt: skip


def _described_person(description: str, index: EntityIndex, new: dict[str, ProposedEntity],
                      source: str) -> tuple[str, str]:  # fmt: skip
    """The person a story names only by a role ("the driver"): one proposed entity per role in a project."""
    for entity in (*index.entities.values(),):
        if entity.kind == "person" and entity.name.casefold() == description.casefold():
            return entity.id, entity.name
    entity_id = free_id(slug(description), index.entities)
    new[entity_id] = ProposedEntity(entity_id, description, "person", source)
    index.add(Entity(entity_id, description, (), "person"))
    return entity_id, description


def _kind_of(entity_id: str | None, index: EntityIndex) -> str | None:
    entity = index.entities.get(entity_id) if entity_id else None
    return entity.kind if entity is not None else None


def _age_of(text: str, start: int, end: int, v: Value,
            inside: list[Mention]) -> Mention | str | None | Literal[False]:  # fmt: skip
    """For an age, the person it is the age of (None when the sentence's own subject is to be found, a
    role such as "the driver" when the noun phrase names one, "unnamed" when it names nobody); False when
    the figure is not an age. An age is "N-year-old", "N years old", or a whole number between commas right after a name
    ("Paul Riva, 47, of Sterling Heights").

    "N-year-old" is written onto the person it describes: the name right after it ("59-year-old Raj
    Chohan", "the 54-year-old Jeffs"), or the name its noun phrase is set beside ("Raj Chohan, a
    59-year-old grandmother"). Without either, a noun of a sort of person ("a 15-year-old girl") gives the
    age of "the girl", which pairing compares only with the age of a girl the words say the same of ("sexually
    assaulting the 11-year-old girl", "the assault of a 12-year-old girl"); with no noun at all ("the
    12-year-old") it is not proposed. A role ("the 41-year-old driver", "a 23-year-old gunman") is one
    person's in a story about one event: that person, as "the driver"."""
    if not isinstance(v, Quantity) or v.kind != "number":
        return False
    if re.match(r"^[\s-]*years?[\s-]*old\b", text[end : end + 12], re.I):
        after = [m for m in inside if m.start >= end and m.kind == "person" and m.start - end < 20]
        if after:
            return after[0]
        if not re.match(r"^[\s-]*year[\s-]*old", text[end : end + 14], re.I):
            return None  # "when he was 5 years old": said of the sentence's subject
        lead = re.search(r",\s*(?:an?|the)\s+$", text[max(0, start - 8) : start])
        beside = [m for m in inside if m.kind == "person" and lead is not None
                  and m.end == max(0, start - 8) + lead.start()]  # fmt: skip
        if beside:
            return beside[0]
        role = re.match(r"^[\s-]*year[\s-]*old\s+((?:[a-z]+\s+)?[a-z]+)\b", text[end : end + 40], re.I)
        if role is None:
            return "unnamed"
        words = role.group(1).lower().split()
        if len(words) > 1 and (words[1] in _NOT_NOUNS or re.search(r"(?:ed|ing|ly)$", words[1])):
            words = words[:1]  # "the 41-year-old driver was", "a 19-year-old cyclist died"
        head = words[-1]
        if head in _PLURAL_PERSONS or head in _NOT_NOUNS or not re.fullmatch(r"[a-z]{3,}", head):
            return "unnamed"
        if head in SORT_NOUNS:  # "a 12-year-old girl": whoever the noun and the deed around it say (see pairing)
            words = [head]
        return "the " + head
    person = next((m for m in inside if m.kind == "person" and re.fullmatch(r",\s*", text[m.end : start])), None)
    if person is None or not re.match(r"^\s*(?:[,;)]|\.(?!\d)|$|and\b)", text[end : end + 5]):
        return False
    return person if v.value == int(v.value) and 0 < v.value < 120 else False


def property_of(clause: str, start: int, end: int, kind: str, skip: list[tuple[int, int]]) -> str:
    """What the value measures, named by meaning where the vocabulary knows it ("12 people were injured"
    and "injuring 12" are both `injured`), else by the thing a count counts ("three tank shells" and
    "three artillery shells" are both counts of shells), else by the words beside it."""
    return property_and_basis(clause, start, end, kind, skip)[0]


def property_and_basis(clause: str, start: int, end: int, kind: str, skip: list[tuple[int, int]]) -> tuple[str, str]:
    """property_of, with how it was found: vocabulary, counted or words (see Basis)."""
    family = measure(clause, start, end, kind) or (rounds_counted(clause, start, end) if kind == "number" else None)
    if family is not None:
        return PROPERTY_NAMES[family], "vocabulary"
    if kind == "number":
        noun = counted_noun(clause, end)
        if noun is not None:
            return noun, "counted"
    return guess_property(clause, start, end, kind, skip), "words"


def _subject_basis(subject: Mention | None, clause: Span, sentence: Span) -> str:
    """Where the subject was found, from where its mention sits (see Basis)."""
    if subject is None:
        return "fallback"
    if clause.start <= subject.start and subject.end <= clause.end:
        return "clause"
    if sentence.start <= subject.start and subject.end <= sentence.end:
        return "sentence"
    return "carried"


def _value_basis(v: Value) -> str:
    if getattr(v, "readings", ()):
        return "ambiguous"
    if isinstance(v, DateValue) and re.search(r"\b(?:after|before)$", v.text.lower()):
        return "relative"  # "days after X stepped down": counted from a date the text may not give
    return "exact"


_LEAD_IN = re.compile(r"(?:\b(?:on|in|at|by|from|since|until|till|before|after|last|this|next|early|late)\s+)$", re.I)


def _as_verify_reads(claim: ProposedClaim, ref: DateRange | None) -> ProposedClaim | None:
    """The proposal as `verify` will read it, or None when verify would refuse it.

    A value found in running text can lean on its neighbours ("on Tuesday" is a date, "Tuesday"
    alone is not), so a value that does not read alone is widened by the word before it in its
    quote; a date that cannot be pinned down against the source's date is not proposed, and an
    as_of or period that cannot be worked out is left off. What verify refuses is never written.
    """
    source = Source(claim.source, f"seeds/{claim.source}", "", "", published=ref)

    def problems(c: ProposedClaim) -> list[str]:
        cv = normalize_claim(_registry_claim(c), source, {})
        errors = [m for severity, m in cv.problems if severity == "error"]
        if c.kind == "date" and (not isinstance(cv.value, DateValue) or cv.value.range is None):
            errors.append("no date")
        return errors

    found = problems(claim)
    if found and (claim.as_of or claim.period):
        claim = replace(claim, as_of=None, period=None)
        found = problems(claim)
    if not found:  # the common case, read once
        return claim
    at = claim.quote.find(claim.value)
    lead = _LEAD_IN.search(claim.quote[:at]) if at > 0 else None
    if lead and lead.group().strip():
        wider = replace(claim, value=claim.quote[lead.start() : at + len(claim.value)],
                        basis=replace(claim.basis, value="widened"))  # fmt: skip
        if not problems(wider):
            return wider
    return None


def _registry_claim(c: ProposedClaim) -> Claim:
    return Claim(c.id, c.source, c.quote, c.entity, c.property, c.value, c.kind, c.as_of, c.period, status="proposed")


def _worth_proposing(sentence: str, v: Value) -> bool:
    s, e = v.span
    after = sentence[e : e + 2]
    if isinstance(v, TimeValue):  # a time of day is a kind of its own, compared only with times
        if is_conversion(sentence, v) or is_game_clock(sentence, v):
            return False
        return not re.search(r"\b(?:19|20)\d\d,?\s*$", sentence[:s])  # "July 02 2013 7:41 AM": a stamp
    if is_time_of_day(sentence, v) or is_code(sentence, v) or in_breakdown(sentence, v) or in_bare_list(sentence, v):
        return False
    if is_conversion(sentence, v) or is_numbered_name(sentence, v) or in_tally(sentence, v):
        return False
    if in_fixed_compound(sentence, v):
        return False
    if re.fullmatch(r"several|a few|few|many", v.text.strip(), re.I) and re.match(
        r"\s+(?:dozen|hundred|thousand|million)", sentence[e:]
    ):
        return False  # "several dozen": the parser reads "dozen" on its own; "several" is only its hedge
    if re.fullmatch(r"dozens?|hundreds?|thousands?", v.text.strip(), re.I) and re.search(
        r"\b(?:several|a\s+few|few|many)\s+$", sentence[:s], re.I
    ):
        return False  # and "dozen" is no figure either: "several dozen" is a word for many, not twelve
    if isinstance(v, DateValue) and in_quotation(sentence, v) and not re.search(r"\d", v.text):
        return False  # "how many did you kill today": a day counted from when it was said, not published
    if isinstance(v, Quantity) and v.kind == "number" and not sentence[:s].strip() and after.startswith("."):
        return False  # a list marker: "1. Desperate ..."
    return isinstance(v, (Quantity, DateValue, Duration))


def _attach_dates(values: list[Value], sentence: Span, parts: list[Span],
                  deals: dict[int, str]) -> tuple[set[int], dict[int, DateValue]]:  # fmt: skip
    """A date written right beside a figure in the same clause tells when the figure held
    ("overspent by £35m in 2017/18", "around 150 in April 2019"); it is not a claim of its own, unless the
    figure is the price of a deal ("sold for $30m in 1967"): then it is the deal's date too, and `deals`
    gets the deal's verb for it."""
    used: set[int] = set()
    time: dict[int, DateValue] = {}
    for i, v in enumerate(values):
        if not isinstance(v, Quantity) or not _holds_at_a_time(sentence.text, v):
            continue
        clause = next((c for c in parts if c.start <= sentence.start + v.span[0] < c.end), None)
        for d in values[i + 1 : i + 2] + values[max(0, i - 1) : i]:
            if not isinstance(d, DateValue) or id(d) in used or clause is None:
                continue
            if not (clause.start <= sentence.start + d.span[0] < clause.end):
                continue
            gap = sentence.text[min(v.span[1], d.span[1]) : max(v.span[0], d.span[0])]
            if len(gap) <= 12 and not re.search(r"[,;:]|\b(?:when|while|and|as|after|before|but)\b", gap):
                deal = deal_price(sentence.text, v.span[0]) if v.kind == "money" else None
                if deal is None:
                    used.add(id(d))
                else:  # the price of a deal dates the deal too: "sold for $30m in 1967" is a date of a sale
                    deals[id(d)] = deal
                time[id(v)] = d
                break
    return used, time


# A clause that is only "at" and a hedge before its figure finishes a verb of an earlier clause.
_AT_ONLY = re.compile(r"^\W*at\s+(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|at\s+least"
                      r"|approximately|up\s+to)\s+)?$", re.IGNORECASE)  # fmt: skip

# A sentence opened by when it happened, set off by a comma ("Early Friday morning, around 1:30 a.m., the
# actress checked into ...", "On Tuesday, the leader resigned"): the date is the main clause's event's.
_OPENING_WHEN = re.compile(r"^\W*(?:(?:on|in|at|by|early|late|last|this|since)\s+)*$", re.IGNORECASE)
_ONLY_TIME_WORDS = re.compile(r"^(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*$", re.IGNORECASE)


_TIME_PIECE = re.compile(r"^\s*,?\s*(?:(?:around|about|approximately|roughly|at|just|shortly|after|before)\s+)*"
                         r"\d[\d:.]*\s*(?:[ap]\.?\s?m\b\.?|gmt|utc|local\s+time|hours)?\s*,", re.IGNORECASE)


def _event_of_main_clause(text: str, after: int, end: int) -> str | None:
    """The event of the clause a leading date opens ("Early Friday, around 1:30 a.m., she checked in"):
    the first event the rest of the sentence names, past any other time set off by commas."""
    rest = text[after:end]
    while True:  # ", around 1:30 a.m.,": another time of the same moment
        piece = _TIME_PIECE.match(rest)
        if piece is None or not piece.group().strip(" ,"):
            break
        rest = rest[piece.end() :]
    rest = re.sub(r"\d", " ", rest)  # an age or a figure is not the clause's event
    prop = guess_property(rest, 0, 0, "date")
    return None if prop == "date" else prop


def _event_span(inside: list[Mention], sentence: Span, parts: list[Span], start: int) -> list[Mention]:
    """The mentions in the clause of a date's event: its own clause, or the whole sentence for a date
    that opens it ("Early Friday morning, around 1:30 a.m., the actress checked into ...")."""
    if _OPENING_WHEN.match(sentence.text[: start - sentence.start]):
        return inside
    clause = next((c for c in parts if c.start <= start < c.end), sentence)
    return [m for m in inside if clause.start <= m.start and m.end <= clause.end]


def _names_an_event(text: str) -> bool:
    return any(t.startswith("~") and t[1:] in DATE_EVENTS for t, _s, _e in terms(text))


_WHEN_ONLY = re.compile(r"^\W*(?:(?:on|in|at|by|since|until|early|late|last|this)\s+)?$", re.IGNORECASE)


def _holds_at_a_time(sentence: str, v: Quantity) -> bool:
    """A figure a date beside it can date: not a rank ("its third notice last year") nor a number that
    labels a singular thing ("a 114 notice in November"): there the date is the event's, a claim of its own."""
    if v.kind != "number":
        return True
    if _RANK.fullmatch(v.text.strip()):
        return False
    label = re.match(r"\s+([a-z]+)\b", sentence[v.span[1] :])
    return not (label and v.value != 1 and _SINGULAR_LABEL.fullmatch(label.group(1)))


_RANK = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))", re.I)
_SINGULAR_LABEL = re.compile(r"(?!(?:and|or|of|in|on|at|to|by|for|from|with|than|per|a|an|the|as|is|was|were|are|had"
                             r"|has|have|more|other|others|people|men|women|children|died|dead)$)[a-z]{3,}(?<![sd])(?<!ing)")  # fmt: skip


BACKGROUND_DAYS = 31  # a date this long before the source's own is another time than the story's


def _background_time(values: list[Value], times: dict[int, DateValue], ref: DateRange | None, sentence: Span,
                     parts: list[Span]) -> None:  # fmt: skip
    """A sentence or clause dated well before its source ("In 2004 a tsunami killed 170,000 people", "Last
    year, a 6.4-magnitude quake struck", "an 8.7-magnitude quake hit in May 2012") tells of another time:
    its figures hold then, not now. A figure without a date of its own takes such a date from its own
    clause, or from the opening words of its sentence, so it is compared with figures of that time, not
    with the story's own."""
    if ref is None:
        return
    old = [v for v in values if isinstance(v, DateValue) and v.range is not None
           and (ref.start - v.range.end).days > BACKGROUND_DAYS]  # fmt: skip
    if not old:
        return

    def clause_of(v: Value) -> Span | None:
        return next((c for c in parts if c.start <= sentence.start + v.span[0] < c.end), None)

    opening = [
        d
        for d in old
        if not re.search(r"\w", re.sub(r"^\W*(?:in|on|at|during|by)?\s*", "", sentence.text[: d.span[0]], flags=re.I))
    ]
    # "on 4 November 2008, when troops raided the strip and killed six": the when-clause happens then
    leading = [d for d in old if re.match(r"^\s*,?\s*when\b", sentence.text[d.span[1] :], re.I)]
    for v in values:
        if not isinstance(v, Quantity) or id(v) in times:
            continue
        own = [d for d in old if clause_of(d) is not None and clause_of(d) == clause_of(v)
               and not (d.span[0] > v.span[1] and _SUBORDINATE.search(sentence.text[v.span[1] : d.span[0]]))]  # fmt: skip
        after_when = [d for d in leading if d.span[1] < v.span[0]]
        if own or opening or after_when:
            times[id(v)] = (own or opening or after_when)[0]


# Between a figure and a later date, a word that starts another clause: the date is that clause's
# ("the 6.1 quake rocked a region that was devastated by the tsunami of 2004").
_SUBORDINATE = re.compile(r"\b(?:as|that|which|who|where|when|while|after|before|since|because|although)\b", re.I)


def _drop_known(
    claims: list[ProposedClaim], registry: Registry, sources: dict[str, Source]
) -> tuple[list[ProposedClaim], int]:
    """Proposals the registry already holds (same source, overlapping quote, same value) are dropped,
    as are repeats within this run; returns what is left and how many were dropped as known."""
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    folded: dict[str, str] = {}

    def folded_text(source: str) -> str:  # each source folded once (setdefault would fold it for every claim)
        if source not in folded:
            folded[source] = fold_plain(sources[source].text).casefold()
        return folded[source]

    for c in registry.claims:
        text = folded_text(c.source)
        q = fold_plain(c.quote).casefold()
        at = text.find(q)
        if at >= 0:
            spans.setdefault(c.source, []).append((at, at + len(q), _value_key(c.value), c.id))
    taken = {c.id for c in registry.claims}
    kept: list[ProposedClaim] = []
    seen: set[tuple[str, str, str]] = set()
    already = 0
    for p in claims:
        q, vkey = fold_plain(p.quote).casefold(), _value_key(p.value)
        if (p.source, q, vkey) in seen:
            continue
        seen.add((p.source, q, vkey))
        text = folded_text(p.source)
        at = text.find(q)
        if p.id in taken or any(
            at < e and s < at + len(q) and (vkey == v or vkey in v or v in vkey)
            for s, e, v, _ in spans.get(p.source, [])
        ):
            already += 1
            continue
        taken.add(p.id)
        kept.append(p)
    return kept, already


def _value_key(value: str) -> str:
    return re.sub(r"\s+", " ", fold_plain(value).casefold().strip(" .,;:'\""))
