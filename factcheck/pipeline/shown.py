"""What verify shows of each question, kept beside it: its finding as JSON, its spelled-out pairs as
JSON, what orders them, and how many pairs it has of each verdict.

A large registry has many thousand questions, and a run in which few of them changed should not
make every finding again to show it. So when a question is judged, its finding (before any review)
is written out once; a later run reads the JSON back and writes it as it is, and the question
itself (its claims, its pairs) is decoded only when something asks for the objects, or when a
reviewer's decision touches one of its pairs (then its finding is made again, with the decision).
"""

from __future__ import annotations

import bisect
import functools
import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from factcheck.errors import SourceError
from factcheck.judge.findings import finding_of, finding_order
from factcheck.judge.verdicts import discrepancy_order
from factcheck.models import Discrepancy, Finding, Listed, Listing, Question, Verdict, Verification, listed

T = TypeVar("T")
_VERDICTS = {v.value: v for v in Verdict}


@dataclass(frozen=True)
class Judged:
    """One question as verify shows it: `shown` (shown_row) and `finding` are JSON; `question`
    gives the question itself (decoding it, when it came from the cache or another process). A
    question judged in another process comes with its cache row and the claims files of its claims."""

    key: str
    shown: str
    finding: str
    question: Callable[[], Question]
    row: bytes | None = None
    files: tuple[str, ...] = ()


def judged(q: Question) -> Judged:
    """A question just judged, with what is shown of it."""
    shown, finding = shown_row(q)
    return Judged(q.key, shown, finding, lambda: q)


def shown_row(q: Question) -> tuple[str, str]:
    """What is shown of a question without reviews, as JSON: the order, verdict and attention of its
    finding, its counts of the pairs not spelled out, and each pair spelled out (its id, order,
    verdict and JSON); and the finding's JSON."""
    f = finding_of(q, q.listed)
    pairs = [[d.id, discrepancy_order(d), d.verdict.value, json.dumps(d.to_dict(), ensure_ascii=False)]
             for d in q.listed]  # fmt: skip
    row = {"order": finding_order(f), "verdict": f.verdict.value, "attention": f.needs_attention, "tally": q.tally,
           "pairs": pairs}  # fmt: skip
    return json.dumps(row, ensure_ascii=False), json.dumps(f.to_dict(), ensure_ascii=False)


Entry = tuple[str, int, Listed[T], str]  # question key (as JSON), place (-1: the finding), the item, its order (JSON)


