"""What a run takes from the last one, through the cache: file hashes, stored units, and the
comparison judged again only where claims changed. verification.py does the checking; this
module decides what need not be done again."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, overload

from factcheck.errors import RegistryError
from factcheck.files import check_regular
from factcheck.judge.events import names_an_event
from factcheck.judge.pairing import lookup_keys, registered_keys, related_organisations
from factcheck.judge.questions import judge_questions
from factcheck.judge.quotes import quotation_keys
from factcheck.judge.verdicts import discrepancy_id, group_key
from factcheck.models import Anchor, Claim, DateRange, Discrepancy, Entity, Source
from factcheck.normalize.claims import ClaimValue
from factcheck.pipeline.cache import Cache, CacheCorrupt, digest
from factcheck.pipeline.shown import Judged, Shown, assemble, cut, judged, loads
from factcheck.pipeline.unit import Unit
from factcheck.registry.load import ENTITIES_FILE, load_entities
from factcheck.settings import SETTINGS_FILE, Settings
from factcheck.sources.load import RECHECK_NS, Seen, known_source
from factcheck.text.entities import EntityIndex

T = TypeVar("T")

INCREMENTAL_SHARE = 0.2  # above this share of changed claims files, every pair is judged again


def shown_questions(units: Units, store: Cache | None, entities: tuple[Entity, ...], glossary: dict[str, str],
                    all_pairs: bool, reviews: dict[str, Any], apply: Callable[[tuple[Discrepancy, ...]], tuple[Discrepancy, ...]],
                    again: Callable[[], Shown], index: Callable[[], EntityIndex] | None = None,
                    made: list[Judged] | None = None, earlier: dict[str, tuple[str, Unit]] | None = None,
                    ) -> Shown:  # fmt: skip
    """What is shown of every question (pipeline/shown.py). When no claims file changed since the
    last run, and neither did the reviews nor the mode, it is read back whole as that run showed it;
    otherwise the questions are judged again where needed (judged_questions) and shown, and what
    is shown is kept for the next run. `reviews` are the reviewers' decisions by discrepancy id,
    `apply` puts them on pairs; `again` works everything out afresh (see shown.loads); `index` gives
    the entities' index, when the caller has one; `made`: every question, judged already (in other
    processes, and kept in the cache already); `earlier`: changed files whose unit was kept under an
    earlier key in the same context, with that unit (judged_questions)."""
    base = digest(all_pairs, sorted(reviews.items()))
    state = digest(base, sorted(units.keys.items()))
    kept = store.shown() if store else None
    if store and kept and kept[0] == state:
        try:
            return loads(kept[2], store.question_reader(), apply, again)
        except (ValueError, KeyError):
            kept = None  # not of the expected form: shown afresh below
    made, replaced = (judged_questions(units, store, entities, glossary, all_pairs, frozenset(reviews), index, earlier)
                      if made is None else (made, None))  # fmt: skip
    result = None
    if store and kept and kept[1] == base and not made and replaced == set():  # no question changed
        try:
            result = loads(kept[2], store.question_reader(), apply, again)
        except (ValueError, KeyError):
            result = None
        if result is not None:
            store.rekey_shown(state)
            return result
    if store and kept and kept[1] == base and replaced is not None:  # the last run showed the questions kept
        try:
            old = loads(kept[2], store.question_reader(), apply, again)
            result = old.splice(replaced, assemble(made, apply, reviews, all_pairs))
        except (ValueError, KeyError):
            result = None
    if result is None:
        if store and replaced is not None:
            fresh = {j.key: j for j in made}
            made = [fresh.get(j.key, j) for j in store.questions()]
        result = assemble(made, apply, reviews, all_pairs)
    if store:
        shown_index, parts = result.parts()
        store.keep_shown(state, base, (cut(shown_index), parts))
        if result.origin is not None:  # spliced: written out as kept (its entries hold their own JSON else)
            result = result.with_bodies(parts)
    return result


def judged_questions(units: Units, store: Cache | None, entities: tuple[Entity, ...], glossary: dict[str, str],
                     all_pairs: bool = True, reviewed: frozenset[str] = frozenset(),
                     index: Callable[[], EntityIndex] | None = None, earlier: dict[str, tuple[str, Unit]] | None = None,
                     ) -> tuple[list[Judged], set[str] | None]:  # fmt: skip
    """Every question judged: from the cache when no unit changed; judging again only the questions
    changed units take part in when few changed (and their pairs can be found by key), keeping the
    verdicts of pairs between unchanged claims; otherwise all of them.

    With `all_pairs` every pair is spelled out; without, only those that need attention and those
    someone reviewed (their ids in `reviewed`: the decision may make one a conflict). Each comes
    with what is shown of it (pipeline/shown.py), in key order.

    Returned: the questions, and None; or, when only some were judged again, those and the keys of
    the questions they replace in the cache (the others are in the cache as they were).

    `earlier`: changed files whose unit was kept under an earlier key in the same context, with that
    unit. When their claims were compared on that key, a file whose claims did not change is not
    compared again (its unit is the one kept), and of the others only the claims that changed are
    fresh: a pair of two claims as they were keeps its verdict. (Not when a claim of theirs dates
    something from an event another claim names: judge/events.py reads those across claims.)"""
    keys = compared_keys(units.keys, all_pairs, reviewed)
    compared = store.compared() if store else {}
    changed = {f for f in keys if compared.get(f) != keys[f]} | (compared.keys() - keys.keys())
    earlier = earlier or {}
    before = compared_keys({f: earlier[f][0] for f in changed if f in earlier}, all_pairs, reviewed)
    known = {f: earlier[f][1] for f, k in before.items() if compared.get(f) == k}  # compared on the unit kept
    same = {f for f, u in known.items() if units.fresh.get(f) is u}
    if store and same:
        store.record_comparisons(groups=[], compared=[(f, keys[f]) for f in same])
        changed -= same
    if store and compared and not changed:
        return [], set()  # every question is in the cache as it was
    spell_out = None if not (all_pairs or reviewed) else (
        lambda a, b, v: all_pairs or discrepancy_id(a.claim.id, b.claim.id) in reviewed)  # fmt: skip
    present = [f for f in changed if f in keys]
    few = store is not None and compared and len(changed) <= INCREMENTAL_SHARE * len(keys)
    mine = units.load(present) if few else {}
    kept = _as_they_were(mine, known)
    changing = {f: replace(u, values=tuple(cv for cv in u.values if cv.claim.id not in kept)) for f, u in mine.items()}
    lookup = _lookups(changing, index() if index else EntityIndex(entities), entities, glossary) if few else None
    if store is not None and lookup is not None:
        stored = store.unit_ids(changed)
        fresh = frozenset(i.removeprefix(REJECTED_MARK) for ids in stored.values() for i in ids) | frozenset(
            c.id for u in mine.values() for c in u.claims)  # fmt: skip
        fresh -= kept
        touched = store.questions_of(changed)  # the questions the changed files took part in
        involved = store.files_in_groups(lookup) | store.files_of_questions(touched)
        both = {**mine, **units.load(involved - set(present) - (changed - keys.keys()))}
        values = [cv for u in both.values() for cv in u.values]
        wanted = touched | {"|".join(group_key(cv)) for u in mine.values() for cv in u.values}
        found = judge_questions(values, entities, _lines(both.values()), glossary, spell_out, fresh,
                                store.questions_by_key, wanted, index() if index else None)  # fmt: skip
        made = {k: judged(q) for k, q in found.items()}
        store.forget_comparisons(changed)
        store.replace_questions(touched | found.keys(), made.values(), _file_of(both))
        store.record_comparisons(groups=[(g, f) for f in present for g in mine[f].groups],
                                 compared=[(f, keys[f]) for f in present])  # fmt: skip
        return [made[k] for k in sorted(made)], touched | found.keys()
    everything = units.load(units.keys)
    values = [cv for u in everything.values() for cv in u.values]
    found = judge_questions(values, entities, _lines(everything.values()), glossary, spell_out,
                            index=index() if index else None)
    shown = [judged(found[k]) for k in sorted(found)]
    if store:
        keep_judged(store, shown, _file_of(everything), [(g, f) for f in keys for g in everything[f].groups], keys)
    return shown, None


def _as_they_were(units: dict[str, Unit], known: dict[str, Unit]) -> frozenset[str]:
    """The ids of the claims of changed units that are as they were in the unit each was compared
    on (`known`), unless a claim of the two dates something from an event (judge/events.py)."""
    out: set[str] = set()
    for f, unit in units.items():
        old = known.get(f)
        if old is None or any(names_an_event(cv) for cv in (*unit.values, *old.values)):
            continue
        before = {c.id: c for c in old.claims}
        out |= {c.id for c in unit.claims if before.get(c.id) == c}
    return frozenset(out)


def compared_keys(unit_keys: dict[str, str], all_pairs: bool, reviewed: frozenset[str]) -> dict[str, str]:
    """file → the key its claims were compared on: its unit's, and the mode (a cache of the other mode
    is not used)."""
    mode = "all" if all_pairs else f"listed {digest(sorted(reviewed))}"
    return {f: f"{k}|{mode}" for f, k in unit_keys.items()}


def keep_judged(store: Cache, questions: list[Judged], file_of: dict[str, str], groups: list[tuple[str, str]],
                compared: dict[str, str]) -> None:  # fmt: skip
    """Every question judged afresh kept in the cache, with the comparison keys of every file (`groups`:
    (key, file)) and the key each was compared on (compared_keys)."""
    with store.indexes_after("groups", "question_files"):
        store.forget_comparisons()
        store.replace_questions(None, questions, file_of)
        store.record_comparisons(groups=groups, compared=list(compared.items()))


def comparison_keys(values: Sequence[ClaimValue], index: EntityIndex, glossary: dict[str, str]) -> tuple[str, ...]:
    """The keys a unit's claims are found by when a changed claim is judged against stored ones:
    reviewed claims by subject and property, every claim by pairing's registered keys. A reviewed
    claim's are marked as such ("r" before them): pairing by evidence needs a proposed claim, so
    only a changed proposed claim looks them up, and an edit among reviewed claims loads only the
    files that share a subject and property with it, not every file about the same subject."""
    keys = {_group_tag(cv) for cv in values if cv.claim.status != "proposed"}
    for cv in values:
        found = registered_keys(cv, index, glossary)
        keys |= found if cv.claim.status == "proposed" else {"r" + k for k in found}
        keys |= quotation_keys(cv)
    return tuple(sorted(keys))


def _lookups(units: dict[str, Unit], index: EntityIndex, entities: tuple[Entity, ...],
             glossary: dict[str, str]) -> set[str] | None:  # fmt: skip
    """The keys of every stored claim the claims of changed units could pair with (None: any)."""
    related = related_organisations(entities)
    keys: set[str] = set()
    for unit in units.values():
        for cv in unit.values:
            if cv.claim.status != "proposed":
                keys.add(_group_tag(cv))
            found = lookup_keys(cv, index, glossary, related)
            if found is None:
                return None
            keys |= found | quotation_keys(cv)
            if cv.claim.status == "proposed":
                keys |= {"r" + k for k in found}
    return keys


def _group_tag(cv: ClaimValue) -> str:
    return "g|" + "|".join(group_key(cv))


REJECTED_MARK = "!"  # before a rejected claim's id in the ids a unit keeps (no id starts with it)


def _file_of(units: dict[str, Unit]) -> dict[str, str]:
    return {c.id: u.file for u in units.values() for c in u.claims}


def _lines(units: Any) -> dict[str, int]:
    return {a.claim_id: a.line for u in units for a in u.anchors}


class Units:
    """The units of a run: those checked now in memory, the others loaded from the cache on demand."""

    def __init__(self, cache_file: Path | None, keys: dict[str, str], fresh: dict[str, Unit],
                 check: Callable[[str], Unit]) -> None:  # fmt: skip
        self.cache_file = cache_file
        self.keys = keys
        self.fresh = fresh
        self.check = check  # works a unit out afresh when the cache cannot give it
        self._loaded: dict[str, Unit] = {}

    def load(self, files: Any) -> dict[str, Unit]:
        """file → unit, in the order given."""
        files = list(files)
        wanted = [f for f in files if f not in self.fresh and f not in self._loaded]
        if wanted:
            self._loaded.update(self._read(wanted))
        return {f: self.fresh.get(f) or self._loaded[f] for f in files}

    def _read(self, files: list[str]) -> dict[str, Unit]:
        import sqlite3

        assert self.cache_file is not None
        try:
            db = sqlite3.connect(f"file:{self.cache_file}?mode=ro", uri=True, timeout=10)
            try:
                got = Cache(self.cache_file, db).units(files, self.keys)
            finally:
                db.close()
        except (CacheCorrupt, sqlite3.Error):
            got = {}  # a damaged or vanished cache is not trusted: the units are worked out again
        return {f: got[f] if f in got else self.check(f) for f in files}

    def claims(self) -> tuple[Claim, ...]:
        """The claims that count: a rejected claim stays in its file, but in no result or count."""
        return tuple(c for u in self.load(self.keys).values() for c in u.claims if c.status != "rejected")

    def anchors(self) -> tuple[Anchor, ...]:
        return tuple(a for u in self.load(self.keys).values() for a in u.anchors)


class Lazy(Sequence[T]):
    """A sequence read only when first used (a verification's claims and anchors)."""

    def __init__(self, load: Callable[[], tuple[T, ...]], length: int | None = None) -> None:
        self._load = load
        self._length = length
        self._items: tuple[T, ...] | None = None

    def _all(self) -> tuple[T, ...]:
        if self._items is None:
            self._items = self._load()
        return self._items

    def __len__(self) -> int:
        return self._length if self._length is not None else len(self._all())

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        return self._all()[i]

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())


