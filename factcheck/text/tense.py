"""Tense near a phrase: whether the words around a date point forward ("will", "due") or back
("was", "since"), used to place a month or weekday written without a year."""

from __future__ import annotations

import re

# Words that say which way a month without a year points from the reference.
_FUTURE_CUES = frozenset(
    {
        "will",
        "would",  # reported plans: "said the deal would complete on Friday"
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
# A date that something was moved to is the new target, ahead of the act that moved it, whatever
# the tense of the verb: "pushed back to mid-December", "postponed to March", "brought forward to Friday".
_MOVED = frozenset(
    {
        "pushed", "put", "moved", "postponed", "delayed", "deferred", "rescheduled", "brought", "adjourned",
        "switched", "shifted", "extended", "changed", "pencilled", "penciled", "bumped", "slipped",
    }
)  # fmt: skip
# Prepositions that point forward only where they introduce the date: "by March", but "fell by a fifth".
_DEADLINE = frozenset({"by", "until", "till", "from", "starting"})
# Words that point forward only as a verb before "to": "plans to open", not "announced their plans".
_AS_VERB = frozenset({"plans", "plan", "going"})
_TARGET = frozenset({"to", "for", "until", "till"})
_PART_OF = frozenset({"the", "a", "mid", "early", "late", "end", "start", "beginning", "middle", "of"})
# Words of saying: their tense is the saying's, not that of the clause they report ("the council said
# the library reopens in September"). Each counts only beside the date ("said on Thursday").
_SAYING = frozenset({"said", "says", "say", "added", "insisted", "argued", "stressed"})
# What opens a reported clause after a word of saying, or a clause of its own ("confirmed that ...").
_CLAUSE_OPENERS = frozenset(
    {"that", "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "its", "his", "her", "their", "this",
     "there", "our", "my"}
)  # fmt: skip
# After the date, a new clause: a reported or relative one, or a subject when the date closes the
# clause before it ("said in June it would shut": the date is the saying's).
_CLAUSE_AHEAD = frozenset({"that", "which", "who"})
_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
_TENSE_WORD = re.compile(r"[A-Za-z']+")
_CUE_WORDS = _FUTURE_CUES | _PAST_CUES
_SENTENCE_END = re.compile(r"[.!?;]")


def _sentence_start(head: str) -> int:
    """Where the sentence holding the end of head begins: just after its last stop that is followed
    by a space ("3.5" is no stop). Found from the right in one pass (a pattern anchored at the end
    rescanned the rest of the window from every stop, quadratic in stops per window)."""
    i = max(head.rfind("."), head.rfind("!"), head.rfind("?"), head.rfind(";"))
    return i + 1 if 0 <= i < len(head) - 1 and head[i + 1].isspace() else 0


def _lower_ascii_letters(text: str) -> str:
    """text with A-Z lowered and nothing else changed: str.lower on ASCII, else bytes.lower on its UTF-8
    (which lowers A-Z alone and leaves every byte of a wider character be). Either is some twenty
    times faster than str.translate with a table."""
    return text.lower() if text.isascii() else text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def tense_near(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the nearest tense cue to a date in its own sentence.

    Looks back from the date to the sentence's start (nearest word first), then forward to its end:
    modal and scheduling words ("will", "would", "due", "by", "until") point forward, and so does a
    date something was moved to ("pushed back to", "postponed to"); past forms ("was", "since", a verb
    in -ed) point back. Only the date's own clause counts: a reported clause stops the look back at
    "that" or at "said the..." ("the council said the library reopens in September" has no tense), and
    an attribution after a comma ("..., the club said") is not a cue. A guess for the year of "in
    December", never for a stated year.
    """
    head = text[max(0, start - 160) : start]
    head = head[_sentence_start(head) :]
    tail = text[end : end + 160]
    stop = _SENTENCE_END.search(tail)
    tail = tail[: stop.start()] if stop else tail
    # every word is compared in lower case: lowering A-Z alone keeps the words the pattern finds
    head = _lower_ascii_letters(head)
    before = _TENSE_WORD.findall(head)[::-1]  # nearest first
    lead = 0
    while lead < len(before) and before[lead] in _PART_OF:
        lead += 1  # "to the end of November", "to mid-December": the preposition before the part named
    if lead < len(before):
        word = before[lead]
        if word in _TARGET and any(w in _MOVED for w in before[lead + 1 : lead + 4]):
            return "future"  # "has been pushed back to mid-December": the date moved to is still ahead
        if word in _DEADLINE:
            return "future"  # "by March", "until the end of June", "from Monday"
    # (each loop below runs only where the words hold something it looks for: most hold nothing)
    for i, w in enumerate(before) if "that" in before or not _SAYING.isdisjoint(before) else ():
        if w == "that" or (w in _SAYING and i > 0 and before[i - 1] in _CLAUSE_OPENERS):
            before = before[:i]  # the date's clause starts here: the words before it are another clause's
            break
    tail = _lower_ascii_letters(tail)
    after = _TENSE_WORD.findall(tail)
    if "," in tail:  # "..., the council said": an attribution after a comma says nothing of the date's tense
        cut = tail.index(",")
        after = _TENSE_WORD.findall(tail[:cut]) + [
            w for w in _TENSE_WORD.findall(tail[cut:]) if w not in _SAYING
        ]
    opens_clause = lead + 1 >= len(before)  # "On Thursday it was confirmed": the date leads its clause
    ahead = not _CLAUSE_AHEAD.isdisjoint(after) or (not opens_clause and not _SUBJECTS.isdisjoint(after))
    for i, w in enumerate(after) if ahead else ():
        if w in _CLAUSE_AHEAD or (w in _SUBJECTS and not opens_clause):
            after = after[:i]  # "announcing in June that it would close": the date is not in that clause
            break
    # a cue is a cue word, a word in -ed or one with an apostrophe ("'ll"): words without them give no tense
    for i, w in enumerate(before) if not _CUE_WORDS.isdisjoint(before) or "ed" in head or "'" in head else ():
        if w in _CUE_WORDS or w.endswith("ed") or "'" in w:  # only these can give a tense
            tense = _cue(w, before[i - 1] if i else "", before[i + 1] if i + 1 < len(before) else "")
            if tense:
                return tense
    for i, w in enumerate(after) if not _CUE_WORDS.isdisjoint(after) or "ed" in tail or "'" in tail else ():
        if w in _CUE_WORDS or w.endswith("ed") or "'" in w:
            tense = _cue(w, after[i + 1] if i + 1 < len(after) else "", after[i - 1] if i else "")
            if tense:
                return tense
    return None


def _cue(word: str, following: str, preceding: str) -> str | None:
    """The tense one word gives, seen with the word that follows it and the one before it."""
    w = word.lower().split("'")[-1]
    if w in _FUTURE_CUES:
        if w in _AS_VERB and following.lower() != "to":
            return None  # "plans to open", "going to": a plan; "their plans", "going ahead": not a tense
        return "future"
    if w in _PAST_CUES:
        return "past"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST:
        if preceding.lower() in ("be", "being"):
            return None  # "will be published": a passive, its tense is in the words before "be"
        return "past"
    return None
