"""Sentences and clauses of a source, as spans into its stored text.

Extraction quotes whole sentences (or a clause of a very long one), and the clause around a
figure is where its subject and what it measures are looked for. The splitter is rule-based:
a full stop, question or exclamation mark ends a sentence unless it belongs to a title
("Mr."), an initial, or a number; a blank line or a line without end punctuation also does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "cllr", "prof", "rev", "sir", "no", "vs", "etc", "inc", "ltd",
    "co", "e.g", "i.e", "approx", "est", "fig", "gov", "dept", "univ", "jr", "sr", "c",
}  # fmt: skip
MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_END = re.compile(r"[.!?]+['\"’”)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z0-9\"'“‘•(\[])")
_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|:\s+|\s+[–—-]\s*|[–—]|\s+\((?=\w)|\)\s+"
    r"|\s+(?=(?:and|but|while|whereas|although|though|because|after|before|which|who|whose)\s+"
    r"(?:the|a|an|its|his|her|their|it|he|she|they|[A-Z]))"
)
MAX_QUOTE = 320  # characters; longer sentences are quoted by the clause that carries the figure


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Span]:
    """Every sentence of text, trimmed of surrounding white space, in order."""
    out: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        _add(out, text, start, end)
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if word is None:
        return False
    w = word.group(1).lower().rstrip(".")
    if w in ABBREVIATIONS:
        return True
    if w in MONTHS:  # "Oct. 3" goes on; "on 3 Oct. It was" ends there
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", w) and text[dot - 1].isupper():  # "U.S. District Judge", "U.N. envoy"
        following = re.match(r"\s+([A-Za-z-]+)", text[dot + 1 : dot + 40])
        return following is not None and following.group(1).lower() in _OFFICE_AFTER
    return len(w) == 1 and text[dot - 1].isupper()  # an initial: "J. Smith"


# Words of an office or a body that a country's abbreviation is written before: "U.S. District Judge",
# "the U.N. Security Council", "U.S. officials". After any other word the abbreviation ends its sentence.
_OFFICE_AFTER = {
    "district", "judge", "attorney", "army", "navy", "marine", "marines", "supreme", "court", "senator", "senate",
    "president", "secretary", "ambassador", "embassy", "department", "security", "forces", "troops", "marshal",
    "marshals", "congress", "representative", "rep", "sen", "government", "treasury", "envoy", "agency",
    "officials", "official", "special", "general", "military", "soldiers", "coast", "border", "customs",
}  # fmt: skip


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    out.append(Span(s, s + len(stripped), stripped))


def clauses(sentence: Span) -> list[Span]:
    """The sentence cut at commas, semicolons, dashes, brackets and conjunctions before a new subject."""
    out: list[Span] = []
    start = 0
    text = sentence.text
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() <= start:
            start = max(start, m.end())
            continue
        if text[m.start()] == "," and _inside_number(text, m.start()):
            continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return [Span(sentence.start + c.start, sentence.start + c.end, c.text) for c in out]


def _inside_number(text: str, comma: int) -> bool:
    return 0 < comma < len(text) - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit()


def quote_span(sentence: Span, start: int, end: int) -> Span:
    """The passage to quote for a value at start..end: its sentence, or for a very long sentence
    the run of clauses around the value that stays under MAX_QUOTE characters."""
    if len(sentence.text) <= MAX_QUOTE:
        return sentence
    parts = clauses(sentence)
    i = next((k for k, c in enumerate(parts) if c.start <= start < c.end or start < c.start), len(parts) - 1)
    lo = hi = i
    while True:
        grew = False
        if hi + 1 < len(parts) and (parts[hi].end < end or parts[hi + 1].end - parts[lo].start <= MAX_QUOTE // 2):
            hi += 1
            grew = True
        if lo > 0 and parts[hi].end - parts[lo - 1].start <= MAX_QUOTE // 2:
            lo -= 1
            grew = True
        if not grew:
            break
    s, e = parts[lo].start, max(parts[hi].end, end)
    offset = s - sentence.start
    return Span(s, e, sentence.text[offset : offset + (e - s)])
