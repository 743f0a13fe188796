"""Roles and titles: "X, chief executive of Y" proposed as a claim about X's role."""

from __future__ import annotations

import re

from factcheck.actions.extract.subjects import proposed_claim
from factcheck.results import ProposedClaim
from factcheck.text.entities import (
    ROLE_WORDS,
    EntityIndex,
    Mention,
)
from factcheck.text.sentences import Span
from factcheck.text.vocabulary import EVENT_FAMILIES, family_of

# Office nouns: a phrase names a role only if it holds one of these.
OFFICES = {
    "commissioner", "director", "executive", "leader", "minister", "secretary", "mayor", "chair",
    "chairman", "chairwoman", "president", "officer", "head", "manager", "spokesperson", "spokesman",
    "spokeswoman", "inspector", "holder", "member", "councillor", "advocate", "editor", "governor",
    "ceo", "superintendent", "constable", "coroner", "headteacher", "deputy", "assistant", "adviser",
    "advisor", "chief", "mp", "judge", "cabinet",
}  # fmt: skip


def roles_in(source: str, sentence: Span, inside: list[Mention], index: EntityIndex) -> list[ProposedClaim]:
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
                out.append(proposed_claim(source, text, name, m.entity, "role", role, "role", m.start, m.end))
                break
    return out


def _is_role(phrase: str) -> bool:
    """A role names an office at its head: "assistant director of early years", "chief executive",
    "general manager for cloud computing"; not "the resignation of the latest director"."""
    ws = [w.lower().strip("'’,") for w in phrase.split()]
    if not 0 < len(ws) <= MAX_ROLE_WORDS or any(family_of(w) in EVENT_FAMILIES for w in ws):
        return False
    cut = next((i for i, w in enumerate(ws) if w in ("of", "for", "at")), len(ws))
    head = ws[:cut]
    return bool(head) and head[-1] in OFFICES


MAX_ROLE_WORDS = 16  # "senior vice president and general manager of the new Global Business Units at AMD"


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.N."
_JURISDICTIONS = {"state", "federal", "county", "city", "national", "provincial", "regional"}


def _role_before(text: str, s: int) -> str | None:
    words = re.findall(r"\S+", text[:s])
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip("'’,").lower()
        if run and (_ABBREVIATION.fullmatch(w) or (bare in _JURISDICTIONS and run[0][:1].isupper())):
            run.insert(0, w)  # "U.S. District Judge", "state District Judge": whose court or office it is
            continue
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
    """The title set off after a name: by commas ("Jason Waxman, Intel's general manager for cloud
    computing, said"), closing the sentence ("said Lisa Su, senior vice president."), or by dashes
    ("Lisa Su -- the company's senior vice president -- says")."""
    m = re.match(r",\s+([^,;:()]{3,110}?)(?:,|\s+(?:is|was|has|had|who|said|says|that)\b|\.?[\"”’']?\s*$)", text[e:])
    if not m:
        m = re.match(r"\s*(?:—|–|--|\s-\s)\s*(?:who\s+(?:is|was|heads|leads|runs)\s+)?([^,;:()—–]{3,110}?)\s*(?:—|–|--|\s-\s)",
                     text[e:])  # fmt: skip
    if not m:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip())
    phrase = re.sub(r"^(?:(?:the\s+)?(?:company|firm|group|agency|organisation|organization)['’]s\s+)", "", phrase)
    if re.match(r"(?:and|or|but|her|his|their|its)\b", phrase, re.IGNORECASE):
        return None  # "Sally Hodges, and her assistant, Jean Imray": the role is the next person's
    return phrase if _is_role(phrase) and not re.search(r"\b(?:who|which|said|says|is|was)\b", phrase) else None


def _role_apposed_before(text: str, s: int) -> str | None:
    # "the director of children's services, Sally Hodges,", "Thurrock Council’s interim director of finance, Jo Wilson,"
    m = re.search(r"(?:^|[,;:(]\s*|\b(?:and|by|with|that)\s+)(?:the|its|their|our|(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*"
                  r"['’]s)\s+([^,;:()]{3,90}?),\s*$", text[:s])
    if not m:
        return None
    phrase = m.group(1).strip()
    return phrase if _is_role(phrase) else None
