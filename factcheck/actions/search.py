"""Fuzzy search over claims: quotes, subjects, properties, values and sources, ranked."""

from __future__ import annotations

import hashlib
import math
import os
import time
from array import array
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, islice, pairwise, repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from factcheck.actions.search_index import WORD, Filters, IndexCorrupt, Indexed, SearchIndex, file_row, ids_blob
from factcheck.collector import fewer_collections
from factcheck.errors import FactcheckError
from factcheck.files import RECHECK_NS, read_bounded
from factcheck.pipeline.cache import Cache, CacheBusy, CacheCorrupt, open_cache, remove_cache
from factcheck.project import Project
from factcheck.registry.layout import ENTITIES_FILE, check_kind, claim_file_names, registry_dir
from factcheck.settings import Settings
from factcheck.text.fold import fold_plain, name_key

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from factcheck.models import Claim
    from factcheck.registry.flat import FlatClaim, FlatReader
    from factcheck.results import SearchHit

# The loader, the sources and the values are imported only where claims files are read: a search
# whose index is up to date reads none, and starts in a fraction of the time without them.

FIELDS = ("quote", "subject", "property", "value", "source")
# A hit needs its query words, on average, this close to words of one field (rapidfuzz's ratio, 0-100).
# A misspelt word stays close to the right one ("unalocated" 95, "Northamptonshre" 97); a word that
# is not there shares a few letters by chance with some word of every quote ("zebra"/"zero" 67), as
# the old partial alignment of the whole query did, which rated any short query about 60 everywhere.
MIN_SCORE = 75.0


def score_claim(query: str, claim: Claim, subject_name: str) -> tuple[float, str, tuple[int, int]]:
    """Best score over the fields, with the field and where in it the query matched: 100 where the
    query is in the field as written, else how close each query word comes to a word of the field."""
    q = fold_plain(query).lower().strip()
    return score_texts(q, WORD.findall(q), scored_texts(claim, subject_name))


def scored_texts(claim: Claim, subject_name: str) -> tuple[str, ...]:
    """The texts a claim is scored on, folded and lower-cased, in FIELDS order."""
    from factcheck.results import field_texts

    return tuple(fold_plain(text).lower() for text in field_texts(claim, subject_name).values())


def score_texts(q: str, words: list[str], texts: tuple[str, ...]) -> tuple[float, str, tuple[int, int]]:
    """score_claim on a folded query (q, and its words) and a claim's scored texts."""
    best: tuple[float, str, tuple[int, int]] = (0.0, "quote", (0, 0))
    for field, t in zip(FIELDS, texts, strict=True):
        if not t or not q:
            continue
        pos = t.find(q)
        if pos >= 0:
            found = (100.0, field, (pos, pos + len(q)))
        elif words:
            score, span = _word_score(words, t)
            found = (score, field, span)
        else:
            continue
        if found[0] > best[0]:
            best = found
    return best


