"""extract: claims proposed from a source's own text, for a person to review.

For every figure, date, role or title and attributed statement in a source, a claim is proposed
with its verbatim quote (the sentence, or the clauses around the figure in a very long one), the
value as written, a guessed subject (a registry entity by name or alias, else a proposed new one)
and a guessed property, all marked `status: proposed`. Nothing reviewed is touched; what the
registry already holds (any status, rejected included) is never proposed again, so extraction is
idempotent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.entities import (
    PRONOUNS,
    ROLE_WORDS,
    EntityIndex,
    Mention,
    find_mentions,
    org_key,
    slug,
    strip_title,
)  # fmt: skip
from factcheck.errors import ProjectError
from factcheck.models import DateRange, Entity, Source
from factcheck.normalize import parse
from factcheck.normalize.values import DateValue, Duration, Quantity, Value
from factcheck.properties import EVENT_FAMILIES, family_of, guess_property
from factcheck.publication import infer_publication
from factcheck.registry import Registry, free_id, id_words, load_registry
from factcheck.sentences import Span, clauses, quote_span, sentences
from factcheck.sources import fold_plain, load_manifest, load_sources

# Office nouns: a phrase names a role only if it holds one of these.
OFFICES = {
    "commissioner", "director", "executive", "leader", "minister", "secretary", "mayor", "chair",
    "chairman", "chairwoman", "president", "officer", "head", "manager", "spokesperson", "spokesman",
    "spokeswoman", "inspector", "holder", "member", "councillor", "advocate", "editor", "governor",
    "ceo", "superintendent", "constable", "coroner", "headteacher", "deputy", "assistant", "adviser",
    "advisor", "chief", "mp", "judge", "cabinet",
}  # fmt: skip
RELATIVE_STARTS = ("which", "who", "whose", "whom", "that")
QUOTE_OPEN = "\"“‘'"
SAID = r"(?:said|says|told|added|warned|claimed|argued|explained|wrote|insisted|stated)"
_SAID_COLON = re.compile(rf"\b{SAID}\s*:?\s*[\"“]([^\"”]+)", re.IGNORECASE)
_QUOTE_THEN_SAID = re.compile(rf"[\"“]([^\"”]{{8,}}?)[,.?!]?[\"”],?\s+(?:[\w’' .-]{{0,40}}?)\b{SAID}\b", re.IGNORECASE)
_SAID_THAT = re.compile(rf"\b{SAID}\s+(?:that\s+)?(?=[a-z\"“‘])", re.IGNORECASE)
STATEMENT_WORDS = 12  # the first words of a statement are its value; the sentence is its quote


@dataclass(frozen=True)
class ProposedClaim:
    """A claim as extract writes it, before anyone has reviewed it."""

    id: str
    source: str
    quote: str
    subject: str  # as written into the claim: the entity's name
    property: str
    value: str
    kind: str
    entity: str = ""  # the entity id the subject resolves to
    as_of: str | None = None
    period: str | None = None
    start: int = 0  # where the value sits in the source's text
    end: int = 0

    def fields(self) -> dict[str, str]:
        """The claim's fields in the order they are written to a claims file."""
        out = {"id": self.id, "quote": self.quote, "subject": self.subject, "property": self.property,
               "value": self.value, "kind": self.kind}  # fmt: skip
        if self.as_of:
            out["as_of"] = self.as_of
        if self.period:
            out["period"] = self.period
        out["status"] = "proposed"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **self.fields()}


@dataclass(frozen=True)
class ProposedEntity:
    id: str
    name: str
    kind: str
    source: str

    def fields(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "status": "proposed",
                "note": f"first seen in seeds/{self.source}"}  # fmt: skip


@dataclass(frozen=True)
class ProposedAlias:
    entity: str
    alias: str
    source: str


@dataclass(frozen=True)
class ProposedSource:
    """A manifest entry proposed for a source the manifest does not list."""

    file: str
    title: str
    published: DateRange | None
    evidence: tuple[str, ...]

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "title": self.title}
        if self.published is not None:
            out["published"] = self.published.iso()
        out["evidence"] = list(self.evidence)
        out["status"] = "proposed"
        return out


