"""verify: the whole pipeline over one project — sources, registry, anchors, values, verdicts.

The work is done per claims file — a unit: its claims parsed, anchored in their sources and
normalized — and then claims are compared across files. With the cache (cache.py) a unit whose
inputs are unchanged is taken from it, and after an edit only the pairs the edited files take
part in are judged again. Without it (or when it is damaged) everything is worked out afresh;
the result is the same either way.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.anchor import ANCHORS_FILE, anchor_quote, load_recorded, prepare, value_in
from factcheck.collector import fewer_collections
from factcheck.errors import FactcheckError, RegistryError
from factcheck.files import read_bounded
from factcheck.models import Anchor, AnchorStatus, Claim, Entity, Problem, Severity, Source, Verification
from factcheck.normalize.claims import ClaimValue, glossary_index, normalize_claim
from factcheck.pipeline import cache_format
from factcheck.pipeline.cache import Cache, CacheBusy, CacheCorrupt, digest, open_cache, remove_cache
from factcheck.pipeline.incremental import (
    INCREMENTAL_SHARE,
    REJECTED_MARK,
    FileHashes,
    Lazy,
    State,
    Unit,
    Units,
    cached_entities,
    compared_keys,
    comparison_keys,
    entities_key,
    file_state,
    keep_seen,
    keep_sources,
    kept_entities,
    kept_seen,
    kept_sources,
    settings_key,
    shown_questions,
)
from factcheck.pipeline.shown import Judged, Shown, loads, made_afresh
from factcheck.pipeline.workers import Checked, Workers, fork_available
from factcheck.project import Project
from factcheck.registry.flat import FlatReader
from factcheck.registry.load import (
    ENTITIES_FILE,
    alias_index,
    check_claims,
    claim_files,
    parse_claims_file,
    registry_dir,
)
from factcheck.registry.reviews import apply_reviews, load_reviews
from factcheck.settings import Settings
from factcheck.sources.load import scan_sources
from factcheck.text.entities import EntityIndex

PREPARED_KEPT = 32  # prepared sources kept in memory at once
PARALLEL_FROM = 64  # claims files to check before more processes are worth starting
CHUNKS_PER_JOB = 8  # chunks of files per process: each chunk carries the context


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
    root: str | Path | Project = ".", progress: Callable[[str, int], None] | None = None, *, jobs: int | None = None,
    cache: bool = True, all_pairs: bool = True,
) -> Verification:  # fmt: skip
    """Check every quote, every value and every cross-source pair in the project at root.

    Raises a FactcheckError when the project cannot be read at all (a malformed registry file);
    everything else is reported in the result's problems and discrepancies. `progress(name, total)`
    is called for every claims file checked, for a progress bar. `jobs` is the number of processes
    for checking claims files (None: one per core when there are many files to check); `cache`
    False works without .factcheck/cache.sqlite. `all_pairs` False lists only the pairs that need
    attention in discrepancies and counts the others (in `unlisted`): what a large registry needs.
    """
    with fewer_collections():
        return _cached(Project.at(root), progress, jobs, cache, all_pairs, quick=True)


def _cached(project: Project, progress: Callable[[str, int], None] | None, jobs: int | None, cache: bool,
            all_pairs: bool, quick: bool) -> Verification:  # fmt: skip
    """verify, with the cache when `cache`; `quick`: a project in which no file changed since the
    last run is answered from what that run kept (see _unchanged)."""
    if cache:
        try:
            with open_cache(project.root) as store:
                state = file_state(project.root)
                if quick:
                    found = _unchanged(project, store, state, jobs, all_pairs)
                    if found is not None:
                        return found
                return _verify(project, progress, jobs, store, all_pairs, state)
        except CacheBusy:
            pass  # another run is writing it: work without it
        except CacheCorrupt:
            remove_cache(project.root)  # never trusted: thrown away, and rebuilt by the next run
    return _verify(project, progress, jobs, None, all_pairs)


def _unchanged(project: Project, store: Cache, state: State, jobs: int | None,
               all_pairs: bool) -> Verification | None:  # fmt: skip
    """The last run's result, when no file it read has changed since (by name, size, mtime, ctime and
    inode; incremental.file_state), with the same mode: its findings and pairs as it showed them, and its
    problems and counts. What it did not keep (the sources, claims and anchors) is worked out, from
    the cache, only when asked for; so is a finding or pair asked for as an object."""
    kept = store.snapshot(digest(state.key, all_pairs)) if state.trusted else None
    if kept is None:
        return None
    head, texts = kept
    if not (isinstance(head, tuple) and len(head) == 4 and all(isinstance(n, int) for n in head[:2])
            and isinstance(head[2], tuple) and all(isinstance(p, Problem) for p in head[2])
            and isinstance(head[3], str)):  # fmt: skip
        return None
    sources, claims, problems, entities_at = head
    entities = kept_entities(store, entities_at)  # kept once, by the entities file's hash, not in each result
    if entities is None:
        return None
    full = functools.cache(lambda: _cached(project, None, jobs, True, all_pairs, quick=False))

    def again() -> Shown:  # a kept question that does not read back as it was: the cache is not trusted
        remove_cache(project.root)
        done = full()
        return made_afresh(done)

    reviews = functools.cache(lambda: load_reviews(project.root, project.settings))
    try:
        shown = loads(texts, store.question_reader(), lambda pairs: apply_reviews(pairs, reviews()), again)
    except (ValueError, KeyError):
        return None
    findings, pairs, unlisted = shown.result()
    return Verification(
        root=str(project.root),
        sources=Lazy(lambda: tuple(full().sources), sources),
        claims=Lazy(lambda: tuple(full().claims), claims),
        anchors=Lazy(lambda: tuple(full().anchors)),
        problems=problems,
        discrepancies=pairs,
        entities=entities,
        unlisted=unlisted,
        findings=findings,
    )


def _verify(project: Project, progress: Callable[[str, int], None] | None, jobs: int | None,
            store: Cache | None, all_pairs: bool = True, state: State | None = None) -> Verification:  # fmt: skip
    root, settings = project.root, project.settings
    stats = state.stats if state is not None else None
    hashes = FileHashes(store, stats)
    limits = settings_key(settings)  # a changed size limit: every source is read and checked again
    # the settings and seeds/ as a run found them before (an edit among the claims files): its sources
    seeds = digest(state.seeds, limits) if state is not None and state.seeds is not None else None
    known = kept_sources(store, seeds, root, settings) if store and seeds else None
    if known is not None:
        sources: tuple[Source, ...] = known
    else:
        seen = kept_seen(store, "seen-sources", limits) if store else None
        # the manifest is parsed afresh: reading its parse back from the cache cost about as much
        sources, learnt = scan_sources(root, settings, seen, stats=stats)
        if store and learnt != seen:
            keep_seen(store, "seen-sources", limits, learnt)
        if store and seeds:
            keep_sources(store, seeds, sources)
    by_name = {s.name: s for s in sources}
    claims_dir = registry_dir(root)
    entities, terms = cached_entities(claims_dir, store, hashes, settings)
    anchors_file = claims_dir / ANCHORS_FILE
    base = digest(hashes.of(claims_dir / ENTITIES_FILE), hashes.of(anchors_file) if anchors_file.exists() else None,
                  limits)  # fmt: skip
    files = claim_files(claims_dir)

    facts: dict[str, str] = {}  # what a unit's key takes of a source it cites, worked out once a source

    def fact(name: str) -> str:
        found = facts.get(name)
        if found is None:
            s = by_name.get(name)
            span = s and s.published
            found = facts[name] = (f"{name}\x00{s.sha256}\x00{span and (span.start.toordinal(), span.end.toordinal())}"
                                   f"\x00{s.encoding}" if s else name)  # fmt: skip
        return found

    def key_of(file: Path, cited: Sequence[str], sha: str | None = None) -> str:
        return digest(base, sha or hashes.of(file), [fact(n) for n in sorted(cited)])

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
    recorded = load_recorded(claims_dir, settings.max_registry_bytes)
    ctx = Context(root, settings, alias_index(entities), glossary_index(terms), by_name, recorded, entities)
    fresh: dict[str, Unit] = {}
    # a changed file whose stored unit was made in the same context → the key that unit had, and it
    earlier: dict[str, tuple[str, Unit]] = {}
    # when few files changed (else a file whose claims changed would be read twice, and its unit decoded for nothing)
    if store is not None and todo and len(todo) <= max(INCREMENTAL_SHARE * len(files), PARALLEL_FROM):
        for file, (old_key, unit, same) in _same_claims(ctx, store, todo, stored, hashes, key_of).items():
            display = unit.file
            earlier[display] = (old_key, unit)
            if same:  # its claims are its stored unit's: so is the rest of it
                keys[display], fresh[display] = key_of(file, stored[display][1]), unit
                store.put_unit(display, keys[display], stored[display][1], stored[display][2], unit, unit.problems)
        todo = [f for f in todo if f"claims/{f.name}" not in fresh]
    index = functools.cache(lambda: EntityIndex(entities))  # built once, for checking here and for finding pairs
    checked: dict[str, Checked] = {}  # units checked and kept in other processes, which judge too
    made: list[Judged] | None = None
    with contextlib.ExitStack() as stack:
        n_jobs = _jobs(jobs, len(todo))
        if store is not None and todo and len(todo) == len(files) and n_jobs > 1 and fork_available():
            pool = stack.enter_context(Workers(ctx, n_jobs, _checker, kept_ids))
            for file, c in zip(todo, pool.check(todo, progress), strict=True):
                if c.seen is not None:  # hashed where it was read
                    hashes.learn(file, c.seen)
                keys[c.file] = key_of(file, c.cited)
                store.put_unit(c.file, keys[c.file], c.cited, c.ids, c.unit, c.problems, c.row)
                checked[c.file] = replace(c, row=None, unit=None, seen=None)  # kept: not held here as well
            if any(c.whole for c in checked.values()):  # judged here, every claim against every other
                fresh, checked = pool.units(), {}
                fresh = {f: fresh[f] for f in keys}
        else:
            for file, (unit, encoded) in zip(todo, _check_units(ctx, todo, progress, n_jobs, index), strict=True):
                fresh[unit.file] = unit
                cited = sorted({c.source for c in unit.claims})
                keys[unit.file] = key_of(file, cited)
                if store:
                    store.put_unit(unit.file, keys[unit.file], cited, kept_ids(unit.claims), unit, unit.problems,
                                   encoded)  # fmt: skip
        if store:
            store.drop_units(f for f in stored if f not in keys)
            hashes.save()
        units = Units(store.path if store else None, keys, fresh, lambda f: check_unit(ctx, claims_dir / Path(f).name))
        if checked:
            stored = {f: (keys[f], c.cited, c.ids) for f, c in checked.items()}
        count = _check_across(units, stored, set(by_name))
        reviews = load_reviews(root, settings)
        if checked:
            assert store is not None
            made = _judged_in(pool, checked, store, keys, all_pairs, frozenset(reviews))

    def again() -> Shown:  # everything worked out afresh, should something kept not read back as it was
        fresh = _verify(project, None, jobs, None, all_pairs)
        return made_afresh(fresh)

    shown = shown_questions(units, store, entities, ctx.glossary, all_pairs, reviews,
                            lambda pairs: apply_reviews(pairs, reviews), again, index, made, earlier)  # fmt: skip
    problems = [Problem(Severity.WARNING, f"{s.path} {w}", None, s.name) for s in sources for w in s.warnings]
    unit_problems = store.unit_problems(f for f in keys if f not in fresh and f not in checked) if store else {}
    for name in keys:
        problems.extend(fresh[name].problems if name in fresh else checked[name].problems if name in checked
                        else unit_problems.get(name, ()))  # fmt: skip
    if store:
        if state is not None and state.trusted:  # every file old enough to be trusted by its stat
            store.keep_snapshot(digest(state.key, all_pairs), (len(sources), count, tuple(problems),
                                                               entities_key(claims_dir, hashes, settings)))  # fmt: skip
        store.commit()
    findings, pairs, unlisted = shown.result()
    return Verification(
        root=str(root),
        sources=sources,
        claims=Lazy(units.claims, count),
        anchors=Lazy(units.anchors),
        problems=tuple(problems),
        discrepancies=pairs,
        entities=entities,
        unlisted=unlisted,
        findings=findings,
    )


def _same_claims(ctx: Context, store: Cache, files: list[Path], stored: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]],
                 hashes: FileHashes, key_of: Callable[[Path, Sequence[str], str], str],
                 ) -> dict[Path, tuple[str, Unit, bool]]:  # fmt: skip
    """Of changed claims files, those whose stored unit was made in the same context (its key made again
    with the file's earlier sha256 is the key it was kept under): each with that unit's key, the unit,
    and whether its claims are still those (a comment written in, say). Then the unit is theirs
    still: a unit is worked out from its claims, the sources they cite and the context alone, so
    nothing in it is checked again, and nothing it takes part in judged again. Otherwise a claim
    that is as it was takes part in nothing new (incremental.judged_questions)."""
    flat = FlatReader(ctx.aliases, ctx.sources)
    found: dict[Path, tuple[str, Unit, bool]] = {}
    for file in files:
        display = f"claims/{file.name}"
        row, before = stored.get(display), hashes.known.get(str(file))
        if row is None or before is None or row[0] != key_of(file, row[1], before.sha256):
            continue
        try:
            claims = _parsed(ctx, file, display, flat)
            unit = store.units([display], {display: row[0]}).get(display)
        except (FactcheckError, CacheCorrupt):
            continue  # an error is reported when the file is checked; a damaged row is worked out again
        if unit is not None:
            found[file] = (row[0], unit, unit.claims == claims)
    return found


def _judged_in(pool: Workers, checked: dict[str, Checked], store: Cache, keys: dict[str, str], all_pairs: bool,
               reviewed: frozenset[str]) -> list[Judged]:  # fmt: skip
    """Every question judged in the processes that checked the units, and kept in the cache as it
    comes (what incremental.keep_judged keeps), in key order."""
    counts = Counter(q for c in checked.values() for q in c.questions)
    made: list[Judged] = []
    with store.indexes_after("question_files"):  # its rows come in batches
        for n, batch in enumerate(pool.judge(counts, all_pairs, reviewed)):
            if n == 0:  # while the questions are judged
                store.forget_comparisons()
                store.replace_questions(None, [], {})
                with store.indexes_after("groups"):
                    store.record_comparisons(groups=[(g, f) for f in keys for g in checked[f].groups],
                                             compared=list(compared_keys(keys, all_pairs, reviewed).items()))  # fmt: skip
            if any(r.row is None for r in batch):
                raise CacheCorrupt("a question the cache's format cannot hold")
            judged = [Judged(r.key, r.shown, r.finding, functools.partial(Cache.question_of, row), row, r.files)
                      for r in batch if (row := r.row) is not None]  # fmt: skip
            store.replace_questions((), judged, {})
            made.extend(judged)
    made.sort(key=lambda j: j.key)
    return made


def check_unit(ctx: Context, file: Path, prepared: Callable[[str], Any] | None = None,
               index: EntityIndex | None = None, flat: FlatReader | None = None) -> Unit:  # fmt: skip
    """Parse one claims file and check each claim: its quote is in its source, its value is in its
    quote, and its value, dates and time can be worked out. `flat` reads claims files of the usual
    shape (see _parsed)."""
    display = f"claims/{file.name}"
    claims = _parsed(ctx, file, display, flat)
    prepared = prepared or _prepared(ctx)
    problems: list[Problem] = []
    anchors: list[Anchor] = []
    values: list[ClaimValue] = []

    def report(severity: str, message: str, claim: Claim, field: str) -> None:
        """A problem with a claim, at the line of its field (worked out only then: most claims have none)."""
        problems.append(Problem(Severity(severity), f"{display}:{claim.line_of(field)}: {message}", claim.id,
                                claim.source))  # fmt: skip

    for claim in claims:
        if claim.status == "rejected" or claim.source not in ctx.sources:
            continue  # a source not in seeds/ is reported by check_claims, over all files
        source = ctx.sources[claim.source]
        anchor = anchor_quote(claim, prepared(claim.source), ctx.recorded.get(claim.id))
        anchors.append(anchor)
        if anchor.status is AnchorStatus.ORPHANED and not source.text.strip():
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, which is empty "
                   "(restore the source's text, or remove the claim)", claim, "quote")  # fmt: skip
            continue
        if anchor.status is AnchorStatus.ORPHANED:
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}; nearest passage "
                   f"(line {anchor.line}, score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim, "quote")  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY and not value_in(claim.value, anchor.exact):
            report("error", f"quote of '{claim.id}' is not in seeds/{claim.source}, and the nearest passage (line "
                   f"{anchor.line}) does not have its value '{claim.value}': \"{excerpt(anchor.exact)}\"", claim,
                   "quote")  # fmt: skip
            continue
        if anchor.status is AnchorStatus.FUZZY:
            report("warning", f"quote of '{claim.id}' matches seeds/{claim.source} line {anchor.line} only "
                   f"approximately (score {anchor.score:.0f}): \"{excerpt(anchor.exact)}\"", claim, "quote")  # fmt: skip
        elif anchor.status is AnchorStatus.MOVED:
            report("warning", f"seeds/{claim.source} changed since anchors were recorded; quote of "
                   f"'{claim.id}' moved to line {anchor.line}", claim, "quote")  # fmt: skip
        if not value_in(claim.value, claim.quote):
            report("error", f"value '{claim.value}' of '{claim.id}' does not occur in its quote", claim, "value")
            continue
        cv = normalize_claim(claim, source, ctx.glossary, (anchor.start, anchor.end))
        for severity, message in cv.problems:
            report(severity, f"'{claim.id}': {message}", claim, "value")
        values.append(cv)
    return Unit(display, claims, tuple(anchors), tuple(values), tuple(problems),
                comparison_keys(values, index or EntityIndex(ctx.entities), ctx.glossary))  # fmt: skip


def _parsed(ctx: Context, file: Path, display: str, flat: FlatReader | None) -> tuple[Claim, ...]:
    """A claims file's claims: read flat (registry/flat.py: one pattern over the whole text) when it
    has the shape factcheck writes, else by the loader, which reads any other file or says what is
    wrong in it; the same claims either way (tests/test_flat.py). The loader also reads a file it
    would read from elsewhere (a link), one it cannot read or decode, and one with a certainty or
    basis (extract's proposals), which the flat reader does not give."""
    if flat is not None and file.parent == ctx.root / "claims" and not os.path.islink(file):
        try:
            raw = read_bounded(file, display, ctx.settings.max_registry_bytes, RegistryError, follow=False, what="",
                               too_big="", unreadable="")  # fmt: skip
            text: str | None = raw.decode("utf-8-sig")
        except (RegistryError, UnicodeDecodeError):
            text = None
        if text is not None and "certainty:" not in text and "basis:" not in text:
            found = flat.read(text, display)
            if found is not None:
                return tuple(Claim(*c) for c in found)
    return parse_claims_file(ctx.root, file, ctx.aliases, ctx.settings)


def _check_units(ctx: Context, files: list[Path], progress: Callable[[str, int], None] | None,
                 jobs: int | None, index: Callable[[], EntityIndex] | None = None,
                 ) -> Iterator[tuple[Unit, bytes | None]]:  # fmt: skip
    """Check files in order, in several processes when there are many and jobs allows. A unit from
    another process comes with its cache row, which the cache keeps as it is."""
    if not files:
        return  # nothing to check: not even the entity index is built
    jobs = _jobs(jobs, len(files))
    if jobs <= 1:
        check = _checker(ctx, index() if index else None)
        for file in files:
            if progress is not None:
                progress(file.name, len(files))
            yield check(file), None
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
            yield from units


def _jobs(jobs: int | None, files: int) -> int:
    """The processes to check files in: `jobs`, or one per core when there are many files; never more
    than the cores or the files (more only cost memory)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if jobs is None:
        jobs = cores if files >= PARALLEL_FROM else 1
    return max(1, min(jobs, cores, files))


def _check_chunk(task: tuple[Context, list[Path]]) -> list[tuple[Unit, bytes | None]]:
    """Units checked in a worker, each with its cache row (encoding is the costly part of keeping
    it, so it is done here, in parallel). The unit itself comes back to the main process pickled,
    between our own processes, never from disk."""
    ctx, files = task
    check = _checker(ctx)
    out: list[tuple[Unit, bytes | None]] = []
    for file in files:
        unit = check(file)
        try:
            row: bytes | None = cache_format.dumps(unit)
        except TypeError:  # a value the cache's format cannot hold: the unit is not kept
            row = None
        out.append((unit, row))
    return out


def _checker(ctx: Context, index: EntityIndex | None = None) -> Callable[[Path], Unit]:
    """check_unit for many files in a row, sharing prepared sources and the entity index."""
    prepared, index = _prepared(ctx), index or EntityIndex(ctx.entities)
    flat = FlatReader(ctx.aliases, ctx.sources)
    return lambda file: check_unit(ctx, file, prepared, index, flat)


def _prepared(ctx: Context) -> Callable[[str], Any]:
    """Sources prepared (folded, with an offset map) as their claims come up; only a few are kept:
    claims files follow their sources, so each is prepared once and memory stays flat."""
    return functools.lru_cache(maxsize=PREPARED_KEPT)(lambda name: prepare(ctx.sources[name]))


def _check_across(units: Units, stored: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]],
                  names: set[str]) -> int:  # fmt: skip
    """What only all files together can show: a source not in seeds/, an id used twice. Files from
    the cache are checked by what it keeps of them; the claims are loaded only to name the line.
    Returns the number of claims that count (rejected ones do not)."""
    count = 0
    every: set[str] | None = set()
    for file in units.keys:  # at the speed of sets; a file that shares an id is looked at closely below
        if file in units.fresh:
            cited = {c.source for c in units.fresh[file].claims}
            ids = kept_ids(units.fresh[file].claims)
        else:
            cited, ids = set(stored[file][1]), list(stored[file][2])
        if not cited <= names:
            check_claims(units.load([file])[file].claims, names)
        rejected = sum(i.startswith(REJECTED_MARK) for i in ids) if REJECTED_MARK in "".join(ids) else 0
        count += len(ids) - rejected
        plain = {i.removeprefix(REJECTED_MARK) for i in ids} if rejected else set(ids)
        if every is not None and (len(plain) != len(ids) or not every.isdisjoint(plain)):
            _check_ids(units, stored, names)  # raises
            every = None
        elif every is not None:
            every |= plain
    return count


def _check_ids(units: Units, stored: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]], names: set[str]) -> None:
    """An id used twice, reported with both its places."""
    first: dict[str, str] = {}
    for file in units.keys:
        ids = kept_ids(units.fresh[file].claims) if file in units.fresh else list(stored[file][2])
        mine: set[str] = set()
        for claim_id in (i.removeprefix(REJECTED_MARK) for i in ids):
            earlier = first.setdefault(claim_id, file)
            if earlier != file or claim_id in mine:
                both = list(dict.fromkeys([earlier, file]))
                pair = units.load(both)
                check_claims([c for f in both for c in pair[f].claims], names)
            mine.add(claim_id)


def kept_ids(claims: Sequence[Claim]) -> list[str]:
    """A unit's claim ids as the cache keeps them: every id (for the duplicate check), rejected ones
    marked, so a run from the cache counts claims without loading them."""
    return [(REJECTED_MARK if c.status == "rejected" else "") + c.id for c in claims]


def excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
