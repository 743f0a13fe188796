"""Fuzzy search over claims: quotes, subjects, properties, values and sources, ranked."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from factcheck.errors import FactcheckError
from factcheck.models import Claim, Entity
from factcheck.pipeline.cache import Cache, CacheBusy, CacheCorrupt, open_cache, remove_cache
from factcheck.pipeline.incremental import settings_key
from factcheck.project import Project
from factcheck.registry.load import (
    ENTITIES_FILE,
    alias_index,
    check_claims,
    check_kind,
    claim_file_entries,
    load_entities,
    load_registry,
    parse_claims_file,
    registry_dir,
)
from factcheck.results import SearchHit, field_texts
from factcheck.settings import Settings
from factcheck.sources.load import RECHECK_NS, load_sources, source_names
from factcheck.text.fold import fold_plain, name_key

FIELDS = ("quote", "subject", "property", "value", "source")
# A hit needs its query words, on average, this close to words of one field (rapidfuzz's ratio, 0-100).
# A misspelt word stays close to the right one ("unalocated" 95, "Northamptonshre" 97); a word that
# is not there shares a few letters by chance with some word of every quote ("zebra"/"zero" 67), as
# the old partial alignment of the whole query did, which rated any short query about 60 everywhere.
MIN_SCORE = 75.0
WORD = re.compile(r"\w+")


def score_claim(query: str, claim: Claim, subject_name: str) -> tuple[float, str, tuple[int, int]]:
    """Best score over the fields, with the field and where in it the query matched: 100 where the
    query is in the field as written, else how close each query word comes to a word of the field."""
    q = fold_plain(query).lower().strip()
    words = WORD.findall(q)
    best: tuple[float, str, tuple[int, int]] = (0.0, "quote", (0, 0))
    for field, text in field_texts(claim, subject_name).items():
        t = fold_plain(text).lower()
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


SCAN_UP_TO = 5000  # a registry up to this many claims is scored whole; a larger one through the index
CANDIDATES = 300  # claims the index hands over for scoring
REBUILD_SHARE = 0.2  # above this share of changed claims files the index is rebuilt rather than edited


MAX_QUERY = 1000  # characters: a query is a few words; a longer one is scored against every claim slowly


def search(
    root: str | Path | Project, query: str, *, source: str | None = None, subject: str | None = None,
    kind: str | None = None, limit: int = 20, cache: bool = True, rejected: bool = False,
) -> list[SearchHit]:  # fmt: skip
    """Claims matching query, best first; filters narrow by source (name or part), subject, kind.
    Rejected claims are left out unless `rejected` is set. An unknown kind is an error naming the kinds.

    With the cache, claims are kept in an SQLite FTS5 index (of trigrams, so a misspelt word still
    shares most of its pieces with the right one), brought up to date with the claims files first;
    in a large registry the index's best candidates are scored, in a small one every claim is."""
    check_kind(kind)
    if len(query) > MAX_QUERY:
        raise FactcheckError(f"the query is {len(query):,} characters, over the {MAX_QUERY:,}-character limit",
                             hint="search for a few words: the claims that match show the rest")  # fmt: skip
    project = Project.at(root)
    if cache:
        try:
            with open_cache(project.root) as store:
                return _search_index(project, store, query, source, subject, kind, limit, rejected)
        except CacheBusy:
            pass
        except CacheCorrupt:
            remove_cache(project.root)
    return _search_registry(project, query, source, subject, kind, limit, rejected)


