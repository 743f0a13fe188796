"""Facts stated in words, not figures: the properties they are filed under and how their values read.

News tells some facts only in words: the colour of a car ("a silver Toyota Camry"), where someone lives
("Raj Chohan, 59, of College Point"), what someone is charged with ("vehicular manslaughter, criminally
negligent homicide"), which way a place lies from another ("55 kilometres south of Bireun"), where a trial
is held ("A San Antonio jury", "state district court in San Angelo"). Each is a
`text` claim under one of the properties below, so the same fact in two sources gets the same key, and
each property has its own reading of the value (judge/wordfacts.py compares two readings).
"""

from __future__ import annotations

import re

from factcheck.text.fold import fold_plain

COLOUR = "colour"
HOME = "home"
CHARGE = "charged with"
DIRECTION = "direction from"  # written with the place it is measured from: "direction from Bireun"
TRIAL = "tried in"  # where a person's trial is held: the jury's or the court's town
OWNER = "owned by"  # who owns a building: "the building, owned by the company Bomfords"

_ALIASES = {"color": COLOUR, "colour": COLOUR, "home": HOME, "lives in": HOME, "residence": HOME,
            "charged with": CHARGE, "charges": CHARGE, "tried in": TRIAL, "trial place": TRIAL, "owned by": OWNER,
            "owner": OWNER}  # fmt: skip


def word_property(prop: str) -> str | None:
    """The fact in words a property names (COLOUR, HOME, CHARGE, DIRECTION, TRIAL, OWNER), or None."""
    key = re.sub(r"\s+", " ", fold_plain(prop).casefold().strip())
    if key.startswith(DIRECTION + " "):
        return DIRECTION
    return _ALIASES.get(key)


_DEATH = re.compile(r"\b(?:died|dies|death|deaths|killed|perished|lost (?:his|her|their) lives?|the late|fatally|"
                    r"memorial|funeral|inquest)\b", re.IGNORECASE)  # fmt: skip


def tells_of_death(quote: str) -> bool:
    """Whether a sentence tells of someone's death: a home it gives is where they lived then, which no later
    time changes ("Ian Reid from Rugby, who died", "Ian Reid, 44, from Stratford, who died in hospital")."""
    return _DEATH.search(quote) is not None


def direction_property(place: str) -> str:
    return f"{DIRECTION} {' '.join(place.split())}"


# Colours by the family a reader takes them for: "grey" and "gray" are one colour, "navy" is a blue;
# "silver" and "gray" are two (a witness who saw a silver car did not see a gray one).
COLOURS = {
    "black": "black", "white": "white", "gray": "gray", "grey": "gray", "charcoal": "gray", "silver": "silver",
    "red": "red", "maroon": "red", "burgundy": "red", "crimson": "red", "scarlet": "red", "blue": "blue",
    "navy": "blue", "green": "green", "yellow": "yellow", "orange": "orange", "brown": "brown", "beige": "beige",
    "gold": "gold", "golden": "gold", "purple": "purple", "pink": "pink", "tan": "beige", "champagne": "beige",
    "bronze": "bronze", "turquoise": "turquoise",
}  # fmt: skip
SHADES = {"dark", "light", "pale", "bright", "deep", "metallic", "dull", "navy"}
COLOUR_WORDS = "|".join(sorted(COLOURS, key=len, reverse=True))


def colours(value: str) -> frozenset[str]:
    """The colour families a value names ("dark grey" → {gray}; "black and white" → {black, white})."""
    return frozenset(COLOURS[w] for w in re.findall(r"[a-z]+", value.casefold()) if w in COLOURS)


# Directions as compass bearings, so "south" and "south-southwest" are near and "west" and "south" are not.
_POINTS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}
DIRECTION_WORDS = r"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2}(?:ern)?"


def bearing(value: str) -> float | None:
    """A compass direction as written ("west", "south-east", "north-northwest", "southeastern") in degrees."""
    words = re.findall(r"north|south|east|west", value.casefold())
    if not words or len(words) > 3:
        return None
    angle = _POINTS[words[-1]]
    for w in reversed(words[:-1]):  # "north-east" is halfway between; "north-north-east" halfway again
        target = _POINTS[w]
        diff = (target - angle + 540) % 360 - 180
        angle = (angle + diff / 2) % 360
    return angle