def _word_score(words: list[str], text: str) -> tuple[float, tuple[int, int]]:
    """The mean over query words of the best ratio to a word of text, and the span of the words matched."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return 0.0, (0, 0)
    pieces = [m.group() for m in tokens]
    total, start, end = 0.0, len(text), 0
    for word in words:
        found = process.extractOne(word, pieces, scorer=fuzz.ratio)
        if found is None:
            continue
        _, score, i = found
        total += score
        if score >= MIN_SCORE:
            start, end = min(start, tokens[i].start()), max(end, tokens[i].end())
    return total / len(words), (start, end) if end else (0, 0)


REBUILD_SHARE = 0.2  # above this share of changed claims files the index is rebuilt rather than edited
NEAR = 50.0  # query words are looked up among the indexed words this close (a bound on the rest)
BATCH = 256  # candidates scored at a time, best bound first, until no other can enter the results


MAX_QUERY = 1000  # characters: a query is a few words; a longer one is scored against every claim slowly


def search(
    root: str | Path | Project, query: str, *, source: str | None = None, subject: str | None = None,
    kind: str | None = None, limit: int = 20, cache: bool = True, rejected: bool = False,
) -> list[SearchHit]:  # fmt: skip
    """Claims matching query, best first; filters narrow by source (name or part), subject, kind.
    Rejected claims are left out unless `rejected` is set. An unknown kind is an error naming the kinds.

    With the cache, claims are kept in an index (search_index.py), brought up to date with the
    claims files first; only the claims that could score enough are scored, each as a scan would,
    so the results are the same as scoring every claim."""
    return _search(root, query, source, subject, kind, limit, cache, rejected, False)


def search_dicts(
    root: str | Path | Project, query: str, *, source: str | None = None, subject: str | None = None,
    kind: str | None = None, limit: int = 20, cache: bool = True, rejected: bool = False,
) -> list[dict[str, Any]]:  # fmt: skip
    """search(), each hit as its to_dict() (what `search --format json` prints); from an index that is
    up to date, without making a claim (nor importing the models to make one)."""
    return _search(root, query, source, subject, kind, limit, cache, rejected, True)


def _search(root: str | Path | Project, query: str, source: str | None, subject: str | None, kind: str | None,
            limit: int, cache: bool, rejected: bool, as_dicts: bool) -> Any:  # fmt: skip
    check_kind(kind)
    if len(query) > MAX_QUERY:
        raise FactcheckError(f"the query is {len(query):,} characters, over the {MAX_QUERY:,}-character limit",
                             hint="search for a few words: the claims that match show the rest")  # fmt: skip
    project = Project.at(root)
    if cache:
        try:
            with open_cache(project.root) as store:
                return _search_index(project, store, query, source, subject, kind, limit, rejected, as_dicts)
        except CacheBusy:
            pass
        except CacheCorrupt:
            remove_cache(project.root)
    hits = _search_registry(project, query, source, subject, kind, limit, rejected)
    return [h.to_dict() for h in hits] if as_dicts else hits


def _search_registry(project: Project, query: str, source: str | None, subject: str | None, kind: str | None,
                     limit: int, rejected: bool) -> list[SearchHit]:  # fmt: skip
    from factcheck.normalize.claims import claim_kind
    from factcheck.registry.load import alias_index, load_registry
    from factcheck.sources.load import load_sources

    sources = {s.name: s for s in load_sources(project.root, project.settings)}
    registry = load_registry(project.root, set(sources), project.settings)
    names = {e.id: e.name for e in registry.entities}
    aliases = alias_index(registry.entities)
    want_subject = aliases.get(name_key(subject)) if subject else None
    rows = []
    for claim in registry.claims:
        if source and source not in claim.source:
            continue
        if subject and claim.subject != want_subject:
            continue
        this_kind = claim_kind(claim)
        if not kind or this_kind == kind:
            rows.append((claim, this_kind, names.get(claim.subject, claim.subject)))
    return _ranked(query, rows, limit, rejected)


def _ranked(query: str, rows: list[tuple[Claim, str, str]], limit: int, rejected: bool) -> list[SearchHit]:
    from factcheck.results import SearchHit

    hits: list[SearchHit] = []
    for claim, claim_kind, subject_name in rows:
        if claim.status == "rejected" and not rejected:
            continue
        score, field, span = score_claim(query, claim, subject_name)
        if score >= MIN_SCORE:
            hits.append(SearchHit(claim, claim_kind, subject_name, score, field, span))
    hits.sort(key=lambda h: (-h.score, h.claim.id))
    return hits[:limit]


def _search_index(project: Project, store: Cache, query: str, source: str | None, subject: str | None, kind: str | None,
                  limit: int, rejected: bool, as_dicts: bool) -> Any:  # fmt: skip
    index = SearchIndex(store)
    try:
        aliases = _refresh(project, store, index)
        found = _query_index(project, store, index, aliases, query, source, subject, kind, limit, rejected)
        return _hit_dicts(project, index, found) if as_dicts else _hits(project, index, found)
    except IndexCorrupt:  # a damaged row: the index is built again, once
        index.clear()
        aliases = _refresh(project, store, index)
        found = _query_index(project, store, index, aliases, query, source, subject, kind, limit, rejected)
        return _hit_dicts(project, index, found) if as_dicts else _hits(project, index, found)


def _refresh(project: Project, store: Cache, index: SearchIndex) -> dict[str, str] | None:
    """Bring the index up to date with the claims files, by stat; the entities' names (alias_index)
    when they were read.
    When the stat of every file is what it was when the index was last brought up to date (one
    digest of them all), nothing else is read."""
    claims_dir = registry_dir(project.root)
    base = f"{_stat_key(claims_dir / ENTITIES_FILE)}|{project.settings.max_registry_bytes}"
    now = time.time_ns()
    names = claim_file_names(claims_dir)
    known = _stat_all(claims_dir, names)
    stats: Sequence[os.stat_result | None]
    if known is not None:
        stats, state = known, None if RECENT in base else _digest(base, names, known, now)
    else:  # a file gone since the folder was listed: the index is brought up to date
        stats, state = [_stat(claims_dir / name) for name in names], None
    if state is not None and index.state() == state:
        return None
    wanted = {f"claims/{name}": (name, f"{base}|{_key_of(st, now)}") for name, st in zip(names, stats, strict=True)}
    indexed = index.files()
    stale = [d for d, (_e, k) in wanted.items() if indexed.get(d) != k or k.endswith(RECENT)]
    gone = [d for d in indexed if d not in wanted]
    if not stale and not gone:
        if state is not None:
            index.finish(state)
            store.commit()
        return None
    if len(stale) + len(gone) > REBUILD_SHARE * max(1, len(wanted)):
        index.clear()
        stale = list(wanted)
    else:
        index.drop([*gone, *(d for d in stale if d in indexed)])
    aliases = _reindex(project, store, index, [(d, *wanted[d]) for d in stale])
    index.finish(state)
    store.commit()
    return aliases


_STAT = attrgetter("st_size", "st_mtime_ns", "st_ctime_ns")


def _stat_all(folder: Path, names: list[str]) -> list[os.stat_result] | None:
    """The stat of each file in folder, each found from the folder (not from the root again) where the
    system can; None when one is gone."""
    try:
        if os.stat not in os.supports_dir_fd:  # pragma: no cover - not on Linux or macOS
            return [(folder / name).stat() for name in names]
        fd = os.open(folder, os.O_RDONLY)
        try:
            return list(map(partial(os.stat, dir_fd=fd), names))
        finally:
            os.close(fd)
    except FileNotFoundError:
        return None


def _digest(base: str, names: list[str], stats: list[os.stat_result], now: int) -> str | None:
    """One digest of the claims files' names and stat (size, mtime, ctime, inode) and of base; None
    when a file changed too recently for its stat to vouch for it (it is read again next time)."""
    kept = array("q", chain.from_iterable(map(_STAT, stats)))  # each file's size, mtime and ctime
    if now - max(max(kept[1::3], default=0), max(kept[2::3], default=0)) < RECHECK_NS:
        return None
    digest = hashlib.sha256(base.encode("utf-8", "surrogatepass"))
    digest.update("\0".join(names).encode("utf-8", "surrogatepass"))
    digest.update(kept.tobytes())
    digest.update(array("Q", map(attrgetter("st_ino"), stats)).tobytes())
    return digest.hexdigest()


def _reindex(project: Project, store: Cache, index: SearchIndex,
             stale: list[tuple[str, str, str]]) -> dict[str, str]:  # fmt: skip
    """Index the claims files that changed; returns the entities' names (alias_index). Many files are read in one
    process per core, each making its run of files ready for the index (search_index.Indexed) for
    this one to add."""
    root, settings = project.root, project.settings
    claims_dir = registry_dir(root)
    found: list[_Reader] = []

    def prepare() -> _Reader:
        """What reading the claims files needs: the entities' names and the sources in seeds/."""
        from factcheck.sources.load import source_names

        aliases, names = _names(store, claims_dir, settings)
        found.append(_Reader(root, settings, aliases, names, frozenset(source_names(root))))
        return found[0]

    files = [claims_dir / name for _d, name, _k in stale]
    keys = [(display, key) for display, _name, key in stale]
    # the claims read live until the index is written, and form no cycles: walking them again and again
    # for cycles (every 700 new objects, by default) cost more than reading them
    with fewer_collections():
        for start, ready in _read_all(prepare, _Texts(root, settings), files, index.next_rowid()):
            index.add_indexed(keys[start : start + len(ready.files)], ready)
    return found[0].aliases


