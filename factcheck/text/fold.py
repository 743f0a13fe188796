"""Typographic folding, used to match quotes: curly and straight quotes, dashes, ellipses,
non-breaking and repeated spaces, and line breaks inside a sentence all compare equal.

Stored text is never changed; a folded text keeps a map back to the original's offsets.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2007": " ", "\u3000": " ",
}  # fmt: skip
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}


@dataclass(frozen=True)
class FoldedText:
    """Text with typography folded, and for each folded character its offset in the original."""

    text: str
    origin: Sequence[int]  # len(text) + 1 entries; the last is the original's length (an array: compact)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text that folded[start:end] came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


_ONE_FOR_ONE = str.maketrans(_FOLD)  # keeps every offset: the map back is built around the rest
_RUNS = re.compile("[\\s" + "".join(sorted(_DROP)) + "]+|\u2026")  # white space and dropped characters; "…"


def fold(text: str) -> FoldedText:
    """Fold typography and collapse white space, keeping a map back to the original offsets.

    Characters folded one for one keep their offsets, so only the runs of white space and dropped
    characters and the ellipses are handled here, a run at a time: the work is in C (translate,
    re, array), not a loop over characters."""
    mapped = text.translate(_ONE_FOR_ONE)
    pieces: list[str] = []
    origin = array("l")
    pos = 0
    space_at = -1  # where a pending space (a run with white space in it) starts
    for match in _RUNS.finditer(mapped):
        start, end = match.span()
        if start > pos:
            if space_at >= 0 and pieces:
                pieces.append(" ")
                origin.append(space_at)
            space_at = -1
            pieces.append(mapped[pos:start])
            origin.extend(range(pos, start))
        pos = end
        run = match.group()
        if run == "\u2026":
            if space_at >= 0 and pieces:
                pieces.append(" ")
                origin.append(space_at)
            space_at = -1
            pieces.append("...")
            origin.extend((start, start, start))
        elif space_at < 0:
            first = next((i for i, ch in enumerate(run) if ch.isspace()), -1)
            if first >= 0:
                space_at = start + first
    if pos < len(mapped):
        if space_at >= 0 and pieces:
            pieces.append(" ")
            origin.append(space_at)
        pieces.append(mapped[pos:])
        origin.extend(range(pos, len(mapped)))
    origin.append(len(text))
    return FoldedText("".join(pieces), origin)


_PLAIN = str.maketrans({**_FOLD, **dict.fromkeys(_DROP), "\u2026": "..."})


def fold_plain(text: str) -> str:
    """fold(text).text without the offset map, at C speed: the same characters mapped, dropped and
    expanded, and white space collapsed the same way (str.split and str.isspace agree on it)."""
    if text.isascii():  # the common case: of the folded characters only the backtick is ASCII
        return " ".join(text.replace("`", "'").split())
    return " ".join(text.translate(_PLAIN).split())


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def name_key(text: str) -> str:
    """How names are compared: typography folded, case ignored, a leading 'the' dropped."""
    key = fold_plain(text).casefold().strip()
    return re.sub(r"^the\s+", "", key)
