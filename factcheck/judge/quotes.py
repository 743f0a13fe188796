"""Quotations compared word by word, across sources and whoever they are attributed to.

Two quotations are aligned on their words (difflib's SequenceMatcher on folded word keys), so
what differs is named word by word instead of scored:
- the same words: corroborated;
- one a contiguous part of the other, or cut where an ellipsis marks the cut: consistent;
- words inserted, left out without an ellipsis, or replaced: altered, with the diff;
  a changed negation, number, name or quantifier changes what was said: a conflict;
- the same words given to different people: misattributed;
- reported speech (no quotation marks) that agrees with a quotation in meaning: not flagged.
Punctuation, case, typography (curly or straight quotes, dashes), hyphenation and British or
American spelling are never differences. Two statements that share too few words in order are
different remarks, and people say many things: no verdict.

Pairs of quotations about different people are found by their rare words: an inverted index of
each quotation's least frequent content words (prefix filtering), so only quotations sharing at
least MIN_SHARED content words are aligned, and the work grows with the number of quotations.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.models import Verdict, WordEdit
from factcheck.normalize.claims import ClaimValue, TextValue
from factcheck.text.fold import fold_plain

MIN_ALIGNED = 3  # words two quotations must have in common, in order, to be one quotation
ALIGNED_SHARE = 0.6  # of the aligned stretch, the share of words that must be the same
MIN_SHARED = 4  # content words two quotations about different people must share to be compared
MISATTRIBUTED_WORDS = 6  # words in common, in order, before the same words under two names are one quotation
MISATTRIBUTED_SHARE = 0.8  # and the share of the stretch both quote that must be the same words
PASSAGE = 3  # a negation put in or left out with at most this many words changes what was said
CUT = "\x00cut"  # the key of an ellipsis or an editor's [bracket]: words left out, marked

_TOKEN = re.compile(
    r"(?P<cut>\[\s*(?:\.\s?){2}\.\s*\]|\[\s*…\s*\]|(?:\.\s?){2}\.|…|\[[^\]\n]{0,60}\])"
    r"|(?P<num>[£$€¥]?\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<pct>%)"
)
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s*$")

NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without",
                       "cannot"})  # fmt: skip
QUANTIFIERS = frozenset({
    "all", "every", "each", "some", "any", "most", "many", "much", "few", "fewer", "several", "more", "less",
    "least", "only", "always", "sometimes", "often", "usually", "rarely", "seldom", "both", "either",
    "whole", "entire", "majority", "minority", "everyone", "everything", "everybody", "someone", "something",
    "anyone", "anything", "mostly", "partly", "entirely", "fully", "almost", "nearly",
})  # fmt: skip
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90",
}  # fmt: skip
MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "quarter",
                        "third", "double", "twice", "once", "first", "second", "percent"})  # fmt: skip
_SUFFIXES = {"m": "million", "bn": "billion", "k": "thousand"}  # "£7m" says "7 million"
# Function words: shared by most quotations, so they never make two quotations a candidate pair.
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto about than then that this these those
is are was were be been being am do does did done have has had having will would shall should can could may
might must i me my we us our you your he him his she her it its they them their there here what which who whom
whose when where why how so too very just also not no yes up down out over under again more most some such
own same other any all each both few many much only s t 1 one
""".split())  # fmt: skip

