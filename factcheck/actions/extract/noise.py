"""What is on a news page but is not a claim: page furniture, reader comments, times of day, phone
numbers, postcodes and reference numbers.

A web page saved as text carries more than the story: when it was posted and updated, who wrote it,
captions, share buttons, adverts, links to other stories and what readers wrote underneath. None of it
states a fact about the story, and its figures (a time stamp, a phone number cut into digit groups)
would be compared with the story's own if proposed.
"""

from __future__ import annotations

import re

from factcheck.normalize.values import DateValue, Quantity, TimeValue, Value

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec")  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
            "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")  # fmt: skip
ZONES = r"GMT|UTC|BST|CET|CEST|EET|EEST|EDT|EST|CDT|CST|MDT|MST|PDT|PST|IST|AEST|AEDT|ACST|AWST|WIB|HKT|SGT|JST"

# A line that says when or by whom a page was written, or is a control of the page, not its story.
_STAMP_START = re.compile(
    r"^\W*(?:first\s+)?(?:published|updated|last\s+updated|posted|first\s+posted|last\s+modified|modified|"
    r"created|date(?:line)?|filed|released)\b",
    re.IGNORECASE,
)
_FURNITURE_START = re.compile(
    r"^\W*(?:image|photo(?:graph)?|picture|video|media|audio|gallery|graphic)\s*(?:caption|copyright|credit|source|:)|"
    r"^\W*(?:caption|credit|copyright|©|\(c\)\s|all rights reserved|advertisement|advert\b|sponsored|promoted|"
    r"share\b|share this|tweet\b|email this|print this|related\b|related:|read more|more on this|see also|"
    r"follow us|follow\s+@|sign up|subscribe|click here|listen\b|watch\b|getty images|pa media|"
    r"skip to|jump to|back to top|top stories|most read|most popular|trending|newsletter|cookie|"
    r"you may also like|recommended|comments? \(|\d+\s+comments?\b|tags?:|topics?:|filed under)",
    re.IGNORECASE,
)
# From here on, the page is what readers wrote.
_COMMENTS = re.compile(
    r"^\W*(?:\d+\s+)?(?:reader\s+)?comments?\b(?:\s*\(\d+\))?\W*$|^\W*(?:join the (?:conversation|discussion)|"
    r"have your say|leave a (?:comment|reply)|add (?:a|your) comment|post a comment|\d+\s+responses?\b)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:$|[,|/–-])")
_WORD = re.compile(r"[A-Za-z]+")