def bearing_gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


# Places: a value is the place as written, perhaps with where it lies ("Schenectady, N.Y.", "Sterling
# Heights, Mich."). Whether one place lies inside another is not known without a gazetteer, so the
# judge is told only what the words say: which parts a value names, and which names are of wide areas
# (a state, a country, a borough) that may hold the other.
US_STATES = {
    "alabama": ("ala", "al"), "alaska": ("ak",), "arizona": ("ariz", "az"), "arkansas": ("ark", "ar"),
    "california": ("calif", "cal", "ca"), "colorado": ("colo", "co"), "connecticut": ("conn", "ct"),
    "delaware": ("del", "de"), "florida": ("fla", "fl"), "georgia": ("ga",), "hawaii": ("hi",), "idaho": ("id",),
    "illinois": ("ill", "il"), "indiana": ("ind", "in"), "iowa": ("ia",), "kansas": ("kan", "ks"),
    "kentucky": ("ky",), "louisiana": ("la",), "maine": ("me",), "maryland": ("md",), "massachusetts": ("mass", "ma"),
    "michigan": ("mich", "mi"), "minnesota": ("minn", "mn"), "mississippi": ("miss", "ms"), "missouri": ("mo",),
    "montana": ("mont", "mt"), "nebraska": ("neb", "ne"), "nevada": ("nev", "nv"), "new hampshire": ("nh",),
    "new jersey": ("nj",), "new mexico": ("nm",), "new york": ("ny",), "north carolina": ("nc",),
    "north dakota": ("nd",), "ohio": ("oh",), "oklahoma": ("okla", "ok"), "oregon": ("ore", "or"),
    "pennsylvania": ("pa", "penn"), "rhode island": ("ri",), "south carolina": ("sc",), "south dakota": ("sd",),
    "tennessee": ("tenn", "tn"), "texas": ("tex", "tx"), "utah": ("ut",), "vermont": ("vt",), "virginia": ("va",),
    "washington": ("wash", "wa"), "west virginia": ("wva", "wv"), "wisconsin": ("wis", "wi"), "wyoming": ("wyo", "wy"),
}  # fmt: skip
_STATE_OF = {abbr: state for state, abbrs in US_STATES.items() for abbr in abbrs}
# Wide areas that hold many places a story may name inside them: boroughs, nations, countries, continents.
WIDE_AREAS = frozenset({
    *US_STATES, "queens", "brooklyn", "manhattan", "bronx", "staten island", "new york city", "los angeles",
    "england", "scotland", "wales", "northern ireland", "britain", "great britain", "united kingdom", "uk",
    "ireland", "united states", "us", "usa", "america", "canada", "mexico", "france", "germany", "spain", "italy",
    "greece", "turkey", "israel", "gaza", "west bank", "egypt", "iran", "iraq", "syria", "lebanon", "jordan",
    "india", "pakistan", "china", "japan", "indonesia", "australia", "new zealand", "russia", "africa", "europe",
    "asia", "somalia", "kenya", "nigeria", "brazil", "sumatra", "java", "aceh",
})  # fmt: skip


def place_key(text: str) -> str:
    """A place name compared without case, typography, a leading 'the', full stops or a state's short form."""
    key = re.sub(r"[.’']", "", fold_plain(text).casefold()).strip(" ,;:")
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"[\s-]+(?:upon|on)[\s-]+", " on ", key)  # "Stratford-upon-Avon", "Stratford-on-Avon": one town
    key = re.sub(r"[\s-]+", " ", key)
    return _STATE_OF.get(key, key)


def place_parts(value: str) -> list[str]:
    """A place as written, cut into its parts, the closest first: "Schenectady, N.Y." → [schenectady, new
    york]; "Richmond Hill, Queens" → [richmond hill, queens]; "Richmond Hill in Queens" likewise."""
    parts = re.split(r",\s*|\s+in\s+", value)
    return [k for k in (place_key(p) for p in parts) if k]


def is_wide_area(key: str) -> bool:
    return key in WIDE_AREAS or bool(re.search(r"\b(?:county|province|state|region|district|borough)$|\wshire$", key))


