"""verify: the whole pipeline over one project — sources, registry, anchors, values, verdicts.

The work is done per claims file — a unit: its claims parsed, anchored in their sources and
normalized — and then claims are compared across files. With the cache (cache.py) a unit whose
inputs are unchanged is taken from it, and after an edit only the pairs the edited files take
part in are judged again. Without it (or when it is damaged) everything is worked out afresh;
the result is the same either way.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.anchor import ANCHORS_FILE, anchor_quote, load_recorded, prepare, value_in
from factcheck.baseline import apply_reviews, load_reviews
from factcheck.cache import Cache, CacheBusy, CacheCorrupt, digest, open_cache, remove_cache
from factcheck.compare import compare, group_key, order_discrepancies
from factcheck.entities import EntityIndex
from factcheck.models import Anchor, AnchorStatus, Claim, Discrepancy, Entity, Problem, Severity, Source, Verification
from factcheck.normalize.claims import ClaimValue, glossary_index, normalize_claim
from factcheck.pairing import lookup_keys, registered_keys, related_organisations
from factcheck.registry import (
    ENTITIES_FILE,
    alias_index,
    check_claims,
    claim_files,
    load_entities,
    parse_claims_file,
    registry_dir,
)  # fmt: skip
from factcheck.settings import Settings, load_settings
from factcheck.sources import Seen, load_manifest, scan_sources

PREPARED_KEPT = 32  # prepared sources kept in memory at once
INCREMENTAL_SHARE = 0.2  # above this share of changed claims files, every pair is judged again
PARALLEL_FROM = 64
CHUNKS_PER_JOB = 8  # claims files to check before more processes are worth starting


@dataclass(frozen=True)
class Unit:
    """One claims file, checked: its claims, their anchors, their values and the problems found."""

    file: str  # claims/<name>
    claims: tuple[Claim, ...]
    anchors: tuple[Anchor, ...]
    values: tuple[ClaimValue, ...]
    problems: tuple[Problem, ...]

    groups: tuple[str, ...] = ()  # the keys its claims are found by for comparison (see _groups)


@dataclass(frozen=True)
class Context:
    """What checking a unit needs besides its file."""

    root: Path
    settings: Settings
    aliases: dict[str, str]
    glossary: dict[str, str]
    sources: dict[str, Source]
    recorded: dict[str, dict[str, Any]]
    entities: tuple[Entity, ...] = ()


def verify(
    root: str | Path = ".", progress: Callable[[str, int], None] | None = None, *, jobs: int | None = None,
    cache: bool = True,
) -> Verification:  # fmt: skip
    """Check every quote, every value and every cross-source pair in the project at root.

    Raises a FactcheckError when the project cannot be read at all (a malformed registry file);
    everything else is reported in the result's problems and discrepancies. `progress(name, total)`
    is called for every claims file checked, for a progress bar. `jobs` is the number of processes
    for checking claims files (None: one per core when there are many files to check); `cache`
    False works without .factcheck/cache.sqlite.
    """
    root = Path(root)
    if cache:
        try:
            with open_cache(root) as store:
                return _verify(root, progress, jobs, store)
        except CacheBusy:
            pass  # another run is writing it: work without it
        except CacheCorrupt:
            remove_cache(root)  # never trusted: thrown away, and rebuilt by the next run
    return _verify(root, progress, jobs, None)


def _verify(root: Path, progress: Callable[[str, int], None] | None, jobs: int | None,
            store: Cache | None) -> Verification:  # fmt: skip
    settings = load_settings(root)
    hashes = FileHashes(store)
    seen = store.get("seen-sources", "") if store else None
    sources, learnt = scan_sources(root, settings, seen, _manifest_loader(store, hashes, settings, root))
    if store and learnt != seen:
        store.put("seen-sources", "", learnt)
    by_name = {s.name: s for s in sources}
    claims_dir = registry_dir(root)
    entities, terms = _entities(root, claims_dir, store, hashes, settings)
    anchors_file = claims_dir / ANCHORS_FILE
    base = digest(hashes.of(claims_dir / ENTITIES_FILE), hashes.of(anchors_file) if anchors_file.is_file() else None)
    files = claim_files(claims_dir)

    def key_of(file: Path, cited: Sequence[str]) -> str:
        facts = [(n, s.sha256, s.published, s.encoding) if (s := by_name.get(n)) else (n,) for n in sorted(cited)]
        return digest(base, hashes.of(file), facts)

    stored = store.unit_keys() if store else {}
    keys: dict[str, str] = {}
    todo: list[Path] = []
    for file in files:
        display = f"claims/{file.name}"
        row = stored.get(display)
        if row is not None and row[0] == key_of(file, row[1]):
            keys[display] = row[0]
        else:
            todo.append(file)
    ctx = Context(root, settings, alias_index(entities), glossary_index(terms), by_name, load_recorded(claims_dir),
                  entities)  # fmt: skip
    fresh: dict[str, Unit] = {}
    for file, (unit, pickled) in zip(todo, _check_units(ctx, todo, progress, jobs), strict=True):
        fresh[unit.file] = unit
        cited = sorted({c.source for c in unit.claims})
        keys[unit.file] = key_of(file, cited)
        if store:
            store.put_unit(unit.file, keys[unit.file], cited, [c.id for c in unit.claims], unit, unit.problems,
                           pickled)  # fmt: skip
    if store:
        store.drop_units(f for f in stored if f not in keys)
        hashes.save()
    units = Units(store.path if store else None, keys, fresh, lambda f: check_unit(ctx, claims_dir / Path(f).name))
    count = _check_across(units, stored, set(by_name))
    discrepancies = _discrepancies(units, store, entities, ctx.glossary)
    problems = [Problem(Severity.WARNING, f"{s.path} {w}", None, s.name) for s in sources for w in s.warnings]
    unit_problems = store.unit_problems(f for f in keys if f not in fresh) if store else {}
    for file in keys:
        problems.extend(fresh[file].problems if file in fresh else unit_problems.get(file, ()))
    if store:
        store.commit()
    return Verification(
        root=str(root),
        sources=sources,
        claims=Lazy(units.claims, count),
        anchors=Lazy(units.anchors),
        problems=tuple(problems),
        discrepancies=apply_reviews(discrepancies, load_reviews(root)),
        entities=entities,
    )


def check_unit(ctx: Context, file: Path, prepared: Callable[[str], Any] | None = None,
               index: EntityIndex | None = None) -> Unit:  # fmt: skip
    """Parse one claims file and check each claim: its quote is in its source, its value is in its
    quote, and its value, dates and time can be worked out."""
    display = f"claims/{file.name}"
    claims = parse_claims_file(ctx.root, file, ctx.aliases, ctx.settings)
    prepared = prepared or functools.lru_cache(maxsize=PREPARED_KEPT)(lambda name: prepare(ctx.sources[name]))
    problems: list[Problem] = []
    anchors: list[Anchor] = []
    values: list[ClaimValue] = []

    def report(severity: str, message: str, claim: Claim, where: str) -> None:
        problems.append(Problem(Severity(severity), f"{where}: {message}", claim.id, claim.source))

    for claim in claims:
        if claim.status == "rejected" or claim.source not in ctx.sources:
            continue  # a source not in seeds/ is reported by check_claims, over all files
        source = ctx.sources[claim.source]
        where = f"{display}:{claim.line_of('quote')}"
        anchor = anchor_quote(claim, prepared(claim.source), ctx.recorded.get(claim.id))
        anchors.append(anchor)
        if anchor.status is AnchorStatus.ORPHANED and not source.text.strip():
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, which is empty "
                   "(restore the source's text, or remove the claim)", claim, where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.ORPHANED:
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}; nearest passage "
                   f"(line {anchor.line}, score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim, where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY and not value_in(claim.value, anchor.exact):
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, and the nearest passage (line "
                   f"{anchor.line}) does not have its value '{claim.value}': \"{excerpt(anchor.exact)}\"", claim,
                   where)  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY:
            report("warning", f"quote of '{claim.id}' matches seeds/{claim.source} line {anchor.line} only "
                   f"approximately (score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim, where)  # fmt: skip
        elif anchor.status is AnchorStatus.MOVED:
            report("warning", f"seeds/{claim.source} changed since anchors were recorded; quote of "
                   f"'{claim.id}' moved to line {anchor.line}", claim, where)  # fmt: skip
        value_where = f"{display}:{claim.line_of('value')}"
        if not value_in(claim.value, claim.quote):
            report("error", f"value '{claim.value}' of '{claim.id}' does not occur in its quote", claim, value_where)
            continue
        cv = normalize_claim(claim, source, ctx.glossary)
        for severity, message in cv.problems:
            report(severity, f"'{claim.id}': {message}", claim, value_where)
        values.append(cv)
    return Unit(display, claims, tuple(anchors), tuple(values), tuple(problems),
                _groups(values, index or EntityIndex(ctx.entities), ctx.glossary))  # fmt: skip


def _groups(values: list[ClaimValue], index: EntityIndex, glossary: dict[str, str]) -> tuple[str, ...]:
    """The keys a unit's claims are found by: reviewed claims by subject and property, every claim
    by pairing's registered keys."""
    keys = {"g|" + "|".join(group_key(cv)) for cv in values if cv.claim.status != "proposed"}
    for cv in values:
        keys |= registered_keys(cv, index, glossary)
    return tuple(sorted(keys))