@dataclass(frozen=True)
class Shown:
    """What verify shows of every question: the findings, most serious first; the pairs spelled out
    (with `all_pairs`, else those that need attention or were reviewed); the count of the other pairs
    by verdict. Each finding and pair is tagged with its question's key (as JSON), its place among
    the question's pairs (-1 for the finding) and what orders it (as JSON); `tallies` holds what
    each question adds to the counts. So a later run can show it again without the question, and
    after an edit put the questions judged again in place of the old ones (splice)."""

    findings: list[Entry[Finding]]
    pairs: list[Entry[Discrepancy]]
    tallies: dict[str, str]  # question key (JSON) → its counts (JSON), for questions that have any
    unlisted: dict[str, int]
    bodies: Bodies | None = None  # the JSON of the findings and pairs, when it is at hand as kept
    origin: Bodies | None = None  # after a splice: the bodies of the result it was spliced from

    def result(self) -> tuple[Listing[Finding], Listing[Discrepancy], dict[str, int]]:
        bodies = self.bodies
        return (Listing([f[2] for f in self.findings], bodies.findings if bodies else None),
                Listing([d[2] for d in self.pairs], bodies.pairs if bodies else None), dict(self.unlisted))  # fmt: skip

    def parts(self) -> tuple[str, list[str]]:
        """dumps, with the bodies in parts (cache._parts): after a splice, a part none of whose lines
        was taken out or put in is the part it was, and only the others are cut again."""
        if self.bodies is not None:
            return self.dumps(bodies=False)[0], self.bodies.parts
        if self.origin is None:
            index, bodies = self.dumps()
            return index, cut(header=False, text=bodies)
        return self.dumps(bodies=False)[0], self._spliced_parts(self.origin)

    def _spliced_parts(self, origin: Bodies) -> list[str]:
        where = origin.where()
        runs: list[tuple[int, list[Any]]] = []  # (the part the lines came from, -1 for none; each line's place or text)
        every: list[Listed[Any]] = [e[2] for e in self.findings] + [e[2] for e in self.pairs]
        for x in every:
            at = x.text_at
            if at is not None and at[0] == origin.line:
                p = where[at[1]]
                if not runs or runs[-1][0] != p:
                    runs.append((p, []))
                runs[-1][1].append(at[1])
            else:  # put in: with the lines before it
                if not runs:
                    runs.append((-1, []))
                runs[-1][1].append(x.text())
        starts = origin.starts()
        out: list[str] = []
        for n, (p, lines) in enumerate(runs):
            last = n == len(runs) - 1
            if (p >= 0 and lines == list(range(starts[p], starts[p + 1]))
                    and origin.parts[p].endswith("\n") != last):  # fmt: skip
                out.append(origin.parts[p])
                continue
            texts = [origin.line(x) if isinstance(x, int) else x for x in lines]
            out.extend(cut(header=False, text="\n".join(texts) + ("" if last else "\n")))
        return [p for p in out if p]

    def dumps(self, bodies: bool = True) -> tuple[str, str]:
        """As two texts for the cache. The index: the counts; how many findings and pairs follow; a line
        for each finding and pair (its question's key, place, verdict, whether it needs attention and
        order); and a line for each question's counts. The bodies: each finding's and pair's JSON
        (which holds no line break), a line each, in the index's order: what verify writes out, kept
        apart so that a later run writes it as it is, without cutting it line by line."""
        index = [json.dumps(self.unlisted), f"\n{len(self.findings)} {len(self.pairs)}"]
        for entries in (self.findings, self.pairs):
            index.extend(f"\n{key}\t{n}\t{x.verdict.value}\t{int(x.attention)}\t{order}"
                         for key, n, x, order in entries)  # type: ignore[attr-defined]  # fmt: skip
        index.extend(f"\n{key}\t{counts}" for key, counts in self.tallies.items())
        if not bodies:
            return "".join(index), ""
        if self.bodies is not None:
            return "".join(index), self.bodies.text
        return "".join(index), "\n".join([x.text() for entries in (self.findings, self.pairs)
                                           for _k, _n, x, _o in entries])  # type: ignore[attr-defined]  # fmt: skip

    def with_bodies(self, parts: list[str]) -> Shown:
        """This, with its bodies (in the parts that `parts` gives) at hand for writing out."""
        return replace(self, bodies=Bodies(parts, len(self.findings), len(self.pairs)), origin=None)

    def splice(self, replaced: Iterable[str], new: Shown) -> Shown:
        """This with the questions under `replaced` (keys) taken out and `new` put in, in order:
        what showing every question again would give. The kept entries are in order already, so
        each new one is put in its place by bisection: only the orders it is compared with are
        decoded, not every one (an edit replaces a few questions of thousands)."""
        gone = {json.dumps(k) for k in replaced} | {e[0] for e in new.findings}
        findings = _merged([e for e in self.findings if e[0] not in gone], new.findings,
                           lambda e: (json.loads(e[3]), json.loads(e[0])))  # fmt: skip
        pairs = _merged([e for e in self.pairs if e[0] not in gone], new.pairs, lambda e: json.loads(e[3]))
        tallies = {k: v for k, v in self.tallies.items() if k not in gone} | new.tallies
        unlisted = dict(self.unlisted)
        for key, counts in self.tallies.items():  # the counts of the questions taken out, taken off
            if key in gone or key in new.tallies:
                for verdict, n in json.loads(counts).items():
                    unlisted[verdict] = unlisted.get(verdict, 0) - n
        for counts in new.tallies.values():
            for verdict, n in json.loads(counts).items():
                unlisted[verdict] = unlisted.get(verdict, 0) + n
        return Shown(findings, pairs, tallies, {v: n for v, n in unlisted.items() if n}, origin=self.bodies)


