"""Posts and titles: a qualifier makes a different role, and a person can hold two posts.

- A qualifier of standing (interim, acting, former, shadow...) or of rank (assistant, deputy, vice,
  joint, co-, senior...) changes the role: "interim chief executive" is never corroborated by "chief
  executive". Two sources that give one post two different standings or ranks contradict each other.
- Two different posts for one person ("finance director", "chief operating officer") may both be
  true — people hold two posts, or the sources have it wrong — so a human must look: possible.
- The same post named more or less fully ("director", "director of finance") is corroborated.
"""

from __future__ import annotations

import re

from factcheck.models import Verdict
from factcheck.normalize.claims import TextValue

STANDING = frozenset({"interim", "acting", "temporary", "former", "designate", "shadow", "caretaker", "outgoing",
                      "incoming", "honorary", "emeritus"})  # fmt: skip
RANK = frozenset({"assistant", "deputy", "vice", "associate", "joint", "co", "sub", "under", "junior", "senior",
                  "chief", "principal", "head", "lead"})  # fmt: skip
QUALIFIERS = STANDING | RANK
MODIFIERS = QUALIFIERS - {"chief", "head", "principal", "lead"}  # words that name no post on their own
# Parties: who a politician stands for, not the post they hold ("Labour councillor" is a councillor).
PARTIES = frozenset({"labour", "conservative", "tory", "liberal", "democrat", "democratic", "republican", "green",
                     "independent", "snp", "reform", "lib", "dem"})  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def _q(text: str) -> str:
    return f"'{text}'"


def role_words(key: str) -> frozenset[str]:
    return frozenset(_WORD.findall(key))


# One post, several spellings: the short forms news uses and the plain synonyms for the top of a body.
SAME_POST = {"ceo": ("chief", "executive"), "cfo": ("chief", "financial", "officer"),
             "coo": ("chief", "operating", "officer"), "cto": ("chief", "technology", "officer"),
             "md": ("managing", "director"), "gm": ("general", "manager"), "head": ("chief",), "boss": ("chief",),
             "chairwoman": ("chair",), "chairman": ("chair",), "chairperson": ("chair",),
             "spokesman": ("spokesperson",), "spokeswoman": ("spokesperson",),
             # one standing in other words: someone holding a post for now ("acting", "interim" director of finance)
             "acting": ("interim",), "temporary": ("interim",), "caretaker": ("interim",),
             # a council's cabinet post: "portfolio holder for children's services" = "cabinet member for ..."
             "portfolio": (), "holder": ("member",), "cabinet": ()}  # fmt: skip
# Words of a title that are titles' own, even when written with a capital ("Senior Vice President").
TITLE_WORDS = frozenset({
    "president", "vice", "chief", "executive", "officer", "director", "manager", "general", "managing",
    "secretary", "minister", "chair", "chairman", "chairwoman", "head", "commissioner", "spokesman",
    "spokeswoman", "spokesperson", "leader", "deputy", "assistant", "senior", "junior", "interim", "acting",
    "founder", "partner", "editor", "governor", "mayor", "councillor", "superintendent", "inspector",
    "sergeant", "constable", "captain", "colonel", "major", "lieutenant", "commander", "chancellor",
    "treasurer", "ceo", "cfo", "coo", "cto", "md", "gm", "operations", "finance", "financial", "operating",
    "technology", "principal", "professor", "dean", "prime", "foreign", "home", "health", "justice",
    "judge", "magistrate", "district", "court", "superior", "circuit", "appeals", "attorney", "prosecutor",
    "member", "cabinet", "portfolio", "holder",
})  # fmt: skip
_FILLER = frozenset({"of", "the", "and", "for", "at", "in", "on", "a", "an", "its", "s", "with", "to", "new"})


def post_words(text: str) -> frozenset[str]:
    """The words that name a post, with short forms spelled out and the name of the body left out:
    "SeaMicro CEO", "chief executive of Sea Micro" and "CEO" are one post; a capitalised word that is
    not a title's own word ("AMD", "UNRWA", "Gaza") names where, not what."""
    out: list[str] = []
    tokens = re.findall(r"[A-Za-z][A-Za-z'’]*", text)
    first = next((i for i, t in enumerate(tokens) if t.lower() in TITLE_WORDS or t.lower() in QUALIFIERS), 0)
    owner = max((i for i, t in enumerate(tokens[:first]) if t.endswith(("'s", "’s"))), default=-1)
    tokens = tokens[owner + 1 :]  # "Thurrock Council’s deputy finance officer": whose post, not which
    for i, raw in enumerate(re.sub(r"['’]s?$", "", t) for t in tokens):
        low = raw.lower()
        # a capital on the first word may be the sentence's; an acronym or a CamelCase name is a name anywhere
        named = raw[:1].isupper() and (i > 0 or raw.isupper() and len(raw) > 1 or any(c.isupper() for c in raw[1:]))
        if low in _FILLER or (named and low not in TITLE_WORDS):
            continue
        out.extend(SAME_POST.get(low, (low,)))
    return frozenset(out)


