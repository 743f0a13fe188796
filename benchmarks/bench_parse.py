"""factcheck.parse against dateparser, quantulum3, price-parser and Microsoft Recognizers-Text.

Every system reads the same labelled phrases in one run, set by set: our own phrase files
(benchmarks/phrases/*.txt), the third-party development set (phrases/thirdparty/data/dev.jsonl,
labels written by others) and, with --heldback, its held-back split (scored only: its misses are
never printed). For each labelled value the script asks: did the system find it? It prints
accuracy per kind (money, number, date, time) and phrases per second (median of --repeat timed
passes, after one warm-up phrase, so import and first-call costs are left out for every system
alike). --scale prints the time factcheck takes against the size of one text (linear time).

    pip install '.[bench]'           # the peers: benchmark-only, never runtime dependencies
    python benchmarks/bench_parse.py [--repeat 3] [--only factcheck,dateparser] [--misses factcheck]
                                     [--sets ours,dev] [--heldback] [--scale] [--by-source]

Scoring, the same for every system:
  money   an amount equal to the label's (relative tolerance 0.1%) in the same currency
  number  any figure equal to the label's (relative tolerance 0.1%; 0.001 absolute for fractions)
  date    a day or a span lying inside the label's span (a point-only answer counts if inside);
          a span's two ends count as answers too, as a range's two figures do for numbers
  time    a time of day equal to the label's (either half of the day when the label has no am/pm)
A system that does not attempt a kind is shown with "n/a" for it.

The first line says which factcheck is measured: a normal install (`pip install .`) has its readers
compiled by mypyc (setup.py), an editable one (`pip install -e .`) runs them as pure Python, about
1.4 times slower; both read the same values.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
PHRASE_FILES = [HERE / "phrases" / "news.txt", HERE / "phrases" / "generated.txt", HERE / "phrases" / "heldout.txt"]
THIRD_PARTY = HERE / "phrases" / "thirdparty" / "data"
KINDS = ("money", "number", "date", "time")
NO_REF = dt.date(2020, 1, 1)  # third-party cases without a document date have no relative dates


@dataclass(frozen=True)
class Label:
    kind: str
    value: float | None = None
    unit: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    minutes: int | None = None  # a time of day
    either_half: bool = False  # a time written without am/pm: HH:MM or twelve hours later


@dataclass(frozen=True)
class Phrase:
    ref: dt.date
    text: str
    labels: tuple[Label, ...]
    where: str


# An answer: ("money", value, code) | ("number", value) | ("date", start, end) | ("time", minutes)
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
    if kind == "time":
        h, m = rest[0].split(":")
        return Label("time", minutes=int(h) * 60 + int(m))
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


def load_cases(path: Path) -> list[Phrase]:
    """Third-party cases (one labelled value a line, see phrases/thirdparty/README.md), grouped so
    a text with several values is one phrase with several labels."""
    grouped: dict[tuple[str, str | None], list[Label]] = {}
    where: dict[tuple[str, str | None], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        label = read_label(case["label"])
        if label.kind == "time" and case.get("ambiguous_12h"):
            label = Label("time", minutes=label.minutes, either_half=True)
        key = (case["text"], case.get("ref"))
        grouped.setdefault(key, []).append(label)
        where.setdefault(key, case["source"])
    return [
        Phrase(dt.date.fromisoformat(ref) if ref else NO_REF, text, tuple(labels), where[(text, ref)])
        for (text, ref), labels in grouped.items()
    ]


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
        if label.kind == "time" and ans[0] == "time" and label.minutes is not None:
            if ans[1] == label.minutes or (label.either_half and (ans[1] + 720) % 1440 == label.minutes):
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
                out.extend(("date", e.start, e.end) for e in v.ends)
            elif v.kind == "time":
                out.append(("time", v.low))
            elif v.kind == "duration":
                out.extend(("number", x) for x in v.counts)  # "19 years": the count as written
            elif v.kind in ("money", "rate") and v.unit and v.unit[:3].isupper():
                out.extend(("money", x, v.unit[:3]) for x in v.figures or [v.value])
            elif v.kind in ("number", "percent", "rate"):
                out.extend(("number", x) for x in v.figures or [v.value])
        return out

    return run, {"money", "number", "date", "time"}


def dateparser_system(languages: list[str] | None = None) -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from dateparser.search import search_dates

    def run(p: Phrase) -> list[Answer]:
        base = dt.datetime(p.ref.year, p.ref.month, p.ref.day, 12, 0)
        hits = search_dates(p.text, languages=languages, settings={"RELATIVE_BASE": base}) or []
        out: list[Answer] = [("date", when.date(), when.date()) for _, when in hits]
        # a time of day where the words found say one (else the time is only the base's noon)
        out.extend(("time", when.hour * 60 + when.minute) for said, when in hits if _SAYS_TIME(said))
        return out

    return run, {"date", "time"}


_SAYS_TIME = __import__("re").compile(r"[0-9]:[0-5][0-9]|[0-9]\s?[ap]\.?m|noon|midnight|o'clock", 2).search


CURRENCY_NAMES = {
    "pound sterling": "GBP",
    "penny": "GBP",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "cent": "USD",
}


def code_for(name: str | None) -> str | None:
    """A peer's name or sign for a currency as an ISO code, read as generously as our own table
    reads it (so a peer is not marked down for naming a currency its own way)."""
    from factcheck.normalize import currencies

    if not name:
        return None
    name = name.strip()
    if name in currencies.CODES:
        return name
    if name.lower() in CURRENCY_NAMES:
        return CURRENCY_NAMES[name.lower()]
    if name in currencies.SIGNS:
        return currencies.SIGNS[name]
    if name.lower() in currencies.LETTER_SIGNS:
        return currencies.LETTER_SIGNS[name.lower()]
    if name.endswith("$") and name[:-1] in currencies.DOLLARS:
        return currencies.DOLLARS[name[:-1]]
    last = name.lower().split()[-1] if name.split() else ""
    for adjective, code in currencies.ADJECTIVES.items():
        if name.lower().startswith(adjective + " "):
            return code
    return currencies.NAMES.get(last) or currencies.NAMES.get(last + "s")


def quantulum_system() -> tuple[Callable[[Phrase], list[Answer]], set[str]]:
    from quantulum3 import parser

    def run(p: Phrase) -> list[Answer]:
        out: list[Answer] = []
        for q in parser.parse(p.text):
            if q.unit.entity.name == "currency":
                code = getattr(q.unit, "currency_code", None) or code_for(q.unit.name)
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
        code = SYMBOLS.get((price.currency or "").strip()) or code_for(price.currency)
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
            code = res.get("isoCurrency") or UNIT_CODES.get(res.get("unit") or "") or code_for(res.get("unit"))
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
                if v.get("type") in ("time", "datetime") and len(v.get("value", "")) >= 5:
                    clock = v["value"][-8:]
                    if clock[2:3] == ":":
                        out.append(("time", int(clock[:2]) * 60 + int(clock[3:5])))
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

    return run, {"money", "number", "date", "time"}


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
    rate: float  # phrases per second of wall time, median pass
    misses: list[tuple[Phrase, Label, list[Answer]]]
    by_source: dict[str, list[int]]
    cpu_rate: float = 0.0  # phrases per second of CPU time (user + system), median pass


def timed_pass(run: Callable[[Phrase], list[Answer]], phrases: list[Phrase]) -> tuple[list[list[Answer]], float, float]:
    """Every phrase read once: the answers, the wall time and the CPU time (user + system) it took."""
    c0, t0 = time.process_time(), time.perf_counter()
    batch = [run(p) for p in phrases]
    return batch, time.perf_counter() - t0, time.process_time() - c0


def measure(name: str, phrases: list[Phrase], repeat: int, against: str = "", set_key: str = "") -> list[Result]:
    """The system's result on phrases; with `against` (another checkout's interpreter), that checkout's
    factcheck too, one pass of it right after each of ours, so both meet the same load."""
    try:
        run, kinds = SYSTEMS[name]()
    except ImportError as exc:
        print(f"  {name}: not installed ({exc.name}); pip install -e '.[bench]'", file=sys.stderr)
        return []
    run(phrases[0])  # warm-up: first-call set-up is not throughput
    answers: list[list[Answer]] = []
    times, cpus, others = [], [], []
    for i in range(repeat):
        batch, wall, cpu = timed_pass(run, phrases)
        times.append(wall)
        cpus.append(cpu)
        if i == 0:
            answers = batch
        if against:
            others.append(_worker_pass(against, set_key))
    results = [score(name, kinds, phrases, answers, times, cpus)]
    if others:
        total = results[0].total
        rate = len(phrases) / statistics.median(o["wall"] for o in others)
        cpu_rate = len(phrases) / statistics.median(o["cpu"] for o in others)
        results.append(Result(f"{name}@against", kinds, others[0]["correct"], total, rate, [], {}, cpu_rate))
    return results


def _worker_pass(python: str, set_key: str) -> dict[str, Any]:
    """One timed pass of factcheck in another interpreter (another checkout's virtual environment)."""
    cmd = [python, str(Path(__file__).resolve()), "--worker", set_key]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"--against {python}: the worker failed:\n{done.stderr.strip()[-2000:]}")
    answer: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return answer


