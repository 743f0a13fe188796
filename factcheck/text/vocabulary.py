"""What a figure measures: property words, their synonyms, and the words around a value.

"£7m over budget", "a £7.6 million deficit" and "an overspend of £4.4 million" measure one thing
in three wordings. Words are folded to a crude stem, and each stem that belongs to a family of
synonyms stands for the family, so two wordings compare by meaning rather than by letters.
The families are ordinary newsroom English, not any one story's words; a project adds its own in
claims/entities.yaml (`terms`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from factcheck.text.fold import fold_plain

# Each family: a name and the phrases that say it. Multi-word phrases are matched before words.
FAMILIES: dict[str, tuple[str, ...]] = {
    "overspend": ("overspend", "overspent", "overspending", "over budget", "deficit", "deficits", "shortfall",
                  "shortfalls", "overrun", "in the red", "budget gap", "funding gap", "financial gap",
                  "black hole", "over-spend", "hole"),
    "saving": ("save", "saving", "savings", "cut", "cuts", "reduce spending", "efficiencies"),
    "borrowing": ("borrowing", "borrowings", "borrowed", "borrow", "loan", "loans", "debt", "debts", "indebted",
                  "lending", "lent"),
    "liability": ("liability", "liabilities", "bill", "bills", "owed", "owes", "owe", "owing", "arrears"),
    "budget": ("budget", "spending", "spend", "funding", "allocation"),
    # what something costs, and what a seller asks for it: "starts at $999", "sells for", "priced at", "going for"
    "cost": ("cost", "costs", "costing", "price", "paid", "pay", "worth", "fee", "fees", "salary", "wage",
             "priced", "prices", "retails", "retail for", "sell for", "sells for", "selling for", "sold for",
             "going for", "goes for", "go for", "ask", "asks", "asking", "charge", "charges", "charging",
             "starts at", "start at", "starting at", "starts off at", "start off at", "starting from",
             "starts from", "offered at", "offered in", "offered for", "comes in at", "comes in", "come in", "set you back",
             "sets you back"),
    "departure": ("leave", "leaving", "left", "quit", "quits", "quitting", "resign", "resigned", "resignation",
                  "stepped down", "step down", "steps down", "stepping down", "stepping away", "depart",
                  "departure", "departed", "going", "exit", "exiting", "exited", "walk away", "sacked", "fired",
                  "dismissed", "retire", "retired", "retirement", "to go", "decided to go", "stood down"),
    "start": ("join", "joined", "joining", "appoint", "appointed", "appointment", "hired", "recruited",
              "started", "start", "took up", "taken up", "arrived", "since", "in charge", "in the role",
              "took over", "stepped up", "began", "begun", "launched", "opened", "opening"),
    "end": ("ended", "end", "ending", "concluded", "finished", "closed", "closure", "shut", "expired", "ceasefire"),
    "announcement": ("announce", "announced", "announcement", "revealed", "reveal", "disclosed", "confirmed"),
    "publication": ("publish", "published", "report", "released", "issued"),
    # an inspection (the visit) and its rating (the verdict, published weeks later) are two events
    "rating": ("rated", "rating", "judged", "graded"),
    "inspection": ("inspection", "inspected", "inspecting", "inspectors visited"),
    "transfer": ("transfer", "transferred", "move", "moved", "moving", "handover", "hand over"),
    "charge": ("charged", "charges", "charging", "prosecuted", "convicted", "sentenced", "jailed", "conviction",
               "convictions", "found guilty", "found him guilty", "found her guilty", "found them guilty",
               "sentence", "sentences", "prison term", "jail term"),
    # time spent in a post or in prison; for a length of time in prison, the sentence (pairing)
    "served": ("served", "serving", "serves", "serve"),
    # a grand jury's charge, often a year or more before any trial
    "indictment": ("indicted", "indictment", "indictments", "indicts", "indict"),
    # admitting the charge in court: its own day, before the sentence
    "plea": ("pleaded guilty", "pleads guilty", "plead guilty", "pleading guilty", "pled guilty", "guilty plea",
             "pleaded no contest"),
    # a court undoing a conviction or a ruling
    "overturn": ("overturned", "overturn", "overturns", "overturning", "tossed out", "threw out", "thrown out",
                 "quashed", "struck down", "vacated", "set aside"),
    "arrest": ("arrest", "arrested", "arrests", "detained", "detention", "detentions"),
    # a thing changing hands: the day of a sale or a purchase, once for one deal ("sold for" is a price)
    "sale": ("sold", "bought", "purchased", "purchase", "acquired", "acquisition", "auctioned"),
    "birth": ("born", "birth"),
    # going into a clinic, a hospital or rehab: the day someone checked in
    "admission": ("checked in", "checked into", "checks in", "checks into", "check in", "check into",
                  "checking in", "checking into", "checked herself into", "checked himself into", "admitted to",
                  "was admitted", "were admitted"),
    # What happened, in the words news uses for the moment of an incident ("the quake struck at 0737
    # GMT", "the school was hit on Tuesday", "the blast happened at 9.15pm").
    "incident": ("incident", "struck", "strike", "strikes", "hit", "hits", "attack", "attacked", "attacks", "happened",
                 "occurred", "exploded", "explosion", "blast", "erupted", "shelled", "shelling", "bombed",
                 "bombing", "crashed", "collapsed", "took place", "take place", "came", "landed", "fired",
                 # what the emergency services were called to: a fire broke out, a shop was robbed
                 "broke out", "break out", "breaks out", "called to", "called out", "robbed", "raided", "stabbed"),
    # what a thief took: "stole £3,000", "escaped with £2,300 in cash", "made off with", "a haul of"
    "stolen": ("stole", "stolen", "steal", "steals", "stealing", "escaped with", "made off with", "got away with",
               "fled with", "snatched", "looted", "haul", "theft", "thefts"),
    "cases": ("case", "cases", "caseload", "caseloads", "referral", "referrals"),
    "staff": ("staff", "worker", "workers", "employee", "employees", "workforce", "personnel", "headcount",
              "jobs", "job losses", "redundancies", "posts"),
    "critical": ("critically injured", "critically wounded", "critically", "critical", "critical condition", "seriously injured", "seriously wounded",
                 "serious injuries", "serious condition", "seriously hurt", "badly hurt", "badly injured"),
    "death": ("death", "deaths", "died", "die", "dies", "dying", "dead", "killed", "kill", "kills", "killing",
              "murder", "murders", "fatality", "fatalities", "death toll", "toll", "bodies", "lost their lives",
              "lost his life", "lost her life", "perished", "fatally"),
    "injured": ("injured", "injuring", "injure", "injury", "injuries", "wounded", "wounding", "wound", "wounds",
                "hurt", "hospitalised", "hospitalized", "treated in hospital", "taken to hospital",
                "taken to a hospital", "taken to hospitals", "rushed to hospital", "rushed to a hospital",
                "treated for smoke inhalation", "treated at the scene"),
    "missing": ("missing", "unaccounted", "unaccounted for"),
    "rescued": ("rescued", "rescue", "rescuing", "ushered to safety", "brought to safety", "evacuated",
                "pulled out", "pulled from", "freed", "saved"),
    "sheltering": ("sheltering", "shelter", "shelters", "sheltered", "taking shelter", "taken shelter",
                   "took shelter", "refuge", "displaced", "homeless", "evacuees", "fled"),
    "crowd": ("marched", "march", "marching", "marchers", "protesters", "protestors", "demonstrators",
              "demonstration", "demonstrations", "rally", "rallied", "took to the streets", "taken to the streets",
              "turnout", "crowd", "crowds", "gathered"),
    "visitors": ("visitors", "visits", "visitor", "attendance", "footfall", "tourists", "spectators"),
    "magnitude": ("magnitude", "richter"),
    # Shots fired and the times someone was hit are two counts of one shooting (11 fired, seven hit).
    "shots": ("shots fired",),
    "hits": ("times hit",),
    "increase": ("rise", "rose", "risen", "rising", "increase", "increased", "up", "grew", "growth", "soar",
                 "soared", "jumped", "surged", "climbed", "gained"),
    "decrease": ("fall", "fell", "falling", "fallen", "decrease", "decreased", "down", "drop", "dropped",
                 "decline", "declined", "plunged", "plunge", "slumped", "slump", "tumbled", "sank", "lost"),
}  # fmt: skip
EVENT_FAMILIES = ("departure", "start", "end", "announcement", "publication", "rating", "inspection", "transfer",
                  "charge", "indictment", "plea", "overturn", "arrest", "sale", "birth", "admission", "death",
                  "incident")  # fmt: skip
# Nouns for an incident: the time of day of a sentence naming one is the incident's ("a blaze at 2.15am"). Not a
# family: "the fire service", "a fire safety inspection" name no moment, and a date is not paired on them.
INCIDENT_NOUNS = {"blaze", "fire", "flames", "robbery", "raid", "crash", "collision", "stabbing", "shooting",
                  "explosion", "burglary", "break-in", "mugging", "attack"}  # fmt: skip
# A date's event: "struck", "hit", "attack" say an incident happened, but a war or a storm has many, so
# two dates are not taken to be one event for that word alone (a time of day on one story's day is).
DATE_EVENTS = tuple(f for f in EVENT_FAMILIES if f != "incident")
# What a count or an amount measures, when the words beside it say so ("12 people were injured",
# "an overspend of £4m"): the family names a property by meaning, whatever the wording.
MEASURE_FAMILIES = ("overspend", "saving", "borrowing", "liability", "budget", "cost", "stolen", "cases", "staff",
                    "critical", "death", "injured", "missing", "rescued", "sheltering", "crowd", "visitors",
                    "magnitude", "arrest", "charge", "increase", "decrease")  # fmt: skip
# Nouns that say only that people were counted, not what happened to them: the words around decide.
PEOPLE_NOUNS = {
    "people", "person", "persons", "others", "other", "more", "men", "women", "children", "civilians",
    "residents", "citizens", "palestinians", "israelis", "individuals", "adults", "babies", "mothers",
    "soldiers", "policemen", "officers", "workers", "employees", "protesters", "students", "pupils",
    "patients", "passengers", "villagers", "inhabitants", "families", "family", "members",
}  # fmt: skip
# Nouns that say only what sort of person someone is: "a 15-year-old girl" and "a 12-year-old girl" in one
# story may be two girls, told apart by what is said of each (pairing: age_holder). A role ("the 41-year-old
# driver", "a 23-year-old gunman") is one person's in a story about one event.
SORT_NOUNS = {
    "girl", "boy", "man", "woman", "child", "kid", "teen", "teenager", "youth", "person", "baby", "infant",
    "toddler", "son", "daughter", "mother", "father", "grandmother", "grandfather", "grandson", "granddaughter",
    "brother", "sister", "wife", "husband", "cousin", "nephew", "niece", "aunt", "uncle", "friend", "female",
    "male", "adult", "resident", "student", "pupil", "mom", "dad", "grandma", "grandpa", "lady", "guy",
    "gentleman",
}  # fmt: skip
PROPERTY_NAMES = {
    "overspend": "overspend", "saving": "savings", "borrowing": "borrowing", "liability": "liability",
    "budget": "budget", "cost": "cost", "stolen": "stolen", "cases": "cases", "staff": "staff", "critical": "critically injured",
    "death": "deaths", "injured": "injured", "missing": "missing", "rescued": "rescued",
    "sheltering": "sheltering", "crowd": "crowd size", "visitors": "visitors", "magnitude": "magnitude",
    "arrest": "arrests", "charge": "charged", "increase": "increase", "decrease": "decrease",
    "incident": "time of the incident", "shots": "shots fired", "hits": "times hit",
}  # fmt: skip
FUNCTION_WORDS = {
    "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", "but", "as",
    "is", "was", "are", "were", "be", "been", "being", "has", "had", "have", "it", "its", "this", "that",
    "these", "those", "which", "who", "whom", "whose", "he", "she", "they", "them", "his", "her", "their",
    "our", "we", "i", "you", "will", "would", "could", "should", "may", "might", "can", "do", "does", "did",
    "not", "no", "so", "than", "then", "there", "here", "also", "only", "just", "about", "around", "some",
    "more", "most", "less", "over", "under", "up", "into", "after", "before", "now", "still", "currently",
    "said", "says", "say", "told", "according", "per", "each", "every", "all", "any", "very", "such",
    "while", "when", "where", "what", "how", "if", "because", "though", "although", "whether", "against",
    "between", "within", "without", "last", "next", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "time", "times", "nearly", "almost", "least", "much", "many",
}  # fmt: skip
_WORD = re.compile(r"[a-z][a-z'-]*")
_PHRASES = sorted(
    ((tuple(p.split()), family) for family, phrases in FAMILIES.items() for p in phrases),
    key=lambda item: -len(item[0]),
)


_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _family in _PHRASES:  # longest first within each first word, as _PHRASES is sorted
    _BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _family))


def stem(word: str) -> str:
    """A crude English stem: enough that 'cases' meets 'case' and 'resigned' meets 'resign'."""
    word = word.strip("'-").removesuffix("'s")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


def words(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words of text with their spans."""
    folded = fold_plain(text).lower()
    if len(folded) != len(text):
        folded = text.lower().replace("’", "'")
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]