class FileHashes:
    """sha256 of registry files, taken from the cache while their size, mtime and inode hold, and
    worked out at most once a run."""

    def __init__(self, store: Cache | None, stats: dict[str, os.stat_result] | None = None) -> None:
        self.store = store
        self.known: dict[str, Seen] = kept_seen(store, "seen-files", "")
        self.learnt: dict[str, Seen] = {}
        self.stats = stats or {}  # path → its stat, taken already this run (file_state): not taken again

    def of(self, path: Path) -> str | None:
        key = str(path)
        if key in self.learnt:
            return self.learnt[key].sha256
        st = self.stats.get(key)
        if st is None:
            try:
                st = path.stat()
            except FileNotFoundError:
                return None
        if not stat.S_ISREG(st.st_mode):  # a folder or a pipe where a file belongs: the loader says so
            check_regular(path, f"{path.parent.name}/{path.name}", RegistryError, "a registry file")
        seen = self.known.get(key)
        if seen is None or not seen.still(st, None):
            sha = _sha256(path)
            seen = Seen(st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, time.time_ns(), sha, "", None, False)
        self.learnt[key] = seen
        return seen.sha256

    def learn(self, path: Path, seen: Seen) -> None:
        """What another process learnt of a file, as `of` would learn it (its stat, then its sha256),
        unless this run learnt it already."""
        self.learnt.setdefault(str(path), seen)

    def save(self) -> None:
        if self.store and self.learnt != self.known:
            keep_seen(self.store, "seen-files", "", self.learnt)


