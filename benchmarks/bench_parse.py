"""factcheck.parse against dateparser, quantulum3, price-parser and Microsoft Recognizers-Text.

Every system reads the same labelled phrases (benchmarks/phrases/*.txt) in one run. For each
labelled value the script asks: did the system find it? It prints accuracy per kind (money,
number, date) and phrases per second (median of --repeat timed passes, after one warm-up phrase,
so import and first-call costs are left out for every system alike).

    pip install -e '.[bench]'        # the peers: benchmark-only, never runtime dependencies
    python benchmarks/bench_parse.py [--repeat 3] [--only factcheck,dateparser] [--misses factcheck]
                                     [--phrases benchmarks/phrases/heldout.txt]

Scoring, the same for every system:
  money   an amount equal to the label's (relative tolerance 0.1%) in the same currency
  number  any figure equal to the label's (relative tolerance 0.1%; 0.001 absolute for fractions)
  date    a day or a span lying inside the label's span (a point-only answer counts if inside)
A system that does not attempt a kind is shown with "—" for it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
PHRASE_FILES = [HERE / "phrases" / "news.txt", HERE / "phrases" / "generated.txt", HERE / "phrases" / "heldout.txt"]
KINDS = ("money", "number", "date")


@dataclass(frozen=True)
class Label:
    kind: str
    value: float | None = None
    unit: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Phrase:
    ref: dt.date
    text: str
    labels: tuple[Label, ...]
    where: str


# An answer: ("money", value, code) | ("number", value) | ("date", start, end)
Answer = tuple


def read_label(text: str) -> Label:
    kind, *rest = text.split()
    if kind == "money":
        return Label("money", float(rest[0]), rest[1])
    if kind == "number":
        return Label("number", float(rest[0]))
    if kind == "date":
        a, _, b = rest[0].partition("..")
        return Label("date", start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b or a))
    raise ValueError(f"unknown label kind {kind!r}")


def load_phrases(files: list[Path]) -> list[Phrase]:
    phrases = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            ref, text, labels = (part.strip() for part in line.split("|"))
            parsed = tuple(read_label(x.strip()) for x in labels.split(";") if x.strip())
            phrases.append(Phrase(dt.date.fromisoformat(ref), text, parsed, f"{file.name}:{number}"))
    return phrases


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-3 if abs(b) < 1 else 0.0)


def found(label: Label, answers: list[Answer]) -> bool:
    for ans in answers:
        if label.kind == "money" and ans[0] == "money" and ans[2] == label.unit and close(ans[1], label.value):
            return True
        if label.kind == "number" and ans[0] in ("number", "money") and close(ans[1], label.value):
            return True
        if label.kind == "date" and ans[0] == "date" and label.start <= ans[1] and ans[2] <= label.end:
            return True
    return False


# --- the systems --------------------------------------------------------------------------------


def factcheck_system() -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from factcheck import parse

    def run(p: Phrase) -> list[Answer]:
        out: list[Answer] = []
        for v in parse(p.text, ref=p.ref):
            if v.kind == "date":
                if v.range is not None:
                    out.append(("date", v.range.start, v.range.end))
            elif v.kind in ("money", "rate") and v.unit and v.unit[:3].isupper():
                out.extend(("money", x, v.unit[:3]) for x in v.figures or [v.value])
            elif v.kind in ("number", "percent", "rate"):
                out.extend(("number", x) for x in v.figures or [v.value])
        return out

    return run, {"money", "number", "date"}


def dateparser_system(languages: list[str] | None = None) -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from dateparser.search import search_dates

    def run(p: Phrase) -> list[Answer]:
        base = dt.datetime(p.ref.year, p.ref.month, p.ref.day, 12, 0)
        hits = search_dates(p.text, languages=languages, settings={"RELATIVE_BASE": base}) or []
        return [("date", when.date(), when.date()) for _, when in hits]

    return run, {"date"}


CURRENCY_NAMES = {
    "pound sterling": "GBP",
    "penny": "GBP",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "cent": "USD",
}


def quantulum_system() -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from quantulum3 import parser

    def run(p: Phrase) -> list[Answer]:
        out: list[Answer] = []
        for q in parser.parse(p.text):
            if q.unit.entity.name == "currency":
                code = getattr(q.unit, "currency_code", None) or CURRENCY_NAMES.get(q.unit.name)
                value = q.value / 100 if q.unit.name in ("penny", "cent") else q.value
                if code:
                    out.append(("money", value, code))
            out.append(("number", q.value))
        return out

    return run, {"money", "number"}


SYMBOLS = {
    "£": "GBP",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "GBP": "GBP",
    "USD": "USD",
    "EUR": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "p": "GBP",
}


def price_parser_system() -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from price_parser import Price

    def run(p: Phrase) -> list[Answer]:
        price = Price.fromstring(p.text)
        code = SYMBOLS.get((price.currency or "").strip())
        if price.amount is None or code is None:
            return []
        return [("money", float(price.amount), code)]

    return run, {"money"}


UNIT_CODES = {
    "Pound": "GBP",
    "British pound": "GBP",
    "Pence": "GBP",
    "Penny": "GBP",
    "Dollar": "USD",
    "United States dollar": "USD",
    "Euro": "EUR",
    "Cent": "USD",
}


def recognizers_system() -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    import recognizers_suite as rs
    from recognizers_suite import Culture

    def run(p: Phrase) -> list[Answer]:
        out: list[Answer] = []
        for r in rs.recognize_currency(p.text, Culture.English):
            res = r.resolution or {}
            code = res.get("isoCurrency") or UNIT_CODES.get(res.get("unit") or "")
            if res.get("value") is not None and code:
                value = float(res["value"])
                out.append(("money", value / 100 if res.get("unit") in ("Pence", "Penny", "Cent") else value, code))
        for r in rs.recognize_number(p.text, Culture.English) + rs.recognize_percentage(p.text, Culture.English):
            value = (r.resolution or {}).get("value")
            try:
                out.append(("number", float(str(value).rstrip("%"))))
            except (TypeError, ValueError):
                pass
        base = dt.datetime(p.ref.year, p.ref.month, p.ref.day, 12, 0)
        for r in rs.recognize_datetime(p.text, Culture.English, reference=base):
            for v in (r.resolution or {}).get("values", []):
                try:
                    if "value" in v and v.get("type") in ("date", "datetime"):
                        day = dt.date.fromisoformat(v["value"][:10])
                        out.append(("date", day, day))
                    elif "start" in v and v.get("type") in ("daterange", "datetimerange"):
                        start = dt.date.fromisoformat(v["start"][:10])
                        end = dt.date.fromisoformat(v.get("end", v["start"])[:10])
                        end = end - dt.timedelta(days=1) if end > start else end  # exclusive end
                        out.append(("date", start, end))
                except ValueError:
                    pass  # unresolved timex such as XXXX-09
        return out

    return run, {"money", "number", "date"}


SYSTEMS = {
    "factcheck": factcheck_system,
    # English only: dateparser's fastest setting, and the baseline for the speed ratio
    "dateparser": lambda: dateparser_system(["en"]),
    # as most code calls it: language detection on
    "dateparser-auto": dateparser_system,
    "quantulum3": quantulum_system,
    "price-parser": price_parser_system,
    "recognizers": recognizers_system,
}


@dataclass
class Result:
    name: str
    kinds: set[str]
    correct: dict[str, int]
    total: dict[str, int]
    rate: float
    misses: list[tuple[Phrase, Label, list[Answer]]]


def measure(name: str, phrases: list[Phrase], repeat: int) -> Result | None:
    try:
        run, kinds = SYSTEMS[name]()
    except ImportError as exc:
        print(f"  {name}: not installed ({exc.name}); pip install -e '.[bench]'", file=sys.stderr)
        return None
    run(phrases[0])  # warm-up: first-call set-up is not throughput
    answers: list[list[Answer]] = []
    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        batch = [run(p) for p in phrases]
        times.append(time.perf_counter() - t0)
        if i == 0:
            answers = batch
    correct = dict.fromkeys(KINDS, 0)
    total = dict.fromkeys(KINDS, 0)
    misses = []
    for p, got in zip(phrases, answers, strict=True):
        for label in p.labels:
            total[label.kind] += 1
            if found(label, got):
                correct[label.kind] += 1
            elif label.kind in kinds:
                misses.append((p, label, got))
    return Result(name, kinds, correct, total, len(phrases) / statistics.median(times), misses)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per system (median reported)")
    ap.add_argument("--only", default=",".join(SYSTEMS), help="comma-separated systems to run")
    ap.add_argument("--misses", default="", help="print the labels this system missed")
    ap.add_argument("--phrases", nargs="*", type=Path, default=PHRASE_FILES, help="labelled phrase files")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    phrases = load_phrases(args.phrases)
    counts = {k: sum(1 for p in phrases for label in p.labels if label.kind == k) for k in KINDS}
    print(f"{len(phrases)} phrases; labelled values: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    results = [r for name in args.only.split(",") if (r := measure(name.strip(), phrases, args.repeat))]
    base = next((r for r in results if r.name == "dateparser"), None)
    print()
    print(f"{'system':<14}{'money':>9}{'number':>9}{'date':>9}{'phrases/s':>12}{'× dateparser':>15}")
    for r in results:
        cells = [f"{100 * r.correct[k] / r.total[k]:.1f}%" if k in r.kinds and r.total[k] else "—" for k in KINDS]
        ratio = f"{r.rate / base.rate:.1f}×" if base else "—"
        print(f"{r.name:<14}{cells[0]:>9}{cells[1]:>9}{cells[2]:>9}{r.rate:>12,.0f}{ratio:>15}")
    for r in results:
        if r.name == args.misses:
            print(f"\n{r.name} missed {len(r.misses)}:")
            for p, label, got in r.misses:
                print(f"  {p.where}  {p.text!r} (ref {p.ref})\n      want {label}\n      got  {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