PARALLEL_FROM = 64  # claims files to read before a second process is worth starting
OWN_SHARE = 0.74  # of an even share of the files, what this process reads: it also adds every run to the index
EARLY = 32  # values whose kinds this process works out at a time while it waits for the others' runs
PIECES = 4  # each process's run is made ready and sent in this many pieces, added to the index as they come


def _read_all(prepare: Callable[[], _Reader], texts: _Texts, files: list[Path],
              first: int) -> Iterator[tuple[int, Indexed]]:  # fmt: skip
    """The files read and made ready for the index in pieces, each with the place of its first file,
    their claims numbered from `first`. When there are many, in one process per core, this one among
    them (it reads the first run while the others read theirs): the others are started first, and
    read their files' texts while this one reads the entities and lists the sources (prepare), which
    it then sends them; each process reads its run, the kinds of the values they hold are shared out
    among the processes (most values recur in every run: each kind is worked out once), and each makes
    its run ready a piece at a time; this one adds each piece to the index as it comes, between its
    own, while the others make their next."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    jobs = max(1, min(cores, len(files) // PARALLEL_FROM))
    if jobs == 1:
        reader = prepare()
        read = reader.parse(files, texts)
        reader.work_out(read.given.items())
        yield 0, reader.ready(read.claims, first)
        return
    import multiprocessing

    own = int(len(files) / jobs * OWN_SHARE)  # this process adds every run to the index too: a shorter run
    size = -(-(len(files) - own) // (jobs - 1))
    bounds = [0, *range(own, len(files), size), len(files)]
    mp = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pipes: list[Connection] = []
    processes = []
    try:
        for start, end in zip(bounds[1:-1], bounds[2:], strict=True):
            here, there = mp.Pipe()
            process = mp.Process(target=_read_run, args=(texts, files[start:end], there), daemon=True)
            process.start()
            there.close()
            pipes.append(here)
            processes.append(process)
        reader = prepare()
        for pipe in pipes:
            pipe.send((reader.aliases, reader.names, reader.sources))
        mine = reader.parse(files[:own], texts)
        # its run is the shorter: while the others read theirs, this process works out the kinds of
        # the values its own files hold (those are then left out of the shares)
        early = iter(mine.given.items())
        while not all(pipe.poll() for pipe in pipes) and reader.work_out(islice(early, EARLY)):
            pass
        theirs: list[tuple[int, list[Given]]] = [_received(pipe) for pipe in pipes]
        counts = [mine.count] + [count for count, _given in theirs]
        known = reader.kinds
        needs = [list(mine.given)] + [given for _count, given in theirs]
        shares = _share([[g for g in given if g not in known] for given in needs])
        base = first + mine.count
        for pipe, count, share in zip(pipes, counts[1:], shares[1:], strict=True):
            pipe.send((base, share))
            base += count
        reader.work_out((given, mine.given[given]) for given in shares[0])
        for pipe in pipes:
            reader.kinds.update(_received(pipe))
        for pipe in pipes:
            pipe.send(reader.kinds)
        at = bounds[1:-1]  # where the next piece each process sends starts, among the files
        done = [False for _ in pipes]

        def taken(n: int, wait: bool) -> Iterator[tuple[int, Indexed]]:
            """The pieces process n has sent: those ready now, or (wait) all it has left to send."""
            while not done[n] and (wait or pipes[n].poll()):
                sent = _received(pipes[n])
                if sent is None:
                    done[n] = True
                else:
                    yield at[n], sent
                    at[n] += len(sent.files)

        rowid = first
        for start, end in _pieces(len(mine.claims)):
            piece = reader.ready(mine.claims[start:end], rowid)
            rowid += len(piece.claims)
            yield start, piece
            for n in range(len(pipes)):  # a process blocks until its piece is taken: taken as they come
                yield from taken(n, wait=False)
        for n in range(len(pipes)):
            yield from taken(n, wait=True)
    finally:
        for pipe in pipes:
            pipe.close()
        for process in processes:
            process.join(5)
            if process.is_alive():  # pragma: no cover - a process that did not end when its run was done
                process.kill()


def _pieces(n: int) -> list[tuple[int, int]]:
    """A run of n files cut into PIECES (start and end), fewer when there are fewer files."""
    cuts = sorted({n * i // PIECES for i in range(PIECES + 1)})
    return list(pairwise(cuts))


def _read_run(texts: _Texts, files: list[Path], pipe: Connection) -> None:
    """Another process's part of _read_all: read the texts of a run of files, then (once told the
    entities' names and the sources) their claims; send how many claims they hold and the values
    whose kind is to be worked out; work out those it is given; make the run ready with the kinds of
    all, numbered from where it is told, and send it a piece at a time, then None. An error is sent,
    to be raised in order."""
    try:
        read_texts = [texts.read(file) for file in files]
        aliases, names, sources = pipe.recv()
        reader = _Reader(texts.root, texts.settings, aliases, names, sources)
        read = reader.parse(files, texts, read_texts)
        pipe.send((read.count, list(read.given)))
        base, share = pipe.recv()
        pipe.send(reader.work_out((given, read.given[given]) for given in share))
        reader.kinds.update(pipe.recv())
        for start, end in _pieces(len(read.claims)):
            piece = reader.ready(read.claims[start:end], base)
            base += len(piece.claims)
            pipe.send(piece)
        pipe.send(None)
    except (EOFError, BrokenPipeError):  # the main process has stopped
        pass
    except Exception as exc:  # noqa: BLE001 - raised in the main process, in the order of the files
        pipe.send(_Failed(exc))
    finally:
        pipe.close()


class _Failed:
    """An error in another process, sent to be raised in this one."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _received(pipe: Connection) -> Any:
    got = pipe.recv()
    if isinstance(got, _Failed):
        raise got.error
    return got