class Bodies:
    """The JSON of a result's findings and pairs, one a line, findings first, in the parts it is kept
    in (each but the last ending with a line break): written out as it is (models.Listing's
    `joined`), and cut into lines, a part at a time, only when one of them is asked for."""

    __slots__ = ("parts", "count", "paired", "_starts", "_lines")

    def __init__(self, parts: list[str], count: int, paired: int) -> None:
        self.parts, self.count, self.paired = parts, count, paired
        self._starts: list[int] | None = None
        self._lines: dict[int, list[str]] = {}

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def starts(self) -> list[int]:
        """The place of each part's first line, and after the last, the number of lines."""
        if self._starts is None:
            starts = [0]
            for part in self.parts:
                starts.append(starts[-1] + part.count("\n") + (not part.endswith("\n") and bool(part)))
            self._starts = starts
        return self._starts

    def where(self) -> list[int]:
        """For each line, the part it is in."""
        starts = self.starts()
        out: list[int] = []
        for p in range(len(self.parts)):
            out.extend([p] * (starts[p + 1] - starts[p]))
        return out

    def line(self, i: int) -> str:
        starts = self.starts()
        p = bisect.bisect_right(starts, i) - 1
        lines = self._lines.get(p)
        if lines is None:
            lines = self._lines[p] = self.parts[p].split("\n")
        return lines[i - starts[p]]

    def findings(self) -> list[str]:
        """The findings' JSON, a line each, in pieces that join into that text."""
        if not self.count:
            return []
        if not self.paired:
            return self.parts
        p, at = self._split()
        return [*self.parts[:p], self.parts[p][:at]]

    def pairs(self) -> list[str]:
        """The pairs' JSON, a line each, in pieces that join into that text."""
        if not self.paired:
            return []
        if not self.count:
            return self.parts
        p, at = self._split()
        return [self.parts[p][at + 1 :], *self.parts[p + 1 :]]

    def _split(self) -> tuple[int, int]:
        """Where the findings' lines end (there are findings and pairs): the part, and the line
        break in it after the last finding."""
        starts = self.starts()
        p = bisect.bisect_right(starts, self.count - 1) - 1
        pos, find = -1, self.parts[p].find
        for _ in range(self.count - starts[p]):
            pos = find("\n", pos + 1)
        return p, pos


PART_LINES = 64  # lines a part of what was shown holds, on average


def cut(text: str, header: bool = True) -> list[str]:
    """The text cut into parts after its first two lines when it has a `header` (what they count
    changes with every run), and after each line whose first characters hash to a multiple of
    PART_LINES: where a part ends depends on its own lines only, so a line put in or taken out
    changes the one part it is in, and the others are kept as they were."""
    out: list[str] = []
    find, size, crc = text.find, len(text), zlib.crc32
    start = pos = 0
    lines = 0 if header else 2
    while pos < size:
        end = find("\n", pos)
        if end < 0:
            break
        lines += 1
        if lines <= 2 or not crc(text[pos : min(pos + 96, end)].encode("utf-8", "surrogatepass")) % PART_LINES:
            out.append(text[start : end + 1])
            start = end + 1
        pos = end + 1
    if start < size or not out:
        out.append(text[start:])
    return out


def _merged(kept: list[Entry[T]], new: list[Entry[T]], order: Callable[[Entry[T]], Any]) -> list[Entry[T]]:
    """kept (sorted by order) with new put in: what a stable sort of both, kept first, gives."""
    for entry in sorted(new, key=order):
        bisect.insort_right(kept, entry, key=order)
    return kept