def terms(text: str, extra: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    """The meaningful terms of text, in order: a family name for a synonym, else a stem, with spans.
    Function words are dropped. `extra` maps a project's own wordings to a term. Kept for texts seen
    before: pairing reads the same quotes and properties many times."""
    return list(_terms(text, tuple(extra.items()) if extra else ()))


@functools.lru_cache(maxsize=32768)
def _terms(text: str, extra_items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, int, int], ...]:
    extra = dict(extra_items)
    toks = words(text)
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        matched = False
        if extra:
            for phrase, term in extra.items():
                n = len(phrase.split())
                if tuple(t[0] for t in toks[i : i + n]) == tuple(phrase.split()):
                    out.append((term, toks[i][1], toks[i + n - 1][2]))
                    i += n
                    matched = True
                    break
        if matched:
            continue
        for phrase_words, family in _BY_FIRST.get(toks[i][0], ()):
            n = len(phrase_words)
            if tuple(t[0] for t in toks[i : i + n]) == phrase_words:
                out.append((f"~{family}", toks[i][1], toks[i + n - 1][2]))
                i += n
                matched = True
                break
        if matched:
            continue
        word = toks[i][0]
        if word not in FUNCTION_WORDS and len(word) > 2:
            out.append((stem(word), toks[i][1], toks[i][2]))
        i += 1
    return tuple(out)