def _share(needs: list[list[Given]]) -> list[list[Given]]:
    """The values each process works out the kinds of: each value once, by a process whose files hold
    it: a value one process holds alone by that one, then each value several hold by the one of them
    with the fewest so far."""
    holders: dict[Given, list[int]] = {}
    for i, given in enumerate(needs):
        for g in given:
            holders.setdefault(g, []).append(i)
    shares: list[list[Given]] = [[] for _ in needs]
    for g, which in holders.items():
        if len(which) == 1:
            shares[which[0]].append(g)
    for g, which in holders.items():
        if len(which) > 1:
            shares[min(which, key=lambda i: len(shares[i]))].append(g)
    return shares


Given = tuple[str | None, str, str | None]  # what a claim's kind depends on: its kind as written, value and relative_to


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", None)  # read_bounded(follow=False) opens a file with it


class _Read:
    """A run of claims files read: each file's claims, how many in all, and the values whose kind is
    not known yet (each with the first claim that holds it)."""

    __slots__ = ("claims", "count", "given")

    def __init__(self, claims: list[list[FlatClaim]], count: int, given: dict[Given, FlatClaim]) -> None:
        self.claims, self.count, self.given = claims, count, given


class _Reader:
    """Reads claims files for the index, as verify's loader and checks read them; what it works out
    once per text is kept for the next file. (Plain classes here and in search_index.py: a later
    search imports neither dataclasses nor the inspect, ast and dis modules it brings.)"""

    def __init__(self, root: Path, settings: Settings, aliases: dict[str, str], names: dict[str, str],
                 sources: Container[str]) -> None:  # fmt: skip
        self.root, self.settings, self.sources = root, settings, sources
        self.aliases = aliases
        self.names = names  # entity id → name
        self.claims_dir = root / "claims"
        self.kinds: dict[Given, str] = {}  # a kind depends on these alone
        # subjects, properties, values and sources recur: each folded, and its words found, once
        self.folded: dict[str, tuple[str, list[str]]] = {}

    def parse(self, files: list[Path], texts: _Texts, read: list[str | None] | None = None) -> _Read:
        """The claims of these files, read flat where they can be (their texts read by `texts`, unless
        given: read)."""
        from factcheck.registry.flat import FlatReader

        flat = FlatReader(self.aliases, self.sources)
        if read is None:
            read = [texts.read(file) for file in files]
        claims = [self._claims(flat, file, text) for file, text in zip(files, read, strict=True)]
        given: dict[Given, FlatClaim] = {}
        kinds = self.kinds
        for file_claims in claims:
            for c in file_claims:
                key = (c[6], c[5], c[9])
                if key not in kinds and key not in given:
                    given[key] = c
        return _Read(claims, sum(map(len, claims)), given)

    def work_out(self, given: Iterable[tuple[Given, FlatClaim]]) -> dict[Given, str]:
        """The kinds of these values, worked out from the first claim that holds each, and kept."""
        from factcheck.models import Claim
        from factcheck.normalize.claims import claim_kind

        out = {}
        for key, c in given:  # as_of and period say when, not what: not worked out here
            out[key] = self.kinds[key] = claim_kind(Claim(*c[:7], None, None, *c[9:]))
        return out

    def ready(self, read: list[list[FlatClaim]], first: int) -> Indexed:
        """Claims files read (each one's claims), made ready for the index, their claims numbered from
        `first`."""
        kinds, folded, names, findall = self.kinds, self.folded, self.names, WORD.findall
        rows, claims, words = [], [], defaultdict(list)
        rowid = first
        for file_claims in read:
            texts = []
            for c in file_claims:
                claim_id, source, quote, subject, prop, value, kind, _as_of, _period, relative_to = c[:10]
                status, written = c[11], c[14]
                this_kind = kinds[(kind, value, relative_to)]
                name = names.get(subject, subject)
                q = fold_plain(quote).lower()
                mine = set(findall(q))
                scored = [claim_id, q]
                for text in (f"{name} ({written})" if written else name, prop, value, source):
                    done = folded.get(text)
                    if done is None:
                        low = fold_plain(text).lower()
                        done = folded[text] = (low, findall(low))
                    scored.append(done[0])
                    mine.update(done[1])
                for word in mine:
                    words[word].append(rowid)
                texts.append(scored)
                claims.append((rowid, c[12], claim_id, source, subject, this_kind, status, name))  # its row
                rowid += 1
            rows.append(file_row(texts))
        return Indexed(first, rows, claims, {word: ids_blob(ids) for word, ids in words.items()})

    def _claims(self, flat: FlatReader, file: Path, text: str | None, check: bool = True) -> list[FlatClaim]:
        """A claims file's claims (its text, as _Texts reads it), read flat, or by the loader (which
        says what is wrong, if anything; and, unless `check` is false, whether each source is in seeds/
        and each id used once)."""
        found = None if text is None else flat.read(text, f"claims/{file.name}")
        if found is not None:
            return found
        from factcheck.registry.load import check_claims, parse_claims_file

        claims = parse_claims_file(self.root, file, self.aliases, self.settings)
        if check:
            check_claims(claims, self.sources)
        return [(c.id, c.source, c.quote, c.subject, c.property, c.value, c.kind, c.as_of, c.period, c.relative_to,
                 c.note, c.status, c.file, c.line, c.subject_as_written, c.field_lines) for c in claims]  # fmt: skip