def _search_registry(project: Project, query: str, source: str | None, subject: str | None, kind: str | None,
                     limit: int, rejected: bool) -> list[SearchHit]:  # fmt: skip
    from factcheck.normalize.claims import claim_kind  # only when reading claims

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
                  limit: int, rejected: bool) -> list[SearchHit]:  # fmt: skip
    claims_dir = registry_dir(project.root)
    base = f"{_stat_key(claims_dir / ENTITIES_FILE)}|{settings_key(project.settings)}"
    wanted = {f"claims/{name}": (name, f"{base}|{_stat_key(entry)}") for name, entry in claim_file_entries(claims_dir)}
    indexed = store.indexed()
    stale = [(d, claims_dir / n, k) for d, (n, k) in wanted.items() if indexed.get(d) != k or k.endswith(RECENT)]
    gone = [d for d in indexed if d not in wanted]
    entities: tuple[Entity, ...] | None = None
    if stale or gone:
        rebuild = len(stale) + len(gone) > REBUILD_SHARE * max(1, len(wanted))
        if rebuild:
            store.clear_index()
            stale = [(d, claims_dir / n, k) for d, (n, k) in wanted.items()]
        else:
            store.unindex(gone)
        entities = _reindex(project, store, stale)
        store.commit()
    where, params = ["1"], []
    if source:
        where.append("instr(source, ?) > 0")
        params.append(source)
    if subject:
        if entities is None:
            entities = _entities(store, claims_dir, project.settings)
        where.append("subject = ?")
        params.append(alias_index(entities).get(name_key(subject)) or "")
    if kind:
        where.append("kind = ?")
        params.append(kind)
    match = _fts_query(query, store.trigram)
    whole = match is None or store.indexed_count() <= SCAN_UP_TO
    rows = store.search_rows(None if whole else match, " AND ".join(where), tuple(params), CANDIDATES)
    return _ranked(query, rows, limit, rejected)


def _reindex(project: Project, store: Cache, stale: list[tuple[str, Path, str]]) -> tuple[Entity, ...]:
    """Bring the index up to date for the claims files that changed; returns the entities."""
    from factcheck.normalize.claims import claim_kind  # only when reading claims

    root, settings = project.root, project.settings
    claims_dir = registry_dir(root)
    entities = _entities(store, claims_dir, settings)
    aliases = alias_index(entities)
    names = {e.id: e.name for e in entities}
    sources = source_names(root)
    for display, file, key in stale:
        claims = parse_claims_file(root, file, aliases, settings)
        check_claims(claims, sources)
        rows = []
        for claim in claims:
            kind = claim_kind(claim)
            subject_name = names.get(claim.subject, claim.subject)
            text = " ".join(field_texts(claim, subject_name).values())
            rows.append((claim.source, claim.subject, kind, (claim, kind, subject_name), fold_plain(text)))
        store.index_claims(display, key, rows)
    return entities


RECENT = ":recent"


def _entities(store: Cache, claims_dir: Path, settings: Settings) -> tuple[Entity, ...]:
    """The entities, their parse kept in the cache by the entities file's stat."""
    key = _stat_key(claims_dir / ENTITIES_FILE)
    trusted = None if key.endswith(RECENT) else key
    trusted = None if trusted is None else f"{trusted}|{settings_key(settings)}"
    return store.kept("entities-by-stat", trusted, lambda: load_entities(claims_dir, settings), tuple)[0]


def _stat_key(path: Path | os.DirEntry[str]) -> str:
    """A file's size, mtime and inode; marked when it changed too recently to be trusted."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "none"
    key = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"  # ctime: an mtime put back is seen
    # the window sources.Seen uses: a second edit within the same clock tick may not show in the stat
    return key + RECENT if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RECHECK_NS else key


def _fts_query(query: str, trigram: bool) -> str | None:
    """An FTS5 query for any piece of any word of query (trigrams, or word prefixes on an SQLite
    without the trigram tokenizer); None when the query has no piece long enough."""
    words = fold_plain(query).lower().split()
    if trigram:
        pieces = {w[i : i + 3] for w in words for i in range(len(w) - 2)}
    else:
        pieces = {w for w in words if len(w) >= 2}
    if not pieces:
        return None
    quoted = ['"' + p.replace('"', '""') + '"' + ("" if trigram else "*") for p in sorted(pieces)]
    return " OR ".join(quoted)