def near_value(
    text: str, start: int, end: int, reach: int = 6, extra: dict[str, str] | None = None
) -> dict[str, float]:
    """Terms around a value in text, each weighted by closeness (1 beside it, fading with distance)."""
    found: dict[str, float] = {}
    toks = terms(text, extra)
    before = [t for t in toks if t[2] <= start][::-1]
    after = [t for t in toks if t[1] >= end]
    for side in (before, after):
        for distance, (term, _s, _e) in enumerate(side[:reach]):
            weight = 1.0 - distance / (reach + 1)
            found[term] = max(found.get(term, 0.0), weight)
    return found


_NEXT_VERB = re.compile(r"\s(?:and|but)\s+(?:(?:then|later|also)\s+)?(?:was|were|is|are|had|has|have|will|would|"
                        r"could|then|later)\b", re.IGNORECASE)


def guess_property(clause: str, start: int, end: int, kind: str, skip: Iterable[tuple[int, int]] = ()) -> str:
    """A short name for what the value at start..end of clause measures, from the words beside it.

    A noun after a count ("232 unallocated cases"); a noun before "of"/"by" ("an overspend of £4.4m",
    "overspent by £35m"); a phrase after money ("£7m over budget"); for a date, the nearest event word.
    """
    skipped = list(skip)

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in skipped)

    toks = [t for t in words(clause) if free(t[1], t[2]) and not _part_of_a_number(clause, t[1])]
    figure = re.search(r"\d", clause[end:])  # the words after the next figure are that figure's
    limit = end + figure.start() if figure else len(clause)
    after = [t[0] for t in toks if end <= t[1] < limit]
    before = [t[0] for t in toks if t[2] <= start][::-1]
    if kind == "time":  # a time of day is the time of the clause's event, however far from it
        events = [t for t, _s, _e in terms(clause) if t.lstrip("~") in EVENT_FAMILIES]
        if events:
            return PROPERTY_NAMES.get(events[0][1:], events[0][1:]) if events[0].startswith("~") else events[0]
        if any(w in INCIDENT_NOUNS for w, _s, _e in words(clause)):  # "crews were called to a blaze at 2.15am"
            return PROPERTY_NAMES["incident"]
    if kind in ("date", "duration", "time"):
        # "pleaded guilty to the offences between December and February and were sentenced at the Old Bailey":
        # a verb after "and" starts another clause, whose event is not the date's
        joined = _NEXT_VERB.search(clause, end)
        if joined is not None:
            after = [t[0] for t in toks if end <= t[1] < min(limit, joined.start())]
            clause = clause[: joined.start()]
        if re.search(r"\b(?:after|before)$", clause[start:end].lower()):
            tail = clause[end:]
            later = [(t, s, e) for t, s, e in terms(tail)[:12] if t.lstrip("~") in DATE_EVENTS]
            if later:  # "days after X ... stepped down" dates X's event: its last verb
                _t, s, e = later[-1]
                return tail[s:e].lower()
        for word in before[:6] + after[:6]:
            if family_of(word) in EVENT_FAMILIES and (kind == "time" or family_of(word) != "incident"):
                return word
        near = [t for t in terms(clause) if t[2] <= start][::-1][:4] + [t for t in terms(clause) if t[1] >= end][:4]
        for term, s, e in near:  # an event in more words than one: "lost their lives", "stepped down"
            if term.startswith("~") and term[1:] in DATE_EVENTS:
                return clause[s:e].lower()
        attributive = re.match(r"\s+([a-z]+)", clause[end:])  # "her June 2012 car accident": the noun's date
        whole = [] if attributive and attributive.group(1) not in FUNCTION_WORDS | _DAY_PARTS else (
            [t for t in terms(clause) if t[2] <= start][::-1] + [t for t in terms(clause) if t[1] >= end])
        for term, s, e in whole:  # "checked into court-mandated rehab at the Betty Ford Center late Thursday"
            if term.startswith("~") and term[1:] in DATE_EVENTS and " " in clause[s:e].strip():
                return clause[s:e].lower()
        for word in before[:6] + after[:6]:
            if word.endswith(("ed", "tion", "ment", "ure")) and word not in FUNCTION_WORDS:
                return word
        content = [w for w in before[:4] if w not in FUNCTION_WORDS]
        return " ".join(reversed(content[:2])) or "date"
    phrase_after = _content_run(after, 3)
    if kind == "number" and phrase_after:
        return phrase_after
    if before and before[0] in ("of", "by", "at", "to", "about", "from") and len(before) > 1:
        run = _content_run(before[1:], 2, reverse=True)
        if run:
            return run
    if after and phrase_after and (kind != "money" or after[0] not in FUNCTION_WORDS or after[0] == "over"):
        if after[:2] == ["over", "budget"]:
            return "over budget"
        return phrase_after
    run = _content_run([w for w in before if w not in ("of", "by", "at", "to")], 2, reverse=True)
    return run or kind


