"""Posts and titles: a qualifier makes a different role, and a person can hold two posts.

- A qualifier of standing (interim, acting, former, shadow...) or of rank (assistant, deputy, vice,
  joint, co-, senior...) changes the role: "interim chief executive" is never corroborated by "chief
  executive". Two sources that give one post two different standings or ranks contradict each other.
- Two different posts for one person ("finance director", "chief operating officer") may both be
  true — people hold two posts, or the sources have it wrong — so a human must look: possible.
- The same post named more or less fully ("director", "director of finance") is corroborated.
"""

from __future__ import annotations

import re

from factcheck.models import Verdict
from factcheck.normalize.claims import TextValue

STANDING = frozenset({"interim", "acting", "temporary", "former", "designate", "shadow", "caretaker", "outgoing",
                      "incoming", "honorary", "emeritus"})  # fmt: skip
RANK = frozenset({"assistant", "deputy", "vice", "associate", "joint", "co", "sub", "under", "junior", "senior",
                  "chief", "principal", "head", "lead"})  # fmt: skip
QUALIFIERS = STANDING | RANK
_WORD = re.compile(r"[a-z]+")


def _q(text: str) -> str:
    return f"'{text}'"


def role_words(key: str) -> frozenset[str]:
    return frozenset(_WORD.findall(key))


# One post, several spellings: the short forms news uses and the plain synonyms for the top of a body.
SAME_POST = {"ceo": ("chief", "executive"), "cfo": ("chief", "financial", "officer"),
             "coo": ("chief", "operating", "officer"), "cto": ("chief", "technology", "officer"),
             "md": ("managing", "director"), "gm": ("general", "manager"), "head": ("chief",), "boss": ("chief",),
             "chairwoman": ("chair",), "chairman": ("chair",), "chairperson": ("chair",),
             "spokesman": ("spokesperson",), "spokeswoman": ("spokesperson",)}  # fmt: skip
# Words of a title that are titles' own, even when written with a capital ("Senior Vice President").
TITLE_WORDS = frozenset({
    "president", "vice", "chief", "executive", "officer", "director", "manager", "general", "managing",
    "secretary", "minister", "chair", "chairman", "chairwoman", "head", "commissioner", "spokesman",
    "spokeswoman", "spokesperson", "leader", "deputy", "assistant", "senior", "junior", "interim", "acting",
    "founder", "partner", "editor", "governor", "mayor", "councillor", "superintendent", "inspector",
    "sergeant", "constable", "captain", "colonel", "major", "lieutenant", "commander", "chancellor",
    "treasurer", "ceo", "cfo", "coo", "cto", "md", "gm", "operations", "finance", "financial", "operating",
    "technology", "principal", "professor", "dean", "prime", "foreign", "home", "health", "justice",
})  # fmt: skip
_FILLER = frozenset({"of", "the", "and", "for", "at", "in", "on", "a", "an", "its", "s", "with", "to", "new"})


def post_words(text: str) -> frozenset[str]:
    """The words that name a post, with short forms spelled out and the name of the body left out:
    "SeaMicro CEO", "chief executive of Sea Micro" and "CEO" are one post; a capitalised word that is
    not a title's own word ("AMD", "UNRWA", "Gaza") names where, not what."""
    out: list[str] = []
    for i, raw in enumerate(re.findall(r"[A-Za-z]+", text)):
        low = raw.lower()
        # a capital on the first word may be the sentence's; an acronym or a CamelCase name is a name anywhere
        named = raw[:1].isupper() and (i > 0 or raw.isupper() and len(raw) > 1 or any(c.isupper() for c in raw[1:]))
        if low in _FILLER or (named and low not in TITLE_WORDS):
            continue
        out.extend(SAME_POST.get(low, (low,)))
    return frozenset(out)


def judge_roles(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    if va.key == vb.key or (post_words(va.text) == post_words(vb.text) and post_words(va.text)):
        return Verdict.CORROBORATED, f"both say {_q(va.text)}" if va.text == vb.text else (
            f"{_q(va.text)} and {_q(vb.text)} name the same role"
        )
    wa, wb = post_words(va.text) or role_words(va.key), post_words(vb.text) or role_words(vb.key)
    qa, qb = wa & QUALIFIERS, wb & QUALIFIERS
    post_a, post_b = wa - QUALIFIERS, wb - QUALIFIERS
    same_post = (post_a <= post_b or post_b <= post_a) and bool(post_a) == bool(post_b)
    if qa != qb and same_post:
        extra = ", ".join(_q(w) for w in sorted(qa ^ qb))
        return Verdict.CONFLICT, (
            f"{_q(va.text)} and {_q(vb.text)} give one post a different rank or standing: {extra} makes a "
            "different role"
        )
    if qa == qb and (wa <= wb or wb <= wa):
        return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} name the same role, one more fully"
    return Verdict.POSSIBLE, (
        f"{_q(va.text)} and {_q(vb.text)} are two different posts: one person can hold two, or a source has it "
        "wrong; check which"
    )


def role_verdict(va: TextValue, vb: TextValue) -> Verdict:
    """judge_roles' verdict alone (judge/bulk.py)."""
    return judge_roles(va, vb)[0]
