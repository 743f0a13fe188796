"""Generate a synthetic project: N news-like sources with about 10 claims each, and a key file.

    python benchmarks/gen_corpus.py N OUT [--seed S] [--proposed SHARE] [--profile sparse|dense]

This docstring describes the sparse profile (the default); `--profile dense` writes a world where
every subject recurs for years, with planted errors (see gen_dense.py).

Most claims are about a subject and property no other source mentions, so they must pair with
nothing. A known set is planted across pairs of sources and written to OUT/key.json:

  conflict  the same figure at the same time, beyond rounding  (£7m vs £7.6 million)
  rounding  one figure rounded from the other                  (£4m vs £4.4 million)
  changed   different figures at different times               (232 in October 2019 vs zero in July 2020)
  agree     the same figure said twice                         (corroborated)

A correct `factcheck verify` finds every planted conflict and flags nothing else as a conflict or
possible discrepancy. With --proposed, that share of the sources is as `factcheck extract` leaves
it: every claim `status: proposed`, to be paired by evidence rather than by subject and property.
Every subject's name has a place, a district and a body, so no name is another's fuller form.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_dense import generate_dense  # noqa: E402

PLACES = ["Ashford", "Barnsley", "Calderdale", "Dudley", "Ealing", "Fenland", "Gateshead", "Harrow", "Ipswich",
          "Kirklees", "Lambeth", "Medway", "Newham", "Oldham", "Peterborough", "Rochdale", "Sefton", "Tameside",
          "Wakefield", "Wirral", "Bolton", "Bury", "Camden", "Derby", "Exeter", "Gloucester", "Halton", "Luton",
          "Merton", "Norwich", "Oxford", "Plymouth", "Reading", "Salford", "Swindon", "Torbay", "Walsall", "York"]  # fmt: skip
DISTRICTS = ["Vale", "Heath", "Moor", "Bridge", "Field", "Marsh", "Down", "Ford", "Wood", "Cross", "Green", "Hill",
             "Brook", "Lea", "Mead", "Fen", "Wold", "Dale", "Combe", "Holt"]  # fmt: skip
BODIES = ["Council", "Health Trust", "Fire Service", "Police", "Housing Association", "Water Board", "Schools Trust",
          "Transport Authority", "Library Service", "Care Agency"]  # fmt: skip
MONEY = ["road repairs", "social care", "school meals", "flood defences", "bus subsidies", "library stock",
         "park maintenance", "street lighting", "youth services", "homelessness support", "waste collection",
         "IT systems", "consultancy fees", "staff training", "building upkeep"]  # fmt: skip
COUNTS = ["unfilled posts", "waiting families", "empty homes", "open complaints", "agency workers",
          "delayed transfers", "missed collections", "potholes reported", "pupils excluded", "care places"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
FILLER = [
    "Residents have raised the matter at several public meetings this year.",
    "A spokesperson said the figures would be reviewed by the scrutiny committee.",
    "Opposition members called for an independent inquiry.",
    "The report was published on the authority's website on Tuesday.",
    "Campaigners said the situation had been building for some time.",
    "Officials declined to comment further while the review continues.",
]
MONEY_SENTENCES = [
    "{who} spent {value} on {what} in {year}, according to its accounts.",
    "Figures show {who} put {value} into {what} during {year}.",
    "In {year}, {who} set aside {value} for {what}, the papers reveal.",
]
COUNT_SENTENCES = [
    "{who} had {value} {what} in {month} {year}, a council paper says.",
    "By {month} {year} there were {value} {what} at {who}, officials confirmed.",
]


def money(amount_m: float, style: int) -> str:
    """A money figure as papers write it: £7m, £7.6 million, £7,600,000."""
    if style == 0:
        return f"£{amount_m:g}m"
    if style == 1:
        return f"£{amount_m:g} million"
    return f"£{round(amount_m * 1_000_000):,}"


def generate(n: int, out: Path, seed: int = 1, proposed: float = 0.0) -> dict[str, object]:
    rng = random.Random(seed)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    entities: list[tuple[str, str]] = []  # (id, name)
    combos = len(PLACES) * len(BODIES) * len(DISTRICTS)
    for i in range(n // 2 + 40):
        place, body = PLACES[i % len(PLACES)], BODIES[(i // len(PLACES)) % len(BODIES)]
        district = DISTRICTS[(i // (len(PLACES) * len(BODIES))) % len(DISTRICTS)]
        number = i // combos  # past 7,600 subjects names repeat their words: told apart by a number
        name = f"{place} {district} {body}" + (f" {number + 1}" if number else "")
        entities.append((f"e{i:05d}", name))
    keys = iter(rng.sample(range(len(entities) * (len(MONEY) + len(COUNTS))), k=min(
        len(entities) * (len(MONEY) + len(COUNTS)), n * 12)))  # fmt: skip

    def fresh_key() -> tuple[int, str, str]:
        k = next(keys)
        e, p = divmod(k, len(MONEY) + len(COUNTS))
        kind = "money" if p < len(MONEY) else "count"
        return e, kind, (MONEY + COUNTS)[p]

    published = [dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000)) for _ in range(n)]
    docs: list[list[dict]] = [[] for _ in range(n)]
    planted: dict[str, list[list[str]]] = {"conflict": [], "rounding": [], "changed": [], "agree": []}

    def claim(doc: int, e: int, kind: str, what: str, value: str, year: int, month: int | None) -> str:
        cid = f"s{doc:05d}-{len(docs[doc]):02d}"
        who = entities[e][1]
        if kind == "money":
            text = rng.choice(MONEY_SENTENCES).format(who=who, value=value, what=what, year=year)
        else:
            text = rng.choice(COUNT_SENTENCES).format(who=who, value=value, what=what, month=MONTHS[month or 0],
                                                      year=year)  # fmt: skip
        quote = next(part for part in text.split(", ") if value in part).rstrip(".")
        as_of = str(year) if kind == "money" else f"{MONTHS[month or 0]} {year}"
        docs[doc].append({"id": cid, "text": text, "quote": quote, "subject": who, "entity": entities[e][0],
                          "property": what if kind == "money" else what, "value": value, "as_of": as_of})  # fmt: skip
        return cid

    # planted pairs: one in every 4 sources starts one, with a partner source chosen at random
    for doc in range(0, n, 4):
        if n < 2:
            break
        other = rng.choice([d for d in (doc + 1, doc + 2, doc + 3, doc - 1) if 0 <= d < n and d != doc] or [0])
        e, kind, what = fresh_key()
        plan = ("conflict", "rounding", "changed", "agree")[(doc // 4) % 4]
        year = rng.randrange(2012, 2024)
        if kind == "money":
            base = rng.randrange(20, 90)  # £2m–£9m in tenths
            whole = base // 10
            if plan == "conflict":
                a, b = money(whole, 0), money(whole + 0.6, 1)
            elif plan == "rounding":
                a, b = money(whole, 0), money(whole + 0.4, 1)
            elif plan == "agree":
                a = b = money(base / 10, rng.randrange(3))
            else:
                a, b = money(whole, 0), money(whole + 3, 0)
            years = (year, year + 2) if plan == "changed" else (year, year)
            ids = [claim(doc, e, kind, what, a, years[0], None), claim(other, e, kind, what, b, years[1], None)]
        else:
            base = rng.randrange(30, 900)
            month = rng.randrange(12)
            if plan == "conflict":
                a, b = str(base), str(base + 17)
            elif plan == "rounding":
                a, b = f"about {round(base, -1)}", str(round(base, -1) + 3)
            elif plan == "agree":
                a, b = str(base), str(base)
            else:
                a, b = str(base), str(base // 3)
            years = (year, year + 1) if plan == "changed" else (year, year)
            ids = [claim(doc, e, kind, what, a, years[0], month), claim(other, e, kind, what, b, years[1], month)]
        planted[plan].append(ids)
    # the rest: claims no other source shares
    for doc in range(n):
        while len(docs[doc]) < 10:
            e, kind, what = fresh_key()
            year = rng.randrange(2012, 2024)
            value = money(rng.randrange(11, 990) / 10, rng.randrange(3)) if kind == "money" else str(
                rng.randrange(2, 5000))  # fmt: skip
            claim(doc, e, kind, what, value, year, rng.randrange(12))
    manifest = ["sources:\n"]
    used: set[str] = set()
    for doc in range(n):
        name = f"src-{doc:05d}.txt"
        rng.shuffle(docs[doc])
        paragraphs = []
        for c in docs[doc]:
            paragraphs.append(c["text"] + " " + rng.choice(FILLER))
        title = f"Report {doc}: {docs[doc][0]['subject']} under scrutiny"
        (out / "seeds" / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        manifest.append(f'  - file: {name}\n    title: "{title}"\n    published: {published[doc].isoformat()}\n')
        lines = [f"source: {name}\nclaims:\n"]
        status = "    status: proposed\n" if proposed and doc % round(1 / proposed) == 1 else ""
        for c in sorted(docs[doc], key=lambda c: c["id"]):
            used.add(c["entity"])
            lines.append(
                f"  - id: {c['id']}\n    quote: {json.dumps(c['quote'], ensure_ascii=False)}\n"
                f"    subject: {c['entity']}\n    property: {c['property']}\n"
                f"    value: {json.dumps(c['value'], ensure_ascii=False)}\n    as_of: {c['as_of']}\n{status}"
            )
        (out / "claims" / f"src-{doc:05d}.yaml").write_text("".join(lines), encoding="utf-8")
    (out / "seeds" / "manifest.yaml").write_text("".join(manifest), encoding="utf-8")
    ents = ["entities:\n"] + [f"  - id: {i}\n    name: {name}\n" for i, name in entities if i in used]
    (out / "claims" / "entities.yaml").write_text("".join(ents), encoding="utf-8")
    key = {"sources": n, "claims": sum(len(d) for d in docs), **planted}
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of sources")
    parser.add_argument("out", type=Path, help="folder to write the project into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--proposed", type=float, default=0.0, help="share of sources left as extract leaves them")
    parser.add_argument("--profile", choices=["sparse", "dense"], default="sparse")
    args = parser.parse_args()
    if args.profile == "dense":
        key = generate_dense(args.n, args.out, args.seed, args.proposed)
        kinds = Counter(e["kind"] for e in key["errors"])  # type: ignore[attr-defined]
        print(f"{args.out}: {key['sources']} sources, {key['claims']} claims, {key['entities']} entities; planted "
              f"{len(key['errors'])} errors ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")  # type: ignore[arg-type]
        return
    key = generate(args.n, args.out, args.seed, args.proposed)
    counts = ", ".join(f"{len(key[k])} {k}" for k in ("conflict", "rounding", "changed", "agree"))  # type: ignore[arg-type]
    print(f"{args.out}: {key['sources']} sources, {key['claims']} claims; planted {counts}")


if __name__ == "__main__":
    main()