# British and American spellings of one word: the rules, by ending, and the words no rule covers.
_SPELLING_RULES = (
    (re.compile(r"^(.{2,})our(s|ed|ing|ite|ites|able|ably|ful|less|er|ers|ism|ist)?$"), r"\1or\2"),  # colour
    (re.compile(r"^(.{2,})is(e|es|ed|ing|er|ers|ation|ations)$"), r"\1iz\2"),  # organise, realisation
    (re.compile(r"^(.{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse, paralysed
    (re.compile(r"^(.{3,}[aeiou])ll(ed|ing|er|ers|ation)$"), r"\1l\2"),  # travelled, cancelling, labelled
    (re.compile(r"^(.{2,})tre(s)?$"), r"\1ter\2"),  # centre, theatres
    (re.compile(r"^(.{3,})ogue(s)?$"), r"\1og\2"),  # catalogue, dialogue
    (re.compile(r"^(.{3,}g)ement(s)?$"), r"\1ment\2"),  # judgement, acknowledgement
)
_SPELLING_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "cheque": "check", "cheques": "checks", "kerb": "curb", "aluminium": "aluminum", "plough": "plow",
    "enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill", "fulfilment": "fulfillment",
    "skilful": "skillful", "wilful": "willful", "instalment": "installment", "storey": "story",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "manoeuvre": "maneuver", "oestrogen": "estrogen",
    "encyclopaedia": "encyclopedia", "foetus": "fetus", "haemorrhage": "hemorrhage", "mum": "mom",
    "whilst": "while", "amongst": "among", "learnt": "learned",
    "spelt": "spelled", "burnt": "burned", "dreamt": "dreamed", "leapt": "leaped", "spoilt": "spoiled",
}  # fmt: skip
_NOT_VARIANTS = frozenset({"rise", "wise", "promise", "premise", "vise", "noise", "poise", "praise", "raise",
                           "arise", "cruise", "bruise", "guise", "anise", "otherwise", "likewise", "precise",
                           "concise", "expertise", "exercise", "franchise", "merchandise", "compromise",
                           "enterprise", "surprise", "advertise", "paradise", "tour", "four", "your", "hour",
                           "pour", "sour", "flour", "contour", "detour", "devour"})  # fmt: skip


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """One spelling for the British and American forms of a (folded, lower-case) word."""
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    if word in _NOT_VARIANTS:
        return word
    for pattern, repl in _SPELLING_RULES:
        if pattern.match(word):
            return pattern.sub(repl, word)
    return word


@dataclass(frozen=True)
class Token:
    key: str  # what is compared
    text: str  # as written
    capital: bool = False  # written with a capital inside a sentence: a name


@functools.lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of a quotation with their comparison keys; an ellipsis or an editor's [words] is a
    cut. A word is shown with the punctuation that follows it, which is never compared."""
    out: list[Token] = []
    after = 0  # where the previous token ended
    for m in _TOKEN.finditer(text):
        raw = m.group()
        between, after = text[after : m.start()], m.end()
        tail = _TAIL.match(text, m.end())
        shown = raw + (tail.group() if tail else "")
        if m.lastgroup == "cut":
            if not (out and out[-1].key == CUT):
                out.append(Token(CUT, raw))
            continue
        folded = (raw if raw.isascii() else fold_plain(raw)).casefold()
        if m.lastgroup == "num":
            suffix = _SUFFIX.match(text, m.end())
            if suffix:  # "£7m" reads as "£7 million": the same words as "£7 million"
                rest = _TAIL.match(text, suffix.end())
                shown = raw + suffix.group() + (rest.group() if rest else "")
            out.append(Token(folded.replace(",", ""), shown))
            if suffix:
                out.append(Token(_SUFFIXES[suffix.group()], ""))
            continue
        if m.lastgroup == "pct":
            out.append(Token("percent", shown))
            continue
        if folded in _SUFFIXES and out and out[-1].text == "" and text[m.start() - 1 : m.start()].isdigit():
            continue  # the suffix of a number, already read
        if folded == "cent" and out and out[-1].key == "per":
            out[-1] = Token("percent", out[-1].text + " " + shown)  # "per cent" is "percent" and "%"
            continue
        key = NUMBER_WORDS.get(folded) or spelling_key(folded)
        starts_sentence = not out or bool(_SENTENCE_END.search(between))
        capital = raw[:1].isupper() and not starts_sentence and key != "i"
        out.append(Token(key, shown, capital))
    return tuple(out)


_TAIL = re.compile(r"[,;:!?]*(?:\.(?!\.))?")
_SUFFIX = re.compile(r"(?:bn|m|k)\b")


def content_keys(text: str) -> frozenset[str]:
    """The words that can make two quotations a candidate pair: all but the function words."""
    return frozenset(t.key for t in tokens(text) if t.key != CUT and t.key not in STOPWORDS and len(t.key) > 1)


@dataclass(frozen=True)
class Alignment:
    """Two quotations' words aligned: the diff and what it amounts to."""

    edits: tuple[WordEdit, ...]
    same: int  # words the same, in order
    changed: int  # words inserted, left out (unmarked) or replaced inside the stretch both quote
    partial: bool  # one quotes less than the other at its start or end
    cut: bool  # words left out where an ellipsis marks it
    meaning: tuple[str, ...]  # what the changes touch: negation, number, name, quantifier

    @property
    def identical(self) -> bool:
        return not self.changed and not self.partial and not self.cut

    @property
    def share(self) -> float:
        return self.same / (self.same + self.changed) if self.same else 0.0


def _join(ts: Iterable[Token]) -> str:
    return " ".join(t.text for t in ts if t.text)


def _is_number(key: str) -> bool:
    return key[-1:].isdigit() or key in MAGNITUDES or key in _UNITS  # "30 miles" and "30 km" are two numbers


def _meaning(a: list[Token], b: list[Token]) -> list[str]:
    """What a change from words a to words b touches, beyond the words themselves."""
    found = []
    ka, kb = [t.key for t in a], [t.key for t in b]
    if sum(k in NEGATIONS or k.endswith("n't") for k in ka) != sum(k in NEGATIONS or k.endswith("n't") for k in kb):
        found.append("negation")
    if Counter(k for k in ka if _is_number(k)) != Counter(k for k in kb if _is_number(k)):
        found.append("number")
    if Counter(k for k in ka if k in QUANTIFIERS) != Counter(k for k in kb if k in QUANTIFIERS):
        found.append("quantifier")
    if Counter(t.key for t in a if t.capital) != Counter(t.key for t in b if t.capital):
        found.append("name")
    return found


# Units of one measure news converts between, in one base unit each: what "15 miles" and "24 km" are.
_UNITS = {
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometres": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "kilometers": ("length", 1000.0), "mile": ("length", 1609.344),
    "miles": ("length", 1609.344), "metre": ("length", 1.0), "metres": ("length", 1.0), "meter": ("length", 1.0),
    "meters": ("length", 1.0), "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "yard": ("length", 0.9144), "yards": ("length", 0.9144), "kg": ("mass", 1.0), "kilogram": ("mass", 1.0),
    "kilograms": ("mass", 1.0), "kilos": ("mass", 1.0), "lb": ("mass", 0.45359), "lbs": ("mass", 0.45359),
    "tonne": ("mass", 1000.0), "tonnes": ("mass", 1000.0),
}  # fmt: skip


def _measure(ts: list[Token]) -> tuple[str, float, float] | None:
    """A number and its unit ("15 miles", "24km"): the measure and the interval its written digits
    allow, in base units; None for anything else."""
    keys = [t.key for t in ts]
    if len(keys) != 2 or keys[1] not in _UNITS or not re.fullmatch(r"\d+(?:\.\d+)?", keys[0]):
        return None
    measure, size = _UNITS[keys[1]]
    digits = keys[0].split(".")
    half = 0.5 * 10 ** -(len(digits[1]) if len(digits) > 1 else 0)
    return measure, (float(keys[0]) - half) * size, (float(keys[0]) + half) * size


def _converted(a: list[Token], b: list[Token]) -> bool:
    """Whether two stretches are one measure in two units, the same as far as their digits go."""
    ma, mb = _measure(a), _measure(b)
    return bool(ma and mb and ma[0] == mb[0] and a[-1].key != b[-1].key and ma[1] <= mb[2] and mb[1] <= ma[2])


def align(text_a: str, text_b: str) -> Alignment:
    """The word-level diff from quotation a to quotation b."""
    ta, tb = tokens(text_a), tokens(text_b)
    ops = SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb], autojunk=False).get_opcodes()
    edits: list[WordEdit] = []
    same = changed = 0
    partial = cut = False
    meaning: list[str] = []
    first = next((i for i, op in enumerate(ops) if op[0] == "equal"), None)
    last = next((i for i in range(len(ops) - 1, -1, -1) if ops[i][0] == "equal"), None)
    inside = [op for i, op in enumerate(ops) if first is not None and last is not None and first < i < last]
    moved = ({t.key for op, a1, a2, _b1, _b2 in inside if op == "delete" for t in ta[a1:a2]}
             & {t.key for op, _a1, _a2, b1, b2 in inside if op == "insert" for t in tb[b1:b2]})  # fmt: skip
    for i, (op, a1, a2, b1, b2) in enumerate(ops):
        wa, wb = list(ta[a1:a2]), list(tb[b1:b2])
        marked = (all(t.key == CUT for t in wa) and wa) or (all(t.key == CUT for t in wb) and wb)
        at_edge = first is None or i < first or (last is not None and i > last)
        if op == "equal":
            same += sum(t.key != CUT for t in wa)
            edits.append(WordEdit("same", _join(wa), _join(wb)))
        elif marked and not (wa and wb):
            continue  # an ellipsis where the other leaves nothing out: the interruption of a broken quotation
        elif marked:
            cut = True
            edits.append(WordEdit("cut", _join(wa) or "…", _join(wb) or "…"))
        elif at_edge and (not wa or not wb):  # one quotes more at its start or end: a partial quotation
            partial = True
            edits.append(WordEdit("delete" if wa else "insert", _join(wa), _join(wb)))
        else:
            wa = [t for t in wa if t.key != CUT]
            wb = [t for t in wb if t.key != CUT]
            changed += max(len(wa), len(wb))
            # A word only moved ("Tuesday 20 June", "Tuesday, June 20") or a measure converted ("15 miles",
            # "24 km") says the same thing in other words.
            found = [] if _converted(wa, wb) else _meaning([t for t in wa if t.key not in moved],
                                                           [t for t in wb if t.key not in moved])
            if not (wa and wb) and len(wa) + len(wb) > 1:  # words left out or put in together: a phrase
                found = [m for m in found if m == "negation"] if len(wa) + len(wb) <= PASSAGE else []
            meaning.extend(m for m in found if m not in meaning)
            edits.append(WordEdit("replace" if wa and wb else "delete" if wa else "insert", _join(wa), _join(wb)))
    return Alignment(tuple(e for e in edits if e.a or e.b), same, changed, partial, cut, tuple(meaning))


