"""The cache's data format: JSON that can name only factcheck's own plain value types.

The cache is data, never code: a row is JSON (no pickle), and reading it can build nothing but
None, booleans, numbers, strings, lists, tuples, mappings, dates, the registry's line-numbered
mappings and lists, and the frozen value classes and enumerations of the modules that define
factcheck's values (`_classes`: claims, anchors, values, problems, discrepancies...), each through
its own constructor, with every field's type checked
against the class's annotations. A row that is not in this format, names anything else or has a
field of the wrong type raises CacheFormatError, and the caller works the row out afresh.

A row is `FORMAT` followed by the JSON text. A tagged JSON object stands for each non-JSON value:
{"t": [...]} a tuple, {"p": [k1, v1, k2, v2, ...]} a tuple of pairs of plain values (a claim's
field lines), {"m": [[key, value], ...]} a mapping, {"d": "2020-01-31"} a date,
{"c": "Claim", "f": [field values in order]} a value class, {"r": ["2020-01-01", "2020-01-31"]} a
DateRange (the commonest), {"e": "Verdict", "v": "conflict"} an enumeration,
{"ym": ..., "l": line, "kl": key lines} / {"yl": ..., "l": line, "il": item lines} a registry
mapping or list with its line numbers. JSON arrays are lists. A unit (one claims file, checked) is
{"u": [file, [claims], [anchors], [values], problems, groups]}, each claim, anchor and value a bare
list of its fields, with no class named: a value's first field is the index of its claim among the
unit's claims (each claim is written once), an anchor's status is its value, and an anchor's passage
and its source's sha256 are null when they are its claim's quote (the claim of its id, when only one
has it) and the sha256 of the anchor before.

Encoding is most of what keeping a unit costs, so each class's encoder is made once, as code that
reads its fields directly (as dataclasses make their own methods).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from enum import Enum
from typing import Any

from factcheck.models import DateRange

FORMAT = b"factcheck-cache-4\n"  # 3: units write each claim once; pairs flat; 4: a unit's parts as bare lists


class CacheFormatError(ValueError):
    """A row that is not in the cache's format: it is ignored and worked out again."""


@functools.cache
def _classes() -> dict[str, tuple[type, tuple[str, ...], tuple[tuple[type, ...] | None, ...]]]:
    """name → (class, field names, allowed types of each field (None: not checked)): the frozen
    dataclasses and enumerations defined in the modules that hold factcheck's values."""
    from factcheck import models
    from factcheck.normalize import claims, values
    from factcheck.pipeline import unit
    from factcheck.sources import load as sources

    found: dict[str, tuple[type, tuple[str, ...], tuple[tuple[type, ...] | None, ...]]] = {}
    for module in (models, values, claims, unit, sources):
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module.__name__:
                continue
            if issubclass(cls, Enum):
                found[cls.__name__] = (cls, (), ())
            elif dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
                try:
                    hints = typing.get_type_hints(cls)
                except Exception:  # pragma: no cover - an annotation that cannot be evaluated: fields unchecked
                    hints = {}
                fields = tuple(f for f in dataclasses.fields(cls) if f.init)
                found[cls.__name__] = (cls, tuple(f.name for f in fields),
                                       tuple(_allowed(hints.get(f.name)) for f in fields))  # fmt: skip
    return found


def _allowed(hint: Any) -> tuple[type, ...] | None:
    """The types a field's value may have at its top level, from its annotation (None: any)."""
    if hint is None or hint is Any:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        out: list[type] = []
        for arg in typing.get_args(hint):
            allowed = _allowed(arg)
            if allowed is None:
                return None
            out.extend(allowed)
        return tuple(out)
    if origin is not None:
        return (origin,) if isinstance(origin, type) else None
    if hint is float:
        return (float, int)
    if hint is type(None):
        return (type(None),)
    return (hint,) if isinstance(hint, type) else None


def dumps(value: Any) -> bytes:
    """A value as a cache row. TypeError for anything the format cannot hold."""
    return FORMAT + _JSON.encode(_encode(value)).encode("utf-8", "surrogatepass")


# a tree of plain values (the encoders make a new list or mapping for each value): no cycles to look for
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def loads(row: bytes) -> Any:
    """A cache row back to its value; CacheFormatError for anything that is not a row of this format."""
    if not isinstance(row, bytes) or not row.startswith(FORMAT):
        raise CacheFormatError("not a row of this cache format")
    try:
        return json.loads(row[len(FORMAT) :].decode("utf-8", "surrogatepass"), object_hook=_decode)
    except CacheFormatError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, OverflowError) as exc:
        raise CacheFormatError(f"a malformed row: {type(exc).__name__}") from None


_PLAIN = frozenset({type(None), str, int, float, bool})


def _encode(obj: Any) -> Any:
    t = type(obj)
    if t in _PLAIN:
        return obj
    encoder = _ENCODERS.get(t) or _encoder(t)
    return encoder(obj)