# Charges: each item of a list ("vehicular manslaughter, criminally negligent homicide and leaving the
# scene of an accident") is read as the offence it names and the words that say which one. Offences of
# one kind (a killing: murder, manslaughter, homicide) are alternatives for one act: two sources that
# charge one death differently contradict each other. Offences of different kinds are not: a source
# may name only some of the charges.
OFFENCES = {
    "murder": "murder", "murders": "murder", "manslaughter": "manslaughter", "homicide": "manslaughter",
    "homicides": "manslaughter", "killing": "killing", "killings": "killing", "slaying": "killing",
    "assault": "assault", "battery": "assault", "rape": "sexual", "abuse": "sexual", "robbery": "theft",
    "burglary": "theft", "theft": "theft", "larceny": "theft", "arson": "arson", "kidnapping": "kidnapping",
    "fraud": "fraud", "bigamy": "bigamy", "dwi": "drink-driving", "dui": "drink-driving",
}  # fmt: skip
# Words of one offence written other ways.
_SAME_OFFENCE = {"fleeing": "leaving", "flee": "leaving", "leave": "leaving", "left": "leaving",
                 "crash": "accident", "collision": "accident", "counts": "count"}  # fmt: skip
_DRINK = re.compile(r"\b(?:dwi|dui|drunk(?:en)?\s+driving|driving\s+(?:while\s+)?(?:drunk|intoxicated|impaired)"
                    r"|driving\s+(?:while\s+)?under\s+the\s+influence(?:\s+of\s+alcohol)?|drink[- ]driving)\b")  # fmt: skip
GENERAL = frozenset({"homicide", "killing", "killings", "homicides"})  # the kind named alone: any of it
# A killing charged as murder (with intent) or as manslaughter (negligent homicide, vehicular manslaughter:
# without): one act is charged one way or the other, and several charges of the second kind go together.
KILLING = frozenset({"murder", "manslaughter", "killing"})
_ITEM_FILLER = frozenset({"a", "an", "the", "of", "in", "her", "his", "their", "its", "one", "two", "three", "four",
                          "five", "six", "count", "other", "related", "charges", "charge", "with", "resulting",
                          "death", "fatal", "on", "for", "first", "second", "third", "also"})  # fmt: skip


def charge_items(value: str) -> list[tuple[str, frozenset[str]]]:
    """(kind of offence, the words that say which) for each charge a list names; an item of no known kind
    is its own kind ("leaving the scene of an accident" → ("leaving scene accident", ...))."""
    text = _DRINK.sub(" dwi ", fold_plain(value).casefold())
    out: list[tuple[str, frozenset[str]]] = []
    for item in re.split(r",|;|\band\b|\bas well as\b|\bplus\b", text):
        words = [_SAME_OFFENCE.get(w, w) for w in re.findall(r"[a-z]+(?:-[a-z]+)*", item)]
        degree = {w for w in words if re.fullmatch(r"(?:first|second|third)-degree", w)}
        words = [w for w in words if w not in _ITEM_FILLER]
        if not words:
            continue
        kind = next((OFFENCES[w] for w in reversed(words) if w in OFFENCES), None)
        if kind in KILLING and "attempted" in words:
            kind = "attempted killing"
        if kind is None:
            kind = " ".join(w for w in words if w not in ("attempted",))
        out.append((kind, frozenset(words) | degree))
    return out


# Owners: "owned by the company Bomfords" is the owner; "the warehouse's previous owners, Bomfords" a former one.
_FORMER_OWNER = re.compile(r"^\s*(?:previous|former|old|ex-?)\s+owners?\s*,?\s*", re.IGNORECASE)
_OWNER_FILLER = re.compile(r"^\s*(?:(?:current|new|present)\s+owners?\s*,?\s*)?(?:the\s+)?(?:(?:company|firm|family|group)\s+)?",
                           re.IGNORECASE)  # fmt: skip


def owner_reading(value: str) -> tuple[str, bool]:
    """An owner as written: (the name, whether the words make it a former owner)."""
    former = _FORMER_OWNER.match(value)
    rest = value[former.end() :] if former else value
    filler = _OWNER_FILLER.match(rest)  # always matches, perhaps nothing
    return rest[filler.end() if filler else 0 :].strip(" ,."), bool(former)