def furniture(text: str) -> list[tuple[int, int]]:
    """Spans of text that are page furniture or reader comments: lines stamped with when or by whom a
    page was written, captions and controls, lines that are only a date and a time, and everything from
    a comments heading to the end."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        start, end = at, at + len(line.rstrip("\r\n"))
        at += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        if _COMMENTS.search(stripped):
            out.append((start, len(text)))
            break
        if _is_furniture(stripped):
            out.append((start, end))
    return out


def _is_furniture(line: str) -> bool:
    if _STAMP_START.match(line) or _FURNITURE_START.match(line):
        return True
    if _BYLINE.match(line) and len(line.split()) <= 12 and not line.rstrip().endswith((".", '"', "”")):
        return True
    words = [w.lower() for w in _WORD.findall(line)]
    content = [w for w in words if w not in MONTHS and w not in WEEKDAYS and w.upper() not in ZONES.split("|")
               and w not in ("am", "pm", "at", "on", "th", "st", "nd", "rd", "uk", "local", "time", "the", "of")]  # fmt: skip
    # a line that is a date and a time and next to nothing else ("7:00pm UK, Wednesday 05 May 2010")
    return bool(re.search(r"\d", line)) and len(" ".join(content)) <= 3 and len(line) <= 80


CURRENCY_WORDS = {"euro", "euros", "eur", "us", "usd", "gbp", "rs", "a", "nz", "hk", "c", "au", "ca", "s", "r", "rm"}
_TIME_AFTER = re.compile(
    rf"^(?:[:.]\d{{2}}(?::\d{{2}})?)?\s*(?:[ap]\.?\s?m\b\.?|(?:{ZONES})\b|hrs\b|hours\s+(?:{ZONES}|local)|"
    r"local\s+time|o'clock)",
    re.IGNORECASE,
)


def is_time_of_day(sentence: str, v: Value) -> bool:
    """ "9.15pm", "2130 GMT", "21:07", "7:37 a.m.", "0737": a time of the day, not a count. Until the
    value parser reads times as times they are not proposed, so they are never compared with counts."""
    if isinstance(v, DateValue):
        return False
    s, e = v.span
    after, before = sentence[e : e + 24], sentence[max(0, s - 3) : s]
    if re.match(r"^[:.]\d{2}\b", after) and re.search(r"\d{1,2}$", v.text):
        return True
    if re.search(r"\d[:.]$", before) or re.match(r"^:\d", after):
        return True
    if _TIME_AFTER.match(after):
        return True
    return bool(re.fullmatch(r"(?:at\s+)?[0-2]\d[0-5]\d", v.text.strip()) and v.text.strip()[-4] == "0")


def is_code(sentence: str, v: Value) -> bool:
    """Digits of a phone number, postcode or reference number ("01632 960 123", "NN1 2EF", "21/04567/FUL",
    "G7", "M25"): part of a code, not a figure."""
    if isinstance(v, DateValue):
        return False
    s, e = v.span
    glued = re.search(r"([A-Za-z]+)-?$", sentence[max(0, s - 8) : s])
    if v.text[:1].isdigit() and glued and glued.group(1).lower() not in CURRENCY_WORDS:
        return True  # "NN1", "G7", "COVID-19": letters written onto the digits
    if re.match(r"^[A-Z]{2}\b", sentence[e : e + 3]) and v.text[-1:].isdigit():
        return True  # "2EF"
    if (isinstance(v, Quantity) and v.kind == "number" and v.text[-1:].isdigit()
            and re.match(r"^[A-JL-Z](?![\w-])", sentence[e : e + 2])):  # fmt: skip
        return True  # "Xeon E3-1260L", "a 737X": a letter written onto the digits names a model (not "10K", a thousand)
    token_start = max(sentence.rfind(" ", 0, s) + 1, 0)
    token_end = sentence.find(" ", e)
    token = sentence[token_start : token_end if token_end >= 0 else len(sentence)]
    if token.count("/") >= 2 and re.search(r"[A-Za-z]|\d{4,}/\d", token):
        return True  # "21/04567/FUL"
    # a run of digit groups: 9 or more digits in all, in two groups or more, is a phone or an account number
    left = re.search(r"[\d\s().+-]*$", sentence[:s]).group()  # type: ignore[union-attr]
    right = re.match(r"^[\d\s().-]*", sentence[e:]).group()  # type: ignore[union-attr]
    run = (left + sentence[s:e] + right).strip()
    digits = re.sub(r"\D", "", run)
    groups = [g for g in re.split(r"[\s().-]+", run) if g.isdigit()]
    if len(digits) >= 9 and len(groups) >= 2 and not re.search(r",\d{3}", sentence[s:e]):
        return True
    return bool(re.fullmatch(r"\+?0\d{9,}", digits) and "," not in sentence[s:e])


# A tally: a score, a record, a vote, written as two whole numbers joined by a dash ("won 20-13", "a 2-1
# win", "Klitschko (58-3, 51 KO)", "the Chiefs (2-13)", "voted 7-5") or "N votes to M".
_TALLY = re.compile(r"(?<![\d.,:/£$€-])(\d{1,3})\s?[-\u2013\u2014]\s?(\d{1,3})(?![\d:/%-]|[.,]\d|\s?(?:per\s?cent|percent)\b)")
_VOTES_TO = re.compile(r"\b(\d{1,4})\s+votes?\s+to\s+(\d{1,4})\b", re.IGNORECASE)
_TALLY_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:wins?|victory|victories|defeats?|loss|losses|lead|leads|record|tie|draw|vote|votes"
    r"|decision|margin|edge|scoreline|aggregate|advantage|deficit|count|split|majority|verdict|run|spurt"
    r"|in\s+favou?r|against|over|at\s+(?:half|full)|home|away|overall)\b",
    re.IGNORECASE,
)
_TALLY_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|losing|beat|beats|beating|defeated|defeat|drew|draw|tied|tie|trailed|trail|"
    r"led|lead|leads|edged|routed|thrashed|voted|vote|record|score|scored|made\s+it|to\s+make\s+it|at)\s+(?:an?\s+|the\s+|it\s+)?$",
    re.IGNORECASE,
)


def in_tally(sentence: str, v: Value) -> bool:
    """A side of a score, a record or a vote ("the Hawks won 20-13", "a 2-1 win", "Klitschko (58-3)",
    "voted 7-5 against", "by 52 votes to 48"): two figures that mean something only together. Taken one
    by one they are counts of nothing ("20", "13") that pair with every other such count of a game, so
    neither side is proposed. A dash between two rising figures is a range ("20-30 people") unless the
    words say it is a tally: the pair stands alone in brackets, or a word of winning, losing or voting
    is beside it; a falling or level pair ("20-13", "13-13") is a tally, never a range."""
    if isinstance(v, (DateValue, TimeValue)):
        return False
    s, e = v.span
    for m in (*_TALLY.finditer(sentence), *_VOTES_TO.finditer(sentence)):
        if not (m.start() <= s < m.end() or m.start() < e <= m.end()):
            continue
        if m.re is _VOTES_TO or int(m.group(1)) >= int(m.group(2)):
            return True
        before, after = sentence[: m.start()], sentence[m.end() :]
        if re.search(r"\(\s*$", before) and re.match(r"^\s*[,;)]", after):
            return True  # "(2-13)", "(10-5, 3-1 away)"
        if _TALLY_AFTER.match(after) or _TALLY_BEFORE.search(before):
            return True
    return False


# A number word that is part of a word of its own: "a zero-day flaw", "a one-off payment", "second-hand".
_FIXED_COMPOUND = re.compile(
    r"^-(?:day|sum|tolerance|hours?\s+contracts?|off|time|way|sided|hand|party|rate|class|guessing|liners?)\b", re.I
)


def in_fixed_compound(sentence: str, v: Value) -> bool:
    """ "a zero-day vulnerability", "a one-off payment", "second-hand cars", "a third-party app": the number
    word is part of a word that names a kind of thing, and counts nothing."""
    return isinstance(v, Quantity) and v.text.strip().isalpha() and bool(
        _FIXED_COMPOUND.match(sentence[v.span[1] : v.span[1] + 24]))


# A clock read in a game, not a time of day: "with 4:43 left", "13:41 to play", "at the 6:11 mark".
_GAME_CLOCK = re.compile(
    r"^\s*(?:left|to\s+go|to\s+play|remaining|gone|elapsed|mark|into\b|in\s+the\s+(?:first|second|third|fourth|"
    r"final|last|opening)\s+(?:half|quarter|period|set|round|frame|innings?))",
    re.IGNORECASE,
)


def is_game_clock(sentence: str, v: Value) -> bool:
    """ "with 4:43 left in the first half", "13:41 to play", "at the 6:11 mark": the clock of a game, which
    runs many times over in one story; it is not the time of day anything happened."""
    return bool(_GAME_CLOCK.match(sentence[v.span[1] : v.span[1] + 40]))


_NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_SUBGROUP = r"(?:men|man|women|woman|boys?|girls?|children|child|adults?|babies|baby|mothers?|fathers?|teenagers?)"
_BREAKDOWN = re.compile(
    rf"\b{_NUMBER_WORD}\s+{_SUBGROUP}\s*(?:,|and|&)\s*{_NUMBER_WORD}\s+{_SUBGROUP}\b", re.IGNORECASE
)


def in_breakdown(sentence: str, v: Value) -> bool:
    """ "two women and one man", "a boy and three girls": a whole counted by its parts. The parts are
    not the whole, and comparing either with a total elsewhere ("three died") would be a false alarm."""
    s, e = v.span
    return any(m.start() <= s and e <= m.end() for m in _BREAKDOWN.finditer(sentence))


# The value a change left behind: "up from £6.8m", "postponed from December", "moved from the spring".
_OLD_VALUE = re.compile(
    r"\b(?:up|down|rose|risen|rising|fell|fallen|falling|increased|decreased|cut|reduced|raised|dropped|climbed"
    r"|postponed|delayed|moved|put\s+back|pushed\s+back|brought\s+forward|rescheduled|changed|switched|revised"
    r"|downgraded|upgraded)\s+from\s+(?:about\s+|around\s+|some\s+|an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# A plan the text says no longer holds: "had been due on 22 March", "was originally expected in May".
_SUPERSEDED = re.compile(
    r"\b(?:had\s+been|was\s+originally|were\s+originally|was\s+initially|were\s+initially|originally)\s+"
    r"(?:due|expected|scheduled|planned|set|meant|supposed|forecast|projected|estimated)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)


# A figure the text itself says came before the one it now gives: "the UN said earlier it had confirmed 30".
_EARLIER = re.compile(r"\b(?:earlier|initially|at\s+first|originally|previously|first\s+reported)\b[^.;:,]{0,40}$",
                      re.IGNORECASE)  # fmt: skip


def superseded(sentence: str, v: Value) -> bool:
    """The old value of a change ("up from £6.8m", "postponed from December") or a plan the text says was
    given up ("had been due to be published on 22 March"): the text itself says it no longer holds, so
    comparing it with another source's current value would be a false alarm."""
    before = sentence[max(0, v.span[0] - 80) : v.span[0]]
    if isinstance(v, Quantity) and _EARLIER.search(before):
        return True
    return bool(_OLD_VALUE.search(before) or _SUPERSEDED.search(before))