def _encode_tuple(obj: tuple[Any, ...]) -> Any:
    return {"t": [x if type(x) in _PLAIN else _encode(x) for x in obj]}


def _encode_list(obj: list[Any]) -> Any:
    return [x if type(x) in _PLAIN else _encode(x) for x in obj]


def _encode_dict(obj: dict[Any, Any]) -> Any:
    return {"m": [[_encode(k), _encode(v)] for k, v in obj.items()]}


def _encode_date(obj: dt.date) -> Any:
    return {"d": obj.isoformat()}


_ENCODERS: dict[type, Any] = {tuple: _encode_tuple, list: _encode_list, dict: _encode_dict, dt.date: _encode_date}


def _encoder(t: type) -> Any:
    """How to encode a value of type t (worked out once per type), or TypeError."""
    from factcheck.yamlfile import YamlList, YamlMap

    encoder: Any
    if t is DateRange:  # the commonest value class: two days, kept short and read back fast

        def encoder(obj: Any) -> Any:
            return {"r": [obj.start.isoformat(), obj.end.isoformat()]}
    elif t is YamlMap:

        def encoder(obj: Any) -> Any:
            return {"ym": [[k, _encode(v)] for k, v in obj.items()], "l": obj.line, "kl": list(obj.key_lines.items())}
    elif t is YamlList:

        def encoder(obj: Any) -> Any:
            return {"yl": [_encode(x) for x in obj], "l": obj.line, "il": list(obj.item_lines)}
    else:
        known = _classes().get(t.__name__)
        if known is None or known[0] is not t:
            raise TypeError(f"a {t.__name__} cannot be kept in the cache")
        name, fields = t.__name__, known[1]
        if issubclass(t, Enum):

            def encoder(obj: Any) -> Any:
                return {"e": name, "v": obj.value}
        else:
            encoder = _fields_encoder(t, fields)
            if name == "Unit":
                encoder = _unit_encoder(encoder)
    _ENCODERS[t] = encoder
    return encoder


def _fields_encoder(t: type, fields: tuple[str, ...], bare: bool = False) -> Any:
    """An encoder for a value class, made as code that reads each field by name: a field of plain
    pairs (by its annotation) is written flat. `bare`: the list of its fields alone, the class unnamed
    (for a unit's parts, whose class the unit's form says)."""
    hints = typing.get_type_hints(t)
    parts = [f"_pairs(o.{f})" if _is_pairs(hints.get(f)) else f"(x if type(x := o.{f}) in _P else _E(x))"
             for f in fields]  # fmt: skip
    made = f"[{', '.join(parts)}]" if bare else f"{{'c': {t.__name__!r}, 'f': [{', '.join(parts)}]}}"
    code = f"def encode(o):\n    return {made}\n"
    space: dict[str, Any] = {"_P": _PLAIN, "_E": _encode, "_pairs": _encode_pairs}
    exec(compile(code, f"<cache encoder of {t.__name__}>", "exec"), space)  # field names only: our own classes'
    return space["encode"]


def _is_pairs(hint: Any) -> bool:
    """Whether an annotation is tuple[tuple[X, Y], ...]."""
    args = typing.get_args(hint)
    return (typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis
            and typing.get_origin(args[0]) is tuple and len(typing.get_args(args[0])) == 2)  # fmt: skip


def _encode_pairs(obj: Any) -> Any:
    """A tuple of pairs of plain values as one flat list; anything else as usual."""
    if type(obj) is tuple and all(type(pair) is tuple and len(pair) == 2 for pair in obj):
        flat = [x for pair in obj for x in pair]
        if _PLAIN.issuperset(map(type, flat)):
            return {"p": flat}
    return _encode(obj)


def _unit_encoder(plain: Any) -> Any:
    """A unit with its claims, anchors and values as bare lists of their fields (see the module's
    text), each value's claim written as the claim's index among the unit's claims (`plain` for a
    unit whose values hold a claim it does not have, or whose parts are not of their classes)."""
    from factcheck.models import Anchor, AnchorStatus, Claim
    from factcheck.normalize.claims import ClaimValue

    encode_value = _fields_encoder(ClaimValue, _classes()["ClaimValue"][1][1:], bare=True)
    encode_claim = _fields_encoder(Claim, _classes()["Claim"][1], bare=True)
    encode_anchor = _fields_encoder(Anchor, _classes()["Anchor"][1], bare=True)

    at_status, at_exact, at_sha = _anchor_fields()

    def encoder(unit: Any) -> Any:
        claims = unit.claims
        if not all(type(c) is Claim for c in claims):
            return plain(unit)
        at = {id(c): i for i, c in enumerate(claims)}
        values = []
        for cv in unit.values:
            i = at.get(id(cv.claim))
            if i is None or type(cv) is not ClaimValue:
                return plain(unit)
            values.append([i, *encode_value(cv)])
        quotes = _quotes(claims)
        anchors = []
        sha = None
        for a in unit.anchors:
            if type(a) is not Anchor or type(a.status) is not AnchorStatus:
                return plain(unit)
            fields = encode_anchor(a)
            fields[at_status] = a.status.value
            if a.exact == quotes.get(a.claim_id):
                fields[at_exact] = None
            if a.source_sha256 == sha:
                fields[at_sha] = None
            sha = a.source_sha256
            anchors.append(fields)
        return {"u": [unit.file, [encode_claim(c) for c in claims], anchors, values, _encode(unit.problems),
                      _encode(unit.groups)]}  # fmt: skip

    return encoder