# Nouns that say a part of a body is meant, not which part: "Global Business Units" and "global business"
# are one part; "products division" and "Global Business Units" are two.
UNIT_NOUNS = frozenset({"group", "groups", "unit", "units", "division", "divisions", "business", "businesses",
                        "department", "team", "arm", "section", "branch", "wing", "office"})  # fmt: skip
_PART_FILLER = _FILLER | {"new", "newly", "formed", "created", "their", "his", "her", "company", "firm", "whole"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’&.]*")


def post_parts(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A title cut into the post it names, the bodies that hold it and the part of a body it is over:
    "senior vice president and general manager for AMD's products division" is the post {senior, vice,
    president, general, manager}, at the body {amd}, over {products}; "SeaMicro CEO" is {chief,
    executive} at {seamicro}; "chief executive of Sea Micro" is {chief, executive} over {sea, micro}."""
    tokens = _TOKEN.findall(text)
    cut = next((i for i, t in enumerate(tokens) if t in ("of", "for", "at")), len(tokens))
    bodies: list[str] = []
    run: list[str] = []
    for i, tok in enumerate(tokens):
        bare = tok.rstrip(".").removesuffix("'s").removesuffix("’s")
        owner = tok.endswith(("'s", "’s")) and tok[:1].isupper()
        capital = tok[:1].isupper() and bare.lower() not in TITLE_WORDS and bare.lower() not in _PART_FILLER
        if i == 0 and not owner and not (len(bare) > 1 and bare.isupper() or any(c.isupper() for c in bare[1:])):
            capital = False  # the first word's capital may be the title's own ("Group manager", "Station manager")
        if capital:
            run.append(re.sub(r"[^a-z&]", "", bare.lower()))
        named_next = i + 1 < len(tokens) and tokens[i + 1][:1].isupper() and tokens[i + 1].lower() not in TITLE_WORDS
        if capital and (owner or (i < cut and not named_next)):
            bodies.append("".join(run))  # "AMD president", "the Tarrow Group's shipping business"
        if not capital or owner:
            if run and not owner and _after_at(tokens, i - 1):
                bodies.append("".join(run))  # "at AMD"
            run = []
    if run and _after_at(tokens, len(tokens) - 1):
        bodies.append("".join(run))
    named = set(bodies)
    after = tokens[cut + 1 :] if cut < len(tokens) and tokens[cut] != "at" else []
    part = [re.sub(r"['’]s$", "", t.lower()).rstrip(".") for t in after]
    at = next((k for k, t in enumerate(part) if t == "at"), len(part))
    domain = frozenset(w for w in part[:at] if w not in _PART_FILLER and w not in UNIT_NOUNS and w not in named)
    head = [t for t in tokens[:cut] if not t.endswith(("'s", "’s")) and t.lower() not in _PART_FILLER]
    return post_words(" ".join(head)) - named, frozenset(b for b in bodies if b) | _named_part(after), domain


def _named_part(tail: list[str]) -> frozenset[str]:
    """The body a post is "of" when the words after "of" are only its short proper name ("chief
    executive of Sea Micro", "of Lenovo"), not a part of a body or a place ("of Children's Services",
    "of UNRWA in Gaza")."""
    words = [t.rstrip(".").removesuffix("'s").removesuffix("’s") for t in tail if t.lower() not in ("the",)]
    if not 0 < len(words) <= 2 or not all(w[:1].isupper() and w.lower() not in TITLE_WORDS for w in words):
        return frozenset()
    if any(w.lower() in UNIT_NOUNS or w.lower() in _HEADS for w in words):
        return frozenset()
    return frozenset({"".join(w.lower() for w in words)})


# Nouns that end the name of a part of an organisation, not of the organisation itself.
_HEADS = frozenset({"services", "service", "department", "directorate", "care", "affairs", "operations", "relations"})


def _after_at(tokens: list[str], i: int) -> bool:
    """A capitalised word in a run that follows "at" ("at AMD", "at the Royal Free"): the body."""
    k = i - 1
    while k >= 0 and tokens[k][:1].isupper():
        k -= 1
    return k >= 0 and tokens[k] == "at" or (k >= 1 and tokens[k] == "the" and tokens[k - 1] == "at")


def _initials(text: str) -> str:
    """The initials of what a post is "of" ("UN Relief and Works agency" → "unrwa"), to match an acronym."""
    tokens = _TOKEN.findall(text)
    cut = next((i for i, t in enumerate(tokens) if t in ("of", "for")), None)
    if cut is None:
        return ""
    words = [t.rstrip(".") for t in tokens[cut + 1 :] if t.lower() not in _PART_FILLER]
    return "".join(w.lower() if w.isupper() else w[:1].lower() for w in words)


def _same_body(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(x == y or x.startswith(y) or y.startswith(x) for x in a for y in b)


# Whose court a judge or a prosecutor serves, written before the title: a federal court ("U.S. District Judge",
# "federal Judge") or a state's ("state District Judge", "Superior Court Judge", "county Judge"). One person
# sits on one court: two sources that put one judge on a federal and on a state bench contradict each other.
_FEDERAL = frozenset({"us", "u.s.", "federal"})
_STATE = frozenset({"state", "county", "superior", "municipal"})
_COURT_POSTS = frozenset({"judge", "justice", "magistrate", "prosecutor", "attorney", "court"})


def _jurisdiction(text: str) -> tuple[str, str] | None:
    """("federal" or "state", the word that says so) for a court's post ("U.S. District Judge"), else None."""
    words = [w.strip(",;:'’").lower() for w in text.split()]
    if not _COURT_POSTS & {w.removesuffix("'s") for w in words}:
        return None
    found = [("federal", w) for w in words if w in _FEDERAL] + [("state", w) for w in words if w in _STATE]
    return found[0] if found and len({level for level, _ in found}) == 1 else None


def _without_jurisdiction(v: TextValue) -> TextValue:
    if _jurisdiction(v.text) is None:
        return v
    kept = " ".join(w for w in v.text.split() if w.strip(",;:'’").lower() not in _FEDERAL | _STATE)
    return TextValue(v.kind, kept, kept.lower(), v.form)


def judge_roles(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    court_a, court_b = _jurisdiction(va.text), _jurisdiction(vb.text)
    if court_a and court_b and court_a[0] != court_b[0]:
        return Verdict.CONFLICT, (
            f"{_q(va.text)} and {_q(vb.text)} put one person on two courts: a {court_a[0]} one ({_q(court_a[1])}) "
            f"and a {court_b[0]} one ({_q(court_b[1])}); one person serves one court"
        )
    if court_a or court_b:  # one court, or one side does not say whose: the post is compared without it
        sa, sb = _without_jurisdiction(va), _without_jurisdiction(vb)
        verdict, why = _judge_posts(sa, sb)
        for short, full in ((sa.text, va.text), (sb.text, vb.text)):
            why = why.replace(_q(short), _q(full))
        return verdict, why
    return _judge_posts(va, vb)


def _judge_posts(va: TextValue, vb: TextValue) -> tuple[Verdict, str]:
    if va.key == vb.key:
        return Verdict.CORROBORATED, f"both say {_q(va.text)}" if va.text == vb.text else (
            f"{_q(va.text)} and {_q(vb.text)} name the same role"
        )
    head_a, bodies_a, part_a = post_parts(va.text)
    head_b, bodies_b, part_b = post_parts(vb.text)
    if bodies_a and bodies_b and not _same_body(bodies_a, bodies_b):
        return Verdict.CONSISTENT, (
            f"{_q(va.text)} and {_q(vb.text)} are posts at different bodies: one person can hold both, or one "
            "after the other"
        )
    if post_words(va.text) == post_words(vb.text) and post_words(va.text):
        return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} name the same role"
    wa, wb = post_words(va.text) or role_words(va.key), post_words(vb.text) or role_words(vb.key)
    wa, wb = wa - PARTIES, wb - PARTIES
    qa, qb = wa & QUALIFIERS, wb & QUALIFIERS
    post_a, post_b = wa - QUALIFIERS, wb - QUALIFIERS
    if not head_a - MODIFIERS - PARTIES or not head_b - MODIFIERS - PARTIES:  # "Labour deputy": no post named
        vague = va.text if not head_a - MODIFIERS - PARTIES else vb.text
        return Verdict.CONSISTENT, f"{_q(vague)} names no post, only a rank or a party: nothing to compare"
    same_post = (post_a <= post_b or post_b <= post_a) and bool(post_a) == bool(post_b)
    if qa != qb and same_post:
        extra = ", ".join(_q(w) for w in sorted(qa ^ qb))
        return Verdict.CONFLICT, (
            f"{_q(va.text)} and {_q(vb.text)} give one post a different rank or standing: {extra} makes a "
            "different role"
        )
    one_head = head_a and head_b and (head_a <= head_b or head_b <= head_a)
    spelled_out = _initials(va.text) in part_b or _initials(vb.text) in part_a  # "UNRWA", "UN Relief and Works agency"
    if one_head and part_a and part_b and not (part_a <= part_b or part_b <= part_a) and not spelled_out:
        return Verdict.POSSIBLE, (
            f"{_q(va.text)} and {_q(vb.text)} put one post over different parts of the body "
            f"({' '.join(sorted(part_a))}; {' '.join(sorted(part_b))}): check which"
        )
    if qa == qb and (wa <= wb or wb <= wa):
        return Verdict.CORROBORATED, f"{_q(va.text)} and {_q(vb.text)} name the same role, one more fully"
    return Verdict.POSSIBLE, (
        f"{_q(va.text)} and {_q(vb.text)} are two different posts: one person can hold two, or a source has it "
        "wrong; check which"
    )


def role_verdict(va: TextValue, vb: TextValue) -> Verdict:
    """judge_roles' verdict alone (judge/bulk.py)."""
    return judge_roles(va, vb)[0]
