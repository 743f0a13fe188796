"""Typographic folding, used to match quotes: curly and straight quotes, dashes, ellipses,
non-breaking and repeated spaces, and line breaks inside a sentence all compare equal.

Stored text is never changed; a folded text keeps a map back to the original's offsets.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from factcheck.frozen import Frozen

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2007": " ", "\u3000": " ",
}  # fmt: skip
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


class FoldedText(Frozen):
    """Text with typography folded, and for each folded character its offset in the original. (A Frozen
    rather than a dataclass: a search imports neither dataclasses nor what it brings.)"""

    __slots__ = ("text", "origin")
    FIELDS = __slots__
    text: str
    origin: Sequence[int]  # len(text) + 1 entries; the last is the original's length (an array: compact)

    def __init__(self, text: str, origin: Sequence[int]) -> None:
        self._set("text", text)
        self._set("origin", origin)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text that folded[start:end] came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


class OffsetMap(Sequence[int]):
    """folded offset → original offset, kept as the few places where the shift between the two
    changes (a run of white space, a dropped character, an ellipsis): ordinary text, where one
    space stays one space, costs nothing to map."""

    def __init__(self, starts: list[int], shifts: list[int], length: int) -> None:
        self._starts = starts  # folded offsets from which shifts[i] is added, ascending, starts[0] == 0
        self._shifts = shifts
        self._length = length  # len(folded) + 1: the last entry is the original's length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        return i + self._shifts[bisect_right(self._starts, i) - 1]


_DROPS = "".join(sorted(_DROP))
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())  # every character str.split splits on
_STRIP = _SPACES + _DROPS
# where folded and original offsets drift apart inside the text: a run of white space and dropped
# characters longer than one, a dropped character, an ellipsis
_SHIFTS = re.compile(f"[\\s{_DROPS}]{{2,}}|[{_DROPS}]|\u2026")


def fold(text: str) -> FoldedText:
    """Fold typography and collapse white space, keeping a map back to the original offsets.

    The folded text is fold_plain's (in C). The map is built only where folded and original
    offsets drift apart, a few places a page, so a long source folds in well under a millisecond."""
    folded = fold_plain(text)
    begin = len(text) - len(text.lstrip(_STRIP))
    stop = max(begin, len(text.rstrip(_STRIP)))
    starts, shifts = [0], [begin]
    out, pos = 0, begin  # folded characters made so far; where in text they end
    for match in _SHIFTS.finditer(text, begin, stop):
        start, end = match.span()
        out += start - pos  # ordinary text and single spaces map one for one
        pos = end
        run = match.group()
        if run == "\u2026":
            for k in range(3):
                starts.append(out + k)
                shifts.append(start - out - k)
            out += 3
        else:
            first = next((k for k, ch in enumerate(run) if ch.isspace()), -1)
            if first >= 0:  # one space, at the run's first white space character
                starts.append(out)
                shifts.append(start + first - out)
                out += 1
        starts.append(out)
        shifts.append(end - out)
    starts.append(len(folded))  # the last entry is the original's length
    shifts.append(len(text) - len(folded))
    return FoldedText(folded, OffsetMap(starts, shifts, len(folded) + 1))


_REPLACE = tuple({**_FOLD, **dict.fromkeys(_DROP, ""), "\u2026": "..."}.items())


def fold_plain(text: str) -> str:
    """fold(text).text without the offset map, at C speed: the same characters mapped, dropped and
    expanded, and white space collapsed the same way (str.split and str.isspace agree on it).
    Replacing the few characters present is several times faster than str.translate, which looks
    every character of a non-ASCII text up in a dict."""
    if text.isascii():  # the common case: of the folded characters only the backtick is ASCII
        return " ".join(text.replace("`", "'").split())
    for char, replacement in _REPLACE:  # no replacement contains a character replaced
        if char in text:
            text = text.replace(char, replacement)
    return " ".join(text.split())


def around(passage: str, part: str) -> tuple[str, str]:
    """The text of passage before and after part, where part first occurs in it seen through
    typography and case (a part with "..." for words left out is looked for by its first piece);
    ("", "") when it does not occur."""
    within = fold_plain(passage)
    piece = fold_plain(part).split("...")[0].strip()
    at = within.casefold().find(piece.casefold()) if piece else -1
    if at < 0 or len(within.casefold()) != len(within):
        return "", ""
    return within[:at], within[at + len(piece.casefold()) :]


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@functools.lru_cache(maxsize=4096)  # a registry names the same few subjects on every claim
def name_key(text: str) -> str:
    """How names are compared: typography folded, case ignored, a leading 'the' dropped."""
    key = fold_plain(text).casefold().strip()
    return re.sub(r"^the\s+", "", key)
