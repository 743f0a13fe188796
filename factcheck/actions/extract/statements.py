"""Attributed statements: what a named person said, proposed as a claim in their words."""

from __future__ import annotations

import re

from factcheck.actions.extract.subjects import proposed_claim
from factcheck.results import ProposedClaim
from factcheck.text.entities import (
    EntityIndex,
    Mention,
)
from factcheck.text.sentences import Span

SAID = r"(?:said|says|told|added|warned|claimed|argued|explained|wrote|insisted|stated)"
_SAID_COLON = re.compile(rf"\b{SAID}\s*:?\s*[\"“]([^\"”]+)", re.IGNORECASE)
_QUOTE_THEN_SAID = re.compile(rf"[\"“]([^\"”]{{8,}}?)[,.?!]?[\"”],?\s+(?:[\w’' .-]{{0,40}}?)\b{SAID}\b", re.IGNORECASE)
_SAID_THAT = re.compile(rf"\b{SAID}\s+(?:that\s+)?(?=[a-z\"“‘])", re.IGNORECASE)
STATEMENT_WORDS = 12  # the first words of a statement are its value; the sentence is its quote


def statements_in(source: str, sentence: Span, inside: list[Mention], pronoun: Mention | None,
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
            out.append(proposed_claim(source, text, index.entities[speaker].name, speaker, "said", words, "statement",
                              sentence.start + m.start(1), sentence.start + m.end(1)))  # fmt: skip
    if not out:
        for m in _SAID_THAT.finditer(text):
            speaker = _speaker(text, m.start(), sentence, inside, pronoun, after=False)
            rest = re.split(r"[.;:!?\"”]", text[m.end() :], maxsplit=1)[0]
            words = " ".join(rest.split()[:STATEMENT_WORDS]).rstrip(",")
            if speaker is None or len(words.split()) < 3:
                continue
            out.append(proposed_claim(source, text, index.entities[speaker].name, speaker, "said", words, "statement",
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