_DAY_PARTS = {"morning", "afternoon", "evening", "night", "noon", "midnight", "local"}
_NUMBER_NAME_WORD = re.compile(r"\d(?:st|nd|rd|th)\.?\s+$")


def _part_of_a_number(text: str, start: int) -> bool:
    """A word written onto a figure ("117th", "1.7GHz", "13-inch", "32-bit") or the name an ordinal opens
    ("117th Street", "the 102nd Precinct"): part of another figure or a name, never what a value measures."""
    if start and text[start - 1].isdigit():
        return True
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit():
        return True
    return text[start : start + 1].isupper() and bool(_NUMBER_NAME_WORD.search(text[max(0, start - 8) : start]))


def _content_run(seq: list[str], limit: int, reverse: bool = False) -> str:
    run: list[str] = []
    for word in seq:
        if word in FUNCTION_WORDS:
            if run:
                break
            continue
        run.append(word)
        if len(run) == limit:
            break
    return " ".join(reversed(run) if reverse else run)


def family_of(word: str) -> str | None:
    """The synonym family a single word belongs to ("deficit" → "overspend"), if any."""
    return next((family for phrase, family in _BY_FIRST.get(word, ()) if len(phrase) == 1), None)


# Families that say what happened to people counted: the verb may come before the count ("killing at
# least five people") as well as after it ("12 people were injured").
HAPPENINGS = ("death", "injured", "critical", "missing", "rescued", "sheltering", "crowd", "arrest", "charge")
# Words between a figure and what it measures that say nothing about what is measured.
_HEDGES = {
    "roughly", "approximately", "around", "about", "some", "nearly", "almost", "estimated", "another", "further",
    "just", "least", "reported", "reportedly", "believed", "feared", "thought", "confirmed", "officially",
    "people", "person", "persons", "others", "other", "more", "than", "many", "already", "so", "far", "now",
}  # fmt: skip