def loads(texts: tuple[str, list[str]], question: Callable[[str], Question | None],
          apply: Callable[[tuple[Discrepancy, ...]], tuple[Discrepancy, ...]], again: Callable[[], Shown]) -> Shown:
    """Shown.dumps read back. A finding or pair is made only when asked for: from its question,
    `question(key)` (None when the cache no longer has it as it was), with `apply` putting reviewers'
    decisions on its pairs; failing that, from `again()`, everything worked out afresh. Its JSON is
    cut from the bodies only when asked for, and they are written out whole (Bodies).
    ValueError for texts that are not of this form."""
    text, body_parts = texts
    one = text.index("\n")
    two = text.index("\n", one + 1)
    first, second = text[:one], text[one + 1 : two]
    unlisted = json.loads(first)
    if not isinstance(unlisted, dict) or not all(isinstance(v, int) for v in unlisted.values()):
        raise ValueError("counts that are not counts")
    count, paired = (int(n) for n in second.split(" "))
    bodies = Bodies(body_parts, count, paired)
    if sum(p.count("\n") for p in body_parts) + bool(body_parts and body_parts[-1]) != count + paired:
        raise ValueError("not as many bodies as findings and pairs")
    findings: list[Entry[Finding]] = []
    pairs: list[Entry[Discrepancy]] = []
    kept = _Kept(question, apply, again, bodies.line)
    lines = text[two + 1 :].split("\n") if two + 1 < len(text) else []
    if len(lines) < count + paired:
        raise ValueError("not as many findings and pairs as said")
    for i in range(count + paired):
        key, n_text, verdict, attention, order = lines[i].split("\t")  # the key stays JSON until needed
        n = int(n_text)
        if n < 0:
            make: Callable[[], Any] = functools.partial(kept.finding, key, i)
            findings.append((key, n, Listed(_VERDICTS[verdict], attention == "1", text_at=(bodies.line, i), make=make),
                             order))  # fmt: skip
        else:
            make = functools.partial(kept.pair, key, n, i)
            pairs.append((key, n, Listed(_VERDICTS[verdict], attention == "1", text_at=(bodies.line, i), make=make),
                          order))  # fmt: skip
    tallies = dict(line.split("\t", 1) for line in lines[count + paired :])
    return Shown(findings, pairs, tallies, unlisted, bodies)


class _Kept:
    """Findings and pairs made from their questions when asked for, checked against what was shown."""

    def __init__(self, question: Callable[[str], Question | None],
                 apply: Callable[[tuple[Discrepancy, ...]], tuple[Discrepancy, ...]], again: Callable[[], Shown],
                 line: Callable[[int], str]) -> None:  # fmt: skip
        self.question = functools.cache(question)
        self.apply = apply
        self.again = functools.cache(again)
        self.line = line  # the JSON it was shown as, by its place among the bodies

    def finding(self, key: str, i: int) -> Finding:
        text = self.line(i)
        q = self.question(json.loads(key))
        if q is not None:
            f = finding_of(q, self.apply(q.listed))
            if _as_json(f) == text:
                return f
        return self._afresh(text)

    def pair(self, key: str, n: int, i: int) -> Discrepancy:
        text = self.line(i)
        q = self.question(json.loads(key))
        if q is not None and 0 <= n < len(q.listed):
            d = self.apply(q.listed)[n]
            if _as_json(d) == text:
                return d
        return self._afresh(text)

    def _afresh(self, text: str) -> Any:
        """The finding or pair of a result worked out afresh that shows as `text`."""
        found = self._made().get(text)
        if found is None:
            raise SourceError("the project changed while factcheck was running", hint="run the command again")
        return found.value()

    @functools.cache  # noqa: B019  # one per run: kept as long as its findings
    def _made(self) -> dict[str, Listed[Any]]:
        again = self.again()
        made: dict[str, Listed[Any]] = {x.text(): x for _k, _n, x, _o in again.findings}
        made.update((x.text(), x) for _k, _n, x, _o in again.pairs)
        return made