def is_quotation(cv: ClaimValue) -> bool:
    return isinstance(cv.value, TextValue) and cv.value.kind == "statement"


def _form(cv: ClaimValue) -> str | None:
    return getattr(cv.value, "form", None)


def _q(text: str) -> str:
    return f"'{text}'"


def _where(cv: ClaimValue) -> str:
    return cv.claim.source[:12]


def _changes(al: Alignment, a: ClaimValue, b: ClaimValue, limit: int = 3) -> str:
    """The changes in words: "'not' only in 002_…", "'tremendous' in 000_…, 'terrific' in 002_…"."""
    parts = []
    for e in al.edits:
        if e.op == "replace":
            parts.append(f"{_q(e.a)} in {_where(a)}, {_q(e.b)} in {_where(b)}")
        elif e.op in ("delete", "insert") and not _is_edge(al, e):
            words, side = (e.a, a) if e.op == "delete" else (e.b, b)
            parts.append(f"{_q(words)} only in {_where(side)}")
    more = f" and {len(parts) - limit} more" if len(parts) > limit else ""
    return "; ".join(parts[:limit]) + more


def _is_edge(al: Alignment, e: WordEdit) -> bool:
    edits = al.edits
    return bool(edits) and (e is edits[0] or e is edits[-1]) and (e.op in ("delete", "insert"))