def measure(text: str, start: int, end: int, kind: str) -> str | None:
    """The family of what the figure at start..end of text measures, when the words beside it say so:
    "12 people were injured" and "injuring 12" measure the injured; "an overspend of £4m" and "a £4m
    black hole" an overspend. People counted ("people", "civilians") are looked past to the verb. A
    count of a thing ("three shells", "40 houses") is measured by the thing, so None."""
    if kind not in ("number", "money", "percent"):
        return None
    if kind == "money" and deal_price(text, start):
        return "cost"  # "sold one of its oil fields for a reported $30 million": the price of a deal
    toks = terms(text)
    after = [t for t in toks if t[1] >= end]
    before = [t for t in toks if t[2] <= start][::-1]
    if kind == "number" and before and before[0][0][1:] in MEASURE_FAMILIES and _NOUN_TO_FIGURE.match(
        text[before[0][2] : start]
    ) and (before[0][0][1:] in HAPPENINGS or counted_noun(text, end) is None):
        # "shelters to more than 15,000", "a crowd of 20,000 people", "the toll at 40"; but in "the cases
        # of 1,862 families" the count counts families: only what happened to those counted looks past them
        return before[0][0][1:]
    put = _PUT_AT.search(text[:start]) if kind == "number" else None
    if put is not None:  # "police put the march, to mark a strike, at roughly 30,000": what was put at it
        named = next((t[1:] for t, s, _e in toks if put.start() <= s < put.end() and t[1:] in MEASURE_FAMILIES), None)
        if named is not None:
            return named
    after = [t for t in after if not _BARRIER.search(text[end : t[1]])]
    lead = next((t for t, _s, _e in after[:5] if t not in _HEDGE_STEMS and not _plural_people(t)), "")
    said_after = lead.startswith("~") and lead[1:] in MEASURE_FAMILIES  # "3 of them critically"
    for term, s, e in before[:3] if not said_after else ():  # a verb right before: "injuring 30 commuters"
        family = term[1:] if term.startswith("~") else None
        if _BARRIER.search(text[e:start]):
            break  # "were injured and 10 houses were damaged": the verb is another clause's
        if kind == "number" and family in HAPPENINGS and _verb_form(text[s:e]):
            return family
        if term not in _HEDGE_STEMS or _plural_people(term):
            break
    for i, (term, s, _e) in enumerate(after[:5]):
        family = term[1:] if term.startswith("~") else None
        if _BARRIER.search(text[end:s]):
            break  # "one person and injured two others": the words after the barrier are another figure's
        if family in MEASURE_FAMILIES:
            return family
        if term in _HEDGE_STEMS or _plural_people(term):
            continue
        if family is None and term[:1].isalpha() and not _plural_people(term):
            if kind == "number" and i == 0:
                return None  # a count of a thing ("13 countries", "three shells"), whatever came before
            break  # a verb the vocabulary does not know
    for term, s, e in before[:3]:
        family = term[1:] if term.startswith("~") else None
        if _BARRIER.search(text[e:start]):
            break
        if kind == "number" and family in HAPPENINGS and _verb_form(text[s:e]):
            return family  # "killed ... five people", not "a demonstration is one thing"
        if kind != "number" and family in MEASURE_FAMILIES:
            return family
        if term in _HEDGE_STEMS or family is not None:
            continue
        break
    return None


