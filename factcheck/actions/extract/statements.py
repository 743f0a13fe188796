"""Attributed statements: what a named person said, proposed as a claim in their words.

Quotations (words inside quotation marks, text/quotations.py) are found over the whole source,
so one broken by "she said" or running over paragraphs is one claim; its value is its words, an
ellipsis where the writer's words break in. Reported speech ("X said (that) ...") is found per
sentence. The speaker is the person (or body) the attribution names next to the quotation, or
for "he said" the last person named before it."""

from __future__ import annotations

import re

from factcheck.actions.extract.subjects import proposed_claim
from factcheck.results import ProposedClaim
from factcheck.text.entities import (
    EntityIndex,
    Mention,
)
from factcheck.text.quotations import SAYING, quotation_form, quotations
from factcheck.text.sentences import Span

SAID = r"(?:said|says|told|added|warned|claimed|argued|explained|wrote|insisted|stated)"
# "told a judge that ...", "told reporters that ...": who was told is not what was said
_SAID_THAT = re.compile(rf"\b{SAID}\s+(?:(?:(?:a|an|the)\s+)?[a-z]+\s+that\s+|that\s+)?(?=[a-z])", re.IGNORECASE)


# "he told parliament", "she told the BBC": whom the words were said to, not who said them
_TOLD = re.compile(r"\b(?:told|tells|telling|said\s+to|speaking\s+to)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
MAX_QUOTATION_WORDS = 120  # a longer quotation is proposed by its first words (a partial quotation of itself)
_SAID_NEAR = re.compile(rf"\b{SAYING}\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
ATTRIBUTION_REACH = 90  # characters around a quotation where its attribution is looked for


def quotations_in(source: str, text: str, mentions: list[Mention], index: EntityIndex) -> list[ProposedClaim]:
    """Every quotation whose speaker the text gives, as a statement in the speaker's words."""
    out = []
    for q in quotations(text):
        speaker, lo, hi = _quotation_speaker(text, q.start, q.end, q.parts, mentions)
        words = q.words(text)
        if speaker is None or not words or not any(ch.isalnum() for ch in words):
            continue
        if len(words.split()) > MAX_QUOTATION_WORDS:
            words = " ".join(words.split()[:MAX_QUOTATION_WORDS]).rstrip(",;:…")
        form = quotation_form(text, q.parts[0][0], q.parts[0][1])
        out.append(proposed_claim(source, text[min(lo, q.start) : max(hi, q.end)], index.entities[speaker].name,
                                  speaker, "said" if form == "full" else "described as", words, "statement",
                                  q.parts[0][0], q.parts[-1][1]))  # fmt: skip
    return out


def _quotation_speaker(text: str, start: int, end: int, parts: tuple[tuple[int, int], ...],
                       mentions: list[Mention]) -> tuple[str | None, int, int]:  # fmt: skip
    """Who a quotation is attributed to, and the passage to quote (the quotation with the name):
    a name beside a saying word right after it or between its parts ('“…,” said Ms Okafor',
    '“…,” the council said'), else the last name before it in its sentence ('Ms Okafor said: “…”',
    'Okafor described it as ‘…’'); for he or she, the last person named before the quotation."""
    stop = re.search(r"[.!?](?=\s|$)|\n\s*\n", text[end : end + ATTRIBUTION_REACH])
    after = (end, end + stop.end() if stop else min(len(text), end + ATTRIBUTION_REACH))
    between = [(a[1], b[0]) for a, b in zip(parts, parts[1:], strict=False)]
    sentence = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) + 1 for p in (". ", "? ", "! ")))
    before = (max(sentence + 1, start - ATTRIBUTION_REACH), start)
    for lo, hi in (after, *between, before):
        window = text[lo:hi]
        if not _SAID_NEAR.search(window) and not ((lo, hi) == before and window.rstrip().endswith(":")):
            continue
        named = [m for m in mentions if lo <= m.start and m.end <= hi and m.entity and not owns_speaker(text, m)
                 and not _TOLD.search(text, max(lo, m.start - 24), m.start)]  # fmt: skip
        if named:
            people = [m for m in named if m.kind == "person"] or named
            chosen = people[-1] if (lo, hi) == before else people[0]
            return chosen.entity, min(start, chosen.start), max(end, chosen.end)
        if _PRONOUN.search(window):
            earlier = [m for m in mentions if m.end <= start and m.kind == "person" and m.entity]
            if earlier:
                return earlier[-1].entity, start, end
    return None, start, end


def statements_in(source: str, sentence: Span, inside: list[Mention], pronoun: Mention | None,
                index: EntityIndex) -> list[ProposedClaim]:  # fmt: skip
    """Reported speech: `X said (that) ...` in a sentence, up to any quotation mark (quotations are
    found by quotations_in)."""
    text = sentence.text
    for m in _SAID_THAT.finditer(text):
        speaker = _speaker(text, m.start(), sentence, inside, pronoun, after=False)
        rest = re.split(r"[.;:!?\"“”‘]", text[m.end() :], maxsplit=1)[0]
        words = " ".join(rest.split()).rstrip(",")
        if speaker is None or len(words.split()) < 3:
            continue
        return [proposed_claim(source, text, index.entities[speaker].name, speaker, "said", words, "statement",
                               sentence.start + m.end(), sentence.start + m.end() + len(rest))]  # fmt: skip
    return []


_OWNER = re.compile(r"^['’]s?\s+(?:[a-z-]+\s+){0,2}?[a-z-]{3,}\b")


def owns_speaker(text: str, m: Mention) -> bool:
    """A person named as the owner of who speaks ("Lindsay Lohan's attorney said", "Gray's sister told"):
    the words are the attorney's or the sister's, not the person's. A body's spokesman ("the council's
    spokesman said") speaks for the body, so only a person's possessive counts."""
    return m.kind == "person" and bool(_OWNER.match(text[m.end : m.end + 40]))


def _speaker(text: str, at: int, sentence: Span, inside: list[Mention], pronoun: Mention | None,
             after: bool) -> str | None:  # fmt: skip
    inside = [m for m in inside if not owns_speaker(sentence.text, _relative(m, sentence))]
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


def _relative(m: Mention, sentence: Span) -> Mention:
    return Mention(m.start - sentence.start, m.end - sentence.start, m.text, m.kind, m.entity, m.score)