def _check_units(ctx: Context, files: list[Path], progress: Callable[[str, int], None] | None,
                 jobs: int | None) -> Iterator[tuple[Unit, bytes | None]]:  # fmt: skip
    """Check files in order, in several processes when there are many and jobs allows. A unit from
    another process comes with its pickled form, which the cache keeps as it is."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1) if len(files) >= PARALLEL_FROM else 1
    if jobs <= 1 or len(files) < 2:
        prepared = functools.lru_cache(maxsize=PREPARED_KEPT)(lambda name: prepare(ctx.sources[name]))
        index = EntityIndex(ctx.entities)
        for file in files:
            if progress is not None:
                progress(file.name, len(files))
            yield check_unit(ctx, file, prepared, index), None
        return
    # sources go without their text: each process reads the few its files cite
    shipped = replace(ctx, sources={n: replace(s, body=None) for n, s in ctx.sources.items()})
    size = max(1, len(files) // (jobs * CHUNKS_PER_JOB))  # each chunk carries the context: not too many
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, units in zip(chunks, pool.map(_check_chunk, [(shipped, c) for c in chunks]), strict=True):
            for file in chunk:
                if progress is not None:
                    progress(file.name, len(files))
            for pickled in units:
                yield pickle.loads(pickled), pickled


def _check_chunk(task: tuple[Context, list[Path]]) -> list[bytes]:
    ctx, files = task
    prepared = functools.lru_cache(maxsize=PREPARED_KEPT)(lambda name: prepare(ctx.sources[name]))
    index = EntityIndex(ctx.entities)
    return [pickle.dumps(check_unit(ctx, file, prepared, index), protocol=pickle.HIGHEST_PROTOCOL) for file in files]


def _check_across(units: Units, stored: dict[str, tuple[str, tuple[str, ...], str]], names: set[str]) -> int:
    """What only all files together can show: a source not in seeds/, an id used twice. Files from
    the cache are checked by what it keeps of them; the claims are loaded only to name the line.
    Returns the number of claims."""
    first: dict[str, str] = {}
    count = 0
    for file in units.keys:
        if file in units.fresh:
            cited = {c.source for c in units.fresh[file].claims}
            ids = [c.id for c in units.fresh[file].claims]
        else:
            cited, ids = set(stored[file][1]), stored[file][2].split("\n") if stored[file][2] else []
        if not cited <= names:
            check_claims(units.load([file])[file].claims, names)
        count += len(ids)
        mine: set[str] = set()
        for claim_id in ids:
            earlier = first.setdefault(claim_id, file)
            if earlier != file or claim_id in mine:
                both = list(dict.fromkeys([earlier, file]))
                pair = units.load(both)
                check_claims([c for f in both for c in pair[f].claims], names)
            mine.add(claim_id)
    return count


def _discrepancies(units: Units, store: Cache | None, entities: tuple[Entity, ...],
                   glossary: dict[str, str]) -> tuple[Discrepancy, ...]:  # fmt: skip
    """Every pair judged: from the cache when no unit changed; judging only the pairs of changed
    units when few changed (and their pairs can be found by key); otherwise all of them."""
    compared = store.compared() if store else {}
    changed = {f for f in units.keys if compared.get(f) != units.keys[f]} | (compared.keys() - units.keys.keys())
    if store and compared and not changed:
        return order_discrepancies(store.pairs())
    present = [f for f in changed if f in units.keys]
    few = store is not None and compared and len(changed) <= INCREMENTAL_SHARE * len(units.keys)
    mine = units.load(present) if few else {}
    lookup = _lookups(mine, entities, glossary) if few else None
    if store is not None and lookup is not None:
        neighbours = units.load(store.files_in_groups(lookup) - set(present))
        new = [cv for u in mine.values() for cv in u.values]
        known = [cv for u in neighbours.values() for cv in u.values]
        found = compare(new, entities, _lines([*mine.values(), *neighbours.values()]), glossary, known=known)
        store.forget_comparisons(changed)
        _record(store, found, {**mine, **neighbours}, present, units.keys)
        return order_discrepancies(store.pairs())
    everything = units.load(units.keys)
    values = [cv for u in everything.values() for cv in u.values]
    found = compare(values, entities, _lines(everything.values()), glossary)
    if store:
        store.forget_comparisons()
        _record(store, found, everything, list(units.keys), units.keys)
    return found


def _lookups(units: dict[str, Unit], entities: tuple[Entity, ...], glossary: dict[str, str]) -> set[str] | None:
    """The keys of every stored claim the claims of changed units could pair with (None: any)."""
    index = EntityIndex(entities)
    related = related_organisations(entities)
    keys: set[str] = set()
    for unit in units.values():
        for cv in unit.values:
            if cv.claim.status != "proposed":
                keys.add("g|" + "|".join(group_key(cv)))
            found = lookup_keys(cv, index, glossary, related)
            if found is None:
                return None
            keys |= found
    return keys


def _record(store: Cache, found: Sequence[Discrepancy], units: dict[str, Unit], files: list[str],
            keys: dict[str, str]) -> None:  # fmt: skip
    file_of = {c.id: u.file for u in units.values() for c in u.claims}
    store.record_comparisons(
        groups=[(g, f) for f in files for g in units[f].groups],
        pairs=[(file_of[d.claims[0].id], file_of[d.claims[1].id], d) for d in found],
        compared=[(f, keys[f]) for f in files],
    )


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
        return tuple(c for u in self.load(self.keys).values() for c in u.claims)

    def anchors(self) -> tuple[Anchor, ...]:
        return tuple(a for u in self.load(self.keys).values() for a in u.anchors)


class Lazy(Sequence):  # type: ignore[type-arg]
    """A sequence read only when first used (a verification's claims and anchors)."""

    def __init__(self, load: Callable[[], tuple[Any, ...]], length: int | None = None) -> None:
        self._load = load
        self._length = length
        self._items: tuple[Any, ...] | None = None

    def _all(self) -> tuple[Any, ...]:
        if self._items is None:
            self._items = self._load()
        return self._items

    def __len__(self) -> int:
        return self._length if self._length is not None else len(self._all())

    def __getitem__(self, i: Any) -> Any:
        return self._all()[i]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())