def _as_json(x: Any) -> str:
    return json.dumps(x.to_dict(), ensure_ascii=False)


def assemble(questions: Iterable[Judged], apply: Callable[[tuple[Discrepancy, ...]], tuple[Discrepancy, ...]],
             reviewed: Sequence[str] | set[str] | dict[str, Any], all_pairs: bool) -> Shown:  # fmt: skip
    """What is shown of the questions. `apply` puts reviewers' decisions on pairs, whose ids are in
    `reviewed`: a question with such a pair is made again, the others are shown as kept."""
    found: list[tuple[list[Any], str, str, Listed[Finding]]] = []
    spelled: list[tuple[list[Any], str, int, Listed[Discrepancy]]] = []
    tallies: dict[str, str] = {}
    for j in questions:
        row = json.loads(j.shown)
        counts: dict[str, int] = dict(row["tally"])
        key = _as_key(j.key)  # the question's key as JSON, as json.dumps writes a text
        if reviewed and any(p[0] in reviewed for p in row["pairs"]):
            q = j.question()
            listed = apply(q.listed)
            f = finding_of(q, listed)
            found.append((finding_order(f), j.key, key, Listed(f.verdict, f.needs_attention, value=f)))
            for n, d in enumerate(listed):
                if all_pairs or d.needs_attention or d.review:
                    spelled.append((discrepancy_order(d), key, n, Listed(d.verdict, d.needs_attention, value=d)))
                else:
                    counts[d.verdict.value] = counts.get(d.verdict.value, 0) + 1
        else:
            question = _Once(j.question)
            found.append((row["order"], j.key, key, Listed(_VERDICTS[row["verdict"]], row["attention"], text=j.finding,
                                                           make=functools.partial(_finding, question))))  # fmt: skip
            for n, (_id, order, value, text) in enumerate(row["pairs"]):
                verdict = _VERDICTS[value]
                if all_pairs or verdict.needs_attention:
                    spelled.append((order, key, n, Listed(verdict, verdict.needs_attention, text=text,
                                                          make=functools.partial(_pair, question, n))))  # fmt: skip
                else:
                    counts[value] = counts.get(value, 0) + 1
        if counts:
            tallies[key] = json.dumps(counts)
    found.sort(key=lambda f: (f[0], f[1]))
    spelled.sort(key=lambda d: d[0])
    unlisted: dict[str, int] = {}
    for counts_text in tallies.values():
        for verdict_value, n in json.loads(counts_text).items():
            unlisted[verdict_value] = unlisted.get(verdict_value, 0) + n
    order = json.JSONEncoder().encode  # json.dumps with its defaults, without looking at them each time
    return Shown([(f[2], -1, f[3], order(f[0])) for f in found],
                 [(d[1], d[2], d[3], order(d[0])) for d in spelled], tallies, unlisted)  # fmt: skip


# json.dumps of a text with its defaults: the text quoted, non-ASCII characters escaped
_as_key = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]


class _Once(Generic[T]):
    """A function called at most once, its result kept (functools.cache costs more to make, and a
    result holds one per question)."""

    __slots__ = ("_make", "_value", "_made")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] = make
        self._value: T | None = None
        self._made = False

    def __call__(self) -> T:
        if not self._made:
            self._value, self._made = self._make(), True
        return self._value  # type: ignore[return-value]


def _finding(question: Callable[[], Question]) -> Finding:
    q = question()
    return finding_of(q, q.listed)


def _pair(question: Callable[[], Question], n: int) -> Discrepancy:
    return question().listed[n]


def made_afresh(done: Verification) -> Shown:
    """A result worked out afresh, as Shown (for _Kept to take what it needs from)."""
    return Shown([("", -1, x, "") for x in listed(done.findings)], [("", -1, x, "") for x in listed(done.discrepancies)],
                 {}, dict(done.unlisted))  # fmt: skip