_BARE = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen" \
        r"|sixteen|seventeen|eighteen|nineteen|twenty)"  # fmt: skip
_BARE_LIST = re.compile(rf"\b{_BARE}(?:\s*,\s*{_BARE})*\s*(?:,\s*)?(?:and|or|&)\s+{_BARE}\b(?!\s*[\w%£$€-])",
                        re.IGNORECASE)  # fmt: skip


def in_bare_list(sentence: str, v: Value) -> bool:
    """ "two sons, 11 and 14", "aged 5, 7 and 9": figures listed with nothing counted after the last.
    Each is one item of a list whose order says which is which; compared across sources the items would
    be paired with one another (11 against 14), so none is proposed."""
    s, e = v.span
    return any(m.start() <= s and e <= m.end() for m in _BARE_LIST.finditer(sentence))


_CONVERTED = re.compile(r"\d[\d.,]*\s*(?:-?\s*[A-Za-z]+){0,2}\s*\(\s*(?:about\s+|some\s+|around\s+|approximately\s+)?$")


def is_conversion(sentence: str, v: Value) -> bool:
    """ "€110 billion ($143 billion)", "10 kilometres (6.2 miles)": a figure in brackets right after another
    is the same figure in other units, at a rate or rounding each outlet picks; it is not a claim of its own."""
    s, e = v.span
    closing = re.match(r"^\s*(?:[A-Za-z]+\s*){0,2}\)", sentence[e : e + 24])
    if isinstance(v, (TimeValue, DateValue)):  # "at 3pm on Tuesday (12am yesterday in Sydney)": another zone's
        opening = sentence.rfind("(", max(0, s - 30), s)
        return (opening >= 0 and ")" not in sentence[opening:e] and ")" in sentence[e : e + 40]
                and bool(_TIME_BEFORE.search(sentence[max(0, opening - 40) : opening])))  # fmt: skip
    return bool(_CONVERTED.search(sentence[max(0, s - 40) : s]) and closing)