class FileHashes:
    """sha256 of registry files, taken from the cache while their size, mtime and inode hold."""

    def __init__(self, store: Cache | None) -> None:
        self.store = store
        self.known = store.get("seen-files", "") if store else None
        self.known = self.known or {}
        self.learnt: dict[str, Seen] = {}

    def of(self, path: Path) -> str | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        key = str(path)
        seen = self.known.get(key)
        if seen is not None and seen.still(st, None):
            self.learnt[key] = seen
            return seen.sha256
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        self.learnt[key] = Seen(st.st_size, st.st_mtime_ns, st.st_ino, _now(), sha, "", None, False)
        return sha

    def save(self) -> None:
        if self.store and self.learnt != self.known:
            self.store.put("seen-files", "", self.learnt)


def _now() -> int:
    import time

    return time.time_ns()


def _manifest_loader(store: Cache | None, hashes: FileHashes, settings: Settings, root: Path) -> Any:
    if store is None:
        return None

    def load(path: Path) -> Any:
        key = hashes.of(path) or ""
        entries = store.get("manifest", key)
        if entries is None:
            entries = load_manifest(path.parent, root, settings.max_registry_bytes)
            store.put("manifest", key, entries)
        return entries

    return load


def _entities(root: Path, claims_dir: Path, store: Cache | None, hashes: FileHashes, settings: Settings) -> Any:
    if store is None:
        return load_entities(claims_dir, settings)
    key = hashes.of(claims_dir / ENTITIES_FILE) or ""
    found = store.get("entities", key)
    if found is None:
        found = load_entities(claims_dir, settings)
        store.put("entities", key, found)
    return found


def excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