def _sha256(path: Path) -> str:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError as exc:
        raise RegistryError(f"cannot read: {exc.strerror}", path=f"{path.parent.name}/{path.name}",
                            hint="check it exists and is readable") from None  # fmt: skip


class State(NamedTuple):
    """What file_state finds of the files verify reads."""

    key: str  # of every file's stat
    trusted: bool  # no file changed in the last RECHECK_NS
    seeds: str | None  # a key of the settings and seeds/ alone, when those can be trusted
    stats: dict[str, os.stat_result]  # each entry of seeds/ and claims/ (by its path) → its stat


def file_state(root: Path) -> State:
    """A key of every file verify reads: the settings, and every entry of seeds/ and claims/, each by
    name, size, mtime, ctime and inode; whether they can be trusted by it (none changed in the last
    RECHECK_NS: a second change within the same clock tick could leave its stat unchanged); a key of
    the settings and seeds/ alone, when those can be (None when not); and the stat of each entry of
    seeds/ and claims/, so that a run need not take it again."""
    now = time.time_ns()
    stats: dict[str, os.stat_result] = {}
    newest = seeds_newest = 0
    parts: list[tuple[Any, ...]] = []
    seeds_end = 0
    for label, where in (("settings", root / SETTINGS_FILE), ("seeds", root / "seeds"), ("claims", root / "claims")):
        if label == "claims":
            seeds_end, seeds_newest = len(parts), newest
        try:
            found: list[tuple[str, Any]]  # (name, a Path or a directory entry)
            if label == "settings":
                found = [(where.name, where)]
                itself = None
            else:
                itself = os.lstat(where)  # a folder replaced by a link is a change
                with os.scandir(where) as listing:
                    found = sorted((e.name, e) for e in listing)
        except OSError:
            parts.append((label, None))
            continue
        parts.append((label, len(found), itself and (itself.st_mode, itself.st_ino)))
        for name, entry in found:
            try:
                st = entry.stat()
            except OSError:
                parts.append((name, None))
                continue
            parts.append((name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_mode))
            newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
            if label != "settings":
                stats[entry.path] = st
    seeds = digest(parts[:seeds_end]) if now - seeds_newest > RECHECK_NS else None
    return State(digest(parts), now - newest > RECHECK_NS, seeds, stats)


