"""Where a text quotes someone: the stretches inside quotation marks.

Marks may be straight or curly, double or single, nested (‘…’ inside “…”); an apostrophe
(children’s, don't, the councils’ budgets) is not a mark. By the convention of English prose a
quotation that runs over paragraphs opens each paragraph with a mark and closes only the last,
so a paragraph that ends inside a quotation continues it when the next one opens with a mark.
A quotation broken by "she said" is two stretches; quotation_parts joins them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

OPENING = {"“": "d", "‘": "s", "„": "d", "«": "g"}
CLOSING = {"”": "d", "’": "s", "»": "g"}
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Quoted:
    """The inside of one pair of quotation marks (one paragraph's part of a longer quotation)."""

    start: int
    end: int
    depth: int  # 0 for a quotation, 1 for one quoted inside it
    continues: bool = False  # the quotation goes on in the next paragraph (its mark is not closed there)
    mark: str = "d"  # the kind of mark: d, s (curly double, single), d', s' (straight), g (guillemets)


def _letter(ch: str) -> bool:
    return ch.isalnum()


@functools.lru_cache(maxsize=32)  # a source's claims ask about the same text in a row
def quoted_stretches(text: str) -> tuple[Quoted, ...]:
    """Every stretch of text inside quotation marks, in order of where it opens."""
    found: list[Quoted] = []
    stack: list[tuple[str, int]] = []  # (kind of mark, where its inside starts)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch == "\n":
            m = _PARAGRAPH.match(text, i)
            if m and stack:  # a paragraph ends inside a quotation
                reopen = m.end() < n and text[m.end()] in "“‘\"'„«"
                for depth, (mark, start) in enumerate(stack):
                    found.append(Quoted(start, _trim_end(text, i), depth, reopen, mark))
                if reopen:
                    stack = [(kind, m.end() + 1) for kind, _s in stack]
                    i = m.end() + 1
                    continue
                stack = []
            i = m.end() if m else i + 1
            continue
        kind = None
        if ch in OPENING and not (ch == "‘" and _letter(before) and _letter(after)):
            stack.append((OPENING[ch], i + 1))
        elif ch in CLOSING and any(k == CLOSING[ch] for k, _s in stack):
            if ch == "’" and _letter(before) and _letter(after):
                pass  # an apostrophe: children’s
            else:
                kind = CLOSING[ch]
        elif ch == '"':
            if any(k == "d'" for k, _s in stack) and not before.isspace():
                kind = "d'"
            elif not _letter(after) and any(k == "d'" for k, _s in stack):
                kind = "d'"
            else:
                stack.append(("d'", i + 1))
        elif ch == "'":
            if any(k == "s'" for k, _s in stack) and not _letter(after) and not before.isspace():
                kind = "s'"
            elif not _letter(before) and _letter(after) and before not in "'":
                stack.append(("s'", i + 1))
        if kind is not None:
            while stack:
                k, start = stack.pop()
                if k == kind:
                    found.append(Quoted(start, i, len(stack), mark=k))
                    break
        i += 1
    for depth, (mark, start) in enumerate(stack):  # never closed: up to the end of the text
        found.append(Quoted(start, _trim_end(text, n), depth, mark=mark))
    return tuple(sorted(found, key=lambda q: (q.start, q.depth)))


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def quotation_form(text: str, start: int, end: int) -> str:
    """How text[start:end] is given: `full` (a quoted sentence or more), `partial` (a few words
    quoted inside the writer's own sentence) or `reported` (not inside quotation marks)."""
    inside = [q for q in quoted_stretches(text) if q.start <= start + _lead(text, start, end) and
              _trim_end(text, end) <= q.end + 1]  # fmt: skip
    if not inside:
        return "reported"
    q = inside[0]  # the outermost
    before = text[: max(0, q.start - 1)].rstrip()
    embedded = bool(before) and before[-1].isalnum()  # "described it as ‘rotten’", not "said: “…"
    first = text[q.start : q.end].lstrip()[:1]
    return "partial" if embedded and not first.isupper() else "full"


def _lead(text: str, start: int, end: int) -> int:
    """Leading marks and spaces of a span that belong to the quotation's punctuation, not its words."""
    k = start
    while k < end and (text[k].isspace() or text[k] in "“‘\"'"):
        k += 1
    return k - start


SAYING = (r"(?:said|says|say|told|tells|added|adds|warned|warns|claimed|claims|argued|argues|explained|wrote|"
          r"writes|insisted|insists|stated|states|described|describes|called|calls|branded|admitted|admits|"
          r"conceded|continued|went on|according to|asked|asks|replied|commented|declared|announced|urged|"
          r"stressed|noted|added)")  # fmt: skip
_ATTRIBUTION = re.compile(rf"^,?\s*[^.!?“”‘\"\n]{{0,50}}\b{SAYING}\b[^.!?“”‘\"\n]{{0,40}}[,.]$", re.IGNORECASE)


def _interrupts(text: str, before: tuple[int, int], gap: str) -> bool:
    """Whether the writer's words between two quoted stretches only say who is speaking, so the
    two are one quotation: '“We will not,” she said, “close it.”', '“No,” he said. “Never.”'."""
    if "\n" in gap.strip():
        return False  # a new paragraph: a new quotation unless the last one ran on (Quoted.continues)
    gap = gap.strip()
    said = text[before[0] : before[1]].rstrip()
    if not gap or not said or not _ATTRIBUTION.match(gap):
        return False
    if gap.endswith(","):
        return said[-1] in ",–—-" or said[-1].isalnum()
    return said[-1] in ",.!?"


@dataclass(frozen=True)
class Quotation:
    """One quotation: the stretches inside its marks (several when "she said" breaks it or it runs
    over paragraphs), from its first opening mark to its last closing one."""

    parts: tuple[tuple[int, int], ...]
    start: int  # the first opening mark
    end: int  # just after the last closing mark (or the end of its words, when never closed)
    broken: tuple[bool, ...]  # for each part after the first: True if an interruption ("she said") came before it

    def words(self, text: str) -> str:
        """Its words as a value: the parts in order, an ellipsis where words of the writer's come
        between them (a new paragraph of the same quotation needs none, but the marks between
        paragraphs are not the quotation's words, so it gets one too)."""
        pieces = [" ".join(text[s:e].split()).strip(" ,;:") for s, e in self.parts]
        value = " … ".join(p for p in pieces if p)
        return value[:-1] if value.endswith(".") and not value.endswith("...") else value


def quotations(text: str) -> list[Quotation]:
    """The quotations of a text: stretches inside marks at the outer level, a quotation broken by
    "she said" or running on into the next paragraph taken as one."""
    out: list[Quotation] = []
    previous: Quoted | None = None
    for q in quoted_stretches(text):
        if q.depth:
            continue
        close = q.end + 1 if q.end < len(text) and text[q.end] in "”’\"'»" else q.end
        if out and previous is not None and previous.mark == q.mark:
            last = out[-1]
            gap = text[last.end : q.start - 1]
            if previous.continues or _interrupts(text, last.parts[-1], gap):
                out[-1] = Quotation(last.parts + ((q.start, q.end),), last.start, close,
                                    last.broken + (not previous.continues,))  # fmt: skip
                previous = q
                continue
        out.append(Quotation(((q.start, q.end),), q.start - 1, close, ()))
        previous = q
    return out