# A time of day, perhaps with its day after it: what a bracket right after it converts.
_TIME_BEFORE = re.compile(r"\d(?:[.:]?\d\d)?\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T|local\s+time|hours)"
                          r"(?:\s+[\w,]+){0,3}\s*$", re.IGNORECASE)  # fmt: skip


_NUMBERED = re.compile(
    r"\b(?:Interstate|Highway|Route|Junction|Exit|Platform|Gate|Flight|Room|Bus|Line|Channel|Section|Article"
    r"|Clause|Rule|Chapter|Form|Precinct|Ward|Pier|Terminal|Apartment|Suite|Unit|Lot|Block|Bay|Stand|No\.?"
    r"|Number|Nr\.?|#)\s*$"
)


def is_numbered_name(sentence: str, v: Value) -> bool:
    """A number that names a thing, not a measure of it: "Interstate 75", "Section 114", "Flight 370"; an
    ordinal in a proper name or an address ("117th Street", "the 102nd Precinct", "101st Ave."); a version
    or model number written after a product's name ("USB 3.0", "MagSafe 2", "GT 650M"); a model year ("a
    gray 2013 Toyota Camry"); and a size that names a variant ("the 13-inch version", "32-bit versions",
    "13- and 15-inch MacBook Pros", "the 15-inch starts at", "a 1.7GHz dual-core Intel Core i5")."""
    s, e = v.span
    if _NUMBERED.search(sentence[max(0, s - 20) : s]):
        return True
    if rank_of(sentence, v) is not None:
        return False  # "Matt Smith, the 12th Doctor": a rank said of him, not a name
    if isinstance(v, DateValue):
        return _model_year(sentence, v)
    if _ORDINAL_NAME.match(sentence[e : e + 30]) and re.search(r"\d$", v.text):
        return True
    if re.fullmatch(r"[\d.]+[A-Za-z]?", v.text) and _VERSION_BEFORE.search(sentence[max(0, s - 16) : s]):
        return True
    return isinstance(v, Quantity) and _names_a_variant(sentence, v)