class _Texts:
    """Reads the texts of claims files as the loader reads them; needs nothing of the entities or
    the sources, so another process can read its run's texts while this one reads those."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root, self.settings = root, settings
        self.claims_dir = root / "claims"

    def read(self, file: Path) -> str | None:
        """A claims file's text; None (for the loader to read it, or say why it cannot) when it is a
        link, cannot be read, is over the size limit or is not UTF-8."""
        if file.parent != self.claims_dir or (_NO_FOLLOW is None and os.path.islink(file)):
            return None  # where links can be opened without being followed, the open refuses a link
        from factcheck.errors import RegistryError

        try:
            raw = read_bounded(file, f"claims/{file.name}", self.settings.max_registry_bytes, RegistryError,
                               follow=False, what="", too_big="", unreadable="")  # fmt: skip
            return raw.decode("utf-8-sig")
        except (RegistryError, UnicodeDecodeError):
            return None


def _query_index(project: Project, store: Cache, index: SearchIndex, aliases: dict[str, str] | None, query: str,
                 source: str | None, subject: str | None, kind: str | None, limit: int,
                 rejected: bool) -> list[Found]:  # fmt: skip
    """The hits a scan would give, scoring only the claims whose bound on the score reaches
    MIN_SCORE, best bound first, until no claim left could enter the results.

    A field's score is 100 when the query is in it, else the mean over the query's words of the
    best ratio to one of its words. So a claim can score 100 only when each query word is inside
    some word it holds (these are scored first, in id order: the order of hits that tie); any other
    scores under 100, and at most the mean, over the query's words, of the best ratio to a word it
    holds. For that bound the words within NEAR of each query word are looked up; a query word
    none of whose near words a claim holds counts NEAR, and a claim none of whose words comes
    within MIN_SCORE of a query word cannot reach it."""
    q = fold_plain(query).lower().strip()
    words = WORD.findall(q)
    if not q:
        return []
    want_subject = None
    if subject:
        if aliases is None:
            aliases = _names(store, registry_dir(project.root), project.settings)[0]
        want_subject = aliases.get(name_key(subject)) or ""
    where = Filters(source or None, want_subject, kind or None, rejected)
    hits: list[tuple[float, str, int, str, tuple[int, int]]] = []
    if not words:  # only the query as written can match, anywhere
        _score_in_order(index, index.ordered(None, where), q, words, limit, hits)
        return _best(hits, limit)
    vocabulary = index.vocabulary()
    distinct = sorted(set(words))
    inside = {w: [v for v in vocabulary if w in v] for w in distinct}
    near = {w: process.extract(w, vocabulary, scorer=fuzz.ratio, score_cutoff=NEAR, limit=None) for w in distinct}
    lists = index.claims_with({v for found in near.values() for v, _s, _i in found} | {v for vs in inside.values()
                                                                                           for v in vs})  # fmt: skip
    # the claims holding each query word inside a word of theirs: the word with the fewest claims first,
    # then each other word's claims among those (a word inside many words, as 'of' or '5', names most claims)
    size = {w: sum(len(lists.get(v, ())) for v in inside[w]) for w in distinct}
    holding: set[int] = set()
    for n, w in enumerate(sorted(distinct, key=size.__getitem__)):
        if n == 0:
            holding = set().union(*(lists.get(v, ()) for v in inside[w]))
        elif holding:
            holding = set().union(*(holding.intersection(lists[v]) for v in inside[w] if v in lists))
    done = _score_in_order(index, index.ordered({i: 100.0 for i in holding}, where), q, words, limit, hits)
    if done or (len(hits) >= limit and sorted(hits)[limit - 1][0] == -100.0):
        return _best(hits, limit)  # nothing else reaches 100
    best: dict[str, dict[int, float]] = {}
    strong: set[int] = set()
    for w in distinct:
        mine: dict[int, float] = {}
        for v, score, _i in sorted(near[w], key=lambda found: found[1]):  # a better word's score overwrites
            claims = lists.get(v)
            if claims:
                mine.update(zip(claims, repeat(score)))
                if score >= MIN_SCORE:
                    strong.update(claims)
        best[w] = mine
    bounds = {}
    for rowid in strong - holding:
        total = 0.0
        for w in words:
            total += best[w].get(rowid, NEAR)
        if total / len(words) >= MIN_SCORE - 1e-9:
            bounds[rowid] = math.ceil(total / len(words) * 64 + 1e-6) / 64  # up, to a value exact in binary
    _score_in_order(index, index.ordered(bounds, where), q, words, limit, hits)
    return _best(hits, limit)


def _score_in_order(index: SearchIndex, order: list[tuple[float, str, int]], q: str, words: list[str], limit: int,
                    hits: list[Found]) -> bool:  # fmt: skip
    """Score candidates in order of (bound, best first; id; rowid), adding hits, until none left could
    enter the best `limit`; whether it stopped before the end."""
    for start in range(0, len(order), BATCH):
        if len(hits) >= limit:
            hits.sort()
            worst = hits[limit - 1]
            bound, claim_id, rowid = order[start]
            if (-bound, claim_id, rowid) > worst[:3]:
                return True
        batch = order[start : start + BATCH]
        texts = index.texts([rowid for _b, _id, rowid in batch])
        for _bound, claim_id, rowid in batch:
            score, field, span = score_texts(q, words, texts[rowid])
            if score >= MIN_SCORE:
                hits.append((-score, claim_id, rowid, field, span))
    return False


Found = tuple[float, str, int, str, tuple[int, int]]  # a hit: its score negated, claim id, rowid, field, span


def _best(hits: list[Found], limit: int) -> list[Found]:
    hits.sort()
    return hits[:limit]


def _hits(project: Project, index: SearchIndex, chosen: list[Found]) -> list[SearchHit]:
    from factcheck.models import Claim
    from factcheck.results import SearchHit

    shown = _shown(project, index, chosen)
    out = []
    for neg, _claim_id, rowid, field, span in chosen:
        c, this_kind, subject_name = shown[rowid]
        out.append(SearchHit(Claim(*c), this_kind, subject_name, -neg, field, span))
    return out


def _hit_dicts(project: Project, index: SearchIndex, chosen: list[Found]) -> list[dict[str, Any]]:
    """_hits, each as SearchHit.to_dict() gives it, from the claims' fields (no claim made)."""
    shown = _shown(project, index, chosen)
    out = []
    for neg, claim_id, rowid, field, span in chosen:
        c, this_kind, subject_name = shown[rowid]
        out.append({"id": claim_id, "score": round(-neg, 1), "source": c[1], "subject": c[3],
                    "subject_name": subject_name, "property": c[4], "value": c[5], "kind": this_kind, "quote": c[2],
                    "status": c[11], "matched_field": field, "match": list(span)})  # fmt: skip
    return out


