"""The dense profile of gen_corpus.py: a fixed world of public bodies and people, reported on for years.

    python benchmarks/gen_corpus.py N OUT --profile dense [--seed S]

A world is made first, then N sources are written about it:

- bodies (councils, NHS trusts, police forces, fire services, housing bodies), some with
  near-duplicate names ("Eastwick Council" and "Eastwick Town Council" are two bodies), each with
  aliases; the big ones are written about far more often than the small ones;
- people who work at them, with aliases ("Ms Okafor"), some sharing a surname or a near-identical
  first name with another;
- for each body, figures that hold for a while and then change (staff, children in care...),
  spending per year, and the date it was formed; for each person, a job title that changes at
  most once or twice (a promotion) and the date they joined.

Every source is one story about one body and its people, published on a day between 2012 and
2024, and reports what was true on that day, the way papers do:
- counts as exact figures or hedged ("nearly 4,600", "more than 4,500", "about 4,500");
- money rounded to the million or to one decimal, or written out in full;
- a figure or title that differs from the one the body or person started with is always written
  with a cue that it changed ("has risen to", "now", "who became ... in 2019"); one that has not
  changed never is;
- dates of formation and joining at the precision of a year, a month or a day;
- typography as it comes: curly apostrophes, non-breaking spaces in some sources, straight ones
  in the claims.

Then errors are planted, about 2.5% of claims, each one where another source says the right
thing about the same subject, property and time, so a reader with both could tell:
- figure: a count or sum off by 15% to 40%, written with no cue;
- date: a formation or joining date a year or more out (or a month out, against a source that
  gives the month);
- title: a title the person never held, with no cue.

key.json lists them with their kind, and marks `shown` those that another source shows to be wrong
to a careful reader: one that states the same time (as_of), or, stating none, was published within
four weeks (a figure) or six months (a title), with no cue of a change in either. A correct
`factcheck verify` flags each error shown (conflict or possible) and flags nothing that involves
no planted error.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

FIRST = ["Amara", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hamish", "Imogen", "Joseph", "Josephine",
         "Kwame", "Laura", "Lara", "Marcus", "Nadia", "Owen", "Priya", "Quentin", "Rosa", "Samuel", "Samantha",
         "Tomasz", "Una", "Victor", "Wendy", "Yusuf", "Zoe", "Aled", "Bronwen", "Ciaran", "Deborah", "Eamon",
         "Fiona", "Gareth", "Helen", "Ian", "Jan", "Jane", "Karen", "Liam", "Mei", "Neil", "Niall", "Olu", "Paul",
         "Pauline", "Ruth", "Stuart", "Tariq", "Uma", "Vikram", "Will", "Yasmin"]  # fmt: skip
SURNAMES = ["Okafor", "Brennan", "Castellano", "Dunmore", "Ellery", "Fairweather", "Gillespie", "Hartigan",
            "Ibbotson", "Jagger", "Kowalczyk", "Lindqvist", "Mahon", "Nwosu", "Osei", "Pennington", "Quarrie",
            "Rahman", "Sutcliffe", "Thorne", "Underhill", "Varga", "Whitlock", "Yeoman", "Achebe", "Blackwood",
            "Cartwright", "Dobrev", "Eastham", "Fennimore", "Goswami", "Holloway", "Iqbal", "Jennings",
            "Kaczmarek", "Lowther", "McAllister", "Nakamura", "Ormerod", "Pryce", "Rushworth", "Strachan",
            "Tennant", "Upton", "Vasquez", "Wainwright", "Ashdown", "Bellamy", "Crowther", "Delaney"]  # fmt: skip
STEMS = ["Ash", "Brad", "Cald", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lang", "Marl", "Nor",
         "Oak", "Pen", "Ridge", "Sand", "Thorn", "Wal", "Wych", "Bar", "Cran", "Hol", "Mill", "Stan", "Wes",
         "Ash", "Ex", "Lin", "Rother"]  # fmt: skip
ENDINGS = ["ford", "ley", "wick", "ham", "bury", "field", "ton", "by", "mouth", "stead", "worth", "caster",
           "combe", "dale", "hurst", "minster"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip

# body types: name forms, counts, spending heads, and the ladder of titles its people hold
COUNCIL_TITLES = ["chief executive", "deputy chief executive", "director of children's services",
                  "director of adult social care", "director of finance", "director of housing",
                  "assistant director of education", "assistant director of highways", "head of planning",
                  "head of waste services", "monitoring officer", "leader of the council",
                  "cabinet member for transport"]  # fmt: skip
TRUST_TITLES = ["chief executive", "deputy chief executive", "medical director", "chief nurse",
                "director of operations", "director of finance", "deputy medical director", "chair"]  # fmt: skip
POLICE_TITLES = ["chief constable", "deputy chief constable", "assistant chief constable",
                 "director of finance", "head of professional standards", "chief superintendent"]  # fmt: skip
FIRE_TITLES = ["chief fire officer", "deputy chief fire officer", "assistant chief fire officer",
               "head of prevention", "director of finance"]  # fmt: skip
HOUSING_TITLES = ["chief executive", "director of repairs", "director of finance", "head of tenancy services",
                  "deputy chief executive"]  # fmt: skip
PROMOTIONS = [("deputy chief executive", "chief executive"), ("director of finance", "chief executive"),
              ("assistant director of education", "director of children's services"),
              ("assistant director of highways", "head of planning"), ("deputy medical director", "medical director"),
              ("deputy chief constable", "chief constable"), ("assistant chief constable", "deputy chief constable"),
              ("deputy chief fire officer", "chief fire officer"), ("head of prevention", "deputy chief fire officer"),
              ("head of tenancy services", "director of repairs"), ("director of operations", "chief executive"),
              ("head of planning", "director of housing"), ("cabinet member for transport", "leader of the council"),
              ("chief superintendent", "assistant chief constable")]  # fmt: skip
KINDS = {
    "council": (["{p} Council", "{p} City Council", "{p} Borough Council", "{p} County Council", "{p} Town Council",
                 "North {p} Council", "{p} District Council"],
                ["staff", "children in care", "families on the housing waiting list", "vacant posts",
                 "potholes awaiting repair", "agency workers", "council homes", "libraries"],
                ["road repairs", "adult social care", "agency staff", "consultants", "school transport"],
                COUNCIL_TITLES),
    "trust": (["{p} NHS Trust", "{p} Hospitals NHS Trust", "{p} Community Health Trust"],
              ["beds", "nurses", "patients waiting over a year", "vacant posts", "ambulances"],
              ["agency nurses", "building repairs", "IT systems"], TRUST_TITLES),
    "police": (["{p} Police", "{p} Constabulary"], ["officers", "police community support officers",
               "unsolved burglaries", "firearms officers"], ["overtime", "vehicles", "IT systems"], POLICE_TITLES),
    "fire": (["{p} Fire and Rescue Service", "{p} Fire Authority"], ["firefighters", "fire stations",
             "fire engines", "on-call crews"], ["equipment", "training", "building repairs"], FIRE_TITLES),
    "housing": (["{p} Homes", "{p} Housing Trust"], ["homes", "tenants in arrears", "empty homes",
                "outstanding repairs"], ["repairs", "new homes", "damp treatment"], HOUSING_TITLES),
}  # fmt: skip
SHARES = {"council": 0.5, "trust": 0.15, "police": 0.12, "fire": 0.1, "housing": 0.13}
START, END = dt.date(2012, 1, 1), dt.date(2024, 12, 31)
CUES_UP = ["has risen to", "has grown to", "has climbed to", "now stands at", "has increased to"]
CUES_DOWN = ["has fallen to", "has dropped to", "has been cut to", "now stands at", "has come down to"]
FILLER = ["Councillors are expected to discuss the figures at next month's meeting.",
          "A spokesperson said the organisation was “working hard” to improve.",
          "Opposition members called for a full review.", "The papers were published ahead of a scrutiny meeting.",
          "Unions said the pressures had been building for years.", "Residents raised concerns at a public meeting.",
          "The regulator is due to publish its own report later this year.",
          "Officials declined to comment on individual cases."]  # fmt: skip


@dataclass
class Body:
    id: str
    name: str
    kind: str
    aliases: list[str]
    weight: float
    counts: dict[str, list[tuple[dt.date, int]]] = field(default_factory=dict)  # property → (from, value)
    spending: dict[str, dict[int, float]] = field(default_factory=dict)  # head → year → £m
    formed: dt.date = dt.date(1974, 4, 1)
    people: list[Person] = field(default_factory=list)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    body: Body
    titles: list[tuple[dt.date, str]]  # (from, title)
    joined: dt.date


@dataclass
class Fact:
    """One claim as written, with what the world says it is about, for planting errors."""

    source: int
    subject: str  # as the claim names it
    entity: str
    prop: str
    value: str
    quote: str
    sentence: str
    kind: str | None = None
    as_of: str | None = None
    slot: tuple[str, str] = ("", "")
    period: object = None  # what must be equal for two claims to be about the same thing at the same time
    cue: bool = False
    published: dt.date = START
    precision: str = ""  # dates: year, month or day
    alternatives: tuple[str, ...] = ()  # a wrong value and its sentence, worked out when planting
    id: str = ""


def _place_names(rng: random.Random, count: int) -> list[str]:
    names = sorted({a + b for a in STEMS for b in ENDINGS})
    rng.shuffle(names)
    more = [f"{lead} {name}" for lead in ("Great", "Little", "Upper", "Lower") for name in names]
    rng.shuffle(more)
    return (names + more)[:count]  # "Great Ashford" comes only after "Ashford": near-duplicates


def build_world(n: int, rng: random.Random) -> list[Body]:
    """Bodies and people: about one body per six sources (150 to 2,000), people two to four a body."""
    total = max(150, min(2000, n // 6))
    places = _place_names(rng, total)
    bodies: list[Body] = []
    taken: set[str] = set()
    used: list[str] = []
    kinds = list(SHARES)
    for i in range(total):
        kind = rng.choices(kinds, [SHARES[k] for k in kinds])[0]
        forms, counts, heads, _titles = KINDS[kind]
        # one in ten borrows an existing body's place: near-duplicate names ("Marlford Council" and
        # "North Marlford Council") that must be kept apart
        place = rng.choice(used) if used and rng.random() < 0.1 else places[i]
        name = next((f.format(p=place) for f in rng.sample(forms, len(forms)) if f.format(p=place) not in taken), None)
        if name is None:
            place = places[i]
            name = forms[0].format(p=place)
        taken.add(name)
        used.append(place)
        body = Body(f"b{i:04d}", name, kind, [], weight=1 / (i + 1) ** 0.7)
        words = name.split()
        at = len(place.split()) + (name.startswith("North "))
        short = " ".join(words[:at]) + " " + "".join(w[0] for w in words[at:])  # "Marlford CC"
        if len(words) - at > 1 and short.casefold() not in taken:
            taken.add(short.casefold())
            body.aliases.append(short)
        for prop in rng.sample(counts, k=min(len(counts), 4)):
            value = rng.randrange(40, 6000) if prop != "libraries" else rng.randrange(8, 40)
            series = [(START, value)]
            for year in range(2013, 2025):
                if rng.random() < 0.35:  # a real change, reported with a cue
                    value = max(3, round(value * rng.choice([rng.uniform(0.75, 0.93), rng.uniform(1.07, 1.3)])))
                    series.append((dt.date(year, rng.randrange(1, 13), 1), value))
            body.counts[prop] = series
        for head in rng.sample(heads, k=2):
            amount = rng.randrange(15, 900) / 10
            years = {}
            for year in range(2011, 2025):
                amount = max(1.0, round(amount * rng.uniform(0.9, 1.15), 1))
                years[year] = amount
            body.spending[head] = years
        body.formed = dt.date(rng.randrange(1965, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
        bodies.append(body)
    names_taken: set[str] = set()
    for body in bodies:
        titles = KINDS[body.kind][3]
        for n_person, title in enumerate(rng.sample(titles, k=rng.randrange(2, 5))):
            first, last = rng.choice(FIRST), rng.choice(SURNAMES)
            name = f"{first} {last}"
            while name in names_taken:  # the same name twice: told apart by a middle initial
                name = f"{first} {chr(rng.randrange(65, 91))}. {last}"
            names_taken.add(name)
            pid = f"p{body.id[1:]}-{n_person}"
            history = [(START, title)]
            for low, high in PROMOTIONS:
                if history[-1][1] == low and high in titles and rng.random() < 0.6:
                    history.append((dt.date(rng.randrange(2013, 2024), rng.randrange(1, 13), 1), high))
            joined = dt.date(rng.randrange(1990, 2012), rng.randrange(1, 13), rng.randrange(1, 29))
            aliases = [f"Cllr {name}"] if "council" in title or "cabinet" in title else []
            body.people.append(Person(pid, name, aliases, body, history, joined))
    return bodies


def _at(series: list[tuple[dt.date, object]], day: dt.date) -> tuple[int, object]:
    """(period index, value) in force on day."""
    index = 0
    for i, (start, _value) in enumerate(series):
        if start <= day:
            index = i
    return index, series[index][1]


def _count(value: int, rng: random.Random) -> str:
    """A count as papers write it: exact, or hedged against a round figure that is true."""
    style = rng.random()
    if value < 100 or style < 0.55:
        return f"{value:,}"
    unit = 10 ** max(1, int(math.log10(value)) - 1)
    below, above = value // unit * unit, -(-value // unit) * unit
    if style < 0.7 and above != value and (above - value) / value <= 0.05:
        return f"{rng.choice(['nearly', 'almost', 'just under'])} {above:,}"
    if style < 0.85 and below != value:
        return f"{rng.choice(['more than', 'over'])} {below:,}"
    nearest = round(value / unit) * unit
    return f"{rng.choice(['about', 'around', 'some', 'roughly'])} {nearest:,}"


def _money(amount_m: float, rng: random.Random) -> str:
    """A sum in £ million as papers write it, true at its stated precision."""
    style = rng.randrange(5)
    if style == 0 and abs(amount_m - round(amount_m)) < 0.5:
        return f"£{round(amount_m)}m"
    if style == 1:
        return f"£{amount_m:.1f} million"
    if style == 2:
        return f"£{round(amount_m * 1_000_000):,}"
    if style == 3 and amount_m >= 2:
        return f"more than £{math.floor(amount_m)}m" if amount_m - math.floor(amount_m) >= 0.1 else f"£{amount_m:.1f}m"
    return f"£{amount_m:.1f}m"


def _date_text(day: dt.date, precision: str) -> str:
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _wrong_figure(value: float, rng: random.Random, down: bool) -> float:
    low = rng.uniform(0.55, 0.8)
    return value * (low if down else rng.choice([rng.uniform(1.2, 1.45), low]))


class Writer:
    """Writes the facts of one source: sentences with the quote and value of each claim."""

    def __init__(self, rng: random.Random, source: int, published: dt.date) -> None:
        self.rng = rng
        self.source = source
        self.published = published
        self.facts: list[Fact] = []

    def name_of(self, body: Body) -> str:
        return self.rng.choice([body.name, *body.aliases]) if body.aliases else body.name

    def count(self, body: Body, prop: str) -> None:
        rng = self.rng
        series = body.counts[prop]
        with_month = rng.random() < 0.4
        day = self.published
        if with_month:
            day = dt.date(self.published.year, rng.randrange(1, self.published.month + 1), 1)
        period, value = _at(series, day)  # type: ignore[arg-type]
        assert isinstance(value, int)
        written = _count(value, rng)
        who = self.name_of(body)
        cue = period > 0
        as_of = f"{MONTHS[day.month - 1]} {day.year}" if with_month else None
        if cue:
            word = rng.choice(CUES_UP if value > series[period - 1][1] else CUES_DOWN)  # type: ignore[operator]
            head = f"By {as_of}," if as_of else "Latest figures show that"
            quote = f"the number of {prop} at {who} {word} {written}"
            sentence = f"{head} {quote}."
        elif as_of:
            quote = f"In {as_of}, {who} had {written} {prop}"
            sentence = f"{quote}, according to figures released later."
        else:
            quote = f"{who} has {written} {prop}"
            sentence = f"{rng.choice(['Figures show', 'Records seen by this paper show', 'It emerged that'])} {quote}."
        self._add(body.id, who, prop, written, quote, sentence, as_of=as_of, period=(period, as_of), cue=cue)

    def spend(self, body: Body, head: str) -> None:
        rng = self.rng
        year = self.published.year - rng.choice([0, 1, 1])
        amount = body.spending[head][year]
        written = _money(amount, rng)
        who = self.name_of(body)
        quote = rng.choice([f"{who} spent {written} on {head} in {year}",
                            f"In {year}, {who} spent {written} on {head}"])  # fmt: skip
        sentence = f"{quote}, its accounts show."
        self._add(body.id, who, f"spending on {head}", written, quote, sentence, as_of=str(year), period=year)

    def formed(self, body: Body) -> None:
        precision = self.rng.choice(["year", "year", "month", "day"])
        written = _date_text(body.formed, precision)
        who = self.name_of(body)
        prep = "on" if precision == "day" else "in"
        quote = self.rng.choice([f"{who} was formed {prep} {written}", f"{who}, set up {prep} {written}"])
        self._add(body.id, who, "formation date", written, quote, quote + ".", kind="date", precision=precision)

    def title(self, person: Person) -> None:
        rng = self.rng
        period, title = _at(person.titles, self.published)  # type: ignore[arg-type]
        assert isinstance(title, str)
        body = self.name_of(person.body)
        apostrophe = "\u2019" if rng.random() < 0.5 else "'"
        shown = title.replace("'", apostrophe)
        if period > 0:
            since = person.titles[period][0].year
            quote = rng.choice([f"{person.name}, who became {shown} in {since}",
                                f"{person.name}, now {shown} at {body}",
                                f"{person.name}, who was promoted to {shown} in {since}"])  # fmt: skip
            sentence = f"{quote}, said the service was under pressure."
        else:
            quote = rng.choice([f"{person.name}, {shown} at {body}", f"{person.name}, the {shown} of {body}"])
            sentence = f"{quote}, said lessons would be learnt."
        self._add(person.id, person.name, "job title", title, quote, sentence, kind="role", period=period,
                  cue=period > 0)  # fmt: skip

    def joined(self, person: Person) -> None:
        precision = self.rng.choice(["year", "month", "day"])
        written = _date_text(person.joined, precision)
        prep = "on" if precision == "day" else "in"
        body = self.name_of(person.body)
        quote = f"{person.name} joined {body} {prep} {written}"
        self._add(person.id, person.name, "start date", written, quote, quote + ".", kind="date", precision=precision)

    def _add(self, entity: str, who: str, prop: str, value: str, quote: str, sentence: str, *, kind: str | None = None,
             as_of: str | None = None, period: object = None, cue: bool = False, precision: str = "") -> None:  # fmt: skip
        self.facts.append(Fact(self.source, who, entity, prop, value, quote, sentence, kind, as_of, (entity, prop),
                               period, cue, self.published, precision))  # fmt: skip


def _story(body: Body, writer: Writer, rng: random.Random) -> None:
    """About ten facts on one body and its people."""
    props = list(body.counts)
    for prop in rng.sample(props, k=min(len(props), 3)):
        writer.count(body, prop)
    for head in body.spending:
        if rng.random() < 0.8:
            writer.spend(body, head)
    if rng.random() < 0.3:
        writer.formed(body)
    for person in rng.sample(body.people, k=min(len(body.people), 3)):
        writer.title(person)
        if rng.random() < 0.3:
            writer.joined(person)
    while len(writer.facts) < 9:
        writer.count(body, rng.choice(props))


def _comparable(p: Fact, q: Fact) -> bool:
    """Whether q, a right claim, shows p to be wrong: same subject, property and time, and nothing in
    q that could be read as a change after p."""
    if p.slot != q.slot or p.source == q.source:
        return False
    if p.kind == "date":
        return True
    if p.period != q.period:
        return False
    return not q.cue or q.published <= p.published


FIGURE_DAYS, TITLE_DAYS = 28, 182  # how far apart two plain reports can be and still be read as the same time


def _shows(p: Fact, q: Fact) -> bool:
    """Whether a reader holding q, a right claim, can tell that p, a planted one, is wrong: p says
    nothing of a change, and q is about the same time by its stated date (as_of), or, with no
    date stated, was published close enough that the figure or title could not have moved."""
    if p.slot != q.slot or p.source == q.source or p.cue:
        return False
    if p.kind == "date":
        return p.precision == "year" or q.precision != "year" or p.value[-4:] != q.value[-4:]
    if p.period != q.period or q.cue:
        return False
    if p.as_of or q.as_of:
        return p.as_of == q.as_of
    days = abs((p.published - q.published).days)
    return days <= (TITLE_DAYS if p.prop == "job title" else FIGURE_DAYS)


def _plant(fact: Fact, partners: list[Fact], world: dict[str, Body | Person], rng: random.Random) -> str | None:
    """Make fact wrong; returns the kind of error, or None when no wrong value can be made."""
    entity = world[fact.entity]
    if fact.prop == "job title":
        assert isinstance(entity, Person)
        held = {t for _, t in entity.titles}
        wrong = [t for t in KINDS[entity.body.kind][3] if t not in held]
        title = rng.choice(wrong)
        old = fact.value
        quote = fact.quote.replace(old, title).replace(old.replace("'", "\u2019"), title)
        if title not in quote or fact.cue:
            return None  # a cue says it changed: only a plain wrong title is planted
        fact.sentence, fact.quote, fact.value = fact.sentence.replace(fact.quote, quote), quote, title
        return "title"
    if fact.kind == "date":
        assert isinstance(entity, (Body, Person))
        true = entity.formed if isinstance(entity, Body) else entity.joined
        months = fact.precision != "year" and any(q.precision != "year" for q in partners)
        if months and rng.random() < 0.4:
            month = (true.month - 1 + rng.choice([-3, -2, 2, 3])) % 12 + 1
            day = dt.date(true.year, month, min(true.day, 28))
        else:
            day = dt.date(true.year + rng.choice([-3, -2, -1, 1, 2, 3]), true.month, min(true.day, 28))
        written = _date_text(day, fact.precision)
        _rewrite(fact, written)
        return "date"
    # a figure: a count or a sum, off by 20-45%, written without a hedge; against partners that all
    # give only a floor ("more than 4,500") it must be too low to be shown wrong
    down = all(q.value.startswith(("more than", "over")) for q in partners)
    assert isinstance(entity, Body)
    if "£" in fact.value:
        amount = entity.spending[fact.prop.removeprefix("spending on ")][int(str(fact.period))]
        written = f"£{_wrong_figure(amount, rng, down):.1f}m"
    else:
        index, _ = fact.period  # type: ignore[misc]
        value = entity.counts[fact.prop][index][1]
        written = f"{max(1, round(_wrong_figure(value, rng, down))):,}"
    _rewrite(fact, written)
    return "figure"


def _rewrite(fact: Fact, written: str) -> None:
    quote = fact.quote.replace(fact.value, written)
    fact.sentence, fact.quote, fact.value = fact.sentence.replace(fact.quote, quote), quote, written


def generate_dense(n: int, out: Path, seed: int = 1, proposed: float = 0.0) -> dict[str, object]:
    """Write a dense project of n sources into out; return its key (also written to key.json)."""
    rng = random.Random(seed)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    bodies = build_world(n, rng)
    world: dict[str, Body | Person] = {b.id: b for b in bodies}
    world.update({p.id: p for b in bodies for p in b.people})
    weights = [b.weight for b in bodies]
    span = (END - START).days
    sources: list[Writer] = []
    for i in range(n):
        writer = Writer(rng, i, START + dt.timedelta(days=rng.randrange(span)))
        _story(rng.choices(bodies, weights)[0], writer, rng)
        sources.append(writer)
    facts = [f for w in sources for f in w.facts]
    by_slot: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        by_slot.setdefault(f.slot, []).append(f)
    # plant: a share of claims made wrong, each with a right claim elsewhere that shows it
    planted: dict[int, str] = {}
    wrong: set[int] = set()
    order = list(range(len(facts)))
    rng.shuffle(order)
    target = round(len(facts) * 0.025)
    for i in order:
        if len(planted) >= target:
            break
        fact = facts[i]
        partners = [q for q in by_slot[fact.slot] if id(q) not in wrong and _comparable(fact, q)]
        if not partners:
            continue
        kind = _plant(fact, partners, world, rng)
        if kind is not None:
            planted[id(fact)] = kind
            wrong.add(id(fact))
    by_id = {id(f): f for f in facts}
    shown = {i for i in planted if any(id(q) not in wrong and _shows(by_id[i], q) for q in by_slot[by_id[i].slot])}
    # write sources, claims, manifest, entities
    manifest = ["sources:\n"]
    errors: list[dict[str, str]] = []
    for w in sources:
        name = f"src-{w.source:05d}.txt"
        body_text = []
        for n_fact, f in enumerate(w.facts):
            f.id = f"s{w.source:05d}-{n_fact:02d}"
            if id(f) in planted:
                errors.append({"claim": f.id, "kind": planted[id(f)], "subject": f.entity, "property": f.prop,
                               "shown": id(f) in shown})  # fmt: skip
            sentence = f.sentence
            if w.source % 3 == 0:
                sentence = sentence.replace("'", "\u2019").replace(" million", "\u00a0million")
            body_text.append(sentence + " " + rng.choice(FILLER))
        title = f"{w.facts[0].subject}: the figures behind the headlines"
        (out / "seeds" / name).write_text(title + "\n\n" + "\n\n".join(body_text) + "\n", encoding="utf-8")
        manifest.append(f'  - file: {name}\n    title: {json.dumps(title)}\n    published: {w.published.isoformat()}\n')
        lines = [f"source: {name}\nclaims:\n"]
        status = "    status: proposed\n" if proposed and w.source % round(1 / proposed) == 1 else ""
        for f in w.facts:
            lines.append(f"  - id: {f.id}\n    quote: {json.dumps(f.quote, ensure_ascii=False)}\n"
                         f"    subject: {json.dumps(f.subject)}\n    property: {f.prop}\n"
                         f"    value: {json.dumps(f.value, ensure_ascii=False)}\n"
                         + (f"    kind: {f.kind}\n" if f.kind else "")
                         + (f"    as_of: {f.as_of}\n" if f.as_of else "") + status)  # fmt: skip
        (out / "claims" / f"src-{w.source:05d}.yaml").write_text("".join(lines), encoding="utf-8")
    (out / "seeds" / "manifest.yaml").write_text("".join(manifest), encoding="utf-8")
    ents = ["entities:\n"]
    for b in bodies:
        aliases = f"    aliases: {json.dumps(b.aliases)}\n" if b.aliases else ""
        ents.append(f"  - id: {b.id}\n    name: {json.dumps(b.name)}\n    kind: organisation\n{aliases}")
        for p in b.people:
            ents.append(f"  - id: {p.id}\n    name: {json.dumps(p.name)}\n    kind: person\n"
                        f"    aliases: {json.dumps(p.aliases)}\n")  # fmt: skip
    (out / "claims" / "entities.yaml").write_text("".join(ents), encoding="utf-8")
    key = {"profile": "dense", "sources": n, "claims": len(facts), "entities": len(world), "errors": errors}
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    return key