# Nobody counted: "No one was hurt", "nobody was seriously injured", "no one died", "No injuries were reported",
# "with no injuries to police", "No arrests have been made". "No one else was hurt" counts the rest: left out.
_NOBODY = re.compile(r"\b(?P<v>no(?:\s+|-)one|nobody)(?!\s+else\b)\s+(?:(?:was|were|has|have|had|is|been|being|is\s+believed"
                     r"\s+to\s+have|reported|reportedly|thought\s+to\s+have)\s+)*(?:(?P<serious>seriously|badly|critically)"
                     r"\s+)?(?P<w>hurt|injured|wounded|harmed|hospitali[sz]ed|killed|died|arrested|rescued|missing)\b",
                     re.IGNORECASE)  # fmt: skip
_NO_NOUN = re.compile(r"\b(?P<v>no\s+(?P<w>injuries|deaths|fatalities|arrests))\b(?!\s+(?:other\s+than|except|besides))",
                      re.IGNORECASE)  # fmt: skip
_NONE_FAMILY = {"hurt": "injured", "injured": "injured", "wounded": "injured", "harmed": "injured",
                "hospitalised": "injured", "hospitalized": "injured", "injuries": "injured", "killed": "death",
                "died": "death", "deaths": "death", "fatalities": "death", "arrested": "arrest", "arrests": "arrest",
                "rescued": "rescued", "missing": "missing"}  # fmt: skip


def none_counted(sentence: str) -> list[tuple[int, int, str]]:
    """Where a sentence says nobody was counted ("No one was hurt", "no injuries were reported"): the span of the
    words that say none, and the family of what was not counted (a count of 0 to compare with others' counts).
    Not "no one else" (the rest of a count), nor what someone is asked or said not to do ("no one should")."""
    out: list[tuple[int, int, str]] = []
    for m in _NOBODY.finditer(sentence):
        family = "critical" if m.group("serious") and m.group("w").lower() in ("hurt", "injured", "wounded") \
            else _NONE_FAMILY[m.group("w").lower()]  # fmt: skip
        out.append((m.start("v"), m.end("v"), family))
    for m in _NO_NOUN.finditer(sentence):
        out.append((m.start("v"), m.end("v"), _NONE_FAMILY[m.group("w").lower()]))
    return out


# What says a rank is said of someone or something: "X is the third council to ...", "becoming the 11th Doctor",
# "Matt Smith, the 12th Doctor", "as its second chief executive".
_RANK_BEFORE = re.compile(r"(?:\b(?:is|was|be|been|being|became|becomes|become|becoming|remains|remained|as)\s+|,\s*)"
                          r"(?:the|its|their|his|her)\s+$", re.IGNORECASE)  # fmt: skip