# A sum a thing changed hands for: a verb of buying or selling, then "for" right before the sum ("sold one of
# their oil fields for a reported $30 million", "Intel's purchase of the unit from QLogic in January for $125m").
_DEAL_FOR = re.compile(r"\b(?:sold|sell|sells|selling|bought|buy|buys|buying|purchased|purchases?|purchasing|acquired"
                       r"|acquires?|acquiring|acquisition|auctioned)\b[^.;:!?$£€]{0,80}?\bfor\s+(?:(?:a|an)\s+)?"
                       r"(?:(?:reported|estimated|about|around|some|nearly|almost|roughly|approximately|more\s+than"
                       r"|over|at\s+least|just|under|less\s+than)\s+)*$", re.IGNORECASE)  # fmt: skip


def deal_price(text: str, start: int) -> str | None:
    """When the sum at start is what something was sold or bought for, the verb of the deal ("sold"): the
    price of one deal, whose date is the deal's ("sold for $30 million in 1967"), not only when it held."""
    found = _DEAL_FOR.search(text[max(0, start - 160) : start])
    return found.group().split()[0].lower() if found else None


# Between a verb and a figure, what ends the verb's reach: a comma, or a conjunction starting another clause.
_BARRIER = re.compile(r"[,;:]|\b(?:and|or|but|while|whereas)\b", re.IGNORECASE)