# A source as kept_sources keeps it: its name, sha256, encoding, title, outlet, author, url, the first
# and last day it was published, its evidence and its warnings
_SOURCE_TYPES: tuple[type | tuple[type, ...], ...] = (
    str, str, str, (str, type(None)), (str, type(None)), (str, type(None)), (str, type(None)), (str, type(None)),
    (str, type(None)), list, list)  # fmt: skip


def kept_sources(store: Cache, key: str, root: Path, settings: Settings) -> tuple[Source, ...] | None:
    """The sources a run found under key (a key of the settings and seeds/: file_state), when they
    were kept (keep_sources) and are all of the expected form; None otherwise. Nothing in seeds/ is
    read: each source's text is read when first needed, as scan_sources leaves it."""
    found = store.get("sources", key)
    width = len(_SOURCE_TYPES)
    if not isinstance(found, list) or len(found) % width:
        return None
    for i, want in enumerate(_SOURCE_TYPES):
        if not all(isinstance(x, want) for x in found[i::width]):
            return None
    if not all(isinstance(t, str) for i in (width - 2, width - 1) for texts in found[i::width] for t in texts):
        return None
    days: dict[str | None, dt.date | None] = {None: None}
    sources = []
    try:
        for i in range(0, len(found), width):
            name, sha, encoding, title, outlet, author, url, start, end, evidence, warnings = found[i : i + width]
            for day in (start, end):
                if day not in days:
                    days[day] = dt.date.fromisoformat(day)
            first, last = days[start], days[end]
            published = DateRange(first, last) if first and last else None
            sources.append(known_source(root, settings, name, sha, encoding, title=title, outlet=outlet, author=author,
                                        url=url, published=published, evidence=tuple(evidence),
                                        warnings=tuple(warnings)))  # fmt: skip
    except ValueError:  # a day that is not one
        return None
    return tuple(sources)