_WORD_RANK = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                        r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)",
                        re.IGNORECASE)  # fmt: skip
# the thing ranked: up to three words to its noun, then what it was the Nth to do ("to issue", "in England to issue")
_RANKED = re.compile(r"^(?:st|nd|rd|th)?\s+((?:[A-Za-z][\w'-]*\s+){0,2}?(?P<noun>[A-Za-z][\w'-]*))"
                     r"(?=\s*(?:[,.;:!?)]|$|\s(?:to|in|of|on|at|for|since|ever|this|that|who|which|and|after|"
                     r"when)\b))(?:(?:\s+(?:in|on|at|of)\s+(?:[\w'-]+\s+){0,3}?)?\s*to\s+(?P<verb>[a-z]+))?")  # fmt: skip


def rank_of(sentence: str, v: Value) -> tuple[str, str] | None:
    """For a rank said of someone or something ("Woking is the third council to issue a notice", "Matt Smith,
    the 12th Doctor", "becoming the 11th Doctor"): the rank as written ("third", "12th") and what it ranks
    ("council to issue", "doctor"); None for any other figure. A rank in a name or an address ("117th Street")
    is said of nobody."""
    if not isinstance(v, Quantity) or v.kind != "number":
        return None
    s, e = v.span
    suffix = re.match(r"(?:st|nd|rd|th)\b", sentence[e : e + 2]) if re.fullmatch(r"\d+", v.text) else None
    if suffix is None and not _WORD_RANK.fullmatch(v.text):
        return None
    if not _RANK_BEFORE.search(sentence[max(0, s - 24) : s]):
        return None
    ranked = _RANKED.match(sentence[e:])
    if ranked is None or ranked.group("noun").lower() in _NOT_RANKED:
        return None
    what = ranked.group("noun").lower() + (" to " + ranked.group("verb") if ranked.group("verb") else "")
    return v.text + (suffix.group() if suffix else ""), what


# Words after an ordinal that rank no thing: a time ("the first time"), a part of a whole, a date.
_NOT_RANKED = {"time", "times", "half", "quarter", "day", "week", "month", "year", "century", "round", "place",
               "floor", "anniversary", "birthday", "term", "season", "minute", "hour", "stage", "leg", "set",
               "one", "of"}  # fmt: skip


# An ordinal numeral in a name: "117th Street", "the 102nd Precinct", "101st Ave.", "the 82nd Airborne".
_ADDRESS_WORDS = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|drive|place|floor|precinct|district|ward"
                  r"|division|battalion|regiment|brigade|circuit|amendment|parallel)")  # fmt: skip
_ORDINAL_NAME = re.compile(rf"^(?:st|nd|rd|th)\b\.?\s+(?:[A-Z]|{_ADDRESS_WORDS}\b)")
# The name of a product or a standard written in capitals or in camel case right before a number: "USB 3.0",
# "IE 10", "HD 4000", "GT 650M", "MagSafe 2"; not a currency, a time zone, a unit or a clock word.
_VERSION_BEFORE = re.compile(
    rf"(?<![\w$£€])(?!(?:US|USD|GBP|EUR|AU|NZ|HK|CA|UK|AM|PM|GB|MB|KB|TB|KM|MPH|GHZ|MHZ|{ZONES})\s)"
    r"(?:[A-Z][A-Z0-9]{1,5}|[A-Z]?[a-z]+[A-Z][A-Za-z]*)\s+$"
)
_TIME_UNITS = (r"(?:years?|days?|weeks?|months?|hours?|minutes?|seconds?|old|times?|percent|per|point|fold|hour|"
               r"storey|story|member|man|person|people|strong|page|mile|kilometre|kilometer|km|foot|feet|metre|meter)")  # fmt: skip
_VARIANT_NOUNS = (r"(?:versions?|models?|options?|editions?|variants?|configurations?|ones?|portables?|laptops?"
                  r"|notebooks?|machines?|computers?|tablets?|phones?)")  # fmt: skip