def judge_quotation(a: ClaimValue, b: ClaimValue) -> tuple[Verdict, str, tuple[WordEdit, ...]] | None:
    """The verdict on two statements, with their word-level diff; None for two different remarks."""
    va, vb = a.value, b.value
    assert isinstance(va, TextValue) and isinstance(vb, TextValue)
    ka, kb = content_keys(va.text), content_keys(vb.text)
    if len(ka & kb) < shared_needed(a, b, ka, kb):
        return None  # too few words in common to be one quotation (and quotation_pairs would not pair them)
    al = align(va.text, vb.text)
    shorter = min(sum(t.key != CUT for t in tokens(v.text)) for v in (va, vb))
    if al.changed and (al.same < MIN_ALIGNED or al.share < ALIGNED_SHARE):
        return None  # too little in common: two different remarks
    if not al.changed and al.same < min(shorter, MIN_ALIGNED):
        return None  # a word or two in common at the edges: two different remarks
    reported = "reported" in (_form(a), _form(b))
    if a.claim.subject != b.claim.subject:
        if reported or al.same < MISATTRIBUTED_WORDS or al.share < MISATTRIBUTED_SHARE:
            return None  # only the same words, quoted, are one quotation under two names
        how = ("the same words" if al.identical else f"the same quotation, altered ({_changes(al, a, b)})"
               if al.changed else "the same quotation, one quoting less")  # fmt: skip
        return (
            Verdict.MISATTRIBUTED,
            (f"{how}, attributed to {_speaker(a)} in {_where(a)} and to {_speaker(b)} in {_where(b)}"),
            al.edits,
        )
    if al.changed and al.meaning:
        return Verdict.CONFLICT, f"the words differ in {' and '.join(al.meaning)}: {_changes(al, a, b)}", al.edits
    if al.changed and reported:
        return Verdict.CONSISTENT, "reported speech that agrees with the quotation in meaning", al.edits
    if al.changed:
        return Verdict.ALTERED, f"the quotation is altered: {_changes(al, a, b)}", al.edits
    if al.identical:
        return Verdict.CORROBORATED, f"the same words are quoted in both ({al.same} words)", al.edits
    if al.cut and not al.partial:
        return Verdict.CONSISTENT, "a cut marked with an ellipsis; the words quoted are the same", al.edits
    part = a if sum(t.key != CUT for t in tokens(va.text)) <= sum(t.key != CUT for t in tokens(vb.text)) else b
    return Verdict.CONSISTENT, f"a partial quotation: {_where(part)} quotes part of the same words", al.edits