_NOUN_TO_FIGURE = re.compile(r"\s+(?:of|to|for|at)\s+(?:(?:about|around|some|roughly|nearly|almost|more\s+than"
                             r"|over|at\s+least|an\s+estimated|approximately)\s+)?$", re.IGNORECASE)  # fmt: skip


# "put the crowd at", "estimated the toll at", "placed the number of dead at": an estimate of a measure
_PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating)\s+"
                     r"(?:the\s+|their\s+|its\s+)?[^.;:]{0,60}?\s+at\s+(?:(?:about|around|some|roughly|nearly|almost"
                     r"|more\s+than|over|at\s+least|approximately|up\s+to)\s+)?$", re.IGNORECASE)  # fmt: skip


def _verb_form(word: str) -> bool:
    word = word.lower().split()[0] if word.split() else ""
    return word.endswith(("ing", "ed")) or word in ("hurt", "left", "kill", "killed", "lost")


def _plural_people(term: str) -> bool:
    return term in PEOPLE_NOUNS or term + "s" in PEOPLE_NOUNS or term + "es" in PEOPLE_NOUNS


_HEDGE_STEMS = _HEDGES | {stem(w) for w in _HEDGES}


def counted_noun(text: str, end: int) -> str | None:
    """The noun phrase a count counts, ending at its head ("Israeli tank shells", "clinical incidents"),
    when one of the three words after the count is a plural noun."""
    words_after = [w for w, s, _e in words(text) if s >= end][:4]
    run: list[str] = []
    head = None
    for i, w in enumerate(words_after):
        if w in FUNCTION_WORDS or (i and w in _HEDGES):
            break
        run.append(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) or _irregular_plural(w):
            head = len(run)
        if len(run) == 3:
            break
    return " ".join(run[:head]) if head else None