class _AnySubject(dict[str, str]):
    """Aliases that take every subject: a hit's claims file is read again only to show it, its subject
    is the one the index keeps (the texts kept say the claim is the one indexed, its subject as written
    among them), and the entities are not read for it."""

    def get(self, key: str, default: Any = None) -> str:  # type: ignore[override]
        return ""


class _AnySource:
    """Every source is taken: whether a claim's source is in seeds/ was checked when it was indexed."""

    def __contains__(self, name: object) -> bool:
        return True


def _shown(project: Project, index: SearchIndex, chosen: list[Found]) -> dict[int, tuple[FlatClaim, str, str]]:
    """The hits' claims as written (a FlatClaim each, its subject the entity's id), kind and subject
    name. The index does not keep what a search shows: each hit's claims file is read again, as the
    index read it (the index is up to date with it), and its claim must give the texts the index
    keeps; a file changed in between (or gone) makes IndexCorrupt, and the index is built again."""
    from factcheck.errors import FactcheckError
    from factcheck.registry.flat import FlatReader

    kept = index.shown([h[2] for h in chosen])
    reader = _Reader(project.root, project.settings, _AnySubject(), {}, _AnySource())
    flat = FlatReader(reader.aliases, reader.sources)
    files: dict[str, list[FlatClaim]] = {}
    out = {}
    for rowid, (file, key, i, subject, this_kind, name, texts) in kept.items():
        claims = files.get(file)
        if claims is None:
            if not file.startswith("claims/"):
                raise IndexCorrupt("a claim row names a file outside claims/")
            path = reader.claims_dir / file[len("claims/") :]
            try:
                claims = files[file] = reader._claims(flat, path, _Texts(project.root, project.settings).read(path),
                                                      check=False)  # fmt: skip
            except (FactcheckError, OSError):
                raise IndexCorrupt("a hit's claims file cannot be read again") from None
            # stated after it was read: a file changed since it was indexed is not shown as it is now
            if not key.removesuffix(RECENT).endswith(f"|{_stat_key(path).removesuffix(RECENT)}"):
                raise IndexCorrupt("a hit's claims file changed since it was indexed")
        if not 0 <= i < len(claims):
            raise IndexCorrupt("a hit's claims file holds fewer claims than the index")
        c = claims[i]
        c = (*c[:3], subject, *c[4:])  # type: ignore[assignment]
        if (c[0], *_scored(c, name)) != texts:
            raise IndexCorrupt("a hit's claims file does not give the texts kept")
        out[rowid] = (c, this_kind, name)
    return out