def score(name: str, kinds: set[str], phrases: list[Phrase], answers: list[list[Answer]], times: list[float],
          cpus: list[float]) -> Result:  # fmt: skip
    correct = dict.fromkeys(KINDS, 0)
    total = dict.fromkeys(KINDS, 0)
    misses = []
    by_source: dict[str, list[int]] = {}
    for p, got in zip(phrases, answers, strict=True):
        for label in p.labels:
            total[label.kind] += 1
            hit = found(label, got)
            cell = by_source.setdefault(f"{p.where.split(':')[0]} {label.kind}", [0, 0])
            cell[1] += 1
            if hit:
                correct[label.kind] += 1
                cell[0] += 1
            elif label.kind in kinds:
                misses.append((p, label, got))
    return Result(name, kinds, correct, total, len(phrases) / statistics.median(times), misses, by_source,
                  len(phrases) / statistics.median(cpus))  # fmt: skip


def print_table(title: str, phrases: list[Phrase], results: list[Result]) -> None:
    counts = {k: sum(1 for p in phrases for label in p.labels if label.kind == k) for k in KINDS}
    print(f"\n{title}: {len(phrases)} phrases; labelled values: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    print(f"{'system':<16}" + "".join(f"{k:>9}" for k in KINDS) + f"{'phrases/s':>12}{'per CPU s':>12}")
    for r in results:
        cells = [f"{100 * r.correct[k] / r.total[k]:.1f}%" if k in r.kinds and r.total[k] else "n/a" for k in KINDS]
        print(f"{r.name:<16}" + "".join(f"{c:>9}" for c in cells) + f"{r.rate:>12,.0f}{r.cpu_rate:>12,.0f}")


SCALE_SIZES = (125_000, 250_000, 500_000, 1_000_000)


def dense_text(size: int) -> str:
    """One text of about size characters with a value about every ten (the issue's 1 MB holds 100,000)."""
    pieces = ["£5m", "12%", "2019", "3.5", "9pm", "Friday", "£7.6bn", "40", "3 May", "€20"]
    joiners = [", so ", " and ", "; then "]
    words: list[str] = []
    length = 0
    i = 0
    while length < size - 12:
        piece = pieces[i % len(pieces)] + joiners[i % 3]
        words.append(piece)
        length += len(piece)
        i += 1
    return "".join(words)


def scale_sweep() -> list[tuple[int, int, float, float]]:
    """(characters, values, wall seconds, CPU seconds) for each size of dense text."""
    from factcheck import parse

    out = []
    for size in SCALE_SIZES:
        text = dense_text(size)
        c0, t0 = time.process_time(), time.perf_counter()
        found_values = parse(text)
        out.append((len(text), len(found_values), time.perf_counter() - t0, time.process_time() - c0))
    return out


def parser_build() -> str:
    """Which factcheck is measured, and whether its readers are compiled (a normal install) or pure Python."""
    from factcheck.normalize import numbers

    where = Path(numbers.__file__)
    how = "pure Python" if where.suffix == ".py" else "readers compiled by mypyc"
    return f"factcheck: {how} ({where.parent.parent})"


def scale_figures(runs: int = 1, against: str = "") -> None:
    """Time against size for one text dense with values: linear time shows as a flat time per value.
    Medians of `runs` sweeps; with `against`, the other checkout's sweep alternates with this one's."""
    ours: list[list[tuple[int, int, float, float]]] = []
    theirs: list[list[list[float]]] = []
    for _ in range(runs):
        ours.append(scale_sweep())
        if against:
            theirs.append(_worker_pass(against, "scale")["sweep"])
    print(f"\nlinear time: one text, a value about every 10 characters (median of {runs} run{'s' * (runs > 1)})")
    head = f"{'characters':>12}{'values':>10}{'wall s':>9}{'CPU s':>8}{'µs/value':>10}"
    print(head + (f"{'against CPU s':>15}{'ratio':>7}" if against else ""))
    for k in range(len(SCALE_SIZES)):
        chars, values = ours[0][k][0], ours[0][k][1]
        wall = statistics.median(run[k][2] for run in ours)
        cpu = statistics.median(run[k][3] for run in ours)
        line = f"{chars:>12,}{values:>10,}{wall:>9.2f}{cpu:>8.2f}{1e6 * cpu / max(1, values):>10.1f}"
        if against:
            other = statistics.median(run[k][3] for run in theirs)
            line += f"{other:>15.2f}{other / cpu:>6.2f}x"
        print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes for factcheck (median reported)")
    ap.add_argument("--peer-repeat", type=int, default=1, help="timed passes for each peer (they are slow)")
    ap.add_argument("--only", default=",".join(SYSTEMS), help="comma-separated systems to run")
    ap.add_argument("--misses", default="", help="print the labels this system missed (never for the held-back set)")
    ap.add_argument("--phrases", nargs="*", type=Path, default=PHRASE_FILES, help="our labelled phrase files")
    ap.add_argument("--sets", default="ours,dev", help="phrase sets: ours (phrase files), dev (third-party)")
    ap.add_argument("--heldback", action="store_true", help="also score the held-back split (final report only)")
    ap.add_argument("--by-source", action="store_true", help="accuracy per third-party source and kind")
    ap.add_argument("--scale", action="store_true", help="print time against text size (linear time)")
    ap.add_argument("--sample", type=int, default=0, help="score every system on the same N phrases of each set")
    ap.add_argument("--scale-runs", type=int, default=1, help="sweeps for --scale (median reported)")
    ap.add_argument("--against", default="", metavar="PYTHON",
                    help="also time the factcheck of another checkout, through its interpreter (its .venv/bin/python), "
                         "pass for pass with this one; prints both and the ratio")  # fmt: skip
    ap.add_argument("--worker", default="", help=argparse.SUPPRESS)  # one timed pass for --against
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    if args.worker:
        return worker(args.worker, args.phrases)
    print(parser_build())
    sets: list[tuple[str, str, list[Phrase]]] = []
    wanted = [x.strip() for x in args.sets.split(",") if x.strip()]
    if "ours" in wanted:
        sets.append(("ours", "ours (benchmarks/phrases/*.txt)", load_phrases(args.phrases)))
    for name, file, show in (("dev", "dev.jsonl", "dev" in wanted), ("heldback", "heldback.jsonl", args.heldback)):
        if not show:
            continue
        if not (THIRD_PARTY / file).exists():
            print(f"  {THIRD_PARTY / file} missing: rebuild it (phrases/thirdparty/README.md)", file=sys.stderr)
            continue
        sets.append((name, f"third-party {name} ({file})", load_cases(THIRD_PARTY / file)))
    if args.against and (args.sample or args.phrases != PHRASE_FILES):
        sys.exit("--against times whole default sets: leave out --sample and --phrases")
    for set_key, title, phrases in sets:
        if args.sample and len(phrases) > args.sample:
            import random

            phrases = random.Random(16).sample(phrases, args.sample)  # the same phrases for every system
            title += f", a sample of {args.sample}"
        results = []
        for name in (n.strip() for n in args.only.split(",")):
            against = args.against if name == "factcheck" else ""
            repeat = args.repeat if name == "factcheck" else args.peer_repeat
            results.extend(measure(name, phrases, repeat, against, set_key))
        print_table(title, phrases, results)
        if args.against and any(r.name == "factcheck@against" for r in results):
            this = next(r for r in results if r.name == "factcheck")
            other = next(r for r in results if r.name == "factcheck@against")
            print(
                f"  factcheck against {args.against}: {this.cpu_rate / other.cpu_rate:.2f}x the phrases per CPU "
                f"second, {this.rate / other.rate:.2f}x per wall second (medians of {args.repeat} alternating passes)"
            )
        if args.by_source and "third-party" in title:
            for r in results:
                cells = ", ".join(f"{k} {100 * c / t:.0f}% of {t}" for k, (c, t) in sorted(r.by_source.items()))
                print(f"  {r.name} by source: {cells}")
        for r in results:
            if r.name == args.misses and "heldback" not in title:
                print(f"\n{r.name} missed {len(r.misses)}:")
                for p, label, got in r.misses:
                    print(f"  {p.where}  {p.text!r} (ref {p.ref})\n      want {label}\n      got  {got}")
    if args.scale:
        scale_figures(args.scale_runs, args.against)
    return 0


def worker(set_key: str, phrase_files: list[Path]) -> int:
    """For --against: one warmed-up timed pass over one set (or one scale sweep), as a line of JSON."""
    if set_key == "scale":
        print(json.dumps({"sweep": scale_sweep()}))
        return 0
    phrases = load_phrases(phrase_files) if set_key == "ours" else load_cases(THIRD_PARTY / f"{set_key}.jsonl")
    run, kinds = factcheck_system()
    timed_pass(run, phrases)  # a whole pass to warm up: the other side's median pass is a warm one too
    answers, wall, cpu = timed_pass(run, phrases)
    r = score("factcheck", kinds, phrases, answers, [wall], [cpu])
    print(json.dumps({"wall": wall, "cpu": cpu, "correct": r.correct}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
