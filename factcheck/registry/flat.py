"""Claims files read flat: each claim's fields as plain values, for the search index, which reads
every claims file on its first search and needs no YamlMap, no YAML node and no Claim of most of
them, and for verify, which reads every claims file on a cold run (pipeline/verification.py).

A claims file as factcheck writes it and people copy it (a `source:` line, then `claims:` and its
items, two spaces before the dash and four before each field, one-line values) is read by one
regular expression over the whole text, which gives each line's key and value at C speed; what is
left for Python is a few steps a line and the checks a claim needs. Anything else (other
indentation, a value over several lines, a flow list, an escape in quotes, a field or value the
loader would refuse, a source not in seeds/, an id used twice) gives None, and the caller reads
the file through the loader (registry/load.py), which reads it or says what is wrong: an unusual
file costs what it did, never a different result. What is read comes out as the loader's claims
would (tests/test_flat.py compares the two on every shape and many values).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from factcheck.files import is_file_name
from factcheck.registry.layout import CLAIM_FIELDS, ID_PATTERN, KINDS, REQUIRED, STATUSES
from factcheck.text.fold import name_key
from factcheck.yamlfile import UNUSUAL, plain_scalar

# A claim as read: its fields in models.Claim's order, from id to field_lines (certainty and basis,
# which the index does not keep, are checked and left out).
FlatClaim = tuple[str, str, str, str, str, str, str | None, str | None, str | None, str | None, str | None, str, str,
                  int, str, tuple[tuple[str, int], ...]]  # fmt: skip

# one line: a key at the top, at an item's dash or inside an item, with its value (double-quoted
# with no escape, single-quoted, or plain, as the quick YAML reader takes them; quotes kept, so an
# empty quoted value is told from none) and a comment; or a blank or comment line (key empty)
_LINE = re.compile(
    r"^(?:(|  - |    )([A-Za-z_][A-Za-z0-9_]*):"
    r"""(?: +(?:("[^"\\\n]*")|('(?:[^'\n]|'')*')|([^\s\-?:,\[\]{}#&*!|>'"%@`](?:[^#:\n]*[^\s#:])?)))?"""
    r"(?: +#[^\n]*)? *| *(?:#[^\n]*)?)$",
    re.MULTILINE,
)
_FIELDS_SET = frozenset(CLAIM_FIELDS)
_TOP = frozenset({"source", "claims"})


class _Refused(Exception):
    """Something the loader is to read (or refuse, in its own words)."""


class FlatReader:
    """Reads claims files flat against the entities (aliases: a name's key → its entity id) and the
    sources in seeds/; what it works out once per text (a plain value's type, a subject's entity) is
    kept for the next file."""

    def __init__(self, aliases: dict[str, str], sources: Container[str]) -> None:
        self.aliases = aliases
        self.sources = sources
        self._plain: dict[str, str | None] = {}  # a plain scalar as written → its text (None: refused)
        self._subjects: dict[str, str | None] = {}  # a subject as written → its entity id
        self._sources: set[str] = set()  # sources found to be file names in seeds/

    def read(self, text: str, display: str) -> list[FlatClaim] | None:
        """The claims of one claims file's text (decoded, a byte-order mark dropped), as the loader
        and check_claims (on this file alone) give them; None when the loader is to read it."""
        if UNUSUAL.search(text):
            return None
        try:
            return self._read(text, display)
        except _Refused:
            return None

    def _value(self, quoted: str, single: str, plain: str) -> str | None:
        if quoted:
            return quoted[1:-1]
        if single:
            return single[1:-1].replace("''", "'")
        if not plain:
            return None
        found = self._plain.get(plain, "")
        if found == "":  # not seen yet (a plain scalar is never empty)
            typed = plain_scalar(plain)
            found = str(typed) if type(typed) in (str, int, float) else None
            self._plain[plain] = found
        if found is None:  # a bool, a null or a tag the loader refuses: its words
            raise _Refused
        return found

    def _read(self, text: str, display: str) -> list[FlatClaim]:
        lines = _LINE.findall(text)
        if len(lines) != text.count("\n") + 1:  # a line of another shape
            return _refuse()
        value, plains = self._value, self._plain
        top: dict[str, str | None] = {}
        top_lines: dict[str, int] = {}
        items: list[tuple[int, dict[str, str], list[tuple[str, int]]]] = []
        fields: dict[str, str] | None = None  # the item being read (None outside the list of claims)
        keys: list[tuple[str, int]] = []
        in_claims = False  # inside the list of claims (its items are next)
        for number, (indent, key, quoted, single, plain) in enumerate(lines, 1):
            if not key:
                continue
            if indent:  # a field of a claim: its value, as _value gives it, inline (most lines are these)
                if quoted:
                    this = quoted[1:-1]
                elif plain and plains.get(plain):  # a plain value seen before
                    this = plains[plain]  # type: ignore[assignment]
                else:
                    found = value(quoted, single, plain)
                    if found is None:
                        return _refuse()
                    this = found
                if indent == "    ":
                    if fields is None or key in fields:
                        return _refuse()
                    fields[key] = this
                    keys.append((key, number))
                elif not in_claims:
                    return _refuse()
                else:
                    fields, keys = {key: this}, [(key, number)]
                    items.append((number, fields, keys))
                continue
            # a key of the top mapping
            if key in top or key not in _TOP:
                return _refuse()
            top_lines[key] = number
            if key == "claims":
                if quoted or single or plain:
                    return _refuse()
                top[key], in_claims, fields = None, True, None
            else:
                top[key], in_claims, fields = value(quoted, single, plain), False, None
                if top[key] is None:
                    return _refuse()
        if "claims" in top and not items:  # `claims:` and nothing under it: the loader's null
            return _refuse()
        default_source = top.get("source")
        default_line = top_lines.get("source", 0)
        out: list[FlatClaim] = []
        seen: set[str] = set()
        aliases, subjects, sources, good = self.aliases, self._subjects, self.sources, self._sources
        for line, item, key_lines in items:
            get = item.get
            if not item.keys() <= _FIELDS_SET:
                return _refuse()
            for key in REQUIRED:
                if not get(key, "").strip():
                    return _refuse()
            claim_id = item["id"]
            if claim_id in seen or not ID_PATTERN.match(claim_id):
                return _refuse()
            seen.add(claim_id)
            own_source = get("source")
            source = own_source or default_source
            if not source:
                return _refuse()
            if source not in good:  # checked once a source
                if not is_file_name(source) or source not in sources:
                    return _refuse()
                good.add(source)
            written = item["subject"]
            subject = subjects.get(written)
            if subject is None:
                subject = subjects[written] = aliases.get(name_key(written))
                if subject is None:
                    return _refuse()
            kind = get("kind")
            status = get("status") or "reviewed"
            certainty = get("certainty")
            if ((kind is not None and kind not in KINDS) or status not in STATUSES
                    or (certainty is not None and not _certain(certainty))):  # fmt: skip
                return _refuse()
            field_lines = tuple(key_lines) if own_source else (*key_lines, ("source", default_line or line))
            out.append((claim_id, source, item["quote"], subject, item["property"], item["value"], kind,
                        get("as_of"), get("period"), get("relative_to"), get("note"), status,
                        display, line, written, field_lines))  # fmt: skip
        return out


def _refuse() -> list[FlatClaim]:
    raise _Refused


def _certain(text: str) -> bool:
    """Whether extract's certainty is one the loader takes: a number from 0 to 1."""
    try:
        return 0.0 <= float(text) <= 1.0
    except ValueError:
        return False


Reader = Callable[[str, str], "list[FlatClaim] | None"]
