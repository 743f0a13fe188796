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


def judge_roles(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    if va.key == vb.key:
        return Verdict.CORROBORATED, f"both say {_q(va.text)}" if va.text == vb.text else (
            f"{_q(va.text)} and {_q(vb.text)} name the same role"
        )
    wa, wb = role_words(va.key), role_words(vb.key)
    qa, qb = wa & QUALIFIERS, wb & QUALIFIERS
    post_a, post_b = wa - QUALIFIERS, wb - QUALIFIERS
    same_post = post_a <= post_b or post_b <= post_a
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
