"""Tense near a phrase: whether the words around a date point forward ("will", "due") or back
("was", "since"), used to place a month or weekday written without a year."""

from __future__ import annotations

import re

# Words that say which way a month without a year points from the reference.
_FUTURE_CUES = frozenset(
    {
        "will",
        "shall",
        "ll",
        "due",
        "expected",
        "scheduled",
        "planned",
        "plans",
        "plan",
        "next",
        "upcoming",
        "coming",
        "until",
        "till",
        "by",
        "from",
        "starting",
        "going",
    }
)
_PAST_CUES = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "since",
        "ago",
        "last",
        "been",
        "earlier",
        "previously",
        # common irregular past forms; regular ones end in -ed
        "fell",
        "rose",
        "said",
        "went",
        "came",
        "took",
        "made",
        "left",
        "began",
        "grew",
        "paid",
        "won",
        "lost",
        "met",
        "saw",
        "told",
        "gave",
        "found",
        "spent",
        "sold",
        "bought",
        "became",
        "held",
        "led",
        "ran",
        "wrote",
        "spoke",
        "chose",
        "knew",
        "thought",
        "brought",
        "felt",
        "kept",
        "sent",
        "built",
        "froze",
        "struck",
        "stood",
        "quit",
        "announced",
    }
)
_NOT_PAST = frozenset(
    {
        "need",
        "speed",
        "feed",
        "seed",
        "red",
        "bed",
        "shed",
        "hundred",
        "exceed",
        "proceed",
        "succeed",
        "indeed",
        "bred",
        "united",
        "limited",
        "based",
        "related",
        "proposed",
    }
)
_TENSE_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"[.!?;]")


def _sentence_start(head: str) -> int:
    """Where the sentence holding the end of head begins: just after its last stop that is followed
    by a space ("3.5" is no stop). Found from the right in one pass (a pattern anchored at the end
    rescanned the rest of the window from every stop, quadratic in stops per window)."""
    i = max(head.rfind("."), head.rfind("!"), head.rfind("?"), head.rfind(";"))
    return i + 1 if 0 <= i < len(head) - 1 and head[i + 1].isspace() else 0


def tense_near(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the nearest tense cue to a date in its own sentence.

    Looks back from the date to the sentence's start (nearest word first), then forward to its end:
    modal and scheduling words ("will", "due", "by", "until") point forward; past forms ("was",
    "since", a verb in -ed) point back. A guess for the year of "in December", never for a stated year.
    """
    head = text[max(0, start - 160) : start]
    head = head[_sentence_start(head) :]
    tail = text[end : end + 160]
    stop = _SENTENCE_END.search(tail)
    tail = tail[: stop.start()] if stop else tail
    before = _TENSE_WORD.findall(head)[::-1]  # nearest first
    words = before + _TENSE_WORD.findall(tail)
    for i, w in enumerate(words):
        w = w.lower().split("'")[-1]  # word by word: most dates meet a cue within a few words
        if w in _FUTURE_CUES:
            return "future"
        if w in _PAST_CUES:
            return "past"
        if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST:
            if i + 1 < len(before) and before[i + 1].lower() in ("be", "being"):
                continue  # "will be published": a passive, its tense is in the words before "be"
            return "past"
    return None