def _scored(c: FlatClaim, name: str) -> tuple[str, ...]:
    """A claim's scored texts, as _Reader.ready makes them (which keeps those of the texts that recur)."""
    written = c[14]
    return tuple(fold_plain(text).lower() for text in (c[2], f"{name} ({written})" if written else name, c[4], c[5], c[1]))


RECENT = ":recent"


def _names(store: Cache, claims_dir: Path, settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    """What search needs of the entities: every name's key → its entity (registry.load.alias_index)
    and each entity's name; kept in the cache by the entities file's stat as one list of texts (the
    number of names, then each name's key and entity, then each entity and its name), which is
    written and read back many times faster than the entities or two mappings."""
    key = _stat_key(claims_dir / ENTITIES_FILE)
    trusted = None if key.endswith(RECENT) else f"{key}|{settings.max_registry_bytes}"

    def work_out() -> list[Any]:
        from factcheck.registry.load import alias_index, load_entities

        entities = load_entities(claims_dir, settings)[0]
        aliases = alias_index(entities)
        return [len(aliases), *chain.from_iterable(aliases.items()), *chain.from_iterable((e.id, e.name) for e in entities)]

    found = store.kept("search-names-by-stat", trusted, work_out, list)
    if not (found and type(found[0]) is int and 0 <= 2 * found[0] < len(found) and len(found) % 2
            and all(type(text) is str for text in found[1:])):  # fmt: skip
        found = work_out()  # pragma: no cover - a row of another shape
    n = 2 * found[0] + 1
    return (dict(zip(found[1:n:2], found[2:n:2], strict=True)),
            dict(zip(found[n::2], found[n + 1 :: 2], strict=True)))  # fmt: skip


def _stat_key(path: Path) -> str:
    """A file's size, mtime and inode; marked when it changed too recently to be trusted."""
    return _key_of(_stat(path), time.time_ns())


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _key_of(st: os.stat_result | None, now: int) -> str:
    if st is None:
        return "none"
    key = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"  # ctime: an mtime put back is seen
    # the window sources.Seen uses: a second edit within the same clock tick may not show in the stat
    return key + RECENT if now - max(st.st_mtime_ns, st.st_ctime_ns) < RECHECK_NS else key