# Plurals without an s that news counts: "two masked men", "three children", "40 police".
_IRREGULAR_PLURALS = {"men", "women", "children", "people", "police", "staff", "crew", "personnel", "feet", "geese",
                      "mice", "teeth", "cattle", "sheep"}  # fmt: skip


def _irregular_plural(word: str) -> bool:
    """A plural noun without an s ("men", "children"), or a noun ending in -men ("firemen", "policemen")."""
    return word in _IRREGULAR_PLURALS or (len(word) > 4 and word.endswith("men") and word not in ("specimen", "abdomen"))


# A count of rounds says which set it counts by its verb: fired ("fired 11 shots", "seven bullets fired by
# the officers") or hit ("seven bullets hit him", "hit by seven bullets", "shot eleven times"); loaded or
# found rounds are neither.
_ROUNDS = r"(?:shots?|rounds?|bullets?|shells?)"
_HEDGE_BEFORE = r"(?:(?:a\s+total\s+of|at\s+least|about|around|some|more\s+than|nearly|almost|up\s+to)\s+)?"
_FIRED_BEFORE = re.compile(r"\b(?:fired|fires|fire|firing|shot\s+off|let\s+off|loosed)\s+" + _HEDGE_BEFORE + "$", re.I)
_HIT_BEFORE = re.compile(r"\b(?:hit|struck|wounded)\s+by\s+" + _HEDGE_BEFORE + "$", re.I)
_TIMES_AFTER_HIT = re.compile(r"\b(?:shot|hit|struck|hitting|striking|shooting|stabbed|stabbing)\s+(?:[A-Z][\w'-]*\s+)?"
                              + _HEDGE_BEFORE + "$", re.I)  # fmt: skip
_TIMES_AFTER_FIRE = re.compile(r"\b(?:fired|firing|fire)\s+" + _HEDGE_BEFORE + "$", re.I)
_AFTER_ROUNDS = re.compile(r"^\s+(?:[a-z-]+\s+)?" + _ROUNDS + r"\b\s*(?:(?:had|have|were|was)\s+(?:been\s+)?)?"
                           r"(?P<verb>fired|shot|hit|struck|entered|hitting|striking|pierced|lodged)?\b", re.I)  # fmt: skip


def rounds_counted(text: str, start: int, end: int) -> str | None:
    """For a count of shots, rounds or bullets, or of times someone was shot, the family of the set
    it counts: "shots" (fired) or "hits"; None when the words do not say."""
    before = text[:start]
    times = re.match(r"^\s+times\b", text[end:], re.I)
    if times:
        if _TIMES_AFTER_HIT.search(before):
            return "hits"
        return "shots" if _TIMES_AFTER_FIRE.search(before) else None
    rounds = _AFTER_ROUNDS.match(text[end:])
    if rounds is None:
        return None
    if _FIRED_BEFORE.search(before) or rounds.group("verb") in ("fired", "shot"):
        return "shots"
    if _HIT_BEFORE.search(before) or rounds.group("verb"):
        return "hits"
    return None
