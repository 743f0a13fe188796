"""Questions: every pair of claims about one subject and property, judged at once.

Reviewed claims are grouped by subject and property (judge/verdicts.py, group_key) and each group's
pairs are judged by judge/bulk.py, which gives the verdicts verdicts.judge gives, from what it works
out once per claim. Pairs involving a proposed claim are made by pairing (judge/pairing.py), and
pairs of statements by their words (judge/quotes.py); each falls under the question of its first
claim. A pair that needs attention is spelled out as a Discrepancy, with its explanation; the
others are kept as a one-character verdict code (models.Question): most pairs of a large registry
agree or show a change, and only their number is shown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.judge.bulk import group_codes
from factcheck.judge.events import anchor_on_events
from factcheck.judge.quotes import is_quotation, judge_quotation, quotation_pairs
from factcheck.judge.sides import AGREE, CODE, VERDICT, cell, make_sides
from factcheck.judge.verdicts import (
    discrepancy_id,
    fingerprint,
    group_key,
    judge,
    order_discrepancies,
    property_key,
    view,
)
from factcheck.models import ClaimView, Discrepancy, Entity, Question, Verdict, WordEdit
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.text.quotations import SAYING
from factcheck.text.wordfacts import word_property

if TYPE_CHECKING:
    from factcheck.text.entities import EntityIndex


def compare(values: Iterable[ClaimValue], entities: Iterable[Entity], lines: dict[str, int],
            terms: dict[str, str] | None = None) -> tuple[Discrepancy, ...]:  # fmt: skip
    """Every pair of claims about the same thing, each spelled out with its verdict."""
    questions = judge_questions(values, entities, lines, terms, spell_out=lambda a, b, v: True)
    return order_discrepancies(d for q in questions.values() for d in q.listed)


def judge_questions(
    values: Iterable[ClaimValue], entities: Iterable[Entity], lines: dict[str, int],
    terms: dict[str, str] | None = None, spell_out: Callable[[ClaimValue, ClaimValue, Verdict], bool] | None = None,
    fresh: frozenset[str] | None = None, old: Callable[[set[str]], dict[str, Question]] | None = None,
    wanted: set[str] | None = None, index: EntityIndex | None = None,
) -> dict[str, Question]:  # fmt: skip
    """Every pair of claims about the same thing, judged, by question (subject and property key):
    reviewed claims by subject and property (two in one source too), pairs involving a proposed
    claim by pairing's judgement (with its confidence) across sources, statements by their words.

    A pair is spelled out as a Discrepancy when it needs attention, or when `spell_out` says so;
    the others are kept as their verdict only (most pairs in a large registry agree or show a change).

    After an edit: `fresh` are the ids of the claims in the files that changed, `wanted` the keys of
    the questions they took part in or take part in now, and `old(keys)` the questions judged
    before. A pair of two claims that are not fresh keeps its verdict from before; every other pair
    is judged. Returned: the wanted questions, and any other question a new pair by pairing or
    quotation falls under (the new pair added to it). `index`: the entities' index, when the
    caller has one (pairing then reuses what checking the files worked out)."""
    from factcheck.judge.pairing import topic_free_pairs

    entities = list(entities)
    values = anchor_on_events(sorted(values, key=lambda cv: (cv.claim.file, cv.claim.line)), entities)
    names = {e.id: e.name for e in entities}
    groups: dict[str, list[ClaimValue]] = defaultdict(list)
    for cv in values:
        if cv.claim.status != "proposed" and not is_quotation(cv):  # statements: paired by their words
            groups["|".join(group_key(cv))].append(cv)
    fresh_objects = None if fresh is None else {id(cv) for cv in values if cv.claim.id in fresh}
    cross: dict[str, list[Discrepancy]] = defaultdict(list)
    pairs: list[tuple[ClaimValue, ClaimValue, float]] = []
    if any(cv.claim.status == "proposed" for cv in values):
        pairs.extend(topic_free_pairs(values, entities, terms or {}, fresh_objects, index))
    paired = {(id(a), id(b)) for a, b, _c in pairs}
    judged = one_fact_per_source_pair([(a, b, _discrepancy(a, b, lines, names, confidence)) for a, b, confidence in pairs],
                                      lambda a, b: _discrepancy(a, b, lines, names))
    quoted = quotation_pairs(values, fresh_objects, paired)  # the same words, whoever they are attributed to
    judged.extend((a, b, _discrepancy(a, b, lines, names, confidence)) for a, b, confidence in quoted)
    for _a, _b, d in judged:
        if d is not None:
            cross["|".join((d.subject, property_key(d.property)))].append(d)
    keys = set(groups) | set(cross) if wanted is None else wanted | set(cross)
    before = old(keys) if old is not None else {}
    found: dict[str, Question] = {}
    for key in sorted(keys):
        prior = before.get(key)
        if wanted is not None and key not in wanted and prior is not None:  # only a new pair falls under it
            found[key] = _with_pairs(prior, cross[key])
            continue
        kept = [d for d in prior.listed if _is_cross(prior, d) and not {c.id for c in d.claims} & (fresh or set())
                ] if prior is not None else []  # fmt: skip
        q = _question(key, groups.get(key, []), [*kept, *cross.get(key, [])], lines, names, spell_out, fresh, prior)
        if q is not None:
            found[key] = q
    return found


def one_fact_per_source_pair(
    judged: list[tuple[ClaimValue, ClaimValue, Discrepancy | None]],
    judge_pair: Callable[[ClaimValue, ClaimValue], Discrepancy | None],
) -> list[tuple[ClaimValue, ClaimValue, Discrepancy | None]]:
    """Pairs made by pairing, less the disagreements that only say two sources measure several things
    under one name. A claim that already agrees with a claim of the other source has found its
    counterpart there, so its disagreements with that source's other claims are not between the two
    sources: that source gives two values under one measure. In one sentence those are two facts
    ("10 of 22 passes", "226 yards, including an 86-yard run"): nothing to flag. In two sentences of
    one source they are two facts, or two accounts the source reports side by side ("two shells hit
    the school, news agencies reported"; "three shells landed, Ging said"): when both sentences say
    who says so, the pair within that source is judged instead; in the source's own voice, they are
    two facts (a running back's 226 yards and his 86-yard run, told in two paragraphs).

    A description in words written more and less fully in one source is one fact, not two: a source that
    calls one judge "Judge" and "state District Judge" describes one post, so another source's "U.S. District
    Judge" agreeing with the bare "Judge" does not hide its conflict with "state District Judge". And a fact
    in words about a named subject (a car's colour, a person's home or charges) is one fact whatever the
    source: it is judged against every value the other source gives."""
    agrees: dict[tuple[int, str], list[ClaimValue]] = defaultdict(list)  # (claim, other source) → claims of it agreeing
    for a, b, d in judged:
        if d is not None and d.verdict in AGREE:
            agrees[(id(a), b.claim.source)].append(b)
            agrees[(id(b), a.claim.source)].append(a)
    kept: list[tuple[ClaimValue, ClaimValue, Discrepancy | None]] = []
    within: set[tuple[int, int]] = set()
    for a, b, d in judged:
        if d is None or not d.verdict.needs_attention or _word_fact(a) or _word_fact(b):
            kept.append((a, b, d))
            continue
        twins = [(a, x) for x in agrees.get((id(b), a.claim.source), ()) if not _shorter_form(x, a)]
        twins += [(b, x) for x in agrees.get((id(a), b.claim.source), ()) if not _shorter_form(x, b)]
        if not twins:
            kept.append((a, b, d))
            continue
        for x, y in twins:  # the same source's two values, from two sentences
            key = (min(id(x), id(y)), max(id(x), id(y)))
            if key in within or x.claim.quote.strip() == y.claim.quote.strip() or not (
                    _ATTRIBUTED.search(x.claim.quote) and _ATTRIBUTED.search(y.claim.quote) or _one_count(x, y)):
                continue
            within.add(key)
            w = judge_pair(x, y)
            if w is not None and w.verdict.needs_attention:
                kept.append((x, y, replace(w, confidence=d.confidence)))
    return kept


def _one_count(x: ClaimValue, y: ClaimValue) -> bool:
    """Two counts in one source, in two sentences, of one named thing the story tells of, with nothing to say
    they count two sets ("seven raids in six months", "the six raids or attempted raids"): one fact told twice,
    so the source contradicts itself. Not counts of people or of units, nor a part or another time."""
    cx, cy = x.claim, y.claim
    if not (cx.kind == cy.kind == "number" and cx.property == cy.property and "property: counted" in (cx.basis or "")
            and "property: counted" in (cy.basis or "") and not (cx.as_of or cx.period or cy.as_of or cy.period)):
        return False
    head = cx.property.split()[-1].casefold() if cx.property.split() else ""
    return head not in _GENERIC_COUNTS and not any(_part(c.quote, c.value) for c in (cx, cy))


def _part(quote: str, value: str) -> bool:
    """A count the words beside it make a part or another set: "another two raids", "three of the raids"."""
    at = quote.find(value)
    return at >= 0 and bool(_PART_BEFORE.search(quote, max(0, at - 30), at) or _PART_AFTER.match(quote, at + len(value)))


_GENERIC_COUNTS = frozenset({"people", "persons", "men", "women", "children", "others", "times", "years", "months",
                             "weeks", "days", "hours", "minutes", "victims", "members", "officers", "cases", "points",
                             "goals", "games", "runs", "yards"})  # fmt: skip
_PART_BEFORE = re.compile(r"\b(?:another|other|further|more|including|first|last|each|per|only)\s+(?:\w+\s+)?$", re.I)
_PART_AFTER = re.compile(r"\s+(?:other|others|more|further|of)\b", re.I)


def _word_fact(cv: ClaimValue) -> bool:
    """A fact in words about a named subject (its colour, home, charges): one subject has one, so a source
    that gives two tells one fact twice or contradicts itself, never measures two things."""
    return isinstance(cv.value, TextValue) and word_property(cv.claim.property) is not None


def _shorter_form(x: ClaimValue, y: ClaimValue) -> bool:
    """x says in fewer words what y, of the same source, says: "Judge" beside "state District Judge"."""
    vx, vy = x.value, y.value
    if not isinstance(vx, TextValue) or not isinstance(vy, TextValue) or vx.kind not in ("role", "text"):
        return False
    wx, wy = set(re.findall(r"\w+", vx.key)), set(re.findall(r"\w+", vy.key))
    return wx < wy


_ATTRIBUTED = re.compile(rf"\b(?:{SAYING}|reported|reports|estimated|estimates|confirmed|quoted)\b", re.IGNORECASE)


def _with_pairs(q: Question, extra: list[Discrepancy]) -> Question:
    """q with pairs made by pairing or quotation added (their claims join it, compared by them alone)."""
    known = {c.id for c in q.claims}
    new = {c.id: c for d in extra for c in d.claims if c.id not in known}
    claims = (*q.claims, *sorted(new.values(), key=lambda c: c.id))
    n, k = len(q.claims), len(claims)
    codes = "".join(q.codes[cell(i, j, n)] if j < n else Question.NO_PAIR for i in range(k) for j in range(i + 1, k))
    listed = order_discrepancies([*q.listed, *extra])
    return replace(q, claims=claims, codes=codes, listed=listed, sides=make_sides(claims, codes, listed))


_VERDICT = VERDICT
_QUIET = frozenset(CODE[v] for v in Verdict if not v.needs_attention)  # kept as a code unless spelled out


def _is_cross(q: Question, d: Discrepancy) -> bool:
    """A pair listed in q that was not judged as two claims under q's subject and property."""
    at = {c.id: i for i, c in enumerate(q.claims)}
    i, j = sorted((at[d.claims[0].id], at[d.claims[1].id]))
    return q.codes[cell(i, j, len(q.claims))] == Question.NO_PAIR




def _question(key: str, members: list[ClaimValue], cross: list[Discrepancy], lines: dict[str, int],
              names: dict[str, str], spell_out: Callable[[ClaimValue, ClaimValue, Verdict], bool] | None,
              fresh: frozenset[str] | None, old: Question | None) -> Question | None:  # fmt: skip
    """The pairs of one question judged: members pairwise, the cross pairs as they are."""
    n = len(members)
    old_listed: dict[frozenset[str], Discrepancy] = {}
    reuse = None
    if old is not None and fresh is not None:  # a pair of two claims that did not change keeps its code
        was = {c.id: i for i, c in enumerate(old.claims)}
        before = [-1 if cv.claim.id in fresh else was.get(cv.claim.id, -1) for cv in members]
        n_old, old_codes = len(old.claims), old.codes
        old_listed = {frozenset(c.id for c in d.claims): d for d in old.listed}

        def reuse(i: int, j: int) -> str | None:
            x, y = before[i], before[j]
            if x < 0 or y < 0:
                return None
            return old_codes[cell(x, y, n_old) if x < y else cell(y, x, n_old)]

    codes = group_codes(members, reuse)
    shown: dict[int, ClaimView] = {}
    starts = [cell(i, i + 1, n) for i in range(n)]
    listed: list[Discrepancy] = list(cross)
    for at, code in enumerate(codes):  # the pairs spelled out: those that need attention, reviewed ones
        if code == Question.NO_PAIR or (code in _QUIET and spell_out is None):
            continue
        i, j = _pair_at(at, starts)
        a, b = members[i], members[j]
        if code == Question.LISTED:
            listed.append(old_listed[frozenset((a.claim.id, b.claim.id))])
        elif code not in _QUIET or (spell_out is not None and spell_out(a, b, _VERDICT[code])):
            d = _discrepancy(a, b, lines, names, shown=shown)
            assert d is not None
            listed.append(d)
            codes[at] = Question.LISTED
    joined = "".join(codes)
    tally = {_VERDICT[c].value: joined.count(c) for c in _QUIET if c in joined}
    least = None  # the most serious pair not spelled out, the first in order: its explanation may be the finding's
    for c in sorted(_QUIET):
        if c in joined:
            least = _pair_at(joined.index(c), starts)
            break
    in_pairs = set(range(n)) if n > 1 and Question.NO_PAIR not in joined else {
        m for at, x in enumerate(codes) if x != Question.NO_PAIR for m in _pair_at(at, starts)}  # fmt: skip
    order = [m for m in range(n) if m in in_pairs]
    paired_ids = {members[m].claim.id for m in order}
    extra = {c.id: c for d in cross for c in d.claims if c.id not in paired_ids}
    if not in_pairs and not extra:
        return None
    views = [_view(members[m], lines, shown) if m in in_pairs else None for m in range(n)]
    claims = [v for v in views if v is not None] + sorted(extra.values(), key=lambda c: c.id)
    if len(order) < n:  # claims in no pair are left out: the codes are made again over those kept
        codes = [codes[cell(order[x], order[y], n)] for x in range(len(order)) for y in range(x + 1, len(order))]
    k = len(claims)
    if extra:  # claims only in cross pairs: compared with the others by those pairs alone
        full = []
        for x in range(k):
            for y in range(x + 1, k):
                full.append(codes[cell(x, y, len(order))] if y < len(order) else Question.NO_PAIR)
        codes = full
    worst = _discrepancy(members[least[0]], members[least[1]], lines, names, shown=shown) if least is not None else None
    listed_sorted = order_discrepancies(listed)
    sides = make_sides(claims, "".join(codes), listed_sorted)
    return Question(key, tuple(claims), "".join(codes), listed_sorted, worst, sides, tally)


def _pair_at(at: int, starts: list[int]) -> tuple[int, int]:
    """The pair i < j at position `at` of a question's codes, `starts` the position of each row
    (the inverse of sides.cell)."""
    i = bisect_right(starts, at) - 1
    return i, i + 1 + at - starts[i]


def _view(cv: ClaimValue, lines: dict[str, int], shown: dict[int, ClaimView] | None) -> ClaimView:
    """A claim as shown, made once per question."""
    if shown is None:
        return view(cv, lines.get(cv.claim.id, 0))
    made = shown.get(id(cv))
    if made is None:
        made = shown[id(cv)] = view(cv, lines.get(cv.claim.id, 0))
    return made


def _discrepancy(a: ClaimValue, b: ClaimValue, lines: dict[str, int], names: dict[str, str],
                 confidence: float = 1.0, shown: dict[int, ClaimView] | None = None) -> Discrepancy | None:  # fmt: skip
    """One pair spelled out: its verdict and explanation, both claims as shown (`shown`: the views
    already made, by claim object, to share)."""
    edits: tuple[WordEdit, ...] = ()
    if is_quotation(a) and is_quotation(b):
        quoted = judge_quotation(a, b)
        result, edits = (quoted[:2], quoted[2]) if quoted else (None, ())
    else:
        result = judge(a, b)
    if result is None:
        return None
    verdict, why = result
    return Discrepancy(
        verdict=verdict,
        subject=a.claim.subject,
        property=a.claim.property,
        explanation=why,
        claims=(_view(a, lines, shown), _view(b, lines, shown)),
        subject_name=names.get(a.claim.subject, a.claim.subject),
        id=discrepancy_id(a.claim.id, b.claim.id),
        confidence=confidence,
        fingerprint=fingerprint([a.claim, b.claim]),
        edits=edits if verdict is not Verdict.CORROBORATED else (),
    )


