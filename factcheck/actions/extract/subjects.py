"""Who a figure is about: the mention in reach of it, the entity it stands for, and the proposed claim."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from factcheck.models import Entity
from factcheck.registry.load import free_id, id_words
from factcheck.results import Basis, ProposedClaim, ProposedEntity
from factcheck.text.entities import (
    PRONOUNS,
    EntityIndex,
    Mention,
    org_key,
    slug,
    strip_title,
)
from factcheck.text.fold import fold_plain, name_key
from factcheck.text.sentences import Span

RELATIVE_STARTS = ("which", "who", "whose", "whom", "that")
QUOTE_OPEN = "\"“‘'"


def main_subject(mentions: list[Mention], text: str = "", organisation: bool = False) -> Mention | None:
    """The entity a source names most often (organisations first), not counting where it is named as
    the one speaking: the subject of last resort. With `organisation`, the organisation it names most,
    when it names one: a figure with no name in reach ("the number of children without a social worker
    has gone back up to 232") measures a body, not the person the piece is about."""
    counts: dict[str, int] = {}
    for m in mentions:
        if text and is_speaker(m, text):
            continue
        if organisation and m.kind != "organisation":
            continue
        if m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    if not counts:
        return next((m for m in mentions if m.kind == "organisation"), None)
    top = max(counts, key=lambda e: (counts[e], any(m.entity == e and m.kind == "organisation" for m in mentions)))
    return next(m for m in mentions if m.entity == top)


# Words ending in -s that are not a verb's third person: "joined the council as DCS" puts no verb after "council".
_NOT_VERBS = (r"(?:as|its|his|hers|ours|yours|theirs|this|thus|plus|us|across|towards|afterwards|besides|"
              r"whereas|unless|perhaps|always|sometimes|news|series|means|less)")
_VERBISH = re.compile(
    r"^[\s,]*(?:(?:only|also|currently|now|still|just|already|recently|reportedly|then|itself|themselves"
    r"|[a-z]{3,}ly)\s+)*"
    r"(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must|did|does|do|said|says|"
    rf"remains?|faces?|needs?|expects?|predicts?|[a-z]+ed|(?!{_NOT_VERBS}\b)[a-z]+s)\b"
)


def _subject_like(m: Mention, clause: Span, text: str) -> bool:
    """A mention in subject position: opening its clause, or followed by a verb ("the council is")."""
    lead = text[clause.start : m.start].lower().split()
    if all(w in ("the", "a", "an", "and", "but", "its", "their", "his", "her", "labour's") for w in lead):
        return True
    return bool(_VERBISH.match(text[m.end : m.end + 40].lower()))


_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|reported|reports|estimated|estimates|stated|states|"
    r"announced|claimed|claims|insisted|explained|wrote|confirmed|quoted|cited|warned)"
)
_SPEAKER_AFTER = re.compile(rf"^[\s,]*(?:(?:has|had|have|also|later|earlier|previously|then|on \w+)\s+)*{_SPEECH}\b",
                            re.IGNORECASE)  # fmt: skip
_SPEAKER_BEFORE = re.compile(rf"(?:\b{_SPEECH}|\baccording to|\bquoting|\bcited by|\bsources? (?:at|in|close to))"
                             r"(?:\s+(?:the|a|an|its|his|her|their))?\s*$", re.IGNORECASE)  # fmt: skip


_REPORTED_OPENING = re.compile(rf"^(?:(?:has|had|have|also|later|earlier|then)\s+)*{_SPEECH}\b", re.IGNORECASE)


def is_speaker(m: Mention, text: str) -> bool:
    """A mention named as the one who speaks ("police said", "according to the UN", "said John Ging"):
    the source of a figure, not what the figure is about."""
    if _SPEAKER_AFTER.match(text[m.end : m.end + 40]):
        return True
    return bool(_SPEAKER_BEFORE.search(text[max(0, m.start - 30) : m.start]))