@dataclass(frozen=True)
class Extraction:
    """What extract proposes (and, unless it was a dry run, wrote)."""

    sources: tuple[str, ...]
    claims: tuple[ProposedClaim, ...]
    entities: tuple[ProposedEntity, ...] = ()
    aliases: tuple[ProposedAlias, ...] = ()
    manifest: tuple[ProposedSource, ...] = ()
    already: int = 0  # proposals the registry already holds
    written: tuple[str, ...] = ()  # files changed

    @property
    def empty(self) -> bool:
        return not (self.claims or self.entities or self.aliases or self.manifest)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": list(self.sources),
            "claims": [c.to_dict() for c in self.claims],
            "entities": [e.fields() for e in self.entities],
            "aliases": [{"entity": a.entity, "alias": a.alias, "source": a.source} for a in self.aliases],
            "manifest": [m.fields() for m in self.manifest],
            "already_in_registry": self.already,
            "written": list(self.written),
        }


def extract(
    root: str | Path = ".",
    paths: Iterable[str] = (),
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> Extraction:
    """Propose claims for the given sources (default: every source without claims) and, unless
    dry_run, write them into the registry under the project's write lock."""
    from factcheck import registry_edit

    root = Path(root)
    result = propose(root, paths, today=today, progress=progress)
    if dry_run or result.empty:
        return result
    return replace(result, written=registry_edit.write_extraction(root, result))


def propose(
    root: str | Path = ".",
    paths: Iterable[str] = (),
    *,
    today: dt.date | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> Extraction:
    """What extract would add, without writing anything."""
    root = Path(root)
    sources = load_sources(root)
    by_name = {s.name: s for s in sources}
    registry = load_registry(root, set(by_name))
    listed = load_manifest(root / "seeds", root)
    targets = _targets(root, list(paths), sources, registry)
    manifest = tuple(_propose_source(by_name[name], today) for name in targets if name not in listed)
    published = {m.file: m.published for m in manifest}
    index = EntityIndex(registry.entities)
    new_entities = _new_people(targets, by_name, index)
    claims: list[ProposedClaim] = []
    aliases: dict[tuple[str, str], ProposedAlias] = {}
    for name in targets:
        if progress:
            progress(name, len(targets))
        source = by_name[name]
        ref = source.published or published.get(name)
        mentions = find_mentions(source.text, index)
        for mention in mentions:
            if mention.entity and mention.new_alias and _worth_alias(mention, index):
                aliases.setdefault((mention.entity, mention.text), ProposedAlias(mention.entity, mention.text, name))
        claims.extend(_claims_in(source, ref, mentions, index, new_entities))
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
    main = _main_subject(mentions)
    for sentence in sentences(text):
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        parts = clauses(sentence)
        pronoun_person = last_person
        values = [v for v in parse(sentence.text, ref) if _worth_proposing(sentence.text, v)]
        used, times = _attach_dates(values, sentence, parts)
        for v in values:
            if id(v) in used:
                continue
            start, end = sentence.start + v.span[0], sentence.start + v.span[1]
            subject = _subject(start, end, sentence, parts, inside, pronoun_person, text)
            entity_id, entity_name = _entity_for(subject, index, new_entities, source.name)
            if entity_id is None and main is not None:  # no subject in reach: the source's main one
                entity_id, entity_name = _entity_for(main, index, new_entities, source.name)
            if entity_id is None:
                continue
            quote = quote_span(sentence, start, end)
            clause = next((c for c in parts if c.start <= start < c.end), sentence)
            if end > clause.end:  # "a week after | it was announced": the value runs into the next clause
                clause = Span(clause.start, sentence.end, text[clause.start : sentence.end])
            skip = [(m.start - clause.start, m.end - clause.start) for m in inside]
            prop = guess_property(clause.text, start - clause.start, end - clause.start, v.kind, skip)
            when = times.get(id(v))
            as_of = period = None
            if when is not None:
                if when.range is not None and when.range.days > 31:
                    period = when.text
                else:
                    as_of = when.text
            out.append(_claim(source.name, quote.text, entity_name, entity_id, prop, v.text, v.kind,
                              start, end, as_of=as_of, period=period))  # fmt: skip
        out.extend(_roles(source.name, sentence, inside, index))
        out.extend(_statements(source.name, sentence, inside, pronoun_person, index))
        people = [m for m in inside if m.kind == "person" and m.entity]
        if people:
            last_person = people[-1]
    return out


def _main_subject(mentions: list[Mention]) -> Mention | None:
    """The entity a source names most often (organisations first): the subject of last resort."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    if not counts:
        return next((m for m in mentions if m.kind == "organisation"), None)
    top = max(counts, key=lambda e: (counts[e], any(m.entity == e and m.kind == "organisation" for m in mentions)))
    return next(m for m in mentions if m.entity == top)


def _worth_proposing(sentence: str, v: Value) -> bool:
    s, e = v.span
    before, after = sentence[max(0, s - 2) : s], sentence[e : e + 2]
    if re.match(r"^:\d", after) or re.search(r"\d:$", before):
        return False  # a time of day: "11:01 am"
    if re.search(r"[A-Za-z]-$", before):
        return False  # part of a name: "COVID-19"
    if isinstance(v, Quantity) and v.kind == "number" and not sentence[:s].strip() and after.startswith("."):
        return False  # a list marker: "1. Desperate ..."
    return isinstance(v, (Quantity, DateValue, Duration))


def _attach_dates(values: list[Value], sentence: Span, parts: list[Span]) -> tuple[set[int], dict[int, DateValue]]:
    """A date written right beside a figure in the same clause tells when the figure held
    ("overspent by £35m in 2017/18", "around 150 in April 2019"); it is not a claim of its own."""
    used: set[int] = set()
    time: dict[int, DateValue] = {}
    for i, v in enumerate(values):
        if not isinstance(v, Quantity):
            continue
        clause = next((c for c in parts if c.start <= sentence.start + v.span[0] < c.end), None)
        for d in values[i + 1 : i + 2] + values[max(0, i - 1) : i]:
            if not isinstance(d, DateValue) or id(d) in used or clause is None:
                continue
            if not (clause.start <= sentence.start + d.span[0] < clause.end):
                continue
            gap = sentence.text[min(v.span[1], d.span[1]) : max(v.span[0], d.span[0])]
            if len(gap) <= 12 and not re.search(r"[,;:]|\b(?:when|while|and|as|after|before|but)\b", gap):
                used.add(id(d))
                time[id(v)] = d
                break
    return used, time


_VERBISH = re.compile(
    r"^[\s,]*(?:(?:only|also|currently|now|still|just|already|recently|reportedly|then|itself|themselves)\s+)*"
    r"(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must|did|does|do|said|says|"
    r"remains?|faces?|needs?|expects?|predicts?|[a-z]+ed|[a-z]+s)\b"
)


def _subject_like(m: Mention, clause: Span, text: str) -> bool:
    """A mention in subject position: opening its clause, or followed by a verb ("the council is")."""
    lead = text[clause.start : m.start].lower().split()
    if all(w in ("the", "a", "an", "and", "but", "its", "their", "his", "her", "labour's") for w in lead):
        return True
    return bool(_VERBISH.match(text[m.end : m.end + 40].lower()))


def _subject(start: int, end: int, sentence: Span, parts: list[Span], inside: list[Mention], pronoun: Mention | None,
             text: str) -> Mention | None:  # fmt: skip
    """Who or what a value at start is about.

    In order: a person named right before the value ("his predecessor Malcolm Newsam last
    September"); the nearest mention in subject position before it in its clause ("the council is
    facing ... £4.4m"); for a relative clause, the noun it hangs on ("the authority, which overspent
    by £35m"); the subject carried from the clause this one continues; a mention after the value in
    its clause ("a £7.6m children's service deficit"); any mention before it; and a sentence opened
    by a pronoun points back to the last person named.
    """
    ci = next((k for k, c in enumerate(parts) if c.start <= start < c.end), len(parts) - 1)
    clause = parts[ci] if parts else sentence
    before = [m for m in inside if clause.start <= m.start and m.end <= start]
    after = [m for m in inside if m.start >= start and m.end <= clause.end]
    following = [m for m in inside if m.start >= end]
    if re.search(r"\b(?:after|before)$", text[start:end].lower()) and following:
        people = [m for m in following if m.kind == "person"]
        return (people or following)[0]  # "days after X stepped down" dates X's event
    if before and before[-1].kind == "person" and len(text[before[-1].end : start].split()) <= 1:
        return before[-1]
    if after and not text[end : after[0].start].split():
        return after[0]  # "a £7.6m children's service deficit"
    first_word = sentence.text.split(maxsplit=1)[0].lower().strip(QUOTE_OPEN) if sentence.text.split() else ""
    if first_word in ("he", "she", "they") and pronoun is not None and ci == 0:
        return pronoun
    subjects = [m for m in before if _subject_like(m, clause, text)]
    if subjects:
        return subjects[-1]
    if clause.text.split()[0].lower() in RELATIVE_STARTS:
        earlier = [m for m in inside if m.end <= clause.start]
        if earlier:
            return earlier[-1]
    for k in range(ci - 1, -1, -1):
        prev = parts[k]
        if prev.text.split()[0].lower() in RELATIVE_STARTS:
            continue
        carried = [m for m in inside if prev.start <= m.start and m.end <= prev.end and _subject_like(m, prev, text)]
        if carried:
            return carried[0]
    if after:
        return after[0]
    if before:
        return before[-1]
    if first_word in PRONOUNS and pronoun is not None:
        return pronoun
    return following[0] if following else None


def _entity_for(
    mention: Mention | None, index: EntityIndex, new: dict[str, ProposedEntity], source: str
) -> tuple[str | None, str]:
    """The entity a subject mention stands for, proposing a new organisation when none fits."""
    if mention is None:
        return None, ""
    if mention.entity:
        return mention.entity, index.entities[mention.entity].name
    if mention.kind == "person":
        return None, ""  # a single unknown word ("Hodges") is not enough to start an entity
    name = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", fold_plain(mention.text), flags=re.IGNORECASE)
    key = org_key(name)
    for existing in new.values():  # "the council" and "the authority" in one story: one body
        if existing.kind == "organisation" and org_key(existing.name) == key:
            return existing.id, existing.name
    entity_id = free_id(slug(name), index.entities)
    new[entity_id] = ProposedEntity(entity_id, name, "organisation", source)
    index.add(Entity(entity_id, name, (), "organisation"))
    return entity_id, name


def _claim(source: str, quote: str, subject: str, entity: str, prop: str, value: str, kind: str,
           start: int, end: int, as_of: str | None = None, period: str | None = None) -> ProposedClaim:  # fmt: skip
    quote = " ".join(quote.split())
    digest = hashlib.sha1(f"{source}\n{fold_plain(quote)}\n{value}\n{kind}".encode()).hexdigest()[:5]
    prefix = Path(source).stem.split("_")[0][:12] or "src"
    return ProposedClaim(f"{prefix}-{id_words(prop, kind)}-{digest}", source, quote, subject, prop, " ".join(value.split()), kind,
                         entity, as_of, period, start, end)  # fmt: skip


def _roles(source: str, sentence: Span, inside: list[Mention], index: EntityIndex) -> list[ProposedClaim]:
    """Titles written with a name: "Children's Commissioner Malcolm Newsam", "Jean Imray, assistant
    director of early years", "the director of children's services, Sally Hodges"."""
    out = []
    text = sentence.text
    for m in inside:
        if m.kind != "person" or not m.entity:
            continue
        s, e = m.start - sentence.start, m.end - sentence.start
        for role in (_role_before(text, s), _role_after(text, e), _role_apposed_before(text, s)):
            if role:
                name = index.entities[m.entity].name
                out.append(_claim(source, text, name, m.entity, "role", role, "role", m.start, m.end))
                break
    return out


def _is_role(phrase: str) -> bool:
    """A role names an office at its head: "assistant director of early years", "chief executive";
    not "the resignation of the latest director"."""
    ws = [w.lower().strip("'’,") for w in phrase.split()]
    if not 0 < len(ws) <= 10 or any(family_of(w) in EVENT_FAMILIES for w in ws):
        return False
    head = ws[: ws.index("of")] if "of" in ws else ws
    return bool(head) and head[-1] in OFFICES


def _role_before(text: str, s: int) -> str | None:
    words = re.findall(r"\S+", text[:s])
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip("'’,").lower()
        if w.endswith((",", ".", ":", ";")) or bare in ("the", "a", "an"):
            break
        if (
            bare in ROLE_WORDS
            or bare in OFFICES
            or w[:1].isupper()
            or bare in ("of", "for", "and")
            or "'" in w
            or "’" in w
        ):
            run.insert(0, w)
            continue
        if run and bare not in ("said",):
            if bare in ("services", "service", "department", "council"):
                run.insert(0, w)
                continue
        break
    while run and run[0].lower() in ("of", "for", "and"):
        run.pop(0)
    if run and run[-1].lower() in ("of", "for", "and"):
        return None
    phrase = " ".join(run)
    return phrase if run and _is_role(phrase) else None


def _role_after(text: str, e: int) -> str | None:
    m = re.match(r",\s+([^,;:()]{3,90}?)(?:,|\s+(?:is|was|has|had|who|said|says)\b)", text[e:])
    if not m:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip())
    if re.match(r"(?:and|or|but|her|his|their|its)\b", phrase, re.IGNORECASE):
        return None  # "Sally Hodges, and her assistant, Jean Imray": the role is the next person's
    return phrase if _is_role(phrase) and not re.search(r"\b(?:who|which|said|says|is|was)\b", phrase) else None


def _role_apposed_before(text: str, s: int) -> str | None:
    m = re.search(r"(?:^|[,;:(]\s*|\b(?:and|by|with|that)\s+)(?:the|its|their|our)\s+([^,;:()]{3,90}?),\s*$", text[:s])
    if not m:
        return None
    phrase = m.group(1).strip()
    return phrase if _is_role(phrase) else None


def _statements(source: str, sentence: Span, inside: list[Mention], pronoun: Mention | None,
                index: EntityIndex) -> list[ProposedClaim]:  # fmt: skip
    """Attributed statements: `X said: "..."`, `"...," X said`, `X said (that) ...`."""
    text = sentence.text
    out = []
    for pattern in (_SAID_COLON, _QUOTE_THEN_SAID):
        for m in pattern.finditer(text):
            said_at = m.start() if pattern is _SAID_COLON else m.end()
            speaker = _speaker(text, said_at, sentence, inside, pronoun, after=pattern is _QUOTE_THEN_SAID)
            if speaker is None:
                continue
            words = " ".join(m.group(1).split()[:STATEMENT_WORDS]).rstrip(",.;:")
            out.append(_claim(source, text, index.entities[speaker].name, speaker, "said", words, "statement",
                              sentence.start + m.start(1), sentence.start + m.end(1)))  # fmt: skip
    if not out:
        for m in _SAID_THAT.finditer(text):
            speaker = _speaker(text, m.start(), sentence, inside, pronoun, after=False)
            rest = re.split(r"[.;:!?\"”]", text[m.end() :], maxsplit=1)[0]
            words = " ".join(rest.split()[:STATEMENT_WORDS]).rstrip(",")
            if speaker is None or len(words.split()) < 3:
                continue
            out.append(_claim(source, text, index.entities[speaker].name, speaker, "said", words, "statement",
                              sentence.start + m.end(), sentence.start + m.end() + len(rest)))  # fmt: skip
            break
    return out


def _speaker(text: str, at: int, sentence: Span, inside: list[Mention], pronoun: Mention | None,
             after: bool) -> str | None:  # fmt: skip
    if after:
        near = [m for m in inside if m.start - sentence.start >= at - 60 and m.entity and m.start - sentence.start < at]
        if near:
            return near[-1].entity
    near = [m for m in inside if m.end - sentence.start <= at and m.entity]
    if near and (at - (near[-1].end - sentence.start)) < 80:
        return near[-1].entity
    head = text[:at].split()
    if pronoun is not None and head and head[-1].lower() in ("he", "she"):
        return pronoun.entity
    return None


def _drop_known(
    claims: list[ProposedClaim], registry: Registry, sources: dict[str, Source]
) -> tuple[list[ProposedClaim], int]:
    """Proposals the registry already holds (same source, overlapping quote, same value) are dropped,
    as are repeats within this run; returns what is left and how many were dropped as known."""
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    folded: dict[str, str] = {}
    for c in registry.claims:
        text = folded.setdefault(c.source, fold_plain(sources[c.source].text).casefold())
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
        text = folded.setdefault(p.source, fold_plain(sources[p.source].text).casefold())
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