@functools.cache
def _anchor_fields() -> tuple[int, int, int]:
    """Where an anchor's status, passage and source's sha256 are among its fields."""
    names = _classes()["Anchor"][1]
    return names.index("status"), names.index("exact"), names.index("source_sha256")


def _quotes(claims: Any) -> dict[str, str]:
    """Claim id → its quote, for the ids only one of the claims has."""
    quotes: dict[str, str] = {}
    twice = set()
    for c in claims:
        if c.id in quotes:
            twice.add(c.id)
        quotes[c.id] = c.quote
    for claim_id in twice:
        del quotes[claim_id]
    return quotes


def _decode(obj: dict[str, Any]) -> Any:
    if "r" in obj:
        start, end = _list(obj["r"])
        if not isinstance(start, str) or not isinstance(end, str):
            raise CacheFormatError("a date range that is not two days")
        return DateRange(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    if "c" in obj:
        return _construct(obj["c"], obj["f"])
    if "t" in obj:
        return tuple(_list(obj["t"]))
    if "p" in obj:
        flat = _list(obj["p"])
        if len(flat) % 2:
            raise CacheFormatError("pairs of an odd number of values")
        items = iter(flat)
        return tuple(zip(items, items, strict=True))
    if "u" in obj:
        return _unit(_list(obj["u"]))
    if "m" in obj:
        return dict(_list(obj["m"]))
    if "d" in obj:
        return dt.date.fromisoformat(obj["d"])
    if "e" in obj:
        cls = _classes()[obj["e"]][0]
        if not issubclass(cls, Enum):
            raise CacheFormatError("not an enumeration")
        return cls(obj["v"])
    if "ym" in obj:
        from factcheck.yamlfile import YamlMap

        out = YamlMap((str(k), v) for k, v in _list(obj["ym"]))
        out.line = int(obj["l"])
        out.key_lines = {str(k): int(n) for k, n in _list(obj["kl"])}
        return out
    if "yl" in obj:
        from factcheck.yamlfile import YamlList

        seq = YamlList(_list(obj["yl"]))
        seq.line = int(obj["l"])
        seq.item_lines = [int(n) for n in _list(obj["il"])]
        return seq
    raise CacheFormatError("an object of no known kind")


def _construct(name: Any, values: Any) -> Any:
    """A value class built from its fields, each of the type its annotation allows."""
    cls, names, allowed = _classes()[name]
    if not isinstance(values, list) or len(values) != len(names):
        raise CacheFormatError(f"a {name} with the wrong fields")
    for value, types_ in zip(values, allowed, strict=True):
        if types_ is not None and not isinstance(value, types_):
            raise CacheFormatError(f"a {name} with a field of the wrong type")
    return cls(*values)


def _unit(fields: list[Any]) -> Any:
    """A unit from {"u": ...}: its claims and anchors from their fields, its values' claims found by
    index among its claims."""
    if len(fields) != 6:
        raise CacheFormatError("a unit with the wrong fields")
    file, claims, anchors, rows, problems, groups = fields
    claims = [_construct("Claim", _list(c)) for c in _list(claims)]
    quotes = _quotes(claims)
    status = _classes()["AnchorStatus"][0]
    at_status, at_exact, at_sha = _anchor_fields()
    n_fields = len(_classes()["Anchor"][1])
    made = []
    sha = None
    for a in _list(anchors):
        a = _list(a)
        if len(a) != n_fields:
            raise CacheFormatError("an anchor with the wrong fields")
        a[at_status] = status(a[at_status])
        if a[at_exact] is None:
            if not isinstance(a[0], str) or a[0] not in quotes:
                raise CacheFormatError("an anchor's passage of no claim")
            a[at_exact] = quotes[a[0]]
        if a[at_sha] is None:
            a[at_sha] = sha
        sha = a[at_sha]
        made.append(_construct("Anchor", a))
    anchors = tuple(made)
    values = []
    for row in _list(rows):
        i = _list(row)[0] if row else None
        if type(i) is not int or not 0 <= i < len(claims):
            raise CacheFormatError("a unit's value of no claim")
        values.append(_construct("ClaimValue", [claims[i], *row[1:]]))
    return _construct("Unit", [file, tuple(claims), anchors, tuple(values), problems, groups])


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise CacheFormatError("expected a list")
    return value