# a unit in letters ("-inch", "GB"), or inch marks ('the 13" model', "the 15.4\u2033 MacBook")
_SIZE_UNIT = rf"(?:(?:-|(?=[A-Za-z]))(?!{_TIME_UNITS}\b)[A-Za-z]+|[\x22\u2033\u201d](?=\s))"
# after the unit: more words of the same kind ("dual-core"), then a variant's noun or a capitalised name
_VARIANT_AFTER = re.compile(
    rf"^{_SIZE_UNIT}(?:\s+[a-z]+-[a-z]+)?\s+(?:{_VARIANT_NOUNS}\b|[A-Z][A-Za-z]*)"
    rf"|^{_SIZE_UNIT}\s*(?:[,.;:)]|$|(?:is|was|has|will|would|comes?|starts?|costs?|gets?|sells?|remains?|"
    r"features?|boasts?|offers?|runs?|ships?)\b)"
)
_COORDINATED = re.compile(rf"^(?:{_SIZE_UNIT})?\s*-?\s*(?:and|or|to)\s+\d[\d.]*(?={_SIZE_UNIT})")


def _names_a_variant(sentence: str, v: Quantity) -> bool:
    """A size written onto a noun that picks out one model ("the 13-inch version", "32-bit versions",
    "a 1.7GHz dual-core Intel Core i5"), or used as the model's name ("the 15-inch starts at $1,799"):
    what is talked about, not a measure of it. A hedged size ("up to 2.7GHz") is a measure."""
    figure = re.sub(r"^(?:only|just|the|its|all)\s+", "", v.text.strip(), flags=re.IGNORECASE)
    if v.kind != "number" or not re.fullmatch(r"\d[\d.,]*|[A-Za-z]+", figure):
        return False  # "up to 2.7GHz", "about 15 inches": a hedged size is a measure
    s, e = v.span
    after = sentence[e : e + 60]
    if _VARIANT_AFTER.match(after) and _noun_use_is_named(sentence, s, after):
        return True
    coordinated = _COORDINATED.match(after)  # "13- and 15-inch Pros", "11-inch and 13-inch": the first one too
    if coordinated:
        rest = after[coordinated.end() :]
        return bool(_VARIANT_AFTER.match(rest)) and _noun_use_is_named(sentence, s, rest)
    return False


def _noun_use_is_named(sentence: str, s: int, after: str) -> bool:
    """A size used alone as a noun ("the 15-inch starts at") names a model only after "the", "a" or "an"."""
    if re.match(rf"^{_SIZE_UNIT}(?:\s+[a-z]+-[a-z]+)?\s+(?:{_VARIANT_NOUNS}\b|[A-Z])", after):
        return True
    return bool(re.search(r"\b(?:the|a|an)\s+$", sentence[max(0, s - 6) : s], re.IGNORECASE))


_NOT_A_PREPOSITION = re.compile(
    r"\b(?!(?:in|on|at|of|since|by|from|until|till|to|before|after|during|and|or|than|between|through|that"
    r"|when|for|into|over|under|about|around|circa|c)\b)[A-Za-z]+\s+$",
    re.IGNORECASE,
)


def _model_year(sentence: str, v: DateValue) -> bool:
    """ "a gray 2013 Toyota Camry", "the 2012 MacBook Air": a year written onto a name is the model's, not a
    date the text asserts; "in 2013 Toyota recalled" and "a 2008 conviction" are dates."""
    s, e = v.span
    if not re.fullmatch(r"(?:19|20)\d\d", v.text.strip()):
        return False
    nxt = re.match(r"^\s+([A-Z][A-Za-z]+)", sentence[e : e + 30])
    if nxt is None or nxt.group(1).lower() in MONTHS or nxt.group(1).lower() in WEEKDAYS:
        return False
    return bool(_NOT_A_PREPOSITION.search(sentence[max(0, s - 20) : s]))


def in_quotation(sentence: str, v: Value) -> bool:
    """Inside a direct quotation ("how many kids did you kill today"): said at a time of its own."""
    before = sentence[: v.span[0]]
    straight = before.count('"') % 2 == 1
    curly = before.count("\u201c") > before.count("\u201d")
    return straight or curly
