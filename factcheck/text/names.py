"""Names spelled two ways: is one rendering of a name the same name as another, or a respelling?

News names the same person in many forms that are all correct: with a title ("Mr LaCalamita"), a
generational suffix ("Anthony LaCalamita III"), a possessive ("Intel's Jason Waxman"), the surname
alone, a nickname cut from the first name ("Chris" for "Christopher"), an initial, or a company's name
with or without a space ("Sea Micro", "SeaMicro"). Names transliterated from Arabic script ("al-Fakhora",
"Abu Askar") have no one spelling: their vowels and an 'h' vary between outlets. None of these is a
discrepancy.

What is one: a letter changed ("Wolfe", "Wolff"; "Mahnefeh", "Mahnefah"), a particle dropped from a
surname ("LaCalamita", "Calamita"), the letters of initials swapped ("C&G", "G&C"), or a surname
replaced mid-article ("Lisa Su" ... "Lu said"). `respelling` tells these apart and says what changed.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from factcheck.text.fold import fold_plain

NAME_PROPERTY = "name"  # the property of a claim about how an entity's name is spelled

TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "cllr",
    "councillor", "sgt", "lt", "capt", "col", "gen", "det", "insp", "supt", "judge", "president", "senator",
    "sen", "rep", "gov", "mayor", "father", "sister", "brother", "st",
})  # fmt: skip
SUFFIXES = frozenset({"jr", "jnr", "sr", "snr", "ii", "iii", "iv", "v", "junior", "senior", "phd", "qc", "kc", "mp"})
# Particles written onto a surname: dropping one gives another surname ("LaCalamita", "Calamita").
PARTICLES = ("la", "le", "de", "di", "da", "du", "del", "della", "van", "von", "mc", "mac", "o", "st", "fitz")
# Words that mark a name transliterated from Arabic script, whose vowels and h vary between outlets.
TRANSLITERATED = frozenset({"al", "el", "abu", "abd", "abdel", "abdul", "bin", "ibn", "bint", "ul", "ud", "ad", "as"})
_VOWELS_AND_H = re.compile(r"[aeiouyh]")
_APOSTROPHES = "'’"


def name_words(name: str) -> list[str]:
    """The words of a name that say who it is: without titles, suffixes, a possessive owner before it
    ("Intel's Jason Waxman") or after it, full stops and commas."""
    words = [w.strip(",.;:") for w in fold_plain(name).replace("’", "'").split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[0].endswith("'s") and words[0][:1].isupper():
        words = words[1:]  # "Intel's Jason Waxman": the owner is a company, not part of his name
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(".") in SUFFIXES:
        words = words[:-1]
    if words:
        words[-1] = re.sub(r"'s?$", "", words[-1])
    return [w for w in words if w]


def _key(word: str) -> str:
    return re.sub(r"[.\-'’]", "", word.casefold())


def transliterated(*names: str) -> bool:
    """A name with a mark of Arabic transliteration ("al-", "Abu", "bin"): its spelling is not fixed."""
    for name in names:
        for w in re.split(r"[\s\-]+", fold_plain(name).casefold()):
            if w.strip(".,") in TRANSLITERATED:
                return True
    return False


def _same_word(a: str, b: str, loose: bool) -> bool:
    ka, kb = _key(a), _key(b)
    if ka == kb or _heard(ka) == _heard(kb):
        return True
    return loose and _VOWELS_AND_H.sub("", ka) == _VOWELS_AND_H.sub("", kb)


def _heard(key: str) -> str:
    """A word as it is said, for names written from another alphabet in more than one way: one vowel
    written with two letters or one ("Younis", "Yunis"), an opening vowel ("Elias", "Ilias"), and one
    sound written with either of two letters: a hard c, k or q ("Karolos", "Carolos"; "Qassem", "Kassem"),
    ph or f ("Stephanos", "Stefanos")."""
    for pair, one in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("aa", "a"), ("ph", "f"), ("ck", "k")):
        key = key.replace(pair, one)
    key = re.sub(r"c(?![eiy])|q", "k", key)
    return re.sub(r"^[aeiou]", "*", key)


def word_change(a: str, b: str) -> str | None:
    """How one word of a name is respelled as the other, or None when the two are not near spellings
    of one word (then they are different names, not a misspelling)."""
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return None
    for short, long in ((ka, kb), (kb, ka)):
        if long in (short + "s", short + "es") and not (_proper(a) and _proper(b) and len(short) >= 4
                                                         and not short.endswith(_AGENT_ENDINGS)):
            return None  # "Xeon CPU", "Xeon CPUs": one thing and many, not a name misspelled
        for particle in PARTICLES:
            if long == particle + short and len(short) >= 3:
                return "a particle dropped"
    if "&" in ka and sorted(ka) == sorted(kb):
        return "the initials swapped"
    if ka.isalpha() and kb.isalpha() and a.isupper() and b.isupper() and sorted(ka) == sorted(kb):
        return "the letters swapped"
    distance = Levenshtein.distance(ka, kb)
    shortest = min(len(ka), len(kb))
    if distance == 1 and shortest >= 2 or distance == 2 and shortest >= 7:
        return "a letter changed" if distance == 1 else "two letters changed"
    return None


# Endings of nouns for one who does something ("Ranger", "Director", "Guardian"): capitalised in a name, their
# plural is still a plural ("Texas Ranger", "Texas Rangers").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer")


def _proper(word: str) -> bool:
    """A word written as a proper name, a capital then small letters ("George", "Georges"): a final s on it
    spells another name, where on an acronym or a word in small letters ("CPU", "CPUs") it makes a plural."""
    return word[:1].isupper() and word[1:].islower()


def compare_names(a: str, b: str) -> tuple[str, str]:
    """("same", "") when a and b are one name as written (titles, suffixes, a name written shorter,
    spacing, case, transliteration); ("respelled", what changed) when b is a near spelling of a
    ("'Wolfe' written 'Wolff' (a letter changed)"); ("different", "") when they are other names."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return "different", ""
    if "".join(map(_key, wa)) == "".join(map(_key, wb)):
        return "same", ""  # "Sea Micro" and "SeaMicro", "Mc Donald" and "McDonald"
    loose = transliterated(a, b)
    if len(wa) == 1 or len(wb) == 1:
        one, full = (wa, wb) if len(wa) == 1 else (wb, wa)
        word = one[0]
        if any(_same_word(word, w, loose) for w in full):
            return "same", ""  # the surname or the first name alone
        for other in (full[-1], full[0]):
            change = word_change(other, word)
            if change is not None:
                x, y = (word, other) if one is wa else (other, word)
                return "respelled", f"'{x}' written '{y}' ({change})"
        return "different", ""
    pairs = []
    if not _same_word(wa[-1], wb[-1], loose):
        pairs.append((wa[-1], wb[-1]))
    if not _same_word(wa[0], wb[0], loose) and not _short_form(wa[0], wb[0]):
        pairs.append((wa[0], wb[0]))
    if not pairs:
        return "same", ""  # middle names and initials come and go
    changes = []
    for x, y in pairs:
        change = word_change(x, y)
        if change is None:
            return "different", ""  # another name altogether, not a misspelling of this one
        changes.append(f"'{x}' written '{y}' ({change})")
    return "respelled", "; ".join(changes)


def respelling(a: str, b: str) -> str | None:
    """What makes name b a near respelling of name a, or None (the same name, or another one)."""
    verdict, why = compare_names(a, b)
    return why if verdict == "respelled" else None


def _short_form(a: str, b: str) -> bool:
    """An initial or a first name cut short ("J." for "Jason", "Chris" for "Christopher")."""
    ka, kb = _key(a), _key(b)
    short, long = sorted((ka, kb), key=len)
    return bool(short) and long.startswith(short) and (len(short) == 1 or len(short) >= 3)