# A name after one of these is where something happened ("checked into the Nolan Clinic", "in Orvel")
_PLACE_BEFORE = re.compile(r"\b(?:into|in|at|to|from|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def is_placed(m: Mention, text: str) -> bool:
    """A name written as where something happened: after "into", "at", "in"..."""
    return bool(_PLACE_BEFORE.search(text[max(0, m.start - 12) : m.start]))


def subject_of(start: int, end: int, sentence: Span, parts: list[Span], inside: list[Mention], pronoun: Mention | None,
             text: str, when: bool = False) -> Mention | None:  # fmt: skip
    """Who or what a value at start is about.

    In order: a person named right before the value ("his predecessor Malcolm Newsam last
    September"); the nearest mention in subject position before it in its clause ("the council is
    facing ... £4.4m"); for a relative clause, the noun it hangs on ("the authority, which overspent
    by £35m"); the subject carried from the clause this one continues; a mention after the value in
    its clause ("a £7.6m children's service deficit"); any mention before it; and a sentence opened
    by a pronoun points back to the last person named. For a date or a time (`when`), a name written
    after "into", "at", "in"... is where the event happened, not whose it is: it is left out.
    """
    inside = [m for m in inside if not is_speaker(m, text)]  # the thing measured, not who reports it
    if when:  # "checked into the Betty Ford Center late Thursday": the place is where, not who
        inside = [m for m in inside if not is_placed(m, text)]
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
    if pronoun is not None and not before and _opens_with_pronoun(parts, ci):
        return pronoun  # "In 1970, he was indicted": the clause the opening date belongs to is about "he"
    subjects = [m for m in before if _subject_like(m, clause, text)]
    if subjects:
        return subjects[-1]
    if clause.text.split()[0].lower() in RELATIVE_STARTS:
        earlier = [m for m in inside if m.end <= clause.start]
        if earlier:
            return earlier[-1]
    # "John Ging, director for UNRWA, the UN agency, said that ... the school where 350 people were": what
    # comes before the verb of speech is who speaks, not what the reported words are about.
    reported = _REPORTED_OPENING.match(clause.text) is not None
    for k in range(ci - 1, -1 if not reported else ci - 1, -1):
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


# What may open a sentence before its subject, set off by a comma: when, how long after, how ("In 1970,",
# "Later that year,", "Two days later,", "Early on Friday morning,", "After the verdict,", "Previously,").
_OPENING_WORD = re.compile(r"(?:in|on|at|by|early|late|later|last|this|that|since|after|before|during|until|within"
                           r"|around|about|the|a|an|same|following|next|then|earlier|once|some|\d[\w.:/-]*"
                           r"|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ly)$", re.IGNORECASE)  # fmt: skip
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she)\b(?!\s+(?:said|says|told|added)\b)", re.IGNORECASE)


def _opens_with_pronoun(parts: list[Span], ci: int) -> bool:
    """A value in a short opening clause set off by a comma ("In 1970, he was indicted", "Two years later,
    she resigned") whose next clause opens with "he" or "she": that clause's subject is the sentence's."""
    if ci != 0 or len(parts) < 2:
        return False
    opening = parts[0].text.split()
    capitals = [w.strip(".,") for w in opening[1:] if w[:1].isupper()]
    if not opening or len(opening) > 6 or not _OPENING_WORD.match(opening[0].strip("\"'“")) or any(
        w not in _CALENDAR_WORDS for w in capitals
    ):
        return False  # "In Leeds, he ...": a place opens the sentence, and may be what the figure is about
    return bool(_PRONOUN_SUBJECT.match(parts[1].text))


_CALENDAR_WORDS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}  # fmt: skip


def entity_for(
    mention: Mention | None, index: EntityIndex, new: dict[str, ProposedEntity], source: str
) -> tuple[str | None, str]:
    """The entity a subject mention stands for, proposing a new organisation when none fits."""
    if mention is None:
        return None, ""
    if mention.entity:
        return mention.entity, index.entities[mention.entity].name
    if mention.kind == "person":
        return None, ""  # a single unknown word ("Hodges") is not enough to start an entity
    name = strip_title(re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", fold_plain(mention.text), flags=re.IGNORECASE))
    taken = name_key(name)
    for existing in index.entities.values():  # a name the registry would refuse as used twice: that entity
        if taken in {name_key(n) for n in (existing.id, existing.name, *existing.aliases)}:
            return existing.id, existing.name
    key = org_key(name)
    for proposed in new.values():  # "the council" and "the authority" in one story: one body
        if proposed.kind == "organisation" and org_key(proposed.name) == key:
            return proposed.id, proposed.name
    kind = mention.kind if mention.kind in ("place", "outlet") else "organisation"
    entity_id = free_id(slug(name), index.entities)
    new[entity_id] = ProposedEntity(entity_id, name, kind, source)
    index.add(Entity(entity_id, name, (), kind))
    return entity_id, name


def proposed_claim(source: str, quote: str, subject: str, entity: str, prop: str, value: str, kind: str,
           start: int, end: int, as_of: str | None = None, period: str | None = None,
           basis: Basis | None = None) -> ProposedClaim:  # fmt: skip
    quote = " ".join(quote.split())
    digest = hashlib.sha1(f"{source}\n{fold_plain(quote)}\n{value}\n{kind}".encode()).hexdigest()[:5]
    prefix = Path(source).stem.split("_")[0][:12] or "src"
    return ProposedClaim(f"{prefix}-{id_words(prop, kind)}-{digest}", source, quote, subject, prop, " ".join(value.split()), kind,
                         entity, as_of, period, start, end, basis or Basis())  # fmt: skip