def _speaker(cv: ClaimValue) -> str:
    return cv.claim.subject_as_written or cv.claim.subject


def shared_needed(a: ClaimValue, b: ClaimValue, ka: frozenset[str], kb: frozenset[str]) -> int:
    """Content words two statements must share to be compared: MIN_SHARED for two people; for one
    person's, fewer when a statement is short (all but one of its content words, at least one)."""
    if a.claim.subject != b.claim.subject:
        return MIN_SHARED
    return max(1, min(MIN_SHARED, len(ka) - 1, len(kb) - 1))


def quotation_pairs(values: list[ClaimValue], fresh: set[int] | None = None,
                    skip: set[tuple[int, int]] | None = None) -> Iterator[tuple[ClaimValue, ClaimValue, float]]:  # fmt: skip
    """Every pair of statements from different sources that shares the content words
    `shared_needed` asks for, found without looking at every pair.

    One person's statements are looked up by each of their content words. Statements by different
    people are found by prefix filtering: with every statement's words ordered rarest first (by
    how many statements use them), two that share MIN_SHARED words share one among the first
    (len - MIN_SHARED + 1) words of each, so only those prefixes are indexed; common words never
    make candidates, and the pairs found are exactly those sharing enough words, however many
    statements there are. `skip` holds pairs (by id of their values) already found another way."""
    items = [(cv, content_keys(cv.value.text)) for cv in values if is_quotation(cv)]  # type: ignore[union-attr]
    frequency = Counter(k for _cv, keys in items for k in keys)
    rank = {k: r for r, k in enumerate(sorted(frequency, key=lambda k: (frequency[k], k)))}  # rarest first
    rare: dict[str, list[int]] = defaultdict(list)
    own: dict[tuple[str, str], list[int]] = defaultdict(list)  # (speaker, word) → statements
    candidates: set[tuple[int, int]] = set()
    for pos, (cv, keys) in enumerate(items):
        for key in keys:
            mine = own[(cv.claim.subject, key)]
            candidates.update((other, pos) for other in mine)
            mine.append(pos)
        if len(keys) >= MIN_SHARED:
            for key in sorted(keys, key=rank.__getitem__)[: len(keys) - MIN_SHARED + 1]:
                candidates.update((other, pos) for other in rare[key])
                rare[key].append(pos)
    for p, q in sorted(candidates):
        (a, ka), (b, kb) = items[p], items[q]
        if a.claim.source == b.claim.source or len(ka & kb) < shared_needed(a, b, ka, kb):
            continue
        if fresh is not None and id(a) not in fresh and id(b) not in fresh:
            continue
        if skip and ((id(a), id(b)) in skip or (id(b), id(a)) in skip):
            continue
        yield a, b, 1.0


def quotation_keys(cv: ClaimValue) -> set[str]:
    """The keys a stored statement is found by when a changed one is compared against it: its content words."""
    if not is_quotation(cv):
        return set()
    return {f"q|{k}" for k in content_keys(cv.value.text)}  # type: ignore[union-attr]