def keep_sources(store: Cache, key: str, sources: Sequence[Source]) -> None:
    """Keep what scan_sources found of every source (not their texts) under key, as one flat list of
    plain values (see keep_seen), for a run that finds the settings and seeds/ as they are now."""
    flat: list[Any] = []
    for s in sources:
        span = s.published
        flat += (s.name, s.sha256, s.encoding, s.title, s.outlet, s.author, s.url, span and span.start.isoformat(),
                 span and span.end.isoformat(), list(s.evidence), list(s.warnings))  # fmt: skip
    store.put("sources", key, flat)


# a file's name, then Seen's fields
_SEEN_TYPES: tuple[type | tuple[type, ...], ...] = (str, int, int, int, int, int, str, str, (str, type(None)), bool)


def kept_seen(store: Cache | None, kind: str, key: str) -> dict[str, Seen]:
    """What the cache kept of files under kind and key (see keep_seen); nothing when it is not all
    of the expected form."""
    found = store.get(kind, key) if store else None
    width = len(_SEEN_TYPES)
    if not isinstance(found, list) or len(found) % width:
        return {}
    for i, want in enumerate(_SEEN_TYPES):
        column = found[i::width]
        if want is int:  # a bool is an int to isinstance, not to a record
            if not all(type(x) is int for x in column):
                return {}
        elif not all(isinstance(x, want) for x in column):
            return {}
    return {found[i]: Seen(*found[i + 1 : i + width]) for i in range(0, len(found), width)}


def keep_seen(store: Cache, kind: str, key: str, seen: dict[str, Seen]) -> None:
    """Keep what was learnt of files as one flat list of plain values, a file's name and its record's
    fields in turn: read back at the speed of JSON, not object by object (a registry has thousands)."""
    flat: list[Any] = []
    for name, s in seen.items():
        flat += (name, s.size, s.mtime_ns, s.ino, s.ctime_ns, s.learnt_ns, s.sha256, s.encoding, s.declared, s.empty)
    store.put(kind, key, flat)


def settings_key(settings: Settings) -> str:
    """The settings a kept result depends on: a changed size limit is applied to every file again."""
    return f"{settings.max_source_bytes}:{settings.max_registry_bytes}"


def entities_key(claims_dir: Path, hashes: FileHashes, settings: Settings) -> str:
    """The key the entities file's parse is kept under: its hash and the settings."""
    return f"{hashes.of(claims_dir / ENTITIES_FILE)}|{settings_key(settings)}"


def cached_entities(claims_dir: Path, store: Cache | None, hashes: FileHashes, settings: Settings) -> Any:
    """The entities file's parse, kept in the cache by its hash (entities_key)."""
    if store is None:
        return load_entities(claims_dir, settings)
    return store.kept("entities", entities_key(claims_dir, hashes, settings), lambda: load_entities(claims_dir, settings),
                      tuple)  # fmt: skip


def kept_entities(store: Cache, key: str) -> tuple[Entity, ...] | None:
    """The entities kept under key (cached_entities), when they are the last kept and of the expected form."""
    found = store.get("entities", key)
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], tuple)
            and all(isinstance(e, Entity) for e in found[0])):  # fmt: skip
        return None
    return found[0]
